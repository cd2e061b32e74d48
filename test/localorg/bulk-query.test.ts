/**
 * Bulk API 2.0 query jobs: results as CSV in SELECT order with child-to-parent fields flattened into
 * `Relationship.Field` columns, queryAll with deleted records, pages read with `maxRecords` and followed
 * through `Sforce-Locator`, and the queries Bulk API 2.0 refuses.
 */
import { bulkQuery, fastPolling } from '../support/bulk';
import { dataPath, LOCALORG_FIXTURE, rawRequest, startTestOrg, type TestOrg } from '../support/localorg';

let t: TestOrg;
let partnerId: string;

beforeAll(async () => {
  t = await startTestOrg({ forceAppRoot: LOCALORG_FIXTURE });
  fastPolling(t.conn);
  const partner = await t.conn.sobject('Account').create({ Name: 'Partner, "The"', External_Key__c: 'ACC-1' });
  partnerId = partner.id as string;
  const plans = Array.from({ length: 7 }, (_, i) => ({
    Name: `Plan ${i + 1}`,
    External_Key__c: `P-${i + 1}`,
    Partner_Account__c: i < 5 ? partnerId : null,
    Budget__c: i * 100.5,
    Start__c: '2026-01-15',
    Kickoff__c: '2026-01-15T08:00:00.000Z',
    Active__c: i % 2 === 0,
  }));
  await t.conn.sobject('Plan__c').create(plans);
  const gone = await t.conn.query<{ Id: string }>("SELECT Id FROM Plan__c WHERE External_Key__c = 'P-7'");
  await t.conn.sobject('Plan__c').destroy(gone.records[0].Id);
});
afterAll(() => t.close());

