/**
 * The plan editor's target actions, as a layer between its state (editorState.ts) and the component
 * (partnerPlanEditor.ts): the add and edit form (c-target-form), deleting a target (LightningConfirm) and
 * splitting a year target (c-target-split-dialog), plus the reason dialog that baselined targets need and the
 * focus moves these share. Methods only: the state they change lives in PlanEditorState.
 */
import LightningConfirm from 'lightning/confirm';
import CURRENCY from '@salesforce/i18n/currency';
import LOCALE from '@salesforce/i18n/locale';
import TIME_ZONE from '@salesforce/i18n/timeZone';
import {
  createPlanTarget,
  deleteTargets,
  refreshQuery,
  saveYearSplit,
  updateTarget,
  yearSplitWrites,
  type PlanTarget,
  type TargetChanges,
} from 'c/planData';
import { formatLabel, metricLabel, metricUnit, targetCurrency, todayIn } from 'c/planInsights';
import type { LifecycleAction } from 'c/planLifecycleHeader';
import { standardPlanPeriods } from 'c/planYear';
import ReasonDialog, { type ReasonPurpose, type ReasonSubmit } from 'c/reasonDialog';
import { outcomeMessages } from 'c/targetEdits';
import type { TargetFormField } from 'c/targetForm';
import TargetSplitDialog, { type SplitChoice } from 'c/targetSplitDialog';
import { changeTargetForm, newTargetForm, targetFormMessages } from './editorModel';
import PlanEditorState from './editorState';
import { LABELS } from './labels';
import { editTargetForm, newTargetFields, targetFormChanges } from './targetEditModel';

/** What the editor calls on its children (their public methods). */
type HeaderElement = HTMLElement & { focusAction(action: LifecycleAction): void };
type TableElement = HTMLElement & { focusTarget(targetId?: string): void };
type RowAction = 'edit' | 'delete' | 'split';

export default class TargetActions extends PlanEditorState {
  // -------------------------------------------------------------------------------------------------
  // Focus

  renderedCallback(): void {
    const focus = this.focusAfterRender;
    this.focusAfterRender = null;
    if (focus) focus();
  }

  protected focusElement(selector: string): void {
    const element = this.template?.querySelector<HTMLElement>(selector);
    if (element) element.focus();
  }

  protected focusAction(action: LifecycleAction): void {
    const header = this.template?.querySelector<HeaderElement>('c-plan-lifecycle-header');
    if (header) header.focusAction(action);
  }

  /** Focuses a target's input in its section's grid, or the first target input when none is named. */
  protected focusTarget(targetId?: string): void {
    const target = targetId ? this.targetList.find((t) => t.id === targetId) : undefined;
    const selector = target ? `c-target-table[data-section="${target.sectionId}"]` : 'c-target-table';
    const table = this.template?.querySelector<TableElement>(selector);
    if (table) table.focusTarget(targetId);
  }

  // -------------------------------------------------------------------------------------------------
  // Revision reasons

  /** Asks for the reason targets change; null when the user cancels. */
  protected async askReason(
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
  protected reasonNotNew(reason: string, targets: PlanTarget[]): string | null {
    const target = targets.find((t) => t.revisionReason === reason);
    return target ? formatLabel(LABELS.reasonNotNew, metricLabel(this.metrics, target.metric)) : null;
  }

  /**
   * The reason a change of these targets' values carries: none when no target is baselined; this session's
   * reason when it is new to them; else asked (undefined when the user cancels).
   */
  protected async reasonFor(targets: PlanTarget[]): Promise<string | null | undefined> {
    const baselined = targets.filter((t) => t.baselineValue !== null);
    if (baselined.length === 0) return null;
    if (this.revisionReason && !this.reasonNotNew(this.revisionReason, baselined)) return this.revisionReason;
    const reason = await this.askReason('save', async (r) => this.reasonNotNew(r, baselined), null);
    if (reason === null) return undefined;
    this.revisionReason = reason;
    return reason;
  }

  // -------------------------------------------------------------------------------------------------
  // The target form: adding and editing

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
    const form = this.targetForm;
    this.targetForm = null;
    if (form && form.targetId) this.focusAfterRender = () => this.focusRowAction(form.targetId as string, 'edit');
  }

