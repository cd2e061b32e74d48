/**
 * The access sync's planning roles against a local org over HTTP (jsforce, as the scripts connect): each active
 * internal user's Partner_Planning_Role__c follows their permission sets (Account_Executive: Account Executive,
 * Partner_Manager: Partner Manager, both: Partner Manager, neither: blank); only changed users are written, so a
 * second run writes none; an inactive user is left alone; a dry run writes nothing; removing an assignment
 * changes the role; `npm run access` prints the roles' line.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { OrgSession } from '../../packages/jobs/connection';
import { runAccessSync } from '../../packages/jobs/access';
import { REPO_ROOT } from '../../packages/model';
import { startTestOrg, type TestOrg } from '../support/localorg';
import { scriptSession } from '../support/scripts';
import { createUser, permissionSetId, type TestUser } from '../support/security';

let t: TestOrg;
let admin: OrgSession;
const users: Record<string, TestUser> = {};

async function roleOf(user: TestUser): Promise<string | null> {
  const rows = await t.conn.query<{ Partner_Planning_Role__c: string | null }>(
    `SELECT Partner_Planning_Role__c FROM User WHERE Id = '${user.id}'`,
  );
  return rows.records[0].Partner_Planning_Role__c;
}

async function roles(): Promise<Record<string, string | null>> {
  const entries = await Promise.all(Object.entries(users).map(async ([name, user]) => [name, await roleOf(user)]));
  return Object.fromEntries(entries) as Record<string, string | null>;
}

beforeAll(async () => {
  t = await startTestOrg();
  admin = await scriptSession(t);
  users.ae = await createUser(t, { alias: 'ae', permissionSets: ['Account_Executive'] });
  users.pm = await createUser(t, { alias: 'pm', permissionSets: ['Partner_Manager'] });
  users.both = await createUser(t, { alias: 'both', permissionSets: ['Account_Executive', 'Partner_Manager'] });
  // Someone who was an AE once but whose role is stale: set by hand, no permission set.
  users.none = await createUser(t, { alias: 'none', fields: { Partner_Planning_Role__c: 'Account Executive' } });
  users.gone = await createUser(t, { alias: 'gone', permissionSets: ['Partner_Manager'] });
  await t.conn.sobject('User').update({ Id: users.gone.id, IsActive: false });
}, 60_000);
afterAll(async () => {
  await admin.close();
  await t.close();
});

const BEFORE = { ae: null, pm: null, both: null, none: 'Account Executive', gone: null };

it('reports the role changes in a dry run and writes nothing', async () => {
  const report = await runAccessSync(admin, { dryRun: true });
  expect(report.roles).toMatchObject({ enabled: true, updated: 0 });
  expect(report.roles.changes).toEqual(
    expect.arrayContaining([
      { userId: users.ae.id, from: null, to: 'Account Executive' },
      { userId: users.pm.id, from: null, to: 'Partner Manager' },
      { userId: users.both.id, from: null, to: 'Partner Manager' },
      { userId: users.none.id, from: 'Account Executive', to: null },
    ]),
  );
  expect(report.roles.changes).toHaveLength(4);
  expect(await roles()).toEqual(BEFORE);
});

it('sets each active internal user role from their permission sets, and a second run writes nothing', async () => {
  const report = await runAccessSync(admin);
  expect(report).toMatchObject({ failures: [], roles: { enabled: true, updated: 4 } });
  expect(report.roles.unchanged).toBe(report.roles.users - 4);
  expect(await roles()).toEqual({
    ae: 'Account Executive',
    pm: 'Partner Manager',
    both: 'Partner Manager',
    none: null,
    gone: null,
  });
  const again = await runAccessSync(admin);
  expect(again.roles).toMatchObject({ updated: 0, changes: [] });
});

it('follows a removed assignment', async () => {
  const pmSet = await permissionSetId(t, 'Partner_Manager');
  const assignment = await t.conn.query<{ Id: string }>(
    `SELECT Id FROM PermissionSetAssignment WHERE AssigneeId = '${users.both.id}' AND PermissionSetId = '${pmSet}'`,
  );
  await t.conn.sobject('PermissionSetAssignment').destroy(assignment.records[0].Id);
  const report = await runAccessSync(admin);
  expect(report.roles).toMatchObject({
    updated: 1,
    changes: [{ userId: users.both.id, from: 'Partner Manager', to: 'Account Executive' }],
  });
  expect(await roleOf(users.both)).toBe('Account Executive');
});

it('prints the roles line in the summary of npm run access', async () => {
  await t.conn.sobject('User').update({ Id: users.pm.id, Partner_Planning_Role__c: null });
  const stdout = await new Promise<string>((resolve, reject) => {
    const env = { ...process.env, SF_INSTANCE_URL: t.org.instanceUrl, SF_ACCESS_TOKEN: t.org.accessToken };
    const tsx = join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
    const child = spawn(tsx, [join(REPO_ROOT, 'scripts', 'access.ts'), '--dry-run'], { cwd: REPO_ROOT, env });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('close', () => resolve(out));
  });
  expect(stdout).toMatch(/^Planning roles: \d+ active internal users; would set 1; \d+ unchanged\.$/m);
  expect(stdout).toContain(`  user ${users.pm.id}: (blank) -> Partner Manager`);
}, 120_000);
