import { LightningElement, api, wire } from 'lwc';
import { graphql } from 'lightning/graphql';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import CURRENCY from '@salesforce/i18n/currency';
import LOCALE from '@salesforce/i18n/locale';
import TIME_ZONE from '@salesforce/i18n/timeZone';
import { DEFAULT_SEMANTICS, type MetricSemantics } from 'c/metricSemantics';
import {
  ACTION_PLAN_SECTIONS_QUERY,
  METRIC_CATALOG_QUERY,
  PARTNER_HISTORY_QUERY,
  PROGRAM_HISTORY_QUERY,
  TARGET_OBJECT,
  createActionTarget,
  readActionHistory,
  readActionPlanSections,
  readMetrics,
  type ActionHistory,
  type ActionPlanSection,
  type GraphQLResult,
  type Loadable,
  type Metric,
  type ObjectInfoRepresentation,
  type PlanHeader,
  type PlanTarget,
  type WireResult,
} from 'c/planData';
import {
  canEditPlan,
  catalogSemantics,
  currentResultTargets,
  formatLabel,
  formatValue,
  historyWindow,
  metricLabel,
  metricUnit,
  MIN_WON_DEALS,
  periodLabel,
  REVENUE_UNIT,
  suggestActionTargets,
  todayIn,
  type ActionSuggestion,
  type Basis,
  type NoSuggestion,
} from 'c/planInsights';
import { LABELS } from './labels';

/** A suggestion as the template shows it. */
interface SuggestionView {
  key: string;
  title: string;
  context: string;
  why: string;
  fallback: string | null;
  /** The user may create targets and the plan takes new ones. */
  canAccept: boolean;
  /** The user may create targets but the plan is accepted: it must be revised first. */
  planLocked: boolean;
  acceptLabel: string;
  dismissLabel: string;
  busy: boolean;
  errors: string[];
  hasErrors: boolean;
}

const unique = (values: (string | null)[]): string[] =>
  [...new Set(values.filter((v): v is string => v !== null))].sort();

/**
 * Suggested action targets for the result targets it is given (a plan's, or a pair's in the coaching view):
 * "to reach this result, these actions", from the last 4 quarters of history (c/planInsights suggestions).
 * Accept creates the action target in the plan's Action Plan section (else the result's section) and fires
 * `targetcreated` so the parent refreshes its targets; Dismiss hides a suggestion for this session. People who
 * may not create targets see the suggestions without Accept.
 */
/** How many suggestions show before "Show all": enough to act on, few enough to read at a glance. */
const FIRST_SUGGESTIONS = 5;

export default class ActionSuggestions extends LightningElement {
  /** The targets in scope: the result targets to suggest for and the targets that already exist. */
  @api targets: PlanTarget[] = [];
  /** The plan of the targets when they do not carry it (the plan editor's targets): its Id, partner and status. */
  @api plan: PlanHeader | null = null;

  labels = LABELS;
  metrics: Metric[] = [];
  catalogError: string | null = null;
  partnerResult: GraphQLResult | undefined;
  programResult: GraphQLResult | undefined;
  sections: ActionPlanSection[] = [];
  /** Accept waits for the sections: an action target belongs in the Action Plan section when there is one. */
  sectionsLoaded = false;
  canCreate = false;
  /** Suggestions accepted or dismissed in this session, by key. */
  settled: string[] = [];
  busyKeys: string[] = [];
  /** Whether every suggestion shows, not only the first few. */
  expanded = false;
  /** What the server said about a failed accept, by suggestion key. */
  acceptErrors: Record<string, string[]> = {};

  @wire(graphql, { query: METRIC_CATALOG_QUERY })
  wiredMetrics(result: GraphQLResult): void {
    const metrics = readMetrics(result);
    this.metrics = metrics.kind === 'ready' ? metrics.value : [];
    this.catalogError = metrics.kind === 'error' ? metrics.message : null;
  }

  @wire(graphql, { query: '$partnerQuery', variables: '$partnerVariables' })
  wiredPartnerHistory(result: GraphQLResult): void {
    this.partnerResult = result;
  }

  @wire(graphql, { query: '$programQuery', variables: '$programVariables' })
  wiredProgramHistory(result: GraphQLResult): void {
    this.programResult = result;
  }

  @wire(graphql, { query: '$sectionsQuery', variables: '$sectionsVariables' })
  wiredSections(result: GraphQLResult): void {
    const sections = readActionPlanSections(result);
    this.sections = sections.kind === 'ready' ? sections.value : [];
    this.sectionsLoaded = sections.kind !== 'loading';
  }

  @wire(getObjectInfo, { objectApiName: TARGET_OBJECT })
  wiredTargetInfo(result: WireResult<ObjectInfoRepresentation>): void {
    this.canCreate = Boolean(result && result.data && result.data.createable);
  }

  get today(): string {
    return todayIn(TIME_ZONE);
  }

