/**
 * The org's UI API GraphQL mutations and per-user security, over HTTP: XxxCreate/XxxUpdate/XxxDelete with
 * `input` and the `Record` payload (the docs' examples), through the org's write path (validation errors
 * as GraphQL errors), allOrNone rolling everything back, and for users: a record hidden by sharing is absent
 * from queries and cannot be updated, a field hidden by field-level security is a validation error.
 */
import { startTestOrg, type TestOrg } from '../support/localorg';
import { createPlanAudience, type TestUser } from '../support/security';
import { gql } from '../support/ui-api';

let t: TestOrg;
let pm: TestUser;
let ae: TestUser;
let standard: TestUser;
let account: string;
let plan: string;

beforeAll(async () => {
  t = await startTestOrg();
  ({ pm, ae, standard, account, plan } = await createPlanAudience(t));
});
afterAll(() => t.close());

const accountNames = async (): Promise<string[]> =>
  (await t.conn.query<{ Name: string }>('SELECT Name FROM Account ORDER BY Name')).records.map((r) => r.Name);

describe('mutations', () => {
  it('creates a record and answers the fields asked under Record, as the docs example', async () => {
    const answer = await gql(
      t.conn,
      `mutation AccountExample { uiapi { AccountCreate(input: { Account: { Name: "Trailblazer Express" } }) {
        Record { Id Name { value } } } } }`,
    );
    expect(answer.status).toBe(200);
    expect(answer.errors).toBeUndefined();
    const created = (answer.data as { uiapi: { AccountCreate: { Record: { Id: string; Name: { value: string } } } } })
      .uiapi.AccountCreate.Record;
    expect(created).toEqual({
      Id: expect.stringMatching(/^001[a-zA-Z0-9]{15}$/),
      Name: { value: 'Trailblazer Express' },
    });
    expect((await t.conn.sobject('Account').retrieve(created.Id)).Name).toBe('Trailblazer Express');
  });

  it('updates (success and Record) and deletes (Id) with input from variables', async () => {
    const id = (await t.conn.sobject('Account').create({ Name: 'Before' })).id!;
    const update = await gql(
      t.conn,
      `mutation rename($input: AccountUpdateInput!) { uiapi { AccountUpdate(input: $input) { success Record { Name { value } } } } }`,
      { input: { Id: id, Account: { Name: 'After' } } },
    );
    expect(update.data).toEqual({ uiapi: { AccountUpdate: { success: true, Record: { Name: { value: 'After' } } } } });
    const remove = await gql(t.conn, `mutation { uiapi { AccountDelete(input: { Id: "${id}" }) { Id } } }`);
    expect(remove.data).toEqual({ uiapi: { AccountDelete: { Id: id } } });
    expect(await accountNames()).not.toContain('After');
  });

  it('answers a validation failure as a GraphQL error and, allOrNone, writes nothing', async () => {
    const answer = await gql(
      t.conn,
      `mutation { uiapi {
        first: AccountCreate(input: { Account: { Name: "Kept only if all succeed" } }) { Record { Id } }
        second: AccountCreate(input: { Account: { Website: "no name" } }) { Record { Id } } } }`,
    );
    expect(answer.status).toBe(200);
    expect(answer.data).toBeNull();
    expect(answer.errors).toEqual([
      {
        message: 'Required fields are missing: [Name]',
        path: ['uiapi', 'second'],
        extensions: { classification: 'DataFetchingException', errorCode: 'REQUIRED_FIELD_MISSING' },
      },
    ]);
    expect(await accountNames()).not.toContain('Kept only if all succeed');
  });

  it('with allOrNone false keeps what succeeded and answers null for what failed', async () => {
    const answer = await gql(
      t.conn,
      `mutation { uiapi(input: { allOrNone: false }) {
        first: AccountCreate(input: { Account: { Name: "Partial one" } }) { Record { Name { value } } }
        second: AccountCreate(input: { Account: { Website: "no name" } }) { Record { Id } } } }`,
    );
    expect(answer.data).toEqual({ uiapi: { first: { Record: { Name: { value: 'Partial one' } } }, second: null } });
    expect(answer.errors).toHaveLength(1);
    expect(await accountNames()).toContain('Partial one');
  });
});

