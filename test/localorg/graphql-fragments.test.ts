/**
 * GraphQL fragments in the org's UI API GraphQL, over HTTP: named fragments, nested spreads and inline
 * fragments expanded on records, checked as a GraphQL server checks them (unknown, cyclic, duplicate,
 * wrong type, outside a record), and every document the components (c/planData) send answered without errors.
 */
import { startTestOrg, type TestOrg } from '../support/localorg';
import { movePlanTo } from '../support/lifecycle';
import { gql } from '../support/ui-api';
import { componentDocuments } from '../support/component-documents';

let t: TestOrg;
let partner: string;

beforeAll(async () => {
  t = await startTestOrg();
  partner = (await t.conn.sobject('Account').create({ Name: 'Partner One', Partner_Type__c: 'Reseller' })).id!;
  const other = (await t.conn.sobject('Account').create({ Name: 'Partner Two', Partner_Type__c: 'Referral' })).id!;
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
    // New plans start as Draft; the FY2026 ones go through the lifecycle's steps to Active.
    if (name.endsWith('2026')) await movePlanTo(t.conn, created.id!, 'Active');
  }
});
afterAll(() => t.close());

describe('fragments', () => {
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
    const response = await gql(t.conn, WITH_FRAGMENTS, { partner });
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
    expect(await gql(t.conn, query, { partner })).toMatchObject({
      status: 200,
      data: null,
      errors: [{ message: 'Unknown fragment "AccountFields".' }],
    });
  });

  it('answers a fragment on another type than the record it is spread on with a GraphQL error', async () => {
    const query = WITH_FRAGMENTS.replace('fragment AccountName on Account', 'fragment AccountName on Contact');
    expect((await gql(t.conn, query, { partner })).errors).toMatchObject([
      {
        message:
          'Fragment "AccountName" cannot be spread here as objects of type "Account" can never be of type "Contact".',
      },
    ]);
    const inline = WITH_FRAGMENTS.replace('... on Partner_Account_Plan__c', '... on Plan_Section__c');
    expect((await gql(t.conn, inline, { partner })).errors).toMatchObject([
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
    expect((await gql(t.conn, self, { partner })).errors).toMatchObject([
      { message: 'Cannot spread fragment "AccountName" within itself.' },
    ]);
    const cycle = `${WITH_FRAGMENTS}
      fragment A on Account { ...B }
      fragment B on Account { Name { value } ...C }
      fragment C on Account { ...A }`;
    expect((await gql(t.conn, cycle, { partner })).errors).toMatchObject([
      { message: 'Cannot spread fragment "A" within itself via "B", "C".' },
    ]);
    const twice = `${WITH_FRAGMENTS}
      fragment AccountName on Account { Id }`;
    expect((await gql(t.conn, twice, { partner })).errors).toMatchObject([
      { message: 'There can be only one fragment named "AccountName".' },
    ]);
  });

  it('refuses fragments outside records instead of ignoring them', async () => {
    const query = `query { uiapi { query { Partner_Account_Plan__c { ...Page } } } }
      fragment Page on Partner_Account_Plan__cConnection { pageInfo { hasNextPage } }`;
    expect((await gql(t.conn, query)).errors).toMatchObject([
      { message: 'Fragments are supported on records only (a connection node or a parent record)' },
    ]);
  });
});

describe('the documents of c/planData', () => {
  it('answers every document the components send, fragments expanded, without errors', async () => {
    // The multi-currency documents ask for CurrencyIsoCode, which a single-currency org does not have:
    // target-currency-documents.test.ts runs them against a multi-currency org.
    const documents = Object.fromEntries(
      Object.entries(componentDocuments()).filter(([name]) => !name.endsWith('_CURRENCY_QUERY')),
    );
    const since = { actorIds: [partner], partnerIds: [partner], since: '2026-01-01', cutoff: '2026-01-01' };
    const variables: Record<string, Record<string, unknown>> = {
      PLAN_SECTIONS_QUERY: { planId: partner },
      PLAN_TARGETS_QUERY: { planId: partner },
      PAIR_TARGETS_QUERY: { userId: partner, planId: null },
      PAIRS_QUERY: {},
      ACCOUNT_TARGETS_QUERY: { accountId: partner },
      PARTNER_ACTIVE_TARGETS_QUERY: { partnerId: partner },
      ACCOUNT_PLANS_QUERY: { accountId: partner },
      PARTNER_ACTIVE_PLANS_QUERY: { partnerId: partner },
      METRIC_CATALOG_QUERY: {},
      ACTIONS_SINCE_QUERY: since,
      COACHING_NOTES_QUERY: { partnerIds: [partner] },
      OPPORTUNITY_ACTIONS_QUERY: { opportunityId: null },
      OPPORTUNITY_HISTORY_QUERY: { opportunityId: null },
      STALE_DEALS_QUERY: { ...since, ownerId: partner },
    };
    expect(Object.keys(documents).sort()).toEqual(Object.keys(variables).sort());
    for (const [name, document] of Object.entries(documents)) {
      const response = await gql(t.conn, document.source, variables[name]);
      expect({ name, errors: response.errors }).toEqual({ name, errors: undefined });
    }
    // A plan-carrying document answers with the fields of its fragment, the nested ones included.
    const plans = await gql(t.conn, documents.ACCOUNT_PLANS_QUERY.source, { accountId: partner });
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
