/**
 * Partner users in the local org, over HTTP through jsforce: the Partner Community User profile and licence,
 * what creating a partner user requires (a contact of a partner account, no other user on it, a free licence)
 * and derives (AccountId, UserType, the account's partner roles, the Worker role), the refusals with
 * Salesforce's codes, licences counted in UserLicense, the roles following the account, and partner users
 * signing in (OAuth password grant and SOAP login) and calling the REST API.
 */
import { Connection } from 'jsforce';
import { API_VERSION, apiError, newUserFields, profileId, startTestOrg, type TestOrg } from '../support/localorg';
import {
  createContact,
  createPartnerAccount,
  createPartnerUser,
  partnerRolesOf,
  partnerUserFields,
} from '../support/partners';
import { createRole } from '../support/roles';
import { createUser } from '../support/security';

let t: TestOrg;

beforeAll(async () => {
  // Three licences: enough for the tests below, few enough to run out.
  t = await startTestOrg({ partnerLicenses: 3 });
}, 60_000);
afterAll(() => t.close());

const licenses = async (): Promise<{ TotalLicenses: number; UsedLicenses: number }> => {
  const result = await t.conn.query<{ TotalLicenses: number; UsedLicenses: number }>(
    "SELECT TotalLicenses, UsedLicenses FROM UserLicense WHERE LicenseDefinitionKey = 'PID_Partner_Community'",
  );
  return result.records[0];
};

describe('the partner profile and licence', () => {
  it('has the Partner Community User profile on the Partner Community licence', async () => {
    const result = await t.conn.query<{ Name: string; UserLicense: { Name: string; LicenseDefinitionKey: string } }>(
      "SELECT Name, UserLicense.Name, UserLicense.LicenseDefinitionKey FROM Profile WHERE Name = 'Partner Community User'",
    );
    expect(result.records[0].UserLicense).toMatchObject({
      Name: 'Partner Community',
      LicenseDefinitionKey: 'PID_Partner_Community',
    });
    expect(await licenses()).toMatchObject({ TotalLicenses: 3 });
  });

  it('describes the new fields as Salesforce does', async () => {
    const user = await t.conn.sobject('User').describe();
    const field = (name: string) => user.fields.find((f) => f.name === name);
    expect(field('ContactId')).toMatchObject({ createable: true, updateable: false, nillable: true });
    expect(field('AccountId')).toMatchObject({ createable: false, updateable: false, referenceTo: ['Account'] });
    expect(field('UserType')).toMatchObject({ type: 'picklist', createable: false, updateable: false });
    expect(field('UserType')?.picklistValues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ value: 'Standard', label: 'Standard' }),
        expect.objectContaining({ value: 'PowerPartner', label: 'Partner' }),
      ]),
    );
    const role = await t.conn.sobject('UserRole').describe();
    expect(role.fields.find((f) => f.name === 'PortalRole')?.picklistValues?.map((v) => v.value)).toEqual([
      'Executive',
      'Manager',
      'Worker',
      'PersonAccount',
    ]);
    const account = await t.conn.sobject('Account').describe();
    expect(account.fields.find((f) => f.name === 'IsPartner')).toMatchObject({
      type: 'boolean',
      label: 'Partner Account',
      createable: true,
      updateable: true,
    });
  });
});

