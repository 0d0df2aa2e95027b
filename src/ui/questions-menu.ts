// The "Questions" menu: picking a question sets up its scenario (one action) and shows what to
// look at, until dismissed or another question is asked. A disclosure button with a list of
// buttons, not a <select>: a closed select applies its next option on every arrow key, so arrowing
// through the questions would have replaced the user's scenario once per key.

import { QUESTIONS } from '../app-state/questions';
import { QUESTIONS_UI as Q, QUESTION_TEXT } from '../messages/questions';
import { el, uid } from './dom';
import { focusResultsAfterDismiss } from './jump';
import type { ViewContext } from './views/view';

export interface QuestionsMenu {
  menu: HTMLElement;
  guide: HTMLElement;
}

export function mountQuestionsMenu(ctx: ViewContext): QuestionsMenu {
  const listId = uid('questions');
  const toggle = el('button', {
    class: 'questions-toggle',
    text: Q.placeholder,
    attrs: { type: 'button', 'data-control': 'questions', 'aria-expanded': 'false', 'aria-controls': listId },
  });
  const items = QUESTIONS.map((q) => el('button', {
    class: 'questions-item',
    text: QUESTION_TEXT[q.id]?.title ?? q.id,
    attrs: { type: 'button', 'data-question': q.id },
  }));
  const list = el('ul', { id: listId, class: 'questions-list', attrs: { 'aria-label': Q.menu } }, items.map((b) => el('li', {}, [b])));
  list.hidden = true;
  const title = el('p', { class: 'question-title' });
  const text = el('p', { class: 'question-text' });
  const dismiss = el('button', { class: 'link-button', text: Q.dismiss, attrs: { type: 'button', 'data-control': 'question-dismiss' } });
  const guide = el('section', { class: 'question-guide', attrs: { role: 'status', 'data-question-guide': '' } }, [title, text, dismiss]);
  guide.hidden = true;
  dismiss.addEventListener('click', () => {
    guide.hidden = true;
    focusResultsAfterDismiss();
  });
  const menu = el('div', { class: 'questions-menu' }, [toggle, list]);

  const setOpen = (open: boolean) => {
    list.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
  };
  toggle.addEventListener('click', () => {
    const open = list.hidden;
    setOpen(open);
    if (open) items[0]?.focus();
  });
  list.addEventListener('click', (event) => {
    const id = (event.target as HTMLElement).closest<HTMLElement>('[data-question]')?.dataset.question;
    if (id === undefined) return;
    setOpen(false);
    toggle.focus();
    const words = QUESTION_TEXT[id];
    if (words === undefined || !ctx.dispatch({ type: 'ask-question', id })) return;
    title.textContent = Q.guideTitle(words.title);
    text.textContent = words.lookAt;
    guide.hidden = false;
  });
  menu.addEventListener('keydown', (event) => {
    if (list.hidden) return;
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'Escape') {
      setOpen(false);
      toggle.focus();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      // Arrows only move between the questions; Enter or a click asks one.
      const step = event.key === 'ArrowDown' ? 1 : -1;
      items[(at + step + items.length) % items.length]?.focus();
    } else if (event.key === 'Home' || event.key === 'End') {
      items[event.key === 'Home' ? 0 : items.length - 1]?.focus();
    } else {
      return;
    }
    event.preventDefault();
  });
  // Leaving the menu (Tab away, a click elsewhere) closes it.
  menu.addEventListener('focusout', (event) => {
    if (!menu.contains(event.relatedTarget as Node | null)) setOpen(false);
  });
  return { menu, guide };
}
