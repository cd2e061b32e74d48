/**
 * The coaching view's test data (three pairs, their targets, actions, deals and notes) and how to render it.
 * The view is made of children (c-coaching-targets, -activity, -stale, -notes): queries see through them.
 */
import CoachingView from 'c/coachingView';
import {
  ACTIONS_SINCE_QUERY,
  COACHING_NOTES_QUERY,
  METRIC_CATALOG_QUERY,
  PAIRS_QUERY,
  PAIR_TARGETS_CURRENCY_QUERY,
  PAIR_TARGETS_QUERY,
  STALE_DEALS_QUERY,
} from 'c/planData';
import { flushPromises, mount, textOf } from '@lwc-test/render';
import { find, findAll } from '@lwc-test/deep';
import { captureToasts, emitGraphQL, emitObjectInfo, emitPageReference } from '@lwc-test/platform';
import {
  CATALOG,
  PARTNER,
  CUSTOMER,
  CUSTOMER_2,
  MARKETING_SPEND,
  USERS,
  actionId,
  actionNode,
  catalogData,
  id,
  opportunityNode,
  targetId,
  targetWithPlanNode,
  uiapi,
  type ActionSpec,
  type DealSpec,
  type TargetSpec,
} from '@lwc-test/fixtures';

export const FY26 = id('a01', 26);
export const OTHER_PLAN = id('a01', 40);
export const PARTNER_2 = { id: id('001', 9), name: 'Contoso Systems Integration' };
export const WON_1 = id('006', 21);
export const WON_2 = id('006', 22);

export const ME = USERS.me.id;
export const q2 = { planId: FY26, periodStart: '2026-04-01', periodEnd: '2026-06-30' };
export const pairA = { aeId: USERS.ae.id, aeName: USERS.ae.name, pmId: ME, pmName: USERS.me.name };
export const T_REVENUE = targetId(1);
export const T_CALLS = targetId(2);
export const T_DEMOS = targetId(3);
export const T_COACHING = targetId(5);

/** Pair A (Avery as AE, me as partner manager) on FY26; pair B (me as AE) elsewhere; pair C on FY26. */
export const TARGETS: TargetSpec[] = [
  {
    id: T_REVENUE,
    metric: 'Closed_Won_Revenue',
    targetValue: 200000,
    actualValue: 90000,
    attainment: 45,
    expectedToDate: 100000,
    paceStatus: 'On Track',
    targetAccountId: CUSTOMER.id,
    targetAccountName: CUSTOMER.name,
    ...pairA,
    ...q2,
  },
  {
    id: T_CALLS,
    metric: 'Joint_Calls',
    targetValue: 30,
    actualValue: 12,
    attainment: 40,
    expectedToDate: 20,
    paceStatus: 'Behind',
    targetAccountId: CUSTOMER_2.id,
    targetAccountName: CUSTOMER_2.name,
    ...pairA,
    ...q2,
  },
  {
    id: T_DEMOS,
    metric: 'Demos',
    targetValue: 10,
    actualValue: 6,
    attainment: 60,
    expectedToDate: 5,
    paceStatus: 'Ahead',
    ...pairA,
    ...q2,
  },
  {
    id: T_COACHING,
    metric: 'Coaching_Sessions',
    targetValue: 6,
    actualValue: null,
    attainment: null,
    expectedToDate: null,
    paceStatus: null,
    ...pairA,
    ...q2,
  },
  { id: targetId(4), metric: 'Demos', planId: FY26, periodStart: '2026-01-01', periodEnd: '2026-03-31', ...pairA },
  {
    id: targetId(6),
    metric: 'Joint_Calls',
    aeId: ME,
    aeName: USERS.me.name,
    pmId: USERS.pm2.id,
    pmName: USERS.pm2.name,
    planId: OTHER_PLAN,
    planName: 'Contoso SI FY2026',
    partnerId: PARTNER_2.id,
    partnerName: PARTNER_2.name,
    periodStart: '2026-04-01',
    periodEnd: '2026-06-30',
    targetValue: 12,
    actualValue: 3,
    attainment: 25,
    expectedToDate: 6,
    paceStatus: 'Behind',
  },
  {
    id: targetId(7),
    metric: 'Demos',
    aeId: USERS.ae2.id,
    aeName: USERS.ae2.name,
    pmId: USERS.pm2.id,
    pmName: USERS.pm2.name,
    ...q2,
  },
];

export const ae = { actorId: USERS.ae.id, actorName: USERS.ae.name };
export const pm = { actorId: ME, actorName: USERS.me.name };
export const ACTIONS: ActionSpec[] = [
  { id: actionId(1), actionType: 'Demo', actionDate: '2026-05-19', ...ae },
  { id: actionId(2), actionType: 'Joint Call', actionDate: '2026-05-18', quantity: 2, ...ae },
  {
    id: actionId(3),
    actionType: 'Proposal',
    actionDate: '2026-05-12',
    opportunityId: WON_1,
    opportunityWon: true,
    ...ae,
  },
  {
    id: actionId(4),
    actionType: 'Joint Call',
    actionDate: '2026-03-03',
    opportunityId: WON_1,
    opportunityWon: true,
    ...ae,
  },
  {
    id: actionId(5),
    actionType: 'Joint Call',
    actionDate: '2026-05-13',
    opportunityId: WON_2,
    opportunityWon: true,
    ...pm,
  },
  {
    id: actionId(6),
    actionType: 'Email Campaign',
    actionDate: '2026-04-20',
    quantity: 3,
    opportunityAccountId: CUSTOMER_2.id,
    ...pm,
  },
  { id: actionId(7), actionType: 'Coaching Session', actionDate: '2026-05-14', opportunityId: null, ...pm },
  { id: actionId(8), actionType: 'Demo', actionDate: '2026-05-15', actorId: USERS.ae2.id, actorName: USERS.ae2.name },
];