  get targetFormMessages(): string[] {
    return this.targetForm ? this.targetForm.messages : [];
  }

  get targetFormFieldErrors(): Record<string, string[]> {
    return this.targetForm ? this.targetForm.fieldErrors : {};
  }

  async saveTargetForm(): Promise<void> {
    const form = this.targetForm;
    if (!form) return;
    const messages = targetFormMessages(form);
    if (messages.length > 0) {
      this.targetForm = { ...form, messages };
      return;
    }
    const target = form.targetId ? this.targetList.find((t) => t.id === form.targetId) : undefined;
    let changes: TargetChanges = {};
    if (target) {
      changes = targetFormChanges(form, target, this.status);
      if (Object.keys(changes).length === 0) {
        this.cancelTargetForm();
        return;
      }
      if (changes.targetValue !== undefined) {
        const reason = await this.reasonFor([target]);
        if (reason === undefined) return;
        if (reason) changes = { ...changes, revisionReason: reason };
      }
    }
    this.busy = true;
    try {
      const outcome = target ? await updateTarget(target.id, changes) : await createPlanTarget(newTargetFields(form));
      if (!outcome.ok) {
        // Field errors go on their inputs; the rest in the form's list.
        this.targetForm = { ...form, messages: outcome.messages, fieldErrors: outcome.fieldErrors };
        return;
      }
      this.targetForm = null;
      const name = metricLabel(this.metrics, form.metric as string);
      if (target) {
        this.patchTarget(target.id, { ...changes, targetValue: changes.targetValue ?? target.targetValue });
        this.focusAfterRender = () => this.focusRowAction(target.id, 'edit');
      }
      // The grid shows names of people and accounts: read the targets again.
      await Promise.all([refreshQuery(this.targetsResult), this.notifySaved([outcome.id])]);
      this.toast(LABELS.savedTitle, target ? LABELS.targetSaved : formatLabel(LABELS.targetAdded, name), 'success');
    } finally {
      this.busy = false;
    }
  }

  /** Applies saved changes to a target of the list, and drops its unsaved grid value. */
  private patchTarget(targetId: string, changes: TargetChanges): void {
    if (this.drafts[targetId] !== undefined) {
      const { [targetId]: _saved, ...rest } = this.drafts;
      this.drafts = rest;
    }
    if (this.targets.kind !== 'ready') return;
    const { revisionReason, ...fields } = changes;
    this.targets = {
      ...this.targets,
      value: this.targets.value.map((t) => {
        if (t.id !== targetId) return t;
        return revisionReason ? { ...t, ...fields, revisionReason } : { ...t, ...fields };
      }),
    };
  }

  private focusRowAction(targetId: string, action: RowAction): void {
    for (const table of this.template?.querySelectorAll('c-target-table') ?? []) {
      const button = table.shadowRoot?.querySelector<HTMLElement>(`[data-id="${targetId}"][data-action="${action}"]`);
      if (button) {
        button.focus();
        return;
      }
    }
  }

  // -------------------------------------------------------------------------------------------------
  // Row actions

  async handleTargetAction(event: CustomEvent<{ targetId: string; action: RowAction }>): Promise<void> {
    const target = this.targetList.find((t) => t.id === event.detail.targetId);
    if (!target) return;
    if (event.detail.action === 'edit') this.editTarget(target);
    else if (event.detail.action === 'delete') await this.deleteTarget(target);
    else if (event.detail.action === 'split') await this.splitTarget(target);
  }

  private editTarget(target: PlanTarget): void {
    this.targetForm = editTargetForm(target);
    this.focusAfterRender = () => this.focusElement('c-target-form');
  }

