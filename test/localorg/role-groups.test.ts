/**
 * Role groups in the local org: every role's Role, RoleAndSubordinates and (internal roles only)
 * RoleAndSubordinatesInternal groups, made with the role, following its DeveloperName and deleted with it;
 * API writes to them refused; groups backfilled for roles that have none; and principalGroupIds, the groups
 * whose shares reach a user, on a small hierarchy with a partner account under an internal role.
 */
import { backfillRoleGroups, principalGroupIds } from '../../packages/localorg/role-groups';
import { quoteIdent } from '../../packages/localorg/sql';
import { apiError, startTestOrg, type TestOrg } from '../support/localorg';
import { createPartnerAccount, createPartnerUser, partnerRolesOf } from '../support/partners';
import { createRole } from '../support/roles';
import { createUser } from '../support/security';

let t: TestOrg;

beforeAll(async () => {
  t = await startTestOrg();
}, 60_000);
afterAll(() => t.close());

interface GroupRow {
  Id: string;
  Name: string | null;
  DeveloperName: string;
  Type: string;
  RelatedId: string;
}

const groupsOf = async (roleId: string): Promise<GroupRow[]> =>
  (
    await t.conn.query<GroupRow>(
      `SELECT Id, Name, DeveloperName, Type, RelatedId FROM Group WHERE RelatedId = '${roleId}' ORDER BY Type`,
    )
  ).records;

describe('groups of a role', () => {
  it('are made with the role, named by its DeveloperName, and follow a new DeveloperName', async () => {
    const role = await createRole(t, 'West Sales');
    const groups = await groupsOf(role);
    expect(groups.map((g) => [g.Type, g.Name, g.DeveloperName])).toEqual([
      ['Role', null, 'West_Sales'],
      ['RoleAndSubordinates', null, 'West_Sales'],
      ['RoleAndSubordinatesInternal', null, 'West_Sales'],
    ]);
    const portal = await t.conn.query<{ PortalType: string }>(`SELECT PortalType FROM UserRole WHERE Id = '${role}'`);
    expect(portal.records[0].PortalType).toBe('None');
    await t.conn.sobject('UserRole').update({ Id: role, DeveloperName: 'West_Region' });
    expect((await groupsOf(role)).map((g) => g.DeveloperName)).toEqual(['West_Region', 'West_Region', 'West_Region']);
  });

  it('partner roles have no RoleAndSubordinatesInternal group', async () => {
    const account = await createPartnerAccount(t, 'Groupware');
    await createPartnerUser(t, { alias: 'gwuser', accountId: account });
    for (const role of await partnerRolesOf(t, account)) {
      expect((await groupsOf(role.Id)).map((g) => g.Type)).toEqual(['Role', 'RoleAndSubordinates']);
    }
  });

  it('go when the role is deleted', async () => {
    const role = await createRole(t, 'Short Lived');
    expect(await groupsOf(role)).toHaveLength(3);
    await t.conn.sobject('UserRole').destroy(role);
    expect(await groupsOf(role)).toHaveLength(0);
  });

  it('cannot be created, edited or deleted through the API; regular groups can', async () => {
    const role = await createRole(t, 'Guarded');
    const [group] = await groupsOf(role);
    const create = await apiError(t.conn.sobject('Group').create({ Name: 'Fake role group', Type: 'Role' }));
    expect(create.errorCode).toBe('FIELD_INTEGRITY_EXCEPTION');
    const edit = await apiError(t.conn.sobject('Group').update({ Id: group.Id, DeveloperName: 'Renamed' }));
    expect(edit).toMatchObject({ errorCode: 'INSUFFICIENT_ACCESS_OR_READONLY' });
    const remove = await apiError(t.conn.sobject('Group').destroy(group.Id));
    expect(remove).toMatchObject({ errorCode: 'INSUFFICIENT_ACCESS_OR_READONLY' });
    expect(await groupsOf(role)).toHaveLength(3);
    const regular = await t.conn.sobject('Group').create({ Name: 'Partner champions' });
    expect(regular.success).toBe(true);
    // A regular group's DeveloperName is unique among regular groups, not against role groups.
    expect((await apiError(t.conn.sobject('Group').create({ Name: 'Partner champions' }))).errorCode).toBe(
      'DUPLICATE_VALUE',
    );
    expect((await t.conn.sobject('Group').create({ Name: 'x', DeveloperName: 'Guarded' })).success).toBe(true);
    expect((await t.conn.sobject('Group').destroy(regular.id!)).success).toBe(true);
  });

  it('are backfilled for a role that has none, once', async () => {
    const role = await createRole(t, 'From An Older Folder');
    const storage = t.org.storage;
    const groups = storage.schema.objects.get('Group')!;
    storage.db.prepare(`DELETE FROM ${quoteIdent(groups.table)} WHERE "RelatedId" = ?`).run(role);
    expect(await groupsOf(role)).toHaveLength(0);
    backfillRoleGroups(storage, new Date());
    backfillRoleGroups(storage, new Date());
    expect((await groupsOf(role)).map((g) => g.Type)).toEqual([
      'Role',
      'RoleAndSubordinates',
      'RoleAndSubordinatesInternal',
    ]);
  });
});

