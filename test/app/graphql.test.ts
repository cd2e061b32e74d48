/**
 * The local app's UI API GraphQL: queries as the components send them, translated to SOQL and run against a
 * local org, in UI API's response shape; values from variables never become SOQL syntax.
 */
import { runGraphQL, type ObjectDescribe, type OrgClient } from '../../packages/app/graphql';
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

describe('runGraphQL fragments', () => {
  const WITH_FRAGMENTS = `query plans($partner: ID) {
    uiapi {
      query {
        Partner_Account_Plan__c(where: { Partner_Account__c: { eq: $partner } }, orderBy: { Name: { order: ASC } }) {
          edges { node { ...PlanFields Partner_Account__r { Id } } }
        }
      }
    }
  }
  fragment PlanFields on Partner_Account_Plan__c {
    Id
    Name { value }
    ... on Partner_Account_Plan__c { Status__c { value } }
    ... { Period_Start__c { value } }
    Partner_Account__r { ...AccountName }
  }
  fragment AccountName on Account { Name { value } }`;

  type PlanNode = {
    Id: string;
    Name: { value: string };
    Status__c: { value: string };
    Period_Start__c: { value: string };
    Partner_Account__r: { Id: string; Name: { value: string } };
  };

  it('expands named fragments, nested spreads and inline fragments, merging a parent selected twice', async () => {
    const response = await runGraphQL(client, WITH_FRAGMENTS, { partner });
    expect(response.errors).toBeUndefined();
    const data = response.data as { uiapi: { query: { Partner_Account_Plan__c: { edges: { node: PlanNode }[] } } } };
    const nodes = data.uiapi.query.Partner_Account_Plan__c.edges.map((e) => e.node);
    expect(nodes.map((n) => [n.Name.value, n.Status__c.value, n.Period_Start__c.value])).toEqual([
      ['P1 FY2026', 'Active', '2026-01-01'],
      ['P1 FY2027', 'Draft', '2027-01-01'],
    ]);
    expect(nodes[0].Partner_Account__r).toEqual({ Id: partner, Name: { value: 'Partner One' } });
    expect(nodes[0].Id).toMatch(/^[a-zA-Z0-9]{18}$/);
  });

  it('answers an unknown fragment with a GraphQL error', async () => {
    const query = WITH_FRAGMENTS.replace('...AccountName', '...AccountFields');
    expect(await runGraphQL(client, query, { partner })).toEqual({
      data: null,
      errors: [{ message: 'Unknown fragment "AccountFields".' }],
    });
  });

  it('answers a fragment on another type than the record it is spread on with a GraphQL error', async () => {
    const query = WITH_FRAGMENTS.replace('fragment AccountName on Account', 'fragment AccountName on Contact');
    expect((await runGraphQL(client, query, { partner })).errors).toEqual([
      {
        message:
          'Fragment "AccountName" cannot be spread here as objects of type "Account" can never be of type "Contact".',
      },
    ]);
    const inline = WITH_FRAGMENTS.replace('... on Partner_Account_Plan__c', '... on Plan_Section__c');
    expect((await runGraphQL(client, inline, { partner })).errors).toEqual([
      {
        message:
          'Fragment cannot be spread here as objects of type "Partner_Account_Plan__c" can never be of type "Plan_Section__c".',
      },
    ]);
  });

  it('answers fragment cycles and duplicate fragment names with GraphQL errors', async () => {
    const self = WITH_FRAGMENTS.replace(
      'fragment AccountName on Account { Name { value } }',
      'fragment AccountName on Account { Name { value } ...AccountName }',
    );
    expect((await runGraphQL(client, self, { partner })).errors).toEqual([
      { message: 'Cannot spread fragment "AccountName" within itself.' },
    ]);
    const cycle = `${WITH_FRAGMENTS}
      fragment A on Account { ...B }
      fragment B on Account { Name { value } ...C }
      fragment C on Account { ...A }`;
    expect((await runGraphQL(client, cycle, { partner })).errors).toEqual([
      { message: 'Cannot spread fragment "A" within itself via "B", "C".' },
    ]);
    const twice = `${WITH_FRAGMENTS}
      fragment AccountName on Account { Id }`;
    expect((await runGraphQL(client, twice, { partner })).errors).toEqual([
      { message: 'There can be only one fragment named "AccountName".' },
    ]);
  });

  it('refuses fragments outside records instead of ignoring them', async () => {
    const query = `query { uiapi { query { Partner_Account_Plan__c { ...Page } } } }
      fragment Page on Partner_Account_Plan__cConnection { pageInfo { hasNextPage } }`;
    expect((await runGraphQL(client, query)).errors).toEqual([
      { message: 'Fragments are supported on records only (a connection node or a parent record)' },
    ]);
  });
});

