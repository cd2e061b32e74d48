import { LightningElement, api, wire } from 'lwc';
import { NavigationMixin, type PageReference } from 'lightning/navigation';
import { graphql } from 'lightning/graphql';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import { getRecord, type RecordRepresentation } from 'lightning/uiRecordApi';
import LOCALE from '@salesforce/i18n/locale';
import CURRENCY from '@salesforce/i18n/currency';
import {
  METRIC_CATALOG_QUERY,
  PARTNER_PLAN_YEARS_QUERY,
  PLAN_FIELDS,
  PLAN_OBJECT,
  PLAN_OPTIONAL_FIELDS,
  PLAN_RECORD_KEYS_QUERY,
  PLAN_SOURCE_QUERY,
  blueprintErrorMessages,
  canCreate,
  createFromBlueprint,
  errorMessage,
  mergeRecords,
  metricSemanticsByName,
  readMetrics,
  readPlanHeader,
  readPlanSource,
  readPlanYears,
  readRecordKeys,
  recordsOf,
  refreshQuery,
  sameFiscalYear,
  type BlueprintResult,
  type ExistingRecords,
  type GraphQLResult,
  type Loadable,
  type Metric,
  type ObjectInfoRepresentation,
  type PlanHeader,
  type PlanSource,
  type PlanYear,
  type WireResult,
} from 'c/planData';
import { formatDateRange, formatLabel, metricLabel, periodLabel } from 'c/planInsights';
import { nextPlanYear, rolloverBlueprint, standardPlanPeriods, type DateSpan, type PlanBlueprint } from 'c/planYear';
import { previewRows, type PreviewRow } from './rolloverPreview';
import { LABELS } from './labels';

const LOADING = { kind: 'loading' } as const;

/** A plan is rolled over once the partner accepted it: while it runs or after it closed. */
const ROLLS_OVER = ['Accepted', 'Active', 'Closed'];

/** What the card needs before a rollover starts: the plan record's own fields, no sections or targets. */
type PlanFacts = Pick<PlanHeader, 'id' | 'status' | 'partnerAccountId' | 'fiscalYear' | 'periodStart' | 'periodEnd'>;

/**
 * On a partner plan's record page: "Roll over to FY2028" creates next year's Draft plan from this one
 * (c/planYear rolloverBlueprint: sections, targets re-dated, accountable people, weights), optionally
 * carrying each target's shortfall, after a preview of what each target becomes; then opens it. Once the
 * next plan exists (rolled over from this one, or the partner's plan for the next fiscal year) it links to
 * it instead. Shown on accepted, active and closed plans, to users who may create plans.
 */
export default class PlanRollover extends NavigationMixin(LightningElement) {
  /** The plan (Partner_Account_Plan__c); on a record page, the page's record. */
  @api recordId: string | undefined;

  labels = LABELS;
  /** The plan record (the record page reads the same fields): whether and to what the plan rolls over. */
  header: Loadable<PlanHeader> = LOADING;
  source: Loadable<PlanSource | null> = LOADING;
  /**
   * The sections and targets are read once a rollover starts, not on every visit of the plan page (on a
   * 400-target plan the largest read of the page after the editor's own).
   */
  sourceWanted = false;
  partnerPlans: Loadable<PlanYear[]> = LOADING;
  metrics: Metric[] = [];
  keys: ExistingRecords | null = null;
  mayCreate = false;
  sourceResult: GraphQLResult | undefined;
  plansResult: GraphQLResult | undefined;
  keysResult: GraphQLResult | undefined;

  confirming = false;
  carry = false;
  busy = false;
  errors: string[] = [];
  createdPlanId: string | null = null;
  lastResult: BlueprintResult | null = null;
  nextPlanUrl: string | undefined;
  private urlFor: string | null = null;

  @wire(getRecord, { recordId: '$recordId', fields: PLAN_FIELDS, optionalFields: PLAN_OPTIONAL_FIELDS })
  wiredPlan(result: WireResult<RecordRepresentation>): void {
    this.header = readPlanHeader(result);
  }

  @wire(graphql, { query: PLAN_SOURCE_QUERY, variables: '$sourceVariables' })
  wiredSource(result: GraphQLResult): void {
    this.sourceResult = result;
    this.source = readPlanSource(result);
  }

  @wire(graphql, { query: PARTNER_PLAN_YEARS_QUERY, variables: '$accountVariables' })
  wiredPlans(result: GraphQLResult): void {
    this.plansResult = result;
    this.partnerPlans = readPlanYears(result);
    this.generateNextUrl();
  }

