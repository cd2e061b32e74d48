/**
 * The rollup's write phase through Bulk API 2.0: an object with more changed records than the threshold is
 * updated in an ingest job, fewer go through sObject Collections; an org answering 404 for `jobs/ingest` gets
 * collections with a note; per-record failures read exactly as through collections; locked rows go again in
 * new jobs. Then a whole rollup over the small seed through bulk writes values a second run finds unchanged.
 */
import type { RetryPolicy } from '../../packages/jobs/retry';
import { connect } from '../../packages/jobs/connection';
import { runRollup } from '../../packages/jobs/rollup/engine';
import { emptyReport, type PendingUpdate, type RollupOptions } from '../../packages/jobs/rollup/types';
import { writeUpdates } from '../../packages/jobs/rollup/write';
import { runSeed } from '../../packages/jobs/seed';
import { parseScale } from '../../packages/jobs/seed/scales';
import { writeRecords } from '../../packages/jobs/writer';
import { seededRandom } from '../../packages/localorg/faults';
import { API_VERSION, grantAuditFields, LOCALORG_FIXTURE, startTestOrg, type TestOrg } from '../support/localorg';
import { startNoBulkProxy } from '../support/proxy';
import { quietProgress, scriptSession } from '../support/scripts';

/** Quick retries: the local org answers in milliseconds. */
const policy = (retries: number): RetryPolicy => ({
  retries,
  baseDelayMs: 1,
  maxDelayMs: 5,
  random: seededRandom(7),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.min(ms, 5))),
});

const options = (bulkThreshold: number, extra: Partial<RollupOptions> = {}): RollupOptions => ({
  asOf: '2026-11-25',
  dryRun: false,
  now: '2026-11-25T12:00:00.000Z',
  bulkThreshold,
  policy: policy(6),
  ...extra,
});

const ingestJobs = async (t: TestOrg): Promise<number> =>
  (await t.conn.request<{ records: unknown[] }>(`/services/data/v${API_VERSION}/jobs/ingest`)).records.length;

/** Creates `n` accounts named `${prefix}-i` (retrying injected lock errors) and returns their Ids. */
async function accounts(t: TestOrg, prefix: string, n: number): Promise<string[]> {
  const session = await scriptSession(t);
  try {
    const records = Array.from({ length: n }, (_, i) => ({ Name: `${prefix}-${i}` }));
    const outcomes = await writeRecords(session, {
      sobject: 'Account',
      operation: 'create',
      records,
      policy: policy(40),
    });
    if (!outcomes.every((o) => o.success)) throw new Error(`accounts not created: ${JSON.stringify(outcomes)}`);
    return outcomes.map((o) => String(o.id));
  } finally {
    await session.close();
  }
}

/** Renames every account, with a bad picklist value for the third: the rollup's pending updates. */
const renames = (ids: string[]): PendingUpdate[] =>
  ids.map((Id, i) => ({
    Id,
    Name: `renamed-${i}`,
    ...(i === 2 ? { Partner_Type__c: 'Nope' } : {}),
    __parent: `p${i % 2}`,
  }));

/** Writes the updates as the rollup does; returns the report and the progress bar's ticks. */
async function write(t: TestOrg, updates: PendingUpdate[], opts: RollupOptions, instanceUrl = t.org.instanceUrl) {
  const session = await connect(
    { apiVersion: API_VERSION },
    { SF_INSTANCE_URL: instanceUrl, SF_ACCESS_TOKEN: t.org.accessToken },
  );
  const report = emptyReport();
  const ticks: number[] = [];
  let done = 0;
  try {
    await writeUpdates(
      session,
      [['Account', updates]],
      { ...opts, onStep: () => ({ tick: (n) => ticks.push(n), done: () => done++ }) },
      report,
    );
  } finally {
    await session.close();
  }
  return { report, ticks, done };
}

const names = async (t: TestOrg, ids: string[]): Promise<string[]> =>
  (await t.conn.sobject('Account').retrieve(ids)).map((r) => String((r as { Name?: string }).Name));

// Bulk jobs under faults take several rounds of seven requests or more; a seed of the small scale takes longer.
jest.setTimeout(60_000);

