/**
 * Date literals (TODAY, LAST_N_DAYS:n, THIS_FISCAL_QUARTER, ...) as day ranges, and the SOQL date
 * functions as SQL over the stored text ('YYYY-MM-DD', 'YYYY-MM-DDTHH:MM:SS.sssZ').
 * The org's time zone is UTC and its locale en_US (weeks start on Sunday). Fiscal periods follow the org's
 * calendar (../fiscal.ts): a standard year from the first day of its start month, named after the calendar
 * year it ends in (or starts in), and custom fiscal years where the org defines them.
 */
import { fiscalFunctionSql, fiscalPeriodContaining, dayNumber, type FiscalCalendar } from '../fiscal';

const DAY_MS = 86_400_000;
/** The largest day number a JavaScript Date holds either side of 1970-01-01. */
const MAX_DAYS = 100_000_000;

/** A half-open range of days [start, end), both 'YYYY-MM-DD'. */
export interface DayRange {
  start: string;
  end: string;
}

const dayText = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
/** Months are counted as year * 12 + (month - 1). */
const monthText = (month: number): string =>
  `${String(Math.floor(month / 12)).padStart(4, '0')}-${String((month % 12) + 1).padStart(2, '0')}-01`;

interface Unit {
  /** Start of the current period, in days or in months. */
  start: number;
  /** Length of one period in the same measure. */
  length: number;
  inDays: boolean;
}

const SINGULAR: Record<string, string> = {
  DAY: 'DAYS',
  WEEK: 'WEEKS',
  MONTH: 'MONTHS',
  QUARTER: 'QUARTERS',
  YEAR: 'YEARS',
  FISCAL_QUARTER: 'FISCAL_QUARTERS',
  FISCAL_YEAR: 'FISCAL_YEARS',
};

const NAMED: Record<string, string> = {
  TODAY: 'THIS_DAY',
  YESTERDAY: 'LAST_DAY',
  TOMORROW: 'NEXT_DAY',
  LAST_90_DAYS: 'LAST_N_DAYS',
  NEXT_90_DAYS: 'NEXT_N_DAYS',
};

/** Whole fiscal periods walked one at a time: more than this many is no range (custom years are few). */
const MAX_FISCAL_STEPS = 100_000;

/**
 * FISCAL_QUARTER and FISCAL_YEAR literals in an org with custom fiscal years: the periods are uneven, so
 * the range is found by walking from the current period, one whole period at a time.
 */
function customFiscalRange(
  calendar: FiscalCalendar,
  unit: 'quarter' | 'year',
  today: string,
  from: number,
  to: number,
): DayRange | undefined {
  if (Math.max(Math.abs(from), Math.abs(to)) > MAX_FISCAL_STEPS) return undefined;
  const step = (range: { start: string; end: string }, by: number): { start: string; end: string } => {
    let r = range;
    for (let i = 0; i < Math.abs(by); i++) {
      const next = by > 0 ? dayNumber(r.end) + 1 : dayNumber(r.start) - 1;
      if (Math.abs(next) > MAX_DAYS) return r;
      r = fiscalPeriodContaining(calendar, unit, dayText(next));
    }
    return r;
  };
  const current = fiscalPeriodContaining(calendar, unit, today);
  const first = step(current, from);
  const last = step(first, to - from - 1);
  return { start: first.start, end: dayText(dayNumber(last.end) + 1) };
}

/**
 * The days a date literal covers, or undefined for an unknown name. `n` is the number of a
 * `LAST_N_DAYS:n`-style literal. Ranges follow the SOQL reference: LAST_N_DAYS:n also covers today,
 * NEXT_N_DAYS:n starts tomorrow, LAST_N_WEEKS/MONTHS/QUARTERS/YEARS:n are the n whole periods before the
 * current one, NEXT_N_...:n the n whole periods after it, N_..._AGO:n the single period n periods back.
 */
