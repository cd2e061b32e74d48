import { LightningElement, api } from 'lwc';
import LOCALE from '@salesforce/i18n/locale';
import type { Metric, PicklistOption } from 'c/planData';
import { formatDateRange, type FiscalPeriod } from 'c/planInsights';
import { LABELS } from './labels';

/**
 * The fields the form edits, as named in its `fieldchange` event. `period` is the choice of one of the
 * plan's fiscal periods; its value is `start/end`.
 */
export type TargetFormField = 'metric' | 'periodType' | 'period' | 'periodStart' | 'periodEnd' | 'targetValue';

/** The value that stands for dates that are not one of the plan's fiscal periods. */
const OTHER_DATES = 'other';

/** The values of a new target, as typed. */
export interface TargetFormValues {
  metric: string | null;
  periodType: string | null;
  periodStart: string | null;
  periodEnd: string | null;
  targetValue: string;
}

const EMPTY: TargetFormValues = { metric: null, periodType: null, periodStart: null, periodEnd: null, targetValue: '' };

/**
 * The fields of a new target (metric from the active catalog, period type, one of the plan's fiscal periods
 * of that type, start and end, target value)
 * with the messages of its last save and Cancel / Save. The owner keeps the values: the form reports each
 * change (`fieldchange` with `{ field, value }`) and asks to `cancel` or `save`.
 */
export default class TargetForm extends LightningElement {
  // Focusing the form focuses its first field, the metric.
  static delegatesFocus = true;

  @api values: TargetFormValues = EMPTY;
  /** The metric catalog; only active metrics are offered. */
  @api metrics: Metric[] = [];
  @api periodTypeOptions: PicklistOption[] = [];
  /** The plan's fiscal year, quarters and months (c/planInsights fiscalPeriods), offered as period choices. */
  @api periods: FiscalPeriod[] = [];
  /** What the last save attempt said (validation or server messages). */
  @api messages: string[] = [];
  /** While the owner saves: the buttons are disabled. */
  @api busy = false;

  labels = LABELS;

  get metricOptions(): PicklistOption[] {
    return this.metrics
      .filter((m) => m.active)
      .map((m) => ({ value: m.name, label: m.category ? `${m.label} (${m.category})` : m.label }));
  }

  /** The chosen metric's help text (what counts toward it, how to read it), shown under the picker. */
  get metricHelp(): string | null {
    return this.metrics.find((m) => m.name === this.values.metric)?.helpText ?? null;
  }

  /** The plan's fiscal periods of the chosen type ("FY2027 Q1 (Feb 1 – Apr 30, 2026)"), then other dates. */
  get periodOptions(): PicklistOption[] {
    const choices = this.periods
      .filter((p) => !this.values.periodType || p.periodType === this.values.periodType)
      .map((p) => ({ value: `${p.start}/${p.end}`, label: `${p.label} (${formatDateRange(p.start, p.end, LOCALE)})` }));
    return [...choices, { value: OTHER_DATES, label: LABELS.otherDates }];
  }

  get hasPeriods(): boolean {
    return this.periods.length > 0;
  }

  /** The chosen fiscal period, or "other dates" when the dates are not one of the plan's periods. */
  get periodValue(): string {
    const key = `${this.values.periodStart}/${this.values.periodEnd}`;
    return this.periods.some((p) => `${p.start}/${p.end}` === key) ? key : OTHER_DATES;
  }

  get hasMessages(): boolean {
    return this.messages.length > 0;
  }

  handleChange(event: CustomEvent<{ value: string }>): void {
    const field = (event.target as HTMLElement).dataset.field as TargetFormField;
    this.dispatchEvent(new CustomEvent('fieldchange', { detail: { field, value: event.detail.value } }));
  }

  handleCancel(): void {
    this.dispatchEvent(new CustomEvent('cancel'));
  }

  handleSave(): void {
    this.dispatchEvent(new CustomEvent('save'));
  }
}
