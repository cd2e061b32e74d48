/**
 * c/planInsights: pure functions over the domain types of c/planData. No data access, no DOM: the plan
 * lifecycle rules, which plan and target an action counts toward, the role of an actor, the AE +
 * partner-manager pairs, attainment and pace, the weekly action chart geometry, stale accounts, and the
 * formatting of numbers, dates and label templates.
 */
import type {
  ActorRole,
  AprAction,
  Metric,
  OpportunityInfo,
  PicklistOption,
  PlanStatus,
  PlanSummary,
  PlanTarget,
} from 'c/planData';

// ---------------------------------------------------------------------------------------------------
// Dates ('YYYY-MM-DD' strings: calendar dates, compared as text)

const DAY_MS = 86_400_000;

function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

const toUtc = (iso: string): number => {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
};
const fromUtc = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** Today's calendar date in a time zone (the user's, from @salesforce/i18n/timeZone). */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-US', {
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

/** The last day of a period of `periodType` (Month, Quarter, Year) that starts on `start`. */
export function periodEndFor(start: string, periodType: string): string {
  const months = periodType === 'Month' ? 1 : periodType === 'Year' ? 12 : 3;
  const [y, m, d] = start.split('-').map(Number);
  return fromUtc(Date.UTC(y, m - 1 + months, d) - DAY_MS);
}

/** True when the date lies in [start, end]; an open end counts as unbounded. */
export function periodContains(start: string | null, end: string | null, date: string): boolean {
  return (!start || start <= date) && (!end || date <= end);
}

// ---------------------------------------------------------------------------------------------------
// Plan lifecycle

export const LIFECYCLE: PlanStatus[] = ['Draft', 'Partner Review', 'Accepted', 'Active', 'Closed'];

/** The path shown for a status: a plan in revision goes back before partner review. */
export function lifecycleSteps(status: PlanStatus | null): PlanStatus[] {
  return status === 'In Revision'
    ? ['Draft', 'In Revision', 'Partner Review', 'Accepted', 'Active', 'Closed']
    : [...LIFECYCLE];
}

/** Targets and sections can be changed while the plan is drafted, reviewed or revised. */
export const canEditPlan = (status: PlanStatus | null): boolean =>
  status === 'Draft' || status === 'Partner Review' || status === 'In Revision';
export const canSubmitForReview = (status: PlanStatus | null): boolean =>
  status === 'Draft' || status === 'In Revision';
export const canMarkAccepted = (status: PlanStatus | null): boolean => status === 'Partner Review';
export const canRevise = (status: PlanStatus | null): boolean => status === 'Accepted' || status === 'Active';

/** The standard section template: one section per section type except Custom, in picklist order. */
export function templateSections(
  sectionTypes: PicklistOption[],
): { name: string; sectionType: string; summary: null; sortOrder: number }[] {
  return sectionTypes
    .filter((t) => t.value !== 'Custom')
    .map((t, i) => ({ name: t.label, sectionType: t.value, summary: null, sortOrder: (i + 1) * 10 }));
}

/** A copy of the list with the item at `index` moved by `delta` places (clamped). */
export function moveItem<T>(items: T[], index: number, delta: number): T[] {
  const target = Math.max(0, Math.min(items.length - 1, index + delta));
  const copy = [...items];
  const [item] = copy.splice(index, 1);
  copy.splice(target, 0, item);
  return copy;
}

// ---------------------------------------------------------------------------------------------------
// Metric catalog and action types

const EXACT_TYPE = /^\s*Action_Type__c\s*=\s*'([^']*)'\s*$/i;
const TYPE_LIST = /^\s*Action_Type__c\s+IN\s*\(([^)]*)\)\s*$/i;

/**
 * The action types a metric counts, read from its filter: `Action_Type__c = 'Demo'` counts exactly one
 * type, `Action_Type__c IN ('A', 'B')` several; other metrics count no specific type.
 */
export function actionTypesOf(metric: Metric): { types: string[]; exact: boolean } {
  if (metric.sourceObject !== 'APR_Action__c' || !metric.filter) return { types: [], exact: false };
  const exact = EXACT_TYPE.exec(metric.filter);
  if (exact) return { types: [exact[1]], exact: true };
  const list = TYPE_LIST.exec(metric.filter);
  if (list) {
    const types = list[1]
      .split(',')
      .map((s) => s.trim().replace(/^'|'$/g, ''))
      .filter((s) => s);
    return { types, exact: false };
  }
  return { types: [], exact: false };
}

