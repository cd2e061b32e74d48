/**
 * `lightning/modal`: the platform's modal window. A component extends LightningModal (not LightningElement),
 * lays out lightning-modal-header / -body / -footer, and is opened with `open()`, whose promise resolves
 * with what the modal passed to `close()` (undefined when the user dismissed it with X or Escape). The
 * platform renders the dialog role, the backdrop and the focus trap, and returns focus when it closes.
 * Only what the components use is declared.
 */
declare module 'lightning/modal' {
  import { LightningElement } from 'lwc';

  export type ModalSize = 'small' | 'medium' | 'large' | 'full';

  /** What `open()` takes: the modal's own settings plus the modal component's public properties. */
  export interface ModalOpenOptions {
    /** The accessible name of the dialog (required when there is no lightning-modal-header). */
    label: string;
    size?: ModalSize;
    description?: string;
    disableClose?: boolean;
  }

  export default class LightningModal extends LightningElement {
    static open<M extends LightningModal>(
      this: new () => M,
      options: ModalOpenOptions & Partial<Omit<M, keyof LightningModal>>,
    ): Promise<unknown>;
    label: string;
    size: ModalSize;
    description: string;
    /** While true, the X, Escape and close() do nothing (for example during a save). */
    disableClose: boolean;
    close(result?: unknown): void;
  }
}
