/**
 * The planning role of each active internal user (User.Partner_Planning_Role__c), kept in line with their
 * permission set assignments: Account_Executive gives 'Account Executive', Partner_Manager gives 'Partner
 * Manager' (also with both), neither leaves it blank. The editor's accountable-people lookups filter on it.
 * Reads the users and assignments, decides (pure), and writes only the users whose role differs. An org
 * without the field (an older deploy) gets a note and nothing else.
 */
import type { OrgSession } from '../connection';
import { queryAll } from '../query';
import { withRetry } from '../retry';
import { norm } from '../rollup/soql';
import { failuresOf, writeRecords } from '../writer';
import type { AccessOptions, AccessReport, RoleChange } from './types';

export const ROLE_FIELD = 'Partner_Planning_Role__c';

/** Permission set Name -> the role it gives, the stronger one last (Partner Manager wins over Account Executive). */
export const ROLE_OF_PERMISSION_SET: ReadonlyArray<readonly [string, string]> = [
  ['Account_Executive', 'Account Executive'],
  ['Partner_Manager', 'Partner Manager'],
];

export const NO_ROLE_FIELD_NOTE = `User has no field ${ROLE_FIELD}: planning roles were not synced (deploy force-app to this org).`;

/** The role a user's permission sets give, or null for none. */
export function roleOf(permissionSets: Set<string>): string | null {
  let role: string | null = null;
  for (const [set, value] of ROLE_OF_PERMISSION_SET) if (permissionSets.has(set)) role = value;
  return role;
}

/** The users whose stored role differs from what their permission sets give (pure). */
export function diffRoles(
  users: { id: string; role: string | null }[],
  setsByUser: Map<string, Set<string>>,
): { changes: RoleChange[]; unchanged: number } {
  const changes: RoleChange[] = [];
  let unchanged = 0;
  for (const user of users) {
    const wanted = roleOf(setsByUser.get(user.id) ?? new Set());
    if ((user.role ?? null) === wanted) unchanged++;
    else changes.push({ userId: user.id, from: user.role ?? null, to: wanted });
  }
  return { changes, unchanged };
}

/** The active internal users (UserType Standard: not partner users) with their stored role. */
async function readInternalUsers(session: OrgSession): Promise<{ id: string; role: string | null }[]> {
  const rows = await queryAll<{ Id: string; Partner_Planning_Role__c: string | null }>(
    session,
    `SELECT Id, ${ROLE_FIELD} FROM User WHERE IsActive = true AND UserType = 'Standard'`,
  );
  return rows.map((r) => ({ id: norm(r.Id), role: r.Partner_Planning_Role__c }));
}

/** The role-giving permission sets of every user who has one, by user Id. */
async function readRoleAssignments(session: OrgSession): Promise<Map<string, Set<string>>> {
  const names = ROLE_OF_PERMISSION_SET.map(([set]) => `'${set}'`).join(', ');
  const rows = await queryAll<{ AssigneeId: string; PermissionSet: { Name: string } | null }>(
    session,
    `SELECT AssigneeId, PermissionSet.Name FROM PermissionSetAssignment WHERE PermissionSet.Name IN (${names})`,
  );
  const byUser = new Map<string, Set<string>>();
  for (const row of rows) {
    if (!row.PermissionSet) continue;
    const sets = byUser.get(norm(row.AssigneeId)) ?? new Set<string>();
    sets.add(row.PermissionSet.Name);
    byUser.set(norm(row.AssigneeId), sets);
  }
  return byUser;
}

/** Syncs the roles into `report.roles` (and its failures); writes nothing in a dry run. */
export async function syncPlanningRoles(
  session: OrgSession,
  options: AccessOptions,
  report: AccessReport,
): Promise<void> {
  const describe = await withRetry(() => session.conn.sobject('User').describe());
  if (!describe.fields.some((f) => f.name === ROLE_FIELD)) {
    report.notes.push(NO_ROLE_FIELD_NOTE);
    return;
  }
  const users = await readInternalUsers(session);
  const { changes, unchanged } = diffRoles(users, await readRoleAssignments(session));
  Object.assign(report.roles, { enabled: true, users: users.length, unchanged, changes });
  if (report.dryRun || changes.length === 0) return;
  const records = changes.map((c) => ({ Id: c.userId, [ROLE_FIELD]: c.to }));
  const bar = options.onStep?.(`update ${ROLE_FIELD}`, records.length);
  const outcomes = await writeRecords(session, {
    sobject: 'User',
    operation: 'update',
    records,
    policy: options.policy,
    onProgress: bar?.tick,
  });
  bar?.done();
  report.roles.updated = outcomes.filter((o) => o.success).length;
  report.failures.push(...failuresOf('User', records, outcomes, (r) => `user ${String(r.Id)}`));
}
