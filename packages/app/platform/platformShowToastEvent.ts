/** `lightning/platformShowToastEvent`: a bubbling, composed event the shell shows as a toast. */
export const SHOW_TOAST_EVENT = 'lightning__showtoast';

export interface ToastOptions {
  title?: string;
  message: string;
  messageData?: (string | { url: string; label: string })[];
  variant?: 'info' | 'success' | 'warning' | 'error';
  mode?: 'dismissible' | 'pester' | 'sticky';
}

export class ShowToastEvent extends CustomEvent<ToastOptions> {
  constructor(toast: ToastOptions) {
    super(SHOW_TOAST_EVENT, { bubbles: true, composed: true, cancelable: true, detail: toast });
  }
}
