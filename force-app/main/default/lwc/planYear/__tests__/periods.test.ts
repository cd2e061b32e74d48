import { nextFiscalYearLabel, nextPlanYear, standardPlanPeriods, type DateSpan } from 'c/planYear';

const ends = (spans: DateSpan[]): string[] => spans.map((s) => s.end);
const starts = (spans: DateSpan[]): string[] => spans.map((s) => s.start);

/** Every part starts the day after the one before and the parts cover the year exactly. */
function expectContiguous(year: DateSpan, parts: DateSpan[]): void {
  expect(parts[0].start).toBe(year.start);
  expect(parts[parts.length - 1].end).toBe(year.end);
  for (let i = 1; i < parts.length; i++) {
    const dayAfter = new Date(Date.parse(parts[i - 1].end) + 86_400_000).toISOString().slice(0, 10);
    expect(parts[i].start).toBe(dayAfter);
  }
}

describe('standardPlanPeriods', () => {
  it('gives a January year calendar quarters and months', () => {
    const periods = standardPlanPeriods({ start: '2027-01-01', end: '2027-12-31' });
    expect(periods.year).toEqual({ start: '2027-01-01', end: '2027-12-31' });
    expect(periods.quarters).toEqual([
      { start: '2027-01-01', end: '2027-03-31' },
      { start: '2027-04-01', end: '2027-06-30' },
      { start: '2027-07-01', end: '2027-09-30' },
      { start: '2027-10-01', end: '2027-12-31' },
    ]);
    expect(periods.months).toHaveLength(12);
    expect(ends(periods.months)).toEqual([
      '2027-01-31',
      '2027-02-28',
      '2027-03-31',
      '2027-04-30',
      '2027-05-31',
      '2027-06-30',
      '2027-07-31',
      '2027-08-31',
      '2027-09-30',
      '2027-10-31',
      '2027-11-30',
      '2027-12-31',
    ]);
    expectContiguous(periods.year, periods.quarters);
    expectContiguous(periods.year, periods.months);
  });

  it('counts a non-January year from its start: Feb 2026 - Jan 2027', () => {
    const periods = standardPlanPeriods({ start: '2026-02-01', end: '2027-01-31' });
    expect(periods.quarters).toEqual([
      { start: '2026-02-01', end: '2026-04-30' },
      { start: '2026-05-01', end: '2026-07-31' },
      { start: '2026-08-01', end: '2026-10-31' },
      { start: '2026-11-01', end: '2027-01-31' },
    ]);
    expect(starts(periods.months)).toEqual([
      '2026-02-01',
      '2026-03-01',
      '2026-04-01',
      '2026-05-01',
      '2026-06-01',
      '2026-07-01',
      '2026-08-01',
      '2026-09-01',
      '2026-10-01',
      '2026-11-01',
      '2026-12-01',
      '2027-01-01',
    ]);
    expect(periods.months[0]).toEqual({ start: '2026-02-01', end: '2026-02-28' });
    expect(periods.months[11]).toEqual({ start: '2027-01-01', end: '2027-01-31' });
    expectContiguous(periods.year, periods.quarters);
    expectContiguous(periods.year, periods.months);
  });

  it('ends February on the 29th in a leap year', () => {
    const feb = standardPlanPeriods({ start: '2028-02-01', end: '2029-01-31' });
    expect(feb.months[0]).toEqual({ start: '2028-02-01', end: '2028-02-29' });
    const march = standardPlanPeriods({ start: '2027-03-01', end: '2028-02-29' });
    expect(march.quarters[3]).toEqual({ start: '2027-12-01', end: '2028-02-29' });
    expect(march.months[11]).toEqual({ start: '2028-02-01', end: '2028-02-29' });
    expectContiguous(march.year, march.months);
  });

  it("ends the last quarter and month on a short year's last day, so every part lies inside its year", () => {
    const periods = standardPlanPeriods({ start: '2026-02-01', end: '2027-01-30' });
    expect(periods.quarters[3]).toEqual({ start: '2026-11-01', end: '2027-01-30' });
    expect(periods.months[11]).toEqual({ start: '2027-01-01', end: '2027-01-30' });
    expectContiguous(periods.year, periods.quarters);
    expectContiguous(periods.year, periods.months);
  });

  it('does not share the span it was given', () => {
    const span = { start: '2027-01-01', end: '2027-12-31' };
    const periods = standardPlanPeriods(span);
    periods.year.end = '2027-06-30';
    expect(span.end).toBe('2027-12-31');
  });
});

describe('nextPlanYear', () => {
  it('starts the day after and runs as many months', () => {
    expect(nextPlanYear({ start: '2026-01-01', end: '2026-12-31' }, 'FY2026')).toEqual({
      span: { start: '2027-01-01', end: '2027-12-31' },
      fiscalYear: 'FY2027',
    });
    expect(nextPlanYear({ start: '2026-02-01', end: '2027-01-31' }, 'FY2027')).toEqual({
      span: { start: '2027-02-01', end: '2028-01-31' },
      fiscalYear: 'FY2028',
    });
  });

  it('ends on the last day of February across leap years', () => {
    expect(nextPlanYear({ start: '2026-03-01', end: '2027-02-28' }, '2027').span).toEqual({
      start: '2027-03-01',
      end: '2028-02-29',
    });
    expect(nextPlanYear({ start: '2027-03-01', end: '2028-02-29' }, '2028')).toEqual({
      span: { start: '2028-03-01', end: '2029-02-28' },
      fiscalYear: '2029',
    });
  });

  it('keeps a shorter span as many months long', () => {
    expect(nextPlanYear({ start: '2026-01-01', end: '2026-03-31' }, null)).toEqual({
      span: { start: '2026-04-01', end: '2026-06-30' },
      fiscalYear: null,
    });
  });

  it('follows a span that is not whole months (a 52-week year) with one of as many days', () => {
    // 2026-02-01 .. 2027-01-30 is 364 days; so is 2027-01-31 .. 2028-01-29.
    expect(nextPlanYear({ start: '2026-02-01', end: '2027-01-30' }, 'FY2027').span).toEqual({
      start: '2027-01-31',
      end: '2028-01-29',
    });
  });
});

describe('nextFiscalYearLabel', () => {
  it('adds one to the trailing number, keeping its width', () => {
    expect(nextFiscalYearLabel('FY2027')).toBe('FY2028');
    expect(nextFiscalYearLabel('2027')).toBe('2028');
    expect(nextFiscalYearLabel('FY27')).toBe('FY28');
    expect(nextFiscalYearLabel('FY 009')).toBe('FY 010');
    expect(nextFiscalYearLabel(' FY2027 ')).toBe('FY2028');
  });

  it('wraps a two-digit year and moves both ends of a range', () => {
    expect(nextFiscalYearLabel('FY99')).toBe('FY00');
    expect(nextFiscalYearLabel('FY2026/27')).toBe('FY2027/28');
    expect(nextFiscalYearLabel('2026-2027')).toBe('2027-2028');
  });

  it('is null without a trailing number', () => {
    expect(nextFiscalYearLabel('Next year')).toBeNull();
    expect(nextFiscalYearLabel('FY2027 (draft)')).toBeNull();
    expect(nextFiscalYearLabel('')).toBeNull();
    expect(nextFiscalYearLabel(null)).toBeNull();
    expect(nextPlanYear({ start: '2026-01-01', end: '2026-12-31' }, 'Plan').fiscalYear).toBeNull();
  });
});
