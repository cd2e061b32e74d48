/**
 * Suggested action targets, "to reach this result, these actions": for each result target of an AE +
 * partner-manager pair (won deals or revenue), the APR actions of each type that preceded that much result
 * over the four quarters before the target's period, at the rate of the pair's own history when it has
 * enough won deals, else the partner's, else the whole program's. Pure arithmetic over c/planData types.
 */
import type { ActionHistory, Metric, PlanTarget } from 'c/planData';
import type { MetricSemantics } from 'c/metricSemantics';
import { addDays } from './dates';
import { actionTypesOf } from './metrics';

/** Won deals a pair (or a partner) needs in the window before its own rates are trusted. */
export const MIN_WON_DEALS = 3;
/** Revenue rates read "per 100,000 of won revenue": a whole number of actions for typical deals. */
export const REVENUE_UNIT = 100_000;

/** A result counts deals (rate per won deal) or money (rate per unit of won revenue). */
export type ResultKind = 'deals' | 'revenue';
export type Basis = 'pair' | 'partner' | 'program';
export type NoSuggestionReason = 'no-won-deals' | 'no-won-revenue' | 'no-actions';

/**
 * Whether a metric is a result that actions lead to, and of which kind: an active Sales metric not counted
 * from APR actions, higher is better and cumulative (rates, averages and snapshots do not grow with actions),
 * in Currency (revenue) or counting opportunities (deals).
 */
export function resultKindOf(metric: Metric, semantics: MetricSemantics): ResultKind | null {
  if (!metric.active || metric.category !== 'Sales' || metric.sourceObject === 'APR_Action__c') return null;
  if (semantics.direction !== 'Higher is better' || semantics.shape !== 'Cumulative') return null;
  if (metric.unit === 'Currency') return 'revenue';
  if (metric.unit === 'Count' && metric.sourceObject === 'Opportunity') return 'deals';
  return null;
}

/**
 * The action type each catalog metric counts, for the metrics that count exactly one type (read from the
 * catalog's filters): action type -> metric name, the first in catalog order winning.
 */
export function actionMetricsByType(metrics: Metric[]): Map<string, string> {
  const byType = new Map<string, string>();
  for (const metric of metrics) {
    if (!metric.active) continue;
    const { types, exact } = actionTypesOf(metric);
    if (exact && !byType.has(types[0])) byType.set(types[0], metric.name);
  }
  return byType;
}

/**
 * The result targets of the current period: of the open periods the one that started last (the quarter
 * rather than the year that contains it), else the next period to start. One period, so one history window.
 */
export function currentResultTargets(
  targets: PlanTarget[],
  metrics: Metric[],
  semanticsFor: (metric: string) => MetricSemantics,
  asOf: string,
): PlanTarget[] {
  const results = targets.filter((t) => {
    const metric = metrics.find((m) => m.name === t.metric);
    return (
      metric !== undefined &&
      resultKindOf(metric, semanticsFor(t.metric)) !== null &&
      t.aeId !== null &&
      t.partnerManagerId !== null &&
      t.periodStart !== null &&
      t.periodEnd !== null &&
      t.periodEnd >= asOf &&
      t.targetValue !== null &&
      t.targetValue > 0
    );
  });
  const open = results.filter((t) => (t.periodStart as string) <= asOf);
  const starts = (open.length > 0 ? open : results).map((t) => t.periodStart as string).sort();
  const chosen = open.length > 0 ? starts[starts.length - 1] : starts[0];
  return (open.length > 0 ? open : results).filter((t) => t.periodStart === chosen);
}

/** The history window: the four quarters (twelve months) before the earliest of these periods starts. */
export function historyWindow(targets: PlanTarget[]): { since: string; until: string } | null {
  const starts = targets.map((t) => t.periodStart).filter((s): s is string => s !== null);
  if (starts.length === 0) return null;
  const anchor = starts.reduce((a, b) => (a < b ? a : b));
  const [y, m, d] = anchor.split('-').map(Number);
  const since = new Date(Date.UTC(y - 1, m - 1, d)).toISOString().slice(0, 10);
  return { since, until: addDays(anchor, -1) };
}

/** The history a suggestion's rates come from. */
export interface BasisHistory {
  basis: Basis;
  wonDeals: number;
  wonRevenue: number;
  /** Actions logged in the window, by action type. */
  actions: Map<string, number>;
  /** The pair's own won deals when it fell back (to say why). */
  pairWonDeals: number;
}

function totals(rows: { actionType: string; quantity: number }[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of rows) out.set(r.actionType, (out.get(r.actionType) ?? 0) + r.quantity);
  return out;
}

/**
 * The pair's history on its partner (actions the AE or partner manager logged, deals the AE won) when it has
 * at least MIN_WON_DEALS won deals; else the partner's (everyone's on that partner) when it has as many;
 * else the program's.
 */
