/**
 * Bulk API 2.0 ingest through jsforce's `conn.bulk2`: insert, update, upsert (with an external-id relationship
 * column), delete and hardDelete round trips, every row through the same validation as the REST API, with
 * per-row failures in failedResults in Salesforce's `CODE:message:fields --` form.
 */
import { fastPolling, load } from '../support/bulk';
import { LOCALORG_FIXTURE, startTestOrg, type TestOrg } from '../support/localorg';

let t: TestOrg;

beforeAll(async () => {
  t = await startTestOrg({ forceAppRoot: LOCALORG_FIXTURE });
  fastPolling(t.conn);
});
afterAll(() => t.close());

interface PlanRow {
  Id: string;
  Name: string;
  External_Key__c: string | null;
  Code__c: string | null;
  Status__c: string | null;
  Budget__c: number | null;
  Start__c: string | null;
  Kickoff__c: string | null;
  Active__c: boolean;
  Fiscal_Year__c: string | null;
  Tags__c: string | null;
  Partner_Account__c: string | null;
}

async function plans(where = ''): Promise<Map<string, PlanRow>> {
  const result = await t.conn.query<PlanRow>(
    `SELECT Id, Name, External_Key__c, Code__c, Status__c, Budget__c, Start__c, Kickoff__c, Active__c, Fiscal_Year__c, Tags__c, Partner_Account__c FROM Plan__c${where}`,
  );
  return new Map(result.records.map((r) => [r.External_Key__c ?? r.Name, r]));
}

describe('insert', () => {
  it('creates valid rows with converted values and reports each invalid row with its error', async () => {
    const csv = [
      'Name,External_Key__c,Code__c,Status__c,Budget__c,Start__c,Kickoff__c,Active__c,Fiscal_Year__c,Tags__c',
      'Plan One,P-1,C1,Active,1250.5,2026-02-01,2026-02-01T09:30:00.000+02:00,false,#N/A,',
      '"Plan, Two",P-2,,,,,,,,',
      'Bad Picklist,P-3,,Nope,,,,,,',
      ',P-4,,,,,,,,',
      'Too Long,P-5,TOOLONG,,,,,,,',
      'Not A Number,P-6,,,abc,,,,,',
      'Bad Date,P-7,,,,2026-02-30,,,,',
      'Duplicate,P-1,,,,,,,,',
    ].join('\n');
    const { successfulResults, failedResults, unprocessedRecords } = await load(t.conn, 'Plan__c', 'insert', csv);

    expect(successfulResults.map((r) => [r.External_Key__c, r.sf__Created])).toEqual([
      ['P-1', 'true'],
      ['P-2', 'true'],
    ]);
    for (const r of successfulResults) expect(r.sf__Id).toMatch(/^[a-zA-Z0-9]{18}$/);
    const p1 = successfulResults[0].sf__Id;
    expect(failedResults.map((r) => [r.External_Key__c, r.sf__Id, r.sf__Error])).toEqual([
      [
        'P-3',
        '',
        'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST:Status: bad value for restricted picklist field: Nope:Status__c --',
      ],
      ['P-4', '', 'REQUIRED_FIELD_MISSING:Required fields are missing: [Name]:Name --'],
      ['P-5', '', 'STRING_TOO_LONG:Code: data value too large: TOOLONG (max length=5):Code__c --'],
      ['P-6', '', 'INVALID_TYPE_ON_FIELD_IN_RECORD:Budget: value not of required type: abc:Budget__c --'],
      ['P-7', '', 'INVALID_TYPE_ON_FIELD_IN_RECORD:Start: value not of required type: 2026-02-30:Start__c --'],
      [
        'P-1',
        '',
        `DUPLICATE_VALUE:duplicate value found: External_Key__c duplicates value on record with id: ${p1}:External_Key__c --`,
      ],
    ]);
    // Failed rows come back with every original column.
    expect(failedResults[0]).toMatchObject({ Name: 'Bad Picklist', Status__c: 'Nope', Code__c: '' });
    expect(unprocessedRecords).toEqual([]);

    const rows = await plans();
    expect(rows.size).toBe(2);
    expect(rows.get('P-1')).toMatchObject({
      Name: 'Plan One',
      Code__c: 'C1',
      Status__c: 'Active',
      Budget__c: 1250.5,
      Start__c: '2026-02-01',
      Kickoff__c: '2026-02-01T07:30:00.000+0000',
      Active__c: false,
      // #N/A clears the field's default; an empty value leaves the default.
      Fiscal_Year__c: null,
    });
    expect(rows.get('P-2')).toMatchObject({
      Name: 'Plan, Two',
      Status__c: 'Draft',
      Active__c: true,
      Fiscal_Year__c: 'FY26',
    });
  });

  it('takes records from jsforce (its CSV has the first record’s columns) and loads 20,000 rows in two batches', async () => {
    const records = Array.from({ length: 20_000 }, (_, i) => ({ Name: `Bulk ${i}`, External_Key__c: `BULK-${i}` }));
    const { successfulResults, failedResults } = await load(t.conn, 'Account', 'insert', records);
    expect(successfulResults).toHaveLength(20_000);
    expect(failedResults).toEqual([]);
    expect(new Set(successfulResults.map((r) => r.sf__Id)).size).toBe(20_000);
    expect((await t.conn.query("SELECT COUNT() FROM Account WHERE External_Key__c LIKE 'BULK-%'")).totalSize).toBe(
      20_000,
    );
    // 20,000 validated writes: more than jest's 5 s default on a loaded machine.
  }, 30_000);

  it('completes a job with no records', async () => {
    const results = await load(t.conn, 'Account', 'insert', []);
    expect(results).toEqual({ successfulResults: [], failedResults: [], unprocessedRecords: [] });
  });
});