export function dateLiteralRange(
  literal: string,
  n: number | undefined,
  now: Date,
  fiscalStartMonth: number,
  calendar?: FiscalCalendar,
): DayRange | undefined {
  const today = Math.floor(now.getTime() / DAY_MS);
  const month = now.getUTCFullYear() * 12 + now.getUTCMonth();
  const fiscalOffset = (now.getUTCMonth() - (fiscalStartMonth - 1) + 12) % 12;
  const units: Record<string, Unit> = {
    // 1970-01-01 was a Thursday: (day + 4) % 7 is 0 on Sundays.
    DAYS: { start: today, length: 1, inDays: true },
    WEEKS: { start: today - ((today + 4) % 7), length: 7, inDays: true },
    MONTHS: { start: month, length: 1, inDays: false },
    QUARTERS: { start: month - (now.getUTCMonth() % 3), length: 3, inDays: false },
    YEARS: { start: month - now.getUTCMonth(), length: 12, inDays: false },
    FISCAL_QUARTERS: { start: month - (fiscalOffset % 3), length: 3, inDays: false },
    FISCAL_YEARS: { start: month - fiscalOffset, length: 12, inDays: false },
  };
  const name = NAMED[literal] ?? literal;
  const count = literal.endsWith('_90_DAYS') ? 90 : (n ?? 0);
  const span = (unit: Unit | undefined, from: number, to: number): DayRange | undefined => {
    if (!unit) return undefined;
    if (calendar?.custom.length && (unit === units.FISCAL_QUARTERS || unit === units.FISCAL_YEARS)) {
      const kind = unit === units.FISCAL_YEARS ? 'year' : 'quarter';
      return customFiscalRange(calendar, kind, dayText(today), from, to);
    }
    const [a, b] = [unit.start + from * unit.length, unit.start + to * unit.length];
    // JavaScript dates end 100,000,000 days from 1970: an n that reaches past them is no date (not a 500).
    if (unit.inDays && (Math.abs(a) > MAX_DAYS || Math.abs(b) > MAX_DAYS)) return undefined;
    return unit.inDays ? { start: dayText(a), end: dayText(b) } : { start: monthText(a), end: monthText(b) };
  };
  let m = /^(THIS|LAST|NEXT)_([A-Z_]+)$/.exec(name);
  if (m && SINGULAR[m[2]]) {
    const unit = units[SINGULAR[m[2]]];
    return m[1] === 'THIS' ? span(unit, 0, 1) : m[1] === 'LAST' ? span(unit, -1, 0) : span(unit, 1, 2);
  }
  if ((m = /^(LAST|NEXT)_N_([A-Z_]+)$/.exec(name))) {
    const unit = units[m[2]];
    if (m[1] === 'NEXT') return span(unit, 1, 1 + count);
    return span(unit, -count, m[2] === 'DAYS' ? 1 : 0);
  }
  if ((m = /^N_([A-Z_]+)_AGO$/.exec(name))) return span(units[m[1]], -count, 1 - count);
  return undefined;
}

export const DATE_FUNCTIONS = new Set([
  'CALENDAR_YEAR',
  'CALENDAR_QUARTER',
  'CALENDAR_MONTH',
  'DAY_IN_MONTH',
  'DAY_IN_WEEK',
  'DAY_IN_YEAR',
  'WEEK_IN_YEAR',
  'WEEK_IN_MONTH',
  'DAY_ONLY',
  'HOUR_IN_DAY',
  'FISCAL_YEAR',
  'FISCAL_QUARTER',
  'FISCAL_MONTH',
]);

/** Date functions that need a time of day. */
export const DATETIME_ONLY_FUNCTIONS = new Set(['DAY_ONLY', 'HOUR_IN_DAY']);

/**
 * SQL for a date function over a Date or DateTime column expression. Stored datetimes are UTC, the
 * org's time zone, so the calendar parts are read straight from the text.
 */
export function dateFunctionSql(
  name: string,
  arg: string,
  fiscalStartMonth: number,
  calendar: FiscalCalendar = { startMonth: fiscalStartMonth, namedByStart: false, custom: [] },
): string {
  const year = `CAST(substr(${arg}, 1, 4) AS INTEGER)`;
  const month = `CAST(substr(${arg}, 6, 2) AS INTEGER)`;
  const day = `CAST(substr(${arg}, 9, 2) AS INTEGER)`;
  const dayOfYear = `CAST(strftime('%j', substr(${arg}, 1, 10)) AS INTEGER)`;
  switch (name) {
    case 'CALENDAR_YEAR':
      return year;
    case 'CALENDAR_QUARTER':
      return `((${month} + 2) / 3)`;
    case 'CALENDAR_MONTH':
      return month;
    case 'DAY_IN_MONTH':
      return day;
    case 'DAY_IN_WEEK':
      return `(CAST(strftime('%w', substr(${arg}, 1, 10)) AS INTEGER) + 1)`;
    case 'DAY_IN_YEAR':
      return dayOfYear;
    case 'WEEK_IN_YEAR':
      return `((${dayOfYear} + 6) / 7)`;
    case 'WEEK_IN_MONTH':
      return `((${day} + 6) / 7)`;
    case 'DAY_ONLY':
      return `substr(${arg}, 1, 10)`;
    case 'HOUR_IN_DAY':
      return `CAST(substr(${arg}, 12, 2) AS INTEGER)`;
    case 'FISCAL_MONTH':
    case 'FISCAL_QUARTER':
    case 'FISCAL_YEAR':
      return fiscalFunctionSql(
        { ...calendar, startMonth: fiscalStartMonth },
        name,
        `substr(${arg}, 1, 10)`,
        year,
        month,
      );
    default:
      throw new Error(`not a date function: ${name}`);
  }
}
