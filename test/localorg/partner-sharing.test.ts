/**
 * What partner users see and change, over HTTP through jsforce, with the fixture project
 * localorg-restriction-rules: external organization-wide defaults (Account and Contact Private for partner
 * users, Leaflet__c Read), their own account and contact, shares to a partner role's groups (reaching the
 * role's users, those below a RoleAndSubordinates group's role and the internal users above, never another
 * account's partner users), and master-detail writes of someone who only reads the master through a group.
 */
import { join } from 'node:path';
import { apiError, dataPath, rawRequest, startTestOrg, type TestOrg } from '../support/localorg';
import { createContact, createPartnerAccount, createPartnerUser, partnerRolesOf } from '../support/partners';
import { FIXTURES } from '../support/project';
import { createRole } from '../support/roles';
import { createUser, type TestUser } from '../support/security';

const FIXTURE = join(FIXTURES, 'localorg-restriction-rules');
const permissionSets = ['Binder_User'];

let t: TestOrg;
let channel: TestUser;
let inside: TestUser;
let aWorker: TestUser & { contactId: string };
let aExec: TestUser & { contactId: string };
let bWorker: TestUser & { contactId: string };
let accountA: string;
let accountB: string;
let colleague: string;
let execBinder: string;
let workerBinder: string;

type Rec = Record<string, unknown>;
const ids = async (user: TestUser, soql: string): Promise<string[]> =>
  (await user.conn.query<Rec>(soql)).records.map((r) => String(r.Id)).sort();
const status = async (user: TestUser, path: string): Promise<number> =>
  (await rawRequest(user.conn, 'GET', dataPath(path))).status;

/** The Id of a role's group of the given type. */
async function roleGroup(roleId: string, type: 'Role' | 'RoleAndSubordinates'): Promise<string> {
  const result = await t.conn.query<{ Id: string }>(
    `SELECT Id FROM Group WHERE RelatedId = '${roleId}' AND Type = '${type}'`,
  );
  return result.records[0].Id;
}

beforeAll(async () => {
  t = await startTestOrg({ forceAppRoot: FIXTURE });
  const channelRole = await createRole(t, 'Channel Manager');
  channel = await createUser(t, { alias: 'channel', roleId: channelRole, permissionSets });
  inside = await createUser(t, { alias: 'inside', permissionSets });
  accountA = await createPartnerAccount(t, 'Alder Partners', channel.id);
  accountB = await createPartnerAccount(t, 'Birch Partners', channel.id);
  aWorker = await createPartnerUser(t, { alias: 'aworker', accountId: accountA, permissionSets });
  const [execRole, , workerRole] = await partnerRolesOf(t, accountA);
  aExec = await createPartnerUser(t, { alias: 'aexec', accountId: accountA, roleId: execRole.Id, permissionSets });
  bWorker = await createPartnerUser(t, { alias: 'bworker', accountId: accountB, permissionSets });
  colleague = await createContact(t, accountA, 'Colleague');
  // The admin shares one binder with the Executive role and its subordinates; the channel manager shares
  // their own with the Worker role only.
  execBinder = (await t.conn.sobject('Binder__c').create({ Name: 'Alder plan' })).id!;
  await t.conn.sobject('Binder__Share').create({
    ParentId: execBinder,
    UserOrGroupId: await roleGroup(execRole.Id, 'RoleAndSubordinates'),
    AccessLevel: 'Read',
  });
  workerBinder = (await channel.conn.sobject('Binder__c').create({ Name: 'Alder worksheet' })).id!;
  const share = await channel.conn.sobject('Binder__Share').create({
    ParentId: workerBinder,
    UserOrGroupId: await roleGroup(workerRole.Id, 'Role'),
    AccessLevel: 'Edit',
  });
  expect(share.success).toBe(true);
}, 60_000);
afterAll(() => t.close());

