/**
 * A polymorphic parent in the org's UI API GraphQL over HTTP: `What { __typename ... on Opportunity { ... } }`
 * answers each task's related record with the fields of its type's fragment; a field on the union itself, or a
 * fragment on a type the relationship cannot reference, is a validation error; a related record the caller
 * cannot see is null; filtering by a polymorphic parent is refused as not supported.
 */
import { dataPath, rawRequest, startTestOrg, type TestOrg } from '../support/localorg';
import { createPlan, createUser, type TestUser } from '../support/security';

let t: TestOrg;
let pm: TestUser;
let ae: TestUser;
let account: string;
let opportunity: string;
let plan: string;

type Rec = Record<string, unknown>;
interface GraphQLAnswer {
  data: { uiapi: { query: { Task: { edges: { node: Rec }[] } } } } | null;
  errors?: { message: string }[];
}
const create = async (sobject: string, values: Rec, conn = t.conn): Promise<string> => {
  const result = await conn.sobject(sobject).create(values);
  if (!result.success) throw new Error(`could not create ${sobject}`);
  return result.id;
};
async function graphql(query: string, user?: TestUser): Promise<GraphQLAnswer> {
  const response = await rawRequest(user?.conn ?? t.conn, 'POST', dataPath('/graphql'), { body: { query } });
  expect(response.status).toBe(200);
  return response.body as GraphQLAnswer;
}
const nodes = (answer: GraphQLAnswer): Rec[] => {
  expect(answer.errors ?? []).toEqual([]);
  return answer.data!.uiapi.query.Task.edges.map((e) => e.node);
};

const TASKS = `{ uiapi { query { Task(first: 10, orderBy: { Subject: { order: ASC } }) { edges { node {
  Subject { value }
  What {
    __typename
    ... on Opportunity { Id Name { value } StageName { value } }
    ... on Account { Name { value } }
  }
} } } } } }`;

beforeAll(async () => {
  t = await startTestOrg();
  pm = await createUser(t, { alias: 'pm', permissionSets: ['Partner_Manager'] });
  ae = await createUser(t, { alias: 'ae', permissionSets: ['Account_Executive'] });
  account = await create('Account', { Name: 'Orion Partners', Partner_Type__c: 'Reseller' });
  opportunity = await create('Opportunity', {
    Name: 'Orion renewal',
    AccountId: account,
    StageName: 'Prospecting',
    CloseDate: '2026-06-30',
  });
  plan = (await createPlan(pm.conn, account, 'Orion plan')).plan;
  await create('Task', { Subject: 'Call', WhatId: account });
  await create('Task', { Subject: 'Other', WhatId: plan });
  await create('Task', { Subject: 'Send Quote', WhatId: opportunity });
}, 60_000);
afterAll(() => t.close());

describe('a polymorphic parent in GraphQL', () => {
  it("answers each related record with its type's fragment and __typename", async () => {
    expect(nodes(await graphql(TASKS))).toEqual([
      { Subject: { value: 'Call' }, What: { __typename: 'Account', Name: { value: 'Orion Partners' } } },
      // No fragment for the plan's type: only its __typename.
      { Subject: { value: 'Other' }, What: { __typename: 'Partner_Account_Plan__c' } },
      {
        Subject: { value: 'Send Quote' },
        What: {
          __typename: 'Opportunity',
          Id: opportunity,
          Name: { value: 'Orion renewal' },
          StageName: { value: 'Prospecting' },
        },
      },
    ]);
  });

  it('answers null for a related record the caller cannot see', async () => {
    // A task the AE owns, on the partner manager's private plan that the AE cannot see.
    const own = await create('Task', { Subject: 'Send Letter', WhatId: plan }, pm.conn);
    await pm.conn.sobject('Task').update({ Id: own, OwnerId: ae.id });
    const query = `{ uiapi { query { Task(where: { Id: { eq: "${own}" } }) { edges { node {
      What { __typename ... on Partner_Account_Plan__c { Name { value } } } } } } } } }`;
    expect(nodes(await graphql(query, ae))).toEqual([{ What: null }]);
    expect(nodes(await graphql(query, pm))).toEqual([
      { What: { __typename: 'Partner_Account_Plan__c', Name: { value: 'Orion plan' } } },
    ]);
  });

  it('refuses fields on the union, foreign fragment types and filters through the parent', async () => {
    const onUnion = await graphql('{ uiapi { query { Task { edges { node { What { Name { value } } } } } } } }');
    expect(onUnion.errors?.[0].message).toContain("Field 'Name' in type 'Task_What' is undefined");
    const foreign = await graphql('{ uiapi { query { Task { edges { node { What { ... on Lead { Id } } } } } } } }');
    expect(foreign.errors?.[0].message).toContain('can never be of type "Lead"');
    const filtered = await graphql(
      '{ uiapi { query { Task(where: { What: { Name: { eq: "x" } } }) { edges { node { Id } } } } } }',
    );
    expect(filtered.errors?.[0].message).toContain('not supported by the local org');
  });
});
