// Words users see never name the libraries or the issue tracker behind the page.

import { describe, expect, it } from 'vitest';
import { ACCURACY_MESSAGES } from '../../src/messages/accuracy';
import { ENGINE } from '../../src/messages/engine';
import { FIELD_MESSAGES } from '../../src/messages/fields';
import { QUESTION_TEXT, QUESTIONS_UI } from '../../src/messages/questions';
import { MESSAGES } from '../../src/messages/ui';
import { parseQuantity } from '../../src/scenario/parse-quantity';

const FORBIDDEN = /mathjs|\bissue \d+|vega-|comlink|hardware-profiles\//i;

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'function') {
    // Sentences with blanks: filled with placeholders (those that need structured input are skipped).
    try {
      return [String((value as (...a: unknown[]) => unknown)('x', 'y', 'z', 'w'))];
    } catch {
      return [];
    }
  }
  if (Array.isArray(value)) return value.flatMap(strings);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(strings);
  return [];
}

describe('user-visible wording', () => {
  it('the page catalogue and the accuracy view name no library, issue number or repository folder', () => {
    for (const text of [...strings(MESSAGES), ...strings(ACCURACY_MESSAGES), ...strings(QUESTION_TEXT), ...strings(QUESTIONS_UI), ...strings(FIELD_MESSAGES)]) {
      expect(text).not.toMatch(FORBIDDEN);
    }
  });

  it('a quantity the chip lab cannot read is explained without naming the parser', () => {
    const r = parseQuantity('12 furlongs', 'bytes', 1e9);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).not.toMatch(FORBIDDEN);
  });
});

describe('no feasible chip', () => {
  const window = ENGINE.contextWindow(8512, 'Llama 2 7B', 4096);
  it('names the context window when every chip hits it: no chip or SLO change can help', () => {
    const text = MESSAGES.status.noFeasible([window, window]);
    expect(text).toMatch(/^Input \+ output = 8,512 tokens exceeds Llama 2 7B's context window of 4,096 tokens\. /);
    expect(text).toContain('shorten the prompt or the output');
    expect(text).not.toMatch(/SLO|add chips/);
  });
  it('blames the latency limits only when every chip misses them', () => {
    expect(MESSAGES.status.noFeasible([ENGINE.sloUnreachable('TPOT 30 ms > 20 ms')])).toMatch(/within the latency limits\. Relax the SLO/);
    expect(MESSAGES.status.noFeasible([ENGINE.sloUnreachable('x'), ENGINE.chipsForWeights(323, 8)])).toBe("No selected chip can serve this workload: each chip's row says why.");
    // Without reasons nothing blames the latency limits (the Model size view with no chip said to relax them).
    expect(MESSAGES.status.noFeasible()).toBe("No selected chip can serve this workload: each chip's row says why.");
    expect(MESSAGES.status.noFeasible([window, ENGINE.chipsForWeights(323, 8)])).not.toContain('context window');
  });
});
