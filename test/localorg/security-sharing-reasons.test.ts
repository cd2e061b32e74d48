/**
 * Apex sharing reasons through the API: the plan share object's RowCause lists the reason from the object's
 * metadata; only Modify All Data adds, changes or removes shares of a reason, which give access as a Manual
 * share does (plan, sections, targets); a user may hold a share for each reason; an owner change deletes the
 * Manual shares and keeps those of a reason.
 */
import { dataPath, rawRequest, startTestOrg, type TestOrg } from '../support/localorg';
import { createPlanAudience, INSUFFICIENT_ACCESS, type PlanAudience } from '../support/security';

const SHARE = 'Partner_Account_Plan__Share';
const REASON = 'Accountable_On_Target__c';

let t: TestOrg;
let audience: PlanAudience;

/** The first error of a write that must fail with 400, as the REST API answers it. */
async function refused(
  conn: PlanAudience['pm']['conn'],
  method: 'POST' | 'PATCH' | 'DELETE',
  path: string,
  body?: Record<string, unknown>,
): Promise<unknown> {
  const res = await rawRequest(conn, method, dataPath(path), body ? { body } : {});
  expect(res.status).toBe(400);
  return (res.body as unknown[])[0];
}

async function sharesOf(planId: string): Promise<{ UserOrGroupId: string; RowCause: string }[]> {
  const result = await t.conn.query<{ UserOrGroupId: string; RowCause: string }>(
    `SELECT UserOrGroupId, RowCause FROM ${SHARE} WHERE ParentId = '${planId}' ORDER BY RowCause`,
  );
  return result.records.map(({ UserOrGroupId, RowCause }) => ({ UserOrGroupId, RowCause }));
}

beforeAll(async () => {
  t = await startTestOrg();
  audience = await createPlanAudience(t);
}, 60_000);
afterAll(() => t.close());

it('lists the sharing reasons from the metadata among the RowCause values', async () => {
  const describe = await audience.pm.conn.describe(SHARE);
  const rowCause = describe.fields.find((f) => f.name === 'RowCause');
  expect(rowCause?.picklistValues?.map((v) => [v.value, v.label])).toEqual([
    ['Owner', 'Owner'],
    ['Manual', 'Manual'],
    [REASON, 'Accountable on a target'],
    ['Shared_With_Partner__c', 'Shared with partner'],
  ]);
  expect(rowCause).toMatchObject({ restrictedPicklist: true, createable: true, updateable: false });
});

it('refuses a share of the reason from the owner without Modify All Data, and an unknown reason', async () => {
  const { pm, ae, plan } = audience;
  const body = { ParentId: plan, UserOrGroupId: ae.id, AccessLevel: 'Read', RowCause: REASON };
  expect(await refused(pm.conn, 'POST', `/sobjects/${SHARE}`, body)).toMatchObject(INSUFFICIENT_ACCESS);
  const unknown = await refused(pm.conn, 'POST', `/sobjects/${SHARE}`, { ...body, RowCause: 'Partner__c' });
  expect(unknown).toMatchObject({ errorCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', fields: ['RowCause'] });
  expect(await sharesOf(plan)).toEqual([]);
});

it('gives the plan, its sections and targets to the user shared with by an administrator', async () => {
  const { ae, plan, section, target } = audience;
  expect((await ae.conn.query('SELECT Id FROM Partner_Account_Plan__c')).totalSize).toBe(0);
  const created = await t.conn
    .sobject(SHARE)
    .create({ ParentId: plan, UserOrGroupId: ae.id, AccessLevel: 'Read', RowCause: REASON });
  expect(created.success).toBe(true);
  expect((await ae.conn.query<{ Id: string }>('SELECT Id FROM Partner_Account_Plan__c')).records).toHaveLength(1);
  expect((await ae.conn.query<{ Id: string }>('SELECT Id FROM Plan_Section__c')).records[0].Id).toBe(section);
  expect((await ae.conn.query<{ Id: string }>('SELECT Id FROM Plan_Target__c')).records[0].Id).toBe(target);
  expect((await rawRequest(ae.conn, 'GET', dataPath(`/sobjects/Plan_Target__c/${target}`))).status).toBe(200);
  // Read only: the AE cannot edit what is shared for reading.
  const edit = await refused(ae.conn, 'PATCH', `/sobjects/Plan_Target__c/${target}`, { Target_Value__c: 5 });
  expect(edit).toMatchObject(INSUFFICIENT_ACCESS);
});

it('keeps a share of the reason out of the owner’s hands, besides the owner’s own Manual share', async () => {
  const { pm, ae, plan } = audience;
  const manual = await pm.conn.sobject(SHARE).create({ ParentId: plan, UserOrGroupId: ae.id, AccessLevel: 'Read' });
  expect(manual.success).toBe(true);
  expect(await sharesOf(plan)).toEqual([
    { UserOrGroupId: ae.id, RowCause: REASON },
    { UserOrGroupId: ae.id, RowCause: 'Manual' },
  ]);
  const reasonShare = (
    await t.conn.query<{ Id: string }>(`SELECT Id FROM ${SHARE} WHERE RowCause = '${REASON}' AND ParentId = '${plan}'`)
  ).records[0].Id;
  const path = `/sobjects/${SHARE}/${reasonShare}`;
  expect(await refused(pm.conn, 'PATCH', path, { AccessLevel: 'Edit' })).toMatchObject(INSUFFICIENT_ACCESS);
  expect(await refused(pm.conn, 'DELETE', path)).toMatchObject(INSUFFICIENT_ACCESS);
  expect((await rawRequest(t.conn, 'PATCH', dataPath(path), { body: { AccessLevel: 'Edit' } })).status).toBe(204);
  expect((await rawRequest(t.conn, 'PATCH', dataPath(path), { body: { AccessLevel: 'Read' } })).status).toBe(204);
});

it('deletes the Manual shares when the owner changes, and keeps those of the reason', async () => {
  const { pm, ae, plan } = audience;
  const admin = (await t.conn.identity()).user_id;
  await pm.conn.sobject('Partner_Account_Plan__c').update({ Id: plan, OwnerId: admin });
  expect(await sharesOf(plan)).toEqual([{ UserOrGroupId: ae.id, RowCause: REASON }]);
  expect((await ae.conn.query('SELECT Id FROM Plan_Section__c')).totalSize).toBe(1);
  // The former owner has no share: the plan is gone for them.
  expect((await pm.conn.query('SELECT Id FROM Partner_Account_Plan__c')).totalSize).toBe(0);
});
