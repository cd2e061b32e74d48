import { api, wire } from 'lwc';
import LightningModal from 'lightning/modal';
import { NavigationMixin, type PageReference } from 'lightning/navigation';
import { getRecord, getFieldValue } from 'lightning/uiRecordApi';
import { graphql } from 'lightning/graphql';
import USER_ID from '@salesforce/user/Id';
import LOCALE from '@salesforce/i18n/locale';
import CURRENCY from '@salesforce/i18n/currency';
import TIME_ZONE from '@salesforce/i18n/timeZone';
import ACCOUNT_NAME from '@salesforce/schema/Account.Name';
import ACCOUNT_TIER from '@salesforce/schema/Account.Partner_Tier__c';
import ACCOUNT_KEY from '@salesforce/schema/Account.External_Key__c';
import {
  LATEST_PLAN_QUERY,
  METRIC_CATALOG_QUERY,
  PARTNER_PLAN_YEARS_QUERY,
  PLAN_RECORD_KEYS_QUERY,
  PLAN_TEMPLATES_QUERY,
  SEASONAL_PROFILES_QUERY,
  blueprintErrorMessages,
  createFromBlueprint,
  errorMessage,
  mergeRecords,
  metricSemanticsByName,
  readMetrics,
  readPlanYears,
  readRecordKeys,
  readSeasonalProfiles,
  readTemplates,
  recordsOf,
  refreshQuery,
  sameFiscalYear,
  templateForTier,
  withPlanKey,
  type BlueprintResult,
  type ExistingRecords,
  type GraphQLResult,
  type Loadable,
  type Metric,
  type PlanTemplate,
  type PlanYear,
  type RecordRepresentation,
  type WireResult,
} from 'c/planData';
import { formatDateRange, formatLabel, todayIn } from 'c/planInsights';
import { standardPlanPeriods, templateBlueprint, type PlanBlueprint, type SeasonalProfile } from 'c/planYear';
import { defaultYear, describeRef, previewSections, type PreviewSection, type YearChoice } from './templatePreview';
import { LABELS } from './labels';

const LOADING = { kind: 'loading' } as const;

/** lightning-input's validity methods (the platform shows the message under the field). */
type InputElement = HTMLElement & { setCustomValidity(message: string): void; reportValidity(): boolean };

/** The plan fields whose errors show on the dialog's own inputs. */
const FIELD_INPUTS: Record<string, string> = {
  Fiscal_Year__c: 'fiscal-year',
  Period_Start__c: 'period-start',
  Period_End__c: 'period-end',
};

/**
 * Creates a partner's plan for a fiscal year from a plan template (Plan_Template__mdt), or with `planId`
 * fills that existing empty plan. A LightningModal: `PlanTemplateDialog.open({ label, size: 'medium',
 * accountId, planId? })` resolves `{ planId }` once every record is there, or undefined when cancelled.
 * The template defaults to the one for the account's tier; a new plan's year to the one after the
 * partner's latest plan. A fiscal year the partner already has a plan for is refused, with a link to it.
 * A failure part-way keeps what was created and says what failed; trying again adds only what is missing.
 */
export default class PlanTemplateDialog extends NavigationMixin(LightningModal) {
  /** The partner account (Account) the plan is for. */
  @api accountId: string | undefined;
  /** An existing plan of that account to fill (it must have no sections or targets yet). */
  @api planId: string | undefined;

  labels = LABELS;
  account: Loadable<RecordRepresentation> = LOADING;
  templates: Loadable<PlanTemplate[]> = LOADING;
  partnerPlans: Loadable<PlanYear[]> = LOADING;
  latestPlan: PlanYear | null = null;
  latestLoaded = false;
  profiles: Record<string, SeasonalProfile> = {};
  metrics: Metric[] = [];
  keys: Loadable<ExistingRecords> = LOADING;
  plansResult: GraphQLResult | undefined;
  keysResult: GraphQLResult | undefined;

  /** What the user chose; null = the default. */
  templateName: string | null = null;
  fiscalYear: string | null = null;
  periodStart: string | null = null;
  periodEnd: string | null = null;

  busy = false;
  errors: string[] = [];
  /** The plan a failed run created: a retry writes into it. */
  createdPlanId: string | null = null;
  lastResult: BlueprintResult | null = null;
  existingPlanUrl: string | undefined;
  private urlFor: string | null = null;

