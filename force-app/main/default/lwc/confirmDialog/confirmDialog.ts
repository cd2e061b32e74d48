import { api } from 'lwc';
import LightningModal from 'lightning/modal';
import { LABELS } from './labels';

/**
 * A confirmation as Lightning Experience asks for one: a LightningModal whose header asks the question
 * (`label`, e.g. "Accept this plan?"), a body that says what happens, and Cancel beside a button named by the
 * action ("Accept Plan"), not LightningConfirm's fixed OK. The platform's modal provides the dialog role, the
 * focus trap, Escape and the ×. `open()` resolves true when the action is confirmed; Cancel, Escape or ×
 * resolve undefined, which callers read as no.
 */
export default class ConfirmDialog extends LightningModal {
  @api message = '';
  /** The confirm button's label: the action it takes. */
  @api confirmLabel = '';
  /** `destructive` for an action that cannot be undone (closing a plan), else the brand button. */
  @api confirmVariant: 'brand' | 'destructive' = 'brand';

  labels = LABELS;

  handleCancel(): void {
    this.close(undefined);
  }

  handleConfirm(): void {
    this.close(true);
  }
}
