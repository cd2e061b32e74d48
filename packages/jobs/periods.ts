/**
 * Calendar arithmetic on ISO dates ('YYYY-MM-DD', UTC): fiscal quarters and years from the org's fiscal
 * year start month, and linear pace. Shared by the seed (which builds plans per fiscal year and targets per
 * quarter) and the rollup (which computes expected-to-date from each target's own dates).
 */

export type IsoDate = string;

const pad = (n: number): string => String(n).padStart(2, '0');

export function isoDate(year: number, month: number, day: number): IsoDate {
  const d = new Date(Date.UTC(year, month - 1, day));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export function parseIso(date: IsoDate): { year: number; month: number; day: number } {
  const [year, month, day] = date.split('-').map(Number);
  return { year, month, day };
}

export function toIso(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}

/** Whole days from a to b (b - a). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const { year, month, day } = parseIso(date);
  return isoDate(year, month, day + days);
}

export function addMonths(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = parseIso(date);
  return isoDate(year, month + months, day);
}

export interface Period {
  start: IsoDate;
  end: IsoDate;
}

/**
 * A fiscal year is named by the calendar year in which it ends (Salesforce's default for standard fiscal
 * years that start in a month other than January).
 */
export function fiscalYearOf(date: IsoDate, startMonth: number): number {
  const { year, month } = parseIso(date);
  if (startMonth === 1) return year;
  return month >= startMonth ? year + 1 : year;
}

export function fiscalYearPeriod(fiscalYear: number, startMonth: number): Period {
  const startYear = startMonth === 1 ? fiscalYear : fiscalYear - 1;
  const start = isoDate(startYear, startMonth, 1);
  return { start, end: addDays(addMonths(start, 12), -1) };
}

/** The fiscal quarter (1-4) containing a date, with its period. */
export function fiscalQuarterOf(date: IsoDate, startMonth: number): { fiscalYear: number; quarter: number } & Period {
  const fiscalYear = fiscalYearOf(date, startMonth);
  const yearStart = fiscalYearPeriod(fiscalYear, startMonth).start;
  const monthsIn =
    (parseIso(date).year - parseIso(yearStart).year) * 12 + parseIso(date).month - parseIso(yearStart).month;
  const quarter = Math.floor(monthsIn / 3) + 1;
  const start = addMonths(yearStart, (quarter - 1) * 3);
  return { fiscalYear, quarter, start, end: addDays(addMonths(start, 3), -1) };
}

/** The quarter `offset` quarters after the one containing `date`. */
export function shiftQuarter(date: IsoDate, offset: number, startMonth: number): ReturnType<typeof fiscalQuarterOf> {
  const current = fiscalQuarterOf(date, startMonth);
  return fiscalQuarterOf(addMonths(current.start, offset * 3), startMonth);
}

/**
 * Share of a period elapsed on `asOf`, counting whole days inclusive: 0 before it starts, 1 once it ended.
 * Linear pace: expected-to-date = target × this fraction.
 */
export function elapsedFraction(period: Period, asOf: IsoDate): number {
  const total = daysBetween(period.start, period.end) + 1;
  const elapsed = daysBetween(period.start, asOf) + 1;
  if (total <= 0) return 1;
  return Math.min(1, Math.max(0, elapsed / total));
}

export function fiscalYearLabel(fiscalYear: number): string {
  return `FY${fiscalYear}`;
}
