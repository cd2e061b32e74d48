import { LightningElement, api, wire } from 'lwc';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { CloseActionScreenEvent } from 'lightning/actions';
import { getRecord } from 'lightning/uiRecordApi';
import { getObjectInfo, getPicklistValues } from 'lightning/uiObjectInfoApi';
import { graphql } from 'lightning/graphql';
import USER_ID from '@salesforce/user/Id';
import LOCALE from '@salesforce/i18n/locale';
import TIME_ZONE from '@salesforce/i18n/timeZone';
import {
  ACTION_ACTOR_ROLE,
  ACTION_OBJECT,
  ACTION_OUTCOME,
  ACTION_TYPE,
  METRIC_CATALOG_QUERY,
  OPPORTUNITY_ACTIONS_QUERY,
  OPPORTUNITY_FIELDS,
  OPPORTUNITY_OPTIONAL_FIELDS,
  PARTNER_ACTIVE_PLANS_QUERY,
  PARTNER_ACTIVE_TARGETS_QUERY,
  defaultRecordTypeId,
  logAprAction,
  notifyRecordsChanged,
  readActions,
  readMetrics,
  readOpportunity,
  readPicklist,
  readPlans,
  readTargets,
  refreshQuery,
  type ActorRole,
  type AprAction,
  type GraphQLResult,
  type Loadable,
  type Metric,
  type ObjectInfoRepresentation,
  type OpportunityInfo,
  type PicklistOption,
  type PicklistValuesRepresentation,
  type PlanSummary,
  type PlanTarget,
  type RecordRepresentation,
  type SaveOutcome,
  type WireResult,
} from 'c/planData';
import {
  formatDate,
  formatLabel,
  inferRole,
  metricLabel,
  periodLabel,
  resolvePlan,
  resolveTarget,
  todayIn,
  type RoleReason,
} from 'c/planInsights';
import { LABELS } from './labels';

/** The types offered as one-click buttons; the others are in "More types". */
const COMMON_TYPES = ['Joint Call', 'Customer Meeting', 'Demo', 'Proposal', 'Deal Registration', 'QBR'];

const LOADING = { kind: 'loading' } as const;

const ROLE_HINTS: Record<RoleReason, string> = {
  owner: LABELS.roleHintOwner,
  partnerManager: LABELS.roleHintPartnerManager,
  other: LABELS.roleHintOther,
};

/**
 * Logs an APR action on an opportunity in a few clicks: the type, then Save. The date defaults to today
 * (in the user's time zone), the actor to the current user and the role to what the data says about them;
 * the plan and target the action counts toward are resolved from the opportunity's partner.
 * Works as a screen quick action (closes itself after saving) and on the opportunity record page.
 */
export default class AprActionLogger extends LightningElement {
  @api recordId: string | undefined;
  @api objectApiName: string | undefined;

  labels = LABELS;

  opportunity: Loadable<OpportunityInfo> = LOADING;
  plans: Loadable<PlanSummary[]> = LOADING;
  partnerTargets: Loadable<PlanTarget[]> = LOADING;
  recent: Loadable<AprAction[]> = LOADING;
  recentResult: GraphQLResult | undefined;
  metrics: Metric[] = [];
  actionRecordTypeId: string | undefined;
  actionTypeOptions: PicklistOption[] = [];
  outcomeOptions: PicklistOption[] = [];
  roleOptions: PicklistOption[] = [];

  actionType: string | null = null;
  actionDate: string = todayIn(TIME_ZONE);
  actorId: string | null = USER_ID;
  /** The role the user picked; null while the inferred role applies. */
  roleOverride: ActorRole | null = null;
  outcome: string | null = null;
  quantity = '1';
  nextStep = '';
  notes = '';
  messages: string[] = [];
  saving = false;

  // -------------------------------------------------------------------------------------------------
  // Data

  @wire(getRecord, { recordId: '$recordId', fields: OPPORTUNITY_FIELDS, optionalFields: OPPORTUNITY_OPTIONAL_FIELDS })
  wiredOpportunity(result: WireResult<RecordRepresentation>): void {
    this.opportunity = readOpportunity(result);
  }

