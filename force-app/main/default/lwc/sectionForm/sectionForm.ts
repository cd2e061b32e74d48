import { LightningElement, api } from 'lwc';
import type { PicklistOption } from 'c/planData';
import { LABELS } from './labels';

/** The fields the form edits, as named in its `fieldchange` event. */
export type SectionFormField = 'name' | 'sectionType' | 'summary';

/**
 * The fields of a plan section (name, type, summary) with the messages of its last save and Cancel / Save,
 * for adding a section and for editing one in place. The owner keeps the values: the form reports each
 * change (`fieldchange` with `{ field, value }`) and asks to `cancel` or `save`.
 */
export default class SectionForm extends LightningElement {
  // Focusing the form focuses its first field.
  static delegatesFocus = true;

  /** A heading, for a new section; the form is then boxed on its own. */
  @api heading: string | undefined;
  @api name = '';
  @api sectionType: string | null = null;
  @api summary = '';
  @api typeOptions: PicklistOption[] = [];
  /** What the last save attempt said (validation or server messages). */
  @api messages: string[] = [];
  /** While the owner saves: the buttons are disabled. */
  @api busy = false;

  labels = LABELS;

  get containerClass(): string {
    return this.heading ? 'slds-box slds-m-top_small' : 'slds-m-top_small';
  }

  get hasMessages(): boolean {
    return this.messages.length > 0;
  }

  handleChange(event: CustomEvent<{ value: string }>): void {
    const field = (event.target as HTMLElement).dataset.field as SectionFormField;
    this.dispatchEvent(new CustomEvent('fieldchange', { detail: { field, value: event.detail.value } }));
  }

  handleCancel(): void {
    this.dispatchEvent(new CustomEvent('cancel'));
  }

  handleSave(): void {
    this.dispatchEvent(new CustomEvent('save'));
  }
}
