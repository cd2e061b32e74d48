import { LightningElement, api, wire } from 'lwc';
import { NavigationMixin, type PageReference } from 'lightning/navigation';
import { graphql } from 'lightning/graphql';
import { getObjectInfo, getPicklistValues } from 'lightning/uiObjectInfoApi';
import LOCALE from '@salesforce/i18n/locale';
import CURRENCY from '@salesforce/i18n/currency';
import TIME_ZONE from '@salesforce/i18n/timeZone';
import {
  ACCOUNT_PLANS_QUERY,
  ACCOUNT_TARGETS_CURRENCY_QUERY,
  ACCOUNT_TARGETS_QUERY,
  METRIC_CATALOG_QUERY,
  PLAN_OBJECT,
  PLAN_STATUS,
  TARGET_OBJECT,
  defaultRecordTypeId,
  readMetrics,
  readPicklist,
  readPlans,
  readTargets,
  targetCurrencyField,
  type GraphQLResult,
  type Loadable,
  type Metric,
  type ObjectInfoRepresentation,
  type PicklistOption,
  type PicklistValuesRepresentation,
  type PlanStatus,
  type PlanSummary,
  type PlanTarget,
  type WireResult,
} from 'c/planData';
import {
  catalogSemantics,
  currentTargets,
  formatDateRange,
  formatLabel,
  formatPercent,
  furthestBehind,
  hasStarted,
  metricLabel,
  metricUnit,
  paceRatio,
  paceSummary,
  periodContains,
  periodLabel,
  targetFigureTexts,
  todayIn,
  type SemanticsByMetric,
} from 'c/planInsights';
import { LABELS } from './labels';

const LOADING = { kind: 'loading' } as const;

/** Which plan is "the active plan": the first status in this order whose period contains today wins. */
const ACTIVE_ORDER: PlanStatus[] = ['Active', 'Accepted', 'In Revision'];

/**
 * On a partner account: the active plan's attainment, pace to date and the three targets furthest behind,
 * with a link to the plan.
 */
export default class PlanProgress extends NavigationMixin(LightningElement) {
  @api recordId: string | undefined;

  labels = LABELS;

  plans: Loadable<PlanSummary[]> = LOADING;
  targets: Loadable<PlanTarget[]> = LOADING;
  metrics: Metric[] = [];
  statusOptions: PicklistOption[] = [];
  planRecordTypeId: string | undefined;
  /** Whether targets carry CurrencyIsoCode (a multi-currency org); undefined until their object info loads. */
  targetsHaveCurrency: boolean | undefined;
  planUrl: string | undefined;
  private urlFor: string | null = null;

  @wire(graphql, { query: ACCOUNT_PLANS_QUERY, variables: '$accountVariables' })
  wiredPlans(result: GraphQLResult): void {
    this.plans = readPlans(result);
    this.generatePlanUrl();
  }

  @wire(graphql, { query: '$targetsQuery', variables: '$accountVariables' })
  wiredTargets(result: GraphQLResult): void {
    this.targets = readTargets(result);
  }

  @wire(getObjectInfo, { objectApiName: TARGET_OBJECT })
  wiredTargetInfo(result: WireResult<ObjectInfoRepresentation>): void {
    this.targetsHaveCurrency = targetCurrencyField(result);
  }

  /** The targets' document: with CurrencyIsoCode only where the field exists; none until that is known. */
  get targetsQuery(): typeof ACCOUNT_TARGETS_QUERY | undefined {
    if (this.targetsHaveCurrency === undefined) return undefined;
    return this.targetsHaveCurrency ? ACCOUNT_TARGETS_CURRENCY_QUERY : ACCOUNT_TARGETS_QUERY;
  }

  get semantics(): SemanticsByMetric {
    return catalogSemantics(this.metrics);
  }

  @wire(graphql, { query: METRIC_CATALOG_QUERY })
  wiredMetrics(result: GraphQLResult): void {
    const metrics = readMetrics(result);
    this.metrics = metrics.kind === 'ready' ? metrics.value : [];
  }

  @wire(getObjectInfo, { objectApiName: PLAN_OBJECT })
  wiredPlanInfo(result: WireResult<ObjectInfoRepresentation>): void {
    this.planRecordTypeId = defaultRecordTypeId(result);
  }

  @wire(getPicklistValues, { recordTypeId: '$planRecordTypeId', fieldApiName: PLAN_STATUS })
  wiredStatuses(result: WireResult<PicklistValuesRepresentation>): void {
    this.statusOptions = readPicklist(result);
  }

  /** The status in the user's language (the picklist label), the value until labels load. */
  private statusLabel(status: string | null): string {
    const option = this.statusOptions.find((o) => o.value === status);
    return option ? option.label : (status ?? '');
  }

  get accountVariables(): { accountId: string } | undefined {
    return this.recordId ? { accountId: this.recordId } : undefined;
  }

  get today(): string {
    return todayIn(TIME_ZONE);
  }

  get isLoading(): boolean {
    return !this.loadError && (this.plans.kind === 'loading' || this.targets.kind === 'loading');
  }

  get loadError(): string | null {
    if (this.plans.kind === 'error') return this.plans.message;
    if (this.targets.kind === 'error') return this.targets.message;
    return null;
  }

  /** Loading or failed: c-load-state shows which, in the markup every view shares. */
  get showLoadState(): boolean {
    return this.isLoading || this.loadError !== null;
  }

