/**
 * SOQL per user over the REST API, with this repository's force-app: fields and objects the user cannot read
 * do not exist for the query (plain, WITH SECURITY_ENFORCED and WITH USER_MODE alike, since the API always
 * runs as the user), and only the records the user can see come back, in aggregates, parent paths,
 * subqueries and semi-joins too.
 */
import type { Connection } from 'jsforce';
import { join } from 'node:path';
import { loadForceApp } from '../../packages/model';
import type { QueryAccess } from '../../packages/localorg/security';
import { dataPath, rawRequest, startTestOrg, type TestOrg } from '../support/localorg';
import { createPlan, createUser, queryError, type TestUser } from '../support/security';
import { FIXTURES } from '../support/project';
import { SoqlOrg } from '../support/soql-fixtures';

const NOW = new Date('2026-03-31T12:00:00.000Z');
type Rec = Record<string, unknown>;

let t: TestOrg;
let pm1: TestUser;
let pm2: TestUser;
let standard: TestUser;
let account1: string;
let account2: string;
let plan2: string;
let action: string;

const WITH_CLAUSES = ['', ' WITH SECURITY_ENFORCED', ' WITH USER_MODE'];

const records = async (conn: Connection, soql: string): Promise<Rec[]> => (await conn.query<Rec>(soql)).records;

beforeAll(async () => {
  t = await startTestOrg({ now: () => NOW });
  pm1 = await createUser(t, { alias: 'pm1', permissionSets: ['Partner_Manager'] });
  pm2 = await createUser(t, { alias: 'pm2', permissionSets: ['Partner_Manager'] });
  standard = await createUser(t, { alias: 'standard' });
  account1 = (await t.conn.sobject('Account').create({ Name: 'Alpha', Partner_Type__c: 'Reseller' })).id!;
  account2 = (await t.conn.sobject('Account').create({ Name: 'Beta', Partner_Type__c: 'Distributor' })).id!;
  await createPlan(pm1.conn, account1, 'P1 plan', [100, 200]);
  plan2 = (await createPlan(pm2.conn, account2, 'P2 plan', [1000])).plan;
  action = (
    await pm2.conn.sobject('APR_Action__c').create({
      Action_Date__c: '2026-03-02',
      Action_Type__c: 'Joint Call',
      Quantity__c: 1,
      Partner_Account_Plan__c: plan2,
    })
  ).id!;
});
afterAll(() => t.close());

describe('fields and objects the user cannot read', () => {
  it.each(WITH_CLAUSES)('make a field an unknown column (query%s)', async (clause) => {
    const soql = `SELECT Name, Partner_Type__c FROM Account${clause}`;
    const error = await queryError(standard.conn, soql);
    expect(error.errorCode).toBe('INVALID_FIELD');
    expect(error.message).toBe(
      `\n${soql}\n             ^\nERROR at Row:1:Column:14\nNo such column 'Partner_Type__c' on entity 'Account'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`,
    );
    // The administrator's profile makes every field readable.
    expect((await t.conn.query(soql)).totalSize).toBe(2);
  });

  it.each(WITH_CLAUSES)('make a field unknown in WHERE and ORDER BY too (query%s)', async (clause) => {
    for (const soql of [
      `SELECT Name FROM Account WHERE Partner_Type__c = 'Reseller'${clause}`,
      `SELECT Name FROM Account${clause} ORDER BY Partner_Type__c`,
    ]) {
      const error = await queryError(standard.conn, soql);
      expect(error.errorCode).toBe('INVALID_FIELD');
      expect(error.message).toContain("No such column 'Partner_Type__c' on entity 'Account'");
    }
  });

  it.each(WITH_CLAUSES)('make an object an unsupported type (query%s)', async (clause) => {
    const error = await queryError(standard.conn, `SELECT Id FROM Plan_Target__c${clause}`);
    expect(error.errorCode).toBe('INVALID_TYPE');
    expect(error.message).toContain("sObject type 'Plan_Target__c' is not supported.");
  });

  it('hide a relationship whose lookup field the user cannot read', async () => {
    const error = await queryError(standard.conn, 'SELECT Name, Partner_Account__r.Name FROM Opportunity');
    expect(error.errorCode).toBe('INVALID_FIELD');
    expect(error.message).toContain("Didn't understand relationship 'Partner_Account__r' in field path.");
  });

  it('hide a child relationship to an object the user cannot read', async () => {
    const error = await queryError(
      standard.conn,
      'SELECT Name, (SELECT Name FROM Partner_Account_Plans__r) FROM Account',
    );
    expect(error.errorCode).toBe('INVALID_TYPE');
    expect(error.message).toContain("Didn't understand relationship 'Partner_Account_Plans__r' in FROM part");
  });

  it('refuse a semi-join on an object the user cannot read', async () => {
    const error = await queryError(
      standard.conn,
      'SELECT Name FROM Account WHERE Id IN (SELECT Partner_Account__c FROM Partner_Account_Plan__c)',
    );
    expect(error.errorCode).toBe('INVALID_TYPE');
  });
});

