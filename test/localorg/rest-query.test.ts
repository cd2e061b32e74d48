/**
 * The query resources: first page, further pages through query locators, batch size, queryAll and
 * the locator errors. (The SOQL language itself is tested with the engine.)
 */
import { apiError, dataPath, LOCALORG_FIXTURE, rawRequest, startTestOrg, type TestOrg } from '../support/localorg';

let t: TestOrg;
beforeAll(async () => {
  t = await startTestOrg({ forceAppRoot: LOCALORG_FIXTURE });
  const records = Array.from({ length: 2300 }, (_, i) => ({ Name: `Q${String(i).padStart(4, '0')}` }));
  await t.conn.sobject('Account').create(records, { allowRecursive: true });
});
afterAll(() => t.close());

interface Page {
  totalSize: number;
  done: boolean;
  nextRecordsUrl?: string;
  records: Record<string, unknown>[];
}
const query = (soql: string) => dataPath(`/query?q=${encodeURIComponent(soql)}`);

it('returns at most 2000 records per page and a locator for the rest', async () => {
  const first = (await t.conn.request(query('SELECT Id, Name FROM Account ORDER BY Name'))) as Page;
  expect(first.totalSize).toBe(2300);
  expect(first.done).toBe(false);
  expect(first.records).toHaveLength(2000);
  expect(first.nextRecordsUrl).toMatch(/^\/services\/data\/v66\.0\/query\/01g\w+-2000$/);
  expect(first.records[0]).toEqual({
    attributes: { type: 'Account', url: expect.stringMatching(/^\/services\/data\/v66\.0\/sobjects\/Account\/001/) },
    Id: expect.any(String),
    Name: 'Q0000',
  });
  const second = (await t.conn.request(first.nextRecordsUrl!)) as Page;
  expect(second).toMatchObject({ totalSize: 2300, done: true });
  expect(second.nextRecordsUrl).toBeUndefined();
  expect(second.records).toHaveLength(300);
  expect(second.records.at(-1)?.Name).toBe('Q2299');
  // An exhausted locator is gone.
  const again = await apiError(t.conn.request(first.nextRecordsUrl!));
  expect(again.errorCode).toBe('INVALID_QUERY_LOCATOR');
});

it('honours Sforce-Query-Options batchSize within 200..2000', async () => {
  const page = (await t.conn.request({
    method: 'GET',
    url: query('SELECT Id FROM Account'),
    headers: { 'Sforce-Query-Options': 'batchSize=500' },
  })) as Page;
  expect(page.records).toHaveLength(500);
  expect(page.nextRecordsUrl).toMatch(/-500$/);
  const small = (await t.conn.request({
    method: 'GET',
    url: query('SELECT Id FROM Account'),
    headers: { 'Sforce-Query-Options': 'batchSize=10' },
  })) as Page;
  expect(small.records).toHaveLength(200);
});

it('pages a query without ORDER BY as of its start: records created later are not in it', async () => {
  const first = (await t.conn.request(query('SELECT Id, Name FROM Account'))) as Page;
  expect(first.totalSize).toBe(2300);
  const late = (await t.conn.sobject('Account').create({ Name: 'Created after the query' })).id!;
  const second = (await t.conn.request(first.nextRecordsUrl!)) as Page;
  expect(second.done).toBe(true);
  expect(first.records.length + second.records.length).toBe(2300);
  expect([...first.records, ...second.records].map((r) => r.Id)).not.toContain(late);
  await t.conn.sobject('Account').destroy(late);
});

it('answers aggregate results in one batch whatever the batch size, since they have no locator', async () => {
  const page = (await t.conn.request({
    method: 'GET',
    url: query('SELECT Name, COUNT(Id) n FROM Account GROUP BY Name LIMIT 1500'),
    headers: { 'Sforce-Query-Options': 'batchSize=200' },
  })) as Page;
  expect(page).toMatchObject({ totalSize: 1500, done: true });
  expect(page.records).toHaveLength(1500);
  expect(page.nextRecordsUrl).toBeUndefined();
});

it('lets jsforce fetch every page with autoFetch', async () => {
  const records = await t.conn.query('SELECT Id FROM Account').run({ autoFetch: true, maxFetch: 10000 });
  expect(records.records).toHaveLength(2300);
});

it('answers INVALID_QUERY_LOCATOR for an unknown locator', async () => {
  const res = await rawRequest(t.conn, 'GET', dataPath('/query/01g000000000001AAA-2000'));
  expect(res.status).toBe(400);
  expect(res.body).toEqual([{ message: 'invalid query locator', errorCode: 'INVALID_QUERY_LOCATOR', fields: [] }]);
});

it('queryAll includes deleted records; query does not', async () => {
  const id = (await t.conn.sobject('Account').create({ Name: 'Deleted one' })).id!;
  await t.conn.sobject('Account').destroy(id);
  const soql = `SELECT Id, IsDeleted FROM Account WHERE Id = '${id}'`;
  expect(((await t.conn.request(query(soql))) as Page).totalSize).toBe(0);
  const all = (await t.conn.request(dataPath(`/queryAll?q=${encodeURIComponent(soql)}`))) as Page;
  expect(all.records).toEqual([expect.objectContaining({ Id: id, IsDeleted: true })]);
});

it('needs a query string, and reports SOQL errors as the engine raises them', async () => {
  const missing = await rawRequest(t.conn, 'GET', dataPath('/query'));
  expect(missing.status).toBe(400);
  expect((missing.body as { errorCode: string }[])[0].errorCode).toBe('MALFORMED_QUERY');
  const bad = await rawRequest(t.conn, 'GET', query('SELECT Nope__c FROM Account'));
  expect(bad.status).toBe(400);
  expect((bad.body as { errorCode: string }[])[0].errorCode).toBe('INVALID_FIELD');
});
