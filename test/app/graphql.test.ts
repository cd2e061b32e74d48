/**
 * The local app's UI API GraphQL: queries as the components send them, translated to SOQL and run against a
 * local org, in UI API's response shape; values from variables never become SOQL syntax.
 */
import { runGraphQL, type ObjectDescribe, type OrgClient } from '../../app/graphql';
import { startTestOrg, type TestOrg } from '../support/localorg';

let t: TestOrg;
let client: OrgClient;
let partner: string;

beforeAll(async () => {
  t = await startTestOrg();
  client = {
    async query(soql) {
      const result = await t.conn.query<Record<string, unknown>>(soql).run({ autoFetch: true, maxFetch: 100000 });
      return { totalSize: result.totalSize, records: result.records };
    },
    async describe(name) {
      return (await t.conn.describe(name)) as unknown as ObjectDescribe;
    },
  };
  partner = (await t.conn.sobject('Account').create({ Name: 'Partner One', Partner_Type__c: 'Reseller' })).id!;
  const other = (await t.conn.sobject('Account').create({ Name: 'Partner Two', Partner_Type__c: 'Referral' })).id!;
  for (const [name, account] of [
    ['P1 FY2026', partner],
    ['P1 FY2027', partner],
    ['P2 FY2026', other],
  ] as const) {
    await t.conn.sobject('Partner_Account_Plan__c').create({
      Name: name,
      Partner_Account__c: account,
      Period_Start__c: name.endsWith('2026') ? '2026-01-01' : '2027-01-01',
      Period_End__c: name.endsWith('2026') ? '2026-12-31' : '2027-12-31',
      Status__c: name.endsWith('2026') ? 'Active' : 'Draft',
    });
  }
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
  node: { Name: { value: string }; Status__c: { value: string }; Partner_Account__r: { Name: { value: string } } };
};

function connection(response: Awaited<ReturnType<typeof runGraphQL>>) {
  const data = response.data as {
    uiapi: {
      query: { Partner_Account_Plan__c: { edges: Edge[]; pageInfo: { hasNextPage: boolean }; totalCount: number } };
    };
  };
  return data.uiapi.query.Partner_Account_Plan__c;
}

describe('runGraphQL', () => {
  it('answers a filtered, ordered query with parent fields in the UI API shape', async () => {
    const response = await runGraphQL(client, PLANS, { partner, from: '2026-01-01' });
    expect(response.errors).toBeUndefined();
    const plans = connection(response);
    expect(plans.edges.map((e) => e.node.Name.value)).toEqual(['P1 FY2027', 'P1 FY2026']);
    expect(plans.edges[0].node.Status__c.value).toBe('Draft');
    expect(plans.edges[0].node.Partner_Account__r.Name.value).toBe('Partner One');
    expect(plans.pageInfo.hasNextPage).toBe(false);
    expect(plans.totalCount).toBe(2);
  });

  it('quotes a variable that is not a plain date instead of splicing it into the SOQL', async () => {
    const response = await runGraphQL(client, PLANS, { partner, from: '2026-01-01 OR Name != null' });
    expect(response.data).toBeNull();
    expect(response.errors?.[0].message).toMatch(/must be of type date/);
  });

  it('quotes text values, quotes included: the whole text is one (invalid) Id, not a condition', async () => {
    const response = await runGraphQL(client, PLANS, { partner: "x' OR Name != 'y", from: '2026-01-01' });
    expect(response.data).toBeNull();
    expect(response.errors?.[0].message).toMatch(/invalid ID field: x' OR Name != 'y/);
  });

  it('refuses a date literal that is not one', async () => {
    const query = PLANS.replace('{ value: $from }', '{ literal: "TODAY OR Name != null" }');
    const response = await runGraphQL(client, query, { partner });
    expect(response.data).toBeNull();
    expect(response.errors?.[0].message).toBe('not a date literal: TODAY OR Name != null');
  });

  it('answers mutations and unknown roots with a GraphQL error', async () => {
    expect((await runGraphQL(client, 'mutation { uiapi { x } }')).errors).toEqual([
      { message: 'Only queries are supported' },
    ]);
    expect((await runGraphQL(client, '{ nope { x } }')).errors).toEqual([{ message: 'Unknown field nope' }]);
  });
});
