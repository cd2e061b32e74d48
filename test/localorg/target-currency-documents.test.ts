/**
 * The components' target documents and the org's currency mode: the components pick the document from the
 * target's object info, with CurrencyIsoCode only where the field exists. In a multi-currency org object
 * info lists the field and the `_CURRENCY_QUERY` documents answer each target's currency (its plan's); in a
 * single-currency org the field is not there, so asking for it is an error and the plain documents are the
 * ones to send.
 */
import { dataPath, rawRequest, startTestOrg, type TestOrg } from '../support/localorg';
import { componentDocuments } from '../support/component-documents';
import { gql } from '../support/ui-api';

const CURRENCY_DOCUMENTS = [
  'PLAN_TARGETS_CURRENCY_QUERY',
  'PAIR_TARGETS_CURRENCY_QUERY',
  'ACCOUNT_TARGETS_CURRENCY_QUERY',
];

interface Seeded {
  partner: string;
  plan: string;
}

/** A plan (in EUR where the org has currencies) with one section and one target. */
async function seed(t: TestOrg, currency?: string): Promise<Seeded> {
  const create = async (sobject: string, fields: Record<string, unknown>): Promise<string> => {
    const result = await t.conn.sobject(sobject).create(fields);
    if (!result.success) throw new Error(JSON.stringify(result));
    return result.id as string;
  };
  const partner = await create('Account', { Name: 'Partner', Partner_Type__c: 'Reseller' });
  const plan = await create('Partner_Account_Plan__c', {
    Name: 'Partner FY2026',
    Partner_Account__c: partner,
    Period_Start__c: '2026-01-01',
    Period_End__c: '2026-12-31',
    Fiscal_Year__c: 'FY2026',
    ...(currency ? { CurrencyIsoCode: currency } : {}),
  });
  const section = await create('Plan_Section__c', {
    Name: 'Sales',
    Partner_Account_Plan__c: plan,
    Section_Type__c: 'Sales Objectives',
  });
  await create('Plan_Target__c', {
    Plan_Section__c: section,
    Metric__c: 'Closed_Won_Revenue',
    Period_Type__c: 'Quarter',
    Period_Start__c: '2026-04-01',
    Period_End__c: '2026-06-30',
    Target_Value__c: 200000,
  });
  return { partner, plan };
}

async function targetFieldNames(t: TestOrg): Promise<string[]> {
  const response = await rawRequest(t.conn, 'GET', dataPath('/ui-api/object-info/Plan_Target__c'));
  expect(response.status).toBe(200);
  return Object.keys((response.body as { fields: Record<string, unknown> }).fields);
}

type TargetsAnswer = {
  uiapi: { query: { Plan_Target__c: { edges: { node: Record<string, unknown> }[] } } };
};

const firstNode = (data: unknown): Record<string, unknown> =>
  (data as TargetsAnswer).uiapi.query.Plan_Target__c.edges[0].node;

describe('target documents in a multi-currency org', () => {
  let t: TestOrg;
  let seeded: Seeded;

  beforeAll(async () => {
    t = await startTestOrg({ multiCurrency: true });
    seeded = await seed(t, 'EUR');
  });
  afterAll(() => t.close());

  it("lists CurrencyIsoCode in the target's object info", async () => {
    expect(await targetFieldNames(t)).toContain('CurrencyIsoCode');
  });

  it("answers each target's currency, its plan's, with the plan's fiscal year and start", async () => {
    const documents = componentDocuments();
    const variables: Record<string, Record<string, unknown>> = {
      PLAN_TARGETS_CURRENCY_QUERY: { planId: seeded.plan },
      PAIR_TARGETS_CURRENCY_QUERY: { userId: null, planId: seeded.plan },
      ACCOUNT_TARGETS_CURRENCY_QUERY: { accountId: seeded.partner },
    };
    for (const name of CURRENCY_DOCUMENTS) {
      const answer = await gql(t.conn, documents[name].source, variables[name]);
      expect({ name, errors: answer.errors }).toEqual({ name, errors: undefined });
      expect(firstNode(answer.data).CurrencyIsoCode).toEqual({ value: 'EUR' });
    }
    const pair = await gql(t.conn, documents.PAIR_TARGETS_CURRENCY_QUERY.source, variables.PAIR_TARGETS_CURRENCY_QUERY);
    expect(firstNode(pair.data).Plan_Section__r).toMatchObject({
      Partner_Account_Plan__r: { Fiscal_Year__c: { value: 'FY2026' }, Period_Start__c: { value: '2026-01-01' } },
    });
  });
});

describe('target documents in a single-currency org', () => {
  let t: TestOrg;
  let seeded: Seeded;

  beforeAll(async () => {
    t = await startTestOrg();
    seeded = await seed(t);
  });
  afterAll(() => t.close());

  it("has no CurrencyIsoCode in the target's object info", async () => {
    expect(await targetFieldNames(t)).not.toContain('CurrencyIsoCode');
  });

  it('refuses the currency documents and answers the plain ones, which do not ask for the field', async () => {
    const documents = componentDocuments();
    const currency = await gql(t.conn, documents.PLAN_TARGETS_CURRENCY_QUERY.source, { planId: seeded.plan });
    expect(currency.errors?.map((e) => e.message).join(' ')).toMatch(/CurrencyIsoCode/);
    const plain = await gql(t.conn, documents.PLAN_TARGETS_QUERY.source, { planId: seeded.plan });
    expect(plain.errors).toBeUndefined();
    expect(firstNode(plain.data)).not.toHaveProperty('CurrencyIsoCode');
  });
});
