/**
 * The rollup's pure phases, without an org: planning the aggregates (which metric, period, partner, people and
 * customer account each target needs, ratios through their parts, unusable metrics), grouping periods of whole
 * months, computing target figures from cells, reporting ratios whose parts failed, weighting sections and
 * plans, and diffing the opportunities' APR counters.
 */
import type { MetricDefinition } from '../../packages/jobs/rollup/catalog';
import { MetricCells, valuesKey } from '../../packages/jobs/rollup/cells';
import { same } from '../../packages/jobs/rollup/diff';
import { FigureBuilder } from '../../packages/jobs/rollup/figures';
import { counterUpdates } from '../../packages/jobs/rollup/opportunities';
import { monthly, partnerWeights, peopleFor, planAggregates, wholeMonthPeriods } from '../../packages/jobs/rollup/plan';
import { weightedAttainment } from '../../packages/jobs/rollup/compute';
import { reportRatios } from '../../packages/jobs/rollup/run';
import { DEFAULT_SEMANTICS } from '../../packages/jobs/rollup/semantics';
import { emptyReport, type Change, type TargetRow } from '../../packages/jobs/rollup/types';
import { metricDefinition } from '../support/rollup';
import { attainmentGroups, planUpdates, sectionUpdates } from '../../packages/jobs/rollup/weights';

// 18-character Ids, as the API returns them.
const P1 = 'a01000000000001AAA';
const P2 = 'a01000000000002AAA';
const AE = '005000000000001AAA';
const PM = '005000000000002AAA';
const C1 = '001000000000001AAA';

const metric = metricDefinition;

const catalog = new Map<string, MetricDefinition>(
  [
    metric('Won'),
    metric('Closed', { accountablePerson: 'AE or Partner Manager' }),
    metric('Win_Rate', { aggregate: 'RATIO', numerator: 'Won', denominator: 'Closed', unit: 'Percent' }),
    metric('Broken', { dateField: null }),
  ].map((m) => [m.name, m]),
);

let nextId = 0;
const target = (extra: Partial<TargetRow> = {}, partner = P1): TargetRow => ({
  Id: `a03${String(++nextId).padStart(12, '0')}AAA`,
  Metric__c: 'Won',
  Period_Start__c: '2026-01-01',
  Period_End__c: '2026-03-31',
  Target_Value__c: 10,
  Weight__c: 1,
  Accountable_AE__c: AE,
  Accountable_Partner_Manager__c: PM,
  Target_Account__c: null,
  Actual_Value__c: null,
  Attainment__c: null,
  Expected_To_Date__c: null,
  Pace_Status__c: null,
  Plan_Section__c: `sec-${partner}`,
  Plan_Section__r: {
    Partner_Account_Plan__c: `plan-${partner}`,
    Partner_Account_Plan__r: { Partner_Account__c: partner },
  },
  ...extra,
});

