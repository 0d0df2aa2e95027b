// Words users see never name the libraries or the issue tracker behind the page.

import { describe, expect, it } from 'vitest';
import { ACCURACY_MESSAGES } from '../../src/messages/accuracy';
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
