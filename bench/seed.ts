/**
 * Seed benchmark: the same dataset written through Bulk API 2.0, through sObject Collections, and as
 * direct SQLite inserts of the same rows into a fresh database of the same schema (the limit). The seed is
 * deterministic, so both API runs write the same records; the direct run copies the rows the API wrote.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Row } from '@partner-planning/localorg/internal';
import { registerFormulaFunction, Storage } from '@partner-planning/localorg/internal';
import { Progress, runSeed } from '@partner-planning/jobs';
import { connect, type OrgSession, SeedReport, Scale } from '@partner-planning/jobs';
import type { BenchOrg } from './org-process';
import { round } from './stats';

export const SEED = 42;
const COPY_CHUNK = 5_000;

export interface SeedThroughput {
  records: number;
  seconds: number;
  recordsPerSecond: number;
}

export interface ApiSeedRun extends SeedThroughput {
  apiRequests: number;
  failures: number;
}

export interface SeedBench {
  scale: string;
  bulk: ApiSeedRun;
  collections: ApiSeedRun;
  direct: SeedThroughput;
  /** Direct inserts' records per second over each API way's (how many times faster the limit is). */
  directOverBulk: number;
  directOverCollections: number;
  /** Peak memory of the org process while it took each API seed. */
  orgPeakRssMb: { bulk: number; collections: number };
}

/** Bulk API 2.0 for every level of more than one record, or sObject Collections only. */
export type SeedWay = 'bulk' | 'collections';

/** Runs `body` with a scripts session (request counting, retries) on the org as its admin; closes it after. */
export async function withSession<T>(org: BenchOrg, body: (session: OrgSession) => Promise<T>): Promise<T> {
  const session = await connect({}, { SF_INSTANCE_URL: org.instanceUrl, SF_ACCESS_TOKEN: org.accessToken });
  try {
    return await body(session);
  } finally {
    await session.close();
  }
}

/** Seeds `scale` through the API one way, timed. */
export async function seedThroughApi(
  session: OrgSession,
  scale: Scale,
  asOf: string,
  way: SeedWay,
  showProgress: boolean,
): Promise<{ run: ApiSeedRun; report: SeedReport }> {
  const before = session.requestCount();
  const started = process.hrtime.bigint();
  const report = await runSeed(session, {
    scale,
    seed: SEED,
    asOf,
    partnersPerChunk: 200,
    bulkThreshold: way === 'bulk' ? 1 : 0,
    progress: new Progress(showProgress),
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const records = Object.values(report.objects).reduce((n, s) => n + s.created + s.updated, 0);
  return {
    report,
    run: {
      records,
      seconds: round(seconds),
      recordsPerSecond: Math.round(records / seconds),
      apiRequests: session.requestCount() - before,
      failures: report.failures.length,
    },
  };
}

/**
 * Inserts the rows of the seeded objects, as the org stored them, into a fresh database with the org's
 * schema and indexes through its storage layer, in one transaction per object. Only the inserts and commits
 * are timed, not reading the rows.
 */
export function directInsertsOfSeededRows(org: BenchOrg, report: SeedReport): SeedThroughput {
  const dir = mkdtempSync(join(tmpdir(), 'pap-bench-direct-'));
  const target = new Storage(org.storage.schema, join(dir, 'org.sqlite'), registerFormulaFunction);
  let records = 0;
  let nanoseconds = 0n;
  const timed = (work: () => void): void => {
    const start = process.hrtime.bigint();
    work();
    nanoseconds += process.hrtime.bigint() - start;
  };
  try {
    // A report key may add a share reason in parentheses after its object name: each table is copied once.
    const objectNames = new Set(Object.keys(report.objects).map((key) => key.replace(/ \(.*\)$/, '')));
    for (const name of objectNames) {
      const obj = org.storage.schema.objects.get(name);
      if (!obj) throw new Error(`the seed wrote ${name}, which the schema does not have`);
      const rows = org.storage.db.prepare(`SELECT * FROM "${obj.table}"`).iterate() as IterableIterator<Row>;
      timed(() => target.db.exec('BEGIN'));
      let chunk: Row[] = [];
      const flush = (): void => {
        const batch = chunk;
        timed(() => {
          for (const row of batch) target.insertRow(obj, row);
        });
        records += batch.length;
        chunk = [];
      };
      for (const row of rows) {
        chunk.push(row);
        if (chunk.length === COPY_CHUNK) flush();
      }
      flush();
      timed(() => target.db.exec('COMMIT'));
    }
  } finally {
    target.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const seconds = Number(nanoseconds) / 1e9;
  return { records, seconds: round(seconds, 3), recordsPerSecond: Math.round(records / seconds) };
}
