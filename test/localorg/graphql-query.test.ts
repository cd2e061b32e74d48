/**
 * The org's UI API GraphQL over HTTP (`POST /services/data/vXX.X/graphql`): queries as the components send
 * them, in the UI API's response shape (connections, parent records, child relationships, cursors), values
 * from variables never becoming SOQL syntax, and the GraphQL error shape (HTTP 200, `errors` with message,
 * locations and extensions). Fragment handling is in graphql-fragments.test.ts.
 */
import { dataPath, rawRequest, startTestOrg, type TestOrg } from '../support/localorg';
import { movePlanTo } from '../support/lifecycle';
import { gql, type GraphQLAnswer } from '../support/ui-api';

let t: TestOrg;
let partner: string;
let planIds: string[];

beforeAll(async () => {
  t = await startTestOrg();
  partner = (await t.conn.sobject('Account').create({ Name: 'Partner One', Partner_Type__c: 'Reseller' })).id!;
  const other = (await t.conn.sobject('Account').create({ Name: 'Partner Two', Partner_Type__c: 'Referral' })).id!;
  planIds = [];
  for (const [name, account] of [
    ['P1 FY2026', partner],
    ['P1 FY2027', partner],
    ['P2 FY2026', other],
  ] as const) {
    const created = await t.conn.sobject('Partner_Account_Plan__c').create({
      Name: name,
      Partner_Account__c: account,
      Period_Start__c: name.endsWith('2026') ? '2026-01-01' : '2027-01-01',
      Period_End__c: name.endsWith('2026') ? '2026-12-31' : '2027-12-31',
    });
    planIds.push(created.id!);
  }
  for (const name of ['Sales', 'Marketing', 'Training'])
    await t.conn.sobject('Plan_Section__c').create({ Name: name, Partner_Account_Plan__c: planIds[0] });
  // The FY2026 plans are Active: sections first, then the lifecycle's steps (the validation rules).
  for (const id of [planIds[0], planIds[2]]) await movePlanTo(t.conn, id, 'Active');
});
afterAll(() => t.close());

const PLANS = `query plans($partner: ID, $from: Date) {
  uiapi {
    query {
      Partner_Account_Plan__c(
        where: { and: [{ Partner_Account__c: { eq: $partner } }, { Period_Start__c: { gte: { value: $from } } }] }
        orderBy: { Name: { order: DESC } }
        first: 10
      ) {
        edges { node { Id Name { value } Status__c { value displayValue } Partner_Account__r { Name { value } } } }
        pageInfo { hasNextPage }
        totalCount
      }
    }
  }
}`;

type Edge = {
  node: {
    Name: { value: string };
    Status__c: { value: string; displayValue: string };
    Partner_Account__r: { Name: { value: string } };
  };
};

function plans(answer: GraphQLAnswer) {
  const data = answer.data as {
    uiapi: {
      query: { Partner_Account_Plan__c: { edges: Edge[]; pageInfo: { hasNextPage: boolean }; totalCount: number } };
    };
  };
  return data.uiapi.query.Partner_Account_Plan__c;
}