/** The active metrics that count an action type, the ones counting only that type first. */
export function metricsForActionType(metrics: Metric[], actionType: string): string[] {
  const matching = metrics
    .filter((m) => m.active)
    .map((m) => ({ name: m.name, ...actionTypesOf(m) }))
    .filter((m) => m.types.includes(actionType));
  return [...matching.filter((m) => m.exact), ...matching.filter((m) => !m.exact)].map((m) => m.name);
}

/** The catalog label of a metric; the developer name made readable when the catalog lacks it. */
export function metricLabel(metrics: Metric[], name: string): string {
  const metric = metrics.find((m) => m.name === name);
  return metric ? metric.label : humanize(name);
}

export const metricUnit = (metrics: Metric[], name: string): string | null => {
  const metric = metrics.find((m) => m.name === name);
  return metric ? metric.unit : null;
};

export function humanize(developerName: string): string {
  return developerName.replace(/_/g, ' ').trim();
}

// ---------------------------------------------------------------------------------------------------
// Where an action counts, and who logged it

/** The partner's plan an action on `date` counts toward: Active before Accepted, then the latest period. */
export function resolvePlan(plans: PlanSummary[], date: string): PlanSummary | null {
  const candidates = plans.filter(
    (p) => (p.status === 'Active' || p.status === 'Accepted') && periodContains(p.periodStart, p.periodEnd, date),
  );
  candidates.sort((a, b) => {
    if (a.status !== b.status) return a.status === 'Active' ? -1 : 1;
    return (b.periodStart ?? '').localeCompare(a.periodStart ?? '');
  });
  return candidates[0] ?? null;
}

function periodLength(t: PlanTarget): number {
  return t.periodStart && t.periodEnd ? daysBetween(t.periodStart, t.periodEnd) : Number.MAX_SAFE_INTEGER;
}

/**
 * The target an action counts toward: in the resolved plan, a target whose metric counts the action type
 * and whose period contains the date. Preference: a metric for exactly that type, a target the actor is
 * accountable for, then the shortest period (a month before its quarter before its year).
 */
export function resolveTarget(options: {
  targets: PlanTarget[];
  metrics: Metric[];
  planId: string | null;
  actionType: string | null;
  date: string | null;
  actorId: string | null;
}): PlanTarget | null {
  const { targets, metrics, planId, actionType, date, actorId } = options;
  if (!planId || !actionType || !date) return null;
  const names = metricsForActionType(metrics, actionType);
  const candidates = targets.filter(
    (t) => t.planId === planId && names.includes(t.metric) && periodContains(t.periodStart, t.periodEnd, date),
  );
  const accountable = (t: PlanTarget): number => {
    const mine = actorId !== null && (t.aeId === actorId || t.partnerManagerId === actorId);
    return mine ? 0 : 1;
  };
  candidates.sort(
    (a, b) =>
      names.indexOf(a.metric) - names.indexOf(b.metric) ||
      accountable(a) - accountable(b) ||
      periodLength(a) - periodLength(b),
  );
  return candidates[0] ?? null;
}

export type RoleReason = 'owner' | 'partnerManager' | 'other';

/**
 * The role of an actor on an opportunity: AE when they own it, Partner Manager when they are an
 * accountable partner manager on the partner's plan targets, Partner Rep otherwise.
 */
export function inferRole(
  actorId: string | null,
  opportunity: OpportunityInfo | null,
  partnerTargets: PlanTarget[],
): { role: ActorRole; reason: RoleReason } {
  if (actorId && opportunity && opportunity.ownerId === actorId) return { role: 'AE', reason: 'owner' };
  if (actorId && partnerTargets.some((t) => t.partnerManagerId === actorId))
    return { role: 'Partner Manager', reason: 'partnerManager' };
  return { role: 'Partner Rep', reason: 'other' };
}

// ---------------------------------------------------------------------------------------------------
// AE + partner-manager pairs