  get planList(): PlanSummary[] {
    return this.plans.kind === 'ready' ? this.plans.value : [];
  }

  /** The active plan: Active, then Accepted, then In Revision, preferring a period that contains today. */
  get plan(): PlanSummary | null {
    const today = this.today;
    const ranked = this.planList
      .filter((p) => p.status !== null && ACTIVE_ORDER.includes(p.status))
      .map((p) => ({
        p,
        rank:
          ACTIVE_ORDER.indexOf(p.status as PlanStatus) + (periodContains(p.periodStart, p.periodEnd, today) ? 0 : 10),
      }))
      .sort((a, b) => a.rank - b.rank || (b.p.periodStart ?? '').localeCompare(a.p.periodStart ?? ''));
    return ranked.length > 0 ? ranked[0].p : null;
  }

  /** A plan that is not active yet (draft or in partner review), to point to when there is no active one. */
  get upcomingPlan(): PlanSummary | null {
    return this.planList.find((p) => p.status === 'Draft' || p.status === 'Partner Review') ?? null;
  }

  get hasPlan(): boolean {
    return !this.isLoading && !this.loadError && this.plan !== null;
  }

  get isEmpty(): boolean {
    return !this.isLoading && !this.loadError && this.plan === null;
  }

  get upcomingText(): string | null {
    const upcoming = this.upcomingPlan;
    return upcoming ? formatLabel(LABELS.upcomingPlan, upcoming.name, this.statusLabel(upcoming.status)) : null;
  }

  get planTargets(): PlanTarget[] {
    const plan = this.plan;
    if (!plan || this.targets.kind !== 'ready') return [];
    return currentTargets(
      this.targets.value.filter((t) => t.planId === plan.id),
      this.today,
    );
  }

  get planName(): string {
    return this.plan ? this.plan.name : '';
  }

  get planDetails(): string {
    const plan = this.plan;
    if (!plan) return '';
    return `${this.statusLabel(plan.status)} · ${formatDateRange(plan.periodStart, plan.periodEnd, LOCALE)}`;
  }

  get attainmentText(): string {
    return formatPercent(this.plan ? this.plan.overallAttainment : null, LOCALE);
  }

  get attainmentBar(): number {
    const value = this.plan ? this.plan.overallAttainment : null;
    return value === null ? 0 : Math.max(0, Math.min(100, value));
  }

  get paceText(): string {
    const pace = paceSummary(this.planTargets, this.semantics);
    const percent =
      pace.percent === null
        ? LABELS.paceNotStarted
        : formatLabel(LABELS.paceOfExpected, formatPercent(pace.percent, LOCALE));
    return `${percent} ${formatLabel(LABELS.paceCounts, pace.good, pace.bad)}`;
  }

  get behindItems(): {
    id: string;
    metric: string;
    periodText: string;
    valuesText: string;
    expectedText: string;
    attainmentBar: number;
    attainmentLabel: string;
    paceStatus: string | null;
    started: boolean;
  }[] {
    const semantics = this.semantics;
    const today = this.today;
    return furthestBehind(this.planTargets, semantics, 3).map((t) => {
      const unit = metricUnit(this.metrics, t.metric);
      const metric = metricLabel(this.metrics, t.metric);
      const figures = targetFigureTexts(t, { unit, semantics, locale: LOCALE, orgCurrency: CURRENCY, today });
      const plan = { fiscalYear: t.planFiscalYear, periodStart: t.planPeriodStart };
      return {
        id: t.id,
        metric,
        periodText: periodLabel(plan, t.periodStart, t.periodEnd, LOCALE),
        valuesText: formatLabel(LABELS.actualOfTarget, figures.actual, figures.target),
        expectedText: formatLabel(LABELS.ofExpected, formatPercent(paceRatio(t, semantics), LOCALE)),
        attainmentBar: Math.max(0, Math.min(100, t.attainment ?? 0)),
        attainmentLabel: formatLabel(LABELS.attainmentOf, metric),
        paceStatus: t.paceStatus,
        started: hasStarted(t, today),
      };
    });
  }

  get hasBehind(): boolean {
    return this.behindItems.length > 0;
  }

  get openPlanLabel(): string {
    return formatLabel(LABELS.openPlan, this.planName);
  }

  private pageReference(planId: string): PageReference {
    return {
      type: 'standard__recordPage',
      attributes: { recordId: planId, objectApiName: PLAN_OBJECT.objectApiName, actionName: 'view' },
    };
  }

  private generatePlanUrl(): void {
    const plan = this.plan;
    if (!plan || this.urlFor === plan.id) return;
    this.urlFor = plan.id;
    this[NavigationMixin.GenerateUrl](this.pageReference(plan.id))
      .then((url) => {
        this.planUrl = url;
      })
      .catch(() => {
        // Without a URL the link still navigates on click.
        this.planUrl = undefined;
      });
  }

  handleOpenPlan(event: Event): void {
    event.preventDefault();
    const target = (event.currentTarget as HTMLElement).dataset.planId;
    if (target) this[NavigationMixin.Navigate](this.pageReference(target));
  }

  get planId(): string | null {
    return this.plan ? this.plan.id : null;
  }

  get upcomingPlanId(): string | null {
    return this.upcomingPlan ? this.upcomingPlan.id : null;
  }
}
