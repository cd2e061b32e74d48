/**
 * Attainment and pace over targets: weighted attainment, actual-to-expected ratios and their summary, each
 * read with the target's metric semantics (c/metricSemantics: direction, shape and thresholds), so a budget
 * over its use reads badly and a lower-is-better metric reads well when it falls.
 */
import {
  DEFAULT_SEMANTICS,
  paceRatio as semanticRatio,
  weightedContribution,
  type MetricSemantics,
} from 'c/metricSemantics';
import type { PlanTarget } from 'c/planData';
import { periodContains } from './dates';
import { round } from './math';

/** Each metric's semantics by its DeveloperName; a metric missing here reads with the defaults. */
export type SemanticsByMetric = Record<string, MetricSemantics>;

const semanticsFor = (t: PlanTarget, semantics: SemanticsByMetric): MetricSemantics =>
  semantics[t.metric] ?? DEFAULT_SEMANTICS;

/** The targets whose period contains the date; all of them when none does (a plan between periods). */
export function currentTargets(targets: PlanTarget[], date: string): PlanTarget[] {
  const current = targets.filter((t) => periodContains(t.periodStart, t.periodEnd, date));
  return current.length > 0 ? current : targets;
}

/** True once the target's period has begun on the date (a target without a start has). */
export function hasStarted(t: PlanTarget, date: string): boolean {
  return !t.periodStart || t.periodStart <= date;
}

const weightOf = (t: PlanTarget): number => (t.weight !== null && t.weight > 0 ? t.weight : 1);

/**
 * Weighted average (by Weight__c) of what the targets whose period has started contribute: their attainment,
 * a budget's capped at 100 so overspending never lifts it. Percent points; null with no data.
 */
export function weightedAttainment(targets: PlanTarget[], semantics: SemanticsByMetric, date: string): number | null {
  // A quarter or month split from a year target is that year's breakdown: the year counts, once (as the rollup weighs).
  const measured = targets
    .filter((t) => !t.parentTargetId && hasStarted(t, date))
    .map((t) => ({ t, value: weightedContribution(semanticsFor(t, semantics), t.attainment) }))
    .filter((m): m is { t: PlanTarget; value: number } => m.value !== null);
  const weight = measured.reduce((sum, m) => sum + weightOf(m.t), 0);
  if (weight === 0) return null;
  return round(measured.reduce((sum, m) => sum + weightOf(m.t) * m.value, 0) / weight, 1);
}

/** Actual against what was expected by now, in percent (100 on pace, higher better); null before anything is expected. */
export function paceRatio(t: PlanTarget, semantics: SemanticsByMetric): number | null {
  return semanticRatio(semanticsFor(t, semantics), t.actualValue, t.expectedToDate);
}

export interface PaceSummary {
  /** Weighted actual-to-expected percent over the targets that expect something by now. */
  percent: number | null;
  /** Ahead, On Track or Met. */
  good: number;
  /** Behind, Missed or Over Budget. */
  bad: number;
  /** No status yet: not started, or not computed. */
  noStatus: number;
}

const GOOD = ['Ahead', 'On Track', 'Met'];
const BAD = ['Behind', 'Missed', 'Over Budget'];

export function paceSummary(targets: PlanTarget[], semantics: SemanticsByMetric): PaceSummary {
  const paced = targets
    .map((t) => ({ t, ratio: paceRatio(t, semantics) }))
    .filter((p): p is { t: PlanTarget; ratio: number } => p.ratio !== null);
  const weight = paced.reduce((sum, p) => sum + weightOf(p.t), 0);
  const good = targets.filter((t) => t.paceStatus !== null && GOOD.includes(t.paceStatus)).length;
  const bad = targets.filter((t) => t.paceStatus !== null && BAD.includes(t.paceStatus)).length;
  return {
    percent: weight === 0 ? null : round(paced.reduce((s, p) => s + weightOf(p.t) * p.ratio, 0) / weight, 1),
    good,
    bad,
    noStatus: targets.length - good - bad,
  };
}

const isBad = (t: PlanTarget): number => (t.paceStatus !== null && BAD.includes(t.paceStatus) ? 0 : 1);

/**
 * The targets furthest behind what was expected by now: those whose status reads badly first (an over-budget
 * target's ratio is capped at 100, yet it needs attention), then the lowest actual-to-expected ratio.
 */
export function furthestBehind(targets: PlanTarget[], semantics: SemanticsByMetric, count: number): PlanTarget[] {
  return targets
    .map((t) => ({ t, ratio: paceRatio(t, semantics) }))
    .filter((p): p is { t: PlanTarget; ratio: number } => p.ratio !== null)
    .sort((a, b) => isBad(a.t) - isBad(b.t) || a.ratio - b.ratio || (a.t.attainment ?? 0) - (b.t.attainment ?? 0))
    .map((p) => p.t)
    .slice(0, count);
}
