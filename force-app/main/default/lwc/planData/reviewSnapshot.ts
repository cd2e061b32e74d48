/* eslint-disable no-restricted-globals -- the babel parser reports property signatures (name, status) as uses of globals */
/**
 * The frozen review pack of a quarterly business review (Plan_Review__c.Snapshot__c): its version 1 shape,
 * `composeSnapshot` (pure: it copies every value it shows, so later rollups never change a review),
 * `parseSnapshot` (what the pack page reads back, or why it cannot), and which quarters may be reviewed.
 */
import { DEFAULT_SEMANTICS, paceRatio, semanticsOf, weightedContribution } from 'c/metricSemantics';
import type { Metric, PlanComment, PlanSection, PlanTarget, StaleDeal } from './types';

/** The snapshot version this code writes and reads. */
export const SNAPSHOT_VERSION = 1;
/** The most Snapshot__c holds (Long Text Area(131072)). */
export const SNAPSHOT_MAX_LENGTH = 131072;
/** Pace statuses that count a target as behind. */
const BEHIND = ['Behind', 'Missed', 'Over Budget'];

// ---------------------------------------------------------------------------------------------------
// The review pack (Snapshot__c)

export interface DateSpan {
  start: string;
  end: string;
}

export interface SnapshotTarget {
  id: string;
  metric: string;
  metricLabel: string;
  unit: string | null;
  /** The currency its values are in (the target's, else the org's). */
  currency: string;
  periodType: string | null;
  periodLabel: string;
  periodStart: string | null;
  periodEnd: string | null;
  targetValue: number | null;
  actualValue: number | null;
  /** Percent points. */
  attainment: number | null;
  expectedToDate: number | null;
  /** Actual against expected by then, percent (100 on pace). */
  pace: number | null;
  paceStatus: string | null;
  weight: number | null;
  sectionName: string | null;
}

export interface SnapshotSection {
  id: string;
  name: string;
  /** Weighted attainment of the section's targets in the period, percent points. */
  attainment: number | null;
  targets: SnapshotTarget[];
}

export interface SnapshotCount {
  key: string;
  label: string;
  count: number;
}

export interface SnapshotWin {
  id: string;
  name: string;
  accountName: string | null;
  amount: number | null;
  closeDate: string | null;
}

export interface SnapshotStaleDeal {
  id: string;
  name: string;
  accountName: string | null;
  stage: string | null;
  amount: number | null;
  closeDate: string | null;
  lastActionDate: string | null;
}

export interface SnapshotComment {
  id: string;
  body: string;
  internalOnly: boolean;
  authorName: string | null;
  createdDate: string | null;
}

export interface ReviewSnapshot {
  version: 1;
  plan: {
    id: string;
    name: string;
    partnerId: string | null;
    partnerName: string | null;
    fiscalYear: string | null;
    status: string | null;
    periodStart: string | null;
    periodEnd: string | null;
    reviewCadence: string | null;
  };
  period: DateSpan & { label: string };
  /** The org's currency (wins and stale deals are in it). */
  currency: string;
  headline: ReviewHeadline;
  sections: SnapshotSection[];
  actions: { byType: SnapshotCount[]; byPerson: SnapshotCount[]; total: number };
  wins: SnapshotWin[];
  staleDeals: SnapshotStaleDeal[];
  comments: SnapshotComment[];
  nextQuarterTargets: SnapshotTarget[];
  /** Comments left out to fit Snapshot__c (the oldest go first). */
  omittedComments: number;
  preparedBy: { id: string; name: string | null };
  /** ISO date-time. */
  preparedAt: string;
}

/** The figures the review record carries in its own fields. */
export interface ReviewHeadline {
  overallAttainment: number | null;
  targetsBehind: number;
  actionsLogged: number;
  wonAmount: number;
  staleDeals: number;
}

/** An APR action as the review counts it. */
export interface ReviewAction {
  actionType: string | null;
  actionTypeLabel: string | null;
  quantity: number;
  actorId: string | null;
  actorName: string | null;
}

/** A closed-won opportunity of the partner. */
export type ReviewWin = SnapshotWin;

export interface ReviewPlanInput {
  id: string;
  name: string;
  partnerAccountId: string | null;
  partnerName: string | null;
  fiscalYear: string | null;
  status: string | null;
  periodStart: string | null;
  periodEnd: string | null;
  reviewCadence: string | null;
}

export interface ComposeInput {
  plan: ReviewPlanInput;
  period: DateSpan & { label: string };
  /** The quarter after the one reviewed; null when the plan has none. */
  nextPeriod: DateSpan | null;
  sections: PlanSection[];
  targets: PlanTarget[];
  metrics: Metric[];
  /** How a target's period reads (the plan's fiscal labels). */
  periodLabel: (start: string | null, end: string | null) => string;
  actions: ReviewAction[];
  wins: ReviewWin[];
  staleDeals: StaleDeal[];
  comments: PlanComment[];
  preparedBy: { id: string; name: string | null };
  preparedAt: string;
  orgCurrency: string;
}

