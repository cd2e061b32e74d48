import {
  addMonths,
  catalogSemantics,
  fiscalPeriods,
  fiscalQuarterOn,
  furthestBehind,
  paceRatio,
  paceSummary,
  periodLabel,
  targetFigureTexts,
  weightedAttainment,
} from 'c/planInsights';
import { domainMetric, domainTarget as target } from '@lwc-test/domain';

const TODAY = '2026-05-20';

// Semantics as the catalog gives them (c/metricSemantics reads the raw values).
const SEMANTICS = catalogSemantics([
  domainMetric('Joint_Calls', "Action_Type__c = 'Joint Call'"),
  domainMetric('Marketing_Spend', null, { unit: 'Currency', direction: 'Stay within budget' }),
  domainMetric('Average_Sales_Cycle', null, {
    sourceObject: 'Opportunity',
    direction: 'Lower is better',
    shape: 'Rate',
  }),
  domainMetric('Open_Pipeline', null, { sourceObject: 'Opportunity', unit: 'Currency', shape: 'Snapshot' }),
  domainMetric('Win_Rate', null, { sourceObject: 'Opportunity', unit: 'Percent', shape: 'Rate' }),
]);

describe('c/planInsights: pace with metric semantics', () => {
  describe('weighted attainment', () => {
    it('caps a budget at 100 so overspending never lifts it (issue: Marketing Spend 188% lifted its section)', () => {
      // Marketing Spend $35,400 of an $18,800 budget = 188.3%; it contributes 100. (100 + 80) / 2 = 90.
      const spend = target({ metric: 'Marketing_Spend', targetValue: 18800, actualValue: 35400, attainment: 188.3 });
      const calls = target({ attainment: 80 });
      expect(weightedAttainment([spend, calls], SEMANTICS, TODAY)).toBe(90);
    });

    it('weights by Weight__c and leaves out targets without attainment or whose period has not started', () => {
      const targets = [
        target({ attainment: 50, weight: 3 }),
        target({ attainment: 100, weight: 1 }),
        target({ attainment: null }),
        target({ attainment: 0, weight: 5, periodStart: '2026-07-01', periodEnd: '2026-09-30' }),
      ];
      // (3 x 50 + 1 x 100) / 4 = 62.5: the Q3 target's 0% does not drag the plan down in May.
      expect(weightedAttainment(targets, SEMANTICS, TODAY)).toBe(62.5);
      expect(weightedAttainment([target({})], SEMANTICS, TODAY)).toBeNull();
    });

    it("counts a split year once, through the year: its quarters and months are the year's breakdown", () => {
      const year = target({ id: 'year', attainment: 40, weight: 2 });
      const quarter = target({ attainment: 200, weight: 2, parentTargetId: 'year' });
      const other = target({ attainment: 100, weight: 1 });
      // (2 x 40 + 1 x 100) / 3 = 60: the quarter's 200% does not count beside its year.
      expect(weightedAttainment([year, quarter, other], SEMANTICS, TODAY)).toBe(60);
    });

    it('reads a metric missing from the catalog with the defaults (higher is better, uncapped)', () => {
      expect(weightedAttainment([target({ metric: 'Retired_Metric', attainment: 150 })], {}, TODAY)).toBe(150);
    });
  });

  describe('pace ratio', () => {
    it('is actual over expected for a higher-is-better metric', () => {
      expect(paceRatio(target({ actualValue: 5, expectedToDate: 10 }), SEMANTICS)).toBe(50);
      // A cumulative metric with nothing measured yet is at 0% of its expected value, not unknown.
      expect(paceRatio(target({ actualValue: null, expectedToDate: 10 }), SEMANTICS)).toBe(0);
      expect(paceRatio(target({ actualValue: 5, expectedToDate: null }), SEMANTICS)).toBeNull();
    });

    it('is expected over actual for a lower-is-better metric: 40 days against 30 is 75%', () => {
      const cycle = target({ metric: 'Average_Sales_Cycle', targetValue: 30, actualValue: 40, expectedToDate: 30 });
      expect(paceRatio(cycle, SEMANTICS)).toBe(75);
      expect(paceRatio({ ...cycle, actualValue: 20 }, SEMANTICS)).toBe(150);
    });

    it('caps a budget at 100: spending ahead of plan is not better', () => {
      const spend = target({ metric: 'Marketing_Spend', actualValue: 35400, expectedToDate: 9400 });
      expect(paceRatio(spend, SEMANTICS)).toBe(100);
    });
  });

  describe('summary and furthest behind', () => {
    const statuses = ['Ahead', 'On Track', 'Met', 'Behind', 'Over Budget', 'Missed', null];
    const targets = statuses.map((paceStatus, i) => target({ id: `T${i}`, paceStatus }));

    it('counts Ahead, On Track and Met as good and Behind, Missed and Over Budget as bad', () => {
      expect(paceSummary(targets, SEMANTICS)).toMatchObject({ good: 3, bad: 3, noStatus: 1 });
    });

    it('weights the actual-to-expected percent over the targets that expect something', () => {
      const paced = [
        target({ actualValue: 5, expectedToDate: 10 }),
        target({ actualValue: 9, expectedToDate: 10 }),
        target({ actualValue: 12, expectedToDate: 10 }),
        target({ actualValue: 0, expectedToDate: null }),
      ];
      // (50 + 90 + 120) / 3 = 86.7
      expect(paceSummary(paced, SEMANTICS).percent).toBe(86.7);
    });

    it('puts the targets whose status reads badly first (over budget too, though its ratio is capped at 100)', () => {
      const list = [
        target({ id: 'SLOW', actualValue: 5, expectedToDate: 10, paceStatus: 'Behind' }),
        target({ id: 'FINE', actualValue: 9, expectedToDate: 10, paceStatus: 'On Track' }),
        target({
          id: 'OVER',
          metric: 'Marketing_Spend',
          targetValue: 18800,
          actualValue: 35400,
          expectedToDate: 9400,
          paceStatus: 'Over Budget',
        }),
        target({ id: 'NONE' }),
      ];
      expect(furthestBehind(list, SEMANTICS, 3).map((t) => t.id)).toEqual(['SLOW', 'OVER', 'FINE']);
    });
  });
});

