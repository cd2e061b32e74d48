/** Shared helpers for component tests: mount a component, wait for re-render, interact, clean the DOM. */
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

/** Flushes a few rounds: for chains of awaited writes followed by re-renders. */
export async function settle(rounds = 3): Promise<void> {
  for (let i = 0; i < rounds; i++) await flushPromises();
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

/** The first element matching `selector` in the host's shadow tree; throws with the selector when absent. */
export function find<E extends Element = HTMLElement>(host: HTMLElement, selector: string): E {
  const element = shadow(host).querySelector<E>(selector);
  if (!element) throw new Error(`nothing matches ${selector} in ${host.tagName.toLowerCase()}`);
  return element;
}

/** Every element matching `selector` in the host's shadow tree. */
export function findAll<E extends Element = HTMLElement>(host: HTMLElement, selector: string): E[] {
  return Array.from(shadow(host).querySelectorAll<E>(selector));
}

/** The element's text with whitespace collapsed, as a user reads it. */
export function textOf(element: Element | null | undefined): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The messages a `c-error-list` in the host's shadow tree shows. */
export function errorMessages(host: HTMLElement, selector: string): string[] {
  return prop<string[]>(find(host, selector), 'messages');
}

/** The base-component property of a stub (label, value, disabled...), typed loosely on purpose. */
export function prop<T = unknown>(element: Element, name: string): T {
  return (element as unknown as Record<string, T>)[name];
}

/** Finds a lightning-button (or -button-icon) by its label or alternative text. */
export function buttonByLabel(host: HTMLElement, label: string): HTMLElement {
  const button = findAll(host, 'lightning-button, lightning-button-icon').find(
    (b) => prop(b, 'label') === label || prop(b, 'alternativeText') === label,
  );
  if (!button) throw new Error(`no button labelled "${label}"`);
  return button;
}

/** Clicks a (base component or native) element and waits for the re-render. */
export async function click(element: HTMLElement): Promise<void> {
  element.click();
  await flushPromises();
}

/** Sets a base input's value and fires its `change` event (`detail.value`), as the base components do. */
export async function changeValue(element: HTMLElement, value: unknown): Promise<void> {
  (element as unknown as { value: unknown }).value = value;
  element.dispatchEvent(new CustomEvent('change', { detail: { value } }));
  await flushPromises();
}

/** Types into a native input: sets the value and fires `input`. */
export async function typeInto(input: HTMLInputElement, value: string): Promise<void> {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await flushPromises();
}

/** A promise the test settles later, to observe work in flight (for example parallel writes). */
export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (reason: unknown) => void } {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
