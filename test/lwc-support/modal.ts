/** Test handle on the lightning/modal mock (the same module instance the components get in jest). */
import { openModals } from '../lwc-mocks/lightning/modal';
import { click, flushPromises, settle } from './render';

export { openModals };

/** What the open c-confirm-dialog asks: its header, message and confirm button (label and variant). */
export interface ConfirmView {
  title: string;
  message: string;
  confirmLabel: string;
  confirmVariant: string;
}

function openConfirm(): HTMLElement {
  const dialog = openModals().find((m) => m.shadowRoot?.querySelector('[data-id="confirm-ok"]'));
  if (!dialog) throw new Error('no confirmation dialog is open');
  return dialog;
}

/** The confirmation open now (after the click that opened it and a flush). */
export async function confirmView(): Promise<ConfirmView> {
  await flushPromises();
  const root = openConfirm().shadowRoot as ShadowRoot;
  const ok = root.querySelector('[data-id="confirm-ok"]') as unknown as { label: string; variant: string };
  return {
    title: (root.querySelector('lightning-modal-header') as unknown as { label: string }).label,
    message: root.querySelector('[data-id="confirm-message"]')?.textContent ?? '',
    confirmLabel: ok.label,
    confirmVariant: ok.variant,
  };
}

/** Answers the open confirmation: its action button, or Cancel; then lets the caller go on. */
export async function answerConfirm(confirmed: boolean): Promise<void> {
  await flushPromises();
  const root = openConfirm().shadowRoot as ShadowRoot;
  await click(root.querySelector(`[data-id="${confirmed ? 'confirm-ok' : 'confirm-cancel'}"]`) as HTMLElement);
  await settle();
}
