/**
 * `npm run bench [-- --quick]`: measures the local org side by side with its limits, in one process run,
 * and writes bench/results/latest.json. Figures are ratios against a reference measured in the same run,
 * because the machines are shared and noisy; absolute times are printed for context only.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command, Option } from 'commander';
import { Connection } from 'jsforce';
import { REPO_ROOT } from '../model';
import { startLocalOrg } from '../localorg/server';
import { benchLocalOrg, loadOpportunities } from './localorg';

const program = new Command('bench')
  .description('Benchmark the local org against direct SQL on the same database; writes bench/results/latest.json.')
  .addOption(new Option('--quick', 'a small run (50,000 opportunities) to check the benchmark itself').default(false))
  .addOption(new Option('--json', 'print the results as JSON').default(false));

async function main(options: { quick: boolean; json: boolean }): Promise<void> {
  const opportunities = options.quick ? 50_000 : 1_000_000;
  const repeat = options.quick ? 5 : 15;
  const dataDir = mkdtempSync(join(tmpdir(), 'pap-bench-'));
  const org = await startLocalOrg({ port: 0, data: dataDir });
  try {
    const log = (line: string): void => {
      if (!options.json) process.stderr.write(`${line}\n`);
    };
    log(`Loading ${opportunities.toLocaleString('en-US')} opportunities...`);
    loadOpportunities(org, opportunities, options.quick ? 200 : 2000);
    const conn = new Connection({ instanceUrl: org.instanceUrl, accessToken: org.accessToken, version: '66.0' });
    log('Measuring the local org...');
    const localOrg = await benchLocalOrg(org, conn, opportunities, repeat);
    const results = {
      date: new Date().toISOString(),
      quick: options.quick,
      node: process.version,
      localOrg,
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    };
    mkdirSync(join(REPO_ROOT, 'bench', 'results'), { recursive: true });
    writeFileSync(
      join(REPO_ROOT, 'bench', 'results', options.quick ? 'quick.json' : 'latest.json'),
      `${JSON.stringify(results, null, 2)}\n`,
    );
    if (options.json) {
      process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
    } else {
      const rows: [string, string, string][] = [
        [
          'GROUP BY SUM via API / same SQL',
          `${localOrg.groupBySum.ratio}x`,
          `${localOrg.groupBySum.apiMs} ms vs ${localOrg.groupBySum.sqlMs} ms`,
        ],
        ['2000-row page latency p50 / p95', '', `${localOrg.page2000.p50Ms} ms / ${localOrg.page2000.p95Ms} ms`],
        [
          '200-record insert via API / SQL',
          `${localOrg.collectionInsert200.ratio}x`,
          `${localOrg.collectionInsert200.apiP50Ms} ms (p95 ${localOrg.collectionInsert200.apiP95Ms}) vs ${localOrg.collectionInsert200.sqlP50Ms} ms`,
        ],
        ['Peak memory (RSS)', '', `${results.peakRssMb} MB`],
      ];
      process.stdout.write(
        `Local org, ${opportunities.toLocaleString('en-US')} opportunities${options.quick ? ' (quick)' : ''}\n`,
      );
      for (const [name, ratio, detail] of rows)
        process.stdout.write(`  ${name.padEnd(34)} ${ratio.padStart(7)}   ${detail}\n`);
    }
  } finally {
    await org.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

program.action(async (options: { quick: boolean; json: boolean }) => {
  await main(options);
});
void program.parseAsync(process.argv);
