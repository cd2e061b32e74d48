/**
 * Quick actions through jsforce (`conn.quickActions()`, `sobject.quickActions()`, `quickAction(name)
 * .describe() / defaultValues() / execute()`) and raw HTTP: the standard global actions, the package's
 * Lightning web component action on Opportunity (described, never run through the API), and, on a fixture
 * project, create and update actions whose predefined values are literals and formulas over the context record.
 */
import { join } from 'node:path';
import { dataPath, rawRequest, startTestOrg, type TestOrg } from '../support/localorg';

const FIXTURE = join(__dirname, '..', 'fixtures', 'quick-actions-app');
const TODAY = '2026-05-14';

interface ListedAction {
  name: string;
  label: string;
  type: string;
  urls: Record<string, string>;
}
interface DescribedAction extends ListedAction {
  targetSobjectType: string | null;
  targetParentField: string | null;
  contextSobjectType: string | null;
  lightningWebComponentQualifiedName: string | null;
  layout: { layoutRows: { layoutItems: { layoutComponents: { value?: string }[] }[] }[] } | null;
}

const layoutFields = (action: DescribedAction): string[] =>
  (action.layout?.layoutRows ?? []).flatMap((r) =>
    r.layoutItems.flatMap((i) => i.layoutComponents.map((c) => c.value ?? '')),
  );

describe("the package's org", () => {
  let t: TestOrg;
  let accountId: string;
  beforeAll(async () => {
    t = await startTestOrg();
    const account = await t.conn.sobject('Account').create({ Name: 'Quick Action Partner' });
    accountId = account.id ?? '';
  });
  afterAll(() => t.close());

  it('lists the standard global actions, each with its type, name, label and urls', async () => {
    const actions = (await t.conn.quickActions()) as unknown as ListedAction[];
    const names = actions.map((a) => a.name);
    expect(names).toEqual(expect.arrayContaining(['LogACall', 'NewTask', 'NewEvent', 'NewContact', 'NewOpportunity']));
    // Object-specific actions are not global.
    expect(names).not.toContain('Opportunity.Log_APR_Action');
    const logACall = actions.find((a) => a.name === 'LogACall');
    expect(logACall).toMatchObject({ type: 'LogACall', label: 'Log a Call' });
    expect(logACall?.urls.describe).toBe(dataPath('/quickActions/LogACall/describe'));
  });

  it('is named in the resources list, with compact layouts', async () => {
    const resources = (await rawRequest(t.conn, 'GET', dataPath('/'))).body;
    expect(resources).toMatchObject({
      quickActions: dataPath('/quickActions'),
      compactLayouts: dataPath('/compactLayouts'),
    });
  });

  it("lists an object's own actions, then the global ones", async () => {
    const actions = (await t.conn.sobject('Opportunity').quickActions()) as ListedAction[];
    expect(actions[0]).toMatchObject({ name: 'Opportunity.Log_APR_Action', type: 'LightningWebComponent' });
    expect(actions[0].urls.describe).toBe(
      dataPath('/sobjects/Opportunity/quickActions/Opportunity.Log_APR_Action/describe'),
    );
    expect(actions.map((a) => a.name)).toContain('LogACall');
    const account = (await t.conn.sobject('Account').quickActions()) as ListedAction[];
    expect(account.map((a) => a.name)).not.toContain('Opportunity.Log_APR_Action');
  });

  it('describes Log a Call: a Task form with its layout', async () => {
    const action = (await t.conn.quickAction('LogACall').describe()) as unknown as DescribedAction;
    expect(action).toMatchObject({ name: 'LogACall', type: 'LogACall', targetSobjectType: 'Task' });
    expect(layoutFields(action)).toEqual(['Subject', 'Description', 'WhoId', 'WhatId']);
    // GET of the action itself describes it too.
    expect(await t.conn.request(dataPath('/quickActions/LogACall'))).toEqual(action);
  });

  it('gives default values, with the context record as the parent', async () => {
    const action = t.conn.quickAction('LogACall');
    const blank = await action.defaultValues();
    expect(blank).toMatchObject({ Subject: null, Description: null, WhoId: null, WhatId: null, Status: 'Completed' });
    expect(await action.defaultValues(accountId)).toMatchObject({ WhatId: accountId, WhoId: null });
    const contact = await t.conn.sobject('Contact').create({ LastName: 'Caller', AccountId: accountId });
    expect(await action.defaultValues(contact.id)).toMatchObject({ WhoId: contact.id, WhatId: null });
    const missing = await rawRequest(
      t.conn,
      'GET',
      dataPath('/quickActions/LogACall/defaultValues/001000000000000AAA'),
    );
    expect(missing).toMatchObject({ status: 404, body: [{ errorCode: 'NOT_FOUND' }] });
  });

  it('logs a call on a record: the task is created with the defaults and the context as its parent', async () => {
    const result = await t.conn
      .quickAction('LogACall')
      .execute(accountId, { Subject: 'Quarterly call', Description: 'Discussed the plan' });
    expect(result).toMatchObject({ success: true, created: true, contextId: accountId, feedItemIds: [] });
    expect(result.id).toMatch(/^00T/);
    const task = await t.conn.sobject('Task').retrieve(result.id);
    expect(task).toMatchObject({ Subject: 'Quarterly call', WhatId: accountId, Status: 'Completed' });
  });

  it("describes the package's Log APR Action as a Lightning web component action that only the UI runs", async () => {
    const action = (await t.conn
      .sobject('Opportunity')
      .quickAction('Opportunity.Log_APR_Action')
      .describe()) as unknown as DescribedAction;
    expect(action).toMatchObject({
      label: 'Log APR Action',
      type: 'LightningWebComponent',
      contextSobjectType: 'Opportunity',
      targetSobjectType: null,
      lightningWebComponentQualifiedName: 'c:aprActionLogger',
      layout: null,
    });
    const opportunity = await t.conn
      .sobject('Opportunity')
      .create({ Name: 'APR deal', StageName: 'Prospecting', CloseDate: TODAY, AccountId: accountId });
    const run = await rawRequest(t.conn, 'POST', dataPath('/sobjects/Opportunity/quickActions/Log_APR_Action'), {
      body: { contextId: opportunity.id, record: {} },
    });
    expect(run).toMatchObject({ status: 400, body: [{ errorCode: 'INVALID_TYPE' }] });
  });

  it('answers 404 for an action that does not exist, and for another object’s action', async () => {
    for (const path of ['/quickActions/Nope', '/sobjects/Account/quickActions/Opportunity.Log_APR_Action/describe']) {
      const res = await rawRequest(t.conn, 'GET', dataPath(path));
      expect({ path, status: res.status, body: res.body }).toMatchObject({
        path,
        status: 404,
        body: [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }],
      });
    }
  });
});