describe('creating a partner user', () => {
  it("derives AccountId and UserType, makes the account's three roles under the owner's role, and gives the Worker role", async () => {
    const ownerRole = await createRole(t, 'Channel Sales');
    const owner = await createUser(t, { alias: 'chowner', roleId: ownerRole });
    const account = await createPartnerAccount(t, 'Northwind', owner.id);
    const partner = await createPartnerUser(t, { alias: 'nwworker', accountId: account });
    const user = (
      await t.conn.query<{ AccountId: string; ContactId: string; UserType: string; UserRoleId: string }>(
        `SELECT AccountId, ContactId, UserType, UserRoleId, IsPortalEnabled FROM User WHERE Id = '${partner.id}'`,
      )
    ).records[0];
    expect(user).toMatchObject({
      AccountId: account,
      ContactId: partner.contactId,
      UserType: 'PowerPartner',
      IsPortalEnabled: true,
    });
    const roles = await partnerRolesOf(t, account);
    expect(roles.map((r) => [r.Name, r.PortalRole, r.PortalType])).toEqual([
      ['Northwind Partner Executive', 'Executive', 'Partner'],
      ['Northwind Partner Manager', 'Manager', 'Partner'],
      ['Northwind Partner User', 'Worker', 'Partner'],
    ]);
    expect(roles.map((r) => r.ParentRoleId)).toEqual([ownerRole, roles[0].Id, roles[1].Id]);
    expect(user.UserRoleId).toBe(roles[2].Id);
    // An internal user stays Standard, with no account.
    const internal = (
      await t.conn.query<{ UserType: string; AccountId: string | null }>(
        `SELECT UserType, AccountId FROM User WHERE Id = '${owner.id}'`,
      )
    ).records[0];
    expect(internal).toEqual(expect.objectContaining({ UserType: 'Standard', AccountId: null }));
  });

  it('refuses a partner user when the account owner has no role, as Salesforce does', async () => {
    const roleless = await createUser(t, { alias: 'norole' });
    const account = await createPartnerAccount(t, 'Adatum', roleless.id);
    const contactId = await createContact(t, account, 'Adatum Contact');
    const error = await apiError(t.conn.sobject('User').create(await partnerUserFields(t, 'adatum', contactId)));
    expect(error).toMatchObject({ errorCode: 'UNKNOWN_EXCEPTION', message: 'portal account owner must have a role' });
    expect(await partnerRolesOf(t, account)).toEqual([]);
  });

  it('makes the roles once per account and takes a given partner role', async () => {
    const account = await createPartnerAccount(t, 'Contoso');
    const first = await createPartnerUser(t, { alias: 'cofirst', accountId: account });
    const roles = await partnerRolesOf(t, account);
    expect(roles).toHaveLength(3);
    const manager = roles[1].Id;
    const second = await createPartnerUser(t, { alias: 'cosecond', accountId: account, roleId: manager });
    expect(await partnerRolesOf(t, account)).toHaveLength(3);
    const users = await t.conn.query<{ Id: string; UserRoleId: string }>(
      `SELECT Id, UserRoleId FROM User WHERE Id IN ('${first.id}', '${second.id}') ORDER BY Username`,
    );
    expect(users.records.map((u) => u.UserRoleId)).toEqual([roles[2].Id, manager]);
    // Deactivate both: the licences are needed below.
    await t.conn.sobject('User').update([
      { Id: first.id, IsActive: false },
      { Id: second.id, IsActive: false },
    ]);
  });

  it('refuses a partner user without a contact', async () => {
    const error = await apiError(t.conn.sobject('User').create(await partnerUserFields(t, 'nocontact', undefined)));
    expect(error).toMatchObject({
      errorCode: 'FIELD_INTEGRITY_EXCEPTION',
      message: 'Cannot create a portal user without contact',
    });
  });

  it('refuses a contact whose account is not a partner account, and a contact that already has a user', async () => {
    const plain = (await t.conn.sobject('Account').create({ Name: 'Not a partner' })).id!;
    const contact = await createContact(t, plain, 'Plain');
    const notPartner = await apiError(t.conn.sobject('User').create(await partnerUserFields(t, 'plain', contact)));
    expect(notPartner.errorCode).toBe('FIELD_INTEGRITY_EXCEPTION');
    expect(notPartner.message).toContain('not a partner account');
    const taken = (
      await t.conn.query<{ ContactId: string }>(
        "SELECT ContactId FROM User WHERE Username = 'nwworker@partner.example'",
      )
    ).records[0].ContactId;
    expect(await apiError(t.conn.sobject('User').create(await partnerUserFields(t, 'again', taken)))).toMatchObject({
      errorCode: 'PORTAL_USER_ALREADY_EXISTS_FOR_CONTACT',
      message: 'portal user already exists for contact',
    });
  });

  it("refuses a role that is not one of the account's partner roles, and an internal user in a partner role", async () => {
    const account = await createPartnerAccount(t, 'Fabrikam');
    const contact = await createContact(t, account, 'Role');
    const internalRole = await createRole(t, 'Internal only');
    const wrong = await apiError(
      t.conn.sobject('User').create(await partnerUserFields(t, 'wrongrl', contact, { UserRoleId: internalRole })),
    );
    expect(wrong).toMatchObject({
      errorCode: 'FIELD_INTEGRITY_EXCEPTION',
      message: expect.stringContaining('UserRoleId'),
    });
    // The refused save made no roles.
    expect(await partnerRolesOf(t, account)).toHaveLength(0);
    const northwind = (await t.conn.query<{ Id: string }>("SELECT Id FROM Account WHERE Name = 'Northwind'")).records[0]
      .Id;
    const partnerRole = (await partnerRolesOf(t, northwind))[1].Id;
    const internal = await apiError(
      t.conn.sobject('User').create(await newUserFields(t.conn, { UserRoleId: partnerRole })),
    );
    expect(internal).toMatchObject({
      errorCode: 'FIELD_INTEGRITY_EXCEPTION',
      message: expect.stringContaining('UserRoleId'),
    });
    // Another account's partner role is refused too.
    const other = await apiError(
      t.conn.sobject('User').create(await partnerUserFields(t, 'otherrl', contact, { UserRoleId: partnerRole })),
    );
    expect(other.errorCode).toBe('FIELD_INTEGRITY_EXCEPTION');
  });

  it('never changes ContactId, nor moves a partner user to an internal profile', async () => {
    const partner = (
      await t.conn.query<{ Id: string }>("SELECT Id FROM User WHERE Username = 'nwworker@partner.example'")
    ).records[0].Id;
    const account = (await t.conn.query<{ Id: string }>("SELECT Id FROM Account WHERE Name = 'Northwind'")).records[0]
      .Id;
    const contact = await createContact(t, account, 'Other');
    const error = await apiError(t.conn.sobject('User').update({ Id: partner, ContactId: contact }));
    expect(error.errorCode).toBe('INVALID_FIELD_FOR_INSERT_UPDATE');
    const moved = await apiError(t.conn.sobject('User').update({ Id: partner, ProfileId: await profileId(t.conn) }));
    expect(moved).toMatchObject({
      errorCode: 'FIELD_INTEGRITY_EXCEPTION',
      message: expect.stringContaining('ProfileId'),
    });
  });
});

