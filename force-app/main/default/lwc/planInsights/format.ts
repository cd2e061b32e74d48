/**
 * Formatting of c/planInsights: label templates, metric values, percentages, dates and date ranges.
 */
import { toUtc } from './dates';
import { dateTimeFormat, numberFormat } from './intl';

/** Fills `{0}`, `{1}`... in a label. */
export function formatLabel(template: string, ...values: (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (match, index: string) => {
    const i = Number(index);
    return i < values.length ? String(values[i]) : match;
  });
}

/** A metric value in its unit: currency, percent points, or a number. */
export function formatValue(
  value: number | null | undefined,
  unit: string | null,
  locale: string,
  currency: string,
): string {
  if (value === null || value === undefined) return '—';
  if (unit === 'Currency') {
    return numberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0 }).format(value);
  }
  if (unit === 'Percent') return formatPercent(value, locale);
  return numberFormat(locale, { maximumFractionDigits: 2 }).format(value);
}

/** Percent points (85.5) as a percentage (85.5%). */
export function formatPercent(value: number | null | undefined, locale: string): string {
  if (value === null || value === undefined) return '—';
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value / 100);
}

const utcDate = (iso: string): Date => new Date(toUtc(iso));

export function formatDate(iso: string | null, locale: string): string {
  if (!iso) return '—';
  return dateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(utcDate(iso));
}

export function formatDateRange(start: string | null, end: string | null, locale: string): string {
  if (!start || !end) return `${formatDate(start, locale)} – ${formatDate(end, locale)}`;
  return dateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).formatRange(utcDate(start), utcDate(end));
}

/** A short day label ("May 4") for chart axes. */
export function formatShortDate(iso: string, locale: string): string {
  return dateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(utcDate(iso));
}

export function formatDateTime(iso: string | null, locale: string, timeZone: string): string {
  if (!iso) return '—';
  return dateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(iso));
}