  /** The targets, with what they know of their plan completed from `plan`. */
  get scopedTargets(): PlanTarget[] {
    const plan = this.plan;
    const targets = this.targets ?? [];
    if (!plan) return targets;
    return targets.map((t) => ({
      ...t,
      planId: t.planId ?? plan.id,
      planStatus: t.planStatus ?? plan.status,
      partnerAccountId: t.partnerAccountId ?? plan.partnerAccountId,
      planFiscalYear: t.planFiscalYear ?? plan.fiscalYear,
      planPeriodStart: t.planPeriodStart ?? plan.periodStart,
    }));
  }

  private get semanticsFor(): (metric: string) => MetricSemantics {
    const semantics = catalogSemantics(this.metrics);
    return (metric) => semantics[metric] ?? DEFAULT_SEMANTICS;
  }

  get resultTargets(): PlanTarget[] {
    return currentResultTargets(this.scopedTargets, this.metrics, this.semanticsFor, this.today);
  }

  get window(): { since: string; until: string } | null {
    return historyWindow(this.resultTargets);
  }

  // The history queries run once there is something to suggest for (undefined query: the wire waits).
  get partnerQuery(): typeof PARTNER_HISTORY_QUERY | undefined {
    return this.partnerVariables ? PARTNER_HISTORY_QUERY : undefined;
  }

  get partnerVariables(): { partnerIds: string[]; since: string; until: string } | undefined {
    const window = this.window;
    const partnerIds = unique(this.resultTargets.map((t) => t.partnerAccountId));
    return window && partnerIds.length > 0 ? { partnerIds, ...window } : undefined;
  }

  get programQuery(): typeof PROGRAM_HISTORY_QUERY | undefined {
    return this.programVariables ? PROGRAM_HISTORY_QUERY : undefined;
  }

  get programVariables(): { since: string; until: string } | undefined {
    return this.partnerVariables ? (this.window ?? undefined) : undefined;
  }

  get sectionsQuery(): typeof ACTION_PLAN_SECTIONS_QUERY | undefined {
    return this.sectionsVariables ? ACTION_PLAN_SECTIONS_QUERY : undefined;
  }

  get sectionsVariables(): { planIds: string[] } | undefined {
    const planIds = unique(this.resultTargets.map((t) => t.planId));
    return planIds.length > 0 ? { planIds } : undefined;
  }

  get history(): Loadable<ActionHistory> {
    const window = this.window;
    if (!window) return { kind: 'loading' };
    return readActionHistory(this.partnerResult, this.programResult, window, LABELS.tooMany);
  }

  private get computed(): { suggestions: ActionSuggestion[]; unexplained: NoSuggestion[] } {
    const history = this.history;
    if (history.kind !== 'ready') return { suggestions: [], unexplained: [] };
    return suggestActionTargets(this.resultTargets, this.scopedTargets, this.metrics, this.semanticsFor, history.value);
  }

  // -------------------------------------------------------------------------------------------------
  // View state

  get hasResults(): boolean {
    return this.resultTargets.length > 0;
  }

  /** Shown once there is a current result target of a pair (or the catalog failed): not in every plan. */
  get shown(): boolean {
    return Boolean(this.catalogError) || this.hasResults;
  }

  get loading(): boolean {
    return this.hasResults && this.history.kind === 'loading';
  }

  get error(): string | null {
    if (this.catalogError) return this.catalogError;
    const history = this.history;
    return this.hasResults && history.kind === 'error' ? history.message : null;
  }

  get suggestionViews(): SuggestionView[] {
    return this.computed.suggestions.filter((s) => !this.settled.includes(s.key)).map((s) => this.viewOf(s));
  }

  get hasSuggestions(): boolean {
    return this.suggestionViews.length > 0;
  }

  /** The first few suggestions (each result's largest first), or all of them once expanded. */
  get visibleSuggestions(): SuggestionView[] {
    const views = this.suggestionViews;
    return this.expanded ? views : views.slice(0, FIRST_SUGGESTIONS);
  }

  get canExpand(): boolean {
    return this.suggestionViews.length > FIRST_SUGGESTIONS;
  }

  get expandLabel(): string {
    return this.expanded ? LABELS.showFewer : formatLabel(LABELS.showAll, String(this.suggestionViews.length));
  }

  get expandedText(): string {
    return String(this.expanded);
  }

  toggleExpanded(): void {
    this.expanded = !this.expanded;
  }

  get reasons(): { key: string; text: string }[] {
    return this.computed.unexplained.map((n) => ({ key: n.resultTargetId, text: this.reasonText(n) }));
  }

  get hasReasons(): boolean {
    return this.reasons.length > 0;
  }

  get emptyMessage(): string | null {
    return !this.loading && !this.error && !this.hasSuggestions && !this.hasReasons ? LABELS.empty : null;
  }

  get ready(): boolean {
    return !this.loading && !this.error;
  }

