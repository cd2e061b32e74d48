import { LightningElement, api } from 'lwc';
import CURRENCY from '@salesforce/i18n/currency';
import LOCALE from '@salesforce/i18n/locale';
import TIME_ZONE from '@salesforce/i18n/timeZone';
import type { Metric, PlanTarget } from 'c/planData';
import {
  catalogSemantics,
  fiscalPeriodOf,
  formatDateRange,
  formatLabel,
  formatValue,
  metricLabel,
  metricUnit,
  targetFigureTexts,
  todayIn,
  type FiscalPlan,
  type SemanticsByMetric,
} from 'c/planInsights';
import { barValue, validateTargetValue, type TargetDrafts, type TargetErrors } from 'c/targetEdits';
import { LABELS } from './labels';

const TARGET_VALUE = 'Target_Value__c';
const REVISION_REASON = 'Revision_Reason__c';

/** A row of the grid, as the template shows it. */
interface TargetRow {
  id: string;
  metricLabel: string;
  /** The metric's help text: the name's tooltip, and read to screen readers after the name. */
  metricHelp: string | null;
  periodText: string;
  /** The dates under a fiscal period label; null when the period reads as its dates. */
  periodDates: string | null;
  inputId: string;
  inputLabel: string;
  value: string;
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
  /** Not started: actual and attainment read as an em dash, with "Not started" for screen readers. */
  notStarted: boolean;
  actualWithheld: boolean;
  started: boolean;
  paceStatus: string | null;
  /** The target as its comment thread names it ("Joint Calls, FY2026 Q2"), and the Comments button's label. */
  commentsContext: string;
  commentsLabel: string;
  /** Who is accountable, the customer account and the weight, compactly ("AE Avery Ellis · Contoso · Weight 2"). */
  detailsText: string | null;
  /** A year target whose parts do not add up to it: "Quarters total $X; the year target is $Y". */
  splitWarning: string | null;
  canEdit: boolean;
  canDelete: boolean;
  canSplit: boolean;
  editLabel: string;
  deleteLabel: string;
  splitLabel: string;
}

/** The row actions the owner allows (c-partner-plan-editor decides them from the plan's status). */
export interface TargetRowActions {
  edit: boolean;
  delete: boolean;
  split: boolean;
}

const NO_ACTIONS: TargetRowActions = { edit: false, delete: false, split: false };

/**
 * The targets of one plan section as a grid: metric, fiscal period, an input for the target value, baseline
 * (with the revision reason), actual, attainment and pace; values in the target's currency (the plan's). The owner keeps the unsaved values (`drafts`)
 * and the errors of the last save; the grid shows each row's state (a value that is not a valid target,
 * a server field error linked to its input, other messages of the row) and fires `draftchange` with
 * `{ targetId, value }` as the user types.
 */
export default class TargetTable extends LightningElement {
  /** The accessible name of the grid (the section's name). */
  @api label = '';
  @api targets: PlanTarget[] = [];
  /** The metric catalog, for labels and units. */
  @api metrics: Metric[] = [];
  @api drafts: TargetDrafts = {};
  @api errors: TargetErrors = {};
  @api readOnly = false;
  /** The plan's fiscal year and start, for fiscal period labels ("FY2027 Q1"). */
  @api plan: FiscalPlan | null = null;
  /** Shows a Comments button per target, which fires `opencomments` with `{ targetId, label }`. */
  @api showComments = false;
  /**
   * Edit, Delete and Split (year targets only) buttons per row, as allowed; each fires `targetaction` with
   * `{ targetId, action }` (action `edit`, `delete` or `split`; a year's "Re-split" is `split` too).
   */
  @api rowActions: TargetRowActions | null = null;

  labels = LABELS;

  /** Focuses the input of a target, or the first input when no target is named. */
  @api
  focusTarget(targetId?: string): void {
    const selector = targetId ? `input[data-id="${targetId}"]` : 'input.target-input';
    const input = this.template?.querySelector<HTMLElement>(selector);
    if (input) input.focus();
  }

  get actions(): TargetRowActions {
    return this.rowActions ?? NO_ACTIONS;
  }

  get showActions(): boolean {
    const a = this.actions;
    return a.edit || a.delete || a.split;
  }

  get rows(): TargetRow[] {
    const semantics = catalogSemantics(this.metrics);
    const today = todayIn(TIME_ZONE);
    return this.targets.map((t) => this.targetRow(t, semantics, today));
  }

