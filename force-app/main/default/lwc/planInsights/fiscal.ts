/**
 * Fiscal periods of a plan: its period is its fiscal year (Fiscal_Year__c names it, e.g. "FY2027"), its
 * quarters are 3-month blocks and its months 1-month blocks from the plan's start. A target whose period
 * is one of these reads "FY2027", "FY2027 Q1" or "FY2027 Mar"; any other period reads as its dates.
 */
import FISCAL_MONTH from '@salesforce/label/c.Fiscal_Period_Month';
import FISCAL_QUARTER from '@salesforce/label/c.Fiscal_Period_Quarter';
import { addMonths, periodEndFor, toUtc } from './dates';
import { formatDateRange, formatLabel } from './format';
import { dateTimeFormat } from './intl';

/** What a plan says about its fiscal calendar. */
export interface FiscalPlan {
  fiscalYear: string | null;
  periodStart: string | null;
}

export interface FiscalPeriod {
  /** Plan_Target__c.Period_Type__c value. */
  periodType: 'Year' | 'Quarter' | 'Month';
  start: string;
  end: string;
  label: string;
}

function monthName(iso: string, locale: string): string {
  return dateTimeFormat(locale, { month: 'short', timeZone: 'UTC' }).format(new Date(toUtc(iso)));
}

/**
 * The plan's fiscal year, its four quarters and (when the year starts on the first of a month, so a month
 * name says which days it holds) its twelve months; none without a plan start. A plan that names no
 * fiscal year still has these periods, labelled by their dates.
 */
export function fiscalPeriods(plan: FiscalPlan | null, locale: string): FiscalPeriod[] {
  if (!plan || !plan.periodStart) return [];
  const year = plan.fiscalYear;
  const period = (periodType: FiscalPeriod['periodType'], start: string, label: () => string): FiscalPeriod => {
    const end = periodEndFor(start, periodType);
    return { periodType, start, end, label: year ? label() : formatDateRange(start, end, locale) };
  };
  const start = plan.periodStart;
  const periods = [period('Year', start, () => year as string)];
  for (let q = 0; q < 4; q++) {
    periods.push(period('Quarter', addMonths(start, q * 3), () => formatLabel(FISCAL_QUARTER, year as string, q + 1)));
  }
  if (start.endsWith('-01')) {
    for (let m = 0; m < 12; m++) {
      const mStart = addMonths(start, m);
      periods.push(period('Month', mStart, () => formatLabel(FISCAL_MONTH, year as string, monthName(mStart, locale))));
    }
  }
  return periods;
}

/** The fiscal period with exactly these dates, if the plan has one. */
export function fiscalPeriodOf(
  plan: FiscalPlan | null,
  start: string | null,
  end: string | null,
  locale: string,
): FiscalPeriod | null {
  if (!start || !end) return null;
  return fiscalPeriods(plan, locale).find((p) => p.start === start && p.end === end) ?? null;
}

/** How a target's period reads: its fiscal label, or its dates when it does not line up with the plan's. */
export function periodLabel(plan: FiscalPlan | null, start: string | null, end: string | null, locale: string): string {
  const fiscal = fiscalPeriodOf(plan, start, end, locale);
  return fiscal ? fiscal.label : formatDateRange(start, end, locale);
}

/** The plan's fiscal quarter that contains the date; null outside the plan's year. */
export function fiscalQuarterOn(plan: FiscalPlan | null, date: string, locale: string): FiscalPeriod | null {
  return (
    fiscalPeriods(plan, locale).find((p) => p.periodType === 'Quarter' && p.start <= date && date <= p.end) ?? null
  );
}
