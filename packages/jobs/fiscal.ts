/**
 * The org's fiscal calendar, read once from the org: Organization.FiscalYearStartMonth and
 * UsesStartDateAsFiscalYearName for standard fiscal years, and the quarters of any custom fiscal years
 * (Period rows of Type Quarter under a custom FiscalYearSettings). The seed builds plans per fiscal year and
 * targets per fiscal quarter from it; labels read "FY2027" (a year), "FY2027 Q1" (a quarter) and "FY2027 May"
 * (a month, by its calendar name as the components label it), with the year as the org names it.
 */
import type { JsonMap } from '@salesforce/ts-types';
import type { OrgSession } from './connection';
import { addDays, addMonths, isoDate, parseIso, type IsoDate, type Period } from './periods';
import { queryAll } from './query';
import { expectMap, expectString, optionalNumber } from './response';

/** A fiscal quarter: its fiscal year as the org names it, its number (1-4) in that year, and its days. */
export interface FiscalQuarter extends Period {
  fiscalYear: number;
  quarter: number;
}

/** What a label names: a fiscal year, or a quarter or month (1-12) of one. */
export type FiscalPeriodName = { fiscalYear: number } & ({ quarter?: number; month?: undefined } | { month: number });

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export class FiscalCalendar {
  /** Custom fiscal years: their quarters in date order, and each year's span. */
  private readonly customQuarters: FiscalQuarter[];
  private readonly customYears: Map<number, Period>;

  /**
   * @param startMonth Organization.FiscalYearStartMonth, 1-12.
   * @param namedByStart Organization.UsesStartDateAsFiscalYearName: a standard year is named after the
   *   calendar year it starts in (false: the year it ends in, Salesforce's default).
   * @param customQuarters the quarters of the org's custom fiscal years, if any.
   */
  constructor(
    readonly startMonth = 1,
    readonly namedByStart = false,
    customQuarters: FiscalQuarter[] = [],
  ) {
    if (!Number.isInteger(startMonth) || startMonth < 1 || startMonth > 12) {
      throw new RangeError(`a fiscal year starts in a month from 1 to 12, not ${startMonth}`);
    }
    this.customQuarters = [...customQuarters].sort((a, b) => (a.start < b.start ? -1 : 1));
    this.customYears = new Map();
    for (const q of this.customQuarters) {
      const year = this.customYears.get(q.fiscalYear);
      this.customYears.set(q.fiscalYear, {
        start: year && year.start < q.start ? year.start : q.start,
        end: year && year.end > q.end ? year.end : q.end,
      });
    }
  }

  get hasCustomYears(): boolean {
    return this.customQuarters.length > 0;
  }

  /** The fiscal year a date falls in, as the org names it. */
  yearOf(date: IsoDate): number {
    const custom = this.customQuarterOf(date);
    if (custom) return custom.fiscalYear;
    const { year, month } = parseIso(date);
    const startYear = month >= this.startMonth ? year : year - 1;
    return this.startMonth === 1 || this.namedByStart ? startYear : startYear + 1;
  }

  /** The days of a fiscal year. */
  yearPeriod(fiscalYear: number): Period {
    const custom = this.customYears.get(fiscalYear);
    if (custom) return { ...custom };
    const startYear = this.startMonth === 1 || this.namedByStart ? fiscalYear : fiscalYear - 1;
    const start = isoDate(startYear, this.startMonth, 1);
    return this.clip({ start, end: addDays(addMonths(start, 12), -1) }, start);
  }

  /** The fiscal quarter containing a date. */
  quarterOf(date: IsoDate): FiscalQuarter {
    const custom = this.customQuarterOf(date);
    if (custom) return { ...custom };
    const fiscalYear = this.yearOf(date);
    const yearStart = this.standardYearStart(fiscalYear);
    const monthsIn = (parseIso(date).year - parseIso(yearStart).year) * 12 + parseIso(date).month - this.startMonth;
    const quarter = Math.floor(monthsIn / 3) + 1;
    const start = addMonths(yearStart, (quarter - 1) * 3);
    return { fiscalYear, quarter, ...this.clip({ start, end: addDays(addMonths(start, 3), -1) }, date) };
  }

  /** The quarter `offset` quarters after (or, negative, before) the one containing `date`. */
  shiftQuarter(date: IsoDate, offset: number): FiscalQuarter {
    let quarter = this.quarterOf(date);
    if (!this.hasCustomYears) {
      // Standard quarters are three months long: one step, so a far offset costs nothing.
      return this.quarterOf(addMonths(quarter.start, offset * 3));
    }
    // Custom quarters differ in length: walk one quarter at a time.
    for (let i = 0; i < Math.abs(offset); i++) {
      quarter = this.quarterOf(offset > 0 ? addDays(quarter.end, 1) : addDays(quarter.start, -1));
    }
    return quarter;
  }

  /** The month (1-12) of its fiscal year a date falls in, for a standard fiscal year. */
  monthOf(date: IsoDate): number {
    return ((parseIso(date).month - this.startMonth + 12) % 12) + 1;
  }

  /** "FY2027", "FY2027 Q1" or, for its second month in a year from April, "FY2027 May". */
  label(period: FiscalPeriodName): string {
    const year = `FY${period.fiscalYear}`;
    if (period.month !== undefined) return `${year} ${MONTHS[(this.startMonth - 1 + period.month - 1) % 12]}`;
    return period.quarter === undefined ? year : `${year} Q${period.quarter}`;
  }

  private customQuarterOf(date: IsoDate): FiscalQuarter | undefined {
    return this.customQuarters.find((q) => q.start <= date && date <= q.end);
  }

  private standardYearStart(fiscalYear: number): IsoDate {
    return isoDate(this.startMonth === 1 || this.namedByStart ? fiscalYear : fiscalYear - 1, this.startMonth, 1);
  }

  /** A standard period cut short where a custom year begins or ends, around the day `inside` it. */
  private clip(period: Period, inside: IsoDate): Period {
    let { start, end } = period;
    for (const year of this.customYears.values()) {
      if (year.end < inside && year.end >= start) start = addDays(year.end, 1);
      if (year.start > inside && year.start <= end) end = addDays(year.start, -1);
    }
    return { start, end };
  }
}

