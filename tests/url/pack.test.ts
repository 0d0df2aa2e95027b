import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_UNPACKED_BYTES, fromBase64Url, packJson, packText, toBase64Url, unpackJson } from '../../src/url/pack';
import { applyPatch, diff } from '../../src/url/patch';

describe('pack / unpack', () => {
  it('round-trips JSON values', async () => {
    await fc.assert(fc.asyncProperty(fc.json(), async (text) => {
      const value = JSON.parse(text) as unknown;
      const packed = await packJson(value);
      expect(packed).toMatch(/^[A-Za-z0-9_-]*$/);
      expect(await unpackJson(packed)).toEqual({ ok: true, value });
    }), { numRuns: 200 });
  });

  it('never throws on arbitrary text and explains what is wrong', async () => {
    await fc.assert(fc.asyncProperty(fc.string({ maxLength: 300 }), async (text) => {
      const r = await unpackJson(text);
      if (!r.ok) expect(r.error.length).toBeGreaterThan(10);
    }), { numRuns: 500 });
    expect((await unpackJson('x'.repeat(20_000))).ok).toBe(false);
    expect((await unpackJson('%%%')).ok).toBe(false);
  });

  it('tells a link that decompresses to something other than JSON from a damaged one', async () => {
    expect(await unpackJson(await packText('hello world'))).toEqual({ ok: false, error: expect.stringContaining('not JSON') });
    expect(await unpackJson(await packText('{"a": NaN}'))).toEqual({ ok: false, error: expect.stringContaining('not JSON') });
    expect(await unpackJson('AAAA')).toEqual({ ok: false, error: expect.stringContaining('damaged or truncated') });
  });

  it('a link cut short keeps the whole values before the cut, or is called damaged or truncated; never foreign characters', async () => {
    const original = { model: 'qwen3-32b', inputTokens: 4096, chips: 11, pricing: 'tco', picks: [['a', 8], ['b', 8]], note: 'x'.repeat(40) };
    const packed = await packJson(original);
    let kept = 0;
    for (let cut = 1; cut < packed.length; cut++) {
      const r = await unpackJson(packed.slice(0, -cut));
      if (!r.ok) {
        expect(r.error, `cut ${cut}`).toContain('damaged or truncated');
        continue;
      }
      // Read from a cut link: flagged, and every value it keeps is the original's (an array whole).
      expect(r.cutShort, `cut ${cut}`).toBe(true);
      for (const [k, v] of Object.entries(r.value as Record<string, unknown>)) expect(v, `cut ${cut}: ${k}`).toEqual(original[k as keyof typeof original]);
      if (Object.keys(r.value as object).length > 0) kept++;
    }
    expect(kept).toBeGreaterThan(0);
    expect(await unpackJson(`${packed.slice(0, -1)}!`)).toEqual({ ok: false, error: expect.stringContaining('characters') });
  });

  it('refuses a link that inflates beyond the cap (zip bomb)', async () => {
    const bomb = await packJson('a'.repeat(MAX_UNPACKED_BYTES * 2));
    expect(bomb.length).toBeLessThan(16_000);
    const r = await unpackJson(bomb);
    expect(r).toEqual({ ok: false, error: expect.stringContaining('more data') });
  });

  it('base64url round-trips bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
      expect(fromBase64Url(toBase64Url(bytes))).toEqual(bytes);
    }));
  });
});

describe('diff / applyPatch', () => {
  it('applyPatch(base, diff(base, value)) equals value', () => {
    fc.assert(fc.property(fc.json(), fc.json(), (a, b) => {
      const base = JSON.parse(a) as unknown;
      const value = JSON.parse(b) as unknown;
      fc.pre(!a.includes('__proto__') && !b.includes('__proto__') && !/"(constructor|prototype)"/.test(a + b));
      expect(applyPatch(base, diff(base, value))).toEqual(value);
    }), { numRuns: 500 });
  });

  it('a patch holds only what changed', () => {
    expect(diff({ a: 1, b: { c: 2, d: 3 } }, { a: 1, b: { c: 2, d: 4 } })).toEqual({ b: { d: 4 } });
    expect(diff({ a: 1 }, { a: 1 })).toBeUndefined();
  });

  it('ignores prototype keys in untrusted patches', () => {
    const out = applyPatch({}, JSON.parse('{"__proto__": {"polluted": true}}')) as Record<string, unknown>;
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(out)).toEqual([]);
  });
});