export function basisFor(
  history: ActionHistory,
  partnerId: string,
  aeId: string,
  partnerManagerId: string,
): BasisHistory {
  const pairDeals = history.wonDeals.filter((d) => d.partnerId === partnerId && d.ownerId === aeId);
  const pairWonDeals = pairDeals.reduce((n, d) => n + d.deals, 0);
  if (pairWonDeals >= MIN_WON_DEALS) {
    return {
      basis: 'pair',
      wonDeals: pairWonDeals,
      wonRevenue: pairDeals.reduce((n, d) => n + d.revenue, 0),
      actions: totals(
        history.actions.filter(
          (a) => a.partnerId === partnerId && (a.actorId === aeId || a.actorId === partnerManagerId),
        ),
      ),
      pairWonDeals,
    };
  }
  const partnerDeals = history.wonDeals.filter((d) => d.partnerId === partnerId);
  const partnerWonDeals = partnerDeals.reduce((n, d) => n + d.deals, 0);
  if (partnerWonDeals >= MIN_WON_DEALS) {
    return {
      basis: 'partner',
      wonDeals: partnerWonDeals,
      wonRevenue: partnerDeals.reduce((n, d) => n + d.revenue, 0),
      actions: totals(history.actions.filter((a) => a.partnerId === partnerId)),
      pairWonDeals,
    };
  }
  return {
    basis: 'program',
    wonDeals: history.programWonDeals.deals,
    wonRevenue: history.programWonDeals.revenue,
    actions: totals(history.programActions),
    pairWonDeals,
  };
}

/** One suggested action target. */
export interface ActionSuggestion {
  /** Plan, pair, period and action metric: one suggestion each. */
  key: string;
  resultTargetId: string;
  resultMetric: string;
  kind: ResultKind;
  actionType: string;
  /** The action metric (its developer name) the new target measures. */
  metric: string;
  /** The suggested target value: ceil(rate x result target value). */
  value: number;
  /** Actions per won deal, or per REVENUE_UNIT of won revenue, rounded to 1 decimal. */
  rate: number;
  basis: Basis;
  wonDeals: number;
  wonRevenue: number;
  pairWonDeals: number;
  planId: string | null;
  sectionId: string | null;
  periodType: string | null;
  periodStart: string;
  periodEnd: string;
  aeId: string;
  partnerManagerId: string;
}

/** A result target that gets no suggestion, and why. */
export interface NoSuggestion {
  resultTargetId: string;
  resultMetric: string;
  reason: NoSuggestionReason;
  basis: Basis;
}

export interface Suggestions {
  suggestions: ActionSuggestion[];
  unexplained: NoSuggestion[];
}

const round1 = (n: number): number => Math.round(n * 10) / 10;

/**
 * The suggested action targets for result targets: per action type that has a catalog metric, ceil(actions
 * per won deal x deals targeted) or ceil(actions per won revenue x revenue targeted), skipping action
 * metrics the pair already has a target for in that period of that plan. When two results of a pair and
 * period suggest the same action, the larger suggestion stands (it reaches both).
 */
export function suggestActionTargets(
  resultTargets: PlanTarget[],
  allTargets: PlanTarget[],
  metrics: Metric[],
  semanticsFor: (metric: string) => MetricSemantics,
  history: ActionHistory,
): Suggestions {
  const metricByType = actionMetricsByType(metrics);
  const chosen = new Map<string, ActionSuggestion>();
  const unexplained: NoSuggestion[] = [];
  for (const target of resultTargets) {
    const metric = metrics.find((m) => m.name === target.metric);
    const kind = metric ? resultKindOf(metric, semanticsFor(target.metric)) : null;
    const { aeId, partnerManagerId, partnerAccountId, periodStart, periodEnd, targetValue } = target;
    if (!kind || !aeId || !partnerManagerId || !partnerAccountId || !periodStart || !periodEnd || !targetValue)
      continue;
    const basis = basisFor(history, partnerAccountId, aeId, partnerManagerId);
    const per = kind === 'deals' ? basis.wonDeals : basis.wonRevenue;
    const noOutcome = (reason: NoSuggestionReason): void => {
      unexplained.push({ resultTargetId: target.id, resultMetric: target.metric, reason, basis: basis.basis });
    };
    if (basis.wonDeals === 0) {
      noOutcome('no-won-deals');
      continue;
    }
    if (per <= 0) {
      noOutcome('no-won-revenue');
      continue;
    }
    let withRate = 0;
    for (const [actionType, count] of basis.actions) {
      const actionMetric = metricByType.get(actionType);
      if (!actionMetric || count <= 0) continue;
      withRate++;
      const exists = allTargets.some(
        (t) =>
          t.metric === actionMetric &&
          t.planId === target.planId &&
          t.aeId === aeId &&
          t.partnerManagerId === partnerManagerId &&
          t.periodStart === periodStart &&
          t.periodEnd === periodEnd,
      );
      if (exists) continue;
      const perUnit = count / per;
      const key = [target.planId, aeId, partnerManagerId, periodStart, periodEnd, actionMetric].join('|');
      const suggestion: ActionSuggestion = {
        key,
        resultTargetId: target.id,
        resultMetric: target.metric,
        kind,
        actionType,
        metric: actionMetric,
        // Rounded to 6 decimals first: floating-point noise (3.0000000004) must not add a whole action.
        value: Math.ceil(Math.round(perUnit * targetValue * 1e6) / 1e6),
        rate: round1(kind === 'deals' ? perUnit : perUnit * REVENUE_UNIT),
        basis: basis.basis,
        wonDeals: basis.wonDeals,
        wonRevenue: basis.wonRevenue,
        pairWonDeals: basis.pairWonDeals,
        planId: target.planId,
        sectionId: target.sectionId,
        periodType: target.periodType,
        periodStart,
        periodEnd,
        aeId,
        partnerManagerId,
      };
      const previous = chosen.get(key);
      if (!previous || suggestion.value > previous.value) chosen.set(key, suggestion);
    }
    if (withRate === 0) noOutcome('no-actions');
  }
  const suggestions = [...chosen.values()].sort(
    (a, b) =>
      a.periodStart.localeCompare(b.periodStart) ||
      a.aeId.localeCompare(b.aeId) ||
      b.value - a.value ||
      a.metric.localeCompare(b.metric),
  );
  return { suggestions, unexplained };
}