describe('queries', () => {
  it('answers a filtered, ordered query with parent fields in the UI API shape', async () => {
    const answer = await gql(t.conn, PLANS, { partner, from: '2026-01-01' });
    expect(answer.status).toBe(200);
    expect(answer.errors).toBeUndefined();
    const connection = plans(answer);
    expect(connection.edges.map((e) => e.node.Name.value)).toEqual(['P1 FY2027', 'P1 FY2026']);
    expect(connection.edges[0].node.Status__c).toEqual({ value: 'Draft', displayValue: 'Draft' });
    expect(connection.edges[0].node.Partner_Account__r.Name.value).toBe('Partner One');
    expect(connection.pageInfo.hasNextPage).toBe(false);
    expect(connection.totalCount).toBe(2);
  });

  it('pages with first and after through cursors, and says when there is more', async () => {
    const page = `query page($after: String) { uiapi { query {
      Partner_Account_Plan__c(first: 2, after: $after, orderBy: { Name: { order: ASC } }) {
        edges { node { Name { value } } cursor } pageInfo { hasNextPage endCursor } totalCount } } } }`;
    type Page = {
      edges: { node: { Name: { value: string } } }[];
      pageInfo: { hasNextPage: boolean; endCursor: string };
    };
    const first = (await gql(t.conn, page)).data as { uiapi: { query: { Partner_Account_Plan__c: Page } } };
    const one = first.uiapi.query.Partner_Account_Plan__c;
    expect(one.edges.map((e) => e.node.Name.value)).toEqual(['P1 FY2026', 'P1 FY2027']);
    expect(one.pageInfo.hasNextPage).toBe(true);
    const second = (await gql(t.conn, page, { after: one.pageInfo.endCursor })).data as typeof first;
    const two = second.uiapi.query.Partner_Account_Plan__c;
    expect(two.edges.map((e) => e.node.Name.value)).toEqual(['P2 FY2026']);
    expect(two.pageInfo.hasNextPage).toBe(false);
  });

  it('answers child relationships as connections, with their own where, orderBy and first', async () => {
    const query = `{ uiapi { query { Partner_Account_Plan__c(where: { Name: { eq: "P1 FY2026" } }) { edges { node {
      Name { value }
      Plan_Sections__r(orderBy: { Name: { order: ASC } }, first: 2, where: { Name: { ne: "Sales" } }) {
        edges { node { Name { value } } } totalCount pageInfo { hasNextPage } }
    } } } } } }`;
    const answer = await gql(t.conn, query);
    expect(answer.errors).toBeUndefined();
    const data = answer.data as {
      uiapi: {
        query: { Partner_Account_Plan__c: { edges: { node: { Plan_Sections__r: Record<string, unknown> } }[] } };
      };
    };
    expect(data.uiapi.query.Partner_Account_Plan__c.edges[0].node.Plan_Sections__r).toEqual({
      edges: [{ node: { Name: { value: 'Marketing' } } }, { node: { Name: { value: 'Training' } } }],
      totalCount: 2,
      pageInfo: { hasNextPage: false },
    });
  });

  it('also answers GET with the query and variables as URL parameters', async () => {
    const query = encodeURIComponent(
      'query one($n: String) { uiapi { query { Account(where: { Name: { eq: $n } }) { edges { node { Id } } } } } }',
    );
    const variables = encodeURIComponent(JSON.stringify({ n: 'Partner One' }));
    const response = await rawRequest(t.conn, 'GET', dataPath(`/graphql?query=${query}&variables=${variables}`));
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ data: { uiapi: { query: { Account: { edges: [{ node: { Id: partner } }] } } } } });
  });
});

describe('aggregate queries', () => {
  it('groups and aggregates with one SOQL aggregate query, in the aggregate schema shape', async () => {
    const answer = await gql(
      t.conn,
      `{ uiapi { aggregate { Partner_Account_Plan__c(groupBy: { Status__c: { group: true } }, where: { Name: { like: "P%" } }) {
        edges { node { aggregate { Status__c { value } Id { count { value } } Period_Start__c { min { value } max { value } } } } }
        totalCount } } } }`,
    );
    expect(answer.errors).toBeUndefined();
    const data = answer.data as {
      uiapi: {
        aggregate: {
          Partner_Account_Plan__c: { edges: { node: { aggregate: Record<string, unknown> } }[]; totalCount: number };
        };
      };
    };
    const rows = data.uiapi.aggregate.Partner_Account_Plan__c.edges.map((e) => e.node.aggregate);
    expect(rows.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))).toEqual([
      {
        Status__c: { value: 'Active' },
        Id: { count: { value: 2 } },
        Period_Start__c: { min: { value: '2026-01-01' }, max: { value: '2026-01-01' } },
      },
      {
        Status__c: { value: 'Draft' },
        Id: { count: { value: 1 } },
        Period_Start__c: { min: { value: '2027-01-01' }, max: { value: '2027-01-01' } },
      },
    ]);
    expect(data.uiapi.aggregate.Partner_Account_Plan__c.totalCount).toBe(2);
  });

  it('without groupBy answers one row; a field that is not grouped has no value', async () => {
    const total = await gql(
      t.conn,
      '{ uiapi { aggregate { Plan_Section__c { edges { node { aggregate { Id { count { value } } } } } } } } }',
    );
    expect(total.data).toEqual({
      uiapi: { aggregate: { Plan_Section__c: { edges: [{ node: { aggregate: { Id: { count: { value: 3 } } } } }] } } },
    });
    const ungrouped = await gql(
      t.conn,
      '{ uiapi { aggregate { Plan_Section__c { edges { node { aggregate { Name { value } } } } } } } }',
    );
    expect(ungrouped.data).toBeNull();
    expect(ungrouped.errors?.[0].message).toBe('Name is not grouped: select one of its aggregate functions instead');
  });
});

