/**
 * Manual sharing through share objects: a partner manager shares a Private plan with an account executive
 * (Read) or a colleague (Edit); sections and targets follow the plan; the roles above the user
 * shared with inherits the access; only those who may share a record create, change or remove its shares.
 */
import type { Connection } from 'jsforce';
import { dataPath, rawRequest, startTestOrg, type TestOrg } from '../support/localorg';
import { createRole } from '../support/roles';
import { createPlan, createUser, INSUFFICIENT_ACCESS, type PlanIds, type TestUser } from '../support/security';

const NOW = new Date('2026-03-31T12:00:00.000Z');
const SHARE = 'Partner_Account_Plan__Share';

let t: TestOrg;
let director: TestUser;
let pm1: TestUser;
let colleague: TestUser;
let aeLead: TestUser;
let ae: TestUser;
let otherAe: TestUser;
let noAccess: TestUser;
let account: string;

type Plan = PlanIds;
let plan1: Plan;
let plan2: Plan;

const crossReference = (id: string, field: string) => ({
  errorCode: 'INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY',
  message: `insufficient access rights on cross-reference id: ${id}`,
  fields: [field],
});

async function share(conn: Connection, parentId: string, userId: string, level = 'Read'): Promise<string> {
  const result = await conn.sobject(SHARE).create({ ParentId: parentId, UserOrGroupId: userId, AccessLevel: level });
  if (!result.success) throw new Error(`could not share ${parentId}`);
  return result.id;
}

/** The errors of a create that must fail, as the REST API answers them. */
async function refused(conn: Connection, sobject: string, body: Record<string, unknown>): Promise<unknown> {
  const res = await rawRequest(conn, 'POST', dataPath(`/sobjects/${sobject}`), { body });
  expect(res.status).toBe(400);
  return (res.body as unknown[])[0];
}

async function names(conn: Connection, soql: string): Promise<string[]> {
  return (await conn.query<{ Name: string }>(soql)).records.map((r) => r.Name);
}

const PLANS = 'SELECT Name FROM Partner_Account_Plan__c ORDER BY Name';

// Seven users log in over HTTP: slower than jest's default 5 s on a busy machine.
beforeAll(async () => {
  t = await startTestOrg({ now: () => NOW });
  // Roles: Director > PM; AE Lead > AE. The colleague and the other AE have roles of their own, apart.
  const directorRole = await createRole(t, 'Director');
  const pmRole = await createRole(t, 'PM', directorRole);
  const aeLeadRole = await createRole(t, 'AE Lead');
  const aeRole = await createRole(t, 'AE', aeLeadRole);
  director = await createUser(t, { alias: 'director', permissionSets: ['Partner_Manager'], roleId: directorRole });
  pm1 = await createUser(t, { alias: 'pm1', permissionSets: ['Partner_Manager'], roleId: pmRole });
  colleague = await createUser(t, {
    alias: 'pm2',
    permissionSets: ['Partner_Manager'],
    roleId: await createRole(t, 'PM2'),
  });
  aeLead = await createUser(t, { alias: 'aelead', permissionSets: ['Account_Executive'], roleId: aeLeadRole });
  ae = await createUser(t, { alias: 'ae', permissionSets: ['Account_Executive'], roleId: aeRole });
  // In the AE's role: a peer, whom the hierarchy does not reach.
  otherAe = await createUser(t, { alias: 'ae2', permissionSets: ['Account_Executive'], roleId: aeRole });
  noAccess = await createUser(t, { alias: 'plain' });
  account = (await t.conn.sobject('Account').create({ Name: 'Northwind', Partner_Type__c: 'Reseller' })).id!;
  plan1 = await createPlan(pm1.conn, account, 'P1 plan');
  plan2 = await createPlan(pm1.conn, account, 'P2 plan');
}, 60_000);
afterAll(() => t.close());

