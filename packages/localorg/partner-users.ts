/**
 * Partner users, as an org with Experience Cloud partner sites keeps them.
 *
 * - Licences: the org has a `Salesforce` licence (internal profiles) and a `Partner Community` licence
 *   (LicenseDefinitionKey PID_Partner_Community; the Partner Community User profile), with TotalLicenses from
 *   the org's options (`partnerLicenses`, default 50) and UsedLicenses = the licence's active users. Creating
 *   or reactivating a user, or moving them to another licence, needs a free licence (LICENSE_LIMIT_EXCEEDED);
 *   deactivating frees one.
 * - A partner user (the partner profile) needs a ContactId (set at creation, never changed) whose account is
 *   a partner account (Account.IsPartner) and has no other user. The platform sets the user's AccountId (the
 *   contact's account), UserType (PowerPartner; Standard for internal users) and IsPortalEnabled.
 * - Partner roles: the account's first partner user makes its three roles, "<Account> Partner Executive"
 *   (PortalRole Executive, under the account owner's role), "... Partner
 *   Manager" (Manager, under Executive) and "... Partner User" (Worker, under Manager), PortalType Partner and
 *   PortalAccountId the account. A partner user without a role gets the Worker role; a role must be one of the
 *   account's partner roles, and an internal user cannot hold one. The roles follow the account's name and owner,
 *   and the owner's role. A partner user's contact, and an account with partner users, cannot be deleted.
 * - An account with active partner users cannot stop being a partner account (deactivate them first); an org's
 *   Disable Partner Account action deactivates them itself, which the API has no call for.
 */
import { PARTNER_PROFILE } from '@partner-planning/model';
import { SalesforceError } from './errors';
import { makeId } from './ids';
import { syncRoleGroups } from './role-groups';
import type { ObjectSchema } from './schema';
import { quoteIdent, type Row } from './sql';
import type { Storage } from './storage';

/** The local org's default number of Partner Community licences (`--partner-licenses`). */
export const DEFAULT_PARTNER_LICENSES = 50;
/** The data folder keeps the licence count given at a start for later starts. */
export const PARTNER_LICENSES_META = 'partnerLicenses';
/**
 * Internal (Salesforce) licences: a local org does not ration them, so the seed's users always fit; the
 * number is only what UserLicense reports.
 */
export const SALESFORCE_LICENSES = 100_000;

interface LicenseSpec {
  id: string;
  name: string;
  key: string;
  profiles: string[];
  userType: string;
}

/** The org's licences, with stable Ids, and the profiles on each. */
export function licenseSpecs(): LicenseSpec[] {
  return [
    {
      id: makeId('100', 1),
      name: 'Salesforce',
      key: 'SFDC',
      profiles: ['System Administrator', 'Standard User'],
      userType: 'Standard',
    },
    {
      id: makeId('100', 2),
      name: 'Partner Community',
      key: 'PID_Partner_Community',
      profiles: [PARTNER_PROFILE],
      userType: 'PowerPartner',
    },
  ];
}

/** The licence Id of each profile name. */
export const licenseOfProfile = (): Map<string, string> =>
  new Map(licenseSpecs().flatMap((l) => l.profiles.map((p): [string, string] => [p, l.id])));

const objectOf = (storage: Storage, name: string): ObjectSchema => {
  const obj = storage.schema.objects.get(name);
  if (!obj) throw new Error(`the model has no ${name} object`);
  return obj;
};

const recordError = (code: string, message: string, fields: string[] = []): SalesforceError =>
  new SalesforceError(400, code, message, fields);

/**
 * Writes the UserLicense rows (inside the platform's start transaction), sets existing users' UserType where
 * it is missing (data folders from before partner users), and counts the used licences.
 */
export function ensureLicenses(storage: Storage, partnerLicenses: number | undefined, stamp: string): void {
  const total = partnerLicenses ?? Number(storage.getMeta(PARTNER_LICENSES_META) ?? DEFAULT_PARTNER_LICENSES);
  if (!Number.isInteger(total) || total < 0) {
    throw new Error(`partnerLicenses must be a whole number of licences, 0 or more, not ${total}`);
  }
  storage.setMeta(PARTNER_LICENSES_META, String(total));
  const licenses = objectOf(storage, 'UserLicense');
  const audit = { IsDeleted: 0, CreatedDate: stamp, LastModifiedDate: stamp, SystemModstamp: stamp };
  storage.db.prepare(`DELETE FROM ${quoteIdent(licenses.table)}`).run();
  for (const spec of licenseSpecs()) {
    storage.insertRow(licenses, {
      Id: spec.id,
      Name: spec.name,
      MasterLabel: spec.name,
      LicenseDefinitionKey: spec.key,
      TotalLicenses: spec.key === 'SFDC' ? SALESFORCE_LICENSES : total,
      UsedLicenses: 0,
      Status: 'Active',
      ...audit,
    });
  }
  const users = quoteIdent(objectOf(storage, 'User').table);
  const profiles = quoteIdent(objectOf(storage, 'Profile').table);
  storage.db
    .prepare(
      `UPDATE ${users} SET "UserType" = CASE WHEN (SELECT p."Name" FROM ${profiles} AS p WHERE p."Id" = ${users}."ProfileId") = ? THEN 'PowerPartner' ELSE 'Standard' END WHERE "UserType" IS NULL`,
    )
    .run(PARTNER_PROFILE);
  refreshUsedLicenses(storage);
}