describe('runGraphQL with the documents of c/planData', () => {
  /** c/planData's document modules, loaded with `gql` as the app's and the jest mock's: it keeps the text. */
  function componentDocuments(): Record<string, { source: string }> {
    jest.doMock(
      'lightning/graphql',
      () => ({
        gql: (strings: TemplateStringsArray, ...values: unknown[]) => ({
          kind: 'Document',
          source: String.raw({ raw: strings }, ...values),
        }),
      }),
      { virtual: true },
    );
    jest.doMock(
      '@salesforce/label/c.Partner_Planning_Request_Failed',
      () => ({ __esModule: true, default: 'Request failed' }),
      { virtual: true },
    );
    const documents: Record<string, { source: string }> = {};
    for (const name of ['plans', 'targets', 'actions', 'catalog']) {
      const module = jest.requireActual<Record<string, unknown>>(`../../force-app/main/default/lwc/planData/${name}`);
      for (const [key, value] of Object.entries(module))
        if (key.endsWith('_QUERY')) documents[key] = value as { source: string };
    }
    return documents;
  }

  it('answers every document the components send, fragments expanded, without errors', async () => {
    const documents = componentDocuments();
    const since = { actorIds: [partner], partnerIds: [partner], since: '2026-01-01', cutoff: '2026-01-01' };
    const variables: Record<string, Record<string, unknown>> = {
      PLAN_SECTIONS_QUERY: { planId: partner },
      PLAN_TARGETS_QUERY: { planId: partner },
      PAIR_TARGETS_QUERY: { userId: partner, planId: null },
      ACCOUNT_TARGETS_QUERY: { accountId: partner },
      PARTNER_ACTIVE_TARGETS_QUERY: { partnerId: partner },
      ACCOUNT_PLANS_QUERY: { accountId: partner },
      PARTNER_ACTIVE_PLANS_QUERY: { partnerId: partner },
      METRIC_CATALOG_QUERY: {},
      ACTIONS_SINCE_QUERY: since,
      COACHING_NOTES_QUERY: { partnerIds: [partner] },
      OPPORTUNITY_ACTIONS_QUERY: { opportunityId: null },
      STALE_DEALS_QUERY: { ...since, ownerId: partner },
    };
    expect(Object.keys(documents).sort()).toEqual(Object.keys(variables).sort());
    for (const [name, document] of Object.entries(documents)) {
      const response = await runGraphQL(client, document.source, variables[name]);
      expect({ name, errors: response.errors }).toEqual({ name, errors: undefined });
    }
    // A plan-carrying document answers with the fields of its fragment, the nested ones included.
    const plans = await runGraphQL(client, documents.ACCOUNT_PLANS_QUERY.source, { accountId: partner });
    const data = plans.data as { uiapi: { query: { Partner_Account_Plan__c: { edges: { node: object }[] } } } };
    const nodes = data.uiapi.query.Partner_Account_Plan__c.edges.map((e) => e.node);
    expect(nodes).toHaveLength(2);
    expect(nodes[0]).toEqual({
      Id: expect.any(String),
      Name: { value: 'P1 FY2027' },
      Status__c: { value: 'Draft' },
      Period_Start__c: { value: '2027-01-01' },
      Period_End__c: { value: '2027-12-31' },
      Partner_Account__c: { value: partner },
      Partner_Account__r: { Name: { value: 'Partner One' } },
      Overall_Attainment__c: { value: null },
    });
  });
});
