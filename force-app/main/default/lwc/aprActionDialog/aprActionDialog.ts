import { api, wire } from 'lwc';
import LightningModal from 'lightning/modal';
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
  readActions,
  readMetrics,
  readOpportunity,
  readPicklist,
  readPlans,
  readTargets,
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

/** What `open()` resolves with once the action is saved (undefined when the person closed the dialog). */
export interface AprActionSaved {
  actionId: string;
  /** The action type as people read it ("Joint Call"). */
  typeLabel: string;
  /** The records whose computed fields the new action changes: the opportunity, its target and plan. */
  changedRecordIds: string[];
}

/** The types offered as one-click buttons; the others are in "More types". */
const COMMON_TYPES = ['Joint Call', 'Customer Meeting', 'Demo', 'Proposal', 'Deal Registration', 'QBR'];

const LOADING = { kind: 'loading' } as const;

const ROLE_HINTS: Record<RoleReason, string> = {
  owner: LABELS.roleHintOwner,
  partnerManager: LABELS.roleHintPartnerManager,
  other: LABELS.roleHintOther,
};

/** The form's inputs, by the APR_Action__c field each writes (server field errors land on them). */
type FieldName = 'Action_Type__c' | 'Action_Date__c' | 'Actor__c' | 'Quantity__c';

/** The validity API of lightning-input and friends. */
interface ValidityReporter {
  setCustomValidity(message: string): void;
  reportValidity(): boolean;
}

/**
 * The Log APR Action dialog: a LightningModal, so the platform gives it the dialog role, the × and Escape,
 * the focus trap and the return of focus to the opener. The header names the opportunity, the body scrolls
 * and the footer keeps Cancel and Save in view. Logging takes a few clicks: the type, then Save; the date
 * defaults to today (in the user's time zone), the actor to the current user and the role to what the data
 * says about them; the plan and target the action counts toward are resolved from the opportunity's partner.
 * Problems show on their fields (required fields on Save, server field errors after it); anything else
 * reads as one plain sentence, never the server's text. The opportunity's recent actions are a collapsed
 * section under the form. `open()` resolves with an `AprActionSaved` once the action is saved.
 */
export default class AprActionDialog extends LightningModal {
  @api recordId: string | undefined;

  labels = LABELS;

  opportunity: Loadable<OpportunityInfo> = LOADING;
  plans: Loadable<PlanSummary[]> = LOADING;
  partnerTargets: Loadable<PlanTarget[]> = LOADING;
  recent: Loadable<AprAction[]> = LOADING;
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
  /** Problems that belong to no field of the form, in words for people. */
  messages: string[] = [];
  saving = false;
  recentExpanded = false;

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

  /** Why the dialog cannot log: in words for people (the server's text stays out of it). */
  get loadError(): string | null {
    return this.opportunity.kind === 'error' ? LABELS.loadError : null;
  }

  get showLoadState(): boolean {
    return this.isLoading || this.loadError !== null;
  }

  get isReady(): boolean {
    return this.opportunityValue !== null;
  }

  /** What the dialog is about, first in its body: "On opportunity Acme renewal · Northwind Partners". */
  get opportunityText(): string {
    const opportunity = this.opportunityValue;
    if (!opportunity) return '';
    const line = [opportunity.name, opportunity.partnerName].filter((part) => part).join(' · ');
    return `${LABELS.onOpportunity} ${line}`;
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
    if (this.plans.kind === 'error') return LABELS.planLookupFailed;
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
    this.clearField('Action_Type__c');
  }

  handleDateChange(event: CustomEvent<{ value: string }>): void {
    this.actionDate = event.detail.value;
    this.clearField('Action_Date__c');
  }

  handleActorChange(event: CustomEvent<{ recordId: string | null }>): void {
    this.actorId = event.detail.recordId;
    this.roleOverride = null;
    this.clearField('Actor__c');
  }

  handleRoleChange(event: CustomEvent<{ value: string }>): void {
    this.roleOverride = event.detail.value as ActorRole;
  }

  handleFieldChange(event: CustomEvent<{ value: string }>): void {
    const field = (event.target as HTMLElement).dataset.name as 'outcome' | 'quantity' | 'nextStep' | 'notes';
    if (field === 'outcome') this.outcome = event.detail.value || null;
    else this[field] = event.detail.value ?? '';
    if (field === 'quantity') this.clearField('Quantity__c');
  }

  /** The problems of the form, by field, before anything is written. */
  private validate(): Partial<Record<FieldName, string>> {
    const problems: Partial<Record<FieldName, string>> = {};
    if (!this.actionType) problems.Action_Type__c = LABELS.typeRequired;
    if (!this.actionDate) problems.Action_Date__c = LABELS.dateRequired;
    else if (this.actionDate > this.today) problems.Action_Date__c = LABELS.dateInFuture;
    if (!this.actorId) problems.Actor__c = LABELS.actorRequired;
    const quantity = Number(this.quantity);
    if (!Number.isInteger(quantity) || quantity < 1) problems.Quantity__c = LABELS.quantityInvalid;
    return problems;
  }

