/**
 * The jobs' fiscal calendar: standard years from April named by their start or their end, a custom 4-4-5
 * year read back from the local org's Period rows, labels, and the seed's plans and quarters built from it.
 * Expected dates are worked out by hand.
 */
import { FiscalCalendar, readFiscalCalendar, type FiscalQuarter } from '../../packages/jobs/fiscal';
import { addDays } from '../../packages/jobs/periods';
import { generateDataset, type SeedDataset } from '../../packages/jobs/seed/generate';
import { readOrgFacts } from '../../packages/jobs/seed/preflight';
import { parseScale } from '../../packages/jobs/seed/scales';
import type { CustomFiscalYearSpec } from '../../packages/localorg/fiscal';
import { startTestOrg } from '../support/localorg';
import { scriptSession } from '../support/scripts';

/** FY2027 as a 4-4-5 year from Sunday 2026-03-29: quarters of 13 weeks, periods of 4, 4 and 5 weeks. */
const FY2027: CustomFiscalYearSpec = {
  year: 2027,
  periods: Array.from({ length: 12 }, (_, i) => {
    const weeksBefore = Math.floor(i / 3) * 13 + [0, 4, 8][i % 3];
    const start = addDays('2026-03-29', weeksBefore * 7);
    return { start, end: addDays(start, (i % 3 === 2 ? 5 : 4) * 7 - 1) };
  }),
};
const FY2027_QUARTERS: FiscalQuarter[] = [
  { fiscalYear: 2027, quarter: 1, start: '2026-03-29', end: '2026-06-27' },
  { fiscalYear: 2027, quarter: 2, start: '2026-06-28', end: '2026-09-26' },
  { fiscalYear: 2027, quarter: 3, start: '2026-09-27', end: '2026-12-26' },
  { fiscalYear: 2027, quarter: 4, start: '2026-12-27', end: '2027-03-27' },
];

describe('a standard fiscal year from April', () => {
  const byStart = new FiscalCalendar(4, true);
  const byEnd = new FiscalCalendar(4, false);

  it('is named after the calendar year it starts in, or ends in', () => {
    expect([byStart.yearOf('2026-04-01'), byStart.yearOf('2027-03-31'), byStart.yearOf('2026-03-31')]).toEqual([
      2026, 2026, 2025,
    ]);
    expect([byEnd.yearOf('2026-04-01'), byEnd.yearOf('2027-03-31'), byEnd.yearOf('2026-03-31')]).toEqual([
      2027, 2027, 2026,
    ]);
    expect(byStart.yearPeriod(2026)).toEqual({ start: '2026-04-01', end: '2027-03-31' });
    expect(byEnd.yearPeriod(2027)).toEqual({ start: '2026-04-01', end: '2027-03-31' });
  });

  it('has quarters of three months from April, numbered within the named year', () => {
    expect(byStart.quarterOf('2026-11-25')).toEqual({
      fiscalYear: 2026,
      quarter: 3,
      start: '2026-10-01',
      end: '2026-12-31',
    });
    expect(byEnd.quarterOf('2027-02-10')).toEqual({
      fiscalYear: 2027,
      quarter: 4,
      start: '2027-01-01',
      end: '2027-03-31',
    });
    expect(byStart.shiftQuarter('2026-11-25', 2)).toEqual({
      fiscalYear: 2027,
      quarter: 1,
      start: '2027-04-01',
      end: '2027-06-30',
    });
    expect(byStart.monthOf('2026-05-15')).toBe(2);
  });

  it('labels years, quarters and months', () => {
    expect(byStart.label({ fiscalYear: 2026 })).toBe('FY2026');
    expect(byStart.label(byStart.quarterOf('2026-11-25'))).toBe('FY2026 Q3');
    expect(byEnd.label(byEnd.quarterOf('2026-11-25'))).toBe('FY2027 Q3');
    expect(byStart.label({ fiscalYear: 2026, month: 2 })).toBe('FY2026 May');
    expect(byStart.label({ fiscalYear: 2026, month: 12 })).toBe('FY2026 Mar');
  });

  it('in January names the year alike either way', () => {
    expect(new FiscalCalendar(1, true).yearOf('2026-12-31')).toBe(2026);
    expect(new FiscalCalendar(1, false).yearOf('2026-12-31')).toBe(2026);
    expect(() => new FiscalCalendar(13)).toThrow('a fiscal year starts in a month from 1 to 12, not 13');
  });
});

