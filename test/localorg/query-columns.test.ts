/**
 * `query?columns=true` (column metadata) and `query?explain=` (Query Performance Feedback) over real HTTP:
 * the shapes `sf data query` and query-plan tools read, computed as the calling user (a field they cannot
 * read is an unknown column here too; insertable/updatable follow their permissions), without running
 * the query.
 */
import { dataPath, rawRequest, startTestOrg, type TestOrg } from '../support/localorg';
import { createPlan, createUser, type TestUser } from '../support/security';
import type { Connection } from 'jsforce';

const NOW = new Date('2026-03-31T12:00:00.000Z');

let t: TestOrg;
let standard: TestUser;
let ae: TestUser;

interface Column {
  columnName: string;
  displayName: string;
  aggregate: boolean;
  apexType: string | null;
  foreignKeyName: string | null;
  insertable: boolean;
  updatable: boolean;
  custom: boolean;
  numberType: boolean;
  textType: boolean;
  booleanType: boolean;
  joinColumns: Column[];
}
interface Columns {
  columnMetadata: Column[];
  entityName: string;
  groupBy: boolean;
  idSelected: boolean;
  keyPrefix: string;
}

const columns = async (conn: Connection, soql: string): Promise<{ status: number; body: unknown }> =>
  rawRequest(conn, 'GET', dataPath(`/query?q=${encodeURIComponent(soql)}&columns=true`));

const ok = async (conn: Connection, soql: string): Promise<Columns> => {
  const answer = await columns(conn, soql);
  expect(answer.status).toBe(200);
  return answer.body as Columns;
};

beforeAll(async () => {
  t = await startTestOrg({ now: () => NOW });
  standard = await createUser(t, { alias: 'colstd' });
  ae = await createUser(t, { alias: 'colae', permissionSets: ['Account_Executive'] });
  const accounts = await t.conn.sobject('Account').create(
    Array.from({ length: 10 }, (_, i) => ({
      Name: `Acct ${i}`,
      Industry: i < 2 ? 'Energy' : 'Technology',
      ...(i === 0 ? { Partner_Type__c: 'Reseller' } : {}),
    })),
  );
  await createPlan(t.conn, accounts[0].success ? accounts[0].id : '', 'Columns plan', [100]);
});
afterAll(() => t.close());

describe('columns=true', () => {
  it('describes fields, parent relationships and child subqueries in SELECT order', async () => {
    const body = await ok(
      t.conn,
      'SELECT Id, Name, AnnualRevenue, Owner.Name, Owner.Email, (SELECT LastName FROM Contacts) FROM Account',
    );
    expect(body).toMatchObject({ entityName: 'Account', groupBy: false, idSelected: true, keyPrefix: '001' });
    expect(body.columnMetadata.map((c) => c.columnName)).toEqual(['Id', 'Name', 'AnnualRevenue', 'Owner', 'Contacts']);
    const [id, name, revenue, owner, contacts] = body.columnMetadata;
    expect(id).toEqual({
      aggregate: false,
      apexType: 'Id',
      booleanType: false,
      columnName: 'Id',
      custom: false,
      displayName: 'Id',
      foreignKeyName: null,
      insertable: false,
      joinColumns: [],
      numberType: false,
      textType: false,
      updatable: false,
    });
    expect(name).toMatchObject({ apexType: 'String', textType: true, insertable: true, updatable: true });
    expect(revenue).toMatchObject({ numberType: true, textType: false });
    expect(owner).toMatchObject({ aggregate: false, apexType: null, foreignKeyName: 'OwnerId' });
    expect(owner.joinColumns.map((c) => c.columnName)).toEqual(['Name', 'Email']);
    expect(contacts).toMatchObject({ aggregate: true, apexType: null, foreignKeyName: null });
    expect(contacts.joinColumns).toEqual([expect.objectContaining({ columnName: 'LastName', aggregate: false })]);
  });

  it('names aggregates by alias or exprN and displays them as written', async () => {
    const body = await ok(
      t.conn,
      'SELECT Industry, COUNT(Id), SUM(AnnualRevenue) total, CALENDAR_YEAR(CreatedDate) FROM Account GROUP BY Industry, CALENDAR_YEAR(CreatedDate)',
    );
    expect(body).toMatchObject({ groupBy: true, idSelected: false });
    expect(body.columnMetadata.map((c) => [c.columnName, c.displayName, c.aggregate])).toEqual([
      ['Industry', 'Industry', false],
      ['expr0', 'COUNT(Id)', true],
      ['total', 'SUM(AnnualRevenue)', true],
      ['expr1', 'CALENDAR_YEAR(CreatedDate)', true],
    ]);
    // The names match the keys of the rows the query returns.
    const rows = await t.conn.query<Record<string, unknown>>(
      'SELECT Industry, COUNT(Id), SUM(AnnualRevenue) total, CALENDAR_YEAR(CreatedDate) FROM Account GROUP BY Industry, CALENDAR_YEAR(CreatedDate)',
    );
    expect(Object.keys(rows.records[0]).filter((k) => k !== 'attributes')).toEqual([
      'Industry',
      'expr0',
      'total',
      'expr1',
    ]);
  });

  it('answers a bad query with the query error and does not run the query', async () => {
    const bad = await columns(t.conn, 'SELECT Nope__c FROM Account');
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual([expect.objectContaining({ errorCode: 'INVALID_FIELD' })]);
    const count = await ok(t.conn, 'SELECT COUNT() FROM Account');
    expect(count.columnMetadata).toEqual([]);
  });

  it('applies field-level security and permissions of the caller', async () => {
    // Partner_Type__c is readable through the partner permission sets only.
    const hidden = await columns(standard.conn, 'SELECT Name, Partner_Type__c FROM Account');
    expect(hidden.status).toBe(400);
    expect(hidden.body).toEqual([expect.objectContaining({ errorCode: 'INVALID_FIELD' })]);
    const admin = await ok(t.conn, 'SELECT Name, Partner_Type__c FROM Account');
    expect(admin.columnMetadata[1]).toMatchObject({ columnName: 'Partner_Type__c', custom: true, updatable: true });
    // Account Executives read plans but do not edit them: nothing is insertable or updatable for them.
    const plans = await ok(ae.conn, 'SELECT Name, Status__c, Budget__c FROM Partner_Account_Plan__c');
    expect(plans.keyPrefix).toMatch(/^a\w\w$/);
    for (const column of plans.columnMetadata) expect([column.insertable, column.updatable]).toEqual([false, false]);
    const own = await ok(t.conn, 'SELECT Name, Status__c FROM Partner_Account_Plan__c');
    expect(own.columnMetadata.map((c) => c.updatable)).toEqual([true, true]);
  });
});

