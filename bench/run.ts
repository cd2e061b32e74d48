/**
 * `npm run bench [-- --quick] [-- --only <parts>]`: measures the local org, the scripts and the components
 * side by side with their limits, in one run, and writes bench/results/latest.json (quick runs: quick.json).
 * Figures are ratios against a reference measured in the same run, because the machines are shared and
 * noisy; absolute times are printed for context only. The local org runs in a child process of its own so
 * its peak memory is the server's alone.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureAnyJson, ensureJsonMap, type AnyJson, type JsonMap } from '@salesforce/ts-types';
import { Option } from 'commander';
import { commandProgram, runAction, runProgram, type JsonOption } from '@partner-planning/cli';
import { Connection } from 'jsforce';
import { assertChromium } from '@partner-planning/app';
import { API_VERSION, REPO_ROOT } from '@partner-planning/model';
import { parseScale } from '@partner-planning/jobs';
import { benchComponents, type ComponentBench } from './components';
import { benchLocalOrg, loadOpportunities, type LocalOrgBench } from './localorg';
import { withOrgProcess } from './org-process';
import { benchRollup, type RollupBench } from './rollup';
import { directInsertsOfSeededRows, seedThroughApi, withSession, type ApiSeedRun, type SeedBench } from './seed';
import { round } from './stats';

const PARTS = ['localorg', 'scripts', 'components'] as const;
type Part = (typeof PARTS)[number];

interface BenchOptions extends JsonOption {
  quick: boolean;
  only?: string;
}

/** The seed's and the rollup's "today": fixed, so every run measures the same dataset. */
const AS_OF = '2026-11-25';

/** The parts named by --only (all when absent); an unknown name is refused before anything runs. */
function selectedParts(text: string | undefined): Part[] {
  if (text === undefined) return [...PARTS];
  const names = text.split(',').map((p) => p.trim());
  const unknown = names.filter((n) => !(PARTS as readonly string[]).includes(n));
  if (unknown.length > 0)
    throw new Error(`--only takes a comma-separated list of ${PARTS.join(', ')}; unknown: "${unknown.join('", "')}"`);
  return names as Part[];
}

const program = commandProgram(
  'bench',
  'Benchmark the local org, the seed and rollup scripts and the components, each against its reference in the same run.',
)
  .addOption(new Option('--quick', 'a small run (50,000 opportunities, medium seed, fewer repetitions)').default(false))
  .addOption(
    new Option(
      '--only <parts>',
      `run only these parts (comma-separated: ${PARTS.join(', ')}); the others keep their last figures`,
    ),
  )
  .addHelpText(
    'after',
    `
Examples:
  npm run bench
  npm run bench -- --quick
  npm run bench -- --only components --json`,
  );

interface ScriptsBench {
  seed: SeedBench;
  rollup: RollupBench;
  /** Peak memory of the org process through the bulk seed and both rollups. */
  orgPeakRssMb: number;
}

/** One part's figures, with when and where they were measured (a run of some parts keeps the others). */
type Measured<T> = T & { date: string; node: string; benchPeakRssMb: number };

interface Results {
  quick: boolean;
  localOrg?: Measured<LocalOrgBench & { orgPeakRssMb: number }>;
  scripts?: Measured<ScriptsBench>;
  components?: Measured<ComponentBench>;
}

async function localOrgPart(
  quick: boolean,
  log: (line: string) => void,
): Promise<LocalOrgBench & { orgPeakRssMb: number }> {
  const opportunities = quick ? 50_000 : 1_000_000;
  return withOrgProcess(async (org) => {
    log(`Loading ${opportunities.toLocaleString('en-US')} opportunities...`);
    loadOpportunities(org, opportunities, quick ? 200 : 2000);
    const conn = new Connection({ instanceUrl: org.instanceUrl, accessToken: org.accessToken, version: API_VERSION });
    log('Measuring SOQL, paging and collection inserts...');
    const bench = await benchLocalOrg(org, conn, opportunities, quick ? 5 : 15);
    return { ...bench, orgPeakRssMb: await org.peakRssMb() };
  });
}

