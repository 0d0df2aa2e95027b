import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closeJsonPrefix } from '../../src/url/json-prefix';

/** Whether `part` holds only what `whole` holds: the same leaves and arrays, objects with fewer keys. */
function within(part: unknown, whole: unknown): boolean {
  if (Array.isArray(part)) return JSON.stringify(part) === JSON.stringify(whole);
  if (part !== null && typeof part === 'object') {
    return whole !== null && typeof whole === 'object' && !Array.isArray(whole)
      && Object.entries(part).every(([k, v]) => Object.hasOwn(whole, k) && within(v, (whole as Record<string, unknown>)[k]));
  }
  return Object.is(part, whole);
}

describe('closeJsonPrefix: the whole values before a cut', () => {
  it('drops the value at the cut instead of completing it', () => {
    expect(closeJsonPrefix('{"a":1,"chips":12')).toBe('{"a":1}');
    expect(closeJsonPrefix('{"a":1,"chips":12,')).toBe('{"a":1,"chips":12}');
    expect(closeJsonPrefix('{"name":"H20')).toBe('{}');
    expect(closeJsonPrefix('{"s":{"m":"x","n":tr')).toBe('{"s":{"m":"x"}}');
    // Arrays are whole or dropped: a list of chips cut short would be another list.
    expect(closeJsonPrefix('{"x":1,"picks":[["a",8],["b",')).toBe('{"x":1}');
    expect(closeJsonPrefix('{"x":1,"picks":[["a",8]],"y":{"w":0,"z":[1,2')).toBe('{"x":1,"picks":[["a",8]],"y":{"w":0}}');
    // An inner container with nothing whole yet goes with its key ("picks": [] would mean no chips).
    expect(closeJsonPrefix('{"x":1,"picks":[')).toBe('{"x":1}');
    expect(closeJsonPrefix('{"x":1,"s":{')).toBe('{"x":1}');
    expect(closeJsonPrefix('{"a":"b\\"c","d')).toBe('{"a":"b\\"c"}');
    expect(closeJsonPrefix('')).toBeNull();
    expect(closeJsonPrefix('[')).toBeNull();
  });

  it('at every cut of any object, gives JSON holding only values of the original, unchanged', () => {
    fc.assert(fc.property(fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 5 }), (value) => {
      const text = JSON.stringify(value);
      const original = JSON.parse(text) as unknown;
      for (let cut = 0; cut <= text.length; cut++) {
        const closed = closeJsonPrefix(text.slice(0, cut));
        if (closed === null) continue;
        const read = JSON.parse(closed) as unknown;
        expect(within(read, original), `${text.slice(0, cut)} -> ${closed}`).toBe(true);
      }
      expect(JSON.parse(closeJsonPrefix(text)!)).toEqual(JSON.parse(text));
    }), { numRuns: 150 });
  });
});
