import { LightningElement, api } from 'lwc';
import LOCALE from '@salesforce/i18n/locale';
import type { Metric, PicklistOption } from 'c/planData';
import { formatDateRange, type FiscalPeriod } from 'c/planInsights';
import { LABELS } from './labels';

/**
 * The fields the form edits, as named in its `fieldchange` event. `period` is the choice of one of the
 * plan's fiscal periods; its value is `start/end`. The people and the customer account are record Ids.
 */
export type TargetFormField =
  | 'metric'
  | 'periodType'
  | 'period'
  | 'periodStart'
  | 'periodEnd'
  | 'targetValue'
  | 'aeId'
  | 'partnerManagerId'
  | 'targetAccountId'
  | 'weight';

/** The value that stands for dates that are not one of the plan's fiscal periods. */
const OTHER_DATES = 'other';

/** The values of a target, as typed. */
export interface TargetFormValues {
  metric: string | null;
  periodType: string | null;
  periodStart: string | null;
  periodEnd: string | null;
  targetValue: string;
  aeId?: string | null;
  partnerManagerId?: string | null;
  targetAccountId?: string | null;
  weight?: string;
}

/** The record field behind each input (`data-api`): where a server field error is shown. */
const FIELD_API: Partial<Record<TargetFormField, string>> = {
  metric: 'Metric__c',
  periodType: 'Period_Type__c',
  periodStart: 'Period_Start__c',
  periodEnd: 'Period_End__c',
  targetValue: 'Target_Value__c',
  aeId: 'Accountable_AE__c',
  partnerManagerId: 'Accountable_Partner_Manager__c',
  targetAccountId: 'Target_Account__c',
  weight: 'Weight__c',
};
const SHOWN_FIELDS = new Set(Object.values(FIELD_API));

const EMPTY: TargetFormValues = { metric: null, periodType: null, periodStart: null, periodEnd: null, targetValue: '' };

/** Only active users with the planning role may be named accountable (User.Partner_Planning_Role__c). */
const roleFilter = (role: string) => ({
  criteria: [
    { fieldPath: 'IsActive', operator: 'eq', value: true },
    { fieldPath: 'Partner_Planning_Role__c', operator: 'eq', value: role },
  ],
});
const AE_FILTER = roleFilter('Account Executive');
const PM_FILTER = roleFilter('Partner Manager');

interface ValidityElement extends HTMLElement {
  setCustomValidity(message: string): void;
  reportValidity(): boolean;
}

/**
 * The fields of a target (metric from the active catalog, period type, one of the plan's fiscal periods of
 * that type, start and end, target value, accountable AE and partner manager, customer account, weight) with
 * Cancel / Save. In `add` mode it is a new target; in `edit` mode the fields named in `lockedFields` are
 * shown but not editable (an accepted plan keeps its metric, account, period, value and weight). The owner
 * keeps the values: the form reports each change (`fieldchange` with `{ field, value }`) and asks to
 * `cancel` or `save`. Server field errors (`fieldErrors`, by field API name) are shown on their inputs; other
 * messages, and field errors of fields the form does not show, in the error list at the top.
 */
export default class TargetForm extends LightningElement {
  // Focusing the form focuses its first field.
  static delegatesFocus = true;

  @api values: TargetFormValues = EMPTY;
  @api mode: 'add' | 'edit' = 'add';
  /** The form's heading (edit mode: which target). */
  @api heading: string | null = null;
  /** The metric catalog; only active metrics are offered (and the target's own metric when editing). */
  @api metrics: Metric[] = [];
  @api periodTypeOptions: PicklistOption[] = [];
  /** The plan's fiscal year, quarters and months (c/planInsights fiscalPeriods), offered as period choices. */
  @api periods: FiscalPeriod[] = [];
  /** Fields (TargetFormField names) shown read-only, with `lockedNote` saying why. */
  @api lockedFields: string[] = [];
  @api lockedNote: string | null = null;
  /** What the last save attempt said (validation or server messages not tied to a shown field). */
  @api messages: string[] = [];
  /** Server field errors by field API name (SaveOutcome.fieldErrors). */
  @api fieldErrors: Record<string, string[]> = {};
  /** While the owner saves: the buttons are disabled. */
  @api busy = false;

  labels = LABELS;
  aeFilter = AE_FILTER;
  pmFilter = PM_FILTER;

  renderedCallback(): void {
    // Server field errors go on their inputs, as the platform's forms show them; a field without one is valid.
    for (const input of this.template?.querySelectorAll<ValidityElement>('[data-api]') ?? []) {
      const messages = this.fieldErrors[input.dataset.api as string] ?? [];
      if (typeof input.setCustomValidity !== 'function') continue;
      input.setCustomValidity(messages.join(' '));
      if (messages.length > 0) input.reportValidity();
    }
  }

  get isEdit(): boolean {
    return this.mode === 'edit';
  }

  get saveLabel(): string {
    return this.isEdit ? LABELS.saveChanges : LABELS.saveTarget;
  }

  private locked(field: TargetFormField): boolean {
    return this.lockedFields.includes(field);
  }

  get metricLocked(): boolean {
    return this.locked('metric');
  }
  get periodLocked(): boolean {
    return this.locked('period');
  }
  get valueLocked(): boolean {
    return this.locked('targetValue');
  }
  get accountLocked(): boolean {
    return this.locked('targetAccountId');
  }
  get weightLocked(): boolean {
    return this.locked('weight');
  }
  get hasLockedFields(): boolean {
    return this.lockedFields.length > 0 && Boolean(this.lockedNote);
  }

  get metricOptions(): PicklistOption[] {
    return this.metrics
      .filter((m) => m.active || m.name === this.values.metric)
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

  get aeId(): string | null {
    return this.values.aeId ?? null;
  }
  get partnerManagerId(): string | null {
    return this.values.partnerManagerId ?? null;
  }
  get targetAccountId(): string | null {
    return this.values.targetAccountId ?? null;
  }
  get weight(): string {
    return this.values.weight ?? '';
  }

  /** The messages to list: the owner's, and server field errors of fields the form does not show. */
  get listedMessages(): string[] {
    const unshown = Object.entries(this.fieldErrors)
      .filter(([field]) => !SHOWN_FIELDS.has(field))
      .flatMap(([, messages]) => messages);
    return [...this.messages, ...unshown];
  }

  get hasMessages(): boolean {
    return this.listedMessages.length > 0;
  }

  handleChange(event: CustomEvent<{ value: string }>): void {
    const field = (event.target as HTMLElement).dataset.field as TargetFormField;
    this.dispatchEvent(new CustomEvent('fieldchange', { detail: { field, value: event.detail.value } }));
  }

  /** lightning-record-picker reports `{ recordId }` (null when cleared). */
  handlePickerChange(event: CustomEvent<{ recordId: string | null }>): void {
    const field = (event.target as HTMLElement).dataset.field as TargetFormField;
    this.dispatchEvent(new CustomEvent('fieldchange', { detail: { field, value: event.detail.recordId ?? '' } }));
  }

  handleCancel(): void {
    this.dispatchEvent(new CustomEvent('cancel'));
  }

  handleSave(): void {
    this.dispatchEvent(new CustomEvent('save'));
  }
}
