/**
 * Queries that see through the shadow roots of child components, for tests of a component made of
 * children (the plan editor and its header, target tables and target form). Same signatures as the
 * helpers of ./render, which see only the host's own shadow tree; matches come in document order, a
 * child's shadow content before the elements slotted into it.
 */
import { prop, shadow } from './render';

function collect(root: ParentNode, selector: string, found: Element[]): void {
  for (const child of Array.from(root.children)) {
    if (child.matches(selector)) found.push(child);
    if (child.shadowRoot) collect(child.shadowRoot, selector, found);
    collect(child, selector, found);
  }
}

/** Every element matching `selector` in the host's shadow tree and the shadow trees of its children. */
export function findAll<E extends Element = HTMLElement>(host: HTMLElement, selector: string): E[] {
  const found: Element[] = [];
  collect(shadow(host), selector, found);
  return found as E[];
}

/** The first element matching `selector` at any depth under the host; throws with the selector when absent. */
export function find<E extends Element = HTMLElement>(host: HTMLElement, selector: string): E {
  const [element] = findAll<E>(host, selector);
  if (!element) throw new Error(`nothing matches ${selector} in ${host.tagName.toLowerCase()} or its children`);
  return element;
}

/** The messages a `c-error-list` at any depth under the host shows. */
export function errorMessages(host: HTMLElement, selector: string): string[] {
  return prop<string[]>(find(host, selector), 'messages');
}

/** Finds a lightning-button (or -button-icon) at any depth by its label or alternative text. */
export function buttonByLabel(host: HTMLElement, label: string): HTMLElement {
  const button = findAll(host, 'lightning-button, lightning-button-icon').find(
    (b) => prop(b, 'label') === label || prop(b, 'alternativeText') === label,
  );
  if (!button) throw new Error(`no button labelled "${label}"`);
  return button;
}

function appendText(node: Node, parts: string[]): void {
  if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
  const root = node instanceof Element ? node.shadowRoot : null;
  if (root) root.childNodes.forEach((child) => appendText(child, parts));
  node.childNodes.forEach((child) => appendText(child, parts));
}

/**
 * The element's text including its child components' shadow content (textContent stops at a child's shadow
 * root), whitespace collapsed: what a user reads in a cell that holds a child component.
 */
export function deepText(element: Element | null | undefined): string {
  const parts: string[] = [];
  if (element) appendText(element, parts);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}
