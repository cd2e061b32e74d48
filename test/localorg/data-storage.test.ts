/**
 * Data storage as `/limits` reports it and as the org enforces it: 2 KB a record (setup records such as
 * users take none), a scratch org's 200 MB by default, and a create that would pass the maximum refused
 * with STORAGE_LIMIT_EXCEEDED, writing nothing, through every write path (single record, collections,
 * composite); deleting records frees the space again. The tests shrink the maximum with `dataStorageMB`.
 */
import { apiError, dataPath, rawRequest, startTestOrg, type TestOrg } from '../support/localorg';

interface Limits {
  DataStorageMB: { Max: number; Remaining: number };
}

const limits = async (t: TestOrg): Promise<Limits> => (await t.conn.request(dataPath('/limits'))) as Limits;
const accounts = async (t: TestOrg): Promise<number> => (await t.conn.query('SELECT COUNT() FROM Account')).totalSize;

describe('a scratch org', () => {
  let t: TestOrg;
  beforeAll(async () => {
    t = await startTestOrg();
  });
  afterAll(() => t.close());

  it('has 200 MB and counts 2 KB a record, setup records aside', async () => {
    expect((await limits(t)).DataStorageMB).toEqual({ Max: 200, Remaining: 200 });
    // 1,024 accounts take 2 MB.
    for (let i = 0; i < 1024; i += 200) {
      const batch = Array.from({ length: Math.min(200, 1024 - i) }, (_, j) => ({ Name: `A${i + j}` }));
      await t.conn.sobject('Account').create(batch, { allOrNone: true });
    }
    expect((await limits(t)).DataStorageMB).toEqual({ Max: 200, Remaining: 198 });
  });
});

describe('a full org', () => {
  let t: TestOrg;
  // 20 KB: room for ten records of 2 KB.
  const MAX_MB = 20 / 1024;
  beforeAll(async () => {
    t = await startTestOrg({ dataStorageMB: MAX_MB });
  });
  afterAll(() => t.close());

  it('refuses the create that would pass the maximum and writes nothing', async () => {
    const results = await t.conn.sobject('Account').create(
      Array.from({ length: 12 }, (_, i) => ({ Name: `Fill ${i}` })),
      { allOrNone: false },
    );
    // Partial success: the first ten fit, the last two are refused one by one.
    expect(results.map((r) => r.success)).toEqual([...Array<boolean>(10).fill(true), false, false]);
    expect(results[10]).toMatchObject({
      errors: [expect.objectContaining({ statusCode: 'STORAGE_LIMIT_EXCEEDED', message: 'storage limit exceeded' })],
    });
    expect(await accounts(t)).toBe(10);
    expect((await limits(t)).DataStorageMB).toEqual({ Max: MAX_MB, Remaining: 0 });

    const single = await apiError(t.conn.sobject('Contact').create({ LastName: 'Over' }));
    expect(single).toMatchObject({ errorCode: 'STORAGE_LIMIT_EXCEEDED', message: 'storage limit exceeded' });
    const composite = await rawRequest(t.conn, 'POST', dataPath('/composite'), {
      body: {
        allOrNone: true,
        compositeRequest: [
          { method: 'POST', url: dataPath('/sobjects/Account'), referenceId: 'a', body: { Name: 'Over' } },
        ],
      },
    });
    expect(JSON.stringify(composite.body)).toContain('STORAGE_LIMIT_EXCEEDED');
    expect(await accounts(t)).toBe(10);
    expect((await t.conn.query('SELECT COUNT() FROM Contact')).totalSize).toBe(0);
  });

  it('still updates and deletes, and a delete frees the space', async () => {
    const ids = (await t.conn.query<{ Id: string }>('SELECT Id FROM Account ORDER BY Name')).records.map((r) => r.Id);
    await t.conn.sobject('Account').update({ Id: ids[0], Name: 'Renamed' });
    await t.conn.sobject('Account').destroy(ids.slice(0, 2));
    const created = await t.conn
      .sobject('Account')
      .create([{ Name: 'Back 1' }, { Name: 'Back 2' }, { Name: 'Back 3' }]);
    expect(created.map((r) => r.success)).toEqual([true, true, false]);
    expect(await accounts(t)).toBe(10);
  });
});
