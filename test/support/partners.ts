/**
 * Partner users for the local org's tests: a partner account (Account.IsPartner) with a contact, and a user of
 * the Partner Community User profile on that contact, created by the admin through the REST API and logged in
 * with the shared development password, as security.ts does for internal users.
 */
import { newUserFields, profileId, type TestOrg } from './localorg';
import { createRole } from './roles';
import { login, permissionSetId, type TestUser } from './security';

export const PARTNER_PROFILE = 'Partner Community User';

/**
 * Gives the admin a role ("Channel Chief") unless they have one: a partner account's owner needs a role before
 * the account can have partner users, and the admin owns the accounts these tests make by default.
 */
export async function ensureAdminRole(t: TestOrg): Promise<void> {
  const admin = await t.conn.query<{ UserRoleId: string | null }>(
    `SELECT UserRoleId FROM User WHERE Id = '${t.org.adminUserId}'`,
  );
  if (admin.records[0]?.UserRoleId) return;
  const roleId = await createRole(t, 'Channel Chief');
  await t.conn.sobject('User').update({ Id: t.org.adminUserId, UserRoleId: roleId });
}

/** Creates a partner account (owned by `ownerId` when given, else by the admin, given a role) and returns its Id. */
export async function createPartnerAccount(t: TestOrg, name: string, ownerId?: string): Promise<string> {
  if (!ownerId) await ensureAdminRole(t);
  const created = await t.conn
    .sobject('Account')
    .create({ Name: name, IsPartner: true, ...(ownerId ? { OwnerId: ownerId } : {}) });
  if (!created.success) throw new Error(`could not create account ${name}`);
  return created.id;
}

/** Creates a contact of the account and returns its Id. */
export async function createContact(t: TestOrg, accountId: string, lastName: string): Promise<string> {
  const created = await t.conn.sobject('Contact').create({ LastName: lastName, AccountId: accountId });
  if (!created.success) throw new Error(`could not create contact ${lastName}`);
  return created.id;
}

/** The fields of a new partner user on `contactId` (username `<alias>@partner.example`); override any of them. */
export async function partnerUserFields(
  t: TestOrg,
  alias: string,
  contactId: string | undefined,
  fields: Record<string, unknown> = {},
): Promise<Record<string, unknown>> {
  return newUserFields(t.conn, {
    Username: `${alias}@partner.example`,
    LastName: alias,
    Alias: alias.slice(0, 8),
    ProfileId: await profileId(t.conn, PARTNER_PROFILE),
    ...(contactId ? { ContactId: contactId } : {}),
    ...fields,
  });
}

/** Creates a partner user on a new contact of the account, assigns its permission sets and logs it in. */
export async function createPartnerUser(
  t: TestOrg,
  spec: { alias: string; accountId: string; roleId?: string; permissionSets?: string[] },
): Promise<TestUser & { contactId: string }> {
  const contactId = await createContact(t, spec.accountId, spec.alias);
  const fields = await partnerUserFields(t, spec.alias, contactId, spec.roleId ? { UserRoleId: spec.roleId } : {});
  const created = await t.conn.sobject('User').create(fields);
  if (!created.success) throw new Error(`could not create partner user ${spec.alias}`);
  for (const name of spec.permissionSets ?? []) {
    await t.conn
      .sobject('PermissionSetAssignment')
      .create({ AssigneeId: created.id, PermissionSetId: await permissionSetId(t, name) });
  }
  const username = String(fields.Username);
  return { id: created.id, username, contactId, conn: await login(t, username) };
}

/** The account's partner roles (Name, ParentRoleId, PortalRole...), Executive first. */
export async function partnerRolesOf(
  t: TestOrg,
  accountId: string,
): Promise<{ Id: string; Name: string; ParentRoleId: string | null; PortalRole: string; PortalType: string }[]> {
  const result = await t.conn.query<{
    Id: string;
    Name: string;
    ParentRoleId: string | null;
    PortalRole: string;
    PortalType: string;
  }>(
    `SELECT Id, Name, ParentRoleId, PortalRole, PortalType FROM UserRole WHERE PortalAccountId = '${accountId}' ORDER BY Name`,
  );
  const order = ['Executive', 'Manager', 'Worker'];
  return result.records.sort((a, b) => order.indexOf(a.PortalRole) - order.indexOf(b.PortalRole));
}