  @wire(getRecord, { recordId: '$accountId', fields: [ACCOUNT_NAME], optionalFields: [ACCOUNT_TIER, ACCOUNT_KEY] })
  wiredAccount(result: WireResult<RecordRepresentation>): void {
    if (result.error) this.account = { kind: 'error', message: errorMessage(result.error) };
    else if (result.data) this.account = { kind: 'ready', value: result.data, truncated: false };
  }

  @wire(graphql, { query: PLAN_TEMPLATES_QUERY })
  wiredTemplates(result: GraphQLResult): void {
    this.templates = readTemplates(result);
  }

  @wire(graphql, { query: PARTNER_PLAN_YEARS_QUERY, variables: '$accountVariables' })
  wiredPlans(result: GraphQLResult): void {
    this.plansResult = result;
    this.partnerPlans = readPlanYears(result);
    this.generateExistingUrl();
  }

  @wire(graphql, { query: LATEST_PLAN_QUERY })
  wiredLatest(result: GraphQLResult): void {
    const latest = readPlanYears(result);
    // Without it the year starts from the calendar: not worth an error.
    if (latest.kind === 'loading') return;
    this.latestLoaded = true;
    this.latestPlan = latest.kind === 'ready' && latest.value.length > 0 ? latest.value[0] : null;
  }

  @wire(graphql, { query: SEASONAL_PROFILES_QUERY })
  wiredProfiles(result: GraphQLResult): void {
    // Without profiles every split is even (c/planYear's Even profile).
    const profiles = readSeasonalProfiles(result);
    if (profiles.kind === 'ready') this.profiles = Object.fromEntries(profiles.value.map((p) => [p.name, p]));
  }

  @wire(graphql, { query: METRIC_CATALOG_QUERY })
  wiredMetrics(result: GraphQLResult): void {
    const metrics = readMetrics(result);
    this.metrics = metrics.kind === 'ready' ? metrics.value : [];
  }

  @wire(graphql, { query: PLAN_RECORD_KEYS_QUERY, variables: '$keysVariables' })
  wiredKeys(result: GraphQLResult): void {
    this.keysResult = result;
    this.keys = readRecordKeys(result);
  }

  get accountVariables(): { accountId: string } | undefined {
    return this.accountId ? { accountId: this.accountId } : undefined;
  }

  /** The plan being filled (or the one a failed run created), whose records a retry skips. */
  get keysVariables(): { planId: string } | undefined {
    const planId = this.planId ?? this.createdPlanId;
    return planId ? { planId } : undefined;
  }

  // -------------------------------------------------------------------------------------------------
  // Loading

  get loadError(): string | null {
    for (const state of [this.account, this.templates, this.partnerPlans])
      if (state.kind === 'error') return state.message;
    return this.planId && this.keys.kind === 'error' ? this.keys.message : null;
  }

  get isLoading(): boolean {
    if (this.loadError) return false;
    const loading = [this.account, this.templates, this.partnerPlans].some((s) => s.kind === 'loading');
    return loading || (!this.planId && !this.latestLoaded) || (Boolean(this.planId) && this.keys.kind === 'loading');
  }

  get templateList(): PlanTemplate[] {
    return this.templates.kind === 'ready' ? this.templates.value : [];
  }

  get emptyMessage(): string | null {
    return this.templates.kind === 'ready' && this.templateList.length === 0 ? LABELS.noTemplates : null;
  }

  get showForm(): boolean {
    return !this.isLoading && !this.loadError && this.templateList.length > 0;
  }

  // -------------------------------------------------------------------------------------------------
  // Choices

  private accountField(field: typeof ACCOUNT_NAME): string | null {
    if (this.account.kind !== 'ready') return null;
    const value = getFieldValue(this.account.value, field);
    return typeof value === 'string' && value ? value : null;
  }

  get templateOptions(): { label: string; value: string }[] {
    return this.templateList.map((t) => ({ label: t.label, value: t.name }));
  }

  get chosenTemplate(): PlanTemplate | null {
    const list = this.templateList;
    const chosen = this.templateName ? list.find((t) => t.name === this.templateName) : null;
    return chosen ?? templateForTier(list, this.accountField(ACCOUNT_TIER)) ?? list[0] ?? null;
  }

  get templateValue(): string | undefined {
    return this.chosenTemplate ? this.chosenTemplate.name : undefined;
  }

  get templateDescription(): string | null {
    return this.chosenTemplate ? this.chosenTemplate.description : null;
  }

  get planList(): PlanYear[] {
    return this.partnerPlans.kind === 'ready' ? this.partnerPlans.value : [];
  }