describe('security', () => {
  const PLANS = '{ uiapi { query { Partner_Account_Plan__c { edges { node { Id Name { value } } } totalCount } } } }';

  it("an AE does not see another owner's private plan; the owner does", async () => {
    const asPm = await gql(pm.conn, PLANS);
    expect(asPm.data).toEqual({
      uiapi: {
        query: {
          Partner_Account_Plan__c: {
            edges: [{ node: { Id: plan, Name: { value: 'Orion growth plan' } } }],
            totalCount: 1,
          },
        },
      },
    });
    const asAe = await gql(ae.conn, PLANS);
    expect(asAe.data).toEqual({ uiapi: { query: { Partner_Account_Plan__c: { edges: [], totalCount: 0 } } } });
  });

  it('aggregates count only the records the user can see', async () => {
    const COUNT =
      '{ uiapi { aggregate { Partner_Account_Plan__c { edges { node { aggregate { Id { count { value } } } } } } } } }';
    const count = (answer: Awaited<ReturnType<typeof gql>>): unknown =>
      (
        answer.data as {
          uiapi: {
            aggregate: {
              Partner_Account_Plan__c: { edges: { node: { aggregate: { Id: { count: { value: number } } } } }[] };
            };
          };
        }
      ).uiapi.aggregate.Partner_Account_Plan__c.edges[0].node.aggregate.Id.count.value;
    expect(count(await gql(pm.conn, COUNT))).toBe(1);
    expect(count(await gql(ae.conn, COUNT))).toBe(0);
  });

  it('an AE cannot update or delete the hidden plan, and learns nothing of it', async () => {
    const update = await gql(
      ae.conn,
      `mutation { uiapi { Partner_Account_Plan__cUpdate(input: { Id: "${plan}", Partner_Account_Plan__c: { Name: "Taken" } }) { success } } }`,
    );
    expect(update.data).toBeNull();
    expect(update.errors?.[0].extensions).toEqual({
      classification: 'DataFetchingException',
      errorCode: 'INVALID_CROSS_REFERENCE_KEY',
    });
    const remove = await gql(
      ae.conn,
      `mutation { uiapi { Partner_Account_Plan__cDelete(input: { Id: "${plan}" }) { Id } } }`,
    );
    expect(remove.errors?.[0].extensions?.errorCode).toBe('INVALID_CROSS_REFERENCE_KEY');
    expect((await t.conn.sobject('Partner_Account_Plan__c').retrieve(plan)).Name).toBe('Orion growth plan');
  });

  it('a field hidden by field-level security is not in the schema: selecting or filtering on it is refused', async () => {
    const select = '{ uiapi { query { Account { edges { node { Name { value } External_Key__c { value } } } } } } }';
    expect((await gql(t.conn, select)).errors).toBeUndefined();
    const hidden = await gql(standard.conn, select);
    expect(hidden.data).toBeNull();
    expect(hidden.errors?.[0].message).toBe(
      "Validation error (FieldUndefined@[uiapi/query/Account/edges/node/External_Key__c]) : Field 'External_Key__c' in type 'Account' is undefined",
    );
    const filter = await gql(
      standard.conn,
      '{ uiapi { query { Account(where: { External_Key__c: { eq: "orion-1" } }) { edges { node { Id } } } } } }',
    );
    expect(filter.data).toBeNull();
    expect(filter.errors?.[0].message).toMatch(/Field 'External_Key__c' in type 'Account' is undefined/);
    const write = await gql(
      standard.conn,
      `mutation { uiapi { AccountUpdate(input: { Id: "${account}", Account: { External_Key__c: "x" } }) { success } } }`,
    );
    expect(write.data).toBeNull();
    expect((await t.conn.sobject('Account').retrieve(account)).External_Key__c).toBe('orion-1');
  });

  it('an object the user cannot read is not in the schema either', async () => {
    const answer = await gql(
      standard.conn,
      '{ uiapi { query { Partner_Account_Plan__c { edges { node { Id } } } } } }',
    );
    expect(answer.data).toBeNull();
    expect(answer.errors?.[0].message).toMatch(/Field 'Partner_Account_Plan__c' in type 'RecordQuery' is undefined/);
  });
});