export interface Pair {
  key: string;
  aeId: string;
  aeName: string;
  partnerManagerId: string;
  partnerManagerName: string;
  targets: PlanTarget[];
  /** The current user is the AE or the partner manager of the pair. */
  includesUser: boolean;
  planIds: string[];
  partnerIds: string[];
}

const unique = <T>(values: (T | null | undefined)[]): T[] => [
  ...new Set(values.filter((v): v is T => v !== null && v !== undefined)),
];

/**
 * The pairs of accountable AE and partner manager on targets. On a plan page (`planId`), the pairs of
 * that plan; elsewhere the current user's pairs on plans that are not closed. The user's pairs come
 * first, then the pairs with more targets.
 */
export function pairsOf(targets: PlanTarget[], userId: string, planId: string | null): Pair[] {
  const relevant = targets.filter(
    (t) =>
      t.aeId &&
      t.partnerManagerId &&
      (planId
        ? t.planId === planId
        : t.planStatus !== 'Closed' && (t.aeId === userId || t.partnerManagerId === userId)),
  );
  const byKey = new Map<string, PlanTarget[]>();
  for (const t of relevant) {
    const key = `${t.aeId}:${t.partnerManagerId}`;
    byKey.set(key, [...(byKey.get(key) ?? []), t]);
  }
  const pairs = [...byKey.entries()].map(([key, list]): Pair => {
    const first = list[0];
    const aeId = first.aeId as string;
    const partnerManagerId = first.partnerManagerId as string;
    return {
      key,
      aeId,
      aeName: first.aeName ?? aeId,
      partnerManagerId,
      partnerManagerName: first.partnerManagerName ?? partnerManagerId,
      targets: list,
      includesUser: aeId === userId || partnerManagerId === userId,
      planIds: unique(list.map((t) => t.planId)),
      partnerIds: unique(list.map((t) => t.partnerAccountId)),
    };
  });
  pairs.sort(
    (a, b) =>
      Number(b.includesUser) - Number(a.includesUser) ||
      b.targets.length - a.targets.length ||
      a.aeName.localeCompare(b.aeName) ||
      a.partnerManagerName.localeCompare(b.partnerManagerName),
  );
  return pairs;
}

// ---------------------------------------------------------------------------------------------------
// Attainment and pace

/** The targets whose period contains the date; all of them when none does (a plan between periods). */
export function currentTargets(targets: PlanTarget[], date: string): PlanTarget[] {
  const current = targets.filter((t) => periodContains(t.periodStart, t.periodEnd, date));
  return current.length > 0 ? current : targets;
}

const weightOf = (t: PlanTarget): number => (t.weight !== null && t.weight > 0 ? t.weight : 1);

/** Weighted average of the targets' attainment (percent points), by Weight__c; null with no data. */
export function weightedAttainment(targets: PlanTarget[]): number | null {
  const measured = targets.filter((t) => t.attainment !== null);
  const weight = measured.reduce((sum, t) => sum + weightOf(t), 0);
  if (weight === 0) return null;
  return round(measured.reduce((sum, t) => sum + weightOf(t) * (t.attainment as number), 0) / weight, 1);
}

/** Actual as a percent of what was expected by now; null before anything is expected. */
export function paceRatio(t: PlanTarget): number | null {
  if (t.expectedToDate === null || t.expectedToDate <= 0) return null;
  return round(((t.actualValue ?? 0) / t.expectedToDate) * 100, 1);
}

export interface PaceSummary {
  /** Weighted actual-to-expected percent over the targets that expect something by now. */
  percent: number | null;
  ahead: number;
  onTrack: number;
  behind: number;
  notStarted: number;
}

export function paceSummary(targets: PlanTarget[]): PaceSummary {
  const paced = targets.filter((t) => paceRatio(t) !== null);
  const weight = paced.reduce((sum, t) => sum + weightOf(t), 0);
  const count = (status: string): number => targets.filter((t) => t.paceStatus === status).length;
  const ahead = count('Ahead');
  const onTrack = count('On Track');
  const behind = count('Behind');
  return {
    percent:
      weight === 0 ? null : round(paced.reduce((s, t) => s + weightOf(t) * (paceRatio(t) as number), 0) / weight, 1),
    ahead,
    onTrack,
    behind,
    notStarted: targets.length - ahead - onTrack - behind,
  };
}

