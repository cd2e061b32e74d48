/**
 * The state of the plan editor, as a base class of the component: its @api properties, the wires and
 * what they provided, the unsaved edits and open forms, and everything derived from them that the
 * template shows (load state, permissions, the lifecycle buttons' state and hint, the section views,
 * unsaved changes). The component (partnerPlanEditor.ts) adds the actions and orchestrates the writes.
 */
import { LightningElement, api, wire } from 'lwc';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { getRecord, notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import { getObjectInfo, getPicklistValues } from 'lightning/uiObjectInfoApi';
import { graphql } from 'lightning/graphql';
import {
  METRIC_CATALOG_QUERY,
  PLAN_FIELDS,
  PLAN_OBJECT,
  PLAN_OPTIONAL_FIELDS,
  PLAN_SECTIONS_QUERY,
  PLAN_STATUS,
  PLAN_TARGETS_CURRENCY_QUERY,
  PLAN_TARGETS_QUERY,
  SECTION_OBJECT,
  SECTION_TYPE,
  TARGET_OBJECT,
  TARGET_PERIOD_TYPE,
  canUpdate,
  defaultRecordTypeId,
  readMetrics,
  readPicklist,
  readPlanHeader,
  readSections,
  readTargets,
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
  type PlanStatus,
  type PlanTarget,
  type RecordRepresentation,
  type SaveOutcome,
  type WireResult,
} from 'c/planData';
import LOCALE from '@salesforce/i18n/locale';
import TIME_ZONE from '@salesforce/i18n/timeZone';
import USER_ID from '@salesforce/user/Id';
import {
  changeRequestView,
  canEditPlan,
  canMarkAccepted,
  canRevise,
  canSubmitForReview,
  fiscalPeriods,
  formatLabel,
  metricLabel,
  periodLabel,
  todayIn,
  type FiscalPeriod,
  type FiscalPlan,
  type ChangeRequestView,
} from 'c/planInsights';
import { dirtyTargets, type TargetDrafts } from 'c/targetEdits';
import {
  lifecycleHint,
  sectionViews,
  SectionSlices,
  type SectionForm,
  type SectionView,
  type TargetForm,
} from './editorModel';
import {
  activateStep,
  closeStep,
  lockedTargetFields,
  targetRowActions,
  type EndStep,
  type TargetRowActions,
} from './targetEditModel';
import { LABELS } from './labels';

const LOADING = { kind: 'loading' } as const;

/** Whether a wire has answered, with data or an error. */
const answered = (result: WireResult<unknown> | undefined): boolean => Boolean(result && (result.data || result.error));

export default class PlanEditorState extends LightningElement {
  @api recordId: string | undefined;
  @api objectApiName: string | undefined;
  /**
   * Where the page shows the plan's comment thread itself (c-plan-comments beside the editor, as the plan record
   * page does): the editor's Comments region then opens only for a target's comments.
   */
  @api hidePlanComments = false;

  labels = LABELS;

  plan: Loadable<PlanHeader> = LOADING;
  sections: Loadable<PlanSection[]> = LOADING;
  targets: Loadable<PlanTarget[]> = LOADING;
  metrics: Metric[] = [];
  /** The catalog and the three objects' access have answered (data or error): the grids wait for them. */
  metricsKnown = false;
  planInfoKnown = false;
  sectionInfoKnown = false;
  targetInfoKnown = false;
  statusOptions: PicklistOption[] = [];
  sectionTypeOptions: PicklistOption[] = [];
  periodTypeOptions: PicklistOption[] = [];
  planRecordTypeId: string | undefined;
  sectionRecordTypeId: string | undefined;
  targetRecordTypeId: string | undefined;
  mayEditPlan = false;
  mayEditSections = false;
  mayEditTargets = false;
  /** Whether targets carry CurrencyIsoCode (a multi-currency org); undefined until their object info loads. */
  targetsHaveCurrency: boolean | undefined;
  sectionsResult: GraphQLResult | undefined;
  targetsResult: GraphQLResult | undefined;

  /** Unsaved target values as typed, by target Id. */
  drafts: TargetDrafts = {};
  /** What the server said about targets whose save failed, by target Id. */
  targetErrors: Record<string, SaveOutcome> = {};
  /** Messages of the last failed lifecycle or section action. */
  pageMessages: string[] = [];
  busy = false;
  /** The reason given when the revision started (this session); written on each changed baselined target. */
  revisionReason: string | null = null;
  sectionForm: SectionForm | null = null;
  targetForm: TargetForm | null = null;
  /** The target whose comments the Comments region shows; null: the whole plan's thread. */
  commentTarget: { id: string; label: string } | null = null;
  /** Keeps each grid's inputs identical between renders while they are the same (editorModel.ts). */
  private readonly slices = new SectionSlices();
  private lastRowActions: TargetRowActions | null = null;
  private lastFiscalPlan: FiscalPlan | null = null;
  /** Focus to move once the next render is done (the element may appear or move in it). */
  protected focusAfterRender: (() => void) | null = null;
  private readonly beforeUnload = (event: BeforeUnloadEvent): void => {
    if (this.dirtyCount > 0) {
      event.preventDefault();
      event.returnValue = '';
    }
  };

  @wire(getRecord, { recordId: '$recordId', fields: PLAN_FIELDS, optionalFields: PLAN_OPTIONAL_FIELDS })
  wiredPlan(result: WireResult<RecordRepresentation>): void {
    this.plan = readPlanHeader(result);
  }

  @wire(graphql, { query: PLAN_SECTIONS_QUERY, variables: '$planVariables' })
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
    const metrics = readMetrics(result);
    this.metrics = metrics.kind === 'ready' ? metrics.value : [];
    this.metricsKnown = metrics.kind !== 'loading';
  }

  @wire(getObjectInfo, { objectApiName: PLAN_OBJECT })
  wiredPlanInfo(result: WireResult<ObjectInfoRepresentation>): void {
    this.planRecordTypeId = defaultRecordTypeId(result);
    this.mayEditPlan = canUpdate(result, ['Status__c']);
    this.planInfoKnown = answered(result);
  }

  @wire(getObjectInfo, { objectApiName: SECTION_OBJECT })
  wiredSectionInfo(result: WireResult<ObjectInfoRepresentation>): void {
    this.sectionRecordTypeId = defaultRecordTypeId(result);
    this.mayEditSections = canUpdate(result, ['Summary__c']);
    this.sectionInfoKnown = answered(result);
  }

  @wire(getObjectInfo, { objectApiName: TARGET_OBJECT })
  wiredTargetInfo(result: WireResult<ObjectInfoRepresentation>): void {
    this.targetRecordTypeId = defaultRecordTypeId(result);
    this.mayEditTargets = canUpdate(result, ['Target_Value__c']);
    this.targetsHaveCurrency = targetCurrencyField(result);
    this.targetInfoKnown = answered(result);
  }

  /** The targets' document: with CurrencyIsoCode only where the field exists; none until that is known. */
  get targetsQuery(): typeof PLAN_TARGETS_QUERY | undefined {
    if (this.targetsHaveCurrency === undefined) return undefined;
    return this.targetsHaveCurrency ? PLAN_TARGETS_CURRENCY_QUERY : PLAN_TARGETS_QUERY;
  }

  /** The plan's fiscal year, quarters and months, offered when adding a target. */
  get fiscalPeriods(): FiscalPeriod[] {
    return fiscalPeriods(this.planValue, LOCALE);
  }

  /** The running user's edit access to plans, sections and targets (from their permissions, not the status). */
  get userCanEdit(): boolean {
    return this.mayEditPlan && this.mayEditSections && this.mayEditTargets;
  }

  @wire(getPicklistValues, { recordTypeId: '$planRecordTypeId', fieldApiName: PLAN_STATUS })
  wiredStatuses(result: WireResult<PicklistValuesRepresentation>): void {
    this.statusOptions = readPicklist(result);
  }

  @wire(getPicklistValues, { recordTypeId: '$sectionRecordTypeId', fieldApiName: SECTION_TYPE })
  wiredSectionTypes(result: WireResult<PicklistValuesRepresentation>): void {
    this.sectionTypeOptions = readPicklist(result);
  }

  @wire(getPicklistValues, { recordTypeId: '$targetRecordTypeId', fieldApiName: TARGET_PERIOD_TYPE })
  wiredPeriodTypes(result: WireResult<PicklistValuesRepresentation>): void {
    this.periodTypeOptions = readPicklist(result);
  }

  get planVariables(): { planId: string } | undefined {
    return this.recordId ? { planId: this.recordId } : undefined;
  }

  connectedCallback(): void {
    window.addEventListener('beforeunload', this.beforeUnload);
  }

  disconnectedCallback(): void {
    window.removeEventListener('beforeunload', this.beforeUnload);
  }

  get planValue(): PlanHeader | null {
    return this.plan.kind === 'ready' ? this.plan.value : null;
  }

  get sectionList(): PlanSection[] {
    return this.sections.kind === 'ready' ? this.sections.value : [];
  }

  get targetList(): PlanTarget[] {
    return this.targets.kind === 'ready' ? this.targets.value : [];
  }

  get isLoading(): boolean {
    // The grids wait for the catalog (labels, units) and the user's access (inputs or values) too, so that
    // 400 targets render once, not once per answer.
    return (
      !this.loadError &&
      (this.plan.kind === 'loading' ||
        this.sections.kind === 'loading' ||
        this.targets.kind === 'loading' ||
        !this.metricsKnown ||
        !(this.planInfoKnown && this.sectionInfoKnown && this.targetInfoKnown))
    );
  }

  get loadError(): string | null {
    for (const state of [this.plan, this.sections, this.targets]) if (state.kind === 'error') return state.message;
    return null;
  }

  /** Loading or failed: c-load-state shows which, in the markup every view shares. */
  get showLoadState(): boolean {
    return this.isLoading || this.loadError !== null;
  }

  get isReady(): boolean {
    return !this.isLoading && !this.loadError && this.planValue !== null;
  }

  get isTruncated(): boolean {
    return (
      (this.sections.kind === 'ready' && this.sections.truncated) ||
      (this.targets.kind === 'ready' && this.targets.truncated)
    );
  }

  get hasSections(): boolean {
    return this.sectionList.length > 0;
  }

  get status(): PlanStatus | null {
    return this.planValue ? this.planValue.status : null;
  }

  get editable(): boolean {
    return canEditPlan(this.status) && this.userCanEdit;
  }

  get readOnly(): boolean {
    return !this.editable || this.busy;
  }

  /** Targets are locked (the status or the user's access): the grids show values, not inputs. */
  get locked(): boolean {
    return !this.editable;
  }

  get hasPageMessages(): boolean {
    return this.pageMessages.length > 0;
  }

  get sectionViews(): SectionView[] {
    return sectionViews({
      sections: this.sectionList,
      targets: this.targetList,
      drafts: this.drafts,
      errors: this.targetErrors,
      slices: this.slices,
      sectionForm: this.sectionForm,
      targetForm: this.targetForm,
      readOnly: this.readOnly,
    });
  }

  get hasPendingEdits(): boolean {
    return this.dirtyCount > 0;
  }

  /** Lifecycle actions wait for pending edits to be saved or discarded. */
  private actionBlocked(allowed: boolean): boolean {
    return !allowed || !this.userCanEdit || this.busy || this.hasPendingEdits;
  }

  get submitDisabled(): boolean {
    return this.actionBlocked(canSubmitForReview(this.status) && this.targetList.length > 0);
  }

  get acceptDisabled(): boolean {
    return this.actionBlocked(canMarkAccepted(this.status) && !this.isTruncated);
  }

  get reviseDisabled(): boolean {
    return this.actionBlocked(canRevise(this.status));
  }

  get isClosed(): boolean {
    return this.status === 'Closed';
  }

  /** Edit, Delete and Split per target row, as the status and the user's access allow (the same object while so). */
  get rowActions(): TargetRowActions {
    // Not while busy: the grids keep their buttons, disabled (their `busy`), instead of rendering every row again.
    const next = targetRowActions(this.status, this.userCanEdit, false);
    const last = this.lastRowActions;
    if (last && last.edit === next.edit && last.delete === next.delete && last.split === next.split) return last;
    this.lastRowActions = next;
    return next;
  }

  /** The fields the target form shows locked (an accepted or active plan's), and why. */
  get lockedFields(): string[] {
    return this.targetForm && this.targetForm.mode === 'edit' ? lockedTargetFields(this.status) : [];
  }

  get lockedNote(): string | null {
    return this.lockedFields.length > 0 ? LABELS.targetFieldsLocked : null;
  }

  get targetFormHeading(): string | null {
    const form = this.targetForm;
    if (!form || form.mode !== 'edit') return null;
    const target = this.targetList.find((t) => t.id === form.targetId);
    return target ? formatLabel(LABELS.editTargetHeading, this.targetName(target)) : null;
  }

  /** The target as the editor names it: metric and fiscal period ("Joint Calls, FY2026 Q2"). */
  protected targetName(target: PlanTarget): string {
    const period = periodLabel(this.planValue, target.periodStart, target.periodEnd, LOCALE);
    return `${metricLabel(this.metrics, target.metric)}, ${period}`;
  }

  get activateStep(): EndStep {
    return activateStep(this.planValue, USER_ID, todayIn(TIME_ZONE));
  }

  get closeStep(): EndStep {
    return closeStep(this.planValue, USER_ID, todayIn(TIME_ZONE));
  }

  get activateDisabled(): boolean {
    return this.actionBlocked(this.activateStep.allowed);
  }

  get closeDisabled(): boolean {
    return this.actionBlocked(this.closeStep.allowed);
  }

  get lifecycleHint(): string | null {
    // Activate and Close say why they wait (the owner, the period's dates), then the general hint.
    const step = this.activateStep.show ? this.activateStep : this.closeStep;
    const stepHint = this.planValue && this.userCanEdit ? step.hint : null;
    const hints = [stepHint, this.generalHint].filter((h): h is string => Boolean(h));
    return hints.length > 0 ? hints.join(' ') : null;
  }

  private get generalHint(): string | null {
    return lifecycleHint({
      plan: this.planValue,
      userCanEdit: this.userCanEdit,
      hasPendingEdits: this.hasPendingEdits,
      canSubmit: canSubmitForReview(this.status),
      canAccept: canMarkAccepted(this.status),
      canRevise: canRevise(this.status),
      targetCount: this.targetList.length,
      truncated: this.isTruncated,
      userId: USER_ID,
    });
  }

  get revisionBanner(): string | null {
    if (this.status !== 'In Revision') return null;
    // Reasons are asked only for baselined targets (Revision_Reason_Required): a plan the partner sent back
    // before it was ever accepted has none.
    if (!this.targetList.some((t) => t.baselineValue !== null)) return LABELS.revisingUnbaselined;
    return this.revisionReason ? formatLabel(LABELS.revisingWithReason, this.revisionReason) : LABELS.revisingNoReason;
  }

  /** The Comments region: a target's thread once one is chosen, else the plan's unless the page shows it. */
  get showCommentsRegion(): boolean {
    return this.commentTarget !== null || !this.hidePlanComments;
  }

  /** The partner's change request, while the plan is in the revision it asked for. */
  get changeRequest(): ChangeRequestView | null {
    return changeRequestView(this.planValue, LOCALE, TIME_ZONE);
  }

  /** Targets whose typed value differs from the saved one. */
  get dirtyTargets(): PlanTarget[] {
    return dirtyTargets(this.targetList, this.drafts);
  }

  get dirtyCount(): number {
    return this.dirtyTargets.length;
  }

  get dirtyText(): string {
    return formatLabel(this.dirtyCount === 1 ? LABELS.oneUnsavedChange : LABELS.unsavedChanges, this.dirtyCount);
  }

  get saveDisabled(): boolean {
    return this.busy || this.dirtyCount === 0;
  }

  /**
   * Tells Lightning Data Service that the plan (and any saved targets) changed on the server, so every view
   * of them refetches: the record page's highlights panel shows the new status and attainment too.
   */
  protected notifySaved(recordIds: string[] = []): Promise<void> {
    const ids = [this.recordId, ...recordIds].filter((id): id is string => Boolean(id));
    return notifyRecordUpdateAvailable(ids.map((recordId) => ({ recordId }))).catch(() => undefined);
  }

  /** The plan's fiscal year and start for the grids, the same object while they are the same. */
  get fiscalPlan(): FiscalPlan | null {
    const plan = this.planValue;
    if (!plan) return null;
    const last = this.lastFiscalPlan;
    if (last && last.fiscalYear === plan.fiscalYear && last.periodStart === plan.periodStart) return last;
    this.lastFiscalPlan = { fiscalYear: plan.fiscalYear, periodStart: plan.periodStart };
    return this.lastFiscalPlan;
  }

  protected patchPlan(patch: Partial<PlanHeader>): void {
    if (this.plan.kind === 'ready') this.plan = { ...this.plan, value: { ...this.plan.value, ...patch } };
  }

  protected sectionTypeLabel(value: string | null): string | null {
    const option = this.sectionTypeOptions.find((o) => o.value === value);
    return option ? option.label : value;
  }

  protected patchSection(id: string, patch: Partial<PlanSection>): void {
    if (this.sections.kind === 'ready') {
      this.sections = {
        ...this.sections,
        value: this.sections.value.map((s) => (s.id === id ? { ...s, ...patch } : s)),
      };
    }
  }

  handleRetry(): void {
    refreshQuery(this.sectionsResult);
    refreshQuery(this.targetsResult);
  }

  protected toast(title: string, message: string, variant: 'success' | 'error' | 'warning' | 'info'): void {
    this.dispatchEvent(new ShowToastEvent({ title, message, variant }));
  }
}
