import ActionSuggestions from 'c/actionSuggestions';
import {
  ACTION_PLAN_SECTIONS_QUERY,
  METRIC_CATALOG_QUERY,
  PARTNER_HISTORY_QUERY,
  PROGRAM_HISTORY_QUERY,
  type PartnerHistoryData,
  type PlanHeader,
  type PlanTarget,
  type ProgramHistoryData,
} from 'c/planData';
import {
  buttonByLabel,
  click,
  errorMessages,
  findAll,
  flushPromises,
  mount,
  prop,
  settle,
  textOf,
} from '@lwc-test/render';
import {
  captureToasts,
  createPayloads,
  createRecord,
  emitGraphQL,
  emitGraphQLErrors,
  emitObjectInfo,
  graphQLVariables,
  recordError,
} from '@lwc-test/platform';
import { catalogData, type MetricSpec } from '@lwc-test/fixtures';
import { domainTarget } from '@lwc-test/domain';
import { freezeTime } from '@lwc-test/time';

const P1 = '001000000000001AAA';
const AE = '005000000000001AAA';
const PM = '005000000000002AAA';
const ACTION_SECTION = 'a02000000000009AAA';

const CATALOG: MetricSpec[] = [
  {
    name: 'Closed_Won_Deals',
    label: 'Closed Won Deals',
    category: 'Sales',
    sortOrder: 20,
    sourceObject: 'Opportunity',
    filter: 'IsWon = true',
  },
  { name: 'Joint_Calls', label: 'Joint Calls', sortOrder: 110, filter: "Action_Type__c = 'Joint Call'" },
  { name: 'Demos', label: 'Demos', sortOrder: 130, filter: "Action_Type__c = 'Demo'" },
];

/** 10 won deals targeted in FY2026 Q2 by Avery (AE) and Jordan (partner manager) on Northwind's draft plan. */
const DEALS_TARGET: PlanTarget = domainTarget({
  id: 'a03000000000001AAA',
  planStatus: 'Draft',
  metric: 'Closed_Won_Deals',
  targetValue: 10,
  sectionId: 'a02000000000001AAA',
  aeId: AE,
  aeName: 'Avery Stone',
  partnerManagerId: PM,
  partnerManagerName: 'Jordan Lee',
  partnerAccountId: P1,
});

const value = <T>(v: T) => ({ value: v });

/** The pair won `pairDeals` deals on P1 (12 joint calls, 6 demos of theirs); another AE won 2. */
function partnerHistory(pairDeals: number): PartnerHistoryData {
  const action = (type: string, actor: string, quantity: number) => ({
    node: {
      aggregate: {
        Action_Type__c: value(type),
        Actor__c: value(actor),
        Partner_Account__c: value(P1),
        Quantity__c: { sum: value(quantity) },
      },
    },
  });
  const deals = (owner: string, count: number, amount: number) => ({
    node: {
      aggregate: {
        Partner_Account__c: value(P1),
        OwnerId: value(owner),
        Id: { count: value(count) },
        Amount: { sum: value(amount) },
      },
    },
  });
  return {
    uiapi: {
      aggregate: {
        APR_Action__c: {
          edges: [action('Joint Call', AE, 8), action('Joint Call', PM, 4), action('Demo', PM, 6)],
          pageInfo: { hasNextPage: false, endCursor: null },
        },
        Opportunity: {
          edges: [deals(AE, pairDeals, 400000), deals('005000000000003AAA', 2, 100000)],
          pageInfo: { hasNextPage: false, endCursor: null },
        },
      },
    },
  };
}

function programHistory(deals: number): ProgramHistoryData {
  return {
    uiapi: {
      aggregate: {
        APR_Action__c: {
          edges: [{ node: { aggregate: { Action_Type__c: value('Joint Call'), Quantity__c: { sum: value(50) } } } }],
        },
        Opportunity: {
          edges: [{ node: { aggregate: { Id: { count: value(deals) }, Amount: { sum: value(deals * 100000) } } } }],
        },
      },
    },
  };
}

