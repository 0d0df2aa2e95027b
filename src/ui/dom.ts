// DOM helpers that only ever set text: no user string reaches the page as HTML (issue 6).

export type Child = Node | string | null | undefined | false;

export interface ElementProps {
  class?: string;
  id?: string;
  text?: string;
  title?: string;
  attrs?: Record<string, string | number | boolean | null | undefined>;
  on?: { [K in keyof HTMLElementEventMap]?: (event: HTMLElementEventMap[K]) => void };
}

/** createElement with text-only content; attributes are set with setAttribute (never innerHTML). */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: ElementProps = {}, children: Child[] = []): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.class !== undefined) node.className = props.class;
  if (props.id !== undefined) node.id = props.id;
  if (props.title !== undefined) node.title = props.title;
  if (props.text !== undefined) node.textContent = props.text;
  for (const [name, value] of Object.entries(props.attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const [type, handler] of Object.entries(props.on ?? {})) {
    node.addEventListener(type, handler as EventListener);
  }
  append(node, children);
  return node;
}

export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

export function clear(node: Node): void {
  while (node.firstChild) node.removeChild(node.firstChild);
}

export function replaceChildren(node: Node, children: Child[]): void {
  clear(node);
  append(node, children);
}

/**
 * A field's message beside it: `text` in its error element, the field marked invalid while a
 * refusal shows (`valid`: an empty text, or a note on how an applied value was read).
 */
export function showFieldMessage(field: Element, error: HTMLElement, text: string, valid = text === ''): void {
  error.textContent = text;
  if (valid) field.removeAttribute('aria-invalid');
  else field.setAttribute('aria-invalid', 'true');
}

let nextId = 0;
/** A document-unique id for label/aria wiring. */
export function uid(prefix: string): string {
  nextId += 1;
  return `${prefix}-${nextId}`;
}

/** The text the app last wrote into each field (what it shows unless the user has typed since). */
const written = new WeakMap<HTMLInputElement | HTMLSelectElement, string>();

/** Writes a field's text and remembers it (syncValue tells the user's typing from it). */
export function setShownValue(input: HTMLInputElement | HTMLSelectElement, value: string): void {
  if (input.value !== value) input.value = value;
  written.set(input, value);
}

/**
 * Sets an input's value unless the user is typing in it: a focused field whose text the user has
 * changed keeps it; one that still shows what the app wrote follows a change from elsewhere (Back,
 * a link, a preset) even while it has the focus.
 */
export function syncValue(input: HTMLInputElement | HTMLSelectElement, value: string): void {
  if (document.activeElement === input && input.value !== written.get(input)) return;
  setShownValue(input, value);
}

/**
 * Whether `fresh` has `current`'s shape: the same elements (tag and the attributes its listeners
 * read, `keys`) and text nodes in the same places. Listeners are not compared: callers morph only
 * trees whose listeners depend on nothing but those attributes.
 */
function sameShape(current: Node, fresh: Node, keys: readonly string[]): boolean {
  if (current.nodeType !== fresh.nodeType || current.childNodes.length !== fresh.childNodes.length) return false;
  if (current instanceof Element) {
    const other = fresh as Element;
    if (current.tagName !== other.tagName || keys.some((k) => current.getAttribute(k) !== other.getAttribute(k))) return false;
  }
  for (let i = 0; i < current.childNodes.length; i++) if (!sameShape(current.childNodes[i]!, fresh.childNodes[i]!, keys)) return false;
  return true;
}

function patch(current: Node, fresh: Node): void {
  if (current instanceof Element) {
    const other = fresh as Element;
    for (const name of current.getAttributeNames()) if (!other.hasAttribute(name)) current.removeAttribute(name);
    for (const name of other.getAttributeNames()) {
      const value = other.getAttribute(name)!;
      if (current.getAttribute(name) !== value) current.setAttribute(name, value);
    }
  } else if (current.nodeValue !== fresh.nodeValue) current.nodeValue = fresh.nodeValue;
  for (let i = 0; i < current.childNodes.length; i++) patch(current.childNodes[i]!, fresh.childNodes[i]!);
}

/**
 * Shows `fresh` in `slot`: when the slot holds a tree of the same shape, only its changed text and
 * attributes are written. On a chip-lab slider move the results table keeps its rows and cells,
 * and the browser re-lays out a few changed numbers instead of a new table. `keys`: the attributes
 * the tree's listeners depend on (a tree whose listeners read them keeps working when they match).
 */
export function showTree(slot: Element, fresh: Element, keys: readonly string[]): void {
  const current = slot.firstElementChild;
  if (current !== null && slot.childNodes.length === 1 && sameShape(current, fresh, keys)) {
    patch(current, fresh);
    return;
  }
  // A control that stays in the new tree keeps the keyboard focus (a sort heading after sorting).
  const active = document.activeElement;
  const focusKey = active !== null && slot.contains(active) ? active.getAttribute('data-focus-key') : null;
  replaceChildren(slot, [fresh]);
  if (focusKey !== null) (slot.querySelector(`[data-focus-key="${CSS.escape(focusKey)}"]`) as HTMLElement | null)?.focus();
}
