/**
 * The access job's partner shares against a local org over HTTP: a plan is shared with its partner account's
 * role group (the `RoleAndSubordinates` group of the account's Executive partner role) by one row of
 * Shared_With_Partner__c, Edit in Partner Review and Read once Accepted, Active or In Revision, none as a Draft;
 * the row follows the plan through its statuses, a second run writes nothing, a partner account without
 * partner users (so without roles) is skipped and counted, and Manual shares to the same group are left alone.
 * The partner's user reads the plan exactly while the share is there.
 */
import { runAccessSync } from '../../packages/jobs/access';
import type { OrgSession } from '../../packages/jobs/connection';
import { profileId, startTestOrg, type TestOrg } from '../support/localorg';
import { movePlanTo, userIdOf } from '../support/lifecycle';
import { ensureAdminRole } from '../support/partners';
import { scriptSession } from '../support/scripts';
import { createPlanAudience, createUser, type PlanAudience, type TestUser } from '../support/security';

const SHARE = 'Partner_Account_Plan__Share';
const REASON = 'Shared_With_Partner__c';

let t: TestOrg;
let admin: OrgSession;
let audience: PlanAudience;
/** The partner account's user (Partner Community User, Partner_User), once created. */
let partnerUser: TestUser;

/** The plans the partner user reads. */
async function plansSeen(): Promise<string[]> {
  return (await partnerUser.conn.query<{ Id: string }>('SELECT Id FROM Partner_Account_Plan__c')).records.map(
    (r) => r.Id,
  );
}

/** The plan's shares of the partner reason, as `group level`. */
async function partnerShares(): Promise<string[]> {
  const result = await t.conn.query<{ UserOrGroupId: string; AccessLevel: string }>(
    `SELECT UserOrGroupId, AccessLevel FROM ${SHARE} WHERE ParentId = '${audience.plan}' AND RowCause = '${REASON}'`,
  );
  return result.records.map((s) => `${s.UserOrGroupId} ${s.AccessLevel}`).sort();
}

/** Moves the plan one step, as its owner; an acceptance is stamped as the rules require. */
async function step(status: string): Promise<void> {
  const conn = audience.pm.conn;
  const fields: Record<string, unknown> = { Id: audience.plan, Status__c: status };
  if (status === 'Accepted') {
    const plan = (await conn.sobject('Partner_Account_Plan__c').retrieve(audience.plan)) as { Version__c: number };
    Object.assign(fields, {
      Accepted_By__c: await userIdOf(conn),
      Accepted_On__c: new Date().toISOString(),
      Version__c: (plan.Version__c ?? 0) + 1,
    });
  }
  await conn.sobject('Partner_Account_Plan__c').update(fields as { Id: string });
}

/** The role group every partner share of the account goes to. */
async function executiveGroup(account: string): Promise<string> {
  const role = await t.conn.query<{ Id: string }>(
    `SELECT Id FROM UserRole WHERE PortalAccountId = '${account}' AND PortalRole = 'Executive'`,
  );
  const group = await t.conn.query<{ Id: string }>(
    `SELECT Id FROM Group WHERE Type = 'RoleAndSubordinates' AND RelatedId = '${role.records[0].Id}'`,
  );
  return group.records[0].Id;
}

beforeAll(async () => {
  t = await startTestOrg();
  audience = await createPlanAudience(t);
  admin = await scriptSession(t);
}, 60_000);
afterAll(async () => {
  await admin.close();
  await t.close();
});

it('shares nothing of a Draft, and skips a plan whose partner account has no partner roles yet', async () => {
  const draft = await runAccessSync(admin);
  expect(draft.partner).toMatchObject({
    enabled: true,
    wanted: 0,
    inserted: 0,
    skipped: { drafts: 1, accountsWithoutRoles: 0, plansWithoutRoles: 0 },
  });
  await movePlanTo(audience.pm.conn, audience.plan, 'Partner Review');
  const noRoles = await runAccessSync(admin);
  expect(noRoles.partner).toMatchObject({
    wanted: 0,
    inserted: 0,
    skipped: { drafts: 0, accountsWithoutRoles: 1, plansWithoutRoles: 1 },
  });
  expect(await partnerShares()).toEqual([]);
});