  /**
   * Deletes a target after confirmation. Only offered on Draft and In Revision plans (validation rules do not
   * run on delete: the editor is what keeps an accepted plan's targets). A year target's parts stay, as
   * standalone targets (Parent_Target__c is cleared): the dialog says so.
   */
  private async deleteTarget(target: PlanTarget): Promise<void> {
    if (!this.rowActions.delete) return;
    const name = this.targetName(target);
    const parts = this.targetList.filter((t) => t.parentTargetId === target.id);
    const confirmed = await LightningConfirm.open({
      message: parts.length
        ? formatLabel(LABELS.deleteYearConfirm, name, parts.length)
        : formatLabel(LABELS.deleteConfirm, name),
      label: LABELS.deleteTitle,
      variant: 'header',
      theme: 'warning',
    });
    if (!confirmed) {
      this.focusRowAction(target.id, 'delete');
      return;
    }
    this.busy = true;
    this.pageMessages = [];
    try {
      const [outcome] = await deleteTargets([target.id]);
      if (!outcome.ok) {
        this.pageMessages = outcomeMessages(outcome);
        this.toast(LABELS.actionFailedTitle, this.pageMessages.join(' '), 'error');
        return;
      }
      if (this.targets.kind === 'ready') {
        this.targets = {
          ...this.targets,
          value: this.targets.value
            .filter((t) => t.id !== target.id)
            .map((t) => (t.parentTargetId === target.id ? { ...t, parentTargetId: null } : t)),
        };
      }
      if (this.targetForm && this.targetForm.targetId === target.id) this.targetForm = null;
      const { [target.id]: _deleted, ...drafts } = this.drafts;
      this.drafts = drafts;
      await Promise.all([refreshQuery(this.targetsResult), this.notifySaved()]);
      this.toast(LABELS.savedTitle, formatLabel(LABELS.targetDeleted, name), 'success');
      this.focusAfterRender = () => this.focusElement(`[data-section="${target.sectionId}"] [data-id="section-title"]`);
    } finally {
      this.busy = false;
    }
  }

  /**
   * Splits a year target in c-target-split-dialog. Baselined targets whose values change need a reason, asked
   * first; parts of the other granularity are deleted only once the user confirms (else nothing is saved).
   */
  private async splitTarget(year: PlanTarget): Promise<void> {
    const plan = this.planValue;
    if (!plan || !plan.periodStart || !plan.periodEnd || !this.rowActions.split) return;
    const parts = this.targetList.filter((t) => t.parentTargetId === year.id);
    const reason = await this.reasonFor([year, ...parts]);
    if (reason === undefined) return;
    const submitSplit = async (choice: SplitChoice): Promise<string | null> => {
      const writes = yearSplitWrites({
        year,
        yearValue: choice.yearValue,
        profile: choice.profile,
        parts: choice.parts,
        targets: this.targetList,
        reason,
      });
      if (writes.deletes.length > 0) {
        const confirmed = await LightningConfirm.open({
          message: formatLabel(LABELS.splitDeleteConfirm, writes.deletes.length, this.targetName(year)),
          label: LABELS.splitDeleteTitle,
          variant: 'header',
          theme: 'warning',
        });
        if (!confirmed) return LABELS.splitNotSaved;
      }
      this.busy = true;
      try {
        const outcomes = await saveYearSplit(writes, true);
        await Promise.all([refreshQuery(this.targetsResult), this.notifySaved()]);
        const failed = outcomes.filter((o) => !o.ok);
        return failed.length > 0 ? failed.flatMap(outcomeMessages).join(' ') : null;
      } finally {
        this.busy = false;
      }
    };
    const months = parts.length > 0 && parts.every((t) => t.periodType === 'Month');
    const result = await TargetSplitDialog.open({
      label: LABELS.splitTitle,
      size: 'medium',
      targetLabel: this.targetName(year),
      value: year.targetValue ?? 0,
      unit: metricUnit(this.metrics, year.metric),
      currency: targetCurrency(year, CURRENCY),
      planPeriods: standardPlanPeriods({ start: plan.periodStart, end: plan.periodEnd }),
      periodLabels: this.fiscalPeriods,
      into: months ? 'Month' : 'Quarter',
      profile: year.splitProfile ?? null,
      submitSplit,
    });
    this.focusAfterRender = () => this.focusRowAction(year.id, 'split');
    if (!result) return;
    const choice = result as SplitChoice;
    const { [year.id]: _split, ...drafts } = this.drafts;
    this.drafts = drafts;
    this.toast(
      LABELS.savedTitle,
      formatLabel(LABELS.splitSaved, this.targetName(year), choice.parts.length),
      'success',
    );
  }
}