export const DEALS: DealSpec[] = [
  {
    id: id('006', 31),
    name: 'Fabrikam data platform',
    stage: 'Needs Analysis',
    lastAprActionDate: null,
    accountName: CUSTOMER_2.name,
  },
  {
    id: id('006', 32),
    name: 'Contoso kiosks',
    stage: 'Proposal/Price Quote',
    lastAprActionDate: '2026-04-01',
    accountName: CUSTOMER.name,
  },
];

export const NOTES: ActionSpec[] = [
  {
    id: actionId(20),
    actionType: 'Coaching Session',
    actionDate: '2026-05-14',
    opportunityId: null,
    notes: 'Prepare the Contoso QBR together.',
    nextStep: 'Draft the QBR deck by Friday',
    ...pm,
  },
  {
    id: actionId(21),
    actionType: 'Coaching Session',
    actionDate: '2026-04-30',
    opportunityId: null,
    notes: 'More joint calls on Fabrikam.',
    actorId: USERS.pm2.id,
    actorName: USERS.pm2.name,
  },
];

/** The nodes of `PAIRS_QUERY` for targets: those naming both people, on plans that are not closed. */
export function pairNodes(targets: TargetSpec[]) {
  const name = (value: string | null | undefined) => (value ? { Name: { value } } : null);
  return targets
    .filter((t) => t.aeId && t.pmId && t.planStatus !== 'Closed')
    .map((t) => ({
      Id: t.id,
      Accountable_AE__c: { value: t.aeId ?? null },
      Accountable_AE__r: name(t.aeName),
      Accountable_Partner_Manager__c: { value: t.pmId ?? null },
      Accountable_Partner_Manager__r: name(t.pmName),
      Plan_Section__r: {
        Partner_Account_Plan__r: {
          Partner_Account__c: { value: t.partnerId ?? PARTNER.id },
          Partner_Account__r: name(t.partnerName ?? PARTNER.name),
        },
      },
    }));
}

/** The Coaching tab's page reference, with the pair of the address if given. */
export const coachingPage = (state: Record<string, string> = {}) => ({
  type: 'standard__navItemPage',
  attributes: { apiName: 'Coaching' },
  state,
});

export interface Setup {
  /** The page's address state (`c__ae`, `c__pm`); on an app page, default none. */
  state?: Record<string, string>;
  /** The pairs the user may see, as targets (default: `targets`). */
  visible?: TargetSpec[];
  props?: Record<string, unknown>;
  targets?: TargetSpec[];
  actions?: ActionSpec[];
  deals?: DealSpec[];
  notes?: ActionSpec[];
  /** A multi-currency org (targets have CurrencyIsoCode) whose plans are in this currency; default single-currency. */
  currency?: string;
}

/** Object info of targets (with CurrencyIsoCode or not): the view picks the targets' document from it. */
export async function emitTargetInfo(currency?: string): Promise<void> {
  emitObjectInfo('Plan_Target__c', { fields: currency ? ['CurrencyIsoCode'] : [] });
  await flushPromises();
}

export async function renderView(setup: Setup = {}) {
  const host = mount('c-coaching-view', CoachingView, setup.props ?? {});
  const toasts = captureToasts(host);
  emitPageReference(coachingPage(setup.state));
  await flushPromises();
  await emitTargetInfo(setup.currency);
  emitGraphQL(METRIC_CATALOG_QUERY, catalogData([...CATALOG, MARKETING_SPEND]));
  emitGraphQL(PAIRS_QUERY, uiapi('Plan_Target__c', pairNodes(setup.visible ?? setup.targets ?? TARGETS)));
  await flushPromises();
  const nodes = (setup.targets ?? TARGETS).map((t) => targetWithPlanNode({ ...t, currencyIsoCode: setup.currency }));
  emitGraphQL(setup.currency ? PAIR_TARGETS_CURRENCY_QUERY : PAIR_TARGETS_QUERY, uiapi('Plan_Target__c', nodes));
  await flushPromises();
  await emitPairData(setup);
  return { host, toasts };
}

export async function emitPairData(setup: Setup = {}): Promise<{ refreshNotes: jest.Mock }> {
  emitGraphQL(ACTIONS_SINCE_QUERY, uiapi('APR_Action__c', (setup.actions ?? ACTIONS).map(actionNode)));
  emitGraphQL(STALE_DEALS_QUERY, uiapi('Opportunity', (setup.deals ?? DEALS).map(opportunityNode)));
  const refreshNotes = emitGraphQL(
    COACHING_NOTES_QUERY,
    uiapi('APR_Action__c', (setup.notes ?? NOTES).map(actionNode)),
  );
  await flushPromises();
  return { refreshNotes };
}

export const el = (host: HTMLElement, dataId: string): HTMLElement => find(host, `[data-id="${dataId}"]`);
export const texts = (host: HTMLElement, selector: string): string[] => findAll(host, selector).map(textOf);
export const bar = (host: HTMLElement, week: string, series: number): SVGRectElement =>
  findAll<SVGRectElement>(host, `g[data-week="${week}"] rect`)[series];
export const attr = (element: Element, name: string): number => Number(element.getAttribute(name));
