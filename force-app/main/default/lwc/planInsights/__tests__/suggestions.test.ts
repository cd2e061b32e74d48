/**
 * Suggested action targets on a small hand-worked history: a pair with enough won deals uses its own rates,
 * a pair with too few falls back to its partner, a partner with too few to the program, and a program with
 * no won deal gives no suggestion but a reason.
 */
import { semanticsOf, type MetricSemantics } from 'c/metricSemantics';
import type { ActionHistory, Metric } from 'c/planData';
import {
  actionMetricsByType,
  basisFor,
  currentResultTargets,
  historyWindow,
  resultKindOf,
  suggestActionTargets,
} from 'c/planInsights';
import { domainMetric, domainTarget } from '@lwc-test/domain';

const METRICS: Metric[] = [
  domainMetric('Closed_Won_Revenue', 'IsWon = true', {
    category: 'Sales',
    unit: 'Currency',
    sourceObject: 'Opportunity',
  }),
  domainMetric('Closed_Won_Deals', 'IsWon = true', { category: 'Sales', sourceObject: 'Opportunity' }),
  domainMetric('Win_Rate', null, { category: 'Sales', unit: 'Percent', sourceObject: 'Opportunity', shape: 'Rate' }),
  domainMetric('Lost_Deals', 'IsClosed = true AND IsWon = false', {
    category: 'Sales',
    sourceObject: 'Opportunity',
    direction: 'Lower is better',
  }),
  domainMetric('Units_Sold', null, { category: 'Sales', sourceObject: 'OpportunityLineItem' }),
  domainMetric('Deal_Registrations', "Action_Type__c = 'Deal Registration'", { category: 'Sales' }),
  domainMetric('Joint_Calls', "Action_Type__c = 'Joint Call'"),
  domainMetric('Demos', "Action_Type__c = 'Demo'"),
  domainMetric('Campaign_Actions', "Action_Type__c IN ('Email Campaign', 'Trade Show')", { category: 'Marketing' }),
  domainMetric('Email_Campaigns', "Action_Type__c = 'Email Campaign'", { category: 'Marketing' }),
  domainMetric('Total_APR_Actions', "Action_Type__c != 'Coaching Session'"),
];
const byName = new Map(METRICS.map((m) => [m.name, semanticsOf(m)]));
const semanticsFor = (metric: string): MetricSemantics => byName.get(metric) ?? semanticsOf({});
const metric = (name: string): Metric => METRICS.find((m) => m.name === name) as Metric;

const P1 = 'ACC1';
const P2 = 'ACC2';

/**
 * Partner P1: AE a1 won 4 deals ($400,000), AE a2 won 2 ($100,000). Actions on P1: a1 8 joint calls, m1 4
 * joint calls and 6 demos, a2 10 demos, 3 email campaigns of a2 (a type no result metric rates yet).
 * Partner P2: AE a3 won 1 deal. Program: 20 won deals, $2,000,000, 50 joint calls and 30 demos.
 */
const HISTORY: ActionHistory = {
  since: '2025-04-01',
  until: '2026-03-31',
  actions: [
    { actionType: 'Joint Call', actorId: 'a1', partnerId: P1, quantity: 8 },
    { actionType: 'Joint Call', actorId: 'm1', partnerId: P1, quantity: 4 },
    { actionType: 'Demo', actorId: 'm1', partnerId: P1, quantity: 6 },
    { actionType: 'Demo', actorId: 'a2', partnerId: P1, quantity: 10 },
    { actionType: 'Email Campaign', actorId: 'a2', partnerId: P1, quantity: 3 },
    { actionType: 'Demo', actorId: 'a3', partnerId: P2, quantity: 9 },
  ],
  wonDeals: [
    { partnerId: P1, ownerId: 'a1', deals: 4, revenue: 400000 },
    { partnerId: P1, ownerId: 'a2', deals: 2, revenue: 100000 },
    { partnerId: P2, ownerId: 'a3', deals: 1, revenue: 50000 },
  ],
  programActions: [
    { actionType: 'Joint Call', quantity: 50 },
    { actionType: 'Demo', quantity: 30 },
  ],
  programWonDeals: { deals: 20, revenue: 2000000 },
};

const pairTarget = (metricName: string, targetValue: number, ae: string, pm: string, partner = P1) =>
  domainTarget({
    metric: metricName,
    targetValue,
    aeId: ae,
    aeName: ae,
    partnerManagerId: pm,
    partnerManagerName: pm,
    partnerAccountId: partner,
    sectionId: 'SEC1',
  });

