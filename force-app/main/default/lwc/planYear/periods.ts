/**
 * A plan year's periods and values: its quarters and months, the next year, splitting a year's value over
 * its parts, where a target's period lands in the next year, and the shortfall a target may carry.
 */
import { addDaysIso, addMonthsIso, daysBetween, isMonthEnd, monthEndAfter, monthsBetween } from './dates';

export type PeriodType = 'Year' | 'Quarter' | 'Month';
export interface DateSpan {
  start: string;
  end: string;
}
/** A plan's fiscal periods: the year, its quarters (4) and months (12), in order. */
export interface PlanPeriods {
  year: DateSpan;
  quarters: DateSpan[];
  months: DateSpan[];
}

/** `count` consecutive blocks of `months` months from `start`; the last ends on `end` (a short or long year). */
function blocks(start: string, end: string, months: number, count: number): DateSpan[] {
  const spans: DateSpan[] = [];
  for (let i = 0; i < count; i++) {
    const last = i === count - 1;
    spans.push({
      start: addMonthsIso(start, i * months),
      end: last ? end : addDaysIso(addMonthsIso(start, (i + 1) * months), -1),
    });
  }
  return spans;
}

/**
 * The periods of a plan year that starts on `start` and ends on `end` (standard: 3-month quarters, months
 * from start). For a standard 12-month year the last quarter and month end where the year does anyway; for
 * any other span they are cut (or stretched) to the year's end, so every part lies inside its year.
 */
export function standardPlanPeriods(span: DateSpan): PlanPeriods {
  return {
    year: { start: span.start, end: span.end },
    quarters: blocks(span.start, span.end, 3, 4),
    months: blocks(span.start, span.end, 1, 12),
  };
}

/** "FY2027" -> "FY2028", "FY27" -> "FY28" (a two-digit year wraps: "FY99" -> "FY00"), "2026/27" -> "2027/28"; null without a trailing number. */
export function nextFiscalYearLabel(label: string | null): string | null {
  if (label === null) return null;
  const text = label.trim();
  const range = /^(.*?)(\d+)([-/])(\d+)$/.exec(text);
  if (range) return `${range[1]}${increment(range[2])}${range[3]}${increment(range[4])}`;
  const single = /^(.*?)(\d+)$/.exec(text);
  return single ? `${single[1]}${increment(single[2])}` : null;
}

/** The number plus one, at least as wide as it was (leading zeros kept); two digits stay two digits. */
function increment(digits: string): string {
  const next = String(Number(digits) + 1).padStart(digits.length, '0');
  return digits.length === 2 ? next.slice(-2) : next;
}

/**
 * The next period of the same length: start = end + 1 day, as many months long; "FY2027" -> "FY2028"
 * (trailing number + 1; null if none). A span that is not a whole number of months (a 52-week year) is
 * followed by one of as many days.
 */
export function nextPlanYear(span: DateSpan, fiscalYear: string | null): { span: DateSpan; fiscalYear: string | null } {
  const start = addDaysIso(span.end, 1);
  const months = monthsBetween(span.start, start);
  const wholeMonths = months > 0 && addMonthsIso(span.start, months) === start;
  const end = wholeMonths
    ? addDaysIso(addMonthsIso(start, months), -1)
    : addDaysIso(start, daysBetween(span.start, span.end));
  return { span: { start, end }, fiscalYear: nextFiscalYearLabel(fiscalYear) };
}

/** Rounds half away from zero, so a negative value splits as its positive mirror. */
const roundHalfAway = (x: number): number => Math.sign(x) * Math.round(Math.abs(x));

/** Above this many units a double holds no float noise below a unit worth cleaning. */
const NOISE_LIMIT = 1e15;

/** A value in integer units of 10^-scale; toPrecision drops float noise first (1.005 * 100 = 100.49999...). */
function toUnits(value: number, scale: number): number {
  const scaled = value * 10 ** scale;
  return roundHalfAway(Math.abs(scaled) < NOISE_LIMIT ? Number(scaled.toPrecision(15)) : scaled);
}

/** Integer units back to a number (+ 0 turns -0 into 0). */
const fromUnits = (units: number, scale: number): number => units / 10 ** scale + 0;

/**
 * Splits total into parts proportional to shares (any positive numbers), rounded to `scale` decimals, summing
 * exactly to total: each part gets the whole units of its exact share, and the units left over go one each to
 * the parts with the largest remainders (the earlier part on a tie), so 150 leads in four even quarters are
 * 38, 38, 37, 37. Works in integer units of 10^-scale, so there is no float drift. Shares that are not
 * positive count as 0; when none is positive the split is even. No shares, no parts.
 */
export function splitValue(total: number, shares: number[], scale = 2): number[] {
  if (shares.length === 0) return [];
  const units = toUnits(total, scale);
  const positive = shares.map((s) => (Number.isFinite(s) && s > 0 ? s : 0));
  const weights = positive.some((s) => s > 0) ? positive : shares.map(() => 1);
  const sum = weights.reduce((a, b) => a + b, 0);
  // A negative total splits as its positive mirror.
  const magnitude = Math.abs(units);
  const quotas = weights.map((w) => (magnitude * w) / sum);
  const parts = quotas.map((q) => Math.floor(q));
  let left = magnitude - parts.reduce((a, b) => a + b, 0);
  // Remainders compared to 1e-9, so float noise (13333.3333334 against 8333.3333333) does not break a tie.
  const byRemainder = quotas
    .map((q, i) => ({ i, remainder: Math.round((q - Math.floor(q)) * 1e9) }))
    .sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left <= 0) break;
    parts[i] += 1;
    left -= 1;
  }
  return parts.map((p) => fromUnits(Math.sign(units) * p, scale));
}