  private basisLabel(basis: Basis): string {
    return basis === 'pair' ? LABELS.basisPair : basis === 'partner' ? LABELS.basisPartner : LABELS.basisProgram;
  }

  private number(value: number): string {
    return new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 1 }).format(value);
  }

  private money(value: number): string {
    return formatValue(value, 'Currency', LOCALE, CURRENCY);
  }

  private titleOf(s: ActionSuggestion): string {
    return formatLabel(LABELS.value, this.number(s.value), metricLabel(this.metrics, s.metric));
  }

  private viewOf(s: ActionSuggestion): SuggestionView {
    const result = this.resultTargets.find((t) => t.id === s.resultTargetId);
    const title = this.titleOf(s);
    const action = metricLabel(this.metrics, s.metric);
    const basis = this.basisLabel(s.basis);
    const why =
      s.kind === 'deals'
        ? formatLabel(LABELS.perDeal, this.number(s.rate), action, basis, s.wonDeals)
        : formatLabel(
            LABELS.perRevenue,
            this.number(s.rate),
            action,
            this.money(REVENUE_UNIT),
            basis,
            s.wonDeals,
            this.money(s.wonRevenue),
          );
    const resultValue = result
      ? formatValue(
          result.targetValue,
          metricUnit(this.metrics, s.resultMetric),
          LOCALE,
          result.currencyIsoCode ?? CURRENCY,
        )
      : '';
    const period = periodLabel(
      result ? { fiscalYear: result.planFiscalYear, periodStart: result.planPeriodStart } : null,
      s.periodStart,
      s.periodEnd,
      LOCALE,
    );
    const context = formatLabel(
      LABELS.forResult,
      resultValue,
      metricLabel(this.metrics, s.resultMetric),
      period,
      result?.aeName ?? s.aeId,
      result?.partnerManagerName ?? s.partnerManagerId,
    );
    const errors = this.acceptErrors[s.key] ?? [];
    // Validation rule Target_Added_To_Accepted_Plan: only drafted, reviewed or revised plans take new targets.
    const planOpen = canEditPlan(result ? result.planStatus : null);
    return {
      key: s.key,
      title,
      context,
      why,
      fallback: s.basis !== 'pair' ? formatLabel(LABELS.fallback, s.pairWonDeals, MIN_WON_DEALS) : null,
      canAccept: this.canCreate && planOpen,
      planLocked: this.canCreate && !planOpen,
      acceptLabel: formatLabel(LABELS.acceptAlt, title),
      dismissLabel: formatLabel(LABELS.dismissAlt, title),
      busy: this.busyKeys.includes(s.key) || !this.sectionsLoaded,
      errors,
      hasErrors: errors.length > 0,
    };
  }

  private reasonText(n: NoSuggestion): string {
    const metric = metricLabel(this.metrics, n.resultMetric);
    if (n.reason === 'no-won-deals') return formatLabel(LABELS.noWonDeals, metric);
    const basis = this.basisLabel(n.basis);
    return formatLabel(n.reason === 'no-won-revenue' ? LABELS.noWonRevenue : LABELS.noActions, metric, basis);
  }

  // -------------------------------------------------------------------------------------------------
  // Actions

  handleDismiss(event: Event): void {
    const key = (event.currentTarget as HTMLElement).dataset.key;
    if (key) this.settled = [...this.settled, key];
  }

  async handleAccept(event: Event): Promise<void> {
    const key = (event.currentTarget as HTMLElement).dataset.key;
    const suggestion = this.computed.suggestions.find((s) => s.key === key);
    if (!key || !suggestion || this.busyKeys.includes(key) || !this.sectionsLoaded) return;
    const section = this.sections.find((s) => s.planId === suggestion.planId);
    const sectionId = section ? section.id : suggestion.sectionId;
    if (!sectionId) return;
    this.busyKeys = [...this.busyKeys, key];
    const { [key]: _cleared, ...otherErrors } = this.acceptErrors;
    this.acceptErrors = otherErrors;
    try {
      const outcome = await createActionTarget({
        sectionId,
        metric: suggestion.metric,
        periodType: suggestion.periodType,
        periodStart: suggestion.periodStart,
        periodEnd: suggestion.periodEnd,
        targetValue: suggestion.value,
        aeId: suggestion.aeId,
        partnerManagerId: suggestion.partnerManagerId,
      });
      if (outcome.ok) {
        this.settled = [...this.settled, key];
        this.dispatchEvent(
          new ShowToastEvent({
            title: LABELS.createdTitle,
            message: formatLabel(LABELS.created, this.titleOf(suggestion)),
            variant: 'success',
          }),
        );
        this.dispatchEvent(new CustomEvent('targetcreated', { detail: { targetId: outcome.id } }));
      } else {
        this.acceptErrors = {
          ...this.acceptErrors,
          [key]: [...outcome.messages, ...Object.values(outcome.fieldErrors).flat()],
        };
      }
    } finally {
      this.busyKeys = this.busyKeys.filter((k) => k !== key);
    }
  }
}
