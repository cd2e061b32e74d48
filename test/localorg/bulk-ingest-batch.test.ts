/**
 * How a Bulk API 2.0 ingest batch is written: its rows share the batch's transaction, and a row that fails
 * after writing makes the batch be written again with savepoints, with the same outcomes as row by row; the
 * reference checks of a user who sees all data read only the columns they need of the parent (existence,
 * deletion, an owner's activity), with the same errors as reading the whole row.
 */
import { makeId } from '../../packages/localorg/ids';
import type { ObjectSchema } from '../../packages/localorg/schema';
import { fastPolling, load } from '../support/bulk';
import { failAfterInsert, LOCALORG_FIXTURE, newUserFields, startTestOrg, type TestOrg } from '../support/localorg';

let t: TestOrg;

beforeAll(async () => {
  t = await startTestOrg({ forceAppRoot: LOCALORG_FIXTURE });
  fastPolling(t.conn);
});
afterAll(() => t.close());

const object = (name: string): ObjectSchema => {
  const obj = t.org.storage.schema.objects.get(name);
  if (!obj) throw new Error(`no ${name}`);
  return obj;
};

describe('Storage.getColumns', () => {
  it('reads only the named columns of a row by Id, deleted or not, and nothing for an unknown Id', async () => {
    const account = object('Account');
    const id = (await t.conn.sobject('Account').create({ Name: 'Narrow' })).id!;
    expect(t.org.storage.getColumns(account, id, ['Id', 'IsDeleted'])).toEqual({ Id: id, IsDeleted: 0 });
    await t.conn.sobject('Account').destroy(id);
    expect(t.org.storage.getColumns(account, id, ['IsDeleted', 'Name'])).toEqual({ IsDeleted: 1, Name: 'Narrow' });
    expect(t.org.storage.getColumns(account, makeId(account.keyPrefix, 987_654), ['Id'])).toBeUndefined();
  });
});

describe('reference checks of an ingest job run by a user who sees all data', () => {
  it('answer a missing, a deleted and an inactive parent with their errors, and take a live one', async () => {
    const live = (await t.conn.sobject('Account').create({ Name: 'Live Parent' })).id!;
    const deleted = (await t.conn.sobject('Account').create({ Name: 'Deleted Parent' })).id!;
    await t.conn.sobject('Account').destroy(deleted);
    const missing = makeId(object('Account').keyPrefix, 987_655);
    const inactive = (await t.conn.sobject('User').create(await newUserFields(t.conn, { IsActive: false }))).id!;
    const csv = [
      'Name,Partner_Account__c,OwnerId',
      `Ref Live,${live},${t.org.adminUserId}`,
      `Ref Missing,${missing},`,
      `Ref Deleted,${deleted},`,
      `Ref Inactive,${live},${inactive}`,
    ].join('\n');
    const { successfulResults, failedResults } = await load(t.conn, 'Plan__c', 'insert', csv);

    expect(successfulResults.map((r) => [r.Name, r.sf__Created])).toEqual([['Ref Live', 'true']]);
    expect(failedResults.map((r) => [r.Name, r.sf__Error])).toEqual([
      ['Ref Missing', 'INVALID_CROSS_REFERENCE_KEY:invalid cross reference id:Partner_Account__c --'],
      ['Ref Deleted', 'ENTITY_IS_DELETED:entity is deleted:Partner_Account__c --'],
      [
        'Ref Inactive',
        `INACTIVE_OWNER_OR_USER:operation performed with inactive user [${inactive}] as owner of [${object('Plan__c').model.label}]:OwnerId --`,
      ],
    ]);
  });
});

describe('parents named by many rows of a batch', () => {
  afterEach(() => jest.restoreAllMocks());

  it('are read once per batch of inserts, and read again by the next job', async () => {
    const owner = (await t.conn.sobject('User').create(await newUserFields(t.conn))).id!;
    const reads = jest.spyOn(t.org.storage, 'getColumns');
    const csv = ['Name,OwnerId', ...Array.from({ length: 50 }, (_, i) => `Owned ${i},${owner}`)];
    const first = await load(t.conn, 'Plan__c', 'insert', csv.join('\n'));
    expect(first.successfulResults).toHaveLength(50);
    expect(reads.mock.calls.filter(([, id]) => id === owner)).toHaveLength(1);

    await t.conn.sobject('User').update({ Id: owner, IsActive: false });
    const second = await load(t.conn, 'Plan__c', 'insert', csv.slice(0, 3).join('\n'));
    const inactive = `INACTIVE_OWNER_OR_USER:operation performed with inactive user [${owner}] as owner of [${object('Plan__c').model.label}]:OwnerId --`;
    expect(second.failedResults.map((r) => r.sf__Error)).toEqual([inactive, inactive]);
  });
});

/**
 * A failure injected right after a row is inserted: the batch's shared transaction is rolled back and the
 * batch written again with a savepoint per chunk and per failing record, so the row leaves nothing behind and
 * every other row, in every chunk of the batch, is written once.
 */
describe('a row failing after it wrote', () => {
  const FAILS = 'Fails after writing';
  beforeEach(() => failAfterInsert(t, FAILS));
  afterEach(() => jest.restoreAllMocks());

  it('fails that row alone, with the same counts and results as without batches', async () => {
    // 2,500 rows: chunks of 200 in one batch, the failing row in the ninth.
    const names = Array.from({ length: 2500 }, (_, i) => (i === 1700 ? FAILS : `Batch Row ${i}`));
    const csv = ['Name', ...names].join('\n');
    const { successfulResults, failedResults, unprocessedRecords } = await load(t.conn, 'Account', 'insert', csv);

    expect(failedResults.map((r) => [r.Name, r.sf__Id, r.sf__Error])).toEqual([
      [FAILS, '', 'UNKNOWN_EXCEPTION:injected after the insert:--'],
    ]);
    expect(unprocessedRecords).toEqual([]);
    expect(successfulResults.map((r) => r.Name)).toEqual(names.filter((name) => name !== FAILS));
    const stored = t.org.storage.db
      .prepare(`SELECT "Id", "Name" FROM "Account" WHERE "Name" LIKE 'Batch Row %' OR "Name" = ?`)
      .all(FAILS) as { Id: string; Name: string }[];
    expect(new Map(stored.map((r) => [r.Name, r.Id]))).toEqual(
      new Map(successfulResults.map((r) => [r.Name, r.sf__Id])),
    );
    expect(stored).toHaveLength(2499);
  });
});
