/**
 * The seed's role hierarchy: the planning admin's role at the top, a role per partner manager under it,
 * and under each partner manager a role for the AEs who report to them. Sharing follows roles, so a partner
 * manager sees what their AEs own and AEs of one team (peers) do not see each other's. Roles come from the
 * users' reporting lines alone and draw nothing from the random source, so the generated data is unchanged.
 * Loading creates the missing roles (by DeveloperName, parents first) and sets each seeded user's role.
 */
import type { OrgSession } from '../connection';
import { queryIn } from '../query';
import type { RetryPolicy } from '../retry';
import { writeRecords } from '../writer';
import type { RoleSpec, UserSpec } from './records';

export type { RoleSpec } from './records';

/** A DeveloperName from a seed key: letters, digits and underscores, starting with a letter. */
const developerNameOf = (key: string): string => `Seed_${key.replace(/[^A-Za-z0-9]+/g, '_')}`;

/** The roles for the seeded users, parents before children. */
export function generateRoles(users: UserSpec[]): RoleSpec[] {
  const roles: RoleSpec[] = [];
  const admin = users.find((u) => u.role === 'Admin');
  const top = admin ? developerNameOf(`${admin.key}-role`) : undefined;
  if (admin && top) roles.push({ developerName: top, name: 'Partner Planning Admin', userKeys: [admin.key] });
  const managers = users.filter((u) => u.role === 'Partner Manager');
  for (const pm of managers) {
    roles.push({
      developerName: developerNameOf(`${pm.key}-role`),
      name: `Partner Manager ${pm.firstName} ${pm.lastName}`,
      parent: top,
      userKeys: [pm.key],
    });
  }
  for (const pm of managers) {
    const team = users.filter((u) => u.role === 'AE' && u.managerKey === pm.key).map((u) => u.key);
    if (team.length === 0) continue;
    roles.push({
      developerName: developerNameOf(`${pm.key}-aes`),
      name: `AEs of ${pm.firstName} ${pm.lastName}`,
      parent: developerNameOf(`${pm.key}-role`),
      userKeys: team,
    });
  }
  return roles;
}

export interface RoleLoad {
  session: OrgSession;
  policy?: RetryPolicy;
  /** The Id of a seeded user, by key. */
  userId: (key: string) => string | undefined;
  /** The running user, who plays the users that could not be created: their role is left alone. */
  runningUserId: string;
  /** Where to say what could not be done. */
  notes: string[];
}

/** Creates the missing roles and puts each seeded user in their role; returns the roles created. */
export async function loadRoles(roles: RoleSpec[], load: RoleLoad): Promise<number> {
  if (roles.length === 0) return 0;
  const { session } = load;
  const ids = new Map<string, string>();
  const existing = await queryIn<{ Id: string; DeveloperName: string }>(
    session,
    'SELECT Id, DeveloperName FROM UserRole',
    'DeveloperName',
    roles.map((r) => r.developerName),
  );
  for (const r of existing) ids.set(r.DeveloperName.toLowerCase(), r.Id);
  let created = 0;
  // One write per depth, so that each role's parent has its Id.
  for (let depth = 0, level = roles.filter((r) => !r.parent); level.length > 0; depth++) {
    const missing = level.filter((r) => !ids.has(r.developerName.toLowerCase()));
    const records = missing.map((r) => ({
      Name: r.name,
      DeveloperName: r.developerName,
      ParentRoleId: r.parent ? (ids.get(r.parent.toLowerCase()) ?? null) : null,
    }));
    if (records.length > 0) {
      const results = await writeRecords(session, {
        sobject: 'UserRole',
        operation: 'create',
        records,
        policy: load.policy,
      });
      results.forEach((result, i) => {
        if (result.success && result.id) {
          ids.set(missing[i].developerName.toLowerCase(), result.id);
          created++;
        }
      });
      const failed = results.filter((r) => !r.success);
      if (failed.length > 0)
        load.notes.push(`${failed.length} role(s) could not be created (${failed[0].message ?? 'unknown error'}).`);
    }
    const names = new Set(level.map((r) => r.developerName));
    level = roles.filter((r) => r.parent !== undefined && names.has(r.parent));
    if (depth > roles.length) break; // Roles form a tree: never more levels than roles.
  }
  const updates: { Id: string; UserRoleId: string }[] = [];
  for (const role of roles) {
    const roleId = ids.get(role.developerName.toLowerCase());
    if (!roleId) continue;
    for (const key of role.userKeys) {
      const userId = load.userId(key);
      if (userId && userId !== load.runningUserId) updates.push({ Id: userId, UserRoleId: roleId });
    }
  }
  if (updates.length > 0) {
    const results = await writeRecords(session, {
      sobject: 'User',
      operation: 'update',
      records: updates,
      policy: load.policy,
    });
    const failed = results.filter((r) => !r.success);
    if (failed.length > 0)
      load.notes.push(
        `${failed.length} user(s) could not be given their role (${failed[0].message ?? 'unknown error'}).`,
      );
  }
  return created;
}
