import {
  actionMix,
  actionTypesOf,
  actionsPerWonDeal,
  barChartGeometry,
  canEditPlan,
  canMarkAccepted,
  canRevise,
  canSubmitForReview,
  currentTargets,
  formatDateRange,
  formatLabel,
  formatPercent,
  formatValue,
  inferRole,
  lifecycleSteps,
  metricLabel,
  metricsForActionType,
  moveItem,
  niceStep,
  pairsOf,
  periodEndFor,
  resolvePlan,
  resolveTarget,
  staleTargetAccounts,
  todayIn,
  weekStart,
  weeklyCounts,
  windowStart,
} from 'c/planInsights';
import type { AprAction, Metric, OpportunityInfo, PlanSummary } from 'c/planData';
import { domainMetric, domainTarget } from '@lwc-test/domain';

const metric = domainMetric;
const target = domainTarget;

const METRICS: Metric[] = [
  metric('Joint_Calls', "Action_Type__c = 'Joint Call'"),
  metric('Campaign_Actions', "Action_Type__c IN ('Email Campaign', 'Call Blitz', 'Trade Show')"),
  metric('Email_Campaigns', "Action_Type__c = 'Email Campaign'"),
  metric('Total_APR_Actions', "Action_Type__c != 'Coaching Session'"),
  metric('Old_Calls', "Action_Type__c = 'Joint Call'", { active: false }),
  metric('Closed_Won_Revenue', 'IsWon = true', { sourceObject: 'Opportunity', unit: 'Currency' }),
];

let n = 0;

const action = (spec: Partial<AprAction>): AprAction => ({
  id: `a04${++n}`,
  name: '',
  actionType: 'Joint Call',
  actionTypeLabel: 'Joint Call',
  actionDate: '2026-05-19',
  quantity: 1,
  outcome: null,
  outcomeLabel: null,
  actorId: 'AE',
  actorName: 'Avery',
  actorRole: null,
  opportunityId: null,
  opportunityName: null,
  opportunityWon: false,
  opportunityAccountId: null,
  partnerAccountId: 'ACC1',
  planId: null,
  targetId: null,
  notes: null,
  nextStep: null,
  ...spec,
});

const plan = (spec: Partial<PlanSummary>): PlanSummary => ({
  id: 'P',
  name: 'Plan',
  status: 'Active',
  periodStart: '2026-01-01',
  periodEnd: '2026-12-31',
  partnerAccountId: 'ACC1',
  partnerName: 'Northwind',
  overallAttainment: null,
  ...spec,
});

