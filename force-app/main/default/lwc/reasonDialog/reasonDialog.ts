import { api } from 'lwc';
import LightningModal from 'lightning/modal';
import { LABELS } from './labels';

/** `revise` starts a revision; `save` asks for the reason a save of baselined targets needs. */
export type ReasonPurpose = 'revise' | 'save';

/** Takes the reason; resolves with the message to show when it could not be used, or null. */
export type ReasonSubmit = (reason: string) => Promise<string | null>;

/** The most Revision_Reason__c holds. */
const REASON_MAX_LENGTH = 255;

/**
 * The dialog that asks why targets change: before a revision starts, or before baselined targets are
 * saved in a revision whose reason this session does not know. A LightningModal: the platform provides
 * the dialog role, the focus trap (focus starts on the first interactive element: the reason), Escape and
 * the backdrop. The title is the modal's `label`.
 * `open()` resolves with the trimmed reason once `submitReason` (when given) accepted it, or undefined when
 * the user cancelled. A failed submit keeps the dialog open with the message.
 */
export default class ReasonDialog extends LightningModal {
  @api purpose: ReasonPurpose = 'revise';
  /** The reason to start from (the one given earlier in this session). */
  @api value = '';
  @api submitReason: ReasonSubmit | undefined;

  labels = LABELS;
  reason: string | null = null;
  error: string | null = null;
  busy = false;

  get reasonValue(): string {
    return this.reason ?? this.value;
  }

  get help(): string {
    return this.purpose === 'save' ? LABELS.reasonForSaveHelp : LABELS.reviseHelp;
  }

  get confirmLabel(): string {
    return this.purpose === 'save' ? LABELS.saveWithReason : LABELS.startRevision;
  }

  get reasonMaxLength(): number {
    return REASON_MAX_LENGTH;
  }

  handleReasonChange(event: CustomEvent<{ value: string }>): void {
    this.reason = event.detail.value;
    this.error = null;
  }

  handleCancel(): void {
    this.close(undefined);
  }

  async handleConfirm(): Promise<void> {
    const reason = this.reasonValue.trim();
    if (!reason) {
      this.error = LABELS.reasonRequired;
      return;
    }
    if (this.submitReason) {
      this.busy = true;
      this.disableClose = true;
      try {
        this.error = await this.submitReason(reason);
      } finally {
        this.busy = false;
        this.disableClose = false;
      }
      if (this.error) return;
    }
    this.close(reason);
  }
}
