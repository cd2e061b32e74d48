/**
 * `npm run bench [-- --quick]`: measures the local org and the scripts side by side with their limits, in
 * one process run, and writes bench/results/latest.json (quick runs: quick.json). Figures are ratios against
 * a reference measured in the same run, because the machines are shared and noisy; absolute times are
 * printed for context only.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command, Option } from 'commander';
import { Connection } from 'jsforce';
import { REPO_ROOT } from '../model';
import { startLocalOrg, type LocalOrg } from '../localorg/server';
import { Progress } from '../scripts/lib/cli';
import { connect } from '../scripts/lib/connection';
import { runSeed } from '../scripts/lib/seed';
import { parseScale } from '../scripts/lib/seed/scales';
import { benchLocalOrg, loadOpportunities } from './localorg';
import { benchRollup } from './rollup';
import { round } from './stats';

interface BenchOptions {
  quick: boolean;
  json: boolean;
}

const AS_OF = '2026-11-25';

const program = new Command('bench')
  .description('Benchmark the local org and the scripts against direct SQL on the same database.')
  .addOption(
    new Option('--quick', 'a small run (50,000 opportunities, medium seed) to check the benchmark').default(false),
  )
  .addOption(new Option('--json', 'print the results as JSON').default(false));

/** Runs `body` on a fresh file-backed local org, removed afterwards. */
async function withOrg<T>(body: (org: LocalOrg) => Promise<T>): Promise<T> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pap-bench-'));
  const org = await startLocalOrg({ port: 0, data: dataDir });
  try {
    return await body(org);
  } finally {
    await org.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(options: BenchOptions): Promise<void> {
  const log = (line: string): void => {
    if (!options.json) process.stderr.write(`${line}\n`);
  };
  const opportunities = options.quick ? 50_000 : 1_000_000;
  const localOrg = await withOrg(async (org) => {
    log(`Loading ${opportunities.toLocaleString('en-US')} opportunities...`);
    loadOpportunities(org, opportunities, options.quick ? 200 : 2000);
    const conn = new Connection({ instanceUrl: org.instanceUrl, accessToken: org.accessToken, version: '66.0' });
    log('Measuring SOQL, paging and collection inserts...');
    return benchLocalOrg(org, conn, opportunities, options.quick ? 5 : 15);
  });
  const scale = parseScale(options.quick ? 'medium' : 'large');
  const scripts = await withOrg(async (org) => {
    const session = await connect({}, { SF_INSTANCE_URL: org.instanceUrl, SF_ACCESS_TOKEN: org.accessToken });
    try {
      log(`Seeding the ${scale.name} scale through the API...`);
      const started = process.hrtime.bigint();
      const report = await runSeed(session, {
        scale,
        seed: 42,
        asOf: AS_OF,
        partnersPerChunk: 200,
        progress: new Progress(!options.json),
      });
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const records = Object.values(report.objects).reduce((n, s) => n + s.created + s.updated, 0);
      log('Rolling up (twice), then the same actuals in direct SQL and a naive per-target client...');
      const rollup = await benchRollup(org, session, AS_OF);
      return {
        seed: {
          scale: scale.name,
          records,
          seconds: round(seconds),
          recordsPerSecond: Math.round(records / seconds),
          failures: report.failures.length,
        },
        rollup,
      };
    } finally {
      await session.close();
    }
  });
  const results = {
    date: new Date().toISOString(),
    quick: options.quick,
    node: process.version,
    localOrg,
    scripts,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
  mkdirSync(join(REPO_ROOT, 'bench', 'results'), { recursive: true });
  writeFileSync(
    join(REPO_ROOT, 'bench', 'results', options.quick ? 'quick.json' : 'latest.json'),
    `${JSON.stringify(results, null, 2)}\n`,
  );
  if (options.json) {
    process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
    return;
  }
  const r = scripts.rollup;
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
    [
      'Seed through the API',
      '',
      `${scripts.seed.records} records in ${scripts.seed.seconds} s (${scripts.seed.recordsPerSecond}/s)`,
    ],
    [
      'Rollup, first run / direct SQL',
      `${r.ratioToDirectSql}x`,
      `${r.firstRun.seconds} s vs ${r.directSqlSeconds} s; ${r.firstRun.apiRequests} requests, ${r.firstRun.aggregateQueries} aggregate queries`,
    ],
    [
      'Rollup, no-change rerun / direct SQL',
      `${round(r.secondRun.seconds / r.directSqlSeconds)}x`,
      `${r.secondRun.seconds} s, ${r.secondRun.written} records written, ${r.secondRun.apiRequests} requests`,
    ],
    [
      'Naive per-target client / rollup',
      `${r.naive.ratioToRollup}x`,
      `${r.naive.msPerTarget} ms a target (sample of ${r.naive.sampledTargets}) x ${r.targets} targets`,
    ],
    ['Rollup actuals differing from SQL', '', `${r.mismatches} of ${r.targets}`],
    ['Peak memory (RSS)', '', `${results.peakRssMb} MB`],
  ];
  process.stdout.write(
    `Benchmark${options.quick ? ' (quick)' : ''}: ${opportunities.toLocaleString('en-US')} opportunities; ${scale.name} seed\n`,
  );
  for (const [name, ratio, detail] of rows)
    process.stdout.write(`  ${name.padEnd(38)} ${ratio.padStart(7)}   ${detail}\n`);
}

program.action(async (options: BenchOptions) => {
  await main(options);
});
void program.parseAsync(process.argv);