describe('licences', () => {
  it('counts active partner users in UsedLicenses, refuses one too many, and frees a licence on deactivation', async () => {
    // nwworker is active (1 of 3); cofirst and cosecond were deactivated.
    expect(await licenses()).toEqual(expect.objectContaining({ UsedLicenses: 1 }));
    const account = await createPartnerAccount(t, 'Litware');
    const a = await createPartnerUser(t, { alias: 'lwa', accountId: account });
    await createPartnerUser(t, { alias: 'lwb', accountId: account });
    expect(await licenses()).toEqual(expect.objectContaining({ UsedLicenses: 3 }));
    const contact = await createContact(t, account, 'Fourth');
    expect(await apiError(t.conn.sobject('User').create(await partnerUserFields(t, 'lwc', contact)))).toMatchObject({
      errorCode: 'LICENSE_LIMIT_EXCEEDED',
      message: 'License Limit Exceeded',
    });
    // Reactivating a user needs a licence too.
    const inactive = (
      await t.conn.query<{ Id: string }>("SELECT Id FROM User WHERE Username = 'cofirst@partner.example'")
    ).records[0].Id;
    expect((await apiError(t.conn.sobject('User').update({ Id: inactive, IsActive: true }))).errorCode).toBe(
      'LICENSE_LIMIT_EXCEEDED',
    );
    await t.conn.sobject('User').update({ Id: a.id, IsActive: false });
    expect(await licenses()).toEqual(expect.objectContaining({ UsedLicenses: 2 }));
    const created = await t.conn.sobject('User').create(await partnerUserFields(t, 'lwc', contact));
    expect(created.success).toBe(true);
    expect(await licenses()).toEqual(expect.objectContaining({ UsedLicenses: 3 }));
  });
});