describe('principalGroupIds', () => {
  // VP (internal) > Director (internal) > the partner account's Executive > Manager > User, and Rep under Director.
  it('gives role groups of the own role and below, subordinates groups above and below, internal ones on internal paths', async () => {
    const vpRole = await createRole(t, 'VP Channels');
    const directorRole = await createRole(t, 'Channel Director', vpRole);
    const repRole = await createRole(t, 'Channel Rep', directorRole);
    const director = await createUser(t, { alias: 'pgdir', roleId: directorRole });
    const vp = await createUser(t, { alias: 'pgvp', roleId: vpRole });
    const account = await createPartnerAccount(t, 'Tailspin', director.id);
    const worker = await createPartnerUser(t, { alias: 'tsworker', accountId: account });
    const [executive, manager, user] = await partnerRolesOf(t, account);
    const managerUser = await createPartnerUser(t, { alias: 'tsmgr', accountId: account, roleId: manager.Id });
    const noRole = await createUser(t, { alias: 'pgnorole' });

    const group = async (roleId: string, type: string): Promise<string> =>
      (await groupsOf(roleId)).find((g) => g.Type === type)!.Id;
    const ids = (userId: string): string[] => principalGroupIds(t.org.storage, userId);
    const all = async (pairs: [string, string][]): Promise<string[]> =>
      (await Promise.all(pairs.map(([role, type]) => group(role, type)))).sort();

    // The partner manager: Role groups of Manager and User; RoleAndSubordinates of Manager, the roles above
    // (Executive, Director, VP) and below (User); no internal group.
    expect(ids(managerUser.id)).toEqual(
      await all([
        [manager.Id, 'Role'],
        [user.Id, 'Role'],
        [manager.Id, 'RoleAndSubordinates'],
        [executive.Id, 'RoleAndSubordinates'],
        [directorRole, 'RoleAndSubordinates'],
        [vpRole, 'RoleAndSubordinates'],
        [user.Id, 'RoleAndSubordinates'],
      ]),
    );
    // The worker (bottom of the hierarchy): its own Role group and the subordinates groups of every role above.
    expect(ids(worker.id)).toEqual(
      await all([
        [user.Id, 'Role'],
        [user.Id, 'RoleAndSubordinates'],
        [manager.Id, 'RoleAndSubordinates'],
        [executive.Id, 'RoleAndSubordinates'],
        [directorRole, 'RoleAndSubordinates'],
        [vpRole, 'RoleAndSubordinates'],
      ]),
    );
    // The director: Role groups of every role below (the rep's and the partner roles), subordinates groups of
    // the own role, above and below, and the internal groups of the own role, above, and the internal role below.
    expect(ids(director.id)).toEqual(
      await all([
        [directorRole, 'Role'],
        [repRole, 'Role'],
        [executive.Id, 'Role'],
        [manager.Id, 'Role'],
        [user.Id, 'Role'],
        [directorRole, 'RoleAndSubordinates'],
        [vpRole, 'RoleAndSubordinates'],
        [repRole, 'RoleAndSubordinates'],
        [executive.Id, 'RoleAndSubordinates'],
        [manager.Id, 'RoleAndSubordinates'],
        [user.Id, 'RoleAndSubordinates'],
        [directorRole, 'RoleAndSubordinatesInternal'],
        [vpRole, 'RoleAndSubordinatesInternal'],
        [repRole, 'RoleAndSubordinatesInternal'],
      ]),
    );
    // The VP, at the top, reaches the Role groups of every role below and is in the own role's internal group.
    const vpIds = ids(vp.id);
    expect(vpIds).toContain(await group(user.Id, 'Role'));
    expect(vpIds).toContain(await group(vpRole, 'RoleAndSubordinatesInternal'));
    // Six roles (the own and five below): six Role, six RoleAndSubordinates and three internal groups.
    expect(vpIds).toHaveLength(15);
    // No role, no role group; an inactive user has none either.
    expect(ids(noRole.id)).toEqual([]);
    await t.conn.sobject('User').update({ Id: worker.id, IsActive: false });
    expect(ids(worker.id)).toEqual([]);
  });
});