  @wire(graphql, { query: METRIC_CATALOG_QUERY })
  wiredMetrics(result: GraphQLResult): void {
    const metrics = readMetrics(result);
    this.metrics = metrics.kind === 'ready' ? metrics.value : [];
  }

  @wire(graphql, { query: PLAN_RECORD_KEYS_QUERY, variables: '$createdVariables' })
  wiredKeys(result: GraphQLResult): void {
    this.keysResult = result;
    const keys = readRecordKeys(result);
    this.keys = keys.kind === 'ready' ? keys.value : null;
  }

  @wire(getObjectInfo, { objectApiName: PLAN_OBJECT })
  wiredPlanInfo(result: WireResult<ObjectInfoRepresentation>): void {
    this.mayCreate = canCreate(result);
  }

  get sourceVariables(): { planId: string } | undefined {
    return this.recordId && this.sourceWanted ? { planId: this.recordId } : undefined;
  }

  get accountVariables(): { accountId: string } | undefined {
    const facts = this.facts;
    return facts && facts.partnerAccountId ? { accountId: facts.partnerAccountId } : undefined;
  }

  get createdVariables(): { planId: string } | undefined {
    return this.createdPlanId ? { planId: this.createdPlanId } : undefined;
  }

  get plan(): PlanSource | null {
    return this.source.kind === 'ready' ? this.source.value : null;
  }

  /** The plan record's fields: from the record (kept current by LDS), else from a loaded source. */
  get facts(): PlanFacts | null {
    if (this.header.kind === 'ready') return this.header.value;
    const plan = this.plan;
    return plan ? plan.plan : null;
  }

  /** A started rollover whose sections and targets are on their way. */
  get sourceLoading(): boolean {
    return this.sourceWanted && this.source.kind === 'loading';
  }

  // -------------------------------------------------------------------------------------------------
  // What is shown

  get loadError(): string | null {
    if (this.source.kind === 'error') return this.source.message;
    return this.header.kind === 'error' ? this.header.message : null;
  }

  /** Only where a rollover may happen: a plan past acceptance with dates, and a user who may create plans. */
  get eligible(): boolean {
    const facts = this.facts;
    return Boolean(
      facts &&
      this.mayCreate &&
      facts.status &&
      ROLLS_OVER.includes(facts.status) &&
      facts.periodStart &&
      facts.periodEnd,
    );
  }

  get shown(): boolean {
    return this.eligible || (this.loadError !== null && this.mayCreate);
  }

  get span(): DateSpan | null {
    const facts = this.facts;
    return facts && facts.periodStart && facts.periodEnd ? { start: facts.periodStart, end: facts.periodEnd } : null;
  }

  get next(): { span: DateSpan; fiscalYear: string | null } | null {
    const span = this.span;
    const facts = this.facts;
    return span && facts ? nextPlanYear(span, facts.fiscalYear) : null;
  }

  get nextLabel(): string {
    const next = this.next;
    return next && next.fiscalYear ? next.fiscalYear : LABELS.nextPeriod;
  }

  /** The plan rolled over from this one, or the partner's plan for the next year (not while retrying ours). */
  get nextPlan(): PlanYear | null {
    const facts = this.facts;
    const next = this.next;
    if (!facts || !next || this.partnerPlans.kind !== 'ready' || this.lastResult) return null;
    return (
      this.partnerPlans.value.find(
        (p) =>
          p.id !== facts.id &&
          (p.previousPlanId === facts.id ||
            (next.fiscalYear ? sameFiscalYear(p.fiscalYear, next.fiscalYear) : p.periodStart === next.span.start)),
      ) ?? null
    );
  }

  get checkingNext(): boolean {
    return this.partnerPlans.kind === 'loading';
  }

  get nextExistsText(): string {
    return formatLabel(LABELS.nextExists, this.nextLabel);
  }

  get buttonLabel(): string {
    return formatLabel(LABELS.button, this.nextLabel);
  }

  get showButton(): boolean {
    return this.eligible && !this.checkingNext && !this.nextPlan && !this.confirming;
  }

  get showConfirm(): boolean {
    return this.eligible && this.confirming && !this.nextPlan;
  }

  get helpText(): string {
    const next = this.next;
    return formatLabel(
      LABELS.help,
      this.nextLabel,
      next ? formatDateRange(next.span.start, next.span.end, LOCALE) : '',
    );
  }