describe('explain=', () => {
  const explain = (conn: Connection, soql: string) =>
    rawRequest(conn, 'GET', dataPath(`/query?explain=${encodeURIComponent(soql)}`));
  interface Plan {
    cardinality: number;
    fields: string[];
    leadingOperationType: string;
    relativeCost: number;
    sobjectCardinality: number;
    sobjectType: string;
    notes: { description: string; fields: string[]; tableEnumOrId: string }[];
  }

  it('lists an index plan for an indexed filter before the table scan, with notes on unindexed filters', async () => {
    const answer = await explain(t.conn, "SELECT Id FROM Account WHERE Name = 'Acct 1' AND Industry = 'Energy'");
    expect(answer.status).toBe(200);
    const { plans } = answer.body as { plans: Plan[] };
    expect(plans).toHaveLength(2);
    expect(plans[0]).toMatchObject({
      leadingOperationType: 'Index',
      fields: ['Name'],
      cardinality: 1,
      sobjectCardinality: 10,
      sobjectType: 'Account',
      notes: [],
    });
    expect(plans[1]).toMatchObject({ leadingOperationType: 'TableScan', fields: [], cardinality: 1 });
    expect(plans[1].notes).toEqual([
      {
        description: 'Not considering filter for optimization because unindexed',
        fields: ['Industry'],
        tableEnumOrId: 'Account',
      },
    ]);
    expect(plans[0].relativeCost).toBeLessThan(plans[1].relativeCost);
  });

  it('answers one table scan without a filter, and MALFORMED_QUERY for a bad query', async () => {
    const { plans } = (await explain(t.conn, 'SELECT Name FROM Account')).body as { plans: Plan[] };
    expect(plans).toEqual([
      expect.objectContaining({
        leadingOperationType: 'TableScan',
        cardinality: 10,
        sobjectCardinality: 10,
        notes: [],
      }),
    ]);
    const bad = await explain(t.conn, 'SELECT FROM Account');
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual([expect.objectContaining({ errorCode: 'MALFORMED_QUERY' })]);
  });

  it('counts only what the caller can see', async () => {
    // A standard user has no access to plans at all: the object does not exist for them.
    const plans = await explain(t.conn, 'SELECT Id FROM Partner_Account_Plan__c');
    expect((plans.body as { plans: Plan[] }).plans[0].cardinality).toBe(1);
    const hidden = await explain(standard.conn, 'SELECT Id FROM Partner_Account_Plan__c');
    expect(hidden.status).toBe(400);
    expect(hidden.body).toEqual([expect.objectContaining({ errorCode: 'INVALID_TYPE' })]);
  });
});