describe('the rollup’s writes beyond its bulk threshold', () => {
  let t: TestOrg;
  beforeAll(async () => {
    t = await startTestOrg({ forceAppRoot: LOCALORG_FIXTURE });
  });
  afterAll(() => t.close());

  it('updates through one ingest job, reporting failures per record exactly as collections do', async () => {
    const [bulkIds, collectionIds] = [await accounts(t, 'bulk', 5), await accounts(t, 'coll', 5)];
    const jobsBefore = await ingestJobs(t);
    const bulk = await write(t, renames(bulkIds), options(4));
    expect(await ingestJobs(t)).toBe(jobsBefore + 1);
    const collections = await write(t, renames(collectionIds), options(0));
    expect(await ingestJobs(t)).toBe(jobsBefore + 1);

    for (const [run, ids] of [
      [bulk, bulkIds],
      [collections, collectionIds],
    ] as const) {
      expect(run.report.changed).toEqual({ Account: 5 });
      expect(run.report.written).toEqual({ Account: 4 });
      expect(run.report.notes).toEqual([]);
      expect(run.ticks.reduce((a, b) => a + b, 0)).toBe(5);
      expect(run.done).toBe(1);
      expect(await names(t, ids)).toEqual([
        'renamed-0',
        'renamed-1',
        `${ids === bulkIds ? 'bulk' : 'coll'}-2`,
        'renamed-3',
        'renamed-4',
      ]);
    }
    expect(bulk.report.failures).toEqual([
      {
        sobject: 'Account',
        record: bulkIds[2],
        errorCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
        message: 'Partner Type: bad value for restricted picklist field: Nope',
        fields: ['Partner_Type__c'],
      },
    ]);
    expect(bulk.report.failures).toEqual(
      collections.report.failures.map((f) => ({ ...f, record: bulkIds[collectionIds.indexOf(f.record)] })),
    );
  });

  it('writes through collections at or below the threshold', async () => {
    const ids = await accounts(t, 'small', 5);
    const jobsBefore = await ingestJobs(t);
    const run = await write(t, renames(ids), options(5));
    expect(await ingestJobs(t)).toBe(jobsBefore);
    expect(run.report.written).toEqual({ Account: 4 });
  });

  it('falls back to collections, with a note, where the org answers 404 for jobs/ingest', async () => {
    const proxy = await startNoBulkProxy(t.org.instanceUrl);
    try {
      const ids = await accounts(t, 'nobulk', 5);
      const jobsBefore = await ingestJobs(t);
      const run = await write(t, renames(ids), options(2), proxy.url);
      expect(await ingestJobs(t)).toBe(jobsBefore);
      expect(run.report.written).toEqual({ Account: 4 });
      expect(run.report.failures.map((f) => [f.record, f.errorCode])).toEqual([
        [ids[2], 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST'],
      ]);
      expect(run.report.notes).toEqual([
        `Bulk API 2.0 is not available (/services/data/v${API_VERSION}/jobs/ingest answered The requested resource does not exist): large sets of updates went through sObject Collections.`,
      ]);
      expect(run.ticks.reduce((a, b) => a + b, 0)).toBe(5);
    } finally {
      await proxy.close();
    }
  });
});

describe('the rollup’s bulk writes with locked rows', () => {
  let t: TestOrg;
  beforeAll(async () => {
    t = await startTestOrg({
      forceAppRoot: LOCALORG_FIXTURE,
      faults: { seed: 11, lockRate: 0.5, unavailableRate: 0 },
    });
  });
  afterAll(() => t.close());

  it('writes locked rows again in new jobs until every one is written', async () => {
    const ids = await accounts(t, 'locked', 20);
    const jobsBefore = await ingestJobs(t);
    const updates = ids.map((Id, i) => ({ Id, Name: `renamed-${i}`, __parent: 'p' }));
    const run = await write(t, updates, options(2, { policy: policy(40) }));
    expect(run.report.failures).toEqual([]);
    expect(run.report.written).toEqual({ Account: 20 });
    expect(run.ticks.reduce((a, b) => a + b, 0)).toBe(20);
    expect(await ingestJobs(t)).toBeGreaterThan(jobsBefore + 1);
    expect(await names(t, ids)).toEqual(ids.map((_, i) => `renamed-${i}`));
  });

  it('reports rows still locked when retries run out, as collections do', async () => {
    const [bulkIds, collectionIds] = [await accounts(t, 'lockb', 20), await accounts(t, 'lockc', 20)];
    const updates = (ids: string[]): PendingUpdate[] => ids.map((Id) => ({ Id, Name: 'renamed', __parent: 'p' }));
    const bulk = await write(t, updates(bulkIds), options(2, { policy: policy(0) }));
    const collections = await write(t, updates(collectionIds), options(0, { policy: policy(0) }));
    for (const run of [bulk, collections]) {
      expect(run.report.failures.length).toBeGreaterThan(0);
      expect(run.report.written.Account).toBe(20 - run.report.failures.length);
      for (const failure of run.report.failures) {
        expect(failure).toEqual({
          sobject: 'Account',
          record: failure.record,
          errorCode: 'UNABLE_TO_LOCK_ROW',
          message: expect.stringMatching(/^unable to obtain exclusive access to this record or 1 records: \w+$/),
          fields: [],
        });
      }
    }
  });
});

describe('a whole rollup through Bulk API 2.0', () => {
  let t: TestOrg;
  beforeAll(async () => {
    t = await startTestOrg();
    await grantAuditFields(t);
    const session = await scriptSession(t);
    try {
      const seed = await runSeed(session, {
        scale: parseScale('small'),
        seed: 42,
        asOf: '2026-11-25',
        partnersPerChunk: 4,
        progress: quietProgress(),
        bulkThreshold: 0,
      });
      expect(seed.failures).toEqual([]);
    } finally {
      await session.close();
    }
  }, 120_000);
  afterAll(() => t.close());

  it('writes through ingest jobs values that a second run finds unchanged', async () => {
    const session = await scriptSession(t);
    try {
      const jobsBefore = await ingestJobs(t);
      const first = await runRollup(session, options(10));
      expect(first.failures).toEqual([]);
      expect(first.metrics.filter((m) => m.error)).toEqual([]);
      expect(first.written.Plan_Target__c).toBeGreaterThan(10);
      expect(first.written).toEqual(first.changed);
      expect(await ingestJobs(t)).toBeGreaterThan(jobsBefore);
      const second = await runRollup(session, options(10));
      expect(second.failures).toEqual([]);
      expect(Object.values(second.changed).every((n) => n === 0)).toBe(true);
    } finally {
      await session.close();
    }
  }, 120_000);
});