/** Sets every licence's UsedLicenses to the number of active users of its profiles. */
export function refreshUsedLicenses(storage: Storage): void {
  const licenses = quoteIdent(objectOf(storage, 'UserLicense').table);
  const users = quoteIdent(objectOf(storage, 'User').table);
  const profiles = quoteIdent(objectOf(storage, 'Profile').table);
  storage
    .statement(
      `UPDATE ${licenses} SET "UsedLicenses" = (SELECT COUNT(*) FROM ${users} AS u JOIN ${profiles} AS p ON p."Id" = u."ProfileId" WHERE p."UserLicenseId" = ${licenses}."Id" AND u."IsActive" = 1 AND u."IsDeleted" = 0)`,
    )
    .run();
}

interface ProfileLicense {
  profileName: string;
  licenseId: string | null;
}

function profileLicense(storage: Storage, profileId: unknown): ProfileLicense | undefined {
  if (typeof profileId !== 'string') return undefined;
  const row = storage.getRow(objectOf(storage, 'Profile'), profileId);
  return row ? { profileName: String(row.Name), licenseId: (row.UserLicenseId as string | null) ?? null } : undefined;
}

/** The licence has no seat left for one more active user (`userId`, being saved, is not counted). */
function assertFreeLicense(storage: Storage, licenseId: string, userId: string | undefined): void {
  const license = storage.getRow(objectOf(storage, 'UserLicense'), licenseId);
  if (!license) return;
  const users = quoteIdent(objectOf(storage, 'User').table);
  const profiles = quoteIdent(objectOf(storage, 'Profile').table);
  const used = storage
    .statement(
      `SELECT COUNT(*) FROM ${users} AS u JOIN ${profiles} AS p ON p."Id" = u."ProfileId" WHERE p."UserLicenseId" = ? AND u."IsActive" = 1 AND u."IsDeleted" = 0 AND u."Id" IS NOT ?`,
    )
    .pluck(true)
    .get(licenseId, userId ?? null) as number;
  if (used >= Number(license.TotalLicenses)) throw recordError('LICENSE_LIMIT_EXCEEDED', 'License Limit Exceeded');
}

/** What user derivation reads beyond the row: storage, the save's moment and the user saving. */
export interface UserSaveEnv {
  storage: Storage;
  now: Date;
  userId: string;
}

/**
 * Checks and derives a User about to be saved (`previous` on update): licence, partner contact and account,
 * UserType, AccountId, IsPortalEnabled, and the partner roles and role of a partner user.
 */
export function deriveUser(env: UserSaveEnv, row: Row, previous: Row | undefined): void {
  const { storage } = env;
  const profile = profileLicense(storage, row.ProfileId);
  if (!profile) return; // a ProfileId naming no profile: the reference check reports it
  const partner = profile.profileName === PARTNER_PROFILE;
  if (previous) {
    const before = profileLicense(storage, previous.ProfileId);
    if (before && before.licenseId !== profile.licenseId && (before.profileName === PARTNER_PROFILE || partner)) {
      throw recordError(
        'FIELD_INTEGRITY_EXCEPTION',
        'field integrity exception: ProfileId (a partner user cannot move to an internal profile, nor an internal user to a partner profile)',
        ['ProfileId'],
      );
    }
  }
  const activating = row.IsActive === 1 && (!previous || previous.IsActive !== 1);
  if (activating && profile.licenseId)
    assertFreeLicense(storage, profile.licenseId, previous?.Id as string | undefined);
  row.UserType = partner ? 'PowerPartner' : 'Standard';
  row.IsPortalEnabled = partner ? 1 : 0;
  if (!partner) {
    if (typeof row.ContactId === 'string') {
      throw recordError(
        'FIELD_INTEGRITY_EXCEPTION',
        'field integrity exception: ContactId (only a partner or portal user has a contact)',
        ['ContactId'],
      );
    }
    row.AccountId = null;
    assertInternalRole(storage, row.UserRoleId);
    return;
  }
  const account = partnerAccountOf(storage, row, previous, activating);
  row.AccountId = account.Id as string;
  if (!previous) ensurePartnerRoles(env, account);
  const roles = partnerRoles(storage, account.Id as string);
  if (!previous && (row.UserRoleId === null || row.UserRoleId === undefined)) {
    row.UserRoleId = roles.get('Worker')?.Id ?? null;
  }
  const role = [...roles.values()].find((r) => r.Id === row.UserRoleId);
  if (!role) {
    throw recordError(
      'FIELD_INTEGRITY_EXCEPTION',
      `field integrity exception: UserRoleId (a partner user's role must be one of the partner roles of ${String(account.Name)})`,
      ['UserRoleId'],
    );
  }
}

