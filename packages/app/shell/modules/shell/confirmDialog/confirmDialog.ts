/** The dialog behind the local `lightning/confirm`: fires `close` with `{ confirmed }`. */
import { LightningElement, api } from 'lwc';

export default class ConfirmDialog extends LightningElement {
  @api message = '';
  @api label = '';

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