describe('values from variables stay values', () => {
  it('quotes a variable that is not a plain date instead of splicing it into the SOQL', async () => {
    const answer = await gql(t.conn, PLANS, { partner, from: '2026-01-01 OR Name != null' });
    expect(answer.status).toBe(200);
    expect(answer.data).toBeNull();
    expect(answer.errors?.[0].message).toMatch(/must be of type date/);
  });

  it('quotes text values, quotes included: the whole text is one (invalid) Id, not a condition', async () => {
    const answer = await gql(t.conn, PLANS, { partner: "x' OR Name != 'y", from: '2026-01-01' });
    expect(answer.data).toBeNull();
    expect(answer.errors?.[0].message).toMatch(/invalid ID field: x' OR Name != 'y/);
  });

  it('refuses a date literal that is not one', async () => {
    const answer = await gql(t.conn, PLANS.replace('{ value: $from }', '{ literal: "TODAY OR Name != null" }'), {
      partner,
    });
    expect(answer.data).toBeNull();
    expect(answer.errors?.[0].message).toBe('not a date literal: TODAY OR Name != null');
  });
});

describe('the GraphQL error shape', () => {
  it('answers a syntax error with its location, HTTP 200', async () => {
    const answer = await gql(t.conn, '{ uiapi { query { Account( } } }');
    expect(answer.status).toBe(200);
    expect(answer.data).toBeNull();
    expect(answer.errors).toEqual([
      {
        message: expect.stringMatching(/^Syntax Error/),
        locations: [{ line: 1, column: 28 }],
        extensions: { classification: 'InvalidSyntax' },
      },
    ]);
  });

  it('answers an unknown field as a validation error with its path and location', async () => {
    const answer = await gql(t.conn, '{ uiapi { query { Account { edges { node { Nope__c { value } } } } } } }');
    expect(answer.errors).toEqual([
      {
        message:
          "Validation error (FieldUndefined@[uiapi/query/Account/edges/node/Nope__c]) : Field 'Nope__c' in type 'Account' is undefined",
        locations: [{ line: 1, column: 44 }],
        extensions: { classification: 'ValidationError' },
      },
    ]);
    expect((await gql(t.conn, '{ nope { x } }')).errors?.[0].message).toBe(
      "Validation error (FieldUndefined@[nope]) : Field 'nope' in type 'Query' is undefined",
    );
  });

  it('asks for a sub-selection on a field selected bare, and refuses a document nested too deep', async () => {
    const bare = await gql(t.conn, '{ uiapi { query { Account { edges { node { Id Name } } } } } }');
    expect(bare.errors?.[0].message).toBe(
      "Validation error (SubSelectionRequired@[uiapi/query/Account/edges/node/Name]) : Sub selection required for type 'string' of field 'Name'",
    );
    const deep = `{ uiapi { query { Account { edges { node ${'{ a '.repeat(20000)}${'}'.repeat(20000)} } } } } }`;
    const answer = await gql(t.conn, deep);
    expect(answer).toEqual({
      status: 200,
      data: null,
      errors: [
        { message: 'The document is nested more than 64 levels deep', extensions: { classification: 'InvalidSyntax' } },
      ],
    });
  });

  it('refuses a request without a query in the REST shape, and mutations over GET', async () => {
    const empty = await rawRequest(t.conn, 'POST', dataPath('/graphql'), { body: { variables: {} } });
    expect(empty.status).toBe(400);
    expect(empty.body).toEqual([
      { errorCode: 'INVALID_INPUT', message: 'The GraphQL request has no query', fields: [] },
    ]);
    const get = await rawRequest(
      t.conn,
      'GET',
      dataPath(
        `/graphql?query=${encodeURIComponent('mutation { uiapi { AccountDelete(input: { Id: "x" }) { Id } } }')}`,
      ),
    );
    expect(get.body).toMatchObject({
      data: null,
      errors: [{ message: 'Mutations are only allowed in POST requests' }],
    });
  });
});