  @wire(graphql, { query: '$plansQuery', variables: '$partnerVariables' })
  wiredPlans(result: GraphQLResult): void {
    this.plans = readPlans(result);
  }

  @wire(graphql, { query: '$targetsQuery', variables: '$partnerVariables' })
  wiredTargets(result: GraphQLResult): void {
    this.partnerTargets = readTargets(result);
  }

  @wire(graphql, { query: OPPORTUNITY_ACTIONS_QUERY, variables: '$opportunityVariables' })
  wiredRecent(result: GraphQLResult): void {
    this.recentResult = result;
    this.recent = readActions(result);
  }

  @wire(graphql, { query: METRIC_CATALOG_QUERY })
  wiredMetrics(result: GraphQLResult): void {
    const metrics = readMetrics(result);
    this.metrics = metrics.kind === 'ready' ? metrics.value : [];
  }

  @wire(getObjectInfo, { objectApiName: ACTION_OBJECT })
  wiredActionInfo(result: WireResult<ObjectInfoRepresentation>): void {
    this.actionRecordTypeId = defaultRecordTypeId(result);
  }

  @wire(getPicklistValues, { recordTypeId: '$actionRecordTypeId', fieldApiName: ACTION_TYPE })
  wiredTypes(result: WireResult<PicklistValuesRepresentation>): void {
    this.actionTypeOptions = readPicklist(result);
  }

  @wire(getPicklistValues, { recordTypeId: '$actionRecordTypeId', fieldApiName: ACTION_OUTCOME })
  wiredOutcomes(result: WireResult<PicklistValuesRepresentation>): void {
    this.outcomeOptions = readPicklist(result);
  }

  @wire(getPicklistValues, { recordTypeId: '$actionRecordTypeId', fieldApiName: ACTION_ACTOR_ROLE })
  wiredRoles(result: WireResult<PicklistValuesRepresentation>): void {
    this.roleOptions = readPicklist(result);
  }

  get opportunityValue(): OpportunityInfo | null {
    return this.opportunity.kind === 'ready' ? this.opportunity.value : null;
  }

  get partnerId(): string | null {
    return this.opportunityValue ? this.opportunityValue.partnerAccountId : null;
  }

  get partnerVariables(): { partnerId: string } | undefined {
    return this.partnerId ? { partnerId: this.partnerId } : undefined;
  }

  /** The partner queries wait for the opportunity's partner (a query of undefined does not run). */
  get plansQuery(): typeof PARTNER_ACTIVE_PLANS_QUERY | undefined {
    return this.partnerId ? PARTNER_ACTIVE_PLANS_QUERY : undefined;
  }

  get targetsQuery(): typeof PARTNER_ACTIVE_TARGETS_QUERY | undefined {
    return this.partnerId ? PARTNER_ACTIVE_TARGETS_QUERY : undefined;
  }

  get opportunityVariables(): { opportunityId: string } | undefined {
    return this.recordId ? { opportunityId: this.recordId } : undefined;
  }

  // -------------------------------------------------------------------------------------------------
  // States

  get isLoading(): boolean {
    return this.opportunity.kind === 'loading';
  }

  get loadError(): string | null {
    return this.opportunity.kind === 'error' ? this.opportunity.message : null;
  }

  /** Loading or failed: c-load-state shows which, in the markup every view shares. */
  get showLoadState(): boolean {
    return this.isLoading || this.loadError !== null;
  }

  get isReady(): boolean {
    return this.opportunityValue !== null;
  }

  get opportunityName(): string {
    return this.opportunityValue ? this.opportunityValue.name : '';
  }

  get hasPartner(): boolean {
    return this.partnerId !== null;
  }

  get planList(): PlanSummary[] {
    return this.hasPartner && this.plans.kind === 'ready' ? this.plans.value : [];
  }

  get targetList(): PlanTarget[] {
    return this.hasPartner && this.partnerTargets.kind === 'ready' ? this.partnerTargets.value : [];
  }

  get resolvedPlan(): PlanSummary | null {
    return this.actionDate ? resolvePlan(this.planList, this.actionDate) : null;
  }

  get resolvedTarget(): PlanTarget | null {
    const plan = this.resolvedPlan;
    return resolveTarget({
      targets: this.targetList,
      metrics: this.metrics,
      planId: plan ? plan.id : null,
      actionType: this.actionType,
      date: this.actionDate,
      actorId: this.actorId,
    });
  }