async function render(options: { targets?: PlanTarget[]; plan?: PlanHeader; canCreate?: boolean } = {}) {
  freezeTime('2026-05-10T18:00:00Z');
  const host = mount<HTMLElement & { plan: PlanHeader | null }>('c-action-suggestions', ActionSuggestions, {
    targets: options.targets ?? [DEALS_TARGET],
    plan: options.plan ?? null,
  });
  const toasts = captureToasts(host);
  const created: string[] = [];
  host.addEventListener('targetcreated', (e) => created.push((e as CustomEvent<{ targetId: string }>).detail.targetId));
  await flushPromises();
  emitObjectInfo('Plan_Target__c', { editable: options.canCreate ?? true });
  emitGraphQL(METRIC_CATALOG_QUERY, catalogData(CATALOG));
  await flushPromises();
  return { host, toasts, created };
}

async function emitHistory(pairDeals = 4, programDeals = 20): Promise<void> {
  emitGraphQL(PARTNER_HISTORY_QUERY, partnerHistory(pairDeals));
  emitGraphQL(PROGRAM_HISTORY_QUERY, programHistory(programDeals));
  emitGraphQL(ACTION_PLAN_SECTIONS_QUERY, {
    uiapi: {
      query: {
        Plan_Section__c: { edges: [{ node: { Id: ACTION_SECTION, Partner_Account_Plan__c: value('P26') } }] },
      },
    },
  });
  await settle();
}

const texts = (host: HTMLElement, id: string): string[] => findAll(host, `[data-id="${id}"]`).map((e) => textOf(e));

