/**
 * The scripts' Bulk API 2.0 upsert: one outcome per input record in input order, matched back by external id;
 * a job the org fails as a whole is an error naming it; and the seed uses Bulk API 2.0 beyond its threshold,
 * falling back to sObject Collections (with a note) when the org answers 404 for `jobs/ingest`.
 */
import {
  BulkJobError,
  jobSlices,
  nextPollInterval,
  parseBulkError,
  toCsv,
  updateBulk,
  upsertBulk,
} from '../../packages/jobs/bulk';
import { connect } from '../../packages/jobs/connection';
import { runSeed } from '../../packages/jobs/seed';
import { parseScale } from '../../packages/jobs/seed/scales';
import { API_VERSION, grantAuditFields, LOCALORG_FIXTURE, startTestOrg, type TestOrg } from '../support/localorg';
import { startNoBulkProxy, type OrgProxy } from '../support/proxy';
import { countOf, quietProgress, scriptSession } from '../support/scripts';

describe('CSV for and from Bulk API 2.0', () => {
  it('writes every column any record sets, #N/A for null, quotes values', () => {
    expect(toCsv([{ A: 'x', B: null }, { A: 'say "hi", ok', C: 3, D: true }, { B: '' }])).toBe(
      'A,B,C,D\n"x",#N/A,,\n"say ""hi"", ok",,"3","true"\n,#N/A,,\n',
    );
  });

  it('writes numbers in plain decimals, never in exponent notation', () => {
    expect(toCsv([{ A: 1e-7, B: 1.5e21, C: 0.1 }])).toBe('A,B,C\n"0.0000001","1500000000000000000000","0.1"\n');
  });

  it('splits a failedResults error back into code, message and fields', () => {
    expect(parseBulkError('REQUIRED_FIELD_MISSING:Required fields are missing: [Name]:Name --')).toEqual({
      errorCode: 'REQUIRED_FIELD_MISSING',
      message: 'Required fields are missing: [Name]',
      fields: ['Name'],
    });
    expect(
      parseBulkError('UNABLE_TO_LOCK_ROW:unable to obtain exclusive access to this record or 1 records: 001:--'),
    ).toEqual({
      errorCode: 'UNABLE_TO_LOCK_ROW',
      message: 'unable to obtain exclusive access to this record or 1 records: 001',
      fields: [],
    });
  });
});

describe('the wait between job status checks', () => {
  it('grows by half up to 5 s while the job has processed nothing', () => {
    expect(nextPollInterval(100, 0, 1000, 100)).toBe(150);
    expect(nextPollInterval(4000, 0, 1000, 20000)).toBe(5000);
  });

  it('is no longer than what the job still needs at its pace so far, and never under 100 ms', () => {
    // 9,000 of 10,000 rows in 9 s: about a second left.
    expect(nextPollInterval(3200, 9000, 10000, 9000)).toBe(1000);
    expect(nextPollInterval(3200, 9990, 10000, 9990)).toBe(100);
    // A slow start says nothing shorter than the grown wait.
    expect(nextPollInterval(1000, 100, 10000, 1000)).toBe(1500);
  });
});

describe('jobs of a large write', () => {
  it('are of equal size, none above the most a job takes', () => {
    const sizes = (count: number, max: number) => jobSlices(count, max).map((s) => s.end - s.start);
    expect(sizes(100_001, 100_000)).toEqual([50_001, 50_000]);
    expect(sizes(212_000, 100_000)).toEqual([70_667, 70_667, 70_666]);
    expect(sizes(100_000, 100_000)).toEqual([100_000]);
    expect(sizes(5, 2)).toEqual([2, 2, 1]);
    expect(sizes(0, 100_000)).toEqual([]);
    // Contiguous and in order: outcomes are matched back by position within each slice.
    expect(jobSlices(7, 3)).toEqual([
      { start: 0, end: 3 },
      { start: 3, end: 6 },
      { start: 6, end: 7 },
    ]);
  });
});

