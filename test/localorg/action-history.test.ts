/**
 * The history behind suggested action targets (c/planData history.ts) against the local org: the GraphQL
 * aggregate documents the component sends, answered and read into the counts the suggestions use, checked
 * against hand-counted records (window edges, other partners, actions without a partner, lost deals).
 */
import { startTestOrg, newUserFields, type TestOrg } from '../support/localorg';
import { gql } from '../support/ui-api';
import { mockGqlKeepingText } from '../support/component-documents';

interface HistoryModule {
  PARTNER_HISTORY_QUERY: { source: string };
  PROGRAM_HISTORY_QUERY: { source: string };
  ACTION_PLAN_SECTIONS_QUERY: { source: string };
  readActionHistory(
    partner: unknown,
    program: unknown,
    window: { since: string; until: string },
    tooMany: string,
  ): { kind: string; value?: unknown; message?: string };
}

/** history.ts with the platform modules it imports replaced: `gql` keeps the text, schema imports name fields. */
function historyModule(): HistoryModule {
  mockGqlKeepingText();
  jest.doMock('lightning/uiRecordApi', () => ({ createRecord: jest.fn() }), { virtual: true });
  jest.doMock(
    '@salesforce/label/c.Partner_Planning_Request_Failed',
    () => ({ __esModule: true, default: 'Request failed' }),
    { virtual: true },
  );
  jest.doMock('../../force-app/main/default/lwc/planData/records', () => ({ parseRecordError: jest.fn() }));
  for (const field of [
    'Plan_Section__c',
    'Metric__c',
    'Period_Type__c',
    'Period_Start__c',
    'Period_End__c',
    'Target_Value__c',
    'Accountable_AE__c',
    'Accountable_Partner_Manager__c',
  ])
    jest.doMock(
      `@salesforce/schema/Plan_Target__c.${field}`,
      () => ({ __esModule: true, default: { objectApiName: 'Plan_Target__c', fieldApiName: field } }),
      { virtual: true },
    );
  jest.doMock(
    '@salesforce/schema/Plan_Target__c',
    () => ({ __esModule: true, default: { objectApiName: 'Plan_Target__c' } }),
    { virtual: true },
  );
  return jest.requireActual<HistoryModule>('../../force-app/main/default/lwc/planData/history');
}

let t: TestOrg;
let ae: string;
let pm: string;
let p1: string;
let p2: string;
const WINDOW = { since: '2025-04-01', until: '2026-03-31' };

async function won(partner: string | null, owner: string, closeDate: string, amount: number, stage = 'Closed Won') {
  const customer = (await t.conn.sobject('Account').create({ Name: `Customer ${closeDate} ${amount}` })).id!;
  await t.conn.sobject('Opportunity').create({
    Name: `Deal ${closeDate} ${amount}`,
    AccountId: customer,
    Partner_Account__c: partner,
    OwnerId: owner,
    StageName: stage,
    CloseDate: closeDate,
    Amount: amount,
  });
}

async function action(type: string, actor: string, partner: string | null, date: string, quantity = 1) {
  await t.conn.sobject('APR_Action__c').create({
    Action_Type__c: type,
    Actor__c: actor,
    Partner_Account__c: partner,
    Action_Date__c: date,
    Quantity__c: quantity,
  });
}