describe('c-action-suggestions', () => {
  it('asks for the 4 quarters before the period and suggests actions per won deal of the pair', async () => {
    const { host } = await render();
    expect(graphQLVariables(PARTNER_HISTORY_QUERY)).toEqual({
      partnerIds: [P1],
      since: '2025-04-01',
      until: '2026-03-31',
    });
    expect(graphQLVariables(PROGRAM_HISTORY_QUERY)).toEqual({ since: '2025-04-01', until: '2026-03-31' });
    expect(graphQLVariables(ACTION_PLAN_SECTIONS_QUERY)).toEqual({ planIds: ['P26'] });
    expect(findAll(host, '[data-id="loading"]')).toHaveLength(1);
    await emitHistory();
    expect(texts(host, 'suggestion-title')).toEqual(['30 Joint Calls', '15 Demos']);
    expect(texts(host, 'suggestion-why')).toEqual([
      '3 Joint Calls per won deal over the last 4 quarters (this pair: 4 won deals)',
      '1.5 Demos per won deal over the last 4 quarters (this pair: 4 won deals)',
    ]);
    expect(texts(host, 'suggestion-context')[0]).toBe(
      'To reach 10 Closed Won Deals in FY2026 Q2 (Avery Stone and Jordan Lee)',
    );
    expect(findAll(host, '[data-id="suggestion-fallback"]')).toHaveLength(0);
  });

  it('says when the rates come from the partner because the pair won too few deals', async () => {
    const { host } = await render();
    await emitHistory(1);
    // Partner: 3 won deals (1 + 2), the same 12 joint calls and 6 demos: 4 and 2 a deal.
    expect(texts(host, 'suggestion-title')).toEqual(['40 Joint Calls', '20 Demos']);
    expect(texts(host, 'suggestion-why')[0]).toBe(
      '4 Joint Calls per won deal over the last 4 quarters (this partner: 3 won deals)',
    );
    expect(texts(host, 'suggestion-fallback')[0]).toBe(
      'This pair won 1 of the 3 deals its own rate needs in that time, so the rate is that of a wider history.',
    );
  });

  it('gives the reason when no deal was won in the program', async () => {
    const { host } = await render();
    emitGraphQL(PARTNER_HISTORY_QUERY, {
      uiapi: { aggregate: { APR_Action__c: { edges: [] }, Opportunity: { edges: [] } } },
    });
    emitGraphQL(PROGRAM_HISTORY_QUERY, programHistory(0));
    await settle();
    expect(findAll(host, '[data-id="suggestion"]')).toHaveLength(0);
    expect(texts(host, 'reason')).toEqual([
      'No suggestion for Closed Won Deals: no deal was won in the whole program over the last 4 quarters, so there is no rate to go by.',
    ]);
  });

  it('shows nothing, without asking for history, when no result target of a pair is current', async () => {
    const closed = { ...DEALS_TARGET, periodStart: '2026-01-01', periodEnd: '2026-03-31' };
    const { host } = await render({ targets: [closed] });
    expect(graphQLVariables(PARTNER_HISTORY_QUERY)).toBeUndefined();
    expect(findAll(host, '[data-id="title"]')).toHaveLength(0);
  });

  it('says there is nothing new when the pair already has targets for every suggested action', async () => {
    const calls = { ...DEALS_TARGET, id: 'a03000000000002AAA', metric: 'Joint_Calls', targetValue: 25 };
    const demos = { ...DEALS_TARGET, id: 'a03000000000003AAA', metric: 'Demos', targetValue: 12 };
    const { host } = await render({ targets: [DEALS_TARGET, calls, demos] });
    await emitHistory();
    expect(findAll(host, '[data-id="suggestion"]')).toHaveLength(0);
    expect(texts(host, 'empty')).toEqual([
      'No new suggestions: the pairs already have targets for the actions that preceded such results.',
    ]);
  });

  it('shows a failed history query, and a history too large to count', async () => {
    const { host } = await render();
    emitGraphQLErrors(PARTNER_HISTORY_QUERY, ['Aggregate query timed out']);
    emitGraphQL(PROGRAM_HISTORY_QUERY, programHistory(20));
    await settle();
    expect(textOf(findAll(host, '[data-id="load-error"]')[0])).toContain('Aggregate query timed out');
    const cutOff = partnerHistory(4);
    cutOff.uiapi.aggregate.APR_Action__c.pageInfo = { hasNextPage: true, endCursor: null };
    emitGraphQL(PARTNER_HISTORY_QUERY, cutOff);
    await settle();
    expect(textOf(findAll(host, '[data-id="load-error"]')[0])).toContain('too large to count');
    expect(findAll(host, '[data-id="suggestion"]')).toHaveLength(0);
  });

  it('shows the first five suggestions, and all of them on request', async () => {
    const types = ['Joint Call', 'Demo', 'Proposal', 'Customer Meeting', 'QBR', 'Coaching Session', 'Trade Show'];
    const metricOf = (type: string): MetricSpec => ({
      name: type.replace(/ /g, '_'),
      label: `${type}s`,
      sortOrder: 100,
      filter: `Action_Type__c = '${type}'`,
    });
    freezeTime('2026-05-10T18:00:00Z');
    const host = mount('c-action-suggestions', ActionSuggestions, { targets: [DEALS_TARGET], plan: null });
    await flushPromises();
    emitObjectInfo('Plan_Target__c', { editable: true });
    emitGraphQL(METRIC_CATALOG_QUERY, catalogData([CATALOG[0], ...types.map(metricOf)]));
    await flushPromises();
    const history = partnerHistory(4);
    history.uiapi.aggregate.APR_Action__c.edges = types.map((type, i) => ({
      node: {
        aggregate: {
          Action_Type__c: value(type),
          Actor__c: value(AE),
          Partner_Account__c: value(P1),
          Quantity__c: { sum: value(4 * (i + 1)) },
        },
      },
    }));
    emitGraphQL(PARTNER_HISTORY_QUERY, history);
    emitGraphQL(PROGRAM_HISTORY_QUERY, programHistory(20));
    await settle();
    // The largest first: 7 trade shows a deal (28 over 4 deals) give 70 for 10 deals.
    expect(texts(host, 'suggestion-title')).toEqual([
      '70 Trade Shows',
      '60 Coaching Sessions',
      '50 QBRs',
      '40 Customer Meetings',
      '30 Proposals',
    ]);
    const more = findAll(host, '[data-id="show-all-suggestions"]')[0];
    expect(prop(more, 'label')).toBe('Show all 7 suggestions');
    expect(more.getAttribute('aria-expanded')).toBe('false');
    await click(more);
    expect(findAll(host, '[data-id="suggestion"]')).toHaveLength(7);
    expect(prop(findAll(host, '[data-id="show-all-suggestions"]')[0], 'label')).toBe('Show fewer');
    await click(findAll(host, '[data-id="show-all-suggestions"]')[0]);
    expect(findAll(host, '[data-id="suggestion"]')).toHaveLength(5);
  });

  it('accepts a suggestion into an action target in the Action Plan section, then hides it', async () => {
    const { host, toasts, created } = await render();
    await emitHistory();
    await click(findAll(host, '[data-id="accept-suggestion"]')[0]);
    await settle();
    expect(createPayloads()).toEqual([
      {
        apiName: 'Plan_Target__c',
        fields: {
          Plan_Section__c: ACTION_SECTION,
          Metric__c: 'Joint_Calls',
          Period_Start__c: '2026-04-01',
          Period_End__c: '2026-06-30',
          Target_Value__c: 30,
          Accountable_AE__c: AE,
          Accountable_Partner_Manager__c: PM,
          Period_Type__c: 'Quarter',
        },
      },
    ]);
    expect(toasts).toEqual([
      expect.objectContaining({
        variant: 'success',
        title: 'Action target created',
        message: '30 Joint Calls added to the plan.',
      }),
    ]);
    expect(created).toHaveLength(1);
    expect(texts(host, 'suggestion-title')).toEqual(['15 Demos']);
  });

  it('waits for the sections before Accept, and uses the result’s section when the plan has no Action Plan section', async () => {
    const { host } = await render();
    emitGraphQL(PARTNER_HISTORY_QUERY, partnerHistory(4));
    emitGraphQL(PROGRAM_HISTORY_QUERY, programHistory(20));
    await settle();
    expect(findAll(host, '[data-id="accept-suggestion"]').map((b) => prop(b, 'disabled'))).toEqual([true, true]);
    emitGraphQL(ACTION_PLAN_SECTIONS_QUERY, { uiapi: { query: { Plan_Section__c: { edges: [] } } } });
    await settle();
    expect(findAll(host, '[data-id="accept-suggestion"]').map((b) => prop(b, 'disabled'))).toEqual([false, false]);
    await click(findAll(host, '[data-id="accept-suggestion"]')[1]);
    await settle();
    expect(createPayloads()[0].fields).toMatchObject({ Plan_Section__c: DEALS_TARGET.sectionId, Metric__c: 'Demos' });
  });

  it('keeps a suggestion whose target the server refuses, with its field errors', async () => {
    const { host, toasts, created } = await render();
    await emitHistory();
    createRecord.mockRejectedValueOnce(
      recordError({ fieldErrors: { Target_Value__c: 'Targets cannot be added to an accepted plan.' } }),
    );
    await click(findAll(host, '[data-id="accept-suggestion"]')[1]);
    await settle();
    expect(errorMessages(host, '[data-id="accept-errors"]')).toEqual(['Targets cannot be added to an accepted plan.']);
    expect(texts(host, 'suggestion-title')).toEqual(['30 Joint Calls', '15 Demos']);
    expect(toasts).toEqual([]);
    expect(created).toEqual([]);
  });

  it('offers no Accept to people who may not create targets; Dismiss hides a suggestion', async () => {
    const { host } = await render({ canCreate: false });
    await emitHistory();
    expect(findAll(host, '[data-id="accept-suggestion"]')).toHaveLength(0);
    await click(findAll(host, '[data-id="dismiss-suggestion"]')[0]);
    expect(texts(host, 'suggestion-title')).toEqual(['15 Demos']);
    expect(buttonByLabel(host, 'Dismiss')).toBeTruthy();
  });

  it('completes the plan editor’s targets (no plan on them) from its plan, and offers no Accept on an accepted plan', async () => {
    const bare = { ...DEALS_TARGET, planId: null, planStatus: null, partnerAccountId: null, planFiscalYear: null };
    const plan: PlanHeader = {
      id: 'P26',
      name: 'Northwind FY2026',
      partnerAccountId: P1,
      partnerName: 'Northwind',
      status: 'Active',
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      fiscalYear: 'FY2026',
      version: 1,
      overallAttainment: null,
      acceptedById: null,
      acceptedByName: null,
      acceptedOn: null,
    };
    const { host } = await render({ targets: [bare], plan });
    expect(graphQLVariables(PARTNER_HISTORY_QUERY)).toMatchObject({ partnerIds: [P1] });
    expect(graphQLVariables(ACTION_PLAN_SECTIONS_QUERY)).toEqual({ planIds: ['P26'] });
    await emitHistory();
    expect(texts(host, 'suggestion-title')).toEqual(['30 Joint Calls', '15 Demos']);
    expect(texts(host, 'suggestion-context')[0]).toContain('in FY2026 Q2');
    expect(findAll(host, '[data-id="accept-suggestion"]')).toHaveLength(0);
    expect(texts(host, 'plan-locked')[0]).toBe(
      'An accepted plan takes no new targets: revise the plan to add this action target.',
    );
    host.plan = { ...plan, status: 'In Revision' };
    await flushPromises();
    expect(findAll(host, '[data-id="accept-suggestion"]')).toHaveLength(2);
    expect(findAll(host, '[data-id="plan-locked"]')).toHaveLength(0);
  });

  it('is accessible with suggestions shown', async () => {
    const { host } = await render();
    await emitHistory(1);
    await expect(host).toBeAccessible();
  });
});
