/**
 * Activities are Controlled by Parent, through jsforce as each user: an AE sees the tasks on the records they
 * can see (a plan shared with them, an account) and no others, whatever the query path (SOQL, SOSL, UI API,
 * GraphQL); edits a task only where they may edit the related record; What.Name is null for a hidden parent
 * on a task they own. The owner and the roles above keep full access.
 */
import { apiError, dataPath, rawRequest, startTestOrg, type TestOrg } from '../support/localorg';
import { createRole } from '../support/roles';
import { createPlan, createUser, INSUFFICIENT_ACCESS, type TestUser } from '../support/security';

let t: TestOrg;
let pm: TestUser;
let ae: TestUser;
let manager: TestUser;
let account: string;
let sharedPlan: string;
let hiddenPlan: string;
let campaign: string;
const task: Record<string, string> = {};

type Rec = Record<string, unknown>;
const create = async (sobject: string, values: Rec, conn = t.conn): Promise<string> => {
  const result = await conn.sobject(sobject).create(values);
  if (!result.success) throw new Error(`could not create ${sobject}`);
  return result.id;
};
/** A task whose Description repeats its Subject: Subject is a picklist, which SOSL does not search. */
const newTask = (values: Rec, conn = t.conn): Promise<string> =>
  create('Task', { Description: values.Subject, ...values }, conn);
const visibleTasks = async (user: TestUser, where = ''): Promise<string[]> =>
  (await user.conn.query<{ Subject: string }>(`SELECT Subject FROM Task${where} ORDER BY Subject`)).records.map(
    (r) => r.Subject,
  );

beforeAll(async () => {
  t = await startTestOrg();
  const top = await createRole(t, 'Channel VP');
  const below = await createRole(t, 'Channel Rep', top);
  manager = await createUser(t, { alias: 'vp', roleId: top });
  pm = await createUser(t, { alias: 'pm', permissionSets: ['Partner_Manager'] });
  ae = await createUser(t, { alias: 'ae', permissionSets: ['Account_Executive'], roleId: below });
  account = await create('Account', { Name: 'Orion Partners', Partner_Type__c: 'Reseller' });
  sharedPlan = (await createPlan(pm.conn, account, 'Shared plan')).plan;
  hiddenPlan = (await createPlan(pm.conn, account, 'Hidden plan')).plan;
  await pm.conn
    .sobject('Partner_Account_Plan__Share')
    .create({ ParentId: sharedPlan, UserOrGroupId: ae.id, AccessLevel: 'Read' });
  campaign = await create('Campaign', { Name: 'Partner webinar', IsActive: true });
  // Owned by the partner manager: the AE's access comes from the related records alone.
  task.shared = await newTask({ Subject: 'A on shared plan', WhatId: sharedPlan }, pm.conn);
  task.hidden = await newTask({ Subject: 'B on hidden plan', WhatId: hiddenPlan }, pm.conn);
  task.account = await newTask({ Subject: 'C on account', WhatId: account }, pm.conn);
  task.campaign = await newTask({ Subject: 'D on campaign', WhatId: campaign }, pm.conn);
  task.bare = await newTask({ Subject: 'E on nothing' }, pm.conn);
  const contact = await create('Contact', { LastName: 'Rivera', AccountId: account });
  // Both related records count: the contact is visible, the plan is not.
  task.mixed = await newTask({ Subject: 'F hidden plan and contact', WhatId: hiddenPlan, WhoId: contact }, pm.conn);
  task.who = await newTask({ Subject: 'G on contact', WhoId: contact }, pm.conn);
}, 90_000);
afterAll(() => t.close());