describe('c/planInsights', () => {
  describe('dates', () => {
    it('gives today in the user time zone, not the UTC date', () => {
      const instant = new Date('2026-05-21T02:00:00Z');
      expect(todayIn('America/Los_Angeles', instant)).toBe('2026-05-20');
      expect(todayIn('UTC', instant)).toBe('2026-05-21');
      expect(todayIn('Asia/Tokyo', new Date('2026-05-20T16:00:00Z'))).toBe('2026-05-21');
    });

    it('finds the Monday of a week and the start of a 12-week window', () => {
      expect(weekStart('2026-05-20')).toBe('2026-05-18');
      expect(weekStart('2026-05-18')).toBe('2026-05-18');
      expect(weekStart('2026-05-24')).toBe('2026-05-18');
      expect(windowStart('2026-05-20', 12)).toBe('2026-03-02');
    });

    it('derives the end of a month, quarter or year period', () => {
      expect(periodEndFor('2026-04-01', 'Quarter')).toBe('2026-06-30');
      expect(periodEndFor('2028-02-01', 'Month')).toBe('2028-02-29');
      expect(periodEndFor('2026-07-01', 'Year')).toBe('2027-06-30');
    });
  });

  describe('lifecycle', () => {
    it('allows each transition only from its states', () => {
      expect(['Draft', 'In Revision'].filter((s) => canSubmitForReview(s as never))).toHaveLength(2);
      expect(canSubmitForReview('Partner Review')).toBe(false);
      expect(canMarkAccepted('Partner Review')).toBe(true);
      expect(canMarkAccepted('Draft')).toBe(false);
      expect(canRevise('Accepted')).toBe(true);
      expect(canRevise('Active')).toBe(true);
      expect(canRevise('Closed')).toBe(false);
      expect(canEditPlan('Active')).toBe(false);
      expect(canEditPlan('In Revision')).toBe(true);
    });

    it('puts In Revision before Partner Review on the path', () => {
      expect(lifecycleSteps('Active')).toEqual(['Draft', 'Partner Review', 'Accepted', 'Active', 'Closed']);
      expect(lifecycleSteps('In Revision')).toEqual([
        'Draft',
        'In Revision',
        'Partner Review',
        'Accepted',
        'Active',
        'Closed',
      ]);
    });

    it('moves items within bounds', () => {
      expect(moveItem(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
      expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    });
  });

  describe('metrics and action types', () => {
    it('reads the action types a metric counts from its filter', () => {
      expect(actionTypesOf(METRICS[0])).toEqual({ types: ['Joint Call'], exact: true });
      expect(actionTypesOf(METRICS[1])).toEqual({
        types: ['Email Campaign', 'Call Blitz', 'Trade Show'],
        exact: false,
      });
      expect(actionTypesOf(METRICS[3])).toEqual({ types: [], exact: false });
      expect(actionTypesOf(METRICS[5])).toEqual({ types: [], exact: false });
    });

    it('lists the active metrics for a type, the exact ones first', () => {
      expect(metricsForActionType(METRICS, 'Email Campaign')).toEqual(['Email_Campaigns', 'Campaign_Actions']);
      expect(metricsForActionType(METRICS, 'Joint Call')).toEqual(['Joint_Calls']);
      expect(metricsForActionType(METRICS, 'Proposal')).toEqual([]);
    });

    it('labels a metric from the catalog, or readably without it', () => {
      expect(metricLabel(METRICS, 'Joint_Calls')).toBe('Joint Calls');
      expect(metricLabel([], 'Target_Account_Wins')).toBe('Target Account Wins');
    });
  });

  describe('where an action counts', () => {
    it('picks the active plan covering the date before an accepted one, then the latest', () => {
      const plans = [
        plan({ id: 'ACCEPTED', status: 'Accepted' }),
        plan({ id: 'ACTIVE', status: 'Active' }),
        plan({ id: 'DRAFT', status: 'Draft' }),
        plan({ id: 'LAST_YEAR', status: 'Active', periodStart: '2025-01-01', periodEnd: '2025-12-31' }),
      ];
      expect(resolvePlan(plans, '2026-05-20')?.id).toBe('ACTIVE');
      expect(resolvePlan(plans.slice(0, 1), '2026-05-20')?.id).toBe('ACCEPTED');
      expect(resolvePlan(plans, '2025-03-01')?.id).toBe('LAST_YEAR');
      expect(resolvePlan([plans[2]], '2026-05-20')).toBeNull();
    });

    it('picks the target of an exact metric, then one the actor is accountable for, then the shortest period', () => {
      const year = target({ id: 'YEAR', periodType: 'Year', periodStart: '2026-01-01', periodEnd: '2026-12-31' });
      const quarter = target({ id: 'QUARTER' });
      const theirs = target({
        id: 'THEIRS',
        aeId: 'ME',
        periodType: 'Year',
        periodStart: '2026-01-01',
        periodEnd: '2026-12-31',
      });
      const campaign = target({ id: 'CAMPAIGN', metric: 'Campaign_Actions' });
      const email = target({
        id: 'EMAIL',
        metric: 'Email_Campaigns',
        periodStart: '2026-01-01',
        periodEnd: '2026-12-31',
      });
      const base = { metrics: METRICS, planId: 'P26', date: '2026-05-20', actorId: 'SOMEONE' };
      expect(resolveTarget({ ...base, targets: [year, quarter], actionType: 'Joint Call' })?.id).toBe('QUARTER');
      expect(
        resolveTarget({ ...base, targets: [year, quarter, theirs], actionType: 'Joint Call', actorId: 'ME' })?.id,
      ).toBe('THEIRS');
      expect(resolveTarget({ ...base, targets: [campaign, email], actionType: 'Email Campaign' })?.id).toBe('EMAIL');
      expect(resolveTarget({ ...base, targets: [campaign], actionType: 'Trade Show' })?.id).toBe('CAMPAIGN');
      expect(resolveTarget({ ...base, targets: [quarter], actionType: 'Joint Call', date: '2026-07-01' })).toBeNull();
      expect(resolveTarget({ ...base, targets: [quarter], actionType: 'Joint Call', planId: 'OTHER' })).toBeNull();
      expect(resolveTarget({ ...base, targets: [quarter], actionType: null })).toBeNull();
    });

    it('infers the role: AE owns the opportunity, Partner Manager is accountable on the partner targets', () => {
      const opportunity = { ownerId: 'OWNER' } as OpportunityInfo;
      const targets = [target({ partnerManagerId: 'PM' })];
      expect(inferRole('OWNER', opportunity, targets)).toEqual({ role: 'AE', reason: 'owner' });
      expect(inferRole('PM', opportunity, targets)).toEqual({ role: 'Partner Manager', reason: 'partnerManager' });
      expect(inferRole('REP', opportunity, targets)).toEqual({ role: 'Partner Rep', reason: 'other' });
      expect(inferRole(null, opportunity, targets).role).toBe('Partner Rep');
    });
  });

  describe('pairs', () => {
    const targets = [
      target({ aeId: 'AE1', aeName: 'Avery', partnerManagerId: 'ME', partnerManagerName: 'Me' }),
      target({
        aeId: 'AE1',
        aeName: 'Avery',
        partnerManagerId: 'ME',
        partnerManagerName: 'Me',
        partnerAccountId: 'ACC2',
      }),
      target({ aeId: 'ME', aeName: 'Me', partnerManagerId: 'PM2', partnerManagerName: 'Jordan', planId: 'P2' }),
      target({ aeId: 'AE3', aeName: 'Sam', partnerManagerId: 'PM3', partnerManagerName: 'Lee' }),
      target({ aeId: 'ME', aeName: 'Me', partnerManagerId: 'PM9', partnerManagerName: 'Old', planStatus: 'Closed' }),
      target({ aeId: 'ME', aeName: 'Me', partnerManagerId: null }),
    ];

    it("groups the user's targets into pairs, the larger first, without closed plans", () => {
      const pairs = pairsOf(targets, 'ME', null);
      expect(pairs.map((p) => p.key)).toEqual(['AE1:ME', 'ME:PM2']);
      expect(pairs[0].partnerIds).toEqual(['ACC1', 'ACC2']);
      expect(pairs[0].targets).toHaveLength(2);
    });

    it("groups every pair of a plan on its page, the user's first", () => {
      expect(pairsOf(targets, 'ME', 'P26').map((p) => p.key)).toEqual(['AE1:ME', 'ME:PM9', 'AE3:PM3']);
    });
  });

  describe('attainment and pace', () => {
    it("keeps the current period's targets, or all when none is current", () => {
      const q1 = target({ periodStart: '2026-01-01', periodEnd: '2026-03-31' });
      const q2 = target({});
      expect(currentTargets([q1, q2], '2026-05-20')).toEqual([q2]);
      expect(currentTargets([q1], '2026-05-20')).toEqual([q1]);
    });
  });

  describe('actions', () => {
    it("counts each person's actions (quantity) per week inside the window", () => {
      const weeks = weeklyCounts(
        [
          action({ actionDate: '2026-05-18', quantity: 2 }),
          action({ actionDate: '2026-05-20', actorId: 'PM' }),
          action({ actionDate: '2026-03-02' }),
          action({ actionDate: '2026-03-01' }),
          action({ actionDate: '2026-05-21' }),
          action({ actionDate: '2026-05-19', actorId: 'STRANGER' }),
        ],
        ['AE', 'PM'],
        '2026-05-20',
        12,
      );
      expect(weeks).toHaveLength(12);
      expect(weeks[0]).toEqual({ start: '2026-03-02', counts: [1, 0] });
      expect(weeks[11]).toEqual({ start: '2026-05-18', counts: [2, 1] });
      expect(weeks.slice(1, 11).every((w) => w.counts[0] === 0 && w.counts[1] === 0)).toBe(true);
    });

    it('lays out grouped bars on a rounded axis', () => {
      expect([niceStep(0.25), niceStep(1.5), niceStep(3), niceStep(7), niceStep(30)]).toEqual([1, 2, 5, 10, 50]);
      const chart = barChartGeometry(
        [
          { start: '2026-05-11', counts: [7, 2] },
          { start: '2026-05-18', counts: [0, 4] },
        ],
        { width: 200, height: 100, locale: 'en-US' },
      );
      expect(chart.viewBox).toBe('0 0 200 100');
      expect(chart.plot).toEqual({ left: 36, right: 192, top: 8, bottom: 76 });
      // Max 7, step niceStep(7 / 4) = 2, axis to 8.
      expect(chart.max).toBe(8);
      expect(chart.ticks.map((t) => [t.value, t.y])).toEqual([
        [0, 76],
        [2, 59],
        [4, 42],
        [6, 25],
        [8, 8],
      ]);
      expect(chart.groups.map((g) => [g.label, g.labelX])).toEqual([
        ['May 11', 75],
        ['May 18', 153],
      ]);
      // Group width 78: bars of 31.2 start 7.8 into the group.
      expect(chart.groups[0].bars).toEqual([
        { key: '2026-05-11-0', series: 0, x: 43.8, y: 16.5, width: 31.2, height: 59.5, value: 7 },
        { key: '2026-05-11-1', series: 1, x: 75, y: 59, width: 31.2, height: 17, value: 2 },
      ]);
      expect(chart.groups[1].bars[0]).toMatchObject({ height: 0, y: 76 });
    });

    it('keeps a usable axis when there are no actions', () => {
      const chart = barChartGeometry([{ start: '2026-05-18', counts: [0, 0] }], {
        width: 200,
        height: 100,
        locale: 'en-US',
      });
      expect(chart.max).toBe(1);
      expect(chart.ticks.map((t) => t.value)).toEqual([0, 1]);
    });

    it('computes the mix by type and actions per won deal', () => {
      const actions = [
        action({ actionType: 'Demo', actionTypeLabel: 'Demo', quantity: 3 }),
        action({ actionType: 'Joint Call', opportunityId: 'W1', opportunityWon: true }),
        action({ actionType: 'Proposal', actionTypeLabel: 'Proposal', opportunityId: 'W1', opportunityWon: true }),
        action({ actionType: 'Joint Call', opportunityId: 'W2', opportunityWon: true, quantity: 2 }),
      ];
      expect(actionMix(actions).map((m) => [m.label, m.count, m.percent])).toEqual([
        ['Demo', 3, 43],
        ['Joint Call', 3, 43],
        ['Proposal', 1, 14],
      ]);
      expect(actionsPerWonDeal(actions)).toEqual({ ratio: 2, wonDeals: 2, actions: 4 });
      expect(actionsPerWonDeal([action({})]).ratio).toBeNull();
    });

    it('finds target accounts without an action since the cutoff', () => {
      const targets = [
        target({ targetAccountId: 'FRESH', targetAccountName: 'Fresh' }),
        target({ targetAccountId: 'OLD', targetAccountName: 'Old' }),
        target({ targetAccountId: 'NEVER', targetAccountName: 'Never' }),
      ];
      const actions = [
        action({ opportunityAccountId: 'FRESH', actionDate: '2026-05-06' }),
        action({ opportunityAccountId: 'OLD', actionDate: '2026-05-05' }),
      ];
      expect(staleTargetAccounts(targets, actions, '2026-05-06')).toEqual([
        { id: 'NEVER', name: 'Never', lastActionDate: null },
        { id: 'OLD', name: 'Old', lastActionDate: '2026-05-05' },
      ]);
    });
  });

  describe('formatting', () => {
    it('fills label placeholders and keeps unknown ones', () => {
      expect(formatLabel('{0} of {1} ({2})', 1, 'two')).toBe('1 of two ({2})');
    });

    it('formats values by unit and percent points', () => {
      expect(formatValue(250000, 'Currency', 'en-US', 'EUR')).toBe('€250,000');
      expect(formatValue(25, 'Percent', 'en-US', 'USD')).toBe('25%');
      expect(formatValue(12.345, 'Count', 'de-DE', 'USD')).toBe('12,35');
      expect(formatValue(null, 'Count', 'en-US', 'USD')).toBe('—');
      expect(formatPercent(85.5, 'en-US')).toBe('85.5%');
      // Intl puts thin spaces around the range dash.
      const spaced = (text: string): string => text.replace(/\s/g, ' ');
      expect(spaced(formatDateRange('2026-04-01', '2026-06-30', 'en-US'))).toBe('Apr 1 – Jun 30, 2026');
      expect(spaced(formatDateRange(null, '2026-06-30', 'en-US'))).toBe('— – Jun 30, 2026');
    });
  });
});