async function queryJob(soql: string, operation = 'query'): Promise<string> {
  const created = await rawRequest(t.conn, 'POST', dataPath('/jobs/query'), { body: { operation, query: soql } });
  expect(created.status).toBe(200);
  const id = (created.body as { id: string }).id;
  for (;;) {
    const info = (await rawRequest(t.conn, 'GET', dataPath(`/jobs/query/${id}`))).body as { state: string };
    if (info.state === 'JobComplete') return id;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('results', () => {
  it('writes SELECT columns with canonical names, parent fields flattened and Bulk API value formats', async () => {
    const rows = await bulkQuery(
      t.conn,
      'SELECT external_key__c, partner_account__r.name, Partner_Account__r.Owner.Name, Budget__c, Start__c, Kickoff__c, Active__c FROM Plan__c ORDER BY External_Key__c',
    );
    expect(rows).toHaveLength(6);
    expect(Object.keys(rows[0])).toEqual([
      'External_Key__c',
      'Partner_Account__r.Name',
      'Partner_Account__r.Owner.Name',
      'Budget__c',
      'Start__c',
      'Kickoff__c',
      'Active__c',
    ]);
    expect(rows[1]).toEqual({
      External_Key__c: 'P-2',
      'Partner_Account__r.Name': 'Partner, "The"',
      'Partner_Account__r.Owner.Name': 'Local Admin',
      Budget__c: '100.5',
      Start__c: '2026-01-15',
      Kickoff__c: '2026-01-15T08:00:00.000Z',
      Active__c: 'false',
    });
    // No parent: its columns are empty.
    expect(rows[5]).toMatchObject({ External_Key__c: 'P-6', 'Partner_Account__r.Name': '', Active__c: 'false' });
  });

  it('includes deleted records with queryAll only', async () => {
    const soql = 'SELECT External_Key__c, IsDeleted FROM Plan__c';
    expect((await bulkQuery(t.conn, soql)).map((r) => r.External_Key__c)).not.toContain('P-7');
    const all = await bulkQuery(t.conn, soql, true);
    expect(all.find((r) => r.External_Key__c === 'P-7')).toEqual({ External_Key__c: 'P-7', IsDeleted: 'true' });
  });

  it('pages with maxRecords, each page with its header, the next named by Sforce-Locator until null', async () => {
    const id = await queryJob('SELECT Name FROM Plan__c ORDER BY Name');
    const info = (await rawRequest(t.conn, 'GET', dataPath(`/jobs/query/${id}`))).body;
    expect(info).toMatchObject({
      id,
      operation: 'query',
      object: 'Plan__c',
      state: 'JobComplete',
      jobType: 'V2Query',
      numberRecordsProcessed: 6,
      contentType: 'CSV',
      apiVersion: 66,
    });
    const pages: string[] = [];
    const counts: string[] = [];
    let locator: string | undefined;
    for (;;) {
      const query = `maxRecords=4${locator ? `&locator=${locator}` : ''}`;
      const page = await rawRequest(t.conn, 'GET', dataPath(`/jobs/query/${id}/results?${query}`));
      expect(page.status).toBe(200);
      expect(page.headers['content-type']).toBe('text/csv');
      pages.push(String(page.body));
      counts.push(page.headers['sforce-numberofrecords']);
      locator = page.headers['sforce-locator'];
      if (locator === 'null') break;
    }
    expect(counts).toEqual(['4', '2']);
    expect(pages).toEqual(['"Name"\n"Plan 1"\n"Plan 2"\n"Plan 3"\n"Plan 4"\n', '"Name"\n"Plan 5"\n"Plan 6"\n']);
    const whole = await rawRequest(t.conn, 'GET', dataPath(`/jobs/query/${id}/results`));
    expect(whole.headers['sforce-locator']).toBe('null');
    expect(whole.headers['sforce-numberofrecords']).toBe('6');
    const bad = await rawRequest(t.conn, 'GET', dataPath(`/jobs/query/${id}/results?maxRecords=0`));
    expect(bad.status).toBe(400);
  });
});

describe('query jobs', () => {
  it.each([
    ['SELECT Nme FROM Plan__c', 'INVALID_FIELD'],
    ['SELECT Name FROM', 'MALFORMED_QUERY'],
    ['SELECT Name FROM Nope__c', 'INVALID_TYPE'],
  ])('refuses %s at creation with the query error', async (soql, errorCode) => {
    const response = await rawRequest(t.conn, 'POST', dataPath('/jobs/query'), {
      body: { operation: 'query', query: soql },
    });
    expect(response.status).toBe(400);
    expect(response.body).toEqual([expect.objectContaining({ errorCode })]);
  });

  it.each([
    ['SELECT Name, (SELECT Name FROM Sections__r) FROM Plan__c', 'Aggregate Relationships not supported in Bulk Query'],
    ['SELECT COUNT() FROM Plan__c', 'Aggregate and other functions in SELECT are not supported in Bulk Query'],
    ['SELECT Status__c FROM Plan__c GROUP BY Status__c', 'GROUP BY is not supported in Bulk Query'],
    ['SELECT Name FROM Plan__c LIMIT 5 OFFSET 1', 'OFFSET is not supported in Bulk Query'],
  ])('refuses what Bulk API 2.0 queries cannot do: %s', async (soql, message) => {
    const response = await rawRequest(t.conn, 'POST', dataPath('/jobs/query'), {
      body: { operation: 'query', query: soql },
    });
    expect(response.status).toBe(400);
    expect(response.body).toEqual([{ errorCode: 'API_ERROR', message, fields: [] }]);
  });

  it('refuses SOQL longer than 100,000 characters as MALFORMED_QUERY and creates no job; accepts 100,000', async () => {
    // A valid statement padded with a long string literal to an exact length.
    const soqlOf = (length: number): string => {
      const head = "SELECT Id FROM Plan__c WHERE Name != '";
      return `${head}${'x'.repeat(length - head.length - 1)}'`;
    };
    const jobs = async (): Promise<number> =>
      ((await rawRequest(t.conn, 'GET', dataPath('/jobs/query'))).body as { records: unknown[] }).records.length;
    const before = await jobs();
    const tooLong = await rawRequest(t.conn, 'POST', dataPath('/jobs/query'), {
      body: { operation: 'query', query: soqlOf(100_001) },
    });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body).toEqual([
      { errorCode: 'MALFORMED_QUERY', message: expect.stringContaining('100000 characters'), fields: [] },
    ]);
    // The 308,000-character statement of the issue: the same answer, not a 500.
    const huge = await rawRequest(t.conn, 'POST', dataPath('/jobs/query'), {
      body: { operation: 'query', query: soqlOf(308_000) },
    });
    expect(huge.status).toBe(400);
    expect(await jobs()).toBe(before);
    expect(await bulkQuery(t.conn, soqlOf(100_000))).toHaveLength(6);
  });

  it('lists query jobs, refuses to abort a finished one and deletes it', async () => {
    const id = await queryJob('SELECT Id FROM Plan__c');
    const list = (await rawRequest(t.conn, 'GET', dataPath('/jobs/query'))).body as { records: { id: string }[] };
    expect(list.records.map((r) => r.id)).toContain(id);
    const abort = await rawRequest(t.conn, 'PATCH', dataPath(`/jobs/query/${id}`), { body: { state: 'Aborted' } });
    expect(abort.status).toBe(400);
    expect(abort.body).toEqual([expect.objectContaining({ errorCode: 'INVALIDJOBSTATE' })]);
    expect((await rawRequest(t.conn, 'DELETE', dataPath(`/jobs/query/${id}`))).status).toBe(204);
    expect((await rawRequest(t.conn, 'GET', dataPath(`/jobs/query/${id}/results`))).status).toBe(404);
  });
});