/** The targets furthest behind what was expected by now (lowest actual-to-expected ratio first). */
export function furthestBehind(targets: PlanTarget[], count: number): PlanTarget[] {
  return targets
    .filter((t) => paceRatio(t) !== null)
    .sort((a, b) => (paceRatio(a) as number) - (paceRatio(b) as number) || (a.attainment ?? 0) - (b.attainment ?? 0))
    .slice(0, count);
}

// ---------------------------------------------------------------------------------------------------
// APR actions: weekly chart, mix, ratio to won deals, staleness

export const COACHING_SESSION = 'Coaching Session';
export const isCoaching = (a: AprAction): boolean => a.actionType === COACHING_SESSION;

export interface WeekBucket {
  /** Monday of the week. */
  start: string;
  /** One count per series (sum of Quantity__c). */
  counts: number[];
}

/** The first day of the `weeks`-week window that ends with the week of `today`. */
export const windowStart = (today: string, weeks: number): string => addDays(weekStart(today), -7 * (weeks - 1));

/** Each series' actions (summed quantity) per week over the last `weeks` weeks, oldest first. */
export function weeklyCounts(
  actions: AprAction[],
  seriesActorIds: string[],
  today: string,
  weeks: number,
): WeekBucket[] {
  const first = windowStart(today, weeks);
  const buckets: WeekBucket[] = Array.from({ length: weeks }, (_, i) => ({
    start: addDays(first, i * 7),
    counts: seriesActorIds.map(() => 0),
  }));
  for (const a of actions) {
    if (!a.actionDate || a.actionDate < first || a.actionDate > today) continue;
    const index = Math.floor(daysBetween(first, a.actionDate) / 7);
    const series = seriesActorIds.indexOf(a.actorId ?? '');
    if (series >= 0 && buckets[index]) buckets[index].counts[series] += a.quantity;
  }
  return buckets;
}

export interface ChartBar {
  key: string;
  series: number;
  x: number;
  y: number;
  width: number;
  height: number;
  value: number;
}

export interface ChartGroup {
  key: string;
  label: string;
  labelX: number;
  bars: ChartBar[];
}

export interface ChartTick {
  key: string;
  value: number;
  y: number;
}

export interface ChartGeometry {
  width: number;
  height: number;
  viewBox: string;
  // eslint-disable-next-line no-restricted-globals -- a property signature, not the global
  plot: { left: number; right: number; top: number; bottom: number };
  max: number;
  ticks: ChartTick[];
  groups: ChartGroup[];
}

/** The smallest of 1, 2, 5 x 10^k that is at least `value` (and at least 1). */
export function niceStep(value: number): number {
  if (value <= 1) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const fraction = value / magnitude;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  return nice * magnitude;
}

/**
 * Grouped bar chart geometry for an SVG of `width` x `height`: one group per week, one bar per series,
 * a y axis from 0 to a rounded maximum with up to four gridlines. The template draws it as is.
 */
export function barChartGeometry(
  buckets: WeekBucket[],
  options: { width: number; height: number; locale: string },
): ChartGeometry {
  const { width, height } = options;
  const plot = { left: 36, right: width - 8, top: 8, bottom: height - 24 };
  const plotHeight = plot.bottom - plot.top;
  const rawMax = Math.max(0, ...buckets.flatMap((b) => b.counts));
  const step = niceStep(Math.max(rawMax, 1) / 4);
  const max = Math.max(step, Math.ceil(rawMax / step) * step);
  const ticks: ChartTick[] = [];
  for (let value = 0; value <= max; value += step) {
    ticks.push({ key: `tick-${value}`, value, y: round(plot.bottom - (value / max) * plotHeight) });
  }
  const groupWidth = buckets.length > 0 ? (plot.right - plot.left) / buckets.length : 0;
  const seriesCount = buckets.length > 0 ? buckets[0].counts.length : 0;
  const barWidth = seriesCount > 0 ? (groupWidth * 0.8) / seriesCount : 0;
  const groups = buckets.map((bucket, g): ChartGroup => {
    const groupLeft = plot.left + g * groupWidth + groupWidth * 0.1;
    return {
      key: bucket.start,
      label: formatShortDate(bucket.start, options.locale),
      labelX: round(plot.left + (g + 0.5) * groupWidth),
      bars: bucket.counts.map((value, s): ChartBar => {
        const barHeight = (value / max) * plotHeight;
        return {
          key: `${bucket.start}-${s}`,
          series: s,
          x: round(groupLeft + s * barWidth),
          y: round(plot.bottom - barHeight),
          width: round(barWidth),
          height: round(barHeight),
          value,
        };
      }),
    };
  });
  return { width, height, viewBox: `0 0 ${width} ${height}`, plot, max, ticks, groups };
}

