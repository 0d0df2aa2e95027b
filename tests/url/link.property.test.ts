// Property tests of the link codec: generated app states survive encode -> decode unchanged, and
// no string (random, truncated, bit-flipped, oversized, a valid payload with garbage fields)
// makes decoding throw or yield an invalid state. More than 10,000 generated cases in all.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AppState } from '../../src/app-state/app-state';
import { LAB_PARAMS } from '../../src/app-state/lab-params';
import { MARKET_FIELDS } from '../../src/app-state/market-fields';
import { SETTINGS_FIELDS } from '../../src/app-state/settings-fields';
import type { Action } from '../../src/app-state/update';
import { RANK_KEYS, type RankKey } from '../../src/engine/analysis/rank';
import { parseHardwareProfile } from '../../src/records/hardware-profile';
import { parseModelArchitecture } from '../../src/records/model-architecture';
import { PRECISIONS, type HardwareProfile, type ModelArchitecture } from '../../src/engine/types';
import { decodeLink, encodeLink, linkPatch } from '../../src/url/link';
import { fromBase64Url, packJson, packText, toBase64Url } from '../../src/url/pack';
import { apply, catalog, env, fresh } from '../app-state/helpers';
import { stateProblems } from './valid-state';

const views = env.views;
const chipIds = [...catalog.hardware.keys()];
const modelIds = [...catalog.models.keys()];
const word = fc.constantFrom('alpha', 'beta', 'x', 'chip', 'big', 'v2', '9000', 'lab', 'pro');
const kebab = fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join('-'));
const name = fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim() !== '')
  .map((s) => s)
  .chain((s) => fc.constantFrom(s, `<img src=x onerror=window.__xss=1> ${s}`, `"${s}" & <b>co</b>`));
/** Log-uniform within [min, max]. */
const span = (min: number, max: number) => fc.double({ min: 0, max: 1, noNaN: true }).map((t) => (min <= 0 ? max * t : min * (max / min) ** t));

const customChip: fc.Arbitrary<HardwareProfile> = fc.record({
  base: fc.constantFrom(...chipIds), id: kebab, name, tdp: span(50, 5000), price: span(1000, 1e6), rental: fc.option(span(0.01, 100), { nil: null }),
}).map(({ base, id, name: n, tdp, price, rental }) => {
  const p = structuredClone(catalog.hardware.get(base)!);
  return { ...p, id, name: n, power: { tdpWatts: tdp }, price: { listPriceUsd: price, rentalUsdPerChipHour: rental } };
}).filter((p) => parseHardwareProfile(p).errors.length === 0);

const customModel: fc.Arbitrary<ModelArchitecture> = fc.record({
  base: fc.constantFrom(...modelIds), id: kebab, name: name.map((s) => s.slice(0, 100)), layers: fc.integer({ min: 1, max: 200 }),
}).map(({ base, id, name: n, layers }) => ({ ...structuredClone(catalog.models.get(base)!), id, name: n, numLayers: layers }))
  // Only models the import dialog would accept (it validates with the same parser).
  .filter((m) => parseModelArchitecture(m).errors.length === 0);

const count = fc.oneof(fc.constant('auto' as const), fc.integer({ min: 1, max: 100_000 }), fc.constantFrom(1, 8, 16, 72));

