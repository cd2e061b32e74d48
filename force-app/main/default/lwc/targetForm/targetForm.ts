import { LightningElement, api } from 'lwc';
import type { Metric, PicklistOption } from 'c/planData';
import { LABELS } from './labels';

/** The fields the form edits, as named in its `fieldchange` event. */
export type TargetFormField = 'metric' | 'periodType' | 'periodStart' | 'periodEnd' | 'targetValue';

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
 * The fields of a new target (metric from the active catalog, period type, start and end, target value)
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