/**
 * The partner user's account, checked: a new user's contact must exist, belong to a partner account and have
 * no other user; an existing user keeps their account, which must still be a partner account to activate them.
 */
function partnerAccountOf(storage: Storage, row: Row, previous: Row | undefined, activating: boolean): Row {
  const contactId = row.ContactId;
  if (typeof contactId !== 'string' || contactId === '') {
    throw recordError('FIELD_INTEGRITY_EXCEPTION', 'Cannot create a portal user without contact', ['ContactId']);
  }
  const contact = previous ? undefined : storage.getRow(objectOf(storage, 'Contact'), contactId);
  const accountId = previous ? previous.AccountId : contact?.IsDeleted === 0 ? contact.AccountId : undefined;
  const account = typeof accountId === 'string' ? storage.getRow(objectOf(storage, 'Account'), accountId) : undefined;
  if (previous && account && !activating) return account;
  if (!account || account.IsDeleted !== 0 || account.IsPartner !== 1) {
    throw recordError(
      'FIELD_INTEGRITY_EXCEPTION',
      "field integrity exception: ContactId (the contact's account is not a partner account: enable it as a partner account, IsPartner, first)",
      ['ContactId'],
    );
  }
  if (!previous) {
    const users = quoteIdent(objectOf(storage, 'User').table);
    const taken = storage
      .statement(`SELECT 1 FROM ${users} WHERE "ContactId" = ? AND "IsDeleted" = 0 LIMIT 1`)
      .get(contactId);
    if (taken) {
      throw recordError('PORTAL_USER_ALREADY_EXISTS_FOR_CONTACT', 'portal user already exists for contact', [
        'ContactId',
      ]);
    }
  }
  return account;
}

/** An internal user cannot hold a partner role. */
function assertInternalRole(storage: Storage, roleId: unknown): void {
  if (typeof roleId !== 'string') return;
  const role = storage.getRow(objectOf(storage, 'UserRole'), roleId);
  if (role && role.PortalType === 'Partner') {
    throw recordError(
      'FIELD_INTEGRITY_EXCEPTION',
      'field integrity exception: UserRoleId (a partner role is for the partner users of its account)',
      ['UserRoleId'],
    );
  }
}

const PARTNER_ROLE_SUFFIXES: [portalRole: string, suffix: string][] = [
  ['Executive', 'Partner Executive'],
  ['Manager', 'Partner Manager'],
  ['Worker', 'Partner User'],
];

/** The account's partner roles, by PortalRole. */
export function partnerRoles(storage: Storage, accountId: string): Map<string, Row> {
  const roles = objectOf(storage, 'UserRole');
  const rows = storage
    .statement(
      `SELECT * FROM ${quoteIdent(roles.table)} WHERE "PortalAccountId" = ? AND "PortalType" = 'Partner' AND "IsDeleted" = 0`,
    )
    .all(accountId) as Row[];
  return new Map(rows.map((r) => [String(r.PortalRole), r]));
}

/** The role of the account's owner: the parent of its Executive partner role (none when the owner has no role). */
function ownerRoleId(storage: Storage, account: Row): string | null {
  const owner =
    typeof account.OwnerId === 'string' ? storage.getRow(objectOf(storage, 'User'), account.OwnerId) : undefined;
  return (owner?.UserRoleId as string | null | undefined) ?? null;
}

/** Makes the account's three partner roles (with their groups) unless it has them. */
function ensurePartnerRoles(env: UserSaveEnv, account: Row): void {
  const { storage, now, userId } = env;
  const existing = partnerRoles(storage, account.Id as string);
  if (existing.size > 0) return;
  const roles = objectOf(storage, 'UserRole');
  const stamp = now.toISOString();
  let parent = ownerRoleId(storage, account);
  // The partner roles hang under the owner's role: without one Salesforce refuses the user (UNKNOWN_EXCEPTION).
  if (parent === null) throw recordError('UNKNOWN_EXCEPTION', 'portal account owner must have a role');
  for (const [portalRole, suffix] of PARTNER_ROLE_SUFFIXES) {
    const id = storage.nextId(roles);
    const name = `${String(account.Name)} ${suffix}`.slice(0, 80);
    const row: Row = {
      Id: id,
      Name: name,
      DeveloperName: uniqueRoleDeveloperName(storage, name),
      ParentRoleId: parent,
      RollupDescription: name,
      OpportunityAccessForAccountOwner: 'None',
      ContactAccessForAccountOwner: 'None',
      MayForecastManagerShare: 0,
      PortalType: 'Partner',
      PortalAccountId: account.Id as string,
      PortalRole: portalRole,
      IsDeleted: 0,
      CreatedDate: stamp,
      CreatedById: userId,
      LastModifiedDate: stamp,
      LastModifiedById: userId,
      SystemModstamp: stamp,
    };
    storage.insertRow(roles, row);
    syncRoleGroups(storage, row, now, userId);
    parent = id;
  }
}