function actionArb(): fc.Arbitrary<Action> {
  const setting = fc.constantFrom(...SETTINGS_FIELDS).chain((f) => fc.oneof(
    span(f.limit.min, f.limit.max),
    f.nullable ? fc.constant(null) : span(f.limit.min, f.limit.max),
  ).map((value): Action => ({ type: 'set-setting', field: f.id, value })));
  const lab = fc.constantFrom(...LAB_PARAMS).chain((d) => span(d.slider.min, d.slider.max).map((value): Action => ({ type: 'lab-set', param: d.id, value })));
  // Ids of custom chips/models are drawn from the same small word pool, so toggles hit them.
  const anyChip = fc.oneof(fc.constantFrom(...chipIds), kebab, kebab.map((k) => `${k}-lab`), fc.constant('nvidia-h200-sxm-lab'));
  return fc.oneof(
    { weight: 4, arbitrary: setting },
    { weight: 4, arbitrary: lab },
    fc.constantFrom(...modelIds).map((model): Action => ({ type: 'set-model', model })),
    fc.record({ precision: fc.constantFrom(...PRECISIONS), part: fc.constantFrom(undefined, 'weights' as const, 'activations' as const, 'kvCache' as const) }).map(({ precision, part }): Action => (part === undefined ? { type: 'set-precision', precision } : { type: 'set-precision', precision, part })),
    fc.constantFrom('rental' as const, 'tco' as const).map((pricing): Action => ({ type: 'set-pricing', pricing })),
    fc.constantFrom('spec' as const, 'achieved' as const).map((mode): Action => ({ type: 'set-efficiency-mode', mode })),
    { weight: 3, arbitrary: fc.record({ id: anyChip, on: fc.boolean() }).map(({ id, on }): Action => ({ type: 'toggle-chip', id, on })) },
    { weight: 2, arbitrary: fc.record({ id: anyChip, chips: count }).map(({ id, chips }): Action => ({ type: 'set-chip-count', id, chips })) },
    fc.constantFrom(...(Object.keys(RANK_KEYS) as RankKey[])).map((key): Action => ({ type: 'set-rank-by', key })),
    fc.constantFrom('perChip' as const, 'usdPerMillion' as const).map((metric): Action => ({ type: 'set-frontier-metric', metric })),
    fc.constantFrom('dense' as const, 'moe' as const).map((family): Action => ({ type: 'set-family', family })),
    fc.integer({ min: 0, max: 40 }).map((sizes): Action => ({ type: 'set-sweep-sizes', sizes })),
    fc.constantFrom(...views).map((view): Action => ({ type: 'set-view', view })),
    fc.option(anyChip, { nil: null }).map((baseId): Action => ({ type: 'lab-start', baseId })),
    fc.boolean().map((on): Action => ({ type: 'lab-set-sram-weights', on })),
    name.map((n): Action => ({ type: 'lab-set-name', name: n })),
    count.map((chips): Action => ({ type: 'lab-set-chips', chips })),
    anyChip.map((id): Action => ({ type: 'lab-set-target', id })),
    { weight: 2, arbitrary: fc.constant<Action>({ type: 'lab-save' }) },
    { weight: 2, arbitrary: customChip.map((profile): Action => ({ type: 'add-custom-chip', profile })) },
    customModel.map((model): Action => ({ type: 'add-custom-model', model })),
    anyChip.map((id): Action => ({ type: 'remove-custom-chip', id })),
    kebab.map((id): Action => ({ type: 'remove-custom-model', id })),
    fc.record({ hardwareId: anyChip, key: fc.constantFrom('usdPerMillionOutputTokens', 'tpotSeconds', 'nope') }).map(({ hardwareId, key }): Action => ({ type: 'open-explain', hardwareId, key })),
    fc.constant<Action>({ type: 'close-explain' }),
    fc.record({ field: fc.constantFrom(...MARKET_FIELDS.map((f) => f.id)), t: fc.double({ min: 0, max: 1, noNaN: true }) })
      .map(({ field, t }): Action => {
        const def = MARKET_FIELDS.find((f) => f.id === field)!;
        return { type: 'market-set-field', field, value: def.limit.min + t * (def.limit.max - def.limit.min) };
      }),
    fc.option(fc.constantFrom(43.9, 64.8, 68, 86, 87), { nil: null }).map((tier): Action => ({ type: 'market-set-tier', tier })),
    { weight: 2, arbitrary: fc.constantFrom('2021-11-20-openai-gpt-3-175b-davinci', '2024-11-12-together-ai-llama-3-2-3b-instruct', 'no-such-point', 'Bad Id').map((id): Action => ({ type: 'market-pick', id })) },
    fc.constant<Action>({ type: 'market-set-pair', from: null, to: null }),
  );
}

const stateArb: fc.Arbitrary<AppState> = fc.array(actionArb(), { maxLength: 30 }).map((actions) => apply(fresh(), ...actions));

async function decodeValid(text: string): Promise<void> {
  const d = await decodeLink(text, catalog, undefined, { views });
  expect(stateProblems(d.state, catalog, views)).toEqual([]);
  for (const m of d.messages) expect([typeof m.code, typeof m.text]).toEqual(['string', 'string']);
  expect(d.messages.length).toBeLessThanOrEqual(12);
}

/** A handful of real links to mutate. */
async function seedLinks(): Promise<string[]> {
  const states = fc.sample(stateArb, { numRuns: 12, seed: 6 });
  return Promise.all(states.map((s) => encodeLink(s, catalog)));
}

describe('link round trip', () => {
  it('decode(encode(s)) equals s for generated app states', async () => {
    await fc.assert(fc.asyncProperty(stateArb, async (state) => {
      const hash = await encodeLink(state, catalog);
      const d = await decodeLink(hash, catalog, undefined, { views });
      expect(d.messages).toEqual([]);
      expect(d.state).toEqual(state);
      expect(stateProblems(d.state, catalog, views)).toEqual([]);
    }), { numRuns: Number(process.env.LINK_ROUNDTRIP_RUNS ?? 400) });
  });

  it('the patch of a state is stable (encoding is deterministic)', () => {
    fc.assert(fc.property(stateArb, (state) => {
      expect(JSON.stringify(linkPatch(structuredClone(state), catalog))).toBe(JSON.stringify(linkPatch(state, catalog)));
    }), { numRuns: 100 });
  });
});

