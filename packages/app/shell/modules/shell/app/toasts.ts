/**
 * The shell's toasts (`lightning__showtoast`, lightning/platformShowToastEvent), as Lightning Experience's
 * toast container shows them: stacked, the newest on top, at most three at a time (the rest wait their
 * turn); `dismissible` (the default) has a close button and goes after a few seconds, `pester` goes after
 * them with no close button, `sticky` stays until closed. Errors and warnings are alerts (role="alert"),
 * read at once; success and info are status messages (role="status").
 */

export type ToastVariant = 'info' | 'success' | 'warning' | 'error';
export type ToastMode = 'dismissible' | 'pester' | 'sticky';

export interface Toast {
  id: number;
  title: string;
  message: string;
  variant: ToastVariant;
  mode: ToastMode;
}

export interface ToastView extends Toast {
  className: string;
  icon: string;
  role: 'status' | 'alert';
  closable: boolean;
}

/** How long a toast that goes by itself stays: Lightning Experience shows a toast for 5 seconds. */
export const TOAST_MILLIS = 5000;
/** Lightning's toast container shows at most three toasts at a time. */
export const MAX_TOASTS = 3;

const VARIANTS: ToastVariant[] = ['info', 'success', 'warning', 'error'];
const MODES: ToastMode[] = ['dismissible', 'pester', 'sticky'];

/** A toast from an event's detail: unknown variants are info and unknown modes dismissible, as on the platform. */
export function toastOf(
  id: number,
  detail: { title?: string; message?: string; variant?: string; mode?: string },
): Toast {
  return {
    id,
    title: detail.title ?? '',
    message: detail.message ?? '',
    variant: (VARIANTS as string[]).includes(detail.variant ?? '') ? (detail.variant as ToastVariant) : 'info',
    mode: (MODES as string[]).includes(detail.mode ?? '') ? (detail.mode as ToastMode) : 'dismissible',
  };
}

/** The stack with a new toast on top. */
export const pushToast = (stack: Toast[], toast: Toast): Toast[] => [toast, ...stack];

/** The stack without a toast. */
export const dropToast = (stack: Toast[], id: number): Toast[] => stack.filter((t) => t.id !== id);

/** The toasts shown now: the newest three, newest first. */
export const visibleToasts = (stack: Toast[]): Toast[] => stack.slice(0, MAX_TOASTS);

/** How long a toast stays once shown, or null when it stays until closed. */
export const toastLifetime = (toast: Toast): number | null => (toast.mode === 'sticky' ? null : TOAST_MILLIS);

export function toastView(toast: Toast): ToastView {
  return {
    ...toast,
    className: `slds-notify slds-notify_toast slds-theme_${toast.variant}`,
    icon: `utility:${toast.variant}`,
    role: toast.variant === 'error' || toast.variant === 'warning' ? 'alert' : 'status',
    closable: toast.mode !== 'pester',
  };
}

/** A count with its noun in a toast's text, singular for one ("1 value written", "2 values written"). */
export const counted = (n: number, noun: string): string =>
  `${n.toLocaleString('en-US')} ${n === 1 ? noun : `${noun}s`}`;
