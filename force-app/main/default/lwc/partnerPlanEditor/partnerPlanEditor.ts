import LightningConfirm from 'lightning/confirm';
import USER_ID from '@salesforce/user/Id';
import LOCALE from '@salesforce/i18n/locale';
import TIME_ZONE from '@salesforce/i18n/timeZone';
import {
  createSections,
  createTarget,
  markPlanAccepted,
  refreshQuery,
  saveSectionOrder,
  saveTargetEdits,
  snapshotBaselines,
  startRevision,
  submitForPartnerReview,
  updateSection,
  type PlanHeader,
  type PlanTarget,
  type SaveOutcome,
} from 'c/planData';
import { formatLabel, metricLabel, moveItem, templateSections, todayIn } from 'c/planInsights';
import type { LifecycleAction } from 'c/planLifecycleHeader';
import ReasonDialog, { type ReasonPurpose, type ReasonSubmit } from 'c/reasonDialog';
import type { SectionFormField } from 'c/sectionForm';
import { outcomeMessages, parseValue, validateTargetValue } from 'c/targetEdits';
import type { TargetFormField } from 'c/targetForm';
import { changeTargetForm, newTargetForm, targetFormMessages } from './editorModel';
import PlanEditorState from './editorState';
import { LABELS } from './labels';

/** What the editor calls on its children (their public methods). */
type HeaderElement = HTMLElement & { focusAction(action: LifecycleAction): void };
type TableElement = HTMLElement & { focusTarget(targetId?: string): void };

/**
 * The plan record page editor: header with the lifecycle path and actions (c-plan-lifecycle-header), the
 * sections in order, a grid of targets per section with inline editing of target values (c-target-table),
 * the add-target form (c-target-form) and the reason dialog (c-reason-dialog, a LightningModal). This class
 * (with its state in editorState.ts: the wires, unsaved values and derived view state) orchestrates every
 * write; the children show and report.
 */
export default class PartnerPlanEditor extends PlanEditorState {
  /** Focus to move once the next render is done (the element may appear or move in it). */
  private focusAfterRender: (() => void) | null = null;

  // -------------------------------------------------------------------------------------------------
  // Focus

  renderedCallback(): void {
    const focus = this.focusAfterRender;
    this.focusAfterRender = null;
    if (focus) focus();
  }

  private focusElement(selector: string): void {
    const element = this.template?.querySelector<HTMLElement>(selector);
    if (element) element.focus();
  }

  private focusAction(action: LifecycleAction): void {
    const header = this.template?.querySelector<HeaderElement>('c-plan-lifecycle-header');
    if (header) header.focusAction(action);
  }

  /** Focuses a target's input in its section's grid, or the first target input when none is named. */
  private focusTarget(targetId?: string): void {
    const target = targetId ? this.targetList.find((t) => t.id === targetId) : undefined;
    const selector = target ? `c-target-table[data-section="${target.sectionId}"]` : 'c-target-table';
    const table = this.template?.querySelector<TableElement>(selector);
    if (table) table.focusTarget(targetId);
  }

  // -------------------------------------------------------------------------------------------------
  // Target editing

  /** An accepted action suggestion created a target: re-run the targets query (LDS does not on create). */
  handleSuggestionAccepted(): Promise<void> {
    return refreshQuery(this.targetsResult);
  }

  handleDraftChange(event: CustomEvent<{ targetId: string; value: string }>): void {
    const { targetId, value } = event.detail;
    this.drafts = { ...this.drafts, [targetId]: value };
    if (this.targetErrors[targetId]) {
      const { [targetId]: _removed, ...rest } = this.targetErrors;
      this.targetErrors = rest;
    }
  }

