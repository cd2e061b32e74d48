/**
 * `lightning/refresh` (RefreshView API) for the app: a component fires RefreshEvent (bubbling, composed) to
 * ask the view to refresh, and every registered refresh handler whose component is still on the page runs,
 * in registration order. The app's page is the one refresh container, so the event is heard on the document.
 */
export const REFRESH_EVENT = 'lightning__refresh';

export class RefreshEvent extends CustomEvent<unknown> {
  constructor() {
    super(REFRESH_EVENT, { bubbles: true, composed: true, cancelable: true });
  }
}

interface Registration {
  element: object;
  handler: () => Promise<boolean>;
}

const handlers = new Map<number, Registration>();
let lastHandle = 0;

const isOnPage = (element: object): boolean => !(element instanceof Node) || element.isConnected;

async function refreshAll(): Promise<void> {
  const running = [...handlers.values()].filter((r) => isOnPage(r.element)).map((r) => r.handler());
  await Promise.allSettled(running);
}

document.addEventListener(REFRESH_EVENT, () => void refreshAll());

export function registerRefreshHandler(contextElement: object, providerMethod: () => Promise<boolean>): number {
  lastHandle += 1;
  handlers.set(lastHandle, { element: contextElement, handler: providerMethod });
  return lastHandle;
}

export function unregisterRefreshHandler(handle: number): void {
  handlers.delete(handle);
}
