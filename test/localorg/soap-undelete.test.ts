/**
 * The partner SOAP API's undelete() through jsforce (`conn.soap.undelete`): records come back from the recycle
 * bin with what their delete took along (master-detail descendants, cleared lookups, roll-up summaries); each
 * Id succeeds or fails alone (malformed, not in the recycle bin, deleted with its master, not the caller's).
 */
import { createPlan, createUser } from '../support/security';
import { startTestOrg, type TestOrg } from '../support/localorg';

let t: TestOrg;
beforeAll(async () => {
  t = await startTestOrg();
});
afterAll(async () => {
  await t.close();
});

interface UndeleteResult {
  id: string | null;
  success: boolean;
  errors: { statusCode: string; message: string }[];
}

const undelete = async (ids: string[], conn = t.conn): Promise<UndeleteResult[]> => {
  const results = (await conn.soap.undelete(ids)) as unknown as UndeleteResult[];
  // jsforce reads a single <errors> element as an object: normalise to the documented array.
  return results.map((r) => ({ ...r, errors: ([] as UndeleteResult['errors']).concat(r.errors ?? []) }));
};

it('restores deleted records, one result per Id in order, and queryAll shows them live again', async () => {
  const created = await t.conn.sobject('Contact').create([{ LastName: 'Undelete 1' }, { LastName: 'Undelete 2' }]);
  const ids = created.map((c) => c.id as string);
  await t.conn.sobject('Contact').destroy(ids);
  expect((await t.conn.query(`SELECT COUNT() FROM Contact WHERE Id IN ('${ids.join("','")}')`)).totalSize).toBe(0);

  const results = await undelete(ids);
  expect(results).toEqual(ids.map((id) => ({ id, success: true, errors: [] })));
  const back = await t.conn.query<{ Id: string; IsDeleted: boolean }>(
    `SELECT Id, IsDeleted FROM Contact WHERE Id IN ('${ids.join("','")}')`,
  );
  expect(back.records.map((r) => r.IsDeleted)).toEqual([false, false]);
});

it('refuses, per Id, a malformed Id, a live record and an unknown one', async () => {
  const live = (await t.conn.sobject('Contact').create({ LastName: 'Still here' })).id as string;
  const results = await undelete(['not an id', live, '003000000009999AAA']);
  expect(results.map((r) => r.success)).toEqual([false, false, false]);
  expect(results[0].errors[0].statusCode).toBe('MALFORMED_ID');
  expect(results[1]).toMatchObject({ id: live, errors: [{ statusCode: 'UNDELETE_FAILED' }] });
  expect(results[1].errors[0].message).toBe('Entity is not in the recycle bin');
  expect(results[2].errors[0].statusCode).toBe('INVALID_CROSS_REFERENCE_KEY');
});

it('brings back the master-detail descendants deleted with a record, and the lookups its delete cleared', async () => {
  const partner = (await t.conn.sobject('Account').create({ Name: 'Undelete Partner', Partner_Type__c: 'Reseller' }))
    .id as string;
  const customer = (await t.conn.sobject('Account').create({ Name: 'Undelete Customer' })).id as string;
  const plan = await createPlan(t.conn, partner, 'Undelete plan', [1000, 2000]);
  await t.conn.sobject('Plan_Target__c').update({ Id: plan.target, Target_Account__c: customer });

  // Deleting the customer clears the target's lookup; deleting the plan takes its section and targets.
  await t.conn.sobject('Account').destroy(customer);
  expect((await t.conn.sobject('Plan_Target__c').retrieve(plan.target)).Target_Account__c).toBeNull();
  await t.conn.sobject('Partner_Account_Plan__c').destroy(plan.plan);
  expect((await t.conn.query(`SELECT COUNT() FROM Plan_Target__c WHERE Id = '${plan.target}'`)).totalSize).toBe(0);

  // A section deleted with its plan comes back with the plan, not alone.
  const [sectionAlone] = await undelete([plan.section]);
  expect(sectionAlone).toMatchObject({ success: false, errors: [{ statusCode: 'UNDELETE_FAILED' }] });

  expect((await undelete([plan.plan]))[0].success).toBe(true);
  const section = await t.conn.query<{ Target_Count__c: number }>(
    `SELECT Target_Count__c FROM Plan_Section__c WHERE Id = '${plan.section}'`,
  );
  expect(section.records[0].Target_Count__c).toBe(2);
  // The customer's undelete puts the cleared lookup back.
  expect((await undelete([customer]))[0].success).toBe(true);
  expect((await t.conn.sobject('Plan_Target__c').retrieve(plan.target)).Target_Account__c).toBe(customer);
});

it('does not let a user restore a record they cannot see or delete', async () => {
  const rep = await createUser(t, { alias: 'undeleter', permissionSets: ['Account_Executive'] });
  const contact = (await t.conn.sobject('Contact').create({ LastName: 'Admin only' })).id as string;
  await t.conn.sobject('Contact').destroy(contact);
  const [result] = await undelete([contact], rep.conn);
  expect(result.success).toBe(false);
  expect(['INVALID_CROSS_REFERENCE_KEY', 'INSUFFICIENT_ACCESS_OR_READONLY']).toContain(result.errors[0].statusCode);
  expect((await t.conn.query(`SELECT COUNT() FROM Contact WHERE Id = '${contact}'`)).totalSize).toBe(0);
});