  /** The plan being filled, from the partner's plans. */
  get targetPlan(): PlanYear | null {
    return this.planId ? (this.planList.find((p) => p.id === this.planId) ?? null) : null;
  }

  get isFill(): boolean {
    return Boolean(this.planId);
  }

  get isNew(): boolean {
    return !this.planId;
  }

  get defaults(): YearChoice {
    const plan = this.targetPlan;
    if (plan && plan.periodStart && plan.periodEnd) {
      // A plan without a fiscal year still names its targets' periods: by the year it starts in.
      const fiscalYear = plan.fiscalYear ?? `FY${plan.periodStart.slice(0, 4)}`;
      return { fiscalYear, start: plan.periodStart, end: plan.periodEnd };
    }
    return defaultYear(this.planList, this.latestPlan, todayIn(TIME_ZONE));
  }

  get fiscalYearValue(): string {
    return this.fiscalYear ?? this.defaults.fiscalYear;
  }

  get periodStartValue(): string {
    return this.periodStart ?? this.defaults.start;
  }

  get periodEndValue(): string {
    return this.periodEnd ?? this.defaults.end;
  }

  get fillPeriodText(): string {
    return `${this.fiscalYearValue} · ${formatDateRange(this.periodStartValue, this.periodEndValue, LOCALE)}`;
  }

  /** Another plan of the partner for the chosen fiscal year (filling a plan: none but that one). */
  get existingPlan(): PlanYear | null {
    if (this.isFill || this.createdPlanId) return null;
    const year = this.fiscalYearValue.trim();
    return this.planList.find((p) => sameFiscalYear(p.fiscalYear, year)) ?? null;
  }

  get existsText(): string {
    return formatLabel(LABELS.exists, this.fiscalYearValue.trim());
  }

  /** A plan to fill that already has records (a retry of this dialog's own run excepted). */
  get notEmpty(): boolean {
    return this.isFill && !this.lastResult && this.keys.kind === 'ready' && this.keys.value.count > 0;
  }

  get datesValid(): boolean {
    return Boolean(this.periodStartValue && this.periodEndValue && this.periodStartValue < this.periodEndValue);
  }

  get blueprint(): PlanBlueprint | null {
    const template = this.chosenTemplate;
    const name = this.accountField(ACCOUNT_NAME);
    const year = this.fiscalYearValue.trim();
    if (!template || !name || !this.accountId || !year || !this.datesValid) return null;
    const partner = { id: this.accountId, key: this.accountField(ACCOUNT_KEY) ?? this.accountId, name };
    const periods = standardPlanPeriods({ start: this.periodStartValue, end: this.periodEndValue });
    const blueprint = templateBlueprint(
      template,
      partner,
      { periods, fiscalYear: year },
      this.profiles,
      USER_ID,
      metricSemanticsByName(this.metrics),
    );
    const plan = this.targetPlan;
    return plan && plan.externalKey ? withPlanKey(blueprint, plan.externalKey) : blueprint;
  }

  get preview(): PreviewSection[] {
    const blueprint = this.blueprint;
    if (!blueprint) return [];
    const profileLabels = Object.fromEntries(Object.values(this.profiles).map((p) => [p.name, p.label]));
    return previewSections(blueprint, {
      metrics: this.metrics,
      locale: LOCALE,
      currency: CURRENCY,
      labels: LABELS,
      profileLabels,
    });
  }

  get confirmLabel(): string {
    if (this.lastResult && !this.lastResult.ok) return LABELS.retry;
    return this.isFill ? LABELS.fill : LABELS.create;
  }

  get confirmDisabled(): boolean {
    return this.busy || !this.showForm || !this.blueprint || Boolean(this.existingPlan) || this.notEmpty;
  }

  get hasErrors(): boolean {
    return this.errors.length > 0;
  }

  // -------------------------------------------------------------------------------------------------
  // The link to the partner's plan for the year

  private pageReference(recordId: string): PageReference {
    return {
      type: 'standard__recordPage',
      attributes: { recordId, objectApiName: 'Partner_Account_Plan__c', actionName: 'view' },
    };
  }

  private generateExistingUrl(): void {
    const plan = this.existingPlan;
    if (!plan || this.urlFor === plan.id) return;
    this.urlFor = plan.id;
    this[NavigationMixin.GenerateUrl](this.pageReference(plan.id))
      .then((url) => {
        this.existingPlanUrl = url;
      })
      .catch(() => {
        // Without a URL the link still navigates on click.
      });
  }

