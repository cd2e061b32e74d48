/**
 * The org's fiscal calendar: a standard fiscal year (twelve calendar months from the first day of
 * `startMonth`, named after the calendar year it ends in, or starts in when UsesStartDateAsFiscalYearName is
 * set) and, where they are defined, custom fiscal years (explicit periods such as a 4-4-5 year). Dates inside
 * a custom year take their year, quarter and period from it, as Salesforce's FISCAL_* functions and literals
 * do; dates outside every custom year follow the standard calendar.
 */
import type { Storage } from './storage';

export type IsoDay = string;

/** An inclusive range of days. */
export interface FiscalRange {
  start: IsoDay;
  end: IsoDay;
}

/** A custom fiscal year as given: its number and its twelve periods in order (three to a quarter). */
export interface CustomFiscalYearSpec {
  /** The year's number: FiscalYearSettings.Name and FISCAL_YEAR() of its dates. */
  year: number;
  /** Twelve periods, each starting the day after the one before ends (e.g. 4, 4 and 5 weeks a quarter). */
  periods: FiscalRange[];
}

export interface CustomFiscalYear extends FiscalRange {
  year: number;
  quarters: FiscalRange[];
  periods: FiscalRange[];
}

export interface FiscalCalendar {
  /** Organization.FiscalYearStartMonth, 1-12. */
  startMonth: number;
  /** Organization.UsesStartDateAsFiscalYearName. */
  namedByStart: boolean;
  /** Custom fiscal years, in date order; none in an org with standard fiscal years. */
  custom: CustomFiscalYear[];
}