describe('records the user cannot see', () => {
  it.each(WITH_CLAUSES)('are left out of results (query%s)', async (clause) => {
    const soql = `SELECT Name FROM Partner_Account_Plan__c${clause} ORDER BY Name`;
    expect((await records(pm1.conn, soql)).map((r) => r.Name)).toEqual(['P1 plan']);
    expect((await records(t.conn, soql)).map((r) => r.Name)).toEqual(['P1 plan', 'P2 plan']);
  });

  it('are left out of counts and aggregates', async () => {
    expect((await pm1.conn.query('SELECT COUNT() FROM Plan_Target__c')).totalSize).toBe(2);
    expect((await pm2.conn.query('SELECT COUNT() FROM Plan_Target__c WITH USER_MODE')).totalSize).toBe(1);
    expect((await t.conn.query('SELECT COUNT() FROM Plan_Target__c')).totalSize).toBe(3);
    const soql =
      'SELECT Plan_Section__r.Partner_Account_Plan__r.Name plan, COUNT(Id) n, SUM(Target_Value__c) total ' +
      'FROM Plan_Target__c GROUP BY Plan_Section__r.Partner_Account_Plan__r.Name ORDER BY Plan_Section__r.Partner_Account_Plan__r.Name';
    const strip = (rows: Rec[]): Rec[] => rows.map(({ plan, n, total }) => ({ plan, n, total }));
    expect(strip(await records(pm1.conn, soql))).toEqual([{ plan: 'P1 plan', n: 2, total: 300 }]);
    expect(strip(await records(t.conn, soql))).toEqual([
      { plan: 'P1 plan', n: 2, total: 300 },
      { plan: 'P2 plan', n: 1, total: 1000 },
    ]);
  });

  it('come back as a null parent, with the lookup Id kept, and match no filter on their fields', async () => {
    const soql = `SELECT Partner_Account_Plan__c, Partner_Account_Plan__r.Name FROM APR_Action__c WHERE Id = '${action}'`;
    const [asPm1] = await records(pm1.conn, soql);
    expect(asPm1).toMatchObject({ Partner_Account_Plan__c: plan2, Partner_Account_Plan__r: null });
    const [asPm2] = await records(pm2.conn, soql);
    expect(asPm2.Partner_Account_Plan__r).toMatchObject({ Name: 'P2 plan' });
    const filtered = `SELECT Id FROM APR_Action__c WHERE Partner_Account_Plan__r.Name = 'P2 plan'`;
    expect((await pm1.conn.query(filtered)).totalSize).toBe(0);
    expect((await pm2.conn.query(filtered)).totalSize).toBe(1);
  });

  it('are left out of child subqueries', async () => {
    const soql = `SELECT Name, (SELECT Name FROM Partner_Account_Plans__r) FROM Account WHERE Id IN ('${account1}', '${account2}') ORDER BY Name`;
    const rows = await records(pm1.conn, soql);
    expect(
      rows.map((r) => r.Partner_Account_Plans__r && (r.Partner_Account_Plans__r as { totalSize: number }).totalSize),
    ).toEqual([1, null]);
  });

  it('are left out of semi-joins', async () => {
    const soql =
      'SELECT Name FROM Account WHERE Id IN (SELECT Partner_Account__c FROM Partner_Account_Plan__c) ORDER BY Name';
    expect((await records(pm1.conn, soql)).map((r) => r.Name)).toEqual(['Alpha']);
    expect((await records(pm2.conn, soql)).map((r) => r.Name)).toEqual(['Beta']);
    expect((await records(t.conn, soql)).map((r) => r.Name)).toEqual(['Alpha', 'Beta']);
  });
});

