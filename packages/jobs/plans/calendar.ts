/**
 * A fiscal year's plan periods as the org's calendar has them: the year, its four quarters and its twelve
 * months. Standard years come from Organization.FiscalYearStartMonth (FiscalCalendar); a custom fiscal year
 * (4-4-5 and the like) takes its quarters from the calendar and its months from the org's Period rows, so a
 * plan made or rolled over into it is dated exactly as the org's reports group it.
 */
import type { OrgSession } from '../connection';
import type { FiscalCalendar } from '../fiscal';
import { addDays, addMonths } from '../periods';
import { queryAll } from '../query';
import { expectString } from '../response';
import type { DateSpan, PlanPeriods } from './year';

/** A fiscal year as the scripts take it (`--fiscal-year 2027`): its number, the org's label and periods. */
export interface PlanYear {
  number: number;
  /** "FY2027", as the org labels it (Fiscal_Year__c). */
  label: string;
  periods: PlanPeriods;
}

/** The quarters of a fiscal year, walked from its first day through the calendar. */
function quartersOf(calendar: FiscalCalendar, year: DateSpan): DateSpan[] {
  const quarters: DateSpan[] = [];
  let day = year.start;
  while (quarters.length < 4 && day <= year.end) {
    const quarter = calendar.quarterOf(day);
    quarters.push({ start: quarter.start, end: quarter.end });
    day = addDays(quarter.end, 1);
  }
  return quarters;
}

/** The twelve calendar-length months of a standard year from its first day. */
function standardMonths(year: DateSpan): DateSpan[] {
  return Array.from({ length: 12 }, (_, i) => ({
    start: addMonths(year.start, i),
    end: addDays(addMonths(year.start, i + 1), -1),
  }));
}

/** A custom year's months: the org's Period rows of Type Month inside the year. */
async function customMonths(session: OrgSession, year: DateSpan): Promise<DateSpan[]> {
  const rows = await queryAll<Record<string, unknown>>(
    session,
    `SELECT StartDate, EndDate FROM Period WHERE Type = 'Month' AND StartDate >= ${year.start} AND EndDate <= ${year.end} ORDER BY StartDate`,
  );
  return rows.map((row, i) => {
    const at = `the Period month record ${i}`;
    const map = row as Parameters<typeof expectString>[0];
    return { start: expectString(map, 'StartDate', at), end: expectString(map, 'EndDate', at) };
  });
}

/**
 * The plan periods of fiscal year `fiscalYear` (the year number as the org names it). Throws when the
 * calendar cannot give a whole year of 4 quarters and 12 months that tile it.
 */
export async function planYearOf(session: OrgSession, calendar: FiscalCalendar, fiscalYear: number): Promise<PlanYear> {
  const year = calendar.yearPeriod(fiscalYear);
  const label = calendar.label({ fiscalYear });
  const quarters = quartersOf(calendar, year);
  const tiles = (parts: DateSpan[]): boolean =>
    parts.length > 0 &&
    parts[0].start === year.start &&
    parts[parts.length - 1].end === year.end &&
    parts.every((p, i) => i === 0 || p.start === addDays(parts[i - 1].end, 1));
  let months = standardMonths(year);
  if (calendar.hasCustomYears) {
    // The org's months where it has them (a custom year's periods); a standard year's own otherwise.
    const periods = await customMonths(session, year);
    if (periods.length === 12 && tiles(periods)) months = periods;
  }
  if (quarters.length !== 4 || months.length !== 12 || !tiles(quarters) || !tiles(months)) {
    throw new Error(
      `The org's fiscal calendar does not give ${label} (${year.start} to ${year.end}) 4 quarters and 12 months that cover it (found ${quarters.length} quarters).`,
    );
  }
  return { number: fiscalYear, label, periods: { year: { ...year }, quarters, months } };
}
