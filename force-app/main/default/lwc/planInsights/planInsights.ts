/**
 * c/planInsights: pure functions over the domain types of c/planData. No data access, no DOM: the plan
 * lifecycle rules, which plan and target an action counts toward, the role of an actor, the AE +
 * partner-manager pairs, attainment and pace, the weekly action chart geometry, stale accounts, and the
 * formatting of numbers, dates and label templates. Each concern lives in its own module of this bundle;
 * this file is the public entry point that components import.
 */
export { addDays, daysBetween, periodContains, periodEndFor, todayIn, weekStart } from './dates';
export {
  canEditPlan,
  canMarkAccepted,
  canRevise,
  canSubmitForReview,
  LIFECYCLE,
  lifecycleSteps,
  moveItem,
  templateSections,
} from './lifecycle';
export { actionTypesOf, humanize, metricLabel, metricsForActionType, metricUnit } from './metrics';
export { inferRole, resolvePlan, resolveTarget } from './attribution';
export type { RoleReason } from './attribution';
export { pairsOf } from './pairs';
export type { Pair } from './pairs';
export { currentTargets, furthestBehind, paceRatio, paceSummary, weightedAttainment } from './pace';
export type { PaceSummary } from './pace';
export {
  actionMix,
  actionsPerWonDeal,
  COACHING_SESSION,
  isCoaching,
  staleTargetAccounts,
  weeklyCounts,
  windowStart,
} from './actions';
export type { MixItem, StaleAccount, WeekBucket } from './actions';
export { barChartGeometry, niceStep } from './chart';
export type { ChartBar, ChartGeometry, ChartGroup, ChartTick } from './chart';
export {
  formatDate,
  formatDateRange,
  formatDateTime,
  formatLabel,
  formatPercent,
  formatShortDate,
  formatValue,
} from './format';
export { rollupFreshness, RUNNING_TIMEOUT_MINUTES, STALE_AFTER_HOURS } from './freshness';
export type { Freshness, FreshnessProblem } from './freshness';
export {
  actionMetricsByType,
  basisFor,
  currentResultTargets,
  historyWindow,
  MIN_WON_DEALS,
  resultKindOf,
  REVENUE_UNIT,
  suggestActionTargets,
} from './suggestions';
export type { ActionSuggestion, Basis, BasisHistory, NoSuggestion, ResultKind, Suggestions } from './suggestions';
