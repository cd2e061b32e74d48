/**
 * The state of the partner portal, as a base class of the component: its @api properties, the wires and
 * what they provided, and everything derived from them that the template shows. Without a recordId it is
 * the "My Plans" list; with one, the plan. The component (partnerPlanPortal.ts) adds the partner's actions.
 */
import { LightningElement, api, wire } from 'lwc';
import { NavigationMixin, type PageReference } from 'lightning/navigation';
import { getRecord } from 'lightning/uiRecordApi';
import { getObjectInfo, getPicklistValues } from 'lightning/uiObjectInfoApi';
import { graphql } from 'lightning/graphql';
import USER_ID from '@salesforce/user/Id';
import CURRENCY from '@salesforce/i18n/currency';
import LOCALE from '@salesforce/i18n/locale';
import TIME_ZONE from '@salesforce/i18n/timeZone';
import {
  METRIC_CATALOG_QUERY,
  PARTNER_PLANS_QUERY,
  PLAN_FIELDS,
  PLAN_OBJECT,
  PLAN_OPTIONAL_FIELDS,
  PLAN_STATUS,
  SHARED_SECTIONS_QUERY,
  SHARED_TARGETS_CURRENCY_QUERY,
  SHARED_TARGETS_QUERY,
  TARGET_OBJECT,
  USER_FIELDS,
  defaultRecordTypeId,
  readMetrics,
  readPicklist,
  readPlanHeader,
  readPlans,
  readRunningUser,
  readSections,
  readTargets,
  notifyRecordsChanged,
  refreshQuery,
  targetCurrencyField,
  type GraphQLResult,
  type Loadable,
  type Metric,
  type ObjectInfoRepresentation,
  type PicklistOption,
  type PicklistValuesRepresentation,
  type PlanHeader,
  type PlanSection,
  type PlanSummary,
  type PlanTarget,
  type RecordRepresentation,
  type RunningUser,
  type WireResult,
} from 'c/planData';
import {
  changeRequestView,
  formatLabel,
  formatDateRange,
  formatPercent,
  todayIn,
  type ChangeRequestView,
} from 'c/planInsights';
import { barValue } from 'c/targetEdits';
import { LABELS } from './labels';
import {
  acceptedText,
  planRows,
  sectionViews,
  statusLabel,
  type Context,
  type PlanRow,
  type SectionView,
} from './portalModel';

const LOADING = { kind: 'loading' } as const;

export default class PortalState extends NavigationMixin(LightningElement) {
  /** The plan; without it, the "My Plans" list. In Experience Cloud the record page passes `{!recordId}`. */
  @api recordId: string | undefined;

  labels = LABELS;

  user: Loadable<RunningUser> = LOADING;
  plans: Loadable<PlanSummary[]> = LOADING;
  plan: Loadable<PlanHeader> = LOADING;
  sections: Loadable<PlanSection[]> = LOADING;
  targets: Loadable<PlanTarget[]> = LOADING;
  metrics: Metric[] = [];
  statusOptions: PicklistOption[] = [];
  planRecordTypeId: string | undefined;
  targetsHaveCurrency: boolean | undefined;
  plansResult: GraphQLResult | undefined;
  sectionsResult: GraphQLResult | undefined;
  targetsResult: GraphQLResult | undefined;
  /** The record page URL of each listed plan, for the links' href (a click navigates in any case). */
  planUrls: Record<string, string> = {};
  /** Targets whose comment thread is open. */
  openComments: Set<string> = new Set();

  @wire(getRecord, { recordId: USER_ID, fields: USER_FIELDS })
  wiredUser(result: WireResult<RecordRepresentation>): void {
    this.user = readRunningUser(USER_ID, result);
  }

  @wire(graphql, { query: '$plansQuery' })
  wiredPlans(result: GraphQLResult): void {
    this.plansResult = result;
    this.plans = readPlans(result);
    if (this.plans.kind === 'ready') this.generatePlanUrls(this.plans.value);
  }

  @wire(getRecord, { recordId: '$recordId', fields: PLAN_FIELDS, optionalFields: PLAN_OPTIONAL_FIELDS })
  wiredPlan(result: WireResult<RecordRepresentation>): void {
    this.plan = readPlanHeader(result);
  }

  @wire(graphql, { query: SHARED_SECTIONS_QUERY, variables: '$planVariables' })
  wiredSections(result: GraphQLResult): void {
    this.sectionsResult = result;
    this.sections = readSections(result);
  }

  @wire(graphql, { query: '$targetsQuery', variables: '$planVariables' })
  wiredTargets(result: GraphQLResult): void {
    this.targetsResult = result;
    this.targets = readTargets(result);
  }

  @wire(graphql, { query: METRIC_CATALOG_QUERY })
  wiredMetrics(result: GraphQLResult): void {
    // Without the catalog, metrics read as their names and values as plain numbers.
    const metrics = readMetrics(result);
    this.metrics = metrics.kind === 'ready' ? metrics.value : [];
  }

  @wire(getObjectInfo, { objectApiName: TARGET_OBJECT })
  wiredTargetInfo(result: WireResult<ObjectInfoRepresentation>): void {
    this.targetsHaveCurrency = targetCurrencyField(result);
  }

  @wire(getObjectInfo, { objectApiName: PLAN_OBJECT })
  wiredPlanInfo(result: WireResult<ObjectInfoRepresentation>): void {
    this.planRecordTypeId = defaultRecordTypeId(result);
  }

  @wire(getPicklistValues, { recordTypeId: '$planRecordTypeId', fieldApiName: PLAN_STATUS })
  wiredStatuses(result: WireResult<PicklistValuesRepresentation>): void {
    this.statusOptions = readPicklist(result);
  }

