/**
 * `lightning/confirm`: an SLDS confirm dialog (shell-confirm-dialog) that resolves true on OK. As on the
 * platform, the header is neutral unless a `theme` is given, and `headerless` shows none.
 */
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
      Object.assign(dialog, {
        message: options.message,
        label: options.label ?? '',
        theme: options.theme ?? 'default',
        headerless: options.variant === 'headerless',
      });
      dialog.addEventListener('close', (event: Event) => {
        dialog.remove();
        resolve((event as CustomEvent<{ confirmed: boolean }>).detail.confirmed);
      });
      document.body.appendChild(dialog);
    });
  }
}