describe('planning the aggregates', () => {
  it('needs each metric per period with the customers named, ratios through their parts', () => {
    const targets = [
      target(),
      target({ Target_Account__c: C1 }),
      target({ Metric__c: 'Win_Rate', Period_Start__c: '2026-01-01', Period_End__c: '2026-12-31' }, P2),
    ];
    const plan = planAggregates(catalog, targets);
    expect([...plan.needed.keys()]).toEqual(['Won', 'Closed']);
    expect(plan.needed.get('Won')).toEqual(
      new Map([
        ['2026-01-01..2026-03-31', new Set([C1])],
        ['2026-01-01..2026-12-31', new Set()],
      ]),
    );
    expect(plan.needed.get('Closed')).toEqual(new Map([['2026-01-01..2026-12-31', new Set()]]));
    // The people each partner's targets name: the AE for Won, the AE and the manager for Closed.
    expect(plan.partnersOf.get('Won')).toEqual(
      new Map([
        [P1, new Set([AE])],
        [P2, new Set([AE])],
      ]),
    );
    expect(plan.partnersOf.get('Closed')).toEqual(new Map([[P2, new Set([AE, PM])]]));
    expect(partnerWeights(plan, 'Closed')).toEqual(new Map([[P2, 2]]));
    expect(partnerWeights(plan, 'Nothing')).toEqual(new Map());
  });

  it('reports unusable definitions and metrics missing from the catalog', () => {
    const plan = planAggregates(catalog, [target({ Metric__c: 'Gone' })]);
    expect(plan.errors.get('Broken')).toBe('date field is required');
    expect(plan.errors.get('Gone')).toBe('no active metric named Gone in the catalog');
    expect(plan.needed.get('Gone')).toEqual(new Map());
  });

  it('lets only a snapshot do without a date field, and wants the ahead threshold above the behind one', () => {
    const snapshot = metric('Now', { dateField: null, semantics: { ...DEFAULT_SEMANTICS, shape: 'Snapshot' } });
    const inverted = metric('Inverted', { semantics: { ...DEFAULT_SEMANTICS, aheadAt: 90, behindBelow: 90 } });
    const plan = planAggregates(new Map([snapshot, inverted].map((m) => [m.name, m])), []);
    expect(plan.errors.has('Now')).toBe(false);
    expect(plan.errors.get('Inverted')).toBe('ahead threshold 90 must be above behind threshold 90');
  });

  it('counts the people a target names by its metric', () => {
    const won = catalog.get('Won') as MetricDefinition;
    const closed = catalog.get('Closed') as MetricDefinition;
    expect(peopleFor(won, target())).toEqual([AE]);
    expect(peopleFor(won, target({ Accountable_AE__c: null }))).toBeUndefined();
    expect(peopleFor(closed, target({ Accountable_Partner_Manager__c: AE }))).toEqual([AE]);
    expect(peopleFor(metric('All', { accountablePerson: 'None' }), target())).toBeUndefined();
  });

  it('groups periods of whole months, and only for date fields of additive aggregates', () => {
    const periods = new Map([
      ['2026-01-01..2026-03-31', new Set([C1])],
      ['2026-01-15..2026-02-14', new Set(['001000000000009AAA'])],
      ['2026-01-01..2026-12-31', new Set([C1])],
    ]);
    expect(wholeMonthPeriods(periods)).toEqual({
      whole: [
        { key: '2026-01-01..2026-03-31', first: 2026 * 12, last: 2026 * 12 + 2 },
        { key: '2026-01-01..2026-12-31', first: 2026 * 12, last: 2026 * 12 + 11 },
      ],
      customers: [C1],
    });
    expect(monthly(metric('Sum', { aggregate: 'SUM' }), 'date')).toBe(true);
    expect(monthly(metric('Sum', { aggregate: 'SUM' }), 'datetime')).toBe(false);
    expect(monthly(metric('Distinct', { aggregate: 'COUNT_DISTINCT' }), 'date')).toBe(false);
  });
});