describe('a partner user', () => {
  it("follows the object's external default where an internal user follows the internal one", async () => {
    const leaflet = (await t.conn.sobject('Leaflet__c').create({ Name: 'Spring offer' })).id!;
    const path = dataPath(`/sobjects/Leaflet__c/${leaflet}`);
    // Read/Write inside: the internal user edits the admin's leaflet.
    expect((await rawRequest(inside.conn, 'PATCH', path, { body: { Name: 'Summer offer' } })).status).toBe(204);
    // Read outside: the partner user reads it and may not edit it.
    expect(await status(aWorker, `/sobjects/Leaflet__c/${leaflet}`)).toBe(200);
    const refused = await rawRequest(aWorker.conn, 'PATCH', path, { body: { Name: 'Autumn offer' } });
    expect(refused.status).toBe(400);
    expect((refused.body as Rec[])[0].errorCode).toBe('INSUFFICIENT_ACCESS_OR_READONLY');
    // Accounts are Read/Write inside and Private outside: the partner user sees only their own.
    expect(await ids(inside, 'SELECT Id FROM Account')).toEqual([accountA, accountB].sort());
    expect(await ids(aWorker, 'SELECT Id FROM Account')).toEqual([accountA]);
  });

  it('reads their own account and contact, not other records of the account', async () => {
    expect(await status(aWorker, `/sobjects/Account/${accountA}`)).toBe(200);
    expect(await status(aWorker, `/sobjects/Account/${accountB}`)).toBe(404);
    expect(await ids(aWorker, 'SELECT Id FROM Contact')).toEqual([aWorker.contactId]);
    expect(await status(aWorker, `/sobjects/Contact/${colleague}`)).toBe(404);
    expect(await ids(bWorker, 'SELECT Id FROM Account')).toEqual([accountB]);
    // The internal user reads every contact (Read/Write inside).
    expect(await ids(inside, 'SELECT Id FROM Contact')).toEqual(
      [aWorker.contactId, aExec.contactId, bWorker.contactId, colleague].sort(),
    );
  });
});

describe('a share to a role group', () => {
  it("reaches the role's users, the subordinates of a RoleAndSubordinates group and the users above", async () => {
    expect(await ids(aExec, 'SELECT Id FROM Binder__c')).toEqual([execBinder, workerBinder].sort());
    expect(await ids(aWorker, 'SELECT Id FROM Binder__c')).toEqual([execBinder, workerBinder].sort());
    // The channel manager's role is above the account's partner roles.
    expect(await ids(channel, 'SELECT Id FROM Binder__c')).toEqual([execBinder, workerBinder].sort());
  });

  it("never reaches another account's partner users, nor internal users outside the hierarchy", async () => {
    expect(await ids(bWorker, 'SELECT Id FROM Binder__c')).toEqual([]);
    expect(await status(bWorker, `/sobjects/Binder__c/${execBinder}`)).toBe(404);
    expect(await ids(inside, 'SELECT Id FROM Binder__c')).toEqual([]);
  });

  it('gives the level it shares: Edit to the Worker role, Read to the Executive role', async () => {
    const edit = (user: TestUser, id: string) =>
      rawRequest(user.conn, 'PATCH', dataPath(`/sobjects/Binder__c/${id}`), { body: { Topic__c: 'Targets' } });
    expect((await edit(aWorker, workerBinder)).status).toBe(204);
    expect((await edit(aWorker, execBinder)).status).toBe(400);
  });

  it('is refused for an Id that is no live group', async () => {
    const error = await apiError(
      t.conn
        .sobject('Binder__Share')
        .create({ ParentId: execBinder, UserOrGroupId: '00G0000000zzzzz', AccessLevel: 'Read' }),
    );
    expect(error.errorCode).toBe('INVALID_CROSS_REFERENCE_KEY');
  });

  it('lets the group write details of a master with writeRequiresMasterRead it only reads', async () => {
    const page = await aWorker.conn.sobject('Page__c').create({ Name: 'Alder notes', Binder__c: execBinder });
    expect(page.success).toBe(true);
    await aWorker.conn.sobject('Page__c').destroy(page.id!);
    const stray = await apiError(bWorker.conn.sobject('Page__c').create({ Name: 'Stray', Binder__c: execBinder }));
    expect(stray.errorCode).toBe('INVALID_CROSS_REFERENCE_KEY');
  });
});