async function scriptsPart(quick: boolean, log: (line: string) => void, progress: boolean): Promise<ScriptsBench> {
  const scale = parseScale(quick ? 'medium' : 'large');
  const first = await withOrgProcess((org) =>
    withSession(org, async (session) => {
      log(`Seeding the ${scale.name} scale through Bulk API 2.0...`);
      const bulk = await seedThroughApi(session, scale, AS_OF, 'bulk', progress);
      const bulkPeak = await org.peakRssMb();
      log('Inserting the same rows directly into a fresh SQLite database...');
      const direct = directInsertsOfSeededRows(org, bulk.report);
      log('Rolling up (twice), then the same actuals in direct SQL and a naive per-target client...');
      const rollup = await benchRollup(org, session, AS_OF);
      return { bulk: bulk.run, bulkPeak, direct, rollup, orgPeakRssMb: await org.peakRssMb() };
    }),
  );
  const collections = await withOrgProcess((org) =>
    withSession(org, async (session) => {
      log(`Seeding the ${scale.name} scale again through sObject Collections...`);
      const seeded = await seedThroughApi(session, scale, AS_OF, 'collections', progress);
      return { run: seeded.run, peak: await org.peakRssMb() };
    }),
  );
  if (collections.run.records !== first.bulk.records)
    throw new Error(
      `the two seeds wrote different record counts (bulk ${first.bulk.records}, collections ${collections.run.records})`,
    );
  return {
    seed: {
      scale: scale.name,
      bulk: first.bulk,
      collections: collections.run,
      direct: first.direct,
      directOverBulk: round(first.direct.recordsPerSecond / first.bulk.recordsPerSecond),
      directOverCollections: round(first.direct.recordsPerSecond / collections.run.recordsPerSecond),
      orgPeakRssMb: { bulk: first.bulkPeak, collections: collections.peak },
    },
    rollup: first.rollup,
    orgPeakRssMb: Math.max(first.orgPeakRssMb, collections.peak),
  };
}

const seedDetail = (run: ApiSeedRun): string =>
  `${run.recordsPerSecond.toLocaleString('en-US')} records/s (${run.records.toLocaleString('en-US')} in ${run.seconds} s, ${run.apiRequests} requests)`;

