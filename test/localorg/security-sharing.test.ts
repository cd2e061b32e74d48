/**
 * Record sharing with this repository's force-app: organization-wide defaults (plans Private, APR actions
 * Read, Account ReadWrite), the role hierarchy (UserRole), master-detail children following the
 * plan, View All / Modify All from permission sets, and the administrator's View All Data.
 */
import type { Connection } from 'jsforce';
import { apiError, dataPath, rawRequest, startTestOrg, type TestOrg } from '../support/localorg';
import { createRole } from '../support/roles';
import { createPlan, createUser, INSUFFICIENT_ACCESS, type PlanIds, type TestUser } from '../support/security';

/** A record the user cannot see, written to, answers as a missing one. */
const NOT_FOUND = { errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' };

const NOW = new Date('2026-03-31T12:00:00.000Z');

let t: TestOrg;
let director: TestUser;
let pm1: TestUser;
let pm2: TestUser;
let peer: TestUser;
let directorRole: string;
let westRole: string;
let ae: TestUser;
let planAdmin: TestUser;
let rollup: TestUser;
let account: string;

type Plan = PlanIds;
let plan1: Plan;
let planD: Plan;
let plan2: Plan;

async function names(conn: Connection, soql: string): Promise<string[]> {
  return (await conn.query<{ Name: string }>(soql)).records.map((r) => r.Name);
}

// Nine users log in over HTTP: slower than jest's default 5 s on a busy machine.
beforeAll(async () => {
  t = await startTestOrg({ now: () => NOW });
  // Director > PM East > AE East; PM West sits apart at the top. pm1 and peer share the PM East role.
  directorRole = await createRole(t, 'Partner Director');
  const eastRole = await createRole(t, 'PM East', directorRole);
  const aeRole = await createRole(t, 'AE East', eastRole);
  westRole = await createRole(t, 'PM West');
  director = await createUser(t, { alias: 'director', permissionSets: ['Partner_Manager'], roleId: directorRole });
  pm1 = await createUser(t, { alias: 'pm1', permissionSets: ['Partner_Manager'], roleId: eastRole });
  pm2 = await createUser(t, { alias: 'pm2', permissionSets: ['Partner_Manager'], roleId: westRole });
  peer = await createUser(t, { alias: 'peer', permissionSets: ['Partner_Manager'], roleId: eastRole });
  ae = await createUser(t, { alias: 'ae', permissionSets: ['Account_Executive'], roleId: aeRole });
  planAdmin = await createUser(t, { alias: 'padmin', permissionSets: ['Partner_Planning_Admin'] });
  rollup = await createUser(t, { alias: 'rollup', permissionSets: ['Partner_Planning_Rollup'] });
  account = (await t.conn.sobject('Account').create({ Name: 'Northwind', Partner_Type__c: 'Reseller' })).id!;
  plan1 = await createPlan(pm1.conn, account, 'P1 plan');
  planD = await createPlan(director.conn, account, 'PD plan');
  plan2 = await createPlan(pm2.conn, account, 'P2 plan');
}, 60_000);
afterAll(() => t.close());

describe('Private plans and the role hierarchy', () => {
  it('show a partner manager only the plans they own or users in roles below theirs own', async () => {
    const soql = 'SELECT Name FROM Partner_Account_Plan__c ORDER BY Name';
    expect(await names(pm1.conn, soql)).toEqual(['P1 plan']);
    expect(await names(director.conn, soql)).toEqual(['P1 plan', 'PD plan']);
    expect(await names(pm2.conn, soql)).toEqual(['P2 plan']);
    expect(await names(ae.conn, soql)).toEqual([]);
    // A peer in the same role sees nothing of pm1's: the hierarchy only looks down.
    expect(await names(peer.conn, soql)).toEqual([]);
  });

  it('answer a plan the user cannot see as not found, also to a change or a delete', async () => {
    const get = await rawRequest(pm1.conn, 'GET', dataPath(`/sobjects/Partner_Account_Plan__c/${plan2.plan}`));
    expect(get.status).toBe(404);
    expect(get.body).toEqual([
      { errorCode: 'NOT_FOUND', message: 'The requested resource does not exist', fields: [] },
    ]);
    const patch = await rawRequest(pm1.conn, 'PATCH', dataPath(`/sobjects/Partner_Account_Plan__c/${plan2.plan}`), {
      body: { Status__c: 'Active' },
    });
    // Hidden records answer writes as missing ones too (issue #12, item 8), never an access error.
    expect(patch.status).toBe(404);
    expect(patch.body).toEqual(get.body);
    const del = await rawRequest(pm1.conn, 'DELETE', dataPath(`/sobjects/Partner_Account_Plan__c/${plan2.plan}`));
    expect(del.status).toBe(404);
    expect(del.body).toEqual(get.body);
    expect(await t.conn.sobject('Partner_Account_Plan__c').retrieve(plan2.plan)).toMatchObject({ Id: plan2.plan });
  });

  it('let a manager edit what a report owns, and not the other way round', async () => {
    await director.conn.sobject('Partner_Account_Plan__c').update({ Id: plan1.plan, Vision__c: 'Grow together' });
    expect(await pm1.conn.sobject('Partner_Account_Plan__c').retrieve(plan1.plan)).toMatchObject({
      Vision__c: 'Grow together',
    });
    const error = await apiError(
      pm1.conn.sobject('Partner_Account_Plan__c').update({ Id: planD.plan, Vision__c: 'x' }),
    );
    // pm1 cannot see the director's plan: it does not exist for them.
    expect(error).toMatchObject(NOT_FOUND);
  });

  it('follow a change of role from the next request', async () => {
    const soql = 'SELECT Name FROM Partner_Account_Plan__c ORDER BY Name';
    await t.conn.sobject('UserRole').update({ Id: westRole, ParentRoleId: directorRole });
    expect(await names(director.conn, soql)).toEqual(['P1 plan', 'P2 plan', 'PD plan']);
    await t.conn.sobject('UserRole').update({ Id: westRole, ParentRoleId: null });
    expect(await names(director.conn, soql)).toEqual(['P1 plan', 'PD plan']);
  });

  it('grant nothing through the manager field alone', async () => {
    const soql = 'SELECT Name FROM Partner_Account_Plan__c ORDER BY Name';
    await t.conn.sobject('User').update({ Id: pm2.id, ManagerId: director.id });
    try {
      expect(await names(director.conn, soql)).toEqual(['P1 plan', 'PD plan']);
      expect(
        await apiError(director.conn.sobject('Partner_Account_Plan__c').update({ Id: plan2.plan, Vision__c: 'x' })),
      ).toMatchObject(NOT_FOUND);
    } finally {
      await t.conn.sobject('User').update({ Id: pm2.id, ManagerId: null });
    }
  });
});

describe('master-detail children', () => {
  it('are visible exactly when their plan is', async () => {
    expect(await names(pm1.conn, 'SELECT Name FROM Plan_Section__c ORDER BY Name')).toEqual(['P1 plan sales']);
    expect(await names(director.conn, 'SELECT Name FROM Plan_Section__c ORDER BY Name')).toEqual([
      'P1 plan sales',
      'PD plan sales',
    ]);
    const targets = await pm1.conn.query<{ Id: string }>('SELECT Id FROM Plan_Target__c');
    expect(targets.records.map((r) => r.Id)).toEqual([plan1.target]);
    const get = await rawRequest(pm1.conn, 'GET', dataPath(`/sobjects/Plan_Target__c/${plan2.target}`));
    expect(get.status).toBe(404);
  });

  it('are editable exactly when their plan is', async () => {
    await pm1.conn.sobject('Plan_Target__c').update({ Id: plan1.target, Weight__c: 2 });
    await director.conn.sobject('Plan_Target__c').update({ Id: plan1.target, Weight__c: 3 });
    expect(await t.conn.sobject('Plan_Target__c').retrieve(plan1.target)).toMatchObject({ Weight__c: 3 });
    const error = await apiError(pm2.conn.sobject('Plan_Target__c').update({ Id: plan1.target, Weight__c: 4 }));
    expect(error).toMatchObject(NOT_FOUND);
  });

  it('cannot be created under a plan the user cannot edit', async () => {
    const error = await apiError(
      pm1.conn.sobject('Plan_Section__c').create({ Name: 'Intrusion', Partner_Account_Plan__c: plan2.plan }),
    );
    // A plan the user cannot see answers as a missing one, without its Id (issue #12, item 8).
    expect(error).toMatchObject({ errorCode: 'INVALID_CROSS_REFERENCE_KEY', message: 'invalid cross reference id' });
    // The AE reads no plan at all: it cannot point an action at one either.
    const lookup = await apiError(
      ae.conn.sobject('APR_Action__c').create({
        Action_Date__c: '2026-03-02',
        Action_Type__c: 'Demo',
        Quantity__c: 1,
        Partner_Account_Plan__c: plan1.plan,
      }),
    );
    expect(lookup).toMatchObject({ errorCode: 'INVALID_CROSS_REFERENCE_KEY', message: 'invalid cross reference id' });
  });

  it('go with their plan when its owner deletes it', async () => {
    const doomed = await createPlan(pm1.conn, account, 'Doomed plan');
    await pm1.conn.sobject('Partner_Account_Plan__c').destroy(doomed.plan);
    const left = await t.conn.query(`SELECT Id FROM Plan_Target__c WHERE Id = '${doomed.target}'`);
    expect(left.totalSize).toBe(0);
  });
});

describe('Read organization-wide default (APR actions)', () => {
  it('lets everyone read, the owner and users in roles above edit', async () => {
    const action = (
      await ae.conn.sobject('APR_Action__c').create({
        Action_Date__c: '2026-03-02',
        Action_Type__c: 'Joint Call',
        Quantity__c: 1,
      })
    ).id!;
    const seen = await pm2.conn.query(`SELECT Id FROM APR_Action__c WHERE Id = '${action}'`);
    expect(seen.totalSize).toBe(1);
    expect(await apiError(pm2.conn.sobject('APR_Action__c').update({ Id: action, Notes__c: 'x' }))).toMatchObject(
      INSUFFICIENT_ACCESS,
    );
    await pm1.conn.sobject('APR_Action__c').update({ Id: action, Notes__c: 'Coached' });
    await director.conn.sobject('APR_Action__c').update({ Id: action, Notes__c: 'Reviewed' });
    expect(await ae.conn.sobject('APR_Action__c').retrieve(action)).toMatchObject({ Notes__c: 'Reviewed' });
  });
});

describe('ReadWrite organization-wide default (Account)', () => {
  it('lets everyone edit, only the owner (or a manager) delete', async () => {
    const first = await createUser(t, { alias: 'rw1' });
    const second = await createUser(t, { alias: 'rw2' });
    const created = (await first.conn.sobject('Account').create({ Name: 'Shared account' })).id!;
    await second.conn.sobject('Account').update({ Id: created, Industry: 'Retail' });
    expect(await apiError(second.conn.sobject('Account').destroy(created))).toMatchObject(INSUFFICIENT_ACCESS);
    await first.conn.sobject('Account').destroy(created);
  });
});

describe('View All and Modify All', () => {
  it('show every plan, section and target, and let Modify All edit them', async () => {
    const soql = 'SELECT Name FROM Partner_Account_Plan__c ORDER BY Name';
    expect(await names(planAdmin.conn, soql)).toEqual(['P1 plan', 'P2 plan', 'PD plan']);
    expect((await planAdmin.conn.query('SELECT Id FROM Plan_Target__c')).totalSize).toBe(3);
    await planAdmin.conn.sobject('Partner_Account_Plan__c').update({ Id: plan2.plan, Status__c: 'Partner Review' });
    await planAdmin.conn.sobject('Plan_Target__c').update({ Id: plan2.target, Weight__c: 5 });
  });

  it('let the rollup user update the computed fields of every plan and target', async () => {
    expect(await names(rollup.conn, 'SELECT Name FROM Partner_Account_Plan__c ORDER BY Name')).toEqual([
      'P1 plan',
      'P2 plan',
      'PD plan',
    ]);
    await rollup.conn.sobject('Partner_Account_Plan__c').update({ Id: plan2.plan, Overall_Attainment__c: 40 });
    // Edit on targets plus edit access to their plans (Modify All on plans) covers every target.
    await rollup.conn.sobject('Plan_Target__c').update({ Id: plan2.target, Actual_Value__c: 400 });
    expect(await t.conn.sobject('Plan_Target__c').retrieve(plan2.target)).toMatchObject({ Actual_Value__c: 400 });
  });

  it('leave the administrator every record, with View All Data', async () => {
    const soql = 'SELECT Name FROM Partner_Account_Plan__c ORDER BY Name';
    expect(await names(t.conn, soql)).toEqual(['P1 plan', 'P2 plan', 'PD plan']);
    await t.conn.sobject('Plan_Target__c').update({ Id: plan2.target, Weight__c: 6 });
  });
});
