// "Copy link" (the URL already holds the whole state; this copies it and confirms) and the notice
// that lists what a link could not restore. Text only: link messages quote strangers' strings.

import type { Message } from '../messages/message';
import { el, replaceChildren } from './dom';
import { MESSAGES } from '../messages/ui';
import { focusResultsAfterDismiss } from './jump';

const S = MESSAGES.share;

export interface CopyLinkControl {
  element: HTMLElement;
}

async function copyText(text: string, fallbackInput: HTMLInputElement): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Clipboard API refused (permissions, insecure context): select the text and try execCommand.
    fallbackInput.value = text;
    fallbackInput.hidden = false;
    fallbackInput.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    }
  }
}

export function mountCopyLink(link: () => Promise<string>): CopyLinkControl {
  const status = el('span', { class: 'copy-status', attrs: { role: 'status', 'aria-live': 'polite', 'data-copy-status': '' } });
  const input = el('input', { class: 'copy-fallback', attrs: { type: 'text', readonly: true, 'aria-label': S.linkLabel, 'data-copy-fallback': '' } });
  input.hidden = true;
  let clearTimer: ReturnType<typeof setTimeout> | null = null;
  const button = el('button', {
    class: 'secondary', text: S.copy, title: S.copyHint,
    attrs: { type: 'button', 'data-control': 'copy-link' },
    on: {
      click: () => {
        // A field showing a refused value keeps its text, but the state (and so the link) has the last valid one.
        const refused = document.querySelectorAll('input[aria-invalid="true"]').length;
        void link().then(async (url) => {
          const ok = await copyText(url, input);
          status.textContent = !ok ? S.copyFailed : refused > 0 ? S.copiedWithoutRefused(refused) : S.copied;
          input.hidden = ok;
          if (!ok) {
            input.value = url;
            input.select();
          }
          if (clearTimer !== null) clearTimeout(clearTimer);
          if (ok) clearTimer = setTimeout(() => { status.textContent = ''; }, 4000);
        });
      },
    },
  });
  return { element: el('div', { class: 'copy-link' }, [button, status, input]) };
}

export interface LinkNotice {
  element: HTMLElement;
  /**
   * `unreadable`: nothing of the link could be used (the title says so instead of "some parts").
   * `swap`: loads the link's custom chips and models that were over the cap; false if refused.
   */
  show(messages: readonly Message[], unreadable: boolean, swap?: (() => boolean) | null): void;
}

/** Lists what an opened link could not restore; hidden when there is nothing to say. */
export function mountLinkNotice(): LinkNotice {
  const list = el('ul');
  const title = el('p', { class: 'link-notice-title', text: S.noticeTitle });
  const swapButton = el('button', { class: 'secondary small', text: S.swapIn, attrs: { type: 'button', 'data-control': 'link-notice-swap' } });
  const swapStatus = el('p', { class: 'link-notice-status', attrs: { 'data-swap-status': '' } });
  const dismiss = el('button', { class: 'link-button', text: S.dismiss, attrs: { type: 'button', 'data-control': 'link-notice-dismiss' } });
  const element = el('section', { class: 'link-notice', attrs: { role: 'alert', 'data-link-messages': '' } }, [
    title, list, swapStatus, el('div', { class: 'link-buttons' }, [swapButton, dismiss]),
  ]);
  element.hidden = true;
  let swap: (() => boolean) | null = null;
  dismiss.addEventListener('click', () => {
    element.hidden = true;
    focusResultsAfterDismiss();
  });
  swapButton.addEventListener('click', () => {
    if (swap === null) return;
    swapStatus.textContent = swap() ? S.swapped : S.swapRefused;
    swap = null;
    swapButton.hidden = true;
  });
  return {
    element,
    show(messages, unreadable, swapIn = null) {
      title.textContent = unreadable ? S.noticeTitleUnreadable : S.noticeTitle;
      replaceChildren(list, messages.map((m) => el('li', { text: m.text, attrs: { 'data-code': m.code } })));
      swap = swapIn;
      swapButton.hidden = swapIn === null;
      swapStatus.textContent = '';
      element.hidden = messages.length === 0;
    },
  };
}
