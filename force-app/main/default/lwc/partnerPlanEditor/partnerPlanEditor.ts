import LightningConfirm from 'lightning/confirm';
import USER_ID from '@salesforce/user/Id';
import {
  activatePlan,
  closePlan,
  createSections,
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
import ConfirmDialog from 'c/confirmDialog';
import { formatLabel, moveItem } from 'c/planInsights';
import PlanTemplateDialog from 'c/planTemplateDialog';
import type { SectionFormField } from 'c/sectionForm';
import { outcomeMessages, parseValue, validateTargetValue } from 'c/targetEdits';
import { LABELS } from './labels';
import TargetActions from './targetActions';

/**
 * The plan record page editor: header with the lifecycle path and actions (c-plan-lifecycle-header: submit,
 * accept, revise, activate, close), the sections in order, a grid of targets per section with inline editing
 * of target values and row actions (c-target-table), the target form for adding and editing (c-target-form),
 * the split dialog (c-target-split-dialog) and the reason dialog (c-reason-dialog). This class orchestrates the
 * lifecycle, value and section writes; targetActions.ts the target form, delete and split; editorState.ts holds
 * the wires, unsaved values and derived view state; the children show and report.
 */
export default class PartnerPlanEditor extends TargetActions {
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
      const saved = outcomes.filter((o) => o.ok).map((o) => o.id);
      if (saved.length > 0) await this.notifySaved(saved);
      const failed = outcomes.length - saved.length;
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
    const confirmed = await this.confirmStep(
      LABELS.acceptTitle,
      formatLabel(LABELS.acceptConfirm, this.targetList.length),
      LABELS.confirmAccept,
    );
    if (!confirmed) {
      this.focusAction('accept');
      return;
    }
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
        await this.notifySaved(targets.map((t) => t.id));
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
    await this.notifySaved();
    // Revise is gone once the plan is in revision: focus the first target to change.
    this.focusAfterRender = () => this.focusTarget();
    this.toast(LABELS.savedTitle, LABELS.revisionStarted, 'success');
  }

  /** Accepted -> Active, by the plan's owner from the period's start, after confirmation. */
  async handleActivate(): Promise<void> {
    const plan = this.planValue;
    if (!plan || this.activateDisabled) return;
    const confirmed = await this.confirmStep(LABELS.activateTitle, LABELS.activateConfirm, LABELS.confirmActivate);
    if (!confirmed) {
      this.focusAction('activate');
      return;
    }
    await this.runPlanAction(activatePlan(plan.id), { status: 'Active' }, LABELS.activated);
  }

  /** Active -> Closed, by the plan's owner after the period's end, after a warning that it becomes read-only. */
  async handleClosePlan(): Promise<void> {
    const plan = this.planValue;
    if (!plan || this.closeDisabled) return;
    // Closing cannot be undone: the button says so by its destructive style, not a warning header.
    const confirmed = await this.confirmStep(
      LABELS.closeTitle,
      LABELS.closeConfirm,
      LABELS.confirmClose,
      'destructive',
    );
    if (!confirmed) {
      this.focusAction('close');
      return;
    }
    if (await this.runPlanAction(closePlan(plan.id), { status: 'Closed' }, LABELS.closed)) {
      this.targetForm = null;
      this.sectionForm = null;
      this.drafts = {};
      this.focusAfterRender = () => this.focusElement('[data-id="closed-notice"]');
    }
  }

  /**
   * Asks before a lifecycle step in c-confirm-dialog: the question as its header and a button named by the
   * step (LightningConfirm offers only a fixed OK). True when confirmed.
   */
  private async confirmStep(
    title: string,
    message: string,
    confirmLabel: string,
    confirmVariant: 'brand' | 'destructive' = 'brand',
  ): Promise<boolean> {
    const result = await ConfirmDialog.open({ label: title, size: 'small', message, confirmLabel, confirmVariant });
    return result === true;
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
        await this.notifySaved();
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
    return this.editable && !this.busy && Boolean(this.planValue && this.planValue.partnerAccountId);
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

  /**
   * Fills the empty plan from a plan template (c-plan-template-dialog: the template of the partner's tier, its
   * sections, and its targets split into quarters or months), then reads the sections and targets again.
   */
  async handleStartFromTemplate(): Promise<void> {
    const plan = this.planValue;
    if (!plan || !plan.partnerAccountId) return;
    const result = (await PlanTemplateDialog.open({
      label: LABELS.startFromTemplate,
      size: 'medium',
      accountId: plan.partnerAccountId,
      planId: plan.id,
    })) as { planId: string } | undefined;
    if (!result) {
      this.focusAfterRender = () => this.focusElement('[data-id="start-template"]');
      return;
    }
    await Promise.all([refreshQuery(this.sectionsResult), refreshQuery(this.targetsResult)]);
    this.toast(LABELS.savedTitle, LABELS.templateApplied, 'success');
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
}
