/** `lightning/confirm`: an SLDS confirm dialog (shell-confirm-dialog) that resolves true on OK. */
import { createElement } from 'lwc';
import ConfirmDialog from 'shell/confirmDialog';

export interface ConfirmOptions {
  message: string;
  label?: string;
  variant?: 'header' | 'headerless';
  theme?: string;
}

export default class LightningConfirm {
  static open(options: ConfirmOptions): Promise<boolean> {
    return new Promise((resolve) => {
      const dialog = createElement('shell-confirm-dialog', { is: ConfirmDialog });
      Object.assign(dialog, { message: options.message, label: options.label ?? '' });
      dialog.addEventListener('close', (event: Event) => {
        dialog.remove();
        resolve((event as CustomEvent<{ confirmed: boolean }>).detail.confirmed);
      });
      document.body.appendChild(dialog);
    });
  }
}