  handleOpenExisting(event: Event): void {
    event.preventDefault();
    const plan = this.existingPlan;
    if (!plan) return;
    this.close(undefined);
    this[NavigationMixin.Navigate](this.pageReference(plan.id));
  }

  // -------------------------------------------------------------------------------------------------
  // Edits

  private input(dataId: string): InputElement | null {
    return this.template?.querySelector<InputElement>(`[data-id="${dataId}"]`) ?? null;
  }

  private showFieldError(dataId: string, message: string): void {
    const input = this.input(dataId);
    if (!input) return;
    input.setCustomValidity(message);
    input.reportValidity();
  }

  private clearFieldErrors(): void {
    for (const dataId of Object.values(FIELD_INPUTS)) this.showFieldError(dataId, '');
  }

  handleTemplateChange(event: CustomEvent<{ value: string }>): void {
    this.templateName = event.detail.value;
  }

  handleFiscalYearChange(event: CustomEvent<{ value: string }>): void {
    this.fiscalYear = event.detail.value ?? '';
    this.showFieldError('fiscal-year', '');
    this.generateExistingUrl();
  }

  handleStartChange(event: CustomEvent<{ value: string }>): void {
    this.periodStart = event.detail.value ?? '';
    this.showFieldError('period-start', '');
  }

  handleEndChange(event: CustomEvent<{ value: string }>): void {
    this.periodEnd = event.detail.value ?? '';
    this.showFieldError('period-end', '');
  }

  handleCancel(): void {
    this.close(undefined);
  }

  // -------------------------------------------------------------------------------------------------
  // Create

  /** Checks what the user typed; shows the first problem on its field. */
  private validate(): boolean {
    if (!this.fiscalYearValue.trim()) {
      this.showFieldError('fiscal-year', LABELS.fiscalYearRequired);
      return false;
    }
    if (!this.datesValid) {
      this.showFieldError('period-end', LABELS.datesInvalid);
      return false;
    }
    return true;
  }

  async handleCreate(): Promise<void> {
    if (this.busy || !this.validate()) return;
    // Read again what the plan holds and which years the partner has: someone may have been quicker.
    this.busy = true;
    this.disableClose = true;
    this.errors = [];
    try {
      await Promise.all([refreshQuery(this.plansResult), refreshQuery(this.keysResult)]);
      const blueprint = this.blueprint;
      if (!blueprint || this.existingPlan || this.notEmpty) return;
      const planId = this.planId ?? this.createdPlanId ?? undefined;
      const known = this.keys.kind === 'ready' ? this.keys.value : null;
      const existing = mergeRecords(known, this.lastResult ? recordsOf(this.lastResult) : null);
      const result = await createFromBlueprint(blueprint, { planId, existing });
      this.lastResult = result;
      if (result.planId) this.createdPlanId = this.planId ? null : result.planId;
      if (result.ok && result.planId) {
        this.busy = false;
        this.disableClose = false;
        this.close({ planId: result.planId });
        return;
      }
      this.showFailures(result, blueprint);
    } catch (error) {
      this.errors = [errorMessage(error)];
    } finally {
      this.busy = false;
      this.disableClose = false;
    }
  }

  /** The plan's own field errors go on the inputs; the rest is listed with the record it concerns. */
  private showFailures(result: BlueprintResult, blueprint: PlanBlueprint): void {
    this.clearFieldErrors();
    const plan = result.outcomes.find((o) => o.kind === 'plan' && o.status === 'failed');
    const onFields = new Set<string>();
    if (plan) {
      for (const [field, messages] of Object.entries(plan.fieldErrors)) {
        const dataId = FIELD_INPUTS[field];
        if (dataId && !this.isFill) {
          this.showFieldError(dataId, messages.join(' '));
          onFields.add(field);
        }
      }
    }
    const rest: BlueprintResult = {
      ...result,
      outcomes: result.outcomes.map((o) => {
        if (o !== plan) return o;
        return {
          ...o,
          fieldErrors: Object.fromEntries(Object.entries(o.fieldErrors).filter(([f]) => !onFields.has(f))),
        };
      }),
    };
    const messages = blueprintErrorMessages(rest, LABELS.recordError, (o) =>
      describeRef(blueprint, o.ref, this.metrics, LOCALE),
    );
    this.errors = result.planId ? [LABELS.partial, ...messages] : messages;
  }
}
