// Keeps the keyboard focus where the user was when a render replaces the control that had it.
// Views rebuild parts of the page on every state change; a focused button that is rebuilt is a new
// element, and the browser then drops the focus to <body>, so a keyboard user starts over from the
// top of the page. After each change of the page this finds the rebuilt control (same tag, same
// data-* attributes, same name) and focuses it; failing that, the first control of the nearest
// part of the page that survived. One place for every view, installed once by the shell.

/** What identifies a control across renders. */
interface Remembered {
  element: HTMLElement;
  selector: string;
  name: string;
  /** The element's ancestors, nearest first (for the fallback when the control itself is gone). */
  ancestors: HTMLElement[];
}

const FOCUSABLE = 'button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])';

function remember(element: HTMLElement): Remembered {
  const attrs = [...element.attributes].filter((a) => a.name.startsWith('data-') || a.name === 'type');
  const selector = element.tagName.toLowerCase() + attrs.map((a) => `[${a.name}="${CSS.escape(a.value)}"]`).join('');
  const ancestors: HTMLElement[] = [];
  for (let p = element.parentElement; p !== null; p = p.parentElement) ancestors.push(p);
  return { element, selector, name: accessibleName(element), ancestors };
}

function accessibleName(element: HTMLElement): string {
  return element.getAttribute('aria-label') ?? element.textContent?.trim() ?? '';
}

function visible(element: HTMLElement): boolean {
  return element.isConnected && element.getClientRects().length > 0;
}

/** The rebuilt control: same selector and, among several, the same name. */
function equivalent(r: Remembered, within: ParentNode): HTMLElement | null {
  const candidates = [...within.querySelectorAll<HTMLElement>(r.selector)].filter(visible);
  return candidates.find((c) => accessibleName(c) === r.name) ?? (candidates.length === 1 ? candidates[0]! : null);
}

function openModal(): HTMLDialogElement | null {
  return document.querySelector<HTMLDialogElement>('dialog[open]');
}

/**
 * Where the focus should go when `r`'s element is gone: its rebuilt self, looked for from the
 * nearest surviving part of the page outwards (a same-named button elsewhere is not it), else the
 * first control of the nearest surviving part.
 */
function replacement(r: Remembered): HTMLElement | null {
  const modal = openModal();
  // Parts as large as the page (those holding <main>) are no fallback: their first control is the
  // skip link at the top, where the user was not.
  const main = document.querySelector('main');
  const surviving = r.ancestors.filter((a) => a.isConnected && a !== document.body && (modal === null || modal.contains(a))
    && (main === null || !a.contains(main)));
  for (const ancestor of surviving) {
    const same = equivalent(r, ancestor);
    if (same !== null) return same;
  }
  for (const ancestor of surviving) {
    const first = [...ancestor.querySelectorAll<HTMLElement>(FOCUSABLE)].find(visible);
    if (first !== undefined) return first;
  }
  return null;
}

export function installFocusKeeper(): void {
  /** The control that last had the focus, and the last one outside a dialog (a dialog's opener). */
  let last: Remembered | null = null;
  let opener: Remembered | null = null;
  const lost = () => document.activeElement === null || document.activeElement === document.body;
  const focus = (target: HTMLElement | null) => target?.focus({ preventScroll: true });
  document.addEventListener('focusin', (event) => {
    const target = event.target;
    if (!(target instanceof HTMLElement) || target === document.body) return;
    last = remember(target);
    if (target.closest('dialog') === null) opener = last;
  });
  // The focus leaves a control: once the browser has moved it, put it back where the user was if
  // it fell to <body> because the control went (rebuilt, hidden) or its dialog closed. A control
  // still shown that loses the focus (a click on the page's background) is left alone.
  document.addEventListener('focusout', (event) => {
    const from = event.target;
    if (!(from instanceof HTMLElement) || event.relatedTarget !== null) return;
    const gone = last !== null && last.element === from ? last : null;
    setTimeout(() => {
      if (!lost() || openModal() !== null) return;
      const dialog = from.closest('dialog');
      if (dialog !== null && !dialog.open && opener !== null) focus(visible(opener.element) ? opener.element : replacement(opener));
      else if (gone !== null && !visible(from)) focus(replacement(gone));
      else if (last === gone) last = null; // Moved away on purpose: nothing to restore later.
    }, 0);
  });
  // A control removed or hidden while focused may drop the focus without a focusout event.
  new MutationObserver(() => {
    if (last === null || !lost() || visible(last.element)) return;
    focus(replacement(last));
  }).observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['hidden', 'class', 'style'] });
}