const suggest = (results: ReturnType<typeof pairTarget>[], others: ReturnType<typeof pairTarget>[] = []) =>
  suggestActionTargets(results, [...results, ...others], METRICS, semanticsFor, HISTORY);

const values = (s: ReturnType<typeof suggest>) =>
  s.suggestions.map((x) => ({ metric: x.metric, value: x.value, rate: x.rate, basis: x.basis, wonDeals: x.wonDeals }));

describe('which targets are results and which metrics count an action type', () => {
  it('takes cumulative, higher-is-better Sales metrics over deals or money, not rates, lower-is-better, units or actions', () => {
    expect(resultKindOf(metric('Closed_Won_Revenue'), semanticsFor('Closed_Won_Revenue'))).toBe('revenue');
    expect(resultKindOf(metric('Closed_Won_Deals'), semanticsFor('Closed_Won_Deals'))).toBe('deals');
    for (const name of ['Win_Rate', 'Lost_Deals', 'Units_Sold', 'Deal_Registrations', 'Joint_Calls'])
      expect(resultKindOf(metric(name), semanticsFor(name))).toBeNull();
  });

  it('maps an action type to the metric that counts exactly that type, read from the catalog filters', () => {
    expect(Object.fromEntries(actionMetricsByType(METRICS))).toEqual({
      'Deal Registration': 'Deal_Registrations',
      'Joint Call': 'Joint_Calls',
      Demo: 'Demos',
      'Email Campaign': 'Email_Campaigns',
    });
  });

  it('suggests for the current period (the quarter before the year), else the next one to start, and looks back the 12 months before it', () => {
    const closed = domainTarget({
      ...pairTarget('Closed_Won_Deals', 5, 'a1', 'm1'),
      periodStart: '2026-01-01',
      periodEnd: '2026-03-31',
    });
    const open = pairTarget('Closed_Won_Deals', 5, 'a1', 'm1');
    const next = domainTarget({ ...open, id: 'next', periodStart: '2026-07-01', periodEnd: '2026-09-30' });
    const noPair = domainTarget({ ...open, id: 'nopair', partnerManagerId: null });
    expect(currentResultTargets([closed, open, next, noPair], METRICS, semanticsFor, '2026-05-10')).toEqual([open]);
    expect(currentResultTargets([closed, next], METRICS, semanticsFor, '2026-04-10')).toEqual([next]);
    expect(currentResultTargets([closed, open, next], METRICS, semanticsFor, '2026-03-31')).toEqual([closed]);
    expect(currentResultTargets([next, open], METRICS, semanticsFor, '2026-03-31')).toEqual([open]);
    const year = domainTarget({
      ...open,
      id: 'year',
      periodType: 'Year',
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
    });
    expect(currentResultTargets([year, open], METRICS, semanticsFor, '2026-05-10')).toEqual([open]);
    expect(currentResultTargets([year, open], METRICS, semanticsFor, '2026-03-10')).toEqual([year]);
    expect(historyWindow([open])).toEqual({ since: '2025-04-01', until: '2026-03-31' });
  });
});