describe('the share object', () => {
  it('exists for Private and Read custom objects only, and is described like the platform one', async () => {
    const global = await ae.conn.describeGlobal();
    const listed = global.sobjects.map((s) => s.name);
    expect(listed).toEqual(expect.arrayContaining(['Partner_Account_Plan__Share', 'APR_Action__Share']));
    expect(listed.filter((name) => /^Plan_(Section|Target)__Share$/.test(name))).toEqual([]);
    const describe = await ae.conn.describe(SHARE);
    const fields = new Map(describe.fields.map((f) => [f.name, f]));
    expect([...fields.keys()].sort()).toEqual(
      [
        'AccessLevel',
        'Id',
        'IsDeleted',
        'LastModifiedById',
        'LastModifiedDate',
        'ParentId',
        'RowCause',
        'UserOrGroupId',
      ].sort(),
    );
    expect(fields.get('ParentId')).toMatchObject({
      type: 'reference',
      referenceTo: ['Partner_Account_Plan__c'],
      relationshipName: 'Parent',
      createable: true,
      updateable: false,
    });
    expect(fields.get('UserOrGroupId')).toMatchObject({
      referenceTo: ['User', 'Group'],
      createable: true,
      updateable: false,
    });
    expect(fields.get('AccessLevel')).toMatchObject({ restrictedPicklist: true, createable: true, updateable: true });
    expect(fields.get('AccessLevel')?.picklistValues?.map((v) => v.value)).toEqual(['Read', 'Edit', 'All']);
    expect(fields.get('RowCause')?.picklistValues?.find((v) => v.defaultValue)?.value).toBe('Manual');
    const plan = await t.conn.describe('Partner_Account_Plan__c');
    expect(plan.childRelationships).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          childSObject: SHARE,
          field: 'ParentId',
          relationshipName: 'Shares',
          cascadeDelete: true,
        }),
      ]),
    );
  });

  it('is invisible to a user who cannot read the shared object', async () => {
    const res = await rawRequest(noAccess.conn, 'GET', dataPath(`/sobjects/${SHARE}/describe`));
    expect(res.status).toBe(404);
  });
});

describe('a Read share to an account executive', () => {
  let shareId: string;

  it('is needed: a Private plan is invisible to the AE before it is shared', async () => {
    expect(await names(ae.conn, PLANS)).toEqual([]);
    const get = await rawRequest(ae.conn, 'GET', dataPath(`/sobjects/Partner_Account_Plan__c/${plan1.plan}`));
    expect(get.status).toBe(404);
  });

  it('is created by the owner as a Manual share', async () => {
    shareId = await share(pm1.conn, plan1.plan, ae.id);
    const rows = await pm1.conn.query<Record<string, unknown>>(
      `SELECT Id, ParentId, Parent.Name, UserOrGroupId, AccessLevel, RowCause, LastModifiedById FROM ${SHARE}`,
    );
    expect(rows.records).toEqual([
      expect.objectContaining({
        Id: shareId,
        ParentId: plan1.plan,
        Parent: expect.objectContaining({ Name: 'P1 plan' }),
        UserOrGroupId: ae.id,
        AccessLevel: 'Read',
        RowCause: 'Manual',
        LastModifiedById: pm1.id,
      }),
    ]);
  });

  it('shows the AE the plan, its sections and targets in GET, SOQL, parent paths and aggregates', async () => {
    expect(await names(ae.conn, PLANS)).toEqual(['P1 plan']);
    expect(await ae.conn.sobject('Partner_Account_Plan__c').retrieve(plan1.plan)).toMatchObject({ Name: 'P1 plan' });
    expect(await ae.conn.sobject('Plan_Target__c').retrieve(plan1.target)).toMatchObject({ Id: plan1.target });
    expect(await names(ae.conn, 'SELECT Name FROM Plan_Section__c')).toEqual(['P1 plan sales']);
    const targets = await ae.conn.query<{ Id: string; Plan_Section__r: { Partner_Account_Plan__r: { Name: string } } }>(
      'SELECT Id, Plan_Section__r.Partner_Account_Plan__r.Name FROM Plan_Target__c',
    );
    expect(targets.records).toEqual([
      expect.objectContaining({
        Id: plan1.target,
        Plan_Section__r: expect.objectContaining({
          Partner_Account_Plan__r: expect.objectContaining({ Name: 'P1 plan' }),
        }),
      }),
    ]);
    const aggregate = await ae.conn.query<{ n: number; total: number }>(
      'SELECT COUNT(Id) n, SUM(Target_Value__c) total FROM Plan_Target__c',
    );
    expect(aggregate.records[0]).toMatchObject({ n: 1, total: 1000 });
    const withShares = await ae.conn.query<{ Shares: { records: { UserOrGroupId: string }[] } }>(
      'SELECT Id, (SELECT UserOrGroupId FROM Shares) FROM Partner_Account_Plan__c',
    );
    expect(withShares.records[0].Shares.records).toEqual([expect.objectContaining({ UserOrGroupId: ae.id })]);
  });

  it('does not let the AE change the plan, its sections or targets', async () => {
    for (const [sobject, id, values] of [
      ['Partner_Account_Plan__c', plan1.plan, { Vision__c: 'x' }],
      ['Plan_Section__c', plan1.section, { Summary__c: 'x' }],
      ['Plan_Target__c', plan1.target, { Weight__c: 2 }],
    ] as const) {
      const patch = await rawRequest(ae.conn, 'PATCH', dataPath(`/sobjects/${sobject}/${id}`), { body: values });
      expect(patch.status).toBe(400);
      expect(patch.body).toEqual([{ ...INSUFFICIENT_ACCESS, fields: [] }]);
    }
  });

  it('reaches the roles above the AE, and nobody else (not a peer in the same role)', async () => {
    expect(await names(aeLead.conn, PLANS)).toEqual(['P1 plan']);
    expect(await names(aeLead.conn, 'SELECT Name FROM Plan_Section__c')).toEqual(['P1 plan sales']);
    expect(await names(otherAe.conn, PLANS)).toEqual([]);
    expect(await names(otherAe.conn, `SELECT Name FROM Plan_Section__c`)).toEqual([]);
    expect((await otherAe.conn.query(`SELECT Id FROM ${SHARE}`)).totalSize).toBe(0);
    // The other plan of the same owner stays private.
    expect(await names(ae.conn, `${PLANS.replace(' ORDER BY Name', '')} WHERE Name = 'P2 plan'`)).toEqual([]);
  });

  it('cannot be created, changed or removed by the AE, who does not own the plan', async () => {
    const create = await refused(ae.conn, SHARE, {
      ParentId: plan1.plan,
      UserOrGroupId: otherAe.id,
      AccessLevel: 'Read',
    });
    expect(create).toMatchObject(crossReference(plan1.plan, 'ParentId'));
    const patch = await rawRequest(ae.conn, 'PATCH', dataPath(`/sobjects/${SHARE}/${shareId}`), {
      body: { AccessLevel: 'Edit' },
    });
    expect(patch.body).toEqual([{ ...INSUFFICIENT_ACCESS, fields: [] }]);
    const del = await rawRequest(ae.conn, 'DELETE', dataPath(`/sobjects/${SHARE}/${shareId}`));
    expect(del.body).toEqual([{ ...INSUFFICIENT_ACCESS, fields: [] }]);
  });

  it('can be shared again by a user in a role above the owner: the same share, at the new level', async () => {
    const again = await share(director.conn, plan1.plan, ae.id, 'Edit');
    expect(again).toBe(shareId);
    const rows = await t.conn.query<{ AccessLevel: string }>(
      `SELECT AccessLevel FROM ${SHARE} WHERE Id = '${shareId}'`,
    );
    expect(rows.records.map((r) => r.AccessLevel)).toEqual(['Edit']);
    await pm1.conn.sobject(SHARE).update({ Id: shareId, AccessLevel: 'Read' });
    const back = await t.conn.query<{ AccessLevel: string }>(
      `SELECT AccessLevel FROM ${SHARE} WHERE Id = '${shareId}'`,
    );
    expect(back.records.map((r) => r.AccessLevel)).toEqual(['Read']);
  });

  it('takes the access away when deleted', async () => {
    await pm1.conn.sobject(SHARE).destroy(shareId);
    expect(await names(ae.conn, PLANS)).toEqual([]);
    expect(await names(aeLead.conn, 'SELECT Name FROM Plan_Section__c')).toEqual([]);
    const get = await rawRequest(ae.conn, 'GET', dataPath(`/sobjects/Plan_Target__c/${plan1.target}`));
    expect(get.status).toBe(404);
  });
});