describe('custom fiscal years', () => {
  const calendar = new FiscalCalendar(4, false, FY2027_QUARTERS);

  it('take their year, quarters and span from the custom periods', () => {
    expect(calendar.yearOf('2026-03-29')).toBe(2027);
    expect(calendar.yearPeriod(2027)).toEqual({ start: '2026-03-29', end: '2027-03-27' });
    expect(calendar.quarterOf('2026-07-01')).toEqual(FY2027_QUARTERS[1]);
    expect(calendar.shiftQuarter('2026-05-01', 3)).toEqual(FY2027_QUARTERS[3]);
  });

  it('leave the standard calendar before them, cut short where the custom year begins', () => {
    expect(calendar.shiftQuarter('2026-05-01', -1)).toEqual({
      fiscalYear: 2026,
      quarter: 4,
      start: '2026-01-01',
      end: '2026-03-28',
    });
    expect(calendar.yearPeriod(2026)).toEqual({ start: '2025-04-01', end: '2026-03-28' });
  });

  it('are read from the org: Organization settings and the Period rows of custom years', async () => {
    const t = await startTestOrg({ fiscalYearStartMonth: 4, fiscalYearNameStart: true, customFiscalYears: [FY2027] });
    try {
      const read = await readFiscalCalendar(await scriptSession(t));
      expect([read.startMonth, read.namedByStart, read.hasCustomYears]).toEqual([4, true, true]);
      expect(FY2027_QUARTERS.map((q) => read.quarterOf(q.start))).toEqual(FY2027_QUARTERS);
      // Before the custom year, the standard April year named by its start.
      expect(read.quarterOf('2025-11-25')).toEqual({
        fiscalYear: 2025,
        quarter: 3,
        start: '2025-10-01',
        end: '2025-12-31',
      });
    } finally {
      await t.close();
    }
  });

  it('are none in an org with standard years, whose Period rows all are standard', async () => {
    const t = await startTestOrg({ fiscalYearStartMonth: 4 });
    try {
      const facts = await readOrgFacts(await scriptSession(t));
      expect([facts.calendar.startMonth, facts.calendar.namedByStart, facts.calendar.hasCustomYears]).toEqual([
        4,
        false,
        false,
      ]);
    } finally {
      await t.close();
    }
  });
});

describe('the seed on a fiscal year from April named by its start', () => {
  const generate = (namedByStart: boolean): SeedDataset =>
    generateDataset({
      seed: 5,
      scale: parseScale('small'),
      asOf: '2026-11-25',
      fiscalYearStartMonth: 4,
      calendar: new FiscalCalendar(4, namedByStart),
    });
  const plansOf = (dataset: SeedDataset) =>
    dataset.levels.find((l) => l.sobject === 'Partner_Account_Plan__c')?.records.map((r) => r.fields) ?? [];

  it('names and numbers plans by the start year, over the same days', () => {
    // The window (four quarters back, two ahead) covers FY2025 Q3-Q4 and FY2026 whole: both get plans.
    const byStart = plansOf(generate(true));
    const byEnd = plansOf(generate(false));
    const summary = (plans: typeof byStart) => [
      ...new Set(
        plans.map((p) => `${String(p.Fiscal_Year__c)} ${String(p.Period_Start__c)}..${String(p.Period_End__c)}`),
      ),
    ];
    expect(summary(byStart)).toEqual(['FY2025 2025-04-01..2026-03-31', 'FY2026 2026-04-01..2027-03-31']);
    expect(summary(byEnd)).toEqual(['FY2026 2025-04-01..2026-03-31', 'FY2027 2026-04-01..2027-03-31']);
    expect(byStart.every((p) => String(p.Name).includes(String(p.Fiscal_Year__c)))).toBe(true);
  });

  it('builds the current plan’s quarterly targets on the April quarters', () => {
    const dataset = generate(true);
    const targets = dataset.levels.find((l) => l.sobject === 'Plan_Target__c')?.records ?? [];
    const quarters = new Set(
      targets
        .filter((t) => t.key.includes('-2026-') && t.fields.Period_Type__c === 'Quarter')
        .map((t) => `${String(t.fields.Period_Start__c)}..${String(t.fields.Period_End__c)}`),
    );
    expect([...quarters].sort()).toEqual([
      '2026-04-01..2026-06-30',
      '2026-07-01..2026-09-30',
      '2026-10-01..2026-12-31',
      '2027-01-01..2027-03-31',
    ]);
  });
});