describe('suggested action targets', () => {
  it('uses the pair’s own history when it won enough deals: actions per won deal x deals targeted', () => {
    // Pair a1 + m1 on P1: 4 won deals; 12 joint calls (8 + 4) = 3 a deal, 6 demos = 1.5 a deal.
    const result = suggest([pairTarget('Closed_Won_Deals', 10, 'a1', 'm1')]);
    expect(values(result)).toEqual([
      { metric: 'Joint_Calls', value: 30, rate: 3, basis: 'pair', wonDeals: 4 },
      { metric: 'Demos', value: 15, rate: 1.5, basis: 'pair', wonDeals: 4 },
    ]);
    expect(result.unexplained).toEqual([]);
  });

  it('rates revenue targets per 100,000 of won revenue and rounds a fraction of an action up', () => {
    // $400,000 won: 12 joint calls = 3 per 100k, 6 demos = 1.5 per 100k; for $500,000: 15 and 7.5 -> 8.
    const result = suggest([pairTarget('Closed_Won_Revenue', 500000, 'a1', 'm1')]);
    expect(values(result)).toEqual([
      { metric: 'Joint_Calls', value: 15, rate: 3, basis: 'pair', wonDeals: 4 },
      { metric: 'Demos', value: 8, rate: 1.5, basis: 'pair', wonDeals: 4 },
    ]);
  });

  it('falls back to the partner when the pair won fewer than 3 deals', () => {
    // Pair a2 + m1: 2 won deals. Partner P1: 6 deals; 12 joint calls, 16 demos, 3 email campaigns.
    const result = suggest([pairTarget('Closed_Won_Deals', 3, 'a2', 'm1')]);
    expect(values(result)).toEqual([
      { metric: 'Demos', value: 8, rate: 2.7, basis: 'partner', wonDeals: 6 },
      { metric: 'Joint_Calls', value: 6, rate: 2, basis: 'partner', wonDeals: 6 },
      { metric: 'Email_Campaigns', value: 2, rate: 0.5, basis: 'partner', wonDeals: 6 },
    ]);
    expect(result.suggestions[0].pairWonDeals).toBe(2);
  });

  it('falls back to the program when the partner won fewer than 3 deals', () => {
    // P2 won 1 deal. Program: $2,000,000; 50 joint calls = 2.5 per 100k, 30 demos = 1.5; for $300,000: 7.5 -> 8, 4.5 -> 5.
    const result = suggest([pairTarget('Closed_Won_Revenue', 300000, 'a3', 'm2', P2)]);
    expect(values(result)).toEqual([
      { metric: 'Joint_Calls', value: 8, rate: 2.5, basis: 'program', wonDeals: 20 },
      { metric: 'Demos', value: 5, rate: 1.5, basis: 'program', wonDeals: 20 },
    ]);
  });

  it('gives no suggestion, with its reason, when the program won no deal', () => {
    const empty: ActionHistory = { ...HISTORY, wonDeals: [], programWonDeals: { deals: 0, revenue: 0 } };
    const target = pairTarget('Closed_Won_Deals', 10, 'a1', 'm1');
    const result = suggestActionTargets([target], [target], METRICS, semanticsFor, empty);
    expect(result.suggestions).toEqual([]);
    expect(result.unexplained).toEqual([
      { resultTargetId: target.id, resultMetric: 'Closed_Won_Deals', reason: 'no-won-deals', basis: 'program' },
    ]);
  });

  it('says so when the won deals of a revenue target had no amount, or no counted action preceded them', () => {
    const noAmount: ActionHistory = { ...HISTORY, wonDeals: [{ partnerId: P1, ownerId: 'a1', deals: 4, revenue: 0 }] };
    const revenue = pairTarget('Closed_Won_Revenue', 100000, 'a1', 'm1');
    expect(suggestActionTargets([revenue], [revenue], METRICS, semanticsFor, noAmount).unexplained[0].reason).toBe(
      'no-won-revenue',
    );
    const noActions: ActionHistory = { ...HISTORY, actions: [] };
    const deals = pairTarget('Closed_Won_Deals', 10, 'a1', 'm1');
    expect(suggestActionTargets([deals], [deals], METRICS, semanticsFor, noActions).unexplained).toEqual([
      { resultTargetId: deals.id, resultMetric: 'Closed_Won_Deals', reason: 'no-actions', basis: 'pair' },
    ]);
  });

  it('skips an action the pair already has a target for in that period, and keeps the larger of two results', () => {
    const deals = pairTarget('Closed_Won_Deals', 10, 'a1', 'm1');
    const revenue = pairTarget('Closed_Won_Revenue', 500000, 'a1', 'm1');
    const calls = pairTarget('Joint_Calls', 20, 'a1', 'm1');
    const otherPeriodDemos = domainTarget({
      ...pairTarget('Demos', 5, 'a1', 'm1'),
      periodStart: '2026-07-01',
      periodEnd: '2026-09-30',
    });
    const result = suggest([deals, revenue], [calls, otherPeriodDemos]);
    // Demos: 15 for the deals, 8 for the revenue: one suggestion of 15, from the deals target.
    expect(values(result)).toEqual([{ metric: 'Demos', value: 15, rate: 1.5, basis: 'pair', wonDeals: 4 }]);
    expect(result.suggestions[0]).toMatchObject({ resultTargetId: deals.id, sectionId: 'SEC1', planId: 'P26' });
    expect(result.unexplained).toEqual([]);
  });

  it('does not let floating-point noise add an action: 0.1 a deal x 30 deals is 3', () => {
    const history: ActionHistory = {
      ...HISTORY,
      actions: [{ actionType: 'Demo', actorId: 'a1', partnerId: P1, quantity: 1 }],
      wonDeals: [{ partnerId: P1, ownerId: 'a1', deals: 10, revenue: 1 }],
    };
    const target = pairTarget('Closed_Won_Deals', 30, 'a1', 'm1');
    expect(suggestActionTargets([target], [target], METRICS, semanticsFor, history).suggestions[0].value).toBe(3);
    expect(basisFor(history, P1, 'a1', 'm1').basis).toBe('pair');
  });
});