describe('computing figures', () => {
  const cells = (rows: [string, string, string, number][]): MetricCells => {
    const result = new MetricCells();
    for (const [partner, person, customer, count] of rows)
      result.add(partner, person, customer, { sum: 0, count, min: null, max: null, distinct: 0 });
    return result;
  };
  const values = new Map([
    [
      valuesKey('Won', '2026-01-01..2026-03-31'),
      cells([
        [P1, AE, '', 3],
        [P1, PM, '', 4],
        [P1, AE, C1, 1],
      ]),
    ],
    [
      valuesKey('Closed', '2026-01-01..2026-03-31'),
      cells([
        [P1, AE, '', 6],
        [P1, PM, '', 2],
      ]),
    ],
  ]);

  it('reads actuals for the people and customer a target names, ratios in percent, and diffs them', () => {
    const won = target({ Actual_Value__c: 3, Attainment__c: 30, Expected_To_Date__c: 5, Pace_Status__c: 'Behind' });
    const customer = target({ Target_Account__c: C1, Target_Value__c: 2 });
    const rate = target({ Metric__c: 'Win_Rate', Target_Value__c: 50 });
    const failed = target({ Metric__c: 'Broken' });
    const changes: Change[] = [];
    const { figures, updates } = new FigureBuilder(
      catalog,
      [won, customer, rate, failed],
      new Map([['Broken', 'date field is required']]),
      { asOf: '2026-02-14', now: 'NOW' },
    ).finish(values, changes);
    expect(figures.get(won.Id)).toEqual({ actual: 3, attainment: 30, expectedToDate: 5, pace: 'Behind' });
    expect(figures.get(customer.Id)?.actual).toBe(1);
    // Won: the AE's 3 of the 6 + 2 closed by the AE and the manager.
    expect(figures.get(rate.Id)?.actual).toBe(37.5);
    expect(figures.has(failed.Id)).toBe(false);
    // The unchanged target is not written; the others are, with their stamp and section.
    expect(updates.map((u) => u.Id)).toEqual([customer.Id, rate.Id]);
    expect(updates[0]).toMatchObject({ Actual_Value__c: 1, Attainment__c: 50, Last_Calculated_At__c: 'NOW' });
    expect(updates[0].__parent).toBe(customer.Plan_Section__c);
    expect(changes.filter((c) => c.id === customer.Id).map((c) => c.field)).toEqual([
      'Actual_Value__c',
      'Attainment__c',
      'Expected_To_Date__c',
      'Pace_Status__c',
    ]);
  });

  it("converts Currency-unit actuals, ratios included, into the target's currency, and nothing else", () => {
    const money = new Map<string, MetricDefinition>([
      ...catalog,
      [
        'Per_Deal',
        metric('Per_Deal', { aggregate: 'RATIO', numerator: 'Won', denominator: 'Closed', unit: 'Currency' }),
      ],
    ]);
    const currencies = {
      corporate: 'USD',
      rates: new Map([
        ['USD', 1],
        ['EUR', 0.9],
      ]),
    };
    const perDeal = target({ Metric__c: 'Per_Deal', CurrencyIsoCode: 'EUR' });
    const perDealUsd = target({ Metric__c: 'Per_Deal', CurrencyIsoCode: 'USD' });
    const rate = target({ Metric__c: 'Win_Rate', CurrencyIsoCode: 'EUR' });
    const { figures } = new FigureBuilder(
      money,
      [perDeal, perDealUsd, rate],
      new Map(),
      { asOf: '2026-02-14', now: 'NOW' },
      currencies,
    ).finish(values, []);
    // 3 / 8 in the corporate currency is 0.375; in EUR 0.3375, stored as 0.34. A percent is not money.
    expect(figures.get(perDeal.Id)?.actual).toBe(0.34);
    expect(figures.get(perDealUsd.Id)?.actual).toBe(0.38);
    expect(figures.get(rate.Id)?.actual).toBe(37.5);
  });

  it("computes a metric's targets when its queries are done, a ratio's when both parts are, in the targets' order", () => {
    const rate = target({ Metric__c: 'Win_Rate', Target_Value__c: 50 });
    const won = target({ Target_Value__c: 6 });
    const closed = target({ Metric__c: 'Closed', Target_Value__c: 8 });
    const errors = new Map<string, string>();
    const builder = new FigureBuilder(catalog, [rate, won, closed], errors, { asOf: '2026-02-14', now: 'NOW' });
    // Won is in: its target is computed from the cells as they are then; the ratio waits for Closed.
    builder.metricDone('Won', values);
    builder.metricDone('Closed', values);
    // Cells arriving after a metric is done are not read again (here: none at all at the end).
    const changes: Change[] = [];
    const { figures, updates } = builder.finish(new Map(), changes);
    expect(figures.get(won.Id)?.actual).toBe(3);
    expect(figures.get(closed.Id)?.actual).toBe(8);
    expect(figures.get(rate.Id)?.actual).toBe(37.5);
    expect(updates.map((u) => u.Id)).toEqual([rate.Id, won.Id, closed.Id]);
    expect([...new Set(changes.map((c) => c.id))]).toEqual([rate.Id, won.Id, closed.Id]);
  });

  it('leaves the targets of a failed metric, and of a ratio with a failed part, to keep their figures', () => {
    const rate = target({ Metric__c: 'Win_Rate' });
    const won = target();
    const closed = target({ Metric__c: 'Closed' });
    const errors = new Map<string, string>();
    const builder = new FigureBuilder(catalog, [rate, won, closed], errors, { asOf: '2026-02-14', now: 'NOW' });
    builder.metricDone('Won', values);
    errors.set('Closed', 'QUERY_TIMEOUT: too slow');
    builder.metricDone('Closed', values);
    const { figures } = builder.finish(values, []);
    expect([...figures.keys()]).toEqual([won.Id]);
  });

  it('fails a used ratio with its part, and reports a used ratio once', () => {
    const report = emptyReport();
    report.metrics.push({ name: 'Won', targets: 0, queries: 2, error: 'BAD: no' });
    const errors = new Map([['Won', 'BAD: no']]);
    reportRatios(catalog, [target({ Metric__c: 'Win_Rate' }), target({ Metric__c: 'Win_Rate' })], errors, report);
    expect(report.metrics[1]).toEqual({
      name: 'Win_Rate',
      targets: 2,
      queries: 0,
      error: 'depends on Won, which failed',
    });
    expect(errors.get('Win_Rate')).toBe('depends on Won, which failed');
    const unused = emptyReport();
    reportRatios(catalog, [target()], new Map(), unused);
    expect(unused.metrics).toEqual([]);
  });
});

