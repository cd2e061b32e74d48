/**
 * `created` on every upsert result: single-record upserts, sObject Collections upserts, and their failures.
 * An allOrNone upsert that rolls back still says, per record, whether it created (or would have created)
 * the record, as jsforce's own upsert tests read it.
 */
import { startTestOrg, type TestOrg } from '../support/localorg';

let t: TestOrg;
beforeAll(async () => {
  t = await startTestOrg();
});
afterAll(() => t.close());

interface UpsertResult {
  id?: string;
  success: boolean;
  created?: boolean;
  errors: { statusCode: string }[];
}

it('says created true, then false, for one record upserted twice', async () => {
  const first = await t.conn
    .sobject('Account')
    .upsert({ Name: 'Upsert one', External_Key__c: 'UC-1' }, 'External_Key__c');
  expect(first).toMatchObject({ success: true, created: true });
  const second = await t.conn
    .sobject('Account')
    .upsert({ Name: 'Upsert one again', External_Key__c: 'UC-1' }, 'External_Key__c');
  expect(second).toMatchObject({ success: true, created: false, id: first.id });
});

it('says created on each collection result, new and existing alike', async () => {
  await t.conn.sobject('Account').create({ Name: 'Existing', External_Key__c: 'UC-EX' });
  const results = (await t.conn.sobject('Account').upsert(
    [
      { Name: 'Existing renamed', External_Key__c: 'UC-EX' },
      { Name: 'Brand new', External_Key__c: 'UC-NEW' },
    ],
    'External_Key__c',
  )) as UpsertResult[];
  expect(results.map((r) => [r.success, r.created])).toEqual([
    [true, false],
    [true, true],
  ]);
});

it('says created on every result of an allOrNone upsert that rolls back', async () => {
  await t.conn.sobject('Account').create({ Name: 'Kept', External_Key__c: 'UC-KEPT' });
  const records = [
    { Name: 'AON 1', External_Key__c: 'UC-AON-1' },
    { Name: 'Kept renamed', External_Key__c: 'UC-KEPT' },
    { Name: 'AON 3', External_Key__c: 'UC-AON-3', OwnerId: 'INVALID_OWNER' },
  ];
  const results = (await t.conn
    .sobject('Account')
    .upsert(records, 'External_Key__c', { allOrNone: true })) as UpsertResult[];
  expect(results.map((r) => r.success)).toEqual([false, false, false]);
  // New records would have been created; the matched one would have been updated.
  expect(results.map((r) => r.created)).toEqual([true, false, true]);
  expect(results[0].errors[0].statusCode).toBe('ALL_OR_NONE_OPERATION_ROLLED_BACK');
  expect(results[1].errors[0].statusCode).toBe('ALL_OR_NONE_OPERATION_ROLLED_BACK');
  expect(results[2].errors[0].statusCode).toBe('MALFORMED_ID');
  const found = await t.conn.query(`SELECT Name FROM Account WHERE External_Key__c LIKE 'UC-%' ORDER BY Name`);
  expect(found.records.map((r) => r.Name)).toEqual(
    ['Existing renamed', 'Brand new', 'Kept', 'Upsert one again'].sort(),
  );
});
