import { addDaysIso, addMonthsIso, daysBetween, isMonthEnd, monthEndAfter, monthsBetween } from 'c/planYear';

describe('addMonthsIso', () => {
  it('keeps the day of the month', () => {
    expect(addMonthsIso('2026-05-15', 1)).toBe('2026-06-15');
    expect(addMonthsIso('2026-12-15', 1)).toBe('2027-01-15');
    expect(addMonthsIso('2026-01-15', -1)).toBe('2025-12-15');
    expect(addMonthsIso('2026-01-01', -13)).toBe('2024-12-01');
    expect(addMonthsIso('2026-05-31', 12)).toBe('2027-05-31');
    expect(addMonthsIso('2026-05-31', 0)).toBe('2026-05-31');
  });

  it("clamps to the month's end instead of spilling into the next month", () => {
    expect(addMonthsIso('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonthsIso('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonthsIso('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonthsIso('2026-08-31', 1)).toBe('2026-09-30');
    expect(addMonthsIso('2028-02-29', 12)).toBe('2029-02-28');
    expect(addMonthsIso('2027-11-30', 3)).toBe('2028-02-29');
  });

  it('refuses what is not an ISO date', () => {
    expect(() => addMonthsIso('2026-1-31', 1)).toThrow(RangeError);
    expect(() => addDaysIso('31/01/2026', 1)).toThrow('not an ISO date');
  });
});

describe('addDaysIso', () => {
  it('crosses month, year and leap-day boundaries', () => {
    expect(addDaysIso('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDaysIso('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDaysIso('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDaysIso('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDaysIso('2026-03-29', 0)).toBe('2026-03-29');
  });
});

describe('month helpers', () => {
  it("knows a month's last day", () => {
    expect(isMonthEnd('2027-02-28')).toBe(true);
    expect(isMonthEnd('2028-02-28')).toBe(false);
    expect(isMonthEnd('2028-02-29')).toBe(true);
    expect(isMonthEnd('2026-04-30')).toBe(true);
    expect(isMonthEnd('2026-05-30')).toBe(false);
    expect(monthEndAfter('2027-02-28', 12)).toBe('2028-02-29');
    expect(monthEndAfter('2027-01-10', 1)).toBe('2027-02-28');
    expect(monthEndAfter('2027-01-10', -2)).toBe('2026-11-30');
  });

  it('counts months by calendar month and days exactly', () => {
    expect(monthsBetween('2026-02-01', '2027-02-01')).toBe(12);
    expect(monthsBetween('2026-02-28', '2026-03-01')).toBe(1);
    expect(monthsBetween('2027-01-01', '2026-04-30')).toBe(-9);
    expect(daysBetween('2028-01-01', '2028-12-31')).toBe(365);
    expect(daysBetween('2027-01-01', '2027-12-31')).toBe(364);
    expect(daysBetween('2027-03-01', '2027-02-28')).toBe(-1);
  });
});
