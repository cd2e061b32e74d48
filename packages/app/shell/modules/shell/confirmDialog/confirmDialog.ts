/** The dialog behind the local `lightning/confirm`: fires `close` with `{ confirmed }`. */
import { LightningElement, api } from 'lwc';

export default class ConfirmDialog extends LightningElement {
  @api message = '';
  @api label = '';
  /** LightningConfirm's theme: default (neutral), shade, inverse, alt-inverse, success, info, warning, error, offline. */
  @api theme = 'default';
  @api headerless = false;

  get headerClass(): string {
    if (this.headerless) return 'slds-modal__header slds-modal__header_empty';
    return this.theme === 'default' ? 'slds-modal__header' : `slds-modal__header slds-theme_${this.theme}`;
  }

  get headingClass(): string {
    return this.headerless ? 'slds-assistive-text' : 'slds-modal__title slds-hyphenate';
  }

  get heading(): string {
    return this.label || 'Confirm';
  }

  private focused = false;

  renderedCallback(): void {
    const ok = this.template?.querySelector<HTMLElement>('[data-id="confirm-ok"]');
    if (ok && !this.focused) {
      this.focused = true;
      ok.focus();
    }
  }

  handleOk(): void {
    this.dispatchEvent(new CustomEvent('close', { detail: { confirmed: true } }));
  }

  handleCancel(): void {
    this.dispatchEvent(new CustomEvent('close', { detail: { confirmed: false } }));
  }
}
