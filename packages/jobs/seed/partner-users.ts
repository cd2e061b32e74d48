/**
 * The seed's partner users: people of the partner accounts who sign in to the partner portal to review, accept
 * and comment on their plans. Each partner gets its channel sales director (the plans' Partner_Contact__c)
 * and, at Platinum and Gold partners, its first sales or delivery person too: a Contact of the account, the
 * `Partner Community User` profile and the `Partner_User` permission set. No randomness.
 *
 * Loading creates the missing users (found again by username) as far as the org's Partner Community licences
 * go: every partner's first user before any second one, so as many partner accounts as possible get users,
 * and with them the partner roles their plans are shared to (packages/jobs/access). The rest are reported as
 * skipped, never failed: scratch and developer orgs have few such licences, or none.
 */
import type { OrgSession } from '../connection';
import { queryAll, queryIn } from '../query';
import type { RetryPolicy } from '../retry';
import { failuresOf, writeRecords, type WriteFailure } from '../writer';
import { key, type PartnerProfile, type SeedContext } from './context';
import { SeedLoader, userRecord } from './load';
import { pad, type PartnerUserSpec } from './records';

export type { PartnerUserSpec } from './records';

export const PARTNER_PROFILE = 'Partner Community User';
export const PARTNER_LICENSE = 'Partner Community';
export const PARTNER_PERMISSION_SET = 'Partner_User';
/** Tiers whose partners get a second portal user. */
const TWO_USER_TIERS = new Set(['Platinum', 'Gold']);
/** Salesforce's error for a user whose licence has none left. */
const LICENSE_LIMIT = 'LICENSE_LIMIT_EXCEEDED';

/** The partner users of every partner, numbered in partner order: s42-partner-0001, s42-partner-0002... */
export function generatePartnerUsers(ctx: SeedContext, profiles: PartnerProfile[]): PartnerUserSpec[] {
  const specs: PartnerUserSpec[] = [];
  for (const profile of profiles) {
    const next = (): string => key(ctx, 'partner', pad(specs.length + 1));
    specs.push({ key: next(), partnerIndex: profile.index, contactKey: profile.contactKey, rank: 1 });
    if (TWO_USER_TIERS.has(profile.tier) && ctx.scale.programme.people > 0) {
      // The partner's first person of its programme (credentials.ts), loaded with the partner's chunk.
      const contactKey = key(ctx, 'contact', pad(profile.index + 1, 5), pad(1, 2));
      specs.push({ key: next(), partnerIndex: profile.index, contactKey, rank: 2 });
    }
  }
  return specs;
}

export interface PartnerUserReport {
  created: number;
  existing: number;
  /** Users not created: no licence left (or none in the org), or no such profile. */
  skipped: number;
  permissionSetsAssigned: number;
}

export interface PartnerUserLoad {
  session: OrgSession;
  organizationId: string;
  policy?: RetryPolicy;
  notes: string[];
  failures: WriteFailure[];
}

interface ContactRow {
  Id: string;
  External_Key__c: string;
  AccountId: string;
  FirstName: string | null;
  LastName: string;
  Email: string | null;
}

/** Partner Community licences left: TotalLicenses - UsedLicenses; null where the org has none of that licence. */
async function licencesLeft(session: OrgSession): Promise<number | null> {
  const rows = await queryAll<{ TotalLicenses: number; UsedLicenses: number }>(
    session,
    `SELECT TotalLicenses, UsedLicenses FROM UserLicense WHERE Name = '${PARTNER_LICENSE}'`,
  );
  return rows.length === 0 ? null : Math.max(0, rows[0].TotalLicenses - rows[0].UsedLicenses);
}

async function idByName(session: OrgSession, sobject: string, name: string, field = 'Name'): Promise<string | null> {
  const rows = await queryAll<{ Id: string }>(session, `SELECT Id FROM ${sobject} WHERE ${field} = '${name}' LIMIT 1`);
  return rows[0]?.Id ?? null;
}

/**
 * Creates the missing partner users (licences allowing) and gives every seeded partner user the Partner_User
 * permission set. Returns the Ids of the seeded partner users that exist, by key.
 */
export async function loadPartnerUsers(
  specs: PartnerUserSpec[],
  load: PartnerUserLoad,
): Promise<{ ids: Map<string, string>; report: PartnerUserReport }> {
  const { session, organizationId } = load;
  const report: PartnerUserReport = { created: 0, existing: 0, skipped: 0, permissionSetsAssigned: 0 };
  const ids = new Map<string, string>();
  const byUsername = new Map(specs.map((s) => [SeedLoader.username(s.key, organizationId), s]));
  const existing = await queryIn<{ Id: string; Username: string }>(
    session,
    'SELECT Id, Username FROM User',
    'Username',
    [...byUsername.keys()],
  );
  for (const user of existing) {
    const spec = byUsername.get(user.Username.toLowerCase());
    if (spec) ids.set(spec.key, user.Id);
  }
  report.existing = ids.size;
  const missing = specs.filter((s) => !ids.has(s.key)).sort((a, b) => a.rank - b.rank);
  if (missing.length > 0) await createUsers(missing, load, ids, report);
  await assignPermissionSet([...ids.values()], load, report);
  return { ids, report };
}