describe('reading activities through their related records', () => {
  it('shows an AE the tasks on records they can see and no others', async () => {
    expect(await visibleTasks(ae)).toEqual(['A on shared plan', 'C on account', 'D on campaign', 'G on contact']);
    expect(await visibleTasks(pm)).toHaveLength(7);
    expect(
      (await ae.conn.query(`SELECT COUNT() FROM Task WHERE Id IN ('${task.hidden}', '${task.bare}', '${task.mixed}')`))
        .totalSize,
    ).toBe(0);
    // A child list under the shared plan, and an aggregate, see the same tasks.
    const plans = await ae.conn.query<{ Tasks: { totalSize: number } | null }>(
      'SELECT Name, (SELECT Id FROM Tasks) FROM Partner_Account_Plan__c',
    );
    expect(plans.records.map((p) => p.Tasks?.totalSize ?? 0)).toEqual([1]);
    const counts = await ae.conn.query<{ n: number }>('SELECT COUNT(Id) n FROM Task');
    expect(counts.records[0].n).toBe(4);
  });

  it('applies the same rule to a record read, SOSL, UI API and GraphQL', async () => {
    expect(await apiError(ae.conn.sobject('Task').retrieve(task.hidden))).toMatchObject({ errorCode: 'NOT_FOUND' });
    expect(await ae.conn.sobject('Task').retrieve(task.shared)).toMatchObject({ Id: task.shared });
    const found = await ae.conn.search('FIND {plan} IN ALL FIELDS RETURNING Task(Subject)');
    expect(found.searchRecords.map((r) => (r as Rec).Subject)).toEqual(['A on shared plan']);
    const ui = await rawRequest(ae.conn, 'GET', dataPath(`/ui-api/records/${task.hidden}?fields=Task.Subject`));
    expect(ui.status).toBe(404);
    const graphql = await rawRequest(ae.conn, 'POST', dataPath('/graphql'), {
      body: { query: '{ uiapi { query { Task(first: 20) { edges { node { Subject { value } } } } } } }' },
    });
    const edges = (graphql.body as { data: { uiapi: { query: { Task: { edges: { node: Rec }[] } } } } }).data.uiapi
      .query.Task.edges;
    expect(edges.map((e) => (e.node.Subject as Rec).value).sort()).toEqual([
      'A on shared plan',
      'C on account',
      'D on campaign',
      'G on contact',
    ]);
  });

  it('gives the owner and the roles above the owner every task, related records or not', async () => {
    const own = await create(
      'Task',
      { Subject: 'H mine on hidden plan', WhatId: hiddenPlan, Status: 'Deferred' },
      pm.conn,
    );
    // The PM's task is reassigned to the AE: they own it, but cannot see its plan.
    await pm.conn.sobject('Task').update({ Id: own, OwnerId: ae.id });
    const rows = await ae.conn.query<{ What: Rec | null; WhatId: string }>(
      `SELECT WhatId, What.Name, What.Type FROM Task WHERE Id = '${own}'`,
    );
    expect(rows.records).toHaveLength(1);
    expect(rows.records[0]).toMatchObject({ WhatId: hiddenPlan, What: null });
    // The VP is above the AE's role: they see the AE's task, not the PM's unrelated ones.
    expect(await visibleTasks(manager, ` WHERE Id = '${own}'`)).toEqual(['H mine on hidden plan']);
    expect(await visibleTasks(manager, ` WHERE Id = '${task.bare}'`)).toEqual([]);
    await ae.conn.sobject('Task').update({ Id: own, Status: 'Completed' });
  });
});

describe('editing activities', () => {
  it('lets a non-owner edit a task only where they may edit the related record', async () => {
    // The AE edits accounts (Read/Write) but only reads the campaign and the shared plan.
    await ae.conn.sobject('Task').update({ Id: task.account, Status: 'In Progress' });
    expect(await t.conn.sobject('Task').retrieve(task.account)).toMatchObject({ Status: 'In Progress' });
    for (const id of [task.campaign, task.shared]) {
      expect(await apiError(ae.conn.sobject('Task').update({ Id: id, Status: 'Completed' }))).toMatchObject(
        INSUFFICIENT_ACCESS,
      );
    }
    expect(await apiError(ae.conn.sobject('Task').update({ Id: task.hidden, Status: 'Completed' }))).toMatchObject({
      errorCode: 'NOT_FOUND',
    });
    expect(await t.conn.sobject('Task').retrieve(task.shared)).toMatchObject({ Status: 'Not Started' });
  });

  it('lets the plan owner edit the task on their plan that someone else owns', async () => {
    const foreign = await create('Task', { Subject: 'I by admin on hidden plan', WhatId: hiddenPlan });
    await pm.conn.sobject('Task').update({ Id: foreign, Priority: 'High' });
    expect(await t.conn.sobject('Task').retrieve(foreign)).toMatchObject({ Priority: 'High' });
  });
});