const overlaps = (t: PlanTarget, span: DateSpan): boolean =>
  (!t.periodStart || t.periodStart <= span.end) && (!t.periodEnd || t.periodEnd >= span.start);
const within = (t: PlanTarget, span: DateSpan): boolean =>
  !!t.periodStart && !!t.periodEnd && t.periodStart >= span.start && t.periodEnd <= span.end;
const weightOf = (t: { weight: number | null }): number => (t.weight !== null && t.weight > 0 ? t.weight : 1);
const round1 = (n: number): number => Math.round(n * 10) / 10;

function snapshotTarget(t: PlanTarget, input: ComposeInput, sectionName: string | null): SnapshotTarget {
  const metric = input.metrics.find((m) => m.name === t.metric);
  const semantics = metric ? semanticsOf(metric) : DEFAULT_SEMANTICS;
  return {
    id: t.id,
    metric: t.metric,
    metricLabel: metric ? metric.label : t.metric.replace(/_/g, ' '),
    unit: metric ? metric.unit : null,
    currency: t.currencyIsoCode ?? input.orgCurrency,
    periodType: t.periodType,
    periodLabel: input.periodLabel(t.periodStart, t.periodEnd),
    periodStart: t.periodStart,
    periodEnd: t.periodEnd,
    targetValue: t.targetValue,
    actualValue: t.actualValue,
    attainment: t.attainment,
    expectedToDate: t.expectedToDate,
    pace: paceRatio(semantics, t.actualValue, t.expectedToDate),
    paceStatus: t.paceStatus,
    weight: t.weight,
    sectionName,
  };
}

/** Weighted (Weight__c) attainment of targets, a budget's capped at 100 as the plan's is; null with none measured. */
function weighted(targets: PlanTarget[], metrics: Metric[]): number | null {
  let sum = 0;
  let weight = 0;
  // A year target's split quarters and months count once, through the year (as the rollup weighs a plan).
  const ids = new Set(targets.map((t) => t.id));
  for (const t of targets.filter((x) => !x.parentTargetId || !ids.has(x.parentTargetId))) {
    const metric = metrics.find((m) => m.name === t.metric);
    const value = weightedContribution(metric ? semanticsOf(metric) : DEFAULT_SEMANTICS, t.attainment);
    if (value === null) continue;
    sum += weightOf(t) * value;
    weight += weightOf(t);
  }
  return weight === 0 ? null : round1(sum / weight);
}