describe('decoding never throws and always yields a valid state', () => {
  it('arbitrary strings', async () => {
    await fc.assert(fc.asyncProperty(fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.string({ maxLength: 200 }).map((s) => `#s=${s}`),
      fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'), maxLength: 300 }).map((s) => `#s=1.${s}`),
      fc.uint8Array({ maxLength: 200 }).map((b) => `#s=1.${toBase64Url(b)}`),
    ), decodeValid), { numRuns: 3000 });
  });

  it('truncated and bit-flipped real links', async () => {
    const links = await seedLinks();
    await fc.assert(fc.asyncProperty(fc.constantFrom(...links), fc.nat(), async (link, cut) => {
      await decodeValid(link.slice(0, cut % (link.length + 1)));
    }), { numRuns: 2000 });
    await fc.assert(fc.asyncProperty(fc.constantFrom(...links), fc.nat(), fc.integer({ min: 0, max: 7 }), async (link, at, bit) => {
      // The data between the version and the check.
      const payload = link.slice(link.indexOf('.') + 1, link.lastIndexOf('.'));
      const bytes = fromBase64Url(payload)!;
      const i = at % Math.max(1, bytes.length);
      if (bytes.length > 0) bytes[i] = bytes[i]! ^ (1 << bit);
      await decodeValid(`#s=1.${toBase64Url(bytes)}`);
    }), { numRuns: 2000 });
  });

  it('oversized links and payloads', async () => {
    await fc.assert(fc.asyncProperty(fc.integer({ min: 16_000, max: 40_000 }), fc.constantFrom('A', '_', '-'), async (n, c) => {
      await decodeValid(`#s=1.${c.repeat(n)}`);
    }), { numRuns: 20 });
    await fc.assert(fc.asyncProperty(fc.integer({ min: 1, max: 4 }), async (mb) => {
      await decodeValid(`#s=1.${await packText(`{"settings":"${'x'.repeat(mb * 300_000)}"}`)}`);
    }), { numRuns: 4 });
  });

  it('valid payloads with garbage fields', async () => {
    const seeds = (await seedLinks()).map((l) => l);
    const patches = await Promise.all(seeds.map(async (l) => {
      const d = await decodeLink(l, catalog, undefined, { views });
      return linkPatch(d.state, catalog) as Record<string, unknown>;
    }));
    const paths = [
      ['view'], ['settings'], ['settings', 'workload'], ['settings', 'workload', 'inputTokens'], ['settings', 'economics', 'pue'],
      ['settings', 'slo', 'maxTpotSeconds'], ['settings', 'model'], ['settings', 'precision', 'weights'], ['settings', 'speculative'],
      ['picks'], ['picks', 0], ['rankBy'], ['frontierMetric'], ['family'], ['sizes'], ['lab'], ['lab', 'base'], ['lab', 'from'],
      ['lab', 'edit'], ['lab', 'edit', 'memory'], ['lab', 'edit', 'compute', 'denseFlopsPerSecond', 'fp8'], ['lab', 'chips'], ['lab', 'target'],
      ['chips'], ['chips', 0], ['chips', 0, 'edit'], ['chips', 0, 'edit', 'id'], ['chips', 0, 'base'], ['models'], ['models', 0, 'edit', 'numLayers'],
      ['explain'], ['explain', 'key'], ['__proto__'], ['constructor'], ['unknown'],
    ] as (string | number)[][];
    const garbage = fc.oneof(
      fc.jsonValue({ maxDepth: 3 }),
      fc.constantFrom(null, -1, 0, 1e308, -1e308, Number.MAX_SAFE_INTEGER, 'auto', '', 'xyz', '__proto__', [], {}, true, '<script>alert(1)</script>'),
      fc.array(fc.constantFrom('xyz:8', 'nvidia-h100-sxm:0', 'nvidia-h100-sxm:1e9', 3, -1, 99, null), { maxLength: 60 }),
    );
    await fc.assert(fc.asyncProperty(fc.constantFrom(...patches), fc.array(fc.tuple(fc.constantFrom(...paths), garbage), { minLength: 1, maxLength: 4 }), async (patch, edits) => {
      const p = structuredClone(patch) as Record<string, unknown>;
      for (const [path, value] of edits) {
        let node: Record<string | number, unknown> = p;
        for (const key of path.slice(0, -1)) {
          const next = Object.hasOwn(node, key) ? node[key] : undefined;
          if (typeof next !== 'object' || next === null) {
            const made: Record<string, unknown> = {};
            Object.defineProperty(node, key, { value: made, enumerable: true, writable: true, configurable: true });
            node = made;
          } else node = next as Record<string | number, unknown>;
        }
        Object.defineProperty(node, path.at(-1)!, { value: structuredClone(value), enumerable: true, writable: true, configurable: true });
      }
      await decodeValid(`#s=1.${await packJson(p)}`);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    }), { numRuns: 3000 });
  });
});