describe('weighting sections and plans', () => {
  it('weighs started targets, keeps stored attainment of uncomputed ones, and diffs stored values', () => {
    const computed = target({ Weight__c: 3 });
    const stored = target({ Attainment__c: 40 });
    const future = target({ Period_Start__c: '2026-07-01', Period_End__c: '2026-09-30', Weight__c: 5 });
    const figures = new Map([
      [computed.Id, { actual: 8, attainment: 80, expectedToDate: 5, pace: 'Ahead' as const }],
      [future.Id, { actual: 0, attainment: 0, expectedToDate: 0, pace: null }],
    ]);
    const groups = attainmentGroups([computed, stored, future], figures, '2026-02-14');
    expect(groups.bySection.get(`sec-${P1}`)).toHaveLength(3);
    const changes: Change[] = [];
    const sections = sectionUpdates(
      [
        { Id: `sec-${P1}`, Partner_Account_Plan__c: `plan-${P1}`, Weighted_Attainment__c: 0 },
        { Id: 'sec-other', Partner_Account_Plan__c: 'plan-other', Weighted_Attainment__c: null },
      ],
      groups,
      {},
      changes,
    );
    // (80 x 3 + 40 x 1) / 4; the future target does not count yet; an empty section has no value.
    expect(sections).toEqual({
      updates: [{ Id: `sec-${P1}`, Weighted_Attainment__c: 70, __parent: `plan-${P1}` }],
      read: 2,
    });
    const plans = planUpdates(
      [
        { Id: `plan-${P1}`, Overall_Attainment__c: 70.001 },
        { Id: 'plan-other', Overall_Attainment__c: 12 },
      ],
      groups,
      { partners: new Set([P1]) },
      'NOW',
      changes,
    );
    // Under a partner scope, plans without targets in scope are left alone; 70.001 is the same as 70.
    expect(plans).toEqual({ updates: [], read: 1 });
    expect(changes).toEqual([
      { sobject: 'Plan_Section__c', id: `sec-${P1}`, field: 'Weighted_Attainment__c', from: 0, to: 70 },
    ]);
  });

  it("counts a split year once: its quarters and months are the year's breakdown, not more targets", () => {
    const year = target({ Id: 'year', Period_End__c: '2026-12-31', Weight__c: 2 });
    const quarter = target({ Id: 'q1', Parent_Target__c: 'year', Weight__c: 2 });
    const other = target({ Id: 'other', Weight__c: 1 });
    const figures = new Map([
      [year.Id, { actual: 10, attainment: 50, expectedToDate: 5, pace: 'On Track' as const }],
      [quarter.Id, { actual: 10, attainment: 200, expectedToDate: 5, pace: 'Ahead' as const }],
      [other.Id, { actual: 8, attainment: 80, expectedToDate: 5, pace: 'Ahead' as const }],
    ]);
    const groups = attainmentGroups([year, quarter, other], figures, '2026-02-14');
    expect(groups.bySection.get(`sec-${P1}`)).toHaveLength(2);
    const sections = sectionUpdates(
      [{ Id: `sec-${P1}`, Partner_Account_Plan__c: `plan-${P1}`, Weighted_Attainment__c: null }],
      groups,
      {},
      [],
    );
    // (50 x 2 + 80 x 1) / 3: the quarter's 200 % does not count beside its year.
    expect(sections.updates).toEqual([{ Id: `sec-${P1}`, Weighted_Attainment__c: 60, __parent: `plan-${P1}` }]);
  });

  it('gives the same weighted attainment whatever order the targets come in', () => {
    // Summed naively, these round to 120.46 in this order and to 120.47 reversed (floating-point sums
    // depend on order, and orgs return targets in different orders).
    const items = [127.83, 75.01, 50.03, 75.43, 194.75, 199.74].map((attainment) => ({
      attainment,
      weight: 1,
      started: true,
      semantics: DEFAULT_SEMANTICS,
    }));
    expect(weightedAttainment(items)).toBe(weightedAttainment([...items].reverse()));
  });
});

describe('APR counters', () => {
  it('updates changed and new counters, clears lost ones, and skips opportunities out of scope', () => {
    const stored = [
      { Id: 'o1', Last_APR_Action_Date__c: '2026-01-05', APR_Action_Count__c: 2, Partner_Account__c: P1 },
      { Id: 'o2', Last_APR_Action_Date__c: '2026-01-05', APR_Action_Count__c: 1, Partner_Account__c: P1 },
      { Id: 'o3', Last_APR_Action_Date__c: '2026-01-05', APR_Action_Count__c: 1, Partner_Account__c: P2 },
    ];
    const computed = new Map([
      ['o1', { date: '2026-01-05', count: 2 }],
      ['o4', { date: '2026-02-01', count: 1 }],
    ]);
    const changes: Change[] = [];
    const { updates, read } = counterUpdates(stored, computed, { partners: new Set([P1]) }, changes);
    expect(updates).toEqual([
      { Id: 'o2', Last_APR_Action_Date__c: null, APR_Action_Count__c: null, __parent: 'o2' },
      { Id: 'o4', Last_APR_Action_Date__c: '2026-02-01', APR_Action_Count__c: 1, __parent: 'o4' },
    ]);
    expect(read).toBe(3);
    expect(changes.map((c) => [c.id, c.from, c.to])).toEqual([
      ['o2', 1, null],
      ['o4', null, 1],
    ]);
  });

  it('treats numbers within half a cent, and null and undefined, as the same', () => {
    expect(same(1.004, 1)).toBe(true);
    expect(same(1.006, 1)).toBe(false);
    expect(same(undefined, null)).toBe(true);
    expect(same(0, null)).toBe(false);
  });
});