describe('c/planInsights: fiscal periods', () => {
  // A fiscal year that starts in February: FY2027 runs 2026-02-01 to 2027-01-31.
  const FY27 = { fiscalYear: 'FY2027', periodStart: '2026-02-01' };

  it('labels the year, its quarters (3-month blocks from the start) and its months', () => {
    expect(periodLabel(FY27, '2026-02-01', '2027-01-31', 'en-US')).toBe('FY2027');
    expect(periodLabel(FY27, '2026-02-01', '2026-04-30', 'en-US')).toBe('FY2027 Q1');
    expect(periodLabel(FY27, '2026-11-01', '2027-01-31', 'en-US')).toBe('FY2027 Q4');
    expect(periodLabel(FY27, '2026-04-01', '2026-04-30', 'en-US')).toBe('FY2027 Apr');
    expect(fiscalPeriods(FY27, 'en-US').map((p) => p.periodType)).toEqual([
      'Year',
      ...Array<string>(4).fill('Quarter'),
      ...Array<string>(12).fill('Month'),
    ]);
  });

  it('falls back to the dates when a period does not line up with the plan', () => {
    // A calendar quarter in a February fiscal year is no fiscal quarter.
    // Intl puts thin spaces around the range's dash.
    expect(periodLabel(FY27, '2026-04-01', '2026-06-30', 'en-US')).toMatch(/^Apr 1\s–\sJun 30, 2026$/);
    expect(periodLabel({ fiscalYear: null, periodStart: '2026-02-01' }, '2026-02-01', '2026-04-30', 'en-US')).toMatch(
      /^Feb 1\s–\sApr 30, 2026$/,
    );
    expect(periodLabel(null, '2026-02-01', '2026-04-30', 'en-US')).toMatch(/^Feb 1\s–\sApr 30, 2026$/);
  });

  it('offers no month names when the year does not start on the first of a month', () => {
    const midMonth = fiscalPeriods({ fiscalYear: 'FY2027', periodStart: '2026-02-15' }, 'en-US');
    expect(midMonth.map((p) => p.periodType)).toEqual(['Year', 'Quarter', 'Quarter', 'Quarter', 'Quarter']);
    expect(midMonth[1]).toMatchObject({ start: '2026-02-15', end: '2026-05-14', label: 'FY2027 Q1' });
  });

  it("finds the plan's fiscal quarter of a day, none outside its year", () => {
    expect(fiscalQuarterOn(FY27, '2026-05-20', 'en-US')).toMatchObject({
      start: '2026-05-01',
      end: '2026-07-31',
      label: 'FY2027 Q2',
    });
    expect(fiscalQuarterOn(FY27, '2026-01-31', 'en-US')).toBeNull();
    expect(addMonths('2026-11-01', 3)).toBe('2027-02-01');
  });
});

describe('c/planInsights: target figures', () => {
  const options = { unit: 'Currency', semantics: SEMANTICS, locale: 'en-US', orgCurrency: 'USD', today: TODAY };

  it("shows values in the target's currency, not the viewer's", () => {
    const eur = target({ metric: 'Marketing_Spend', currencyIsoCode: 'EUR', targetValue: 18800, actualValue: 9400 });
    expect(targetFigureTexts(eur, options)).toMatchObject({ currency: 'EUR', target: '€18,800', actual: '€9,400' });
    // A single-currency org: no CurrencyIsoCode, the org's currency.
    expect(targetFigureTexts({ ...eur, currencyIsoCode: null }, options)).toMatchObject({ target: '$18,800' });
  });

  it('shows an em dash, not "$0 / 0%", for the actual and attainment of a target not started', () => {
    const q3 = target({ periodStart: '2026-07-01', periodEnd: '2026-09-30', actualValue: 0, attainment: 0 });
    expect(targetFigureTexts(q3, { ...options, unit: 'Count' })).toMatchObject({
      started: false,
      actualWithheld: true,
      actual: '—',
      attainment: '—',
      target: '10',
    });
  });

  it("still shows a snapshot metric's current value before its period", () => {
    const pipeline = target({
      metric: 'Open_Pipeline',
      periodStart: '2026-07-01',
      periodEnd: '2026-09-30',
      actualValue: 52000,
      attainment: null,
    });
    expect(targetFigureTexts(pipeline, options)).toMatchObject({ actualWithheld: false, actual: '$52,000' });
  });
});