it('shares a plan in Partner Review at Edit with the role group of its partner, once the partner has a user', async () => {
  // The admin owns the account: its owner needs a role before it has partner users.
  await ensureAdminRole(t);
  await t.conn.sobject('Account').update({ Id: audience.account, IsPartner: true });
  const contact = await t.conn.sobject('Contact').create({ LastName: 'Reyes', AccountId: audience.account });
  partnerUser = await createUser(t, {
    alias: 'reyes',
    permissionSets: ['Partner_User'],
    fields: { ProfileId: await profileId(t.conn, 'Partner Community User'), ContactId: contact.id },
  });
  expect(await plansSeen()).toEqual([]);
  const group = await executiveGroup(audience.account);
  const report = await runAccessSync(admin);
  expect(report.partner).toMatchObject({ wanted: 1, inserted: 1, updated: 0, deleted: 0, unchanged: 0 });
  expect(report.partner.skipped).toEqual({ drafts: 0, accountsWithoutRoles: 0, plansWithoutRoles: 0 });
  expect(report.changes).toContainEqual({
    action: 'insert',
    reason: REASON,
    planId: audience.plan,
    userId: group,
    accessLevel: 'Edit',
  });
  expect(await partnerShares()).toEqual([`${group} Edit`]);
  expect(await plansSeen()).toEqual([audience.plan]);
  expect(await runAccessSync(admin)).toMatchObject({
    changes: [],
    partner: { inserted: 0, updated: 0, deleted: 0, unchanged: 1 },
  });
});

it('follows the plan through its statuses: Read once accepted, Edit in review again, nothing as a Draft', async () => {
  const group = await executiveGroup(audience.account);
  const expectations: [string, string[], Partial<Record<'inserted' | 'updated' | 'deleted', number>>][] = [
    ['Accepted', [`${group} Read`], { updated: 1 }],
    ['Active', [`${group} Read`], { updated: 0 }],
    ['In Revision', [`${group} Read`], { updated: 0 }],
    ['Partner Review', [`${group} Edit`], { updated: 1 }],
    ['Draft', [], { deleted: 1 }],
    ['Partner Review', [`${group} Edit`], { inserted: 1 }],
  ];
  for (const [status, shares, counts] of expectations) {
    await step(status);
    const report = await runAccessSync(admin);
    expect([status, report.partner, report.failures]).toMatchObject([status, counts, []]);
    expect([status, await partnerShares()]).toEqual([status, shares]);
    expect([status, await plansSeen()]).toEqual([status, shares.length > 0 ? [audience.plan] : []]);
  }
});

it('sets a changed level back, and leaves a Manual share to the same group and other reasons alone', async () => {
  const group = await executiveGroup(audience.account);
  const share = await t.conn.query<{ Id: string }>(
    `SELECT Id FROM ${SHARE} WHERE ParentId = '${audience.plan}' AND RowCause = '${REASON}'`,
  );
  await t.conn.sobject(SHARE).update({ Id: share.records[0].Id, AccessLevel: 'Read' });
  await t.conn.sobject(SHARE).create({ ParentId: audience.plan, UserOrGroupId: group, AccessLevel: 'Read' });
  const report = await runAccessSync(admin);
  expect(report.partner).toMatchObject({ updated: 1, inserted: 0, deleted: 0 });
  const rows = await t.conn.query<{ RowCause: string; AccessLevel: string }>(
    `SELECT RowCause, AccessLevel FROM ${SHARE} WHERE ParentId = '${audience.plan}' AND UserOrGroupId = '${group}'`,
  );
  expect(rows.records.map((r) => `${r.RowCause} ${r.AccessLevel}`).sort()).toEqual([`Manual Read`, `${REASON} Edit`]);
});

it('reports what it would change in a dry run, and writes nothing', async () => {
  await step('Draft');
  const dry = await runAccessSync(admin, { dryRun: true });
  expect(dry.changes).toEqual([expect.objectContaining({ action: 'delete', reason: REASON, planId: audience.plan })]);
  expect(dry.partner).toMatchObject({ deleted: 0, wanted: 0 });
  expect(await partnerShares()).toHaveLength(1);
});