  async handleSave(): Promise<void> {
    const invalid = this.dirtyTargets.find((t) => validateTargetValue(this.drafts[t.id]) !== null);
    if (invalid) {
      this.focusTarget(invalid.id);
      this.toast(LABELS.fixErrorsTitle, LABELS.fixErrorsBeforeSave, 'error');
      return;
    }
    const changed = this.dirtyTargets;
    if (changed.length === 0) return;
    const baselined = changed.filter((t) => t.baselineValue !== null);
    if (baselined.length > 0 && (!this.revisionReason || this.reasonNotNew(this.revisionReason, baselined))) {
      // Baselined targets carry the reason they change, a new one each time (Revision_Reason_Required):
      // ask for it, starting blank (the dialog refuses a reason a target already records), then save with it.
      const reason = await this.askReason('save', async (r) => this.reasonNotNew(r, baselined), null);
      this.focusElement('[data-id="save"]');
      if (reason === null) return;
      this.revisionReason = reason;
      await this.handleSave();
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
  // Comments

  /** A target's Comments button: the Comments region shows that target's thread, and takes the focus. */
  handleOpenComments(event: CustomEvent<{ targetId: string; label: string }>): void {
    this.commentTarget = { id: event.detail.targetId, label: event.detail.label };
    this.focusAfterRender = () => this.focusElement('[data-id="comments-region"]');
  }

  handleShowAllComments(): void {
    this.commentTarget = null;
    // Without the plan's thread here the region closes: back to the targets.
    this.focusAfterRender = () =>
      this.focusElement(this.hidePlanComments ? 'c-target-table' : '[data-id="comments-region"]');
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
        this.patchPlan({
          status: 'Accepted',
          version,
          acceptedById: USER_ID,
          acceptedOn: now.toISOString(),
          acceptedByContactId: null,
          acceptedByContactName: null,
        });
        this.revisionReason = null;
        this.toast(LABELS.acceptedTitle, formatLabel(LABELS.accepted, version), 'success');
      } else {
        this.failPlanAction(outcome);
      }
    } finally {
      this.busy = false;
    }
  }

  /** Asks why the targets change, starts the revision with it (the dialog shows a failure), then records it. */
  async handleRevise(): Promise<void> {
    const plan = this.planValue;
    if (!plan) return;
    const reason = await this.askReason('revise', async () => {
      this.busy = true;
      try {
        const outcome = await startRevision(plan.id);
        return outcome.ok ? null : outcomeMessages(outcome).join(' ');
      } finally {
        this.busy = false;
      }
    });
    if (reason === null) {
      this.focusAction('revise');
      return;
    }
    this.revisionReason = reason;
    this.patchPlan({ status: 'In Revision' });
    // Revise is gone once the plan is in revision: focus the first target to change.
    this.focusAfterRender = () => this.focusTarget();
    this.toast(LABELS.savedTitle, LABELS.revisionStarted, 'success');
  }

  /** Asks for the reason targets change; null when the user cancels. */
  private async askReason(
    purpose: ReasonPurpose,
    submitReason?: ReasonSubmit,
    value: string | null = this.revisionReason,
  ): Promise<string | null> {
    const result = await ReasonDialog.open({
      label: purpose === 'save' ? LABELS.reasonForSaveTitle : LABELS.reviseTitle,
      size: 'small',
      purpose,
      value: value ?? '',
      submitReason,
    });
    return typeof result === 'string' ? result : null;
  }

  /**
   * Why a reason cannot go with these baselined targets: the server wants a new reason with each change, so
   * one a target already records is refused (naming that target's metric); null when it can.
   */
  private reasonNotNew(reason: string, targets: PlanTarget[]): string | null {
    const target = targets.find((t) => t.revisionReason === reason);
    return target ? formatLabel(LABELS.reasonNotNew, metricLabel(this.metrics, target.metric)) : null;
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
    this.focusAfterRender = () => this.focusElement('c-section-form');
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
    this.focusAfterRender = () => this.focusElement('c-section-form');
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
      this.focusAfterRender = () => this.focusElement(focus);
    }
  }

  // -------------------------------------------------------------------------------------------------
  // Adding a target

  get targetFormMessages(): string[] {
    return this.targetForm ? this.targetForm.messages : [];
  }

  handleAddTarget(event: Event): void {
    const sectionId = (event.currentTarget as HTMLElement).dataset.id as string;
    this.targetForm = newTargetForm(sectionId, this.planValue, todayIn(TIME_ZONE), LOCALE);
    this.focusAfterRender = () => this.focusElement('c-target-form');
  }

  handleTargetFormChange(event: CustomEvent<{ field: TargetFormField; value: string }>): void {
    if (this.targetForm) {
      this.targetForm = changeTargetForm(this.targetForm, event.detail.field, event.detail.value, this.fiscalPeriods);
    }
  }

  cancelTargetForm(): void {
    this.targetForm = null;
  }

  async saveTargetForm(): Promise<void> {
    const form = this.targetForm;
    if (!form) return;
    const messages = targetFormMessages(form);
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
}