describe('an Edit share to a partner manager colleague', () => {
  it('lets the colleague edit the plan and its children, but not delete or share it', async () => {
    const id = await share(pm1.conn, plan2.plan, colleague.id, 'Edit');
    await colleague.conn.sobject('Partner_Account_Plan__c').update({ Id: plan2.plan, Vision__c: 'Together' });
    await colleague.conn.sobject('Plan_Target__c').update({ Id: plan2.target, Weight__c: 3 });
    expect(await pm1.conn.sobject('Partner_Account_Plan__c').retrieve(plan2.plan)).toMatchObject({
      Vision__c: 'Together',
    });
    const del = await rawRequest(colleague.conn, 'DELETE', dataPath(`/sobjects/Partner_Account_Plan__c/${plan2.plan}`));
    expect(del.body).toEqual([{ ...INSUFFICIENT_ACCESS, fields: [] }]);
    const reshare = await refused(colleague.conn, SHARE, {
      ParentId: plan2.plan,
      UserOrGroupId: ae.id,
      AccessLevel: 'Read',
    });
    expect(reshare).toMatchObject(crossReference(plan2.plan, 'ParentId'));
    await pm1.conn.sobject(SHARE).destroy(id);
    expect(await names(colleague.conn, PLANS)).toEqual([]);
  });
});