/** Setup's API name for a role name, made unique among roles with a numeric suffix. */
function uniqueRoleDeveloperName(storage: Storage, name: string): string {
  const roles = quoteIdent(objectOf(storage, 'UserRole').table);
  const base = (/^[A-Za-z]/.test(name) ? name : `X${name}`)
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 70);
  const taken = (candidate: string): boolean =>
    storage.statement(`SELECT 1 FROM ${roles} WHERE "DeveloperName" = ? LIMIT 1`).get(candidate) !== undefined;
  let candidate = base;
  for (let n = 1; taken(candidate); n++) candidate = `${base}_${n}`;
  return candidate;
}

/**
 * An account stops being a partner account only without active partner users; a partner account's roles
 * follow its name and its owner's role (run after the account's update, `previous` its row before).
 */
export function checkPartnerAccount(storage: Storage, row: Row, previous: Row | undefined): void {
  if (!previous || previous.IsPartner !== 1 || row.IsPartner === 1) return;
  const users = quoteIdent(objectOf(storage, 'User').table);
  const active = storage
    .statement(`SELECT 1 FROM ${users} WHERE "AccountId" = ? AND "IsActive" = 1 AND "IsDeleted" = 0 LIMIT 1`)
    .get(previous.Id as string);
  if (active) {
    throw recordError(
      'FIELD_INTEGRITY_EXCEPTION',
      'field integrity exception: IsPartner (the account has active partner users: deactivate them before disabling the partner account)',
      ['IsPartner'],
    );
  }
}

/** After an account's update: its partner roles take its new name and its new owner's role. */
export function followPartnerAccount(storage: Storage, row: Row, previous: Row, now: Date, userId: string): void {
  if (row.Name === previous.Name && row.OwnerId === previous.OwnerId) return;
  const roles = partnerRoles(storage, row.Id as string);
  if (roles.size === 0) return;
  const obj = objectOf(storage, 'UserRole');
  const stamp = now.toISOString();
  for (const [portalRole, suffix] of PARTNER_ROLE_SUFFIXES) {
    const role = roles.get(portalRole);
    if (!role) continue;
    const name = `${String(row.Name)} ${suffix}`.slice(0, 80);
    const values: Row = { Name: name, RollupDescription: name };
    if (portalRole === 'Executive') values.ParentRoleId = ownerRoleId(storage, row);
    storage.updateRow(obj, role.Id as string, {
      ...values,
      LastModifiedDate: stamp,
      LastModifiedById: userId,
      SystemModstamp: stamp,
    });
  }
}

/** After a user's role changed: the Executive partner roles of the accounts they own move under the new role. */
export function followOwnerRole(storage: Storage, row: Row, previous: Row, now: Date, userId: string): void {
  if (row.UserRoleId === previous.UserRoleId) return;
  const roles = quoteIdent(objectOf(storage, 'UserRole').table);
  const accounts = quoteIdent(objectOf(storage, 'Account').table);
  const stamp = now.toISOString();
  storage
    .statement(
      `UPDATE ${roles} SET "ParentRoleId" = ?, "LastModifiedDate" = ?, "LastModifiedById" = ?, "SystemModstamp" = ? WHERE "PortalType" = 'Partner' AND "PortalRole" = 'Executive' AND "IsDeleted" = 0 AND "PortalAccountId" IN (SELECT "Id" FROM ${accounts} WHERE "OwnerId" = ? AND "IsDeleted" = 0)`,
    )
    .run(row.UserRoleId ?? null, stamp, userId, stamp, row.Id as string);
}

/** An account with partner users cannot be deleted (its partner users hold it), as a contact with a user cannot. */
export function assertAccountDeletable(storage: Storage, account: Row): void {
  const users = quoteIdent(objectOf(storage, 'User').table);
  const names = storage
    .statement(`SELECT "Name" FROM ${users} WHERE "AccountId" = ? AND "IsDeleted" = 0 ORDER BY "Name"`)
    .pluck(true)
    .all(account.Id as string) as string[];
  if (names.length > 0) {
    throw recordError(
      'DELETE_FAILED',
      `Your attempt to delete ${String(account.Name)} could not be completed because it is associated with the following users.: ${names.join(', ')}\n`,
    );
  }
}
