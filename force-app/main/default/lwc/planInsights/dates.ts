/**
 * Calendar dates of c/planInsights: 'YYYY-MM-DD' strings, compared as text, computed in UTC so a
 * date never shifts with the browser's time zone.
 */
import { dateTimeFormat } from './intl';

const DAY_MS = 86_400_000;

export const toUtc = (iso: string): number => {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
};
const fromUtc = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** Today's calendar date in a time zone (the user's, from @salesforce/i18n/timeZone). */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  const parts = dateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const part = (type: string): string => (parts.find((p) => p.type === type) ?? { value: '' }).value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

export const addDays = (iso: string, days: number): string => fromUtc(toUtc(iso) + days * DAY_MS);

export const daysBetween = (from: string, to: string): number => Math.round((toUtc(to) - toUtc(from)) / DAY_MS);

/** The Monday of the ISO week of a date. */
export function weekStart(iso: string): string {
  const day = new Date(toUtc(iso)).getUTCDay();
  return addDays(iso, -((day + 6) % 7));
}

/** The date `months` calendar months after a date (same day of the month). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  return fromUtc(Date.UTC(y, m - 1 + months, d));
}

/** The last day of a period of `periodType` (Month, Quarter, Year) that starts on `start`. */
export function periodEndFor(start: string, periodType: string): string {
  const months = periodType === 'Month' ? 1 : periodType === 'Year' ? 12 : 3;
  return addDays(addMonths(start, months), -1);
}

/** True when the date lies in [start, end]; an open end counts as unbounded. */
export function periodContains(start: string | null, end: string | null, date: string): boolean {
  return (!start || start <= date) && (!end || date <= end);
}