describe('the partner account', () => {
  it('cannot stop being a partner account while it has active partner users', async () => {
    const account = (await t.conn.query<{ Id: string }>("SELECT Id FROM Account WHERE Name = 'Contoso'")).records[0].Id;
    const northwind = (await t.conn.query<{ Id: string }>("SELECT Id FROM Account WHERE Name = 'Northwind'")).records[0]
      .Id;
    const refused = await apiError(t.conn.sobject('Account').update({ Id: northwind, IsPartner: false }));
    expect(refused).toMatchObject({
      errorCode: 'FIELD_INTEGRITY_EXCEPTION',
      message: expect.stringContaining('IsPartner'),
    });
    // Contoso's partner users are inactive: it may stop being a partner account.
    expect((await t.conn.sobject('Account').update({ Id: account, IsPartner: false })).success).toBe(true);
  });

  it("keeps its partner roles named after it and under its owner's role", async () => {
    const northwind = (await t.conn.query<{ Id: string }>("SELECT Id FROM Account WHERE Name = 'Northwind'")).records[0]
      .Id;
    const newRole = await createRole(t, 'Alliances');
    const newOwner = await createUser(t, { alias: 'alliance', roleId: newRole });
    await t.conn.sobject('Account').update({ Id: northwind, Name: 'Northwind Traders', OwnerId: newOwner.id });
    const roles = await partnerRolesOf(t, northwind);
    expect(roles.map((r) => r.Name)).toEqual([
      'Northwind Traders Partner Executive',
      'Northwind Traders Partner Manager',
      'Northwind Traders Partner User',
    ]);
    expect(roles[0].ParentRoleId).toBe(newRole);
    // The owner moves to another role: the Executive role follows.
    const promoted = await createRole(t, 'Alliances Director');
    await t.conn.sobject('User').update({ Id: newOwner.id, UserRoleId: promoted });
    expect((await partnerRolesOf(t, northwind))[0].ParentRoleId).toBe(promoted);
  });

  it("cannot be deleted while it has partner users, nor can a partner user's contact", async () => {
    const northwind = (await t.conn.query<{ Id: string }>("SELECT Id FROM Account WHERE Name = 'Northwind Traders'"))
      .records[0].Id;
    const account = await apiError(t.conn.sobject('Account').destroy(northwind));
    expect(account.errorCode).toBe('DELETE_FAILED');
    expect(account.message).toContain('associated with the following users.: nwworker');
    const contact = (
      await t.conn.query<{ ContactId: string }>(
        "SELECT ContactId FROM User WHERE Username = 'nwworker@partner.example'",
      )
    ).records[0].ContactId;
    expect((await apiError(t.conn.sobject('Contact').destroy(contact))).errorCode).toBe('DELETE_FAILED');
  });
});

describe('signing in', () => {
  it('lets a partner user sign in with the password grant and SOAP login, and call the REST API', async () => {
    const partner = await t.conn.query<{ Id: string }>("SELECT Id FROM User WHERE Username = 'lwb@partner.example'");
    // The password grant (createPartnerUser logged lwb in through it); the identity says it is a partner user.
    const oauth = new Connection({
      oauth2: { loginUrl: t.org.instanceUrl, clientId: 'partner-tests', clientSecret: 'secret' },
      version: API_VERSION,
    });
    await oauth.login('lwb@partner.example', 'localorg');
    const identity = await oauth.identity();
    expect(identity).toMatchObject({ user_id: partner.records[0].Id, user_type: 'POWER_PARTNER' });
    const roles = await oauth.query<{ Id: string }>('SELECT Id FROM UserRole');
    expect(roles.totalSize).toBeGreaterThan(0);
    // SOAP login (jsforce's default conn.login) reports the user type.
    const soap = new Connection({ loginUrl: t.org.instanceUrl, version: API_VERSION });
    const info = await soap.login('lwb@partner.example', 'localorg');
    expect(info.id).toBe(partner.records[0].Id);
    expect((await soap.query<{ Id: string }>('SELECT Id FROM Organization')).totalSize).toBe(1);
  });
});
