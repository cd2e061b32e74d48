/**
 * Jest mock of `lightning/modal`. `open()` mounts the modal component in document.body as the platform
 * does (outside the opener's tree) and resolves with the value passed to `close()`. The host gets what the
 * platform's modal container provides: the dialog role, aria-modal and the label as its accessible name,
 * focus on the first interactive element of the modal when it opens, and Escape dismisses it (resolving
 * undefined) unless `disableClose` is set. The platform's focus trap and backdrop are not imitated.
 */
import { LightningElement, api, createElement } from 'lwc';

type ModalSize = 'small' | 'medium' | 'large' | 'full';

interface ModalOpenOptions {
  label: string;
  size?: ModalSize;
  description?: string;
  disableClose?: boolean;
}

type ModalHost = HTMLElement & { disableClose?: boolean; close(result?: unknown): void };

/** What the platform counts as interactive when it places the first focus (base components included). */
const INTERACTIVE =
  'a[href], button, input, select, textarea, lightning-button, lightning-input, lightning-textarea, lightning-combobox';

const resolvers = new Map<Element, (result: unknown) => void>();
let mounted = 0;

export default class LightningModal extends LightningElement {
  @api label = '';
  @api size: ModalSize = 'medium';
  @api description = '';
  @api disableClose = false;

  // The declaration's signature: the modal's own class, its settings and its public properties.
  static open<M extends LightningModal>(
    this: new () => M,
    options: ModalOpenOptions & Partial<Omit<M, keyof LightningModal>>,
  ): Promise<unknown> {
    const component = this as unknown as typeof LightningModal;
    return new Promise((resolve) => {
      mounted += 1;
      const host = createElement(`lightning-modal-${mounted}`, { is: component }) as unknown as ModalHost;
      Object.assign(host, options);
      host.setAttribute('role', 'dialog');
      host.setAttribute('aria-modal', 'true');
      host.setAttribute('aria-label', options.label);
      host.addEventListener('keydown', (event: KeyboardEvent) => {
        if (event.key === 'Escape' && !host.disableClose) host.close(undefined);
      });
      resolvers.set(host, resolve);
      document.body.appendChild(host);
      const first = host.shadowRoot?.querySelector<HTMLElement>(INTERACTIVE);
      if (first) first.focus();
    });
  }

  @api
  close(result?: unknown): void {
    if (this.disableClose) return;
    const host = this.template?.host;
    if (!host) return;
    const resolve = resolvers.get(host);
    resolvers.delete(host);
    host.remove();
    if (resolve) resolve(result);
  }
}

/** The modals open now, oldest first (a modal a finished test left behind is gone with its DOM). */
export function openModals(): HTMLElement[] {
  for (const host of [...resolvers.keys()]) if (!host.isConnected) resolvers.delete(host);
  return [...resolvers.keys()] as HTMLElement[];
}