beforeAll(async () => {
  t = await startTestOrg();
  ae = (await t.conn.identity()).user_id;
  pm = (await t.conn.sobject('User').create(await newUserFields(t.conn, { LastName: 'Manager' }))).id!;
  p1 = (await t.conn.sobject('Account').create({ Name: 'Partner One', Partner_Type__c: 'Reseller' })).id!;
  p2 = (await t.conn.sobject('Account').create({ Name: 'Partner Two', Partner_Type__c: 'Referral' })).id!;
  // In the window: P1 won 2 deals of the AE ($100,000 + $50,000, on the window's first and last day), P2 one.
  await won(p1, ae, '2025-04-01', 100000);
  await won(p1, ae, '2026-03-31', 50000);
  await won(p2, ae, '2025-09-15', 70000);
  // Not counted: before the window, after it, lost, and won without a partner (not the program's).
  await won(p1, ae, '2025-03-31', 999);
  await won(p1, ae, '2026-04-01', 999);
  await won(p1, ae, '2025-06-01', 999, 'Closed Lost');
  await won(null, ae, '2025-06-01', 999);
  // Actions: on P1 the AE 2 joint calls (quantities 1 + 3 = 4), the manager 1 demo; on P2 one demo.
  await action('Joint Call', ae, p1, '2025-04-01');
  await action('Joint Call', ae, p1, '2026-03-31', 3);
  await action('Demo', pm, p1, '2025-10-10');
  await action('Demo', ae, p2, '2025-10-10', 2);
  // Not counted: outside the window, or on no partner.
  await action('Joint Call', ae, p1, '2025-03-31', 5);
  await action('Joint Call', ae, p1, '2026-04-01', 5);
  await action('Demo', ae, null, '2025-10-10', 5);
});
afterAll(() => t.close());

describe('the action history documents', () => {
  it('count actions by type, actor and partner and won deals by partner and owner in the window', async () => {
    const { PARTNER_HISTORY_QUERY, PROGRAM_HISTORY_QUERY, readActionHistory } = historyModule();
    const partner = await gql(t.conn, PARTNER_HISTORY_QUERY.source, { partnerIds: [p1], ...WINDOW });
    const program = await gql(t.conn, PROGRAM_HISTORY_QUERY.source, WINDOW);
    expect(partner.errors).toBeUndefined();
    expect(program.errors).toBeUndefined();
    const history = readActionHistory(partner, program, WINDOW, 'too many') as {
      kind: 'ready';
      value: {
        actions: { actionType: string; actorId: string; partnerId: string; quantity: number }[];
        wonDeals: object[];
        programActions: { actionType: string; quantity: number }[];
        programWonDeals: object;
      };
    };
    expect(history.kind).toBe('ready');
    const byType = (a: { actionType: string }, b: { actionType: string }) => a.actionType.localeCompare(b.actionType);
    expect(history.value.actions.sort(byType)).toEqual([
      { actionType: 'Demo', actorId: pm, partnerId: p1, quantity: 1 },
      { actionType: 'Joint Call', actorId: ae, partnerId: p1, quantity: 4 },
    ]);
    expect(history.value.wonDeals).toEqual([{ partnerId: p1, ownerId: ae, deals: 2, revenue: 150000 }]);
    expect(history.value.programActions.sort(byType)).toEqual([
      { actionType: 'Demo', quantity: 3 },
      { actionType: 'Joint Call', quantity: 4 },
    ]);
    expect(history.value.programWonDeals).toEqual({ deals: 3, revenue: 220000 });
  });

  it('finds the plans’ Action Plan sections', async () => {
    const { ACTION_PLAN_SECTIONS_QUERY } = historyModule();
    const plan = (
      await t.conn.sobject('Partner_Account_Plan__c').create({
        Name: 'P1 FY2026',
        Partner_Account__c: p1,
        Period_Start__c: '2026-01-01',
        Period_End__c: '2026-12-31',
      })
    ).id!;
    const sections = await t.conn.sobject('Plan_Section__c').create([
      { Partner_Account_Plan__c: plan, Name: 'Sales', Section_Type__c: 'Sales Objectives', Sort_Order__c: 1 },
      { Partner_Account_Plan__c: plan, Name: 'Actions', Section_Type__c: 'Action Plan', Sort_Order__c: 2 },
    ]);
    const answer = await gql(t.conn, ACTION_PLAN_SECTIONS_QUERY.source, { planIds: [plan] });
    expect(answer.errors).toBeUndefined();
    const data = answer.data as { uiapi: { query: { Plan_Section__c: { edges: { node: { Id: string } }[] } } } };
    expect(data.uiapi.query.Plan_Section__c.edges.map((e) => e.node.Id)).toEqual([sections[1].id]);
  });
});