export const PERIODS_PER_CUSTOM_YEAR = 12;
const DAY_MS = 86_400_000;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export const dayNumber = (day: IsoDay): number => Math.floor(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
export const dayText = (day: number): IsoDay => new Date(day * DAY_MS).toISOString().slice(0, 10);

function validDay(day: unknown): day is IsoDay {
  return typeof day === 'string' && ISO_DAY.test(day) && dayText(dayNumber(day)) === day;
}

/** Checks custom fiscal years and derives their quarters; throws with what is wrong. */
export function customFiscalYears(specs: CustomFiscalYearSpec[]): CustomFiscalYear[] {
  const years = specs.map((spec): CustomFiscalYear => {
    const { year, periods } = spec;
    if (!Number.isInteger(year) || year < 1900 || year > 9999)
      throw new Error(`custom fiscal year ${year}: not a year`);
    if (!Array.isArray(periods) || periods.length !== PERIODS_PER_CUSTOM_YEAR) {
      throw new Error(`custom fiscal year ${year}: needs ${PERIODS_PER_CUSTOM_YEAR} periods`);
    }
    periods.forEach((p, i) => {
      if (!validDay(p.start) || !validDay(p.end) || p.end < p.start) {
        throw new Error(`custom fiscal year ${year}: period ${i + 1} is not a range of dates`);
      }
      // Periods follow one another with no gap and no overlap, as Salesforce's custom fiscal year editor keeps them.
      if (i > 0 && dayNumber(p.start) !== dayNumber(periods[i - 1].end) + 1) {
        throw new Error(`custom fiscal year ${year}: period ${i + 1} does not start the day after period ${i} ends`);
      }
    });
    const quarters = [0, 1, 2, 3].map((q) => ({ start: periods[q * 3].start, end: periods[q * 3 + 2].end }));
    return { year, start: periods[0].start, end: periods[11].end, quarters, periods: periods.map((p) => ({ ...p })) };
  });
  years.sort((a, b) => (a.start < b.start ? -1 : 1));
  for (let i = 1; i < years.length; i++) {
    if (years[i].start <= years[i - 1].end) {
      throw new Error(`custom fiscal years ${years[i - 1].year} and ${years[i].year} overlap`);
    }
    if (years[i].year <= years[i - 1].year) throw new Error(`custom fiscal year ${years[i].year} is out of order`);
  }
  return years;
}

/** A standard fiscal year's number from the calendar year it starts in. */
export function standardYearName(calendar: FiscalCalendar, startYear: number): number {
  return calendar.startMonth === 1 || calendar.namedByStart ? startYear : startYear + 1;
}

/** The standard fiscal year of a date: its number and the calendar year it starts in. */
export function standardYearOf(calendar: FiscalCalendar, day: IsoDay): { year: number; startYear: number } {
  const [y, m] = day.split('-').map(Number);
  const startYear = m >= calendar.startMonth ? y : y - 1;
  return { year: standardYearName(calendar, startYear), startYear };
}

export function customYearOf(calendar: FiscalCalendar, day: IsoDay): CustomFiscalYear | undefined {
  return calendar.custom.find((y) => y.start <= day && day <= y.end);
}

/** The fiscal year and quarter (1-4) of a day, as Opportunity.FiscalYear and FiscalQuarter hold them. */
export function fiscalYearAndQuarter(calendar: FiscalCalendar, day: IsoDay): { year: number; quarter: number } {
  const custom = customYearOf(calendar, day);
  if (custom) return { year: custom.year, quarter: custom.quarters.findIndex((q) => q.end >= day) + 1 };
  const month = Number(day.slice(5, 7));
  const quarter = Math.floor(((month - calendar.startMonth + 12) % 12) / 3) + 1;
  return { year: standardYearOf(calendar, day).year, quarter };
}

const monthStart = (month: number): IsoDay =>
  `${String(Math.floor(month / 12)).padStart(4, '0')}-${String((month % 12) + 1).padStart(2, '0')}-01`;

/**
 * The fiscal quarter or year containing a day, as an inclusive range: from the custom year that holds it,
 * else from the standard calendar (whose periods are then cut short where a custom year begins or ends).
 */
export function fiscalPeriodContaining(calendar: FiscalCalendar, unit: 'quarter' | 'year', day: IsoDay): FiscalRange {
  const custom = customYearOf(calendar, day);
  if (custom) {
    return unit === 'year' ? { start: custom.start, end: custom.end } : custom.quarters.find((q) => q.end >= day)!;
  }
  const [y, m] = day.split('-').map(Number);
  const length = unit === 'year' ? 12 : 3;
  const month = y * 12 + m - 1;
  const offset = (m - calendar.startMonth + 12) % length;
  const start = monthStart(month - offset);
  let range = { start, end: dayText(dayNumber(monthStart(month - offset + length)) - 1) };
  for (const c of calendar.custom) {
    if (c.end < day && c.end >= range.start) range = { ...range, start: dayText(dayNumber(c.end) + 1) };
    if (c.start > day && c.start <= range.end) range = { ...range, end: dayText(dayNumber(c.start) - 1) };
  }
  return range;
}

/** SQL for FISCAL_YEAR(), FISCAL_QUARTER() or FISCAL_MONTH() of `day` (SQL for the 'YYYY-MM-DD' text). */
export function fiscalFunctionSql(calendar: FiscalCalendar, name: string, day: string, year: string, month: string) {
  const start = calendar.startMonth;
  const fiscalMonth = `((${month} - ${start} + 12) % 12 + 1)`;
  let standard: string;
  if (name === 'FISCAL_MONTH') standard = fiscalMonth;
  else if (name === 'FISCAL_QUARTER') standard = `((${fiscalMonth} + 2) / 3)`;
  else if (start === 1) standard = year;
  else standard = calendar.namedByStart ? `(${year} - (${month} < ${start}))` : `(${year} + (${month} >= ${start}))`;
  if (calendar.custom.length === 0) return standard;
  // Custom years' dates were validated as ISO days, so they are safe to write into the SQL text.
  const cases = calendar.custom.flatMap((y) => {
    if (name === 'FISCAL_YEAR') return [`WHEN ${day} BETWEEN '${y.start}' AND '${y.end}' THEN ${y.year}`];
    const ranges = name === 'FISCAL_QUARTER' ? y.quarters : y.periods;
    return ranges.map((r, i) => `WHEN ${day} BETWEEN '${r.start}' AND '${r.end}' THEN ${i + 1}`);
  });
  return `(CASE ${cases.join(' ')} ELSE ${standard} END)`;
}

/** English month names, January first. */
export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** A Period row's values (without Id and audit fields). */
export interface PeriodRow extends FiscalRange {
  type: 'Year' | 'Quarter' | 'Month';
  /** The quarter's or month's position in its fiscal year; blank for a Year. */
  number: number | null;
  fullyQualifiedLabel: string;
  /** The custom year it belongs to (FiscalYearSettingsId); undefined for standard years. */
  customYear?: number;
}

/**
 * The Period rows of the calendar: every custom year's, and the standard years' whose start falls within
 * `yearsAround` years of `today` and which no custom year overlaps.
 */
export function periodRows(calendar: FiscalCalendar, today: IsoDay, yearsAround = 5): PeriodRow[] {
  const rows: PeriodRow[] = [];
  const thisStart = standardYearOf(calendar, today).startYear;
  for (let startYear = thisStart - yearsAround; startYear <= thisStart + yearsAround; startYear++) {
    const first = startYear * 12 + calendar.startMonth - 1;
    const start = monthStart(first);
    const end = dayText(dayNumber(monthStart(first + 12)) - 1);
    if (calendar.custom.some((c) => c.start <= end && c.end >= start)) continue;
    const fy = `FY ${standardYearName(calendar, startYear)}`;
    rows.push({ type: 'Year', number: null, start, end, fullyQualifiedLabel: fy });
    for (let q = 0; q < 4; q++) {
      const qStart = monthStart(first + q * 3);
      const qEnd = dayText(dayNumber(monthStart(first + q * 3 + 3)) - 1);
      rows.push({ type: 'Quarter', number: q + 1, start: qStart, end: qEnd, fullyQualifiedLabel: `Q${q + 1} ${fy}` });
    }
    for (let m = 0; m < 12; m++) {
      const month = first + m;
      rows.push({
        type: 'Month',
        number: m + 1,
        start: monthStart(month),
        end: dayText(dayNumber(monthStart(month + 1)) - 1),
        fullyQualifiedLabel: `${MONTH_NAMES[month % 12]} ${fy}`,
      });
    }
  }
  for (const c of calendar.custom) {
    const fy = `FY ${c.year}`;
    const customYear = c.year;
    rows.push({ type: 'Year', number: null, start: c.start, end: c.end, fullyQualifiedLabel: fy, customYear });
    c.quarters.forEach((q, i) =>
      rows.push({ type: 'Quarter', number: i + 1, ...q, fullyQualifiedLabel: `Q${i + 1} ${fy}`, customYear }),
    );
    c.periods.forEach((p, i) =>
      rows.push({ type: 'Month', number: i + 1, ...p, fullyQualifiedLabel: `P${i + 1} ${fy}`, customYear }),
    );
  }
  return rows.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
}

/** Meta keys the org's fiscal settings are kept under, beside fiscalYearStartMonth. */
export const FISCAL_NAME_START_META = 'fiscalYearNameStart';
export const CUSTOM_FISCAL_YEARS_META = 'customFiscalYears';

const storedCalendars = new WeakMap<Storage, { key: string; calendar: FiscalCalendar }>();

/**
 * The calendar the org's platform records were written with (platform.ts), for a start month the caller
 * gives (the query's); parsed once per change of the settings.
 */
export function storedFiscalCalendar(storage: Storage, startMonth: number): FiscalCalendar {
  // One cached statement: every query reads the settings, which change only when the org starts.
  const rows = storage
    .statement('SELECT key, value FROM _localorg_meta WHERE key IN (?, ?)')
    .all(FISCAL_NAME_START_META, CUSTOM_FISCAL_YEARS_META) as { key: string; value: string }[];
  const meta = new Map(rows.map((r) => [r.key, r.value]));
  const namedByStart = meta.get(FISCAL_NAME_START_META) === '1';
  const customText = meta.get(CUSTOM_FISCAL_YEARS_META) ?? '[]';
  const key = `${namedByStart}|${customText}`;
  let cached = storedCalendars.get(storage);
  if (cached?.key !== key) {
    const custom = customFiscalYears(JSON.parse(customText) as CustomFiscalYearSpec[]);
    cached = { key, calendar: { startMonth, namedByStart, custom } };
    storedCalendars.set(storage, cached);
  }
  return cached.calendar.startMonth === startMonth ? cached.calendar : { ...cached.calendar, startMonth };
}