describe('update', () => {
  it('updates by Id, leaves empty values alone, nulls #N/A and reports rows it cannot update', async () => {
    const before = await plans();
    const p1 = before.get('P-1') as PlanRow;
    const p2 = before.get('P-2') as PlanRow;
    await t.conn.sobject('Plan__c').create({ Name: 'Doomed', External_Key__c: 'P-X' });
    const doomed = (await plans()).get('P-X') as PlanRow;
    await t.conn.sobject('Plan__c').destroy(doomed.Id);
    const csv = [
      'Id,Name,Code__c,Budget__c',
      `${p1.Id},Plan One Renamed,,#N/A`,
      `${p2.Id.toLowerCase()},,C2,99`,
      'not-an-id,X,,',
      `${doomed.Id},X,,`,
      ',Nobody,,',
      `${p1.Id},,TOOLONG,`,
    ].join('\n');
    const { successfulResults, failedResults } = await load(t.conn, 'Plan__c', 'update', csv);

    expect(successfulResults.map((r) => [r.sf__Id, r.sf__Created])).toEqual([
      [p1.Id, 'false'],
      [p2.Id, 'false'],
    ]);
    expect(failedResults.map((r) => [r.sf__Id, r.sf__Error])).toEqual([
      ['', 'MALFORMED_ID:malformed id not-an-id:--'],
      [doomed.Id, 'ENTITY_IS_DELETED:entity is deleted:--'],
      ['', 'MISSING_ARGUMENT:Id not specified in an update call:--'],
      [p1.Id, 'STRING_TOO_LONG:Code: data value too large: TOOLONG (max length=5):Code__c --'],
    ]);
    const after = await plans();
    expect(after.get('P-1')).toMatchObject({ Name: 'Plan One Renamed', Code__c: 'C1', Budget__c: null });
    expect(after.get('P-2')).toMatchObject({ Name: 'Plan, Two', Code__c: 'C2', Budget__c: 99 });
  });
});