function table(results: Results): [string, string, string][] {
  const rows: [string, string, string][] = [];
  const l = results.localOrg;
  if (l) {
    rows.push(
      [`Local org, ${l.opportunities.toLocaleString('en-US')} opportunities`, '', ''],
      [
        'GROUP BY SUM via API / same SQL',
        `${l.groupBySum.ratio}x`,
        `${l.groupBySum.apiMs} ms vs ${l.groupBySum.sqlMs} ms`,
      ],
      ['2000-row page latency p50 / p95', '', `${l.page2000.p50Ms} ms / ${l.page2000.p95Ms} ms`],
      // Runs before this measure have none: their table row is left out.
      ...(l.orderedFirstPage
        ? [
            [
              'First page, ORDER BY / unordered',
              `${l.orderedFirstPage.ratio}x`,
              `${l.orderedFirstPage.orderedP50Ms} ms vs ${l.orderedFirstPage.unorderedP50Ms} ms`,
            ] as [string, string, string],
          ]
        : []),
      [
        '200-record insert via API / SQL',
        `${l.collectionInsert200.ratio}x`,
        `${l.collectionInsert200.apiP50Ms} ms (p95 ${l.collectionInsert200.apiP95Ms}) vs ${l.collectionInsert200.sqlP50Ms} ms`,
      ],
      ['Org process peak memory', '', `${l.orgPeakRssMb} MB`],
    );
  }
  const s = results.scripts;
  if (s) {
    const r = s.rollup;
    rows.push(
      [`Seed and rollup, ${s.seed.scale} scale`, '', ''],
      ['Direct inserts / seed via Bulk API 2.0', `${s.seed.directOverBulk}x`, seedDetail(s.seed.bulk)],
      ['Direct inserts / seed via collections', `${s.seed.directOverCollections}x`, seedDetail(s.seed.collections)],
      [
        'Direct SQLite inserts of the same rows',
        '',
        `${s.seed.direct.recordsPerSecond.toLocaleString('en-US')} records/s`,
      ],
      [
        'Rollup, first run / direct SQL',
        `${r.ratioToDirectSql}x`,
        `${r.firstRun.seconds} s vs ${r.directSqlSeconds} s; ${r.firstRun.apiRequests} requests, ${Object.values(r.firstRun.written).reduce((a, b) => a + b, 0)} written`,
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
      [
        'Org process peak memory',
        '',
        `${s.seed.orgPeakRssMb.bulk} MB bulk seed, ${s.orgPeakRssMb} MB with rollups; ${s.seed.orgPeakRssMb.collections} MB collections seed`,
      ],
    );
  }
  const c = results.components;
  if (c) {
    rows.push(['Components in headless Chromium', '', '']);
    const e = c.planEditor;
    const per = (v: { sections: number; targets: number }): string => `${v.sections}x${v.targets / v.sections}`;
    rows.push([
      `Plan editor, ${per(e.big)} / ${per(e.reference)} targets`,
      `${e.ratio}x`,
      `${e.big.p50Ms} ms (p95 ${e.big.p95Ms}) vs ${e.reference.p50Ms} ms (p95 ${e.reference.p95Ms})`,
    ]);
    const v = c.coachingView;
    rows.push([
      `Coaching view, ${v.big.actions.toLocaleString('en-US')} / ${v.reference.actions} actions`,
      `${v.ratio}x`,
      `${v.big.p50Ms} ms (p95 ${v.big.p95Ms}) vs ${v.reference.p50Ms} ms (p95 ${v.reference.p95Ms})`,
    ]);
    const f = c.freshNavigation;
    // Runs before this measure have none: their table row is left out.
    if (f) {
      const kb = (bytes: number): string => `${Math.round(bytes / 1024).toLocaleString('en-US')} KB`;
      rows.push([
        'Plan page, first visit / cached visit',
        `${f.ratio}x`,
        `${f.cold.p50Ms} ms (p95 ${f.cold.p95Ms}) vs ${f.warm.p50Ms} ms (p95 ${f.warm.p95Ms}) to the first target; ` +
          `${f.coldLoad.scripts} scripts, ${kb(f.coldLoad.scriptTransferBytes)} sent (${kb(f.coldLoad.scriptBytes)})`,
      ]);
      rows.push([
        'App code built',
        '',
        `${f.bundle.chunks} chunks, ${kb(f.bundle.bytes)} (${kb(f.bundle.gzipBytes)} gzipped)`,
      ]);
    }
  }
  return rows;
}

/**
 * The last results file, for a run of some parts: each part it has must be an object (the figures inside are
 * this program's own output). A file edited into another shape fails here, naming the file and the part.
 */
function readPrevious(file: string): Partial<Results> {
  const where = `${file} (the last results, kept for the parts not run)`;
  let parsed: AnyJson;
  try {
    parsed = ensureAnyJson(JSON.parse(readFileSync(file, 'utf8')));
  } catch (error) {
    throw new Error(`${where} is not JSON: ${(error as Error).message}`);
  }
  const saved = ensureJsonMap(parsed, `${where} is not a JSON object`);
  const part = (key: keyof Results): JsonMap | undefined =>
    saved[key] === undefined ? undefined : ensureJsonMap(saved[key], `${where} has a ${key} that is not an object`);
  return {
    localOrg: part('localOrg') as Results['localOrg'],
    scripts: part('scripts') as Results['scripts'],
    components: part('components') as Results['components'],
  };
}

async function bench(options: BenchOptions): Promise<Results> {
  const log = (line: string): void => {
    if (!options.json) process.stderr.write(`${line}\n`);
  };
  const only = new Set<Part>(selectedParts(options.only));
  // The components part comes last: a missing browser is said before the long parts run.
  if (only.has('components')) assertChromium();
  const file = join(REPO_ROOT, 'bench', 'results', options.quick ? 'quick.json' : 'latest.json');
  // A run of some parts keeps the other parts' last figures.
  const previous = options.only && existsSync(file) ? readPrevious(file) : undefined;
  const measured = <T>(figures: T): Measured<T> => ({
    ...figures,
    date: new Date().toISOString(),
    node: process.version,
    benchPeakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  });
  const results: Results = { ...previous, quick: options.quick };
  if (only.has('localorg')) results.localOrg = measured(await localOrgPart(options.quick, log));
  if (only.has('scripts')) results.scripts = measured(await scriptsPart(options.quick, log, !options.json));
  if (only.has('components')) results.components = measured(await benchComponents({ quick: options.quick, log }));
  mkdirSync(join(REPO_ROOT, 'bench', 'results'), { recursive: true });
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  return results;
}

function printTable(results: Results): void {
  process.stdout.write(`Benchmark${results.quick ? ' (quick)' : ''}\n`);
  for (const [name, ratio, detail] of table(results)) {
    if (ratio === '' && detail === '') process.stdout.write(`${name}\n`);
    else process.stdout.write(`  ${name.padEnd(44)} ${ratio.padStart(7)}   ${detail}\n`);
  }
}

program.action(async (options: BenchOptions) => {
  await runAction(options, async () => ({ exitCode: 0, ...(await bench(options)) }), printTable);
});
void runProgram(program);
