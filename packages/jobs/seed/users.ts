/**
 * The seed's users and teams: one admin, partner managers and AEs (from the scale's partners per manager and
 * per AE). AEs report to a partner manager, partner managers to the admin. No randomness.
 */
import { key, person, type SeedContext } from './context';
import { pad, type UserRole, type UserSpec } from './records';

/** User.Partner_Planning_Role__c of each seeded role (the access sync keeps it in line with permission sets). */
const PLANNING_ROLE: Record<UserRole, string | null> = {
  AE: 'Account Executive',
  'Partner Manager': 'Partner Manager',
  Admin: null,
};

/** The planning role field of a new user of `role`, where User has the field (`fields`: its describe). */
export function planningRoleFields(role: UserRole, fields: { name: string }[]): Record<string, string> {
  const value = PLANNING_ROLE[role];
  return value && fields.some((f) => f.name === 'Partner_Planning_Role__c') ? { Partner_Planning_Role__c: value } : {};
}

export interface Team {
  users: UserSpec[];
  managerKeys: string[];
  aeKeys: string[];
}

export function generateUsers(ctx: SeedContext): Team {
  const { scale } = ctx;
  const managerCount = Math.max(1, Math.ceil(scale.partners / scale.partnersPerManager));
  const aeCount = Math.max(2, Math.ceil(scale.partners / scale.partnersPerAe));
  const users: UserSpec[] = [];
  const adminKey = key(ctx, 'user', 'admin');
  users.push({
    key: adminKey,
    role: 'Admin',
    firstName: 'Pat',
    lastName: 'Planner',
    title: 'Partner Planning Administrator',
  });
  for (let i = 0; i < managerCount; i++) {
    users.push({
      key: key(ctx, 'user', 'pm', pad(i + 1)),
      role: 'Partner Manager',
      ...person(i * 3 + 1),
      title: 'Partner Manager',
      managerKey: adminKey,
    });
  }
  for (let i = 0; i < aeCount; i++) {
    const managerKey = users[1 + (i % managerCount)].key;
    users.push({
      key: key(ctx, 'user', 'ae', pad(i + 1)),
      role: 'AE',
      ...person(i * 3 + 2),
      title: 'Account Executive',
      managerKey,
    });
  }
  return {
    users,
    managerKeys: users.filter((u) => u.role === 'Partner Manager').map((u) => u.key),
    aeKeys: users.filter((u) => u.role === 'AE').map((u) => u.key),
  };
}