/**
 * Reads the org's fiscal calendar. The custom years' quarters come from Period; an org whose user cannot
 * query Period (or an API version that hides it) has standard years only, as far as the jobs can tell.
 */
export async function readFiscalCalendar(session: OrgSession): Promise<FiscalCalendar> {
  const where = 'the Organization query response';
  // queryAll checks each page and retries what an org may refuse for a moment (503, row locks).
  const [org] = await queryAll<JsonMap>(
    session,
    'SELECT FiscalYearStartMonth, UsesStartDateAsFiscalYearName FROM Organization',
  );
  if (!org) throw new Error('The org returned no Organization record.');
  const startMonth = optionalNumber(org, 'FiscalYearStartMonth', `${where}: records[0]`) ?? 1;
  const namedByStart = org.UsesStartDateAsFiscalYearName === true;
  let rows: JsonMap[];
  try {
    rows = await queryAll<JsonMap>(
      session,
      "SELECT StartDate, EndDate, Number, FiscalYearSettings.Name FROM Period WHERE Type = 'Quarter' AND FiscalYearSettingsId != null AND FiscalYearSettings.IsStandardYear = false ORDER BY StartDate",
    );
  } catch (error) {
    if ((error as { errorCode?: unknown }).errorCode !== 'INVALID_TYPE') throw error;
    rows = [];
  }
  const quarters = rows.map((row, i): FiscalQuarter => {
    const at = `Period record ${i}`;
    const settings = expectMap(row.FiscalYearSettings, `${at}: FiscalYearSettings`);
    const fiscalYear = Number(expectString(settings, 'Name', `${at}: FiscalYearSettings`));
    const quarter = optionalNumber(row, 'Number', at);
    if (!Number.isInteger(fiscalYear) || quarter === undefined) {
      throw new Error(`${at}: a custom fiscal quarter needs a numeric year name and a quarter number`);
    }
    return { fiscalYear, quarter, start: expectString(row, 'StartDate', at), end: expectString(row, 'EndDate', at) };
  });
  return new FiscalCalendar(startMonth, namedByStart, quarters);
}