  private targetRow(t: PlanTarget, semantics: SemanticsByMetric, today: string): TargetRow {
    const unit = metricUnit(this.metrics, t.metric);
    const metric = metricLabel(this.metrics, t.metric);
    const draft = this.drafts[t.id];
    const outcome = this.errors[t.id];
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
    const dates = formatDateRange(t.periodStart, t.periodEnd, LOCALE);
    const fiscal = fiscalPeriodOf(this.plan, t.periodStart, t.periodEnd, LOCALE);
    const period = fiscal ? fiscal.label : dates;
    const figures = targetFigureTexts(t, { unit, semantics, locale: LOCALE, orgCurrency: CURRENCY, today });
    const named = `${metric}, ${period}`;
    const isYear = t.periodType === 'Year';
    return {
      id: t.id,
      metricLabel: metric,
      metricHelp: this.metrics.find((m) => m.name === t.metric)?.helpText ?? null,
      periodText: fiscal ? fiscal.label : t.periodTypeLabel ? `${t.periodTypeLabel} · ${dates}` : dates,
      periodDates: fiscal ? dates : null,
      inputId: `target-input-${t.id}`,
      inputLabel: formatLabel(LABELS.targetValueFor, metric, period),
      value: draft !== undefined ? draft : t.targetValue === null ? '' : String(t.targetValue),
      cellClass: fieldError ? 'slds-form-element slds-has-error' : 'slds-form-element',
      rowClass:
        fieldError || otherMessages.length > 0 ? 'slds-hint-parent slds-theme_alert-texture' : 'slds-hint-parent',
      fieldError,
      errorId,
      describedBy: fieldError ? errorId : undefined,
      ariaInvalid: fieldError ? 'true' : undefined,
      rowMessages: otherMessages.map((message, i) => ({ key: `${t.id}-${i}`, message })),
      hasRowMessages: otherMessages.length > 0,
      baselineText: figures.baseline,
      revisionReason: t.revisionReason,
      actualText: figures.actual,
      attainmentBar: figures.started ? barValue(t.attainment) : 0,
      attainmentText: figures.attainment,
      attainmentLabel: formatLabel(LABELS.attainmentOf, metric),
      notStarted: !figures.started,
      actualWithheld: figures.actualWithheld,
      started: figures.started,
      paceStatus: t.paceStatus,
      commentsContext: named,
      commentsLabel: formatLabel(LABELS.commentsOn, named),
      detailsText: this.detailsText(t),
      splitWarning: isYear ? this.splitWarning(t, unit, figures.currency) : null,
      canEdit: this.actions.edit,
      canDelete: this.actions.delete,
      canSplit: this.actions.split && isYear,
      editLabel: formatLabel(LABELS.editTarget, named),
      deleteLabel: formatLabel(LABELS.deleteTarget, named),
      splitLabel: formatLabel(LABELS.splitTarget, named),
    };
  }

  private detailsText(t: PlanTarget): string | null {
    const parts: string[] = [];
    if (t.aeName) parts.push(formatLabel(LABELS.aeNamed, t.aeName));
    if (t.partnerManagerName) parts.push(formatLabel(LABELS.pmNamed, t.partnerManagerName));
    if (t.targetAccountName) parts.push(t.targetAccountName);
    if (t.weight !== null) parts.push(formatLabel(LABELS.weightValue, formatValue(t.weight, null, LOCALE, CURRENCY)));
    return parts.length > 0 ? parts.join(' · ') : null;
  }

  /** The year's parts (Parent_Target__c) among these targets, when they do not add up to the year's value. */
  private splitWarning(year: PlanTarget, unit: string | null, currency: string): string | null {
    const parts = this.targets.filter((t) => t.parentTargetId === year.id);
    if (parts.length === 0) return null;
    const total = parts.reduce((sum, t) => sum + (t.targetValue ?? 0), 0);
    // Values are Number(16,2): a split adds up exactly, anything over a cent is a real difference.
    if (Math.abs(total - (year.targetValue ?? 0)) < 0.005) return null;
    const months = parts.every((t) => t.periodType === 'Month');
    return formatLabel(
      months ? LABELS.monthsTotal : LABELS.quartersTotal,
      formatValue(total, unit, LOCALE, currency),
      formatValue(year.targetValue, unit, LOCALE, currency),
    );
  }

  handleRowAction(event: Event): void {
    const button = event.currentTarget as HTMLElement;
    this.dispatchEvent(
      new CustomEvent('targetaction', { detail: { targetId: button.dataset.id, action: button.dataset.action } }),
    );
  }

  handleOpenComments(event: Event): void {
    const button = event.currentTarget as HTMLElement;
    this.dispatchEvent(
      new CustomEvent('opencomments', { detail: { targetId: button.dataset.id, label: button.dataset.context } }),
    );
  }

  handleInput(event: Event): void {
    const input = event.target as HTMLInputElement;
    this.dispatchEvent(new CustomEvent('draftchange', { detail: { targetId: input.dataset.id, value: input.value } }));
  }
}