describe('query locators', () => {
  it('serve further pages only to the user who ran the query', async () => {
    const batch = Array.from({ length: 200 }, (_, i) => ({ Name: `Bulk ${i}` }));
    await t.conn.sobject('Account').create(batch, { allOrNone: true });
    const first = await rawRequest(t.conn, 'GET', dataPath('/query?q=SELECT+Id+FROM+Account'), {
      headers: { 'Sforce-Query-Options': 'batchSize=200' },
    });
    const next = (first.body as { nextRecordsUrl: string }).nextRecordsUrl;
    expect(next).toBeDefined();
    const stolen = await rawRequest(standard.conn, 'GET', next);
    expect(stolen.status).toBe(400);
    expect(stolen.body).toEqual([{ errorCode: 'INVALID_QUERY_LOCATOR', message: 'invalid query locator', fields: [] }]);
    const own = await rawRequest(t.conn, 'GET', next);
    expect(own.status).toBe(200);
  });
});

describe('the SOQL engine, for a user who reads a child object but not its parent', () => {
  // No permission set of the project grants that, so the engine is given such access directly.
  const org = new SoqlOrg();
  const access: QueryAccess = {
    canReadObject: (obj) => obj.name !== 'Plan_Section__c',
    canReadField: () => true,
    sharingHides: () => false,
    rowFilter: () => undefined,
  };

  it('does not understand a path through the parent', () => {
    const error = org.error('SELECT Plan_Section__r.Name FROM Plan_Target__c', { access });
    expect(error.errorCode).toBe('INVALID_FIELD');
    expect(error.message).toContain("Didn't understand relationship 'Plan_Section__r' in field path.");
  });

  it('still returns the lookup Id itself', () => {
    const plan = org.insert('Partner_Account_Plan__c', { Name: 'Plan' });
    const section = org.insert('Plan_Section__c', { Name: 'Section', Partner_Account_Plan__c: plan });
    org.insert('Plan_Target__c', { Plan_Section__c: section, Metric__c: 'Revenue', Target_Value__c: 1 });
    expect(org.column('SELECT Plan_Section__c FROM Plan_Target__c', 'Plan_Section__c', { access })).toEqual([section]);
  });
});

describe('the SOQL engine, for a user who cannot see a parent record', () => {
  // Accounts are hidden by sharing here; the fixture has a formula on Account and a cross-object one on Deal__c.
  const org = new SoqlOrg(loadForceApp({ root: join(FIXTURES, 'localorg-formulas') }));
  const account = org.insert('Account', { Name: 'Northwind', Region__c: 'europe', Tier__c: 2 });
  org.insert('Deal__c', { Name: 'Big', Account__c: account });
  const access: QueryAccess = {
    canReadObject: () => true,
    canReadField: () => true,
    sharingHides: (obj) => obj.name === 'Account',
    rowFilter: (obj) => (obj.name === 'Account' ? '0' : undefined),
  };

  it('nulls the parent, its formula fields included, and matches no filter on them', () => {
    const soql = 'SELECT Account__c, Account__r.Region_Code__c FROM Deal__c';
    expect(org.records(soql, { access })[0]).toMatchObject({ Account__c: account, Account__r: null });
    expect(org.records(soql)[0]).toMatchObject({ Account__r: { Region_Code__c: 'EUR' } });
    const filtered = "SELECT Id FROM Deal__c WHERE Account__r.Region_Code__c = 'EUR'";
    expect(org.query(filtered, { access }).totalSize).toBe(0);
    expect(org.query(filtered).totalSize).toBe(1);
  });

  it('still computes a cross-object formula of the child, as the platform does', () => {
    expect(org.column('SELECT Account_Tier__c FROM Deal__c', 'Account_Tier__c', { access })).toEqual([2]);
  });
});
