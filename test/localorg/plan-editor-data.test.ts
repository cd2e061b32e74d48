/**
 * What the plan editor's target editing relies on in the org, over HTTP: the split dialog's seasonal profiles
 * document (c/planData SEASONAL_PROFILES_QUERY) answers the four profiles in order; the record pickers' role
 * filter (the SOQL the local app's lightning-record-picker builds from it) offers only active users with that
 * planning role; a split year target's parts stay, as standalone targets, when the year is deleted (SetNull),
 * as the delete confirmation says.
 */
import { startTestOrg, newUserFields, type TestOrg } from '../support/localorg';
import { createDraftPlan } from '../support/lifecycle';
import { gql } from '../support/ui-api';
import { mockGqlKeepingText } from '../support/component-documents';

let t: TestOrg;

beforeAll(async () => {
  t = await startTestOrg();
});
afterAll(() => t.close());

function profilesDocument(): string {
  mockGqlKeepingText();
  jest.doMock(
    '@salesforce/label/c.Partner_Planning_Request_Failed',
    () => ({ __esModule: true, default: 'Request failed' }),
    { virtual: true },
  );
  const module = jest.requireActual<{ SEASONAL_PROFILES_QUERY: { source: string } }>(
    '../../force-app/main/default/lwc/planData/profiles',
  );
  return module.SEASONAL_PROFILES_QUERY.source;
}

it('answers the seasonal profiles document with every profile in sort order', async () => {
  const response = await gql(t.conn, profilesDocument(), {});
  expect(response.errors).toBeUndefined();
  type Node = { DeveloperName: { value: string }; Q1_Share__c: { value: number }; Q4_Share__c: { value: number } };
  const data = response.data as { uiapi: { query: { Seasonal_Profile__mdt: { edges: { node: Node }[] } } } };
  const nodes = data.uiapi.query.Seasonal_Profile__mdt.edges.map((e) => e.node);
  expect(nodes.map((n) => [n.DeveloperName.value, n.Q1_Share__c.value, n.Q4_Share__c.value])).toEqual([
    ['Even', 25, 25],
    ['Back_Loaded', 20, 30],
    ['Front_Loaded', 30, 20],
    ['Year_End_Push', 15, 40],
  ]);
});

it("offers only active users with the picker's planning role", async () => {
  const make = async (lastName: string, role: string | null, active = true): Promise<string> => {
    const fields = await newUserFields(t.conn, {
      LastName: lastName,
      Partner_Planning_Role__c: role,
      IsActive: active,
    });
    const result = await t.conn.sobject('User').create(fields);
    return result.id as string;
  };
  const ae = await make('Ellis', 'Account Executive');
  await make('Mehta', 'Partner Manager');
  await make('Gone', 'Account Executive', false);
  await make('Nobody', null);
  // As the local app's lightning-record-picker builds it from c-target-form's AE filter.
  const soql =
    "SELECT Id, Name FROM User WHERE (IsActive = true) AND (Partner_Planning_Role__c = 'Account Executive') ORDER BY Name LIMIT 500";
  const result = await t.conn.query<{ Id: string; Name: string }>(soql);
  expect(result.records.map((r) => r.Id)).toEqual([ae]);
});

it("keeps a year target's parts, as standalone targets, when the year is deleted", async () => {
  const partner = (await t.conn.sobject('Account').create({ Name: 'Split Partner', Partner_Type__c: 'Reseller' })).id!;
  const plan = await createDraftPlan(t.conn, partner);
  const section = (
    await t.conn.sobject('Plan_Section__c').create({
      Partner_Account_Plan__c: plan,
      Name: 'Sales',
      Section_Type__c: 'Sales Objectives',
    })
  ).id!;
  const target = async (fields: Record<string, unknown>): Promise<string> => {
    const result = await t.conn.sobject('Plan_Target__c').create({
      Plan_Section__c: section,
      Metric__c: 'Closed_Won_Revenue',
      ...fields,
    });
    return result.id as string;
  };
  const year = await target({
    Period_Type__c: 'Year',
    Period_Start__c: '2027-01-01',
    Period_End__c: '2027-12-31',
    Target_Value__c: 1000,
    Split_Profile__c: 'Even',
  });
  const q1 = await target({
    Period_Type__c: 'Quarter',
    Period_Start__c: '2027-01-01',
    Period_End__c: '2027-03-31',
    Target_Value__c: 250,
    Parent_Target__c: year,
  });
  await t.conn.sobject('Plan_Target__c').destroy(year);
  const part = await t.conn.sobject('Plan_Target__c').retrieve(q1);
  expect(part).toMatchObject({ Id: q1, Parent_Target__c: null, Target_Value__c: 250 });
});