describe('upsert', () => {
  beforeAll(async () => {
    await load(t.conn, 'Account', 'insert', 'Name,External_Key__c\nPartner A,ACC-A\nPartner B,ACC-B\n');
  });

  it('creates and updates by external id, resolving parents named by their external id', async () => {
    const accounts = await t.conn.query<{ Id: string; External_Key__c: string }>(
      "SELECT Id, External_Key__c FROM Account WHERE External_Key__c IN ('ACC-A', 'ACC-B')",
    );
    const accountId = new Map(accounts.records.map((a) => [a.External_Key__c, a.Id]));
    const p1 = (await plans()).get('P-1') as PlanRow;
    const csv = [
      'External_Key__c,Name,Partner_Account__r.External_Key__c,Status__c',
      'P-1,Plan One Upserted,ACC-A,Closed',
      'P-10,Plan Ten,ACC-B,',
      'P-11,Plan Eleven,ACC-NOPE,',
      ',No Key,,',
      'P-12,Bad Status,,Nope',
    ].join('\n');
    const { successfulResults, failedResults } = await load(t.conn, 'Plan__c', 'upsert', csv, 'External_Key__c');

    expect(successfulResults.map((r) => [r.External_Key__c, r.sf__Created])).toEqual([
      ['P-1', 'false'],
      ['P-10', 'true'],
    ]);
    expect(successfulResults[0].sf__Id).toBe(p1.Id);
    expect(failedResults.map((r) => [r.External_Key__c, r.sf__Error])).toEqual([
      [
        'P-11',
        'INVALID_FIELD:Foreign key external ID: ACC-NOPE not found for field External_Key__c in entity Account:Partner_Account__c --',
      ],
      ['', 'MISSING_ARGUMENT:External_Key__c not specified:External_Key__c --'],
      [
        'P-12',
        'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST:Status: bad value for restricted picklist field: Nope:Status__c --',
      ],
    ]);
    const after = await plans();
    expect(after.get('P-1')).toMatchObject({
      Name: 'Plan One Upserted',
      Status__c: 'Closed',
      Partner_Account__c: accountId.get('ACC-A'),
    });
    expect(after.get('P-10')).toMatchObject({ Name: 'Plan Ten', Partner_Account__c: accountId.get('ACC-B') });
  });

  it('inserts master-detail children named by their master’s external id, with roll-ups kept', async () => {
    const csv = ['Name,Plan__r.External_Key__c,Budget__c', 'S1,P-10,100', 'S2,P-10,250', 'S3,P-NOPE,1'].join('\n');
    const { successfulResults, failedResults } = await load(t.conn, 'Section__c', 'insert', csv);
    expect(successfulResults).toHaveLength(2);
    expect(failedResults.map((r) => r.sf__Error)).toEqual([
      'INVALID_FIELD:Foreign key external ID: P-NOPE not found for field External_Key__c in entity Plan__c:Plan__c --',
    ]);
    const plan = await t.conn.query<{ Section_Count__c: number; Section_Budget__c: number }>(
      "SELECT Section_Count__c, Section_Budget__c FROM Plan__c WHERE External_Key__c = 'P-10'",
    );
    expect(plan.records[0]).toMatchObject({ Section_Count__c: 2, Section_Budget__c: 350 });
  });

  it('reports an external id that matches several records', async () => {
    await t.conn.sobject('Contact').create([
      { LastName: 'Twin One', External_Key__c: 'TWIN' },
      { LastName: 'Twin Two', External_Key__c: 'TWIN' },
    ]);
    const { successfulResults, failedResults } = await load(
      t.conn,
      'Contact',
      'upsert',
      'External_Key__c,LastName\nTWIN,Who\nSOLO,Single\n',
      'External_Key__c',
    );
    expect(successfulResults.map((r) => r.External_Key__c)).toEqual(['SOLO']);
    expect(failedResults).toHaveLength(1);
    expect(failedResults[0].sf__Error).toMatch(
      /^DUPLICATE_EXTERNAL_ID:External_Key__c: more than one record found for external id field: \[\w{18}, \w{18}\]:External_Key__c --$/,
    );
  });
});

describe('delete and hardDelete', () => {
  it('deletes to the recycle bin with cascades, refuses restricted deletes, and hard deletes for good', async () => {
    const plan10 = (await plans()).get('P-10') as PlanRow;
    const p2 = (await plans()).get('P-2') as PlanRow;
    const accountB = await t.conn.query<{ Id: string }>("SELECT Id FROM Account WHERE External_Key__c = 'ACC-B'");
    const deleted = await load(t.conn, 'Plan__c', 'delete', `Id\n${plan10.Id}\n`);
    expect(deleted.successfulResults.map((r) => [r.sf__Id, r.sf__Created])).toEqual([[plan10.Id, 'false']]);
    expect((await t.conn.query('SELECT COUNT() FROM Section__c')).totalSize).toBe(0);
    expect(
      (await t.conn.query(`SELECT COUNT() FROM Section__c WHERE IsDeleted = true`, { scanAll: true })).totalSize,
    ).toBe(2);

    const plan1 = (await plans()).get('P-1') as PlanRow;
    // ACC-A is still named by P-1 through a Restrict lookup; ACC-B only by P-10, which is deleted.
    const accounts = await load(t.conn, 'Account', 'delete', [{ Id: plan1.Partner_Account__c }, ...accountB.records]);
    expect(accounts.successfulResults.map((r) => r.sf__Id)).toEqual([accountB.records[0].Id]);
    expect(accounts.failedResults.map((r) => [r.sf__Id, r.sf__Error])).toEqual([
      [
        plan1.Partner_Account__c,
        'DELETE_FAILED:Your attempt to delete Partner A could not be completed because it is associated with the following plans.: Plan One Upserted\n:--',
      ],
    ]);

    const hard = await load(t.conn, 'Plan__c', 'hardDelete', [{ Id: p2.Id }]);
    expect(hard.successfulResults.map((r) => r.sf__Id)).toEqual([p2.Id]);
    expect((await t.conn.query(`SELECT COUNT() FROM Plan__c WHERE Id = '${p2.Id}'`, { scanAll: true })).totalSize).toBe(
      0,
    );
    expect(
      (await t.conn.query(`SELECT COUNT() FROM Plan__c WHERE Id = '${plan10.Id}'`, { scanAll: true })).totalSize,
    ).toBe(1);
  });
});