  /** Where the action will count, in words. */
  get countsToward(): string {
    const opportunity = this.opportunityValue;
    if (!opportunity) return '';
    if (!this.hasPartner) return LABELS.noPartner;
    if (this.plans.kind === 'loading' || this.partnerTargets.kind === 'loading') return LABELS.findingPlan;
    if (this.plans.kind === 'error') return formatLabel(LABELS.planLookupFailed, this.plans.message);
    const plan = this.resolvedPlan;
    const partner = opportunity.partnerName ?? LABELS.thePartner;
    if (!plan) return formatLabel(LABELS.noActivePlan, partner, formatDate(this.actionDate, LOCALE));
    if (!this.actionType) return formatLabel(LABELS.countsTowardPlan, plan.name);
    const target = this.resolvedTarget;
    if (!target) return formatLabel(LABELS.noMatchingTarget, plan.name, this.typeLabel(this.actionType));
    return formatLabel(
      LABELS.countsTowardTarget,
      metricLabel(this.metrics, target.metric),
      periodLabel(
        { fiscalYear: target.planFiscalYear, periodStart: target.planPeriodStart },
        target.periodStart,
        target.periodEnd,
        LOCALE,
      ),
      plan.name,
    );
  }

  get countsTowardIcon(): string {
    return this.resolvedPlan ? 'utility:success' : 'utility:info';
  }

  // -------------------------------------------------------------------------------------------------
  // Form

  private typeLabel(value: string): string {
    const option = this.actionTypeOptions.find((o) => o.value === value);
    return option ? option.label : value;
  }

  get commonTypeOptions(): PicklistOption[] {
    return this.actionTypeOptions.filter((o) => COMMON_TYPES.includes(o.value));
  }

  get moreTypeOptions(): PicklistOption[] {
    return this.actionTypeOptions.filter((o) => !COMMON_TYPES.includes(o.value));
  }

  /** The one-click group shows the type only when it is one of its buttons. */
  get commonTypeValue(): string | null {
    return this.actionType && COMMON_TYPES.includes(this.actionType) ? this.actionType : null;
  }

  get moreTypeValue(): string | null {
    return this.actionType && !COMMON_TYPES.includes(this.actionType) ? this.actionType : null;
  }

  get today(): string {
    return todayIn(TIME_ZONE);
  }

  get inferred(): { role: ActorRole; reason: RoleReason } {
    return inferRole(this.actorId, this.opportunityValue, this.targetList);
  }

  get actorRole(): ActorRole {
    return this.roleOverride ?? this.inferred.role;
  }

  get roleHint(): string {
    return this.roleOverride ? LABELS.roleHintChosen : ROLE_HINTS[this.inferred.reason];
  }

  get hasMessages(): boolean {
    return this.messages.length > 0;
  }

  get saveDisabled(): boolean {
    return this.saving || !this.isReady;
  }

  handleTypeChange(event: CustomEvent<{ value: string }>): void {
    this.actionType = event.detail.value || null;
    this.messages = [];
  }

  handleDateChange(event: CustomEvent<{ value: string }>): void {
    this.actionDate = event.detail.value;
    this.messages = [];
  }

  handleActorChange(event: CustomEvent<{ recordId: string | null }>): void {
    this.actorId = event.detail.recordId;
    this.roleOverride = null;
    this.messages = [];
  }

  handleRoleChange(event: CustomEvent<{ value: string }>): void {
    this.roleOverride = event.detail.value as ActorRole;
  }

  handleFieldChange(event: CustomEvent<{ value: string }>): void {
    const field = (event.target as HTMLElement).dataset.name as 'outcome' | 'quantity' | 'nextStep' | 'notes';
    if (field === 'outcome') this.outcome = event.detail.value || null;
    else this[field] = event.detail.value ?? '';
  }

  private validate(): string[] {
    const messages: string[] = [];
    if (!this.actionType) messages.push(LABELS.typeRequired);
    if (!this.actionDate) messages.push(LABELS.dateRequired);
    else if (this.actionDate > this.today) messages.push(LABELS.dateInFuture);
    if (!this.actorId) messages.push(LABELS.actorRequired);
    const quantity = Number(this.quantity);
    if (!Number.isInteger(quantity) || quantity < 1) messages.push(LABELS.quantityInvalid);
    return messages;
  }

