/**
 * The access job against a local org over HTTP (jsforce, as the scripts connect): the AE named on a target
 * reads the plan, its sections and targets (SOQL and REST) and another AE does not; a second run changes
 * nothing; naming someone else, or deactivating them, takes their share away; Manual shares are never
 * touched; a dry run writes nothing; a user without Modify All Data gets the org's refusal, reported.
 */
import { runAccessSync, MODIFY_ALL_DATA_NOTE } from '../../packages/jobs/access';
import type { OrgSession } from '../../packages/jobs/connection';
import { dataPath, rawRequest, startTestOrg, type TestOrg } from '../support/localorg';
import { scriptSession } from '../support/scripts';
import { createPlanAudience, createUser, type PlanAudience, type TestUser } from '../support/security';

const SHARE = 'Partner_Account_Plan__Share';
const REASON = 'Accountable_On_Target__c';

let t: TestOrg;
let admin: OrgSession;
let audience: PlanAudience;
let otherAe: TestUser;

/** Names people accountable on the plan's target, as its owner does. */
const name = (fields: { Accountable_AE__c?: string | null; Accountable_Partner_Manager__c?: string | null }) =>
  audience.pm.conn.sobject('Plan_Target__c').update({ Id: audience.target, ...fields });

/** The plan's shares as pairs of user and reason. */
async function shares(): Promise<string[]> {
  const result = await t.conn.query<{ UserOrGroupId: string; RowCause: string }>(
    `SELECT UserOrGroupId, RowCause FROM ${SHARE} WHERE ParentId = '${audience.plan}'`,
  );
  return result.records.map((s) => `${s.UserOrGroupId} ${s.RowCause}`).sort();
}

/** What a user reads of the plan: its Ids by SOQL, and the REST status of each record. */
async function seen(user: TestUser): Promise<{ soql: string[]; rest: number[] }> {
  const { plan, section, target } = audience;
  const soql = [
    ...(await user.conn.query<{ Id: string }>('SELECT Id FROM Partner_Account_Plan__c')).records,
    ...(await user.conn.query<{ Id: string }>('SELECT Id FROM Plan_Section__c')).records,
    ...(await user.conn.query<{ Id: string }>('SELECT Id FROM Plan_Target__c')).records,
  ].map((r) => r.Id);
  const rest: number[] = [];
  for (const path of [
    `/sobjects/Partner_Account_Plan__c/${plan}`,
    `/sobjects/Plan_Section__c/${section}`,
    `/sobjects/Plan_Target__c/${target}`,
  ]) {
    rest.push((await rawRequest(user.conn, 'GET', dataPath(path))).status);
  }
  return { soql, rest };
}

beforeAll(async () => {
  t = await startTestOrg();
  audience = await createPlanAudience(t);
  otherAe = await createUser(t, { alias: 'ae2', permissionSets: ['Account_Executive'] });
  admin = await scriptSession(t);
}, 60_000);
afterAll(async () => {
  await admin.close();
  await t.close();
});

it('shares the plan with the AE named on a target, who reads it, its sections and targets; another AE does not', async () => {
  const { pm, ae, plan, section, target } = audience;
  await name({ Accountable_AE__c: ae.id, Accountable_Partner_Manager__c: pm.id });
  expect((await seen(ae)).soql).toEqual([]);
  const report = await runAccessSync(admin);
  expect(report).toMatchObject({
    read: { plans: 1, plansWithPeople: 1, people: 2, shares: 0 },
    wanted: 1,
    inserted: 1,
    deleted: 0,
    // The partner manager named on the target owns the plan: full access already, no share.
    skipped: { owners: 1, inactive: 0 },
    failures: [],
  });
  expect(report.changes).toEqual([
    { action: 'insert', reason: REASON, planId: plan, userId: ae.id, accessLevel: 'Read' },
  ]);
  expect(await shares()).toEqual([`${ae.id} ${REASON}`]);
  expect(await seen(ae)).toEqual({ soql: [plan, section, target], rest: [200, 200, 200] });
  expect(await seen(otherAe)).toEqual({ soql: [], rest: [404, 404, 404] });
});

