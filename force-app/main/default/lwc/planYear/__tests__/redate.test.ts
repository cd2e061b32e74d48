import { carryableShortfall, redatePeriod, standardPlanPeriods } from 'c/planYear';

const FY2027 = standardPlanPeriods({ start: '2026-02-01', end: '2027-01-31' });
const FY2028 = standardPlanPeriods({ start: '2027-02-01', end: '2028-01-31' });

describe('redatePeriod', () => {
  it('maps the year, a quarter and a month to the same index in the next year', () => {
    expect(redatePeriod({ ...FY2027.year, periodType: 'Year' }, FY2027, FY2028)).toEqual(FY2028.year);
    expect(redatePeriod({ start: '2026-11-01', end: '2027-01-31', periodType: 'Quarter' }, FY2027, FY2028)).toEqual({
      start: '2027-11-01',
      end: '2028-01-31',
    });
    expect(redatePeriod({ start: '2026-02-01', end: '2026-02-28', periodType: 'Month' }, FY2027, FY2028)).toEqual({
      start: '2027-02-01',
      end: '2027-02-28',
    });
  });

  it("lands on the next year's own quarter and month ends across a leap year", () => {
    const from = standardPlanPeriods({ start: '2027-03-01', end: '2028-02-29' });
    const to = standardPlanPeriods({ start: '2028-03-01', end: '2029-02-28' });
    expect(redatePeriod({ start: '2028-02-01', end: '2028-02-29', periodType: 'Month' }, from, to)).toEqual({
      start: '2029-02-01',
      end: '2029-02-28',
    });
    expect(redatePeriod({ start: '2027-12-01', end: '2028-02-29', periodType: 'Quarter' }, from, to)).toEqual({
      start: '2028-12-01',
      end: '2029-02-28',
    });
    expect(redatePeriod({ ...from.year, periodType: 'Year' }, from, to)).toEqual(to.year);
  });

  it("recognises a blank type's period by its dates", () => {
    expect(redatePeriod({ start: '2026-05-01', end: '2026-07-31', periodType: null }, FY2027, FY2028)).toEqual({
      start: '2027-05-01',
      end: '2027-07-31',
    });
  });

  it('shifts any other span by the months between the year starts, keeping month ends', () => {
    expect(redatePeriod({ start: '2026-03-15', end: '2026-06-30', periodType: null }, FY2027, FY2028)).toEqual({
      start: '2027-03-15',
      end: '2027-06-30',
    });
    // A "quarter" that is not one of the plan's quarters is another span.
    expect(redatePeriod({ start: '2026-03-01', end: '2026-05-31', periodType: 'Quarter' }, FY2027, FY2028)).toEqual({
      start: '2027-03-01',
      end: '2027-05-31',
    });
    // Jan 31 stays Jan 31.
    expect(redatePeriod({ start: '2026-12-10', end: '2027-01-31', periodType: null }, FY2027, FY2028)).toEqual({
      start: '2027-12-10',
      end: '2028-01-31',
    });
  });

  it("keeps a span that ends on February's last day on the last day", () => {
    const y2027 = standardPlanPeriods({ start: '2027-01-01', end: '2027-12-31' });
    const y2028 = standardPlanPeriods({ start: '2028-01-01', end: '2028-12-31' });
    const y2029 = standardPlanPeriods({ start: '2029-01-01', end: '2029-12-31' });
    expect(redatePeriod({ start: '2027-02-10', end: '2027-02-28', periodType: null }, y2027, y2028)).toEqual({
      start: '2028-02-10',
      end: '2028-02-29',
    });
    expect(redatePeriod({ start: '2028-02-10', end: '2028-02-29', periodType: null }, y2028, y2029)).toEqual({
      start: '2029-02-10',
      end: '2029-02-28',
    });
    // A span ending on the 28th of a leap February is not at the month's end: it stays the 28th.
    expect(redatePeriod({ start: '2028-01-29', end: '2028-02-28', periodType: null }, y2028, y2029)).toEqual({
      start: '2029-01-29',
      end: '2029-02-28',
    });
  });

  it("shifts by the calendar's move when the next year starts in another month", () => {
    const calendar = standardPlanPeriods({ start: '2026-01-01', end: '2026-12-31' });
    const april = standardPlanPeriods({ start: '2026-04-01', end: '2027-03-31' });
    expect(redatePeriod({ start: '2026-01-01', end: '2026-03-31', periodType: 'Quarter' }, calendar, april)).toEqual({
      start: '2026-04-01',
      end: '2026-06-30',
    });
    expect(redatePeriod({ start: '2026-01-20', end: '2026-02-28', periodType: null }, calendar, april)).toEqual({
      start: '2026-04-20',
      end: '2026-05-31',
    });
  });

  it("takes the next year's period by index even when that year is shorter", () => {
    const calendar = standardPlanPeriods({ start: '2026-01-01', end: '2026-12-31' });
    const short = standardPlanPeriods({ start: '2027-01-01', end: '2027-12-25' });
    const q4 = { start: '2026-10-01', end: '2026-12-31' };
    expect(redatePeriod({ ...q4, periodType: 'Quarter' }, calendar, short)).toEqual({
      start: '2027-10-01',
      end: '2027-12-25',
    });
    // The same dates called a Month are no month of the plan: they shift.
    expect(redatePeriod({ ...q4, periodType: 'Month' }, calendar, short)).toEqual({
      start: '2027-10-01',
      end: '2027-12-31',
    });
  });
});

