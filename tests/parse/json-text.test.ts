import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readJsonText } from '../../src/parse/json-text';

describe('readJsonText: JSON a user wrote, read without silent loss', () => {
  it('gives the value JSON.parse gives for any JSON without duplicate keys or overflowing numbers', () => {
    fc.assert(fc.property(fc.jsonValue({ noUnicodeString: false }), fc.boolean(), (v, pretty) => {
      const text = JSON.stringify(v, null, pretty ? 2 : undefined);
      const read = readJsonText(text);
      expect(read).toEqual({ ok: true, value: JSON.parse(text) });
    }));
  });

  it('refuses a key given twice in one object, naming the key and where it is', () => {
    expect(readJsonText('{"chips": 4, "model": "x", "chips": 8}')).toEqual({
      ok: false, kind: 'duplicate-key',
      error: '"chips" is given twice at the top level; JSON would keep only the last one, so remove the one you do not mean',
    });
    const nested = readJsonText('{"workload": {"slo": {"maxTtftSeconds": 1, "maxTtftSeconds": 2}}}');
    expect(nested.ok).toBe(false);
    expect(!nested.ok && nested.error).toContain('in "workload.slo"');
    const inArray = readJsonText('{"items": [{"a": 1}, {"a": 1, "a": 2}]}');
    expect(!inArray.ok && inArray.error).toContain('in "items[1]"');
  });

  it('accepts equal keys in different objects', () => {
    expect(readJsonText('{"a": {"x": 1}, "b": {"x": 2}, "x": 3}')).toEqual({ ok: true, value: { a: { x: 1 }, b: { x: 2 }, x: 3 } });
  });

  it('keeps the text of a number too large for a double, so a message can quote it', () => {
    expect(readJsonText('{"chips": 1e400, "x": [-1E999, 2]}')).toEqual({ ok: true, value: { chips: '1e400', x: ['-1E999', 2] } });
    expect(readJsonText(' 1e400 ')).toEqual({ ok: true, value: '1e400' });
    expect(readJsonText(`{"n": 1${'0'.repeat(400)}}`)).toEqual({ ok: true, value: { n: `1${'0'.repeat(400)}` } });
  });

  it('keeps escaped keys and "__proto__" as JSON.parse does', () => {
    const text = '{"a\\"b": 1, "\\u0063": 2, "__proto__": {"polluted": true}}';
    const read = readJsonText(text);
    expect(read).toEqual({ ok: true, value: JSON.parse(text) });
    expect(read.ok && Object.hasOwn(read.value as object, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('passes on JSON.parse\'s message for text that is not JSON, and never throws', () => {
    const read = readJsonText('{"a": 1,}');
    expect(read.ok).toBe(false);
    expect(!read.ok && read.kind).toBe('syntax');
    const deep = `{"picks":${'['.repeat(200_000)}1${']'.repeat(200_000)}}`;
    const deepRead = readJsonText(deep);
    expect(deepRead.ok && Array.isArray((deepRead.value as { picks: unknown }).picks)).toBe(true);
    fc.assert(fc.property(fc.string(), (text) => {
      expect(() => readJsonText(text)).not.toThrow();
    }));
  });
});