/** Sums quantities by a key, largest first (then by label). */
function countBy(actions: ReviewAction[], key: (a: ReviewAction) => [string, string]): SnapshotCount[] {
  const counts = new Map<string, SnapshotCount>();
  for (const a of actions) {
    const [k, labelText] = key(a);
    const item = counts.get(k) ?? { key: k, label: labelText, count: 0 };
    item.count += a.quantity;
    counts.set(k, item);
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

/**
 * The frozen review pack of a quarter: per section the targets whose period overlaps the quarter (with
 * actual, attainment and pace as they are now), the plan's actions in the quarter by type and by person,
 * the partner's wins and stale deals, the plan's comments in the quarter (newest first) and the next
 * quarter's targets. Pure: everything it shows is copied from the input.
 */
export function composeSnapshot(input: ComposeInput): ReviewSnapshot {
  const { period } = input;
  const sectionName = new Map(input.sections.map((s) => [s.id, s.name]));
  const inPeriod = input.targets.filter((t) => overlaps(t, period));
  const sections: SnapshotSection[] = input.sections
    .map((s) => {
      const targets = inPeriod.filter((t) => t.sectionId === s.id);
      return {
        id: s.id,
        name: s.name,
        attainment: weighted(targets, input.metrics),
        targets: targets.map((t) => snapshotTarget(t, input, s.name)),
      };
    })
    .filter((s) => s.targets.length > 0);
  const next = input.nextPeriod;
  const nextQuarterTargets = next
    ? input.targets
        .filter((t) => within(t, next))
        .map((t) => snapshotTarget(t, input, sectionName.get(t.sectionId ?? '') ?? null))
    : [];
  const byType = countBy(input.actions, (a) => [a.actionType ?? '', a.actionTypeLabel ?? a.actionType ?? '—']);
  const byPerson = countBy(input.actions, (a) => [a.actorId ?? '', a.actorName ?? '—']);
  const total = input.actions.reduce((sum, a) => sum + a.quantity, 0);
  const wins = input.wins.map((w) => ({ ...w }));
  const staleDeals = input.staleDeals.map((d) => ({
    id: d.id,
    name: d.name,
    accountName: d.accountName,
    stage: d.stageLabel,
    amount: d.amount,
    closeDate: d.closeDate,
    lastActionDate: d.lastAprActionDate,
  }));
  const comments = input.comments
    .filter(
      (c) => c.createdDate && c.createdDate.slice(0, 10) >= period.start && c.createdDate.slice(0, 10) <= period.end,
    )
    .sort((a, b) => (b.createdDate ?? '').localeCompare(a.createdDate ?? ''))
    .map((c) => ({
      id: c.id,
      body: c.body,
      internalOnly: c.internalOnly,
      authorName: c.authorName,
      createdDate: c.createdDate,
    }));
  const headline: ReviewHeadline = {
    overallAttainment: weighted(inPeriod, input.metrics),
    targetsBehind: inPeriod.filter((t) => t.paceStatus !== null && BEHIND.includes(t.paceStatus)).length,
    actionsLogged: total,
    wonAmount: wins.reduce((sum, w) => sum + (w.amount ?? 0), 0),
    staleDeals: staleDeals.length,
  };
  const p = input.plan;
  return fitSnapshot({
    version: 1,
    plan: {
      id: p.id,
      name: p.name,
      partnerId: p.partnerAccountId,
      partnerName: p.partnerName,
      fiscalYear: p.fiscalYear,
      status: p.status,
      periodStart: p.periodStart,
      periodEnd: p.periodEnd,
      reviewCadence: p.reviewCadence,
    },
    period: { ...period },
    currency: input.orgCurrency,
    headline,
    sections,
    actions: { byType, byPerson, total },
    wins,
    staleDeals,
    comments,
    nextQuarterTargets,
    omittedComments: 0,
    preparedBy: { ...input.preparedBy },
    preparedAt: input.preparedAt,
  });
}

/** Leaves out the oldest comments until the JSON fits Snapshot__c (the figures are never cut). */
function fitSnapshot(snapshot: ReviewSnapshot): ReviewSnapshot {
  let fitted = snapshot;
  while (JSON.stringify(fitted).length > SNAPSHOT_MAX_LENGTH && fitted.comments.length > 0) {
    const keep = Math.floor(fitted.comments.length / 2);
    fitted = {
      ...fitted,
      comments: fitted.comments.slice(0, keep),
      omittedComments: snapshot.comments.length - keep,
    };
  }
  return fitted;
}

export type ParsedSnapshot =
  | { kind: 'ok'; snapshot: ReviewSnapshot }
  | { kind: 'missing' }
  | { kind: 'invalid' }
  | { kind: 'version'; version: unknown };

/** Reads Snapshot__c: a version 1 pack, or why it cannot be shown (none, not JSON, an unknown version). */
export function parseSnapshot(json: string | null | undefined): ParsedSnapshot {
  if (!json) return { kind: 'missing' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return { kind: 'invalid' };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { kind: 'invalid' };
  const found = (parsed as Record<string, unknown>).version;
  if (found !== SNAPSHOT_VERSION) return { kind: 'version', version: found };
  const s = parsed as ReviewSnapshot;
  const complete =
    typeof s.plan === 'object' &&
    s.plan !== null &&
    typeof s.period === 'object' &&
    s.period !== null &&
    Array.isArray(s.sections) &&
    typeof s.actions === 'object' &&
    s.actions !== null &&
    Array.isArray(s.actions.byType) &&
    Array.isArray(s.actions.byPerson) &&
    Array.isArray(s.wins) &&
    Array.isArray(s.staleDeals) &&
    Array.isArray(s.comments) &&
    Array.isArray(s.nextQuarterTargets) &&
    s.sections.every((section) => Array.isArray(section.targets));
  return complete ? { kind: 'ok', snapshot: s } : { kind: 'invalid' };
}

// ---------------------------------------------------------------------------------------------------
// Which quarter to review

/**
 * The plan's quarters that have started by `today`, and the one to review by default: the latest started,
 * or the one before it when the latest started less than `graceDays` ago (its review is still to come).
 */
export function reviewableQuarters<Q extends DateSpan>(
  quarters: Q[],
  today: string,
  graceDays = 15,
): { quarters: Q[]; defaultIndex: number } {
  const started = quarters.filter((q) => q.start <= today);
  if (started.length === 0) return { quarters: [], defaultIndex: -1 };
  const latest = started.length - 1;
  const age = Math.round(
    (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${started[latest].start}T00:00:00Z`)) / 86_400_000,
  );
  return { quarters: started, defaultIndex: age < graceDays && latest > 0 ? latest - 1 : latest };
}