  async handleSave(): Promise<void> {
    const opportunity = this.opportunityValue;
    if (!opportunity) return;
    this.reportFieldValidity();
    const problems = this.validate();
    if (problems.length > 0) {
      this.messages = problems;
      return;
    }
    const plan = this.resolvedPlan;
    const target = this.resolvedTarget;
    const actionType = this.actionType as string;
    this.saving = true;
    this.messages = [];
    try {
      const outcome = await logAprAction({
        actionType,
        actionDate: this.actionDate,
        actorId: this.actorId as string,
        actorRole: this.actorRole,
        quantity: Number(this.quantity),
        opportunityId: opportunity.id,
        partnerAccountId: opportunity.partnerAccountId,
        planId: plan ? plan.id : null,
        targetId: target ? target.id : null,
        outcome: this.outcome,
        nextStep: this.nextStep.trim() || null,
        notes: this.notes.trim() || null,
      });
      if (!outcome.ok) {
        this.showServerErrors(outcome);
        return;
      }
      this.dispatchEvent(
        new ShowToastEvent({
          title: LABELS.loggedTitle,
          message: formatLabel(LABELS.logged, this.typeLabel(actionType)),
          variant: 'success',
        }),
      );
      this.resetForm();
      this.dispatchEvent(new CloseActionScreenEvent());
      await Promise.all([
        notifyRecordsChanged([opportunity.id, target ? target.id : null, plan ? plan.id : null]),
        refreshQuery(this.recentResult),
      ]);
    } finally {
      this.saving = false;
    }
  }

  handleCancel(): void {
    this.resetForm();
    this.dispatchEvent(new CloseActionScreenEvent());
  }

  private resetForm(): void {
    this.actionType = null;
    this.actionDate = this.today;
    this.actorId = USER_ID;
    this.roleOverride = null;
    this.outcome = null;
    this.quantity = '1';
    this.nextStep = '';
    this.notes = '';
    this.messages = [];
  }

  /** Shows server errors: each on its input (setCustomValidity) and all of them in the summary. */
  private showServerErrors(outcome: SaveOutcome): void {
    const root = this.template;
    for (const [field, messages] of Object.entries(outcome.fieldErrors)) {
      const input = root ? root.querySelector<HTMLElement & ValidityReporter>(`[data-field="${field}"]`) : null;
      if (input && typeof input.setCustomValidity === 'function') {
        input.setCustomValidity(messages.join(' '));
        input.reportValidity();
      }
    }
    this.messages = [...outcome.messages, ...Object.values(outcome.fieldErrors).flat()];
  }

  private reportFieldValidity(): void {
    const root = this.template;
    if (!root) return;
    for (const input of Array.from(root.querySelectorAll<HTMLElement & ValidityReporter>('[data-field]'))) {
      if (typeof input.setCustomValidity === 'function') input.setCustomValidity('');
      if (typeof input.reportValidity === 'function') input.reportValidity();
    }
  }

  // -------------------------------------------------------------------------------------------------
  // Recent actions

  get recentLoading(): boolean {
    return this.recent.kind === 'loading';
  }

  get recentError(): string | null {
    return this.recent.kind === 'error' ? this.recent.message : null;
  }

  get recentItems(): { id: string; line: string }[] {
    if (this.recent.kind !== 'ready') return [];
    return this.recent.value.map((a) => ({
      id: a.id,
      line: [a.actionTypeLabel ?? a.actionType, formatDate(a.actionDate, LOCALE), a.actorName, a.outcomeLabel]
        .filter((part) => part)
        .join(' · '),
    }));
  }

  get hasRecent(): boolean {
    return this.recent.kind === 'ready' && this.recent.value.length > 0;
  }

  get recentEmpty(): boolean {
    return this.recent.kind === 'ready' && this.recent.value.length === 0;
  }
}

/** The validity API of lightning-input and friends. */
interface ValidityReporter {
  setCustomValidity(message: string): void;
  reportValidity(): boolean;
}
