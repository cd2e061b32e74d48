/** Shared helpers for component tests: mount a component, wait for re-render, clean the DOM. */
import { createElement } from 'lwc';

type ComponentClass = Parameters<typeof createElement>[1]['is'];

/** Mounts `Component` as `<c-tag>` with public properties set, and returns the host element. */
export function mount<T extends HTMLElement = HTMLElement>(
  tag: string,
  Component: ComponentClass,
  props: Record<string, unknown> = {},
): T {
  const element = createElement(tag, { is: Component }) as unknown as T;
  Object.assign(element, props);
  document.body.appendChild(element);
  return element;
}

/** Lets pending promises and the re-render they cause settle. */
export function flushPromises(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Removes every mounted component; call from afterEach. */
export function resetDom(): void {
  while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
}

/** The host's shadow root, for queries. */
export function shadow(element: HTMLElement): ShadowRoot {
  if (!element.shadowRoot) throw new Error(`${element.tagName} has no shadow root`);
  return element.shadowRoot;
}