describe('carryableShortfall', () => {
  const cumulative = { direction: 'Higher is better', shape: 'Cumulative' };

  it('is what a higher-is-better cumulative target fell short by', () => {
    expect(carryableShortfall({ targetValue: 1000, actualValue: 800 }, cumulative)).toBe(200);
    expect(carryableShortfall({ targetValue: 0.3, actualValue: 0.1 }, cumulative)).toBe(0.2);
    expect(carryableShortfall({ targetValue: 1000.1, actualValue: 999.99 }, cumulative)).toBe(0.11);
    expect(carryableShortfall({ targetValue: 1000, actualValue: 0 }, cumulative)).toBe(1000);
  });

  it('is 0 for a target met or beaten', () => {
    expect(carryableShortfall({ targetValue: 1000, actualValue: 1000 }, cumulative)).toBe(0);
    expect(carryableShortfall({ targetValue: 1000, actualValue: 1200 }, cumulative)).toBe(0);
    expect(carryableShortfall({ targetValue: 0, actualValue: 0 }, cumulative)).toBe(0);
  });

  it('is null (not carried) without an actual or a target value', () => {
    expect(carryableShortfall({ targetValue: 1000, actualValue: null }, cumulative)).toBeNull();
    expect(carryableShortfall({ targetValue: null, actualValue: 5 }, cumulative)).toBeNull();
  });

  it('is null for rates, snapshots, lower-is-better and budget metrics', () => {
    const target = { targetValue: 40, actualValue: 30 };
    expect(carryableShortfall(target, { direction: 'Higher is better', shape: 'Rate' })).toBeNull();
    expect(carryableShortfall(target, { direction: 'Higher is better', shape: 'Snapshot' })).toBeNull();
    expect(carryableShortfall(target, { direction: 'Lower is better', shape: 'Cumulative' })).toBeNull();
    expect(carryableShortfall(target, { direction: 'Stay within budget', shape: 'Cumulative' })).toBeNull();
    expect(carryableShortfall(target, { direction: null, shape: 'Rate' })).toBeNull();
  });

  it('reads a blank or unknown metric as c/metricSemantics does: higher is better, cumulative', () => {
    const target = { targetValue: 40, actualValue: 30 };
    expect(carryableShortfall(target, null)).toBe(10);
    expect(carryableShortfall(target, { direction: null, shape: null })).toBe(10);
    expect(carryableShortfall(target, { direction: 'Sideways', shape: 'Linear' })).toBe(10);
  });
});