describe('share rules', () => {
  it('refuse levels that grant nothing or that only the owner holds, and other reasons than Manual', async () => {
    const all = await refused(pm1.conn, SHARE, { ParentId: plan1.plan, UserOrGroupId: ae.id, AccessLevel: 'All' });
    expect(all).toMatchObject({ errorCode: 'INVALID_ACCESS_LEVEL', fields: ['AccessLevel'] });
    const owner = await refused(pm1.conn, SHARE, {
      ParentId: plan1.plan,
      UserOrGroupId: ae.id,
      AccessLevel: 'Read',
      RowCause: 'Owner',
    });
    expect(owner).toMatchObject({ errorCode: 'FIELD_INTEGRITY_EXCEPTION', fields: ['RowCause'] });
    const action = (
      await pm1.conn.sobject('APR_Action__c').create({ Action_Date__c: '2026-03-02', Action_Type__c: 'QBR' })
    ).id!;
    // APR actions are Read for everyone: a Read share would grant nothing.
    const trivial = await refused(pm1.conn, 'APR_Action__Share', {
      ParentId: action,
      UserOrGroupId: ae.id,
      AccessLevel: 'Read',
    });
    expect(trivial).toMatchObject({ errorCode: 'FIELD_FILTER_VALIDATION_EXCEPTION', fields: ['AccessLevel'] });
    // An Edit share on a Read object lets the AE edit an action they do not own.
    await pm1.conn.sobject('APR_Action__Share').create({ ParentId: action, UserOrGroupId: ae.id, AccessLevel: 'Edit' });
    await ae.conn.sobject('APR_Action__c').update({ Id: action, Notes__c: 'Followed up' });
    expect(await pm1.conn.sobject('APR_Action__c').retrieve(action)).toMatchObject({ Notes__c: 'Followed up' });
  });

  it('refuse sharing with the owner, or with a user who cannot read the object', async () => {
    const toOwner = await refused(pm1.conn, SHARE, {
      ParentId: plan1.plan,
      UserOrGroupId: pm1.id,
      AccessLevel: 'Edit',
    });
    expect(toOwner).toMatchObject(crossReference(pm1.id, 'UserOrGroupId'));
    const toPlain = await refused(pm1.conn, SHARE, {
      ParentId: plan1.plan,
      UserOrGroupId: noAccess.id,
      AccessLevel: 'Read',
    });
    expect(toPlain).toMatchObject(crossReference(noAccess.id, 'UserOrGroupId'));
  });

  it('keep the record and the user of a share fixed after create', async () => {
    const id = await share(pm1.conn, plan1.plan, ae.id);
    const patch = await rawRequest(pm1.conn, 'PATCH', dataPath(`/sobjects/${SHARE}/${id}`), {
      body: { UserOrGroupId: otherAe.id, ParentId: plan2.plan },
    });
    expect(patch.status).toBe(400);
    expect(patch.body).toEqual([
      expect.objectContaining({ errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE', fields: ['UserOrGroupId', 'ParentId'] }),
    ]);
    await pm1.conn.sobject(SHARE).destroy(id);
  });

  it('let a user with Modify All on the object share any record, through collections too', async () => {
    const planAdmin = await createUser(t, { alias: 'padmin', permissionSets: ['Partner_Planning_Admin'] });
    const results = await planAdmin.conn.sobject(SHARE).create([
      { ParentId: plan1.plan, UserOrGroupId: ae.id, AccessLevel: 'Read' },
      { ParentId: plan2.plan, UserOrGroupId: ae.id, AccessLevel: 'Read' },
      { ParentId: plan2.plan, UserOrGroupId: pm1.id, AccessLevel: 'Read' },
    ]);
    expect(results.map((r) => r.success)).toEqual([true, true, false]);
    expect(await names(ae.conn, PLANS)).toEqual(['P1 plan', 'P2 plan']);
    const ids = results.filter((r) => r.success).map((r) => r.id!);
    const removed = await planAdmin.conn.sobject(SHARE).destroy(ids);
    expect(removed.map((r) => r.success)).toEqual([true, true]);
    expect(await names(ae.conn, PLANS)).toEqual([]);
  });
});

describe('deleting a shared plan', () => {
  it('deletes its shares with it', async () => {
    const plan3 = await createPlan(pm1.conn, account, 'P3 plan');
    await share(pm1.conn, plan3.plan, ae.id);
    await share(pm1.conn, plan3.plan, colleague.id, 'Edit');
    expect((await t.conn.query(`SELECT Id FROM ${SHARE} WHERE ParentId = '${plan3.plan}'`)).totalSize).toBe(2);
    await pm1.conn.sobject('Partner_Account_Plan__c').destroy(plan3.plan);
    expect((await t.conn.query(`SELECT Id FROM ${SHARE} WHERE ParentId = '${plan3.plan}'`)).totalSize).toBe(0);
    expect(await names(ae.conn, PLANS)).toEqual([]);
  });
});
