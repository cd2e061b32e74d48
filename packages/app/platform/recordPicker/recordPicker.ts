/**
 * `lightning-record-picker` (not in the npm base components): a combobox of the object's records by name,
 * read with SOQL as the signed-in user. Fires `change` with `{ recordId }` like the platform's.
 */
import { LightningElement, api } from 'lwc';
import { query } from '../api';

interface Option {
  label: string;
  value: string;
}

interface Validity {
  setCustomValidity(message: string): void;
  reportValidity(): boolean;
  checkValidity(): boolean;
  focus(): void;
}

export default class RecordPicker extends LightningElement {
  @api label = '';
  @api objectApiName = '';
  @api value: string | null = null;
  @api required = false;
  @api disabled = false;
  @api placeholder = 'Search...';

  options: Option[] = [];

  connectedCallback(): void {
    const active = this.objectApiName === 'User' ? ' WHERE IsActive = true' : '';
    query(`SELECT Id, Name FROM ${this.objectApiName}${active} ORDER BY Name LIMIT 500`).then(
      (records) => {
        this.options = records.map((r) => ({ label: String(r.Name), value: String(r.Id) }));
      },
      () => {
        this.options = [];
      },
    );
  }

  private get combobox(): Validity | null {
    return (this.template?.querySelector('lightning-combobox') ?? null) as unknown as Validity | null;
  }

  @api setCustomValidity(message: string): void {
    this.combobox?.setCustomValidity(message);
  }

  @api reportValidity(): boolean {
    return this.combobox ? this.combobox.reportValidity() : true;
  }

  @api checkValidity(): boolean {
    return this.combobox ? this.combobox.checkValidity() : true;
  }

  @api focus(): void {
    this.combobox?.focus();
  }

  handleChange(event: CustomEvent<{ value: string }>): void {
    event.stopPropagation();
    this.value = event.detail.value || null;
    this.dispatchEvent(new CustomEvent('change', { detail: { recordId: this.value } }));
  }
}
