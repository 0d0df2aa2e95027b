// The "Questions" menu: picking a question sets up its scenario (one action) and shows what to
// look at, until dismissed or another question is asked.

import { QUESTIONS } from '../app-state/questions';
import { QUESTIONS_UI as Q, QUESTION_TEXT } from '../messages/questions';
import { el, uid } from './dom';
import type { ViewContext } from './views/view';

export interface QuestionsMenu {
  menu: HTMLElement;
  guide: HTMLElement;
}

export function mountQuestionsMenu(ctx: ViewContext): QuestionsMenu {
  const id = uid('questions');
  const select = el('select', { id, attrs: { 'data-control': 'questions', 'aria-label': Q.menu } }, [
    el('option', { text: Q.placeholder, attrs: { value: '' } }),
    ...QUESTIONS.map((q) => el('option', { text: QUESTION_TEXT[q.id]?.title ?? q.id, attrs: { value: q.id } })),
  ]);
  const title = el('p', { class: 'question-title' });
  const text = el('p', { class: 'question-text' });
  const dismiss = el('button', { class: 'link-button', text: Q.dismiss, attrs: { type: 'button', 'data-control': 'question-dismiss' } });
  const guide = el('section', { class: 'question-guide', attrs: { role: 'status', 'data-question-guide': '' } }, [title, text, dismiss]);
  guide.hidden = true;
  dismiss.addEventListener('click', () => { guide.hidden = true; });
  select.addEventListener('change', () => {
    const q = select.value;
    select.value = '';
    const words = QUESTION_TEXT[q];
    if (words === undefined || !ctx.dispatch({ type: 'ask-question', id: q })) return;
    title.textContent = Q.guideTitle(words.title);
    text.textContent = words.lookAt;
    guide.hidden = false;
  });
  return { menu: el('div', { class: 'questions-menu' }, [select]), guide };
}