/** Creates as many of the missing users as the licences allow, every partner's first user first. */
async function createUsers(
  missing: PartnerUserSpec[],
  load: PartnerUserLoad,
  ids: Map<string, string>,
  report: PartnerUserReport,
): Promise<void> {
  const { session, organizationId } = load;
  const left = await licencesLeft(session);
  const profileId = await idByName(session, 'Profile', PARTNER_PROFILE);
  if (left === null || profileId === null) {
    report.skipped += missing.length;
    load.notes.push(
      `${missing.length} partner user(s) were not created: this org has no ${left === null ? `${PARTNER_LICENSE} licence` : `${PARTNER_PROFILE} profile`} (partner plans are then shared with no one outside the company).`,
    );
    return;
  }
  const contacts = new Map(
    (
      await queryIn<ContactRow>(
        session,
        'SELECT Id, External_Key__c, AccountId, FirstName, LastName, Email FROM Contact',
        'External_Key__c',
        missing.map((s) => s.contactKey),
      )
    ).map((c) => [c.External_Key__c, c]),
  );
  // A contact that failed to load is reported with its level already; its user cannot be made.
  const loaded = missing.filter((s) => contacts.has(s.contactKey));
  // Salesforce refuses a partner user whose account's owner has no role ("portal account owner must have a role").
  const owners = await queryIn<{ Id: string; Owner: { UserRoleId: string | null } | null }>(
    session,
    'SELECT Id, Owner.UserRoleId FROM Account',
    'Id',
    [...contacts.values()].map((c) => c.AccountId),
  );
  const roleless = new Set(owners.filter((a) => !a.Owner?.UserRoleId).map((a) => a.Id.slice(0, 15)));
  const ready = loaded.filter((s) => !roleless.has((contacts.get(s.contactKey) as ContactRow).AccountId.slice(0, 15)));
  if (ready.length < loaded.length) {
    report.skipped += loaded.length - ready.length;
    load.notes.push(
      `${loaded.length - ready.length} partner user(s) were not created: their partner account's owner has no role, which Salesforce requires of a partner user's account owner (give the owner a role in Setup > Users, then seed again).`,
    );
  }
  const chosen = ready.slice(0, left);
  if (chosen.length < ready.length) {
    report.skipped += ready.length - chosen.length;
    load.notes.push(
      `${ready.length - chosen.length} partner user(s) were not created: the org has ${left} ${PARTNER_LICENSE} licence(s) left for ${ready.length}.`,
    );
  }
  if (chosen.length === 0) return;
  const records = chosen.map((spec) => {
    const contact = contacts.get(spec.contactKey) as ContactRow;
    const firstName = contact.FirstName ?? '';
    return {
      ...userRecord(
        { key: spec.key, firstName, lastName: contact.LastName, title: undefined },
        organizationId,
        profileId,
      ),
      Email: contact.Email ?? `${spec.key}@pap.example`,
      Alias: `${firstName.slice(0, 1)}${contact.LastName}`.slice(0, 8),
      ContactId: contact.Id,
    };
  });
  const outcomes = await writeRecords(session, { sobject: 'User', operation: 'create', records, policy: load.policy });
  const limited = (i: number): boolean => outcomes[i].errorCode === LICENSE_LIMIT;
  const refused = outcomes.filter((_, i) => limited(i)).length;
  if (refused > 0) {
    // Another user took the last licences meanwhile: skipped as well, never a failure of the seed.
    report.skipped += refused;
    load.notes.push(
      `${refused} partner user(s) were not created: the org refused them (no ${PARTNER_LICENSE} licence left).`,
    );
  }
  outcomes.forEach((outcome, i) => {
    if (outcome.success && outcome.id) {
      ids.set(chosen[i].key, outcome.id);
      report.created++;
    }
  });
  const others = outcomes.flatMap((_, i) => (limited(i) ? [] : [i]));
  load.failures.push(
    ...failuresOf(
      'User',
      others.map((i) => records[i]),
      others.map((i) => outcomes[i]),
      (r) => String(r.Username),
    ),
  );
}

/** Gives the partner users the Partner_User permission set where they lack it. */
async function assignPermissionSet(userIds: string[], load: PartnerUserLoad, report: PartnerUserReport): Promise<void> {
  if (userIds.length === 0) return;
  const { session } = load;
  const setId = await idByName(session, 'PermissionSet', PARTNER_PERMISSION_SET);
  if (!setId) {
    load.notes.push(`This org has no ${PARTNER_PERMISSION_SET} permission set: partner users were not given it.`);
    return;
  }
  const have = await queryIn<{ AssigneeId: string; PermissionSetId: string }>(
    session,
    'SELECT AssigneeId, PermissionSetId FROM PermissionSetAssignment',
    'AssigneeId',
    userIds,
  );
  const assigned = new Set(have.filter((a) => a.PermissionSetId === setId).map((a) => a.AssigneeId.slice(0, 15)));
  const records = userIds
    .filter((id) => !assigned.has(id.slice(0, 15)))
    .map((id) => ({ AssigneeId: id, PermissionSetId: setId }));
  if (records.length === 0) return;
  const outcomes = await writeRecords(session, {
    sobject: 'PermissionSetAssignment',
    operation: 'create',
    records,
    policy: load.policy,
  });
  report.permissionSetsAssigned += outcomes.filter((o) => o.success).length;
  load.failures.push(...failuresOf('PermissionSetAssignment', records, outcomes, (r) => String(r.AssigneeId)));
}
