// The Questions menu: each preset sets up a scenario the engine answers (some chips feasible, each
// picked chip known), says what to look at, keeps custom chips, and survives a link.

import { describe, expect, it } from 'vitest';
import { QUESTIONS } from '../../src/app-state/questions';
import { compareRequest } from '../../src/app-state/requests';
import { simulate } from '../../src/engine/simulate';
import { QUESTION_TEXT } from '../../src/messages/questions';
import { decodeLink, encodeLink } from '../../src/url/link';
import { apply, catalog, fresh } from './helpers';

const views = new Set(['compare', 'model-size', 'chip-lab', 'accuracy']);

describe.each(QUESTIONS.map((q) => [q.id, q] as const))('question %s', (id, q) => {
  it('sets up its scenario with every chip it names, and says what to look at', () => {
    const s = apply(fresh(), { type: 'set-view', view: 'chip-lab' }, { type: 'ask-question', id });
    expect(s.view).toBe(q.view);
    expect(s.settings.model).toBe(q.model);
    expect(s.compare.picks.map((p) => p.id)).toEqual([...new Set(q.picks.map(([chip]) => chip))]);
    expect(QUESTION_TEXT[id]?.title.length).toBeGreaterThan(10);
    expect(QUESTION_TEXT[id]?.lookAt.length).toBeGreaterThan(40);
  });

  it('is answered: at least one chip can serve it', () => {
    const s = apply(fresh(), { type: 'ask-question', id });
    const r = compareRequest(s, catalog);
    expect(r.problems).toEqual([]);
    if (q.view === 'compare') expect(r.scenarios.map((s) => simulate(s)).some((x) => x.feasible)).toBe(true);
  });

  it('keeps custom chips and is carried by a link', async () => {
    const mine = { ...structuredClone(catalog.hardware.get('nvidia-h100-sxm')!), id: 'mine', name: 'Mine' };
    const s = apply(fresh(), { type: 'add-custom-chip', profile: mine }, { type: 'ask-question', id });
    expect(s.customChips.map((c) => c.id)).toEqual(['mine']);
    const d = await decodeLink(await encodeLink(s, catalog), catalog, undefined, { views });
    expect(d.messages).toEqual([]);
    expect(d.state).toEqual(s);
  });
});

describe('questions', () => {
  it('the six questions of issue 13, in the menu\'s order', () => {
    expect(QUESTIONS.map((q) => QUESTION_TEXT[q.id]?.title)).toEqual([
      'Can a transformer ASIC beat B200 on $/M for a 70B model?',
      'Groq/Cerebras vs GPUs at 300 tok/s per user',
      'NVL72 rack vs 8-GPU box',
      'Distil 70B to 8B: how much cheaper?',
      'What does prompt caching save on a RAG workload?',
      '128k-context chat',
    ]);
  });

  it('an unknown question changes nothing', () => {
    const s = fresh();
    expect(apply(s, { type: 'ask-question', id: 'nope' })).toBe(s);
  });
});
