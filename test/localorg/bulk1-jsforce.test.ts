/**
 * Bulk API 1.0 through jsforce's own defaults: `conn.bulk.load` insert with per-record results (in the order
 * sent, failures included), `find().update()` and `find().destroy()` of 1,000 records with default options
 * (jsforce switches to Bulk API 1.0 above 200 records), `conn.bulk.query`, and failing bulk calls that
 * reject cleanly instead of killing Node with an unhandled rejection.
 */
import type { Connection } from 'jsforce';
import { API_VERSION, apiError, rawRequest, startTestOrg, type TestOrg } from '../support/localorg';

let t: TestOrg;
/** Unhandled rejections seen while this file runs: jsforce's bulk cleanup must never leave one. */
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown): void => {
  unhandled.push(reason);
};

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  t = await startTestOrg();
  // Polls as often as a client may; the default poll timeout (30 s) is kept.
  t.conn.bulk.pollInterval = 50;
});
afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  await t.close();
});

const ROWS = 1000;

/** A jsforce Batch (a thenable, not a Promise) as a Promise. */
function settled<T>(batch: {
  then(resolve: (value: T) => void, reject: (error: unknown) => void): unknown;
}): Promise<T> {
  return new Promise((resolve, reject) => {
    batch.then(resolve, reject);
  });
}

async function count(conn: Connection, where: string): Promise<number> {
  return (await conn.query(`SELECT COUNT() FROM Account WHERE ${where}`)).totalSize;
}

describe('conn.bulk.load', () => {
  it('inserts records and answers one result per record, in order, with the failures', async () => {
    const records: Record<string, unknown>[] = [];
    for (let i = 0; i < ROWS; i++) records.push({ Name: `Bulk1 ${String(i).padStart(4, '0')}`, Description: 'new' });
    // A record without a Name fails alone, in its place.
    records.splice(500, 0, { Description: 'no name' });
    const results = await t.conn.bulk.load('Account', 'insert', records);

    expect(results).toHaveLength(ROWS + 1);
    expect(results[500]).toEqual({
      id: null,
      success: false,
      created: false,
      errors: [expect.stringMatching(/^REQUIRED_FIELD_MISSING:Required fields are missing: \[Name\]:Name --$/)],
    });
    const ok = results.filter((r) => r.success);
    expect(ok).toHaveLength(ROWS);
    for (const r of ok) {
      expect(r.created).toBe(true);
      expect(r.id).toMatch(/^001[a-zA-Z0-9]{15}$/);
    }
    // Results are in the order sent: the 1,000th record is the last one.
    const last = await t.conn.sobject('Account').retrieve(results[ROWS].id as string);
    expect(last.Name).toBe('Bulk1 0999');
    expect(await count(t.conn, "Name LIKE 'Bulk1 %'")).toBe(ROWS);
  });
});

describe('conn.bulk.load upsert', () => {
  it('creates, then updates, records by external id', async () => {
    const records = [1, 2, 3].map((i) => ({ External_Key__c: `B1-UP-${i}`, Name: `Upserted ${i}` }));
    const first = await t.conn.bulk.load('Account', 'upsert', { extIdField: 'External_Key__c' }, records);
    expect(first.map((r) => [r.success, r.created])).toEqual([
      [true, true],
      [true, true],
      [true, true],
    ]);
    const again = await t.conn.bulk.load('Account', 'upsert', { extIdField: 'External_Key__c' }, records);
    expect(again.map((r) => [r.success, r.created, r.id])).toEqual(first.map((r) => [true, false, r.id]));
    expect(await count(t.conn, "External_Key__c LIKE 'B1-UP-%'")).toBe(3);
  });
});