describe('upsertBulk', () => {
  let t: TestOrg;
  beforeAll(async () => {
    t = await startTestOrg({ forceAppRoot: LOCALORG_FIXTURE });
  });
  afterAll(() => t.close());

  it('returns one outcome per record, in input order, counting its requests in the session', async () => {
    const session = await scriptSession(t);
    await t.conn.sobject('Account').create({ Name: 'Existing', External_Key__c: 'E-2' });
    const records = [
      { External_Key__c: 'E-1', Name: 'One' },
      { External_Key__c: 'E-2', Name: 'Two', Partner_Type__c: 'Nope' },
      { External_Key__c: 'E-3', Name: null },
      { External_Key__c: 'E-2', Name: 'Two again' },
      { Name: 'No key' },
    ];
    const before = session.requestCount();
    const progress: number[] = [];
    const outcomes = await upsertBulk(session, 'Account', 'External_Key__c', records, {
      pollIntervalMs: 10,
      onProgress: (n) => progress.push(n),
    });
    expect(outcomes).toEqual([
      { success: true, id: expect.stringMatching(/^001/), created: true },
      {
        success: false,
        errorCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
        message: 'Partner Type: bad value for restricted picklist field: Nope',
        fields: ['Partner_Type__c'],
      },
      {
        success: false,
        errorCode: 'REQUIRED_FIELD_MISSING',
        message: 'Required fields are missing: [Name]',
        fields: ['Name'],
      },
      { success: true, id: expect.stringMatching(/^001/), created: false },
      {
        success: false,
        errorCode: 'MISSING_ARGUMENT',
        message: 'External_Key__c not specified',
        fields: ['External_Key__c'],
      },
    ]);
    // The repeated key waits for a second job, so that its writes keep the input's order.
    expect(progress).toEqual([3, 1]);
    const account = await t.conn.query<{ Name: string }>("SELECT Name FROM Account WHERE External_Key__c = 'E-2'");
    expect(account.records[0].Name).toBe('Two again');
    // Per job: create, upload, close, at least one poll, three result files.
    expect(session.requestCount() - before).toBeGreaterThanOrEqual(14);
    await session.close();
  });

  it('updates by Id, matching results by the Id column and refusing a row without one', async () => {
    const session = await scriptSession(t);
    const created = await t.conn.sobject('Account').create([{ Name: 'U-1' }, { Name: 'U-2' }], { allOrNone: true });
    const [id1, id2] = created.map((r) => String(r.id));
    const outcomes = await updateBulk(
      session,
      'Account',
      [{ Id: id2, Partner_Type__c: 'Nope' }, { Id: id1, Name: 'U-1 renamed' }, { Name: 'No Id' }],
      { pollIntervalMs: 10 },
    );
    expect(outcomes).toEqual([
      {
        success: false,
        id: id2,
        errorCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
        message: 'Partner Type: bad value for restricted picklist field: Nope',
        fields: ['Partner_Type__c'],
      },
      { success: true, id: id1, created: false },
      { success: false, errorCode: 'MISSING_ARGUMENT', message: 'Id not specified in an update call', fields: [] },
    ]);
    const names = await t.conn.sobject('Account').retrieve([id1, id2]);
    expect(names.map((r) => (r as { Name?: string }).Name)).toEqual(['U-1 renamed', 'U-2']);
    await session.close();
  });

  it('reads an update’s successful results only when the job’s counts do not account for every record', async () => {
    const session = await scriptSession(t);
    const created = await t.conn.sobject('Account').create([{ Name: 'C-1' }, { Name: 'C-2' }], { allOrNone: true });
    const [id1, id2] = created.map((r) => String(r.id));
    const urls: string[] = [];
    let miscount = 0;
    const request = session.conn.request.bind(session.conn);
    jest.spyOn(session.conn, 'request').mockImplementation(((req: string | { url: string }, options?: object) => {
      const url = typeof req === 'string' ? req : req.url;
      urls.push(url);
      // The org says one more record failed than its failedResults list: the results must then be read.
      return request(req as never, options as never).then((body: unknown) => {
        const info = body as { state?: string; numberRecordsFailed?: number };
        if (miscount > 0 && info?.state === 'JobComplete')
          info.numberRecordsFailed = (info.numberRecordsFailed ?? 0) + 1;
        return body;
      });
    }) as never);
    const records = [
      { Id: id1, Name: 'C-1 renamed' },
      { Id: id2, Partner_Type__c: 'Nope' },
    ];
    const expected = [
      { success: true, id: id1, created: false },
      expect.objectContaining({ success: false, id: id2, errorCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST' }),
    ];
    expect(await updateBulk(session, 'Account', records, { pollIntervalMs: 10 })).toEqual(expected);
    expect(urls.filter((u) => u.endsWith('/successfulResults'))).toHaveLength(0);
    expect(urls.filter((u) => u.endsWith('/failedResults'))).toHaveLength(1);

    urls.length = 0;
    miscount = 1;
    expect(await updateBulk(session, 'Account', records, { pollIntervalMs: 10 })).toEqual(expected);
    expect(urls.filter((u) => u.endsWith('/successfulResults'))).toHaveLength(1);
    await session.close();
  });

  it('splits a write into jobs of equal size, none above the most a job takes', async () => {
    const session = await scriptSession(t);
    const records = ['S-1', 'S-2', 'S-3', 'S-4', 'S-5'].map((key) => ({ External_Key__c: key, Name: `Split ${key}` }));
    const before = session.requestCount();
    const progress: number[] = [];
    const outcomes = await upsertBulk(session, 'Account', 'External_Key__c', records, {
      pollIntervalMs: 10,
      maxJobRecords: 2,
      onProgress: (n) => progress.push(n),
    });
    expect(outcomes.map((o) => o.success && o.created)).toEqual([true, true, true, true, true]);
    expect(progress).toEqual([2, 2, 1]);
    // Three jobs: create, upload, close, at least one poll, three result files each.
    expect(session.requestCount() - before).toBeGreaterThanOrEqual(21);
    await session.close();
  });

  it('reports a job that fails as a whole with the job and the org’s message', async () => {
    const session = await scriptSession(t);
    const error = await upsertBulk(session, 'Account', 'External_Key__c', [{ External_Key__c: 'X', Nope__c: 1 }], {
      pollIntervalMs: 10,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BulkJobError);
    expect((error as Error).message).toMatch(
      /^Bulk API job 750\w{15} for Account failed: InvalidBatch : Field name not found : Nope__c$/,
    );
    await session.close();
  });
});

describe('the seed beyond its bulk threshold', () => {
  let t: TestOrg;
  let proxy: OrgProxy;
  let proxyUrl: string;

  beforeAll(async () => {
    t = await startTestOrg();
    await grantAuditFields(t);
    // An org without Bulk API 2.0: everything is passed through except `jobs/ingest`, which is not found.
    proxy = await startNoBulkProxy(t.org.instanceUrl);
    proxyUrl = proxy.url;
  });
  afterAll(async () => {
    await proxy.close();
    await t.close();
  });

  const run = (bulkThreshold: number) => ({
    scale: parseScale('small'),
    seed: 42,
    asOf: '2026-11-25',
    partnersPerChunk: 4,
    progress: quietProgress(),
    bulkThreshold,
  });

  it('falls back to sObject Collections, with a note, where the org has no Bulk API 2.0', async () => {
    const session = await connect(
      { apiVersion: API_VERSION },
      { SF_INSTANCE_URL: proxyUrl, SF_ACCESS_TOKEN: t.org.accessToken },
    );
    const report = await runSeed(session, run(100));
    expect(report.failures).toEqual([]);
    expect(report.notes).toEqual([
      `Bulk API 2.0 is not available (/services/data/v${API_VERSION}/jobs/ingest answered The requested resource does not exist): large levels went through sObject Collections.`,
    ]);
    expect(await countOf(t, 'Plan_Target__c')).toBe(report.objects.Plan_Target__c.created);
    await session.close();
    // A whole seed of the small scale: longer than jest's 5 s.
  }, 60_000);

  it('updates the same records through Bulk API 2.0 on a second run, creating none', async () => {
    const session = await scriptSession(t);
    const jobsBefore = await t.conn.request<{ records: unknown[] }>(`/services/data/v${API_VERSION}/jobs/ingest`);
    const report = await runSeed(session, run(100));
    expect(report.failures).toEqual([]);
    // Nothing to note: the products are priced in the org's standard price book, as in any org.
    expect(report.notes).toEqual([]);
    for (const stats of Object.values(report.objects)) expect(stats.created).toBe(0);
    expect(report.objects.Plan_Target__c.updated).toBeGreaterThan(100);
    const jobsAfter = await t.conn.request<{ records: unknown[] }>(`/services/data/v${API_VERSION}/jobs/ingest`);
    expect(jobsAfter.records.length).toBeGreaterThan(jobsBefore.records.length);
    await session.close();
  }, 60_000);
});
