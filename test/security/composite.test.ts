/**
 * Composite subrequest URLs are resolved before the allow-list: `..`, `.`, percent-encoded dots and slashes
 * and backslashes cannot reach Bulk API jobs or nest a composite (the 3,125 subrequests from one
 * call); the 25-subrequest and 5-query limits hold for the resolved URLs, and sObject Tree and Collections
 * keep their 200-record limits.
 */
import { dataPath, rawRequest, startTestOrg, type TestOrg } from '../support/localorg';

jest.setTimeout(30_000);

let t: TestOrg;
beforeAll(async () => {
  t = await startTestOrg();
});
afterAll(() => t.close());

interface SubResult {
  body: unknown;
  httpStatusCode: number;
  referenceId: string | null;
}

const v = dataPath('');

async function composite(requests: object[]): Promise<SubResult[]> {
  const response = await rawRequest(t.conn, 'POST', dataPath('/composite'), { body: { compositeRequest: requests } });
  expect(response.status).toBe(200);
  return (response.body as { compositeResponse: SubResult[] }).compositeResponse;
}

const queryJobs = async (): Promise<unknown[]> =>
  ((await rawRequest(t.conn, 'GET', dataPath('/jobs/query'))).body as { records: unknown[] }).records;

describe('subrequest URLs', () => {
  const traversals = [
    `${v}/sobjects/../jobs/query`,
    `${v}/sobjects/./../jobs/query`,
    `${v}/sobjects/%2e%2e/jobs/query`,
    `${v}/sobjects/%2E%2E/jobs/query`,
    `${v}/sobjects/.%2e/jobs/query`,
    `${v}/sobjects%2F..%2Fjobs/query`,
    `${v}/sobjects/..%2Fjobs%2Fquery`,
    `${v}/sobjects\\..\\jobs\\query`,
    `${v}/query/../jobs/query`,
    `${v}/composite/sobjects/../../jobs/query`,
  ];

  it.each(traversals)('%s does not reach Bulk API 2.0 (404 NOT_FOUND, no job)', async (url) => {
    const [result] = await composite([
      { method: 'POST', url, referenceId: 'job', body: { operation: 'query', query: 'SELECT Id FROM User' } },
    ]);
    expect(result).toMatchObject({ httpStatusCode: 404, body: [{ errorCode: 'NOT_FOUND' }] });
    expect(await queryJobs()).toEqual([]);
  });

  it('refuses a nested composite however its URL is written', async () => {
    const inner = { compositeRequest: [{ method: 'GET', url: `${v}/limits`, referenceId: 'inner' }] };
    for (const url of [
      `${v}/composite`,
      `${v}/sobjects/../composite`,
      `${v}/sobjects/%2e%2e/composite`,
      `${v}/sobjects%2F..%2Fcomposite`,
      `${v}/Composite/`,
      `${v}/composite/tree/Account`,
      `${v}/sobjects/../composite/tree/Account`,
    ]) {
      const [result] = await composite([{ method: 'POST', url, referenceId: 'nested', body: inner }]);
      expect(result).toMatchObject({ httpStatusCode: 404, body: [{ errorCode: 'NOT_FOUND' }] });
    }
  });

  it('still runs what resolves to a supported resource, on the resolved path', async () => {
    const [describe, query] = await composite([
      { method: 'GET', url: `${v}/query/../sobjects/Account/describe`, referenceId: 'describe' },
      { method: 'GET', url: `${v}/sobjects/../query?q=SELECT+Id+FROM+Account`, referenceId: 'query' },
    ]);
    expect(describe).toMatchObject({ httpStatusCode: 200, body: { name: 'Account' } });
    expect(query).toMatchObject({ httpStatusCode: 200, body: { totalSize: 0 } });
  });

  it('refuses a URL that is not a path of this org', async () => {
    for (const url of [`//evil.example${dataPath('/limits')}`, 'http://evil.example/x', `${v}/sobjects/%zz`]) {
      const [result] = await composite([{ method: 'GET', url, referenceId: 'r' }]);
      expect(result).toMatchObject({ httpStatusCode: 404, body: [{ errorCode: 'NOT_FOUND' }] });
    }
  });
});

describe('limits', () => {
  it('refuses more than 25 subrequests', async () => {
    const requests = Array.from({ length: 26 }, (_, i) => ({
      method: 'POST',
      url: `${v}/sobjects/Account`,
      referenceId: `r${i}`,
      body: { Name: `Too many ${i}` },
    }));
    const results = await composite(requests);
    expect(results).toEqual([
      expect.objectContaining({
        httpStatusCode: 400,
        body: [expect.objectContaining({ errorCode: 'LIMIT_EXCEEDED' })],
      }),
    ]);
    expect((await t.conn.query('SELECT Id FROM Account')).totalSize).toBe(0);
  });

  it('counts queries written through `..` against the limit of 5', async () => {
    const requests = Array.from({ length: 6 }, (_, i) => ({
      method: 'GET',
      url: `${v}/sobjects/../query?q=SELECT+Id+FROM+Account`,
      referenceId: `q${i}`,
    }));
    const results = await composite(requests);
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ httpStatusCode: 400, body: [{ errorCode: 'LIMIT_EXCEEDED' }] });
  });

  it('counts queries that references turn a URL into, as they run', async () => {
    const created = await t.conn.sobject('Account').create({ Name: '../query' });
    const requests = [
      { method: 'GET', url: `${v}/sobjects/Account/${created.id}?fields=Name`, referenceId: 'name' },
      ...Array.from({ length: 6 }, (_, i) => ({
        method: 'GET',
        url: `${v}/sobjects/@{name.Name}?q=SELECT+Id+FROM+Account`,
        referenceId: `q${i}`,
      })),
    ];
    const results = await composite(requests);
    expect(results.slice(1, 6).map((r) => r.httpStatusCode)).toEqual([200, 200, 200, 200, 200]);
    expect(results[6]).toMatchObject({ httpStatusCode: 400, body: [{ errorCode: 'LIMIT_EXCEEDED' }] });
    await t.conn.sobject('Account').destroy(created.id!);
  });

  it('keeps sObject Tree to 200 records and Collections to 200 records', async () => {
    const records = Array.from({ length: 201 }, (_, i) => ({
      attributes: { type: 'Account', referenceId: `a${i}` },
      Name: `Tree ${i}`,
    }));
    const tree = await rawRequest(t.conn, 'POST', dataPath('/composite/tree/Account'), { body: { records } });
    expect(tree.status).toBe(400);
    const collection = await rawRequest(t.conn, 'POST', dataPath('/composite/sobjects'), {
      body: { records: records.map((r) => ({ attributes: { type: 'Account' }, Name: r.Name })) },
    });
    expect(collection.status).toBe(400);
    expect((await t.conn.query('SELECT Id FROM Account')).totalSize).toBe(0);
  });
});