describe('find().update() and find().destroy() with default options', () => {
  it('updates 1,000 records through Bulk API 1.0', async () => {
    const load = jest.spyOn(t.conn.bulk, 'load');
    try {
      const results = await t.conn
        .sobject('Account')
        .find({ Name: { $like: 'Bulk1 %' } }, 'Id, Name')
        .update({ Description: 'updated in bulk' });
      expect(results).toHaveLength(ROWS);
      expect(results.every((r) => r.success)).toBe(true);
      expect(load.mock.calls.map((call) => call.slice(0, 2))).toEqual([['Account', 'update']]);
    } finally {
      load.mockRestore();
    }
    const after = await t.conn.query<{ Description: string | null }>(
      "SELECT Description FROM Account WHERE Name LIKE 'Bulk1 %'",
    );
    expect(after.records).toHaveLength(ROWS);
    expect(new Set(after.records.map((r) => r.Description))).toEqual(new Set(['updated in bulk']));
  });

  it('runs a Bulk API 1.0 query through conn.bulk.query', async () => {
    const stream = await t.conn.bulk.query("SELECT Id, Name, Description FROM Account WHERE Name LIKE 'Bulk1 0%'");
    const rows = await new Promise<Record<string, string>[]>((resolve, reject) => {
      const out: Record<string, string>[] = [];
      stream.on('record', (row: Record<string, string>) => out.push(row));
      stream.on('end', () => resolve(out));
      stream.on('error', reject);
    });
    expect(rows).toHaveLength(ROWS);
    expect(new Set(rows.map((r) => r.Description))).toEqual(new Set(['updated in bulk']));
    // The Bulk API 2.0 query job that ran the batch is not listed as a job of its own.
    const listed = await rawRequest(t.conn, 'GET', `/services/data/v${API_VERSION}/jobs/query`);
    expect(listed.body).toMatchObject({ records: [] });
  });

  it('deletes 1,000 records through Bulk API 1.0', async () => {
    const load = jest.spyOn(t.conn.bulk, 'load');
    try {
      const results = await t.conn
        .sobject('Account')
        .find({ Name: { $like: 'Bulk1 %' } }, 'Id')
        .destroy();
      expect(results).toHaveLength(ROWS);
      expect(results.every((r) => r.success)).toBe(true);
      expect(load.mock.calls.map((call) => call.slice(0, 2))).toEqual([['Account', 'delete']]);
    } finally {
      load.mockRestore();
    }
    expect(await count(t.conn, "Name LIKE 'Bulk1 %'")).toBe(0);
  });
});

describe('failing bulk calls', () => {
  it('reject with the API error and leave no unhandled rejection', async () => {
    const unknownObject = await apiError(settled(t.conn.bulk.load('No_Such_Object__c', 'insert', [{ Name: 'x' }])));
    expect(unknownObject.message).toBe('Unable to find object: No_Such_Object__c');
    const unknownField = await apiError(settled(t.conn.bulk.load('Account', 'insert', [{ Name: 'x', Nope__c: 'y' }])));
    expect(unknownField.message).toBe('InvalidBatch : Field name not found : Nope__c');
    const badId = await t.conn.bulk.load('Account', 'delete', [{ Id: '001000000000000AAA' }]);
    expect(badId[0]).toMatchObject({
      success: false,
      errors: [expect.stringMatching(/^(ENTITY_IS_DELETED|INVALID_CROSS_REFERENCE_KEY)/)],
    });
    const badExternalId = await apiError(
      settled(t.conn.bulk.load('Account', 'upsert', { extIdField: 'Nope__c' }, [{ Name: 'x' }])),
    );
    expect(badExternalId.message).toContain('Nope__c does not match an External ID');
    // An empty upload is refused when the batch is created (jsforce sends an empty CSV body).
    const empty = await apiError(settled(t.conn.bulk.load('Account', 'update', [])));
    expect(empty).toMatchObject({ name: 'ClientInputError', message: 'Unable to find any data to create batch' });
    const badQuery = await apiError(t.conn.bulk.query('SELECT Nope__c FROM Account'));
    expect(badQuery.message).toMatch(/^InvalidBatch : Failed to process query: INVALID_FIELD: /);
    // jsforce closes the job in its cleanup, after the error: give those requests time to settle.
    const until = Date.now() + 2000;
    while (Date.now() < until && unhandled.length === 0) await new Promise((r) => setTimeout(r, 100));
    expect(unhandled).toEqual([]);
  });
});
