/**
 * Calendar arithmetic on ISO dates ('YYYY-MM-DD', UTC) and linear pace. Shared by the seed and the rollup
 * (which computes expected-to-date from each target's own dates); fiscal years and quarters are the org's
 * FiscalCalendar's (fiscal.ts).
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
 * Share of a period elapsed on `asOf`, counting whole days inclusive: 0 before it starts, 1 once it ended.
 * Linear pace: expected-to-date = target × this fraction.
 */
export function elapsedFraction(period: Period, asOf: IsoDate): number {
  const total = daysBetween(period.start, period.end) + 1;
  const elapsed = daysBetween(period.start, asOf) + 1;
  if (total <= 0) return 1;
  return Math.min(1, Math.max(0, elapsed / total));
}
