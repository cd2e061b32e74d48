import { LightningElement, api, wire } from 'lwc';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import LightningConfirm from 'lightning/confirm';
import { getRecord } from 'lightning/uiRecordApi';
import { getObjectInfo, getPicklistValues } from 'lightning/uiObjectInfoApi';
import { graphql } from 'lightning/graphql';
import USER_ID from '@salesforce/user/Id';
import LOCALE from '@salesforce/i18n/locale';
import CURRENCY from '@salesforce/i18n/currency';
import TIME_ZONE from '@salesforce/i18n/timeZone';
import {
  METRIC_CATALOG_QUERY,
  PLAN_FIELDS,
  PLAN_OBJECT,
  PLAN_SECTIONS_QUERY,
  PLAN_STATUS,
  PLAN_TARGETS_QUERY,
  SECTION_OBJECT,
  SECTION_TYPE,
  TARGET_OBJECT,
  TARGET_PERIOD_TYPE,
  createSections,
  createTarget,
  canUpdate,
  defaultRecordTypeId,
  markPlanAccepted,
  readMetrics,
  readPicklist,
  readPlanHeader,
  readSections,
  readTargets,
  refreshQuery,
  saveSectionOrder,
  saveTargetEdits,
  snapshotBaselines,
  startRevision,
  submitForPartnerReview,
  updateSection,
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
import {
  canEditPlan,
  canMarkAccepted,
  canRevise,
  canSubmitForReview,
  formatDateRange,
  formatDateTime,
  formatLabel,
  formatPercent,
  formatValue,
  lifecycleSteps,
  metricLabel,
  metricUnit,
  moveItem,
  periodEndFor,
  templateSections,
  todayIn,
} from 'c/planInsights';
import type { SectionFormField } from 'c/sectionForm';
import { LABELS } from './labels';

const TARGET_VALUE = 'Target_Value__c';
const REVISION_REASON = 'Revision_Reason__c';
const REASON_MAX_LENGTH = 255;

interface SectionForm {
  mode: 'add' | 'edit';
  sectionId: string | null;
  // eslint-disable-next-line no-restricted-globals -- a property signature, not the global
  name: string;
  sectionType: string | null;
  summary: string;
  messages: string[];
}

interface TargetForm {
  sectionId: string;
  metric: string | null;
  periodType: string | null;
  periodStart: string | null;
  periodEnd: string | null;
  targetValue: string;
  messages: string[];
}

interface ReasonDialog {
  /** `revise` starts a revision; `save` asks for the reason a save of baselined targets needs. */
  purpose: 'revise' | 'save';
  value: string;
  error: string | null;
}

const LOADING = { kind: 'loading' } as const;

/** A row of the targets grid, as the template shows it. */
interface TargetRow {
  id: string;
  metricLabel: string;
  periodText: string;
  inputId: string;
  inputLabel: string;
  value: string;
  isDirty: boolean;
  cellClass: string;
  rowClass: string;
  fieldError: string | null;
  errorId: string;
  describedBy: string | undefined;
  ariaInvalid: string | undefined;
  rowMessages: { key: string; message: string }[];
  hasRowMessages: boolean;
  baselineText: string;
  revisionReason: string | null;
  actualText: string;
  attainmentBar: number;
  attainmentText: string;
  attainmentLabel: string;
  paceStatus: string | null;
}

/** A section with its grid, as the template shows it. */
interface SectionView {
  id: string;
  // eslint-disable-next-line no-restricted-globals -- a property signature, not the global
  name: string;
  headingId: string;
  typeLabel: string;
  summary: string | null;
  attainmentText: string;
  moveUpLabel: string;
  moveDownLabel: string;
  editLabel: string;
  addTargetLabel: string;
  upFocus: string;
  downFocus: string;
  upDisabled: boolean;
  downDisabled: boolean;
  isEditing: boolean;
  isAddingTarget: boolean;
  hasTargets: boolean;
  targets: TargetRow[];
}

/**
 * The plan record page editor: header with the lifecycle path and actions, the sections in order, and a
 * grid of targets per section with inline editing of target values.
 */
export default class PartnerPlanEditor extends LightningElement {
  @api recordId: string | undefined;
  @api objectApiName: string | undefined;

  labels = LABELS;

  plan: Loadable<PlanHeader> = LOADING;
  sections: Loadable<PlanSection[]> = LOADING;
  targets: Loadable<PlanTarget[]> = LOADING;
  metrics: Metric[] = [];
  statusOptions: PicklistOption[] = [];
  sectionTypeOptions: PicklistOption[] = [];
  periodTypeOptions: PicklistOption[] = [];
  planRecordTypeId: string | undefined;
  sectionRecordTypeId: string | undefined;
  targetRecordTypeId: string | undefined;
  mayEditPlan = false;
  mayEditSections = false;
  mayEditTargets = false;
  sectionsResult: GraphQLResult | undefined;
  targetsResult: GraphQLResult | undefined;

  /** Unsaved target values as typed, by target Id. */
  drafts: Record<string, string> = {};
  /** What the server said about targets whose save failed, by target Id. */
  targetErrors: Record<string, SaveOutcome> = {};
  /** Messages of the last failed lifecycle or section action. */
  pageMessages: string[] = [];
  busy = false;
  /** The reason given when the revision started (this session); written on each changed baselined target. */
  revisionReason: string | null = null;
  reasonDialog: ReasonDialog | null = null;
  sectionForm: SectionForm | null = null;
  targetForm: TargetForm | null = null;
  private focusSelector: string | null = null;
  /** Where focus goes back to when the reason dialog closes. */
  private dialogReturnFocus: string | null = null;
  private readonly beforeUnload = (event: BeforeUnloadEvent): void => {
    if (this.dirtyCount > 0) {
      event.preventDefault();
      event.returnValue = '';
    }
  };

  // -------------------------------------------------------------------------------------------------
  // Data

  @wire(getRecord, { recordId: '$recordId', fields: PLAN_FIELDS })
  wiredPlan(result: WireResult<RecordRepresentation>): void {
    this.plan = readPlanHeader(result);
  }

  @wire(graphql, { query: PLAN_SECTIONS_QUERY, variables: '$planVariables' })
  wiredSections(result: GraphQLResult): void {
    this.sectionsResult = result;
    this.sections = readSections(result);
  }

  @wire(graphql, { query: PLAN_TARGETS_QUERY, variables: '$planVariables' })
  wiredTargets(result: GraphQLResult): void {
    this.targetsResult = result;
    this.targets = readTargets(result);
  }

  @wire(graphql, { query: METRIC_CATALOG_QUERY })
  wiredMetrics(result: GraphQLResult): void {
    const metrics = readMetrics(result);
    this.metrics = metrics.kind === 'ready' ? metrics.value : [];
  }

  @wire(getObjectInfo, { objectApiName: PLAN_OBJECT })
  wiredPlanInfo(result: WireResult<ObjectInfoRepresentation>): void {
    this.planRecordTypeId = defaultRecordTypeId(result);
    this.mayEditPlan = canUpdate(result, ['Status__c']);
  }

  @wire(getObjectInfo, { objectApiName: SECTION_OBJECT })
  wiredSectionInfo(result: WireResult<ObjectInfoRepresentation>): void {
    this.sectionRecordTypeId = defaultRecordTypeId(result);
    this.mayEditSections = canUpdate(result, ['Summary__c']);
  }

  @wire(getObjectInfo, { objectApiName: TARGET_OBJECT })
  wiredTargetInfo(result: WireResult<ObjectInfoRepresentation>): void {
    this.targetRecordTypeId = defaultRecordTypeId(result);
    this.mayEditTargets = canUpdate(result, ['Target_Value__c']);
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

  renderedCallback(): void {
    if (this.focusSelector && this.template) {
      const element = this.template.querySelector<HTMLElement>(this.focusSelector);
      this.focusSelector = null;
      if (element) element.focus();
    }
  }

  // -------------------------------------------------------------------------------------------------
  // States

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
    return (
      !this.loadError &&
      (this.plan.kind === 'loading' || this.sections.kind === 'loading' || this.targets.kind === 'loading')
    );
  }

  get loadError(): string | null {
    for (const state of [this.plan, this.sections, this.targets]) if (state.kind === 'error') return state.message;
    return null;
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

  get hasPageMessages(): boolean {
    return this.pageMessages.length > 0;
  }

  // -------------------------------------------------------------------------------------------------
  // Header

  private statusLabel(status: string | null): string {
    if (!status) return '';
    const option = this.statusOptions.find((o) => o.value === status);
    return option ? option.label : status;
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
    return this.statusLabel(this.status);
  }

  get versionText(): string {
    return this.planValue && this.planValue.version !== null
      ? formatLabel(LABELS.versionValue, this.planValue.version)
      : '—';
  }

  get acceptedText(): string | null {
    const plan = this.planValue;
    if (!plan || !plan.acceptedOn) return null;
    return formatLabel(
      LABELS.acceptedByOn,
      plan.acceptedByName ?? '—',
      formatDateTime(plan.acceptedOn, LOCALE, TIME_ZONE),
    );
  }

  get overallAttainmentText(): string {
    return formatPercent(this.planValue ? this.planValue.overallAttainment : null, LOCALE);
  }

  get overallAttainmentBar(): number {
    return barValue(this.planValue ? this.planValue.overallAttainment : null);
  }

  get pathSteps(): { value: string; label: string }[] {
    return lifecycleSteps(this.status).map((s) => ({ value: s, label: this.statusLabel(s) }));
  }

  get currentStep(): string {
    return this.status ?? 'Draft';
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

  get showSubmit(): boolean {
    return canSubmitForReview(this.status);
  }

  get showAccept(): boolean {
    return canMarkAccepted(this.status);
  }

  get showRevise(): boolean {
    return canRevise(this.status);
  }

  get lifecycleHint(): string | null {
    if (this.planValue && !this.userCanEdit) return LABELS.readOnlyAccess;
    if (this.hasPendingEdits && (this.showSubmit || this.showAccept || this.showRevise))
      return LABELS.saveBeforeLifecycle;
    if (this.showSubmit && this.targetList.length === 0) return LABELS.submitNeedsTargets;
    if (this.showAccept && this.isTruncated) return LABELS.tooManyTargets;
    if (!this.editable && this.status !== 'Closed') return LABELS.lockedHint;
    return null;
  }

  get revisionBanner(): string | null {
    if (this.status !== 'In Revision') return null;
    return this.revisionReason ? formatLabel(LABELS.revisingWithReason, this.revisionReason) : LABELS.revisingNoReason;
  }

  // -------------------------------------------------------------------------------------------------
  // Sections and targets view model

  get sectionViews(): SectionView[] {
    const sections = this.sectionList;
    const last = sections.length - 1;
    return sections.map((section, index) => {
      const targets = this.targetList.filter((t) => t.sectionId === section.id);
      const editing = this.sectionForm && this.sectionForm.mode === 'edit' && this.sectionForm.sectionId === section.id;
      const addingTarget = this.targetForm !== null && this.targetForm.sectionId === section.id;
      return {
        id: section.id,
        name: section.name,
        headingId: `section-heading-${section.id}`,
        typeLabel: section.sectionTypeLabel ?? section.sectionType ?? '',
        summary: section.summary,
        attainmentText: formatLabel(LABELS.sectionAttainment, formatPercent(section.weightedAttainment, LOCALE)),
        moveUpLabel: formatLabel(LABELS.moveSectionUp, section.name),
        moveDownLabel: formatLabel(LABELS.moveSectionDown, section.name),
        editLabel: formatLabel(LABELS.editSectionNamed, section.name),
        addTargetLabel: formatLabel(LABELS.addTargetTo, section.name),
        upFocus: `up-${section.id}`,
        downFocus: `down-${section.id}`,
        upDisabled: this.readOnly || index === 0,
        downDisabled: this.readOnly || index === last,
        isEditing: Boolean(editing),
        isAddingTarget: addingTarget,
        hasTargets: targets.length > 0,
        targets: targets.map((t) => this.targetRow(t)),
      };
    });
  }

  private targetRow(t: PlanTarget): TargetRow {
    const unit = metricUnit(this.metrics, t.metric);
    const metric = metricLabel(this.metrics, t.metric);
    const draft = this.drafts[t.id];
    const outcome = this.targetErrors[t.id];
    const validation = draft !== undefined ? validateTargetValue(draft) : null;
    const fieldMessages = validation
      ? [validation]
      : outcome
        ? [...(outcome.fieldErrors[TARGET_VALUE] ?? []), ...(outcome.fieldErrors[REVISION_REASON] ?? [])]
        : [];
    const otherMessages = outcome
      ? [
          ...outcome.messages,
          ...Object.entries(outcome.fieldErrors)
            .filter(([field]) => field !== TARGET_VALUE && field !== REVISION_REASON)
            .flatMap(([, messages]) => messages),
        ]
      : [];
    const fieldError = fieldMessages.length > 0 ? fieldMessages.join(' ') : null;
    const errorId = `target-error-${t.id}`;
    const period = formatDateRange(t.periodStart, t.periodEnd, LOCALE);
    return {
      id: t.id,
      metricLabel: metric,
      periodText: t.periodTypeLabel ? `${t.periodTypeLabel} · ${period}` : period,
      inputId: `target-input-${t.id}`,
      inputLabel: formatLabel(LABELS.targetValueFor, metric, period),
      value: draft !== undefined ? draft : t.targetValue === null ? '' : String(t.targetValue),
      isDirty: draft !== undefined && isChanged(draft, t.targetValue),
      cellClass: fieldError ? 'slds-form-element slds-has-error' : 'slds-form-element',
      rowClass:
        fieldError || otherMessages.length > 0 ? 'slds-hint-parent slds-theme_alert-texture' : 'slds-hint-parent',
      fieldError,
      errorId,
      describedBy: fieldError ? errorId : undefined,
      ariaInvalid: fieldError ? 'true' : undefined,
      rowMessages: otherMessages.map((message, i) => ({ key: `${t.id}-${i}`, message })),
      hasRowMessages: otherMessages.length > 0,
      baselineText: formatValue(t.baselineValue, unit, LOCALE, CURRENCY),
      revisionReason: t.revisionReason,
      actualText: formatValue(t.actualValue, unit, LOCALE, CURRENCY),
      attainmentBar: barValue(t.attainment),
      attainmentText: formatPercent(t.attainment, LOCALE),
      attainmentLabel: formatLabel(LABELS.attainmentOf, metric),
      paceStatus: t.paceStatus,
    };
  }

  /** Targets whose typed value differs from the saved one. */
  get dirtyTargets(): PlanTarget[] {
    return this.targetList.filter(
      (t) => this.drafts[t.id] !== undefined && isChanged(this.drafts[t.id], t.targetValue),
    );
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

  // -------------------------------------------------------------------------------------------------
  // Target editing

  handleTargetInput(event: Event): void {
    const input = event.target as HTMLInputElement;
    const id = input.dataset.id as string;
    this.drafts = { ...this.drafts, [id]: input.value };
    if (this.targetErrors[id]) {
      const { [id]: _removed, ...rest } = this.targetErrors;
      this.targetErrors = rest;
    }
  }

  async handleSave(): Promise<void> {
    const invalid = this.dirtyTargets.find((t) => validateTargetValue(this.drafts[t.id]) !== null);
    if (invalid) {
      this.focusSelector = `input[data-id="${invalid.id}"]`;
      this.toast(LABELS.fixErrorsTitle, LABELS.fixErrorsBeforeSave, 'error');
      return;
    }
    const changed = this.dirtyTargets;
    if (changed.length === 0) return;
    if (changed.some((t) => t.baselineValue !== null) && !this.revisionReason) {
      this.openReasonDialog('save');
      return;
    }
    this.busy = true;
    const reason = this.revisionReason ?? undefined;
    const edits = changed.map((t) => ({
      targetId: t.id,
      targetValue: parseValue(this.drafts[t.id]),
      revisionReason: t.baselineValue !== null ? reason : undefined,
    }));
    try {
      const outcomes = await saveTargetEdits(edits);
      const patches: Record<string, Partial<PlanTarget>> = {};
      for (const edit of edits) {
        patches[edit.targetId] = edit.revisionReason
          ? { targetValue: edit.targetValue, revisionReason: edit.revisionReason }
          : { targetValue: edit.targetValue };
      }
      this.applyTargetOutcomes(outcomes, patches);
      const failed = outcomes.filter((o) => !o.ok).length;
      if (failed === 0) {
        const message = outcomes.length === 1 ? LABELS.targetSaved : formatLabel(LABELS.targetsSaved, outcomes.length);
        this.toast(LABELS.savedTitle, message, 'success');
      } else {
        this.toast(LABELS.saveFailedTitle, formatLabel(LABELS.targetsNotSaved, failed, outcomes.length), 'error');
      }
    } finally {
      this.busy = false;
    }
  }

  /** Keeps the drafts and errors of failed records; patches (by target Id) and clears the saved ones. */
  private applyTargetOutcomes(outcomes: SaveOutcome[], patches: Record<string, Partial<PlanTarget>>): void {
    const saved = new Set(outcomes.filter((o) => o.ok).map((o) => o.id));
    const drafts = { ...this.drafts };
    const errors = { ...this.targetErrors };
    for (const outcome of outcomes) {
      if (outcome.ok) {
        delete drafts[outcome.id];
        delete errors[outcome.id];
      } else {
        errors[outcome.id] = outcome;
      }
    }
    this.drafts = drafts;
    this.targetErrors = errors;
    if (this.targets.kind === 'ready' && saved.size > 0) {
      this.targets = {
        ...this.targets,
        value: this.targets.value.map((t) => (saved.has(t.id) ? { ...t, ...patches[t.id] } : t)),
      };
    }
  }

  async handleDiscard(): Promise<void> {
    const confirmed = await LightningConfirm.open({
      message: formatLabel(LABELS.discardConfirm, this.dirtyCount),
      label: LABELS.discardTitle,
      variant: 'header',
      theme: 'warning',
    });
    if (!confirmed) return;
    this.drafts = {};
    this.targetErrors = {};
  }

  // -------------------------------------------------------------------------------------------------
  // Lifecycle

  async handleSubmit(): Promise<void> {
    const plan = this.planValue;
    if (!plan) return;
    this.busy = true;
    await this.runPlanAction(submitForPartnerReview(plan.id), { status: 'Partner Review' }, LABELS.submitted);
  }

  async handleAccept(): Promise<void> {
    const plan = this.planValue;
    if (!plan) return;
    const confirmed = await LightningConfirm.open({
      message: formatLabel(LABELS.acceptConfirm, this.targetList.length),
      label: LABELS.acceptTitle,
      variant: 'header',
    });
    if (!confirmed) return;
    this.busy = true;
    this.pageMessages = [];
    try {
      const targets = this.targetList;
      const baselines = await snapshotBaselines(targets);
      const patches: Record<string, Partial<PlanTarget>> = {};
      for (const t of targets) patches[t.id] = { baselineValue: t.targetValue };
      this.applyTargetOutcomes(baselines, patches);
      const failed = baselines.filter((o) => !o.ok).length;
      if (failed > 0) {
        this.pageMessages = [formatLabel(LABELS.baselinesFailed, failed)];
        this.toast(LABELS.acceptFailedTitle, formatLabel(LABELS.baselinesFailed, failed), 'error');
        return;
      }
      const now = new Date();
      const outcome = await markPlanAccepted(plan, USER_ID, now);
      if (outcome.ok) {
        const version = (plan.version ?? 0) + 1;
        this.patchPlan({ status: 'Accepted', version, acceptedById: USER_ID, acceptedOn: now.toISOString() });
        this.revisionReason = null;
        this.toast(LABELS.acceptedTitle, formatLabel(LABELS.accepted, version), 'success');
      } else {
        this.failPlanAction(outcome);
      }
    } finally {
      this.busy = false;
    }
  }

  handleRevise(): void {
    this.openReasonDialog('revise');
  }

  /** Waits for a plan write started by the caller, then patches the header or shows the errors. */
  private async runPlanAction(
    write: Promise<SaveOutcome>,
    patch: Partial<PlanHeader>,
    successMessage: string,
  ): Promise<boolean> {
    this.busy = true;
    this.pageMessages = [];
    try {
      const outcome = await write;
      if (outcome.ok) {
        this.patchPlan(patch);
        this.toast(LABELS.savedTitle, successMessage, 'success');
        return true;
      }
      this.failPlanAction(outcome);
      return false;
    } finally {
      this.busy = false;
    }
  }

  private failPlanAction(outcome: SaveOutcome): void {
    this.pageMessages = [...outcome.messages, ...Object.values(outcome.fieldErrors).flat()];
    this.toast(LABELS.actionFailedTitle, this.pageMessages.join(' '), 'error');
  }

  private patchPlan(patch: Partial<PlanHeader>): void {
    if (this.plan.kind === 'ready') this.plan = { ...this.plan, value: { ...this.plan.value, ...patch } };
  }

  // -------------------------------------------------------------------------------------------------
  // Reason dialog (Revise, or a save of baselined targets without a reason yet)

  get dialogOpen(): boolean {
    return this.reasonDialog !== null;
  }

  get dialogTitle(): string {
    return this.reasonDialog && this.reasonDialog.purpose === 'save' ? LABELS.reasonForSaveTitle : LABELS.reviseTitle;
  }

  get dialogHelp(): string {
    return this.reasonDialog && this.reasonDialog.purpose === 'save' ? LABELS.reasonForSaveHelp : LABELS.reviseHelp;
  }

  get dialogConfirmLabel(): string {
    return this.reasonDialog && this.reasonDialog.purpose === 'save' ? LABELS.saveWithReason : LABELS.startRevision;
  }

  get dialogValue(): string {
    return this.reasonDialog ? this.reasonDialog.value : '';
  }

  get dialogError(): string | null {
    return this.reasonDialog ? this.reasonDialog.error : null;
  }

  get reasonMaxLength(): number {
    return REASON_MAX_LENGTH;
  }

  private openReasonDialog(purpose: ReasonDialog['purpose']): void {
    this.reasonDialog = { purpose, value: this.revisionReason ?? '', error: null };
    this.dialogReturnFocus = purpose === 'save' ? '[data-id="save"]' : '[data-id="revise"]';
    this.focusSelector = '[data-id="reason-input"]';
  }

  /** Keeps keyboard focus in the dialog: tabbing past either end wraps to the other. */
  focusDialogStart(): void {
    this.focusNow('[data-id="reason-input"]');
  }

  focusDialogEnd(): void {
    this.focusNow('[data-id="reason-confirm"]');
  }

  private focusNow(selector: string): void {
    const element = this.template ? this.template.querySelector<HTMLElement>(selector) : null;
    if (element) element.focus();
  }

  handleReasonChange(event: CustomEvent<{ value: string }>): void {
    if (this.reasonDialog) this.reasonDialog = { ...this.reasonDialog, value: event.detail.value, error: null };
  }

  handleDialogKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape') this.closeReasonDialog();
  }

  closeReasonDialog(): void {
    this.reasonDialog = null;
    this.focusSelector = this.dialogReturnFocus;
  }

  async confirmReasonDialog(): Promise<void> {
    const dialog = this.reasonDialog;
    const plan = this.planValue;
    if (!dialog || !plan) return;
    const reason = dialog.value.trim();
    if (!reason) {
      this.reasonDialog = { ...dialog, error: LABELS.reasonRequired };
      return;
    }
    if (dialog.purpose === 'save') {
      this.revisionReason = reason;
      this.closeReasonDialog();
      await this.handleSave();
      return;
    }
    this.busy = true;
    try {
      const outcome = await startRevision(plan.id);
      if (outcome.ok) {
        this.revisionReason = reason;
        this.patchPlan({ status: 'In Revision' });
        // Revise is gone once the plan is in revision: focus the first target to change.
        this.reasonDialog = null;
        this.focusSelector = 'input.target-input';
        this.toast(LABELS.savedTitle, LABELS.revisionStarted, 'success');
      } else {
        this.reasonDialog = {
          ...dialog,
          error: [...outcome.messages, ...Object.values(outcome.fieldErrors).flat()].join(' '),
        };
      }
    } finally {
      this.busy = false;
    }
  }

  // -------------------------------------------------------------------------------------------------
  // Sections

  get canStartFromTemplate(): boolean {
    return this.editable && !this.busy && this.sectionTypeOptions.length > 0;
  }

  get templateDisabled(): boolean {
    return !this.canStartFromTemplate;
  }

  get addSectionDisabled(): boolean {
    return this.readOnly;
  }

  get isAddingSection(): boolean {
    return this.sectionForm !== null && this.sectionForm.mode === 'add';
  }

  get sectionFormName(): string {
    return this.sectionForm ? this.sectionForm.name : '';
  }

  get sectionFormType(): string | null {
    return this.sectionForm ? this.sectionForm.sectionType : null;
  }

  get sectionFormSummary(): string {
    return this.sectionForm ? this.sectionForm.summary : '';
  }

  get sectionFormMessages(): string[] {
    return this.sectionForm ? this.sectionForm.messages : [];
  }

  get hasSectionFormMessages(): boolean {
    return this.sectionFormMessages.length > 0;
  }

  async handleStartFromTemplate(): Promise<void> {
    const plan = this.planValue;
    if (!plan) return;
    const specs = templateSections(this.sectionTypeOptions);
    this.busy = true;
    this.pageMessages = [];
    try {
      const outcomes = await createSections(plan.id, specs);
      const failed = outcomes
        .map((o, i) => ({ o, name: specs[i].name }))
        .filter(({ o }) => !o.ok)
        .map(({ o, name }) => `${name}: ${[...o.messages, ...Object.values(o.fieldErrors).flat()].join(' ')}`);
      await refreshQuery(this.sectionsResult);
      if (failed.length === 0) {
        this.toast(LABELS.savedTitle, formatLabel(LABELS.sectionsCreated, outcomes.length), 'success');
      } else {
        this.pageMessages = failed;
        this.toast(
          LABELS.actionFailedTitle,
          formatLabel(LABELS.sectionsNotCreated, failed.length, outcomes.length),
          'error',
        );
      }
    } finally {
      this.busy = false;
    }
  }

  handleAddSection(): void {
    this.sectionForm = { mode: 'add', sectionId: null, name: '', sectionType: 'Custom', summary: '', messages: [] };
    this.focusSelector = 'c-section-form';
  }

  handleEditSection(event: Event): void {
    const id = (event.currentTarget as HTMLElement).dataset.id;
    const section = this.sectionList.find((s) => s.id === id);
    if (!section) return;
    this.sectionForm = {
      mode: 'edit',
      sectionId: section.id,
      name: section.name,
      sectionType: section.sectionType,
      summary: section.summary ?? '',
      messages: [],
    };
    this.focusSelector = 'c-section-form';
  }

  handleSectionFormChange(event: CustomEvent<{ field: SectionFormField; value: string }>): void {
    if (!this.sectionForm) return;
    this.sectionForm = { ...this.sectionForm, [event.detail.field]: event.detail.value, messages: [] };
  }

  cancelSectionForm(): void {
    this.sectionForm = null;
  }

  async saveSectionForm(): Promise<void> {
    const form = this.sectionForm;
    const plan = this.planValue;
    if (!form || !plan) return;
    const name = form.name.trim();
    if (!name) {
      this.sectionForm = { ...form, messages: [LABELS.sectionNameRequired] };
      return;
    }
    const input = { name, sectionType: form.sectionType, summary: form.summary.trim() || null };
    this.busy = true;
    try {
      if (form.mode === 'add') {
        const maxOrder = Math.max(0, ...this.sectionList.map((s) => s.sortOrder ?? 0));
        const [outcome] = await createSections(plan.id, [{ ...input, sortOrder: maxOrder + 10 }]);
        if (!outcome.ok) {
          this.sectionForm = { ...form, messages: outcomeMessages(outcome) };
          return;
        }
        await refreshQuery(this.sectionsResult);
        this.toast(LABELS.savedTitle, formatLabel(LABELS.sectionAdded, name), 'success');
      } else {
        const outcome = await updateSection(form.sectionId as string, input);
        if (!outcome.ok) {
          this.sectionForm = { ...form, messages: outcomeMessages(outcome) };
          return;
        }
        this.patchSection(form.sectionId as string, {
          name,
          sectionType: input.sectionType,
          sectionTypeLabel: this.sectionTypeLabel(input.sectionType),
          summary: input.summary,
        });
        this.toast(LABELS.savedTitle, formatLabel(LABELS.sectionSaved, name), 'success');
      }
      this.sectionForm = null;
    } finally {
      this.busy = false;
    }
  }

  private sectionTypeLabel(value: string | null): string | null {
    const option = this.sectionTypeOptions.find((o) => o.value === value);
    return option ? option.label : value;
  }

  private patchSection(id: string, patch: Partial<PlanSection>): void {
    if (this.sections.kind === 'ready') {
      this.sections = {
        ...this.sections,
        value: this.sections.value.map((s) => (s.id === id ? { ...s, ...patch } : s)),
      };
    }
  }

  async handleMoveSection(event: Event): Promise<void> {
    const button = event.currentTarget as HTMLElement;
    const id = button.dataset.id as string;
    const delta = Number(button.dataset.delta);
    if (this.sections.kind !== 'ready') return;
    const before = this.sections;
    const index = before.value.findIndex((s) => s.id === id);
    const moved = moveItem(before.value, index, delta);
    this.sections = { ...before, value: moved };
    const newIndex = moved.findIndex((s) => s.id === id);
    const edge = delta < 0 ? newIndex === 0 : newIndex === moved.length - 1;
    // Keep focus on the button just used, or on the other one once the section reaches an end.
    const focus = `[data-focus="${delta < 0 !== edge ? 'up' : 'down'}-${id}"]`;
    this.busy = true;
    this.pageMessages = [];
    try {
      const outcomes = await saveSectionOrder(moved);
      const failed = outcomes.filter((o) => !o.ok);
      if (failed.length > 0) {
        this.sections = before;
        this.pageMessages = failed.flatMap(outcomeMessages);
        this.toast(LABELS.actionFailedTitle, LABELS.reorderFailed, 'error');
      } else if (this.sections.kind === 'ready') {
        this.sections = { ...this.sections, value: moved.map((s, i) => ({ ...s, sortOrder: (i + 1) * 10 })) };
      }
    } finally {
      this.busy = false;
      this.focusSelector = focus;
    }
  }

  // -------------------------------------------------------------------------------------------------
  // Adding a target

  get metricOptions(): PicklistOption[] {
    return this.metrics
      .filter((m) => m.active)
      .map((m) => ({ value: m.name, label: m.category ? `${m.label} (${m.category})` : m.label }));
  }

  get targetFormValues(): TargetForm | null {
    return this.targetForm;
  }

  get targetFormMessages(): string[] {
    return this.targetForm ? this.targetForm.messages : [];
  }

  get hasTargetFormMessages(): boolean {
    return this.targetFormMessages.length > 0;
  }

  handleAddTarget(event: Event): void {
    const sectionId = (event.currentTarget as HTMLElement).dataset.id as string;
    const plan = this.planValue;
    const periodType = 'Quarter';
    const today = todayIn(TIME_ZONE);
    const inPlan = plan && plan.periodStart && plan.periodEnd && plan.periodStart <= today && today <= plan.periodEnd;
    const start = inPlan ? quarterStart(today) : (plan && plan.periodStart) || quarterStart(today);
    this.targetForm = {
      sectionId,
      metric: null,
      periodType,
      periodStart: start,
      periodEnd: periodEndFor(start, periodType),
      targetValue: '',
      messages: [],
    };
    this.focusSelector = '[data-id="target-metric"]';
  }

  handleTargetFormChange(event: CustomEvent<{ value: string }>): void {
    const form = this.targetForm;
    if (!form) return;
    const field = (event.target as HTMLElement).dataset.field as keyof TargetForm;
    const next: TargetForm = { ...form, [field]: event.detail.value, messages: [] };
    if ((field === 'periodType' || field === 'periodStart') && next.periodStart && next.periodType) {
      next.periodEnd = periodEndFor(next.periodStart, next.periodType);
    }
    this.targetForm = next;
  }

  cancelTargetForm(): void {
    this.targetForm = null;
  }

  async saveTargetForm(): Promise<void> {
    const form = this.targetForm;
    if (!form) return;
    const messages: string[] = [];
    if (!form.metric) messages.push(LABELS.metricRequired);
    if (!form.periodStart || !form.periodEnd) messages.push(LABELS.periodRequired);
    const valueError =
      form.targetValue.trim() === '' ? LABELS.targetValueRequired : validateTargetValue(form.targetValue);
    if (valueError) messages.push(valueError);
    if (messages.length > 0) {
      this.targetForm = { ...form, messages };
      return;
    }
    this.busy = true;
    try {
      const outcome = await createTarget({
        sectionId: form.sectionId,
        metric: form.metric as string,
        periodType: form.periodType,
        periodStart: form.periodStart as string,
        periodEnd: form.periodEnd as string,
        targetValue: parseValue(form.targetValue) as number,
      });
      if (!outcome.ok) {
        this.targetForm = { ...form, messages: outcomeMessages(outcome) };
        return;
      }
      this.targetForm = null;
      await refreshQuery(this.targetsResult);
      this.toast(
        LABELS.savedTitle,
        formatLabel(LABELS.targetAdded, metricLabel(this.metrics, form.metric as string)),
        'success',
      );
    } finally {
      this.busy = false;
    }
  }

  // -------------------------------------------------------------------------------------------------

  handleRetry(): void {
    refreshQuery(this.sectionsResult);
    refreshQuery(this.targetsResult);
  }

  private toast(title: string, message: string, variant: 'success' | 'error' | 'warning' | 'info'): void {
    this.dispatchEvent(new ShowToastEvent({ title, message, variant }));
  }
}

/** Percent points for lightning-progress-bar (0-100). */
function barValue(percent: number | null): number {
  return percent === null ? 0 : Math.max(0, Math.min(100, percent));
}

function parseValue(text: string): number | null {
  return text.trim() === '' ? null : Number(text);
}

function isChanged(draft: string, saved: number | null): boolean {
  return parseValue(draft) !== saved;
}

/** Client-side checks before the server's: a number, not negative. */
function validateTargetValue(text: string): string | null {
  if (text.trim() === '') return LABELS.targetValueRequired;
  const value = Number(text);
  if (!Number.isFinite(value)) return LABELS.enterNumber;
  if (value < 0) return LABELS.notNegative;
  return null;
}

function outcomeMessages(outcome: SaveOutcome): string[] {
  return [...outcome.messages, ...Object.values(outcome.fieldErrors).flat()];
}

function quarterStart(iso: string): string {
  const [y, m] = iso.split('-').map(Number);
  const month = Math.floor((m - 1) / 3) * 3 + 1;
  return `${y}-${String(month).padStart(2, '0')}-01`;
}