describe('create and update actions of a project', () => {
  let t: TestOrg;
  let accountId: string;
  beforeAll(async () => {
    t = await startTestOrg({ forceAppRoot: FIXTURE, now: () => new Date(`${TODAY}T10:00:00Z`) });
    const account = await t.conn.sobject('Account').create({ Name: 'Fixture Partner', Phone: '+1 555 0100' });
    accountId = account.id ?? '';
  });
  afterAll(() => t.close());

  it('evaluates literal and formula predefined values over the context record', async () => {
    const action = t.conn.sobject('Account').quickAction('Account.New_Partner_Contact');
    const described = (await action.describe()) as unknown as DescribedAction;
    expect(described).toMatchObject({ targetSobjectType: 'Contact', targetParentField: 'AccountId' });
    // Left to right: the first column's fields alternate with the second's.
    expect(layoutFields(described)).toEqual(['FirstName', 'Title', 'LastName', 'Phone']);
    expect(await action.defaultValues(accountId)).toEqual({
      attributes: { type: 'Contact' },
      FirstName: null,
      LastName: null,
      Title: 'Partner Contact',
      Phone: '+1 555 0100',
      AccountId: accountId,
    });
  });

  it('creates the target record with the predefined values, the given fields winning', async () => {
    const result = await t.conn
      .sobject('Account')
      .quickAction('New_Partner_Contact')
      .execute(accountId, { LastName: 'Rivera', Title: 'Alliance Lead' });
    expect(result).toMatchObject({ success: true, created: true, contextId: accountId });
    const contact = await t.conn.sobject('Contact').retrieve(result.id);
    expect(contact).toMatchObject({
      LastName: 'Rivera',
      Title: 'Alliance Lead',
      Phone: '+1 555 0100',
      AccountId: accountId,
    });
  });

  it('updates the context record with an update action', async () => {
    const created = await t.conn
      .sobject('Opportunity')
      .create({ Name: 'Fixture deal', StageName: 'Prospecting', CloseDate: '2026-09-30', AccountId: accountId });
    const opportunityId = created.id ?? '';
    const action = t.conn.sobject('Opportunity').quickAction('Mark_Won');
    expect(await action.defaultValues(opportunityId)).toMatchObject({
      NextStep: null,
      StageName: 'Closed Won',
      CloseDate: TODAY,
    });
    const result = await action.execute(opportunityId, { NextStep: 'Kickoff' });
    expect(result).toMatchObject({ success: true, created: false, id: opportunityId });
    const updated = await t.conn.sobject('Opportunity').retrieve(opportunityId);
    expect(updated).toMatchObject({ StageName: 'Closed Won', CloseDate: TODAY, NextStep: 'Kickoff', IsWon: true });
    const noContext = await rawRequest(t.conn, 'POST', dataPath('/sobjects/Opportunity/quickActions/Mark_Won'), {
      body: { record: {} },
    });
    expect(noContext.status).toBe(400);
  });
});
