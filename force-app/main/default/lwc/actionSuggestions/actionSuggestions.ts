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

/** What the targets in scope give, before any history: see `derived`. */
interface Derived {
  /** Every target with its plan completed: only the suggestions need them, so made on first use. */
  scopedTargets: () => PlanTarget[];
  semanticsFor: (metric: string) => MetricSemantics;
  resultTargets: PlanTarget[];
  window: { since: string; until: string } | null;
  partnerVariables: { partnerIds: string[]; since: string; until: string } | undefined;
  sectionsVariables: { planIds: string[] } | undefined;
}

/** The last inputs and what they gave, per component (outside its fields: a render must not assign them). */
const DERIVED = new WeakMap<
  object,
  { targets: PlanTarget[]; plan: PlanHeader | null; metrics: Metric[]; today: string; value: Derived }
>();

type Suggested = { suggestions: ActionSuggestion[]; unexplained: NoSuggestion[] };

/** The last suggestions, per component, with the derived targets and history results they came from. */
const SUGGESTED = new WeakMap<
  object,
  { derived: Derived; partnerResult: unknown; programResult: unknown; value: Suggested }
>();

/** Today in the user's time zone, worked out once a minute (a day never turns within a UTC minute). */
let todayCache: { minute: number; value: string } | null = null;

function todayNow(): string {
  const minute = Math.floor(Date.now() / 60_000);
  if (!todayCache || todayCache.minute !== minute) todayCache = { minute, value: todayIn(TIME_ZONE) };
  return todayCache.value;
}

/** A target with what it does not know of its plan taken from `plan`. */
function scope(plan: PlanHeader | null): (t: PlanTarget) => PlanTarget {
  if (!plan) return (t) => t;
  return (t) => ({
    ...t,
    planId: t.planId ?? plan.id,
    planStatus: t.planStatus ?? plan.status,
    partnerAccountId: t.partnerAccountId ?? plan.partnerAccountId,
    planFiscalYear: t.planFiscalYear ?? plan.fiscalYear,
    planPeriodStart: t.planPeriodStart ?? plan.periodStart,
  });
}

function derive(targets: PlanTarget[], plan: PlanHeader | null, metrics: Metric[], asOf: string): Derived {
  const semantics = catalogSemantics(metrics);
  const semanticsFor = (metric: string): MetricSemantics => semantics[metric] ?? DEFAULT_SEMANTICS;
  // Which targets are current results reads none of the fields `plan` completes: pick them first, then complete
  // those few, rather than copying every target of a 400-target plan.
  const resultTargets = currentResultTargets(targets, metrics, semanticsFor, asOf).map(scope(plan));
  let scoped: PlanTarget[] | null = null;
  const window = historyWindow(resultTargets);
  const partnerIds = unique(resultTargets.map((t) => t.partnerAccountId));
  const planIds = unique(resultTargets.map((t) => t.planId));
  return {
    scopedTargets: () => {
      if (scoped === null) scoped = plan ? targets.map(scope(plan)) : targets;
      return scoped;
    },
    semanticsFor,
    resultTargets,
    window,
    partnerVariables: window && partnerIds.length > 0 ? { partnerIds, ...window } : undefined,
    sectionsVariables: planIds.length > 0 ? { planIds } : undefined,
  };
}

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
    return todayNow();
  }

  /**
   * The targets in scope and what derives from them alone, computed once per input: the wires' configs and
   * the template read them many times a render, and a plan's 400 targets made each read cost a full pass.
   */
  private get derived(): Derived {
    const targets = this.targets ?? [];
    const plan = this.plan;
    const metrics = this.metrics;
    const today = this.today;
    const last = DERIVED.get(this);
    if (last && last.targets === targets && last.plan === plan && last.metrics === metrics && last.today === today)
      return last.value;
    const value = derive(targets, plan, metrics, today);
    DERIVED.set(this, { targets, plan, metrics, today, value });
    return value;
  }

  /** The targets, with what they know of their plan completed from `plan`. */
  get scopedTargets(): PlanTarget[] {
    return this.derived.scopedTargets();
  }

  get resultTargets(): PlanTarget[] {
    return this.derived.resultTargets;
  }

  get window(): { since: string; until: string } | null {
    return this.derived.window;
  }

  // The history queries run once there is something to suggest for (undefined query: the wire waits).
  get partnerQuery(): typeof PARTNER_HISTORY_QUERY | undefined {
    return this.partnerVariables ? PARTNER_HISTORY_QUERY : undefined;
  }

  get partnerVariables(): { partnerIds: string[]; since: string; until: string } | undefined {
    return this.derived.partnerVariables;
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
    return this.derived.sectionsVariables;
  }

  get history(): Loadable<ActionHistory> {
    const window = this.window;
    if (!window) return { kind: 'loading' };
    return readActionHistory(this.partnerResult, this.programResult, window, LABELS.tooMany);
  }

  /** The suggestions, computed once per targets and history (the template reads them several times a render). */
  private get computed(): Suggested {
    const derived = this.derived;
    const { partnerResult, programResult } = this;
    const last = SUGGESTED.get(this);
    if (
      last &&
      last.derived === derived &&
      last.partnerResult === partnerResult &&
      last.programResult === programResult
    )
      return last.value;
    const history = this.history;
    const value =
      history.kind === 'ready'
        ? suggestActionTargets(
            derived.resultTargets,
            derived.scopedTargets(),
            this.metrics,
            derived.semanticsFor,
            history.value,
          )
        : { suggestions: [], unexplained: [] };
    SUGGESTED.set(this, { derived, partnerResult, programResult, value });
    return value;
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