export interface MixItem {
  type: string;
  label: string;
  count: number;
  /** Whole percent of all actions. */
  percent: number;
}

/** Actions (summed quantity) by type, most frequent first. */
export function actionMix(actions: AprAction[]): MixItem[] {
  const byType = new Map<string, MixItem>();
  for (const a of actions) {
    const type = a.actionType ?? '';
    const item = byType.get(type) ?? { type, label: a.actionTypeLabel ?? type, count: 0, percent: 0 };
    item.count += a.quantity;
    byType.set(type, item);
  }
  const total = [...byType.values()].reduce((sum, i) => sum + i.count, 0);
  return [...byType.values()]
    .map((i) => ({ ...i, percent: total > 0 ? Math.round((i.count / total) * 100) : 0 }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

/** Actions logged on won opportunities per won opportunity (null when no action touched a won deal). */
export function actionsPerWonDeal(actions: AprAction[]): { ratio: number | null; wonDeals: number; actions: number } {
  const onWon = actions.filter((a) => a.opportunityWon && a.opportunityId);
  const wonDeals = new Set(onWon.map((a) => a.opportunityId)).size;
  const count = onWon.reduce((sum, a) => sum + a.quantity, 0);
  return { ratio: wonDeals > 0 ? round(count / wonDeals, 1) : null, wonDeals, actions: count };
}

export interface StaleAccount {
  id: string;
  // eslint-disable-next-line no-restricted-globals -- a property signature, not the global
  name: string;
  lastActionDate: string | null;
}

/**
 * The target accounts of the targets with no APR action (on one of their opportunities) on or after
 * the cutoff, those never touched first.
 */
export function staleTargetAccounts(targets: PlanTarget[], actions: AprAction[], cutoff: string): StaleAccount[] {
  const accounts = new Map<string, string>();
  for (const t of targets)
    if (t.targetAccountId) accounts.set(t.targetAccountId, t.targetAccountName ?? t.targetAccountId);
  const stale: StaleAccount[] = [];
  for (const [id, name] of accounts) {
    const dates = actions
      .filter((a) => a.opportunityAccountId === id && a.actionDate)
      .map((a) => a.actionDate as string)
      .sort();
    const last = dates.length > 0 ? dates[dates.length - 1] : null;
    if (!last || last < cutoff) stale.push({ id, name, lastActionDate: last });
  }
  return stale.sort(
    (a, b) => (a.lastActionDate ?? '').localeCompare(b.lastActionDate ?? '') || a.name.localeCompare(b.name),
  );
}

// ---------------------------------------------------------------------------------------------------
// Formatting

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
    return new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0 }).format(value);
  }
  if (unit === 'Percent') return formatPercent(value, locale);
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
}

/** Percent points (85.5) as a percentage (85.5%). */
export function formatPercent(value: number | null | undefined, locale: string): string {
  if (value === null || value === undefined) return '—';
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value / 100);
}

const utcDate = (iso: string): Date => new Date(toUtc(iso));

export function formatDate(iso: string | null, locale: string): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(utcDate(iso));
}

export function formatDateRange(start: string | null, end: string | null, locale: string): string {
  if (!start || !end) return `${formatDate(start, locale)} – ${formatDate(end, locale)}`;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).formatRange(
    utcDate(start),
    utcDate(end),
  );
}

/** A short day label ("May 4") for chart axes. */
export function formatShortDate(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(utcDate(iso));
}

export function formatDateTime(iso: string | null, locale: string, timeZone: string): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(iso));
}