it('changes nothing on a second run, and sets a changed access level back to Read', async () => {
  const again = await runAccessSync(admin);
  expect(again).toMatchObject({ inserted: 0, updated: 0, deleted: 0, unchanged: 1, changes: [], failures: [] });
  const share = (await t.conn.query<{ Id: string }>(`SELECT Id FROM ${SHARE} WHERE RowCause = '${REASON}'`)).records[0]
    .Id;
  await t.conn.sobject(SHARE).update({ Id: share, AccessLevel: 'Edit' });
  const fixed = await runAccessSync(admin);
  expect(fixed).toMatchObject({ inserted: 0, updated: 1, deleted: 0, unchanged: 0 });
  const level = await t.conn.query<{ AccessLevel: string }>(`SELECT AccessLevel FROM ${SHARE} WHERE Id = '${share}'`);
  expect(level.records[0].AccessLevel).toBe('Read');
});

it('takes the share away when the AE is no longer named, and leaves Manual shares alone', async () => {
  const { pm, ae } = audience;
  await pm.conn.sobject(SHARE).create({ ParentId: audience.plan, UserOrGroupId: otherAe.id, AccessLevel: 'Read' });
  await name({ Accountable_AE__c: null });
  const report = await runAccessSync(admin);
  expect(report).toMatchObject({ wanted: 0, inserted: 0, deleted: 1, unchanged: 0, failures: [] });
  expect(await shares()).toEqual([`${otherAe.id} Manual`]);
  expect(await seen(ae)).toEqual({ soql: [], rest: [404, 404, 404] });
  expect((await seen(otherAe)).rest).toEqual([200, 200, 200]);
});

it('writes nothing in a dry run, and reports what it would do', async () => {
  await name({ Accountable_AE__c: audience.ae.id });
  const dry = await runAccessSync(admin, { dryRun: true });
  expect(dry).toMatchObject({ dryRun: true, wanted: 1, inserted: 0 });
  expect(dry.changes).toEqual([
    { action: 'insert', reason: REASON, planId: audience.plan, userId: audience.ae.id, accessLevel: 'Read' },
  ]);
  expect(await shares()).toEqual([`${otherAe.id} Manual`]);
  expect(await runAccessSync(admin)).toMatchObject({ inserted: 1, failures: [] });
});

it('reports the refusal when the running user lacks Modify All Data, even as the plan owner', async () => {
  const { pm, ae, plan } = audience;
  await name({ Accountable_AE__c: otherAe.id });
  const asOwner = await scriptSession(t, pm.conn.accessToken ?? '');
  const report = await runAccessSync(asOwner);
  await asOwner.close();
  expect(report).toMatchObject({ inserted: 0, deleted: 0 });
  expect(report.notes).toContain(MODIFY_ALL_DATA_NOTE);
  expect(report.failures).toEqual([
    {
      sobject: SHARE,
      record: `plan ${plan} user ${otherAe.id}`,
      errorCode: 'INSUFFICIENT_ACCESS_OR_READONLY',
      message: 'insufficient access rights on object id',
      fields: [],
    },
    expect.objectContaining({ record: `plan ${plan} user ${ae.id}`, errorCode: 'INSUFFICIENT_ACCESS_OR_READONLY' }),
  ]);
  expect(await shares()).toEqual([`${ae.id} ${REASON}`, `${otherAe.id} Manual`].sort());
  // An administrator's run brings the shares in line.
  expect(await runAccessSync(admin)).toMatchObject({ inserted: 1, deleted: 1, failures: [] });
  expect(await shares()).toEqual([`${otherAe.id} ${REASON}`, `${otherAe.id} Manual`].sort());
});

it('takes the share away from a named user who was deactivated', async () => {
  await t.conn.sobject('User').update({ Id: otherAe.id, IsActive: false });
  const report = await runAccessSync(admin);
  expect(report).toMatchObject({ wanted: 0, deleted: 1, skipped: { owners: 1, inactive: 1 }, failures: [] });
  expect(await shares()).toEqual([`${otherAe.id} Manual`]);
});