  /** The list's document, only without a plan. */
  get plansQuery(): typeof PARTNER_PLANS_QUERY | undefined {
    return this.recordId ? undefined : PARTNER_PLANS_QUERY;
  }

  /** The targets' document: with CurrencyIsoCode only where the field exists; none until that is known. */
  get targetsQuery(): typeof SHARED_TARGETS_QUERY | undefined {
    if (!this.recordId || this.targetsHaveCurrency === undefined) return undefined;
    return this.targetsHaveCurrency ? SHARED_TARGETS_CURRENCY_QUERY : SHARED_TARGETS_QUERY;
  }

  get planVariables(): { planId: string } | undefined {
    return this.recordId ? { planId: this.recordId } : undefined;
  }

  get context(): Context {
    return {
      locale: LOCALE,
      timeZone: TIME_ZONE,
      orgCurrency: CURRENCY,
      today: todayIn(TIME_ZONE),
      statusOptions: this.statusOptions,
    };
  }

  // -------------------------------------------------------------------------------------------------
  // My Plans

  get showList(): boolean {
    return !this.recordId;
  }

  get listLoading(): boolean {
    return this.plans.kind === 'loading';
  }

  get listError(): string | null {
    return this.plans.kind === 'error' ? this.plans.message : null;
  }

  get planRows(): PlanRow[] {
    if (this.plans.kind !== 'ready') return [];
    return planRows(this.plans.value, this.context).map((row) => ({ ...row, url: this.planUrls[row.id] }));
  }

  get hasPlans(): boolean {
    return this.planRows.length > 0;
  }

  get listEmptyMessage(): string | null {
    return this.plans.kind === 'ready' && this.plans.value.length === 0 ? LABELS.noPlans : null;
  }

  get listTruncated(): boolean {
    return this.plans.kind === 'ready' && this.plans.truncated;
  }

  protected pageReference(recordId: string): PageReference {
    return {
      type: 'standard__recordPage',
      attributes: { recordId, objectApiName: PLAN_OBJECT.objectApiName, actionName: 'view' },
    };
  }

  private generatePlanUrls(plans: PlanSummary[]): void {
    for (const p of plans) {
      if (this.planUrls[p.id]) continue;
      this[NavigationMixin.GenerateUrl](this.pageReference(p.id))
        .then((url) => {
          this.planUrls = { ...this.planUrls, [p.id]: url };
        })
        .catch(() => {
          // Without a URL the link still navigates on click.
        });
    }
  }

  handleOpenPlan(event: Event): void {
    event.preventDefault();
    const planId = (event.currentTarget as HTMLElement).dataset.planId;
    if (planId) this[NavigationMixin.Navigate](this.pageReference(planId));
  }

  // -------------------------------------------------------------------------------------------------
  // One plan

  get planValue(): PlanHeader | null {
    return this.plan.kind === 'ready' ? this.plan.value : null;
  }

  get isLoading(): boolean {
    return (
      !this.loadError &&
      (this.plan.kind === 'loading' || this.sections.kind === 'loading' || this.targets.kind === 'loading')
    );
  }

  get loadError(): string | null {
    for (const state of [this.plan, this.sections, this.targets]) if (state.kind === 'error') return state.message;
    return null;
  }

  get showLoadState(): boolean {
    return this.isLoading || this.loadError !== null;
  }

  get isReady(): boolean {
    return !this.showLoadState && this.planValue !== null;
  }

  get targetList(): PlanTarget[] {
    return this.targets.kind === 'ready' ? this.targets.value : [];
  }

  get isTruncated(): boolean {
    return (
      (this.sections.kind === 'ready' && this.sections.truncated) ||
      (this.targets.kind === 'ready' && this.targets.truncated)
    );
  }

  get planName(): string {
    return this.planValue ? this.planValue.name : '';
  }

  get partnerName(): string {
    return (this.planValue && this.planValue.partnerName) || '—';
  }

  get periodText(): string {
    return this.planValue ? formatDateRange(this.planValue.periodStart, this.planValue.periodEnd, LOCALE) : '';
  }

  get statusText(): string {
    return statusLabel(this.planValue ? this.planValue.status : null, this.statusOptions);
  }

  get versionText(): string {
    const version = this.planValue ? this.planValue.version : null;
    return version !== null ? formatLabel(LABELS.versionValue, version) : '—';
  }

  get overallAttainmentText(): string {
    return formatPercent(this.planValue ? this.planValue.overallAttainment : null, LOCALE);
  }

  get overallAttainmentBar(): number {
    return barValue(this.planValue ? this.planValue.overallAttainment : null);
  }

  get acceptedText(): string | null {
    return this.planValue ? acceptedText(this.planValue, this.context) : null;
  }

  get changeRequest(): ChangeRequestView | null {
    return changeRequestView(this.planValue, this.context.locale, this.context.timeZone);
  }

  /** A closed plan is final: no decisions, no new comments (the server refuses them: Comment_On_Closed_Plan). */
  get isClosed(): boolean {
    return this.planValue !== null && this.planValue.status === 'Closed';
  }

  /** The partner decides only while the plan is in review. */
  get inReview(): boolean {
    return this.planValue !== null && this.planValue.status === 'Partner Review';
  }

  get sectionViews(): SectionView[] {
    if (this.sections.kind !== 'ready') return [];
    return sectionViews(this.sections.value, this.targetList, {
      ...this.context,
      metrics: this.metrics,
      plan: this.planValue,
      openComments: this.openComments,
    });
  }

  get hasSections(): boolean {
    return this.sectionViews.length > 0;
  }

  handleRetry(): void {
    notifyRecordsChanged([this.recordId]);
    refreshQuery(this.plansResult);
    refreshQuery(this.sectionsResult);
    refreshQuery(this.targetsResult);
  }
}
