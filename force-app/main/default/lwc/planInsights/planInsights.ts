/**
 * c/planInsights: pure functions over the domain types of c/planData. No data access, no DOM: the plan
 * lifecycle rules, which plan and target an action counts toward, the role of an actor, the AE +
 * partner-manager pairs, attainment and pace (read with each metric's semantics), fiscal period labels,
 * the weekly action chart geometry, stale accounts, and the formatting of numbers, dates, label templates
 * and a target's figures. Each concern lives in its own module of this bundle;
 * this file is the public entry point that components import.
 */
export { addDays, addMonths, daysBetween, periodContains, periodEndFor, todayIn, weekStart } from './dates';
export { fiscalPeriodOf, fiscalPeriods, fiscalQuarterOn, periodLabel } from './fiscal';
export type { FiscalPeriod, FiscalPlan } from './fiscal';
export { targetCurrency, targetFigureTexts } from './figures';
export type { TargetFigureTexts } from './figures';
export {
  canEditPlan,
  canMarkAccepted,
  canRevise,
  canSubmitForReview,
  changeRequestView,
  LIFECYCLE,
  lifecycleSteps,
  moveItem,
} from './lifecycle';
export type { ChangeRequestView } from './lifecycle';
export { actionTypesOf, catalogSemantics, humanize, metricLabel, metricsForActionType, metricUnit } from './metrics';
export { inferRole, resolvePlan, resolveTarget } from './attribution';
export type { RoleReason } from './attribution';
export { pairsOf } from './pairs';
export type { Pair } from './pairs';
export { currentTargets, furthestBehind, hasStarted, paceRatio, paceSummary, weightedAttainment } from './pace';
export type { PaceSummary, SemanticsByMetric } from './pace';
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