  get confirmLabel(): string {
    return this.lastResult && !this.lastResult.ok ? LABELS.retry : formatLabel(LABELS.confirm, this.nextLabel);
  }

  /** The carried shortfalls are part of what a failed run already wrote: they stay as they were. */
  get carryDisabled(): boolean {
    return this.busy || this.lastResult !== null;
  }

  get blueprint(): PlanBlueprint | null {
    const plan = this.plan;
    const span = this.span;
    const next = this.next;
    if (!plan || !span || !next) return null;
    return rolloverBlueprint(
      plan,
      { periods: standardPlanPeriods(next.span), fiscalYear: next.fiscalYear, from: standardPlanPeriods(span) },
      { carryShortfall: this.carry, metrics: metricSemanticsByName(this.metrics) },
    );
  }

  get rows(): PreviewRow[] {
    const blueprint = this.blueprint;
    const plan = this.plan;
    if (!blueprint || !plan) return [];
    return previewRows(blueprint, plan, { metrics: this.metrics, locale: LOCALE, currency: CURRENCY });
  }

  get hasRows(): boolean {
    return this.rows.length > 0;
  }

  /** Nothing to confirm until the plan's sections and targets are read, nor while a rollover runs. */
  get confirmDisabled(): boolean {
    return this.busy || this.blueprint === null;
  }

  get isTruncated(): boolean {
    return this.source.kind === 'ready' && this.source.truncated;
  }

  get hasErrors(): boolean {
    return this.errors.length > 0;
  }

  // -------------------------------------------------------------------------------------------------
  // Navigation

  private pageReference(recordId: string): PageReference {
    return {
      type: 'standard__recordPage',
      attributes: { recordId, objectApiName: PLAN_OBJECT.objectApiName, actionName: 'view' },
    };
  }

  private generateNextUrl(): void {
    const plan = this.nextPlan;
    if (!plan || this.urlFor === plan.id) return;
    this.urlFor = plan.id;
    this[NavigationMixin.GenerateUrl](this.pageReference(plan.id))
      .then((url) => {
        this.nextPlanUrl = url;
      })
      .catch(() => {
        // Without a URL the link still navigates on click.
      });
  }

  handleOpenNext(event: Event): void {
    event.preventDefault();
    const plan = this.nextPlan;
    if (plan) this[NavigationMixin.Navigate](this.pageReference(plan.id));
  }

  // -------------------------------------------------------------------------------------------------
  // Rollover

  handleStart(): void {
    this.confirming = true;
    this.sourceWanted = true;
  }

  handleCancel(): void {
    this.confirming = false;
    this.errors = [];
  }

  handleCarryChange(event: CustomEvent<{ checked: boolean }>): void {
    this.carry = event.detail.checked;
  }

  handleRetryLoad(): void {
    refreshQuery(this.sourceResult);
  }

  async handleConfirm(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.errors = [];
    try {
      // Someone may have rolled the plan over meanwhile: read the partner's plans again first.
      await Promise.all([refreshQuery(this.plansResult), refreshQuery(this.keysResult)]);
      const blueprint = this.blueprint;
      if (!blueprint || this.nextPlan) return;
      const existing = mergeRecords(this.keys, this.lastResult ? recordsOf(this.lastResult) : null);
      const result = await createFromBlueprint(blueprint, { planId: this.createdPlanId ?? undefined, existing });
      this.lastResult = result;
      if (result.planId) this.createdPlanId = result.planId;
      if (result.ok && result.planId) {
        this[NavigationMixin.Navigate](this.pageReference(result.planId));
        return;
      }
      const plan = { fiscalYear: blueprint.plan.fiscalYear, periodStart: blueprint.plan.periodStart };
      const describe = (ref: string): string => {
        const section = blueprint.sections.find((s) => s.ref === ref);
        const target = blueprint.targets.find((t) => t.ref === ref);
        if (section) return section.name;
        if (target) {
          return `${metricLabel(this.metrics, target.metric)} ${periodLabel(plan, target.periodStart, target.periodEnd, LOCALE)}`;
        }
        return blueprint.plan.name;
      };
      const messages = blueprintErrorMessages(result, LABELS.recordError, (o) => describe(o.ref));
      this.errors = result.planId ? [LABELS.partial, ...messages] : messages;
    } catch (error) {
      this.errors = [errorMessage(error)];
    } finally {
      this.busy = false;
    }
  }
}