  async handleSave(): Promise<void> {
    const opportunity = this.opportunityValue;
    if (!opportunity || this.saving) return;
    this.messages = [];
    const problems = this.validate();
    if (this.showFieldErrors(problems)) return;
    const plan = this.resolvedPlan;
    const target = this.resolvedTarget;
    const actionType = this.actionType as string;
    this.saving = true;
    this.disableClose = true;
    let outcome: SaveOutcome;
    try {
      outcome = await logAprAction({
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
    } finally {
      this.saving = false;
      this.disableClose = false;
    }
    if (!outcome.ok) {
      this.showServerErrors(outcome);
      return;
    }
    const saved: AprActionSaved = {
      actionId: outcome.id,
      typeLabel: this.typeLabel(actionType),
      changedRecordIds: [opportunity.id, target ? target.id : null, plan ? plan.id : null].filter((id): id is string =>
        Boolean(id),
      ),
    };
    this.close(saved);
  }

  handleCancel(): void {
    this.close(undefined);
  }

  handleToggleRecent(): void {
    this.recentExpanded = !this.recentExpanded;
  }

  private input(field: string): (HTMLElement & ValidityReporter) | null {
    const root = this.template;
    const input = root ? root.querySelector<HTMLElement & ValidityReporter>(`[data-field="${field}"]`) : null;
    return input && typeof input.setCustomValidity === 'function' ? input : null;
  }

  private clearField(field: FieldName): void {
    const input = this.input(field);
    if (input) {
      input.setCustomValidity('');
      input.reportValidity();
    }
    this.messages = [];
  }

  /**
   * Puts each message on its field's input (setCustomValidity + reportValidity), clears the others and
   * moves focus to the first field with a problem. Messages for fields the form does not show are
   * returned. True when any field had a problem.
   */
  private showFieldErrors(problems: Partial<Record<string, string>>): boolean {
    const root = this.template;
    const inputs = root ? Array.from(root.querySelectorAll<HTMLElement & ValidityReporter>('[data-field]')) : [];
    const invalid: HTMLElement[] = [];
    for (const input of inputs) {
      if (typeof input.setCustomValidity !== 'function') continue;
      const message = problems[input.dataset.field as string] ?? '';
      input.setCustomValidity(message);
      input.reportValidity();
      if (message) invalid.push(input);
    }
    // The type has two inputs (buttons from 768 px, one list below): focus the one on screen.
    const first = invalid.find((input) => input.getClientRects().length > 0) ?? invalid[0];
    if (first) first.focus();
    return Object.values(problems).some((message) => message);
  }

  /**
   * A failed save: field errors on their inputs (validation rules' messages are written for people); a
   * field the form does not show, or a problem of no field, reads as the one plain sentence.
   */
  private showServerErrors(outcome: SaveOutcome): void {
    const onFields: Record<string, string> = {};
    let elsewhere = outcome.messages.length > 0;
    for (const [field, messages] of Object.entries(outcome.fieldErrors)) {
      if (this.input(field)) onFields[field] = messages.join(' ');
      else elsewhere = true;
    }
    this.showFieldErrors(onFields);
    this.messages = elsewhere || Object.keys(onFields).length === 0 ? [LABELS.saveFailed] : [];
  }

  // -------------------------------------------------------------------------------------------------
  // Recent actions

  get recentToggleLabel(): string {
    return this.recent.kind === 'ready'
      ? formatLabel(LABELS.recentCount, String(this.recent.value.length))
      : LABELS.recentActions;
  }

  get recentSectionClass(): string {
    return this.recentExpanded ? 'slds-section slds-is-open slds-m-top_medium' : 'slds-section slds-m-top_medium';
  }

  get collapsed(): boolean {
    return !this.recentExpanded;
  }

  get recentAriaExpanded(): string {
    return String(this.recentExpanded);
  }

  get recentLoading(): boolean {
    return this.recent.kind === 'loading';
  }

  get recentError(): string | null {
    return this.recent.kind === 'error' ? LABELS.recentError : null;
  }

  /** One line per action: what, when, who (in which role) and how it went. */
  get recentItems(): { id: string; line: string }[] {
    if (this.recent.kind !== 'ready') return [];
    return this.recent.value.map((a) => ({
      id: a.id,
      line: [
        a.actionTypeLabel ?? a.actionType,
        formatDate(a.actionDate, LOCALE),
        a.actorName && a.actorRole ? `${a.actorName} (${a.actorRole})` : a.actorName,
        a.outcomeLabel,
      ]
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