/** The decimals a metric's values are split and carried in: whole numbers for counts, cents otherwise. */
export const unitScale = (unit: string | null | undefined): number => (unit === 'Count' ? 0 : 2);

/** A Seasonal_Profile__mdt record: DeveloperName, MasterLabel and Q1_Share__c..Q4_Share__c (percent of the year). */
export interface SeasonalProfile {
  // eslint-disable-next-line no-restricted-globals -- a property signature, not the global
  name: string;
  label: string;
  quarterShares: [number, number, number, number];
}

export const EVEN_PROFILE: SeasonalProfile = Object.freeze({
  name: 'Even',
  label: 'Even',
  quarterShares: Object.freeze([25, 25, 25, 25]) as [number, number, number, number],
}) as SeasonalProfile;

/** The named profile, or Even when the name is blank or unknown. */
export function profileNamed(
  profiles: Record<string, SeasonalProfile>,
  name: string | null | undefined,
): SeasonalProfile {
  return (name && Object.prototype.hasOwnProperty.call(profiles, name) ? profiles[name] : null) ?? EVEN_PROFILE;
}

/** The shares of each part: quarters = the profile's 4 shares; months = each quarter's share / 3. */
export function partShares(profile: SeasonalProfile, into: 'Quarter' | 'Month'): number[] {
  if (into === 'Quarter') return [...profile.quarterShares];
  return profile.quarterShares.flatMap((share) => [share / 3, share / 3, share / 3]);
}

export interface PartSpec {
  periodType: 'Quarter' | 'Month';
  start: string;
  end: string;
  targetValue: number;
}

/** A year target's parts: its periods (from `periods`) and values (splitValue by partShares, to `scale` decimals: unitScale). */
export function splitYearTarget(
  total: number,
  into: 'Quarter' | 'Month',
  profile: SeasonalProfile,
  periods: PlanPeriods,
  scale = 2,
): PartSpec[] {
  const spans = into === 'Quarter' ? periods.quarters : periods.months;
  const values = splitValue(total, partShares(profile, into), scale);
  return spans.map((span, i) => ({ periodType: into, start: span.start, end: span.end, targetValue: values[i] }));
}

const sameSpan = (a: DateSpan, b: DateSpan): boolean => a.start === b.start && a.end === b.end;

/** The plan periods a target of this type can be (all of them when the type is blank). */
function candidates(periods: PlanPeriods, periodType: PeriodType | null): DateSpan[][] {
  if (periodType === 'Year') return [[periods.year]];
  if (periodType === 'Quarter') return [periods.quarters];
  if (periodType === 'Month') return [periods.months];
  return [[periods.year], periods.quarters, periods.months];
}

/** The list and index of the plan period with exactly these dates, if any. */
export function fiscalIndexOf(
  period: DateSpan & { periodType: PeriodType | null },
  periods: PlanPeriods,
): { periodType: PeriodType; index: number } | null {
  const types: PeriodType[] = period.periodType ? [period.periodType] : ['Year', 'Quarter', 'Month'];
  const lists = candidates(periods, period.periodType);
  for (let l = 0; l < lists.length; l++) {
    const index = lists[l].findIndex((span) => sameSpan(span, period));
    if (index >= 0) return { periodType: types[l], index };
  }
  return null;
}

/** A date `months` later; a month's last day stays its month's last day (Feb 28 2027 -> Feb 29 2028). */
function shiftEnd(date: string, months: number): string {
  return isMonthEnd(date) ? monthEndAfter(date, months) : addMonthsIso(date, months);
}

/**
 * Where a target's period lands in the next plan year: the same year/quarter/month index, else shifted by
 * the months between the two years' starts (an end on a month's last day stays on the month's last day).
 */
export function redatePeriod(
  period: DateSpan & { periodType: PeriodType | null },
  from: PlanPeriods,
  to: PlanPeriods,
): DateSpan {
  const fiscal = fiscalIndexOf(period, from);
  if (fiscal) {
    const list = fiscal.periodType === 'Year' ? [to.year] : fiscal.periodType === 'Quarter' ? to.quarters : to.months;
    const span = list[fiscal.index];
    if (span) return { start: span.start, end: span.end };
  }
  const months = monthsBetween(from.year.start, to.year.start);
  return { start: addMonthsIso(period.start, months), end: shiftEnd(period.end, months) };
}

/** The metric reading c/metricSemantics gives a blank or unknown direction or shape: higher is better, cumulative. */
const DIRECTIONS = ['Higher is better', 'Lower is better', 'Stay within budget'];
const SHAPES = ['Cumulative', 'Rate', 'Snapshot'];

/**
 * The shortfall a target may carry: max(0, target - actual) for 'Higher is better' Cumulative metrics;
 * null (not carried) otherwise or with no actual. A blank or unknown direction or shape (or no metric)
 * reads as c/metricSemantics reads it: higher is better, cumulative. Exact to the cent.
 */
export function carryableShortfall(
  target: { targetValue: number | null; actualValue: number | null },
  metric: { direction: string | null; shape: string | null } | null,
): number | null {
  const direction = metric?.direction && DIRECTIONS.includes(metric.direction) ? metric.direction : DIRECTIONS[0];
  const shape = metric?.shape && SHAPES.includes(metric.shape) ? metric.shape : SHAPES[0];
  if (direction !== 'Higher is better' || shape !== 'Cumulative') return null;
  if (target.targetValue === null || target.actualValue === null) return null;
  const gap = toUnits(target.targetValue, 2) - toUnits(target.actualValue, 2);
  return gap > 0 ? fromUnits(gap, 2) : 0;
}

/** Adds values exactly to `scale` decimals (no float drift). */
export function addExact(a: number, b: number, scale = 2): number {
  return fromUnits(toUnits(a, scale) + toUnits(b, scale), scale);
}
