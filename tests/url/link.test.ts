import { describe, expect, it } from 'vitest';
import type { AppState } from '../../src/app-state/app-state';
import { MAX_CUSTOM, MAX_PICKS } from '../../src/app-state/update';
import { LINK_VERSION, currentBase } from '../../src/url/link-format';
import { MAX_LINK_CHARS, checkedLink, decodeLink, encodeLink, linkParam, linkPatch } from '../../src/url/link';
import { packJson, packText } from '../../src/url/pack';
import { WIRE_FIELDS, toWire } from '../../src/url/wire-fields';
import { apply, catalog, env, fresh } from '../app-state/helpers';
import { stateProblems } from './valid-state';

const views = env.views;
const ORIGIN = 'http://127.0.0.1:5173/';

async function open(hash: string, stored?: Parameters<typeof decodeLink>[2]) {
  const d = await decodeLink(hash, catalog, stored, { views });
  expect(stateProblems(d.state, catalog, views)).toEqual([]);
  return d;
}

/** A link whose patch is `patch` (as a tampered or hand-made link would be). */
async function linkOf(patch: unknown, version = LINK_VERSION): Promise<string> {
  return checkedLink(version, await packJson(patch));
}

function oneCustomChip(): AppState {
  return apply(fresh(), { type: 'set-view', view: 'chip-lab' }, { type: 'lab-set', param: 'hbmCapacity', value: 288e9 }, { type: 'lab-set', param: 'hbmBandwidth', value: 8e12 }, { type: 'lab-set-name', name: 'H200 288GB' }, { type: 'lab-save' });
}

describe('link encoding', () => {
  it('the landing state is an empty patch and a very short link', async () => {
    expect(linkPatch(fresh(), catalog)).toEqual({});
    const hash = await encodeLink(fresh(), catalog);
    expect(`${ORIGIN}${hash}`.length).toBeLessThan(60);
    expect((await open(hash)).state).toEqual(fresh());
  });

  it('a link with one custom chip (edited in the lab and saved) stays short', async () => {
    const state = oneCustomChip();
    const hash = await encodeLink(state, catalog);
    const full = `${ORIGIN}${hash}`;
    console.log(`link lengths: default ${ORIGIN.length + (await encodeLink(fresh(), catalog)).length} characters; one custom chip ${full.length} characters`);
    expect(full.length).toBeLessThan(500);
    const d = await open(hash);
    expect(d.messages).toEqual([]);
    expect(d.state).toEqual(state);
  });

  it('a typical edited workload stays well under 500 characters', async () => {
    const state = apply(fresh(),
      { type: 'set-model', model: 'llama-3.1-8b' }, { type: 'set-setting', field: 'inputTokens', value: 8000 },
      { type: 'set-setting', field: 'maxTpotSeconds', value: 0.02 }, { type: 'toggle-chip', id: 'groq-lpu', on: false },
      { type: 'set-chip-count', id: 'amd-mi300x', chips: 16 }, { type: 'set-pricing', pricing: 'tco' });
    const hash = await encodeLink(state, catalog);
    expect(hash.length).toBeLessThan(250);
    expect((await open(hash)).state).toEqual(state);
  });

  it('carries the Market view\'s pair and workload where they differ from the default, and nothing otherwise', async () => {
    expect(toWire(fresh(), catalog, currentBase()).market).toBeUndefined();
    const state = apply(fresh(), { type: 'market-pick', id: '2023-03-14-openai-gpt-4-0314-8k-context' }, { type: 'market-pick', id: '2024-05-13-openai-gpt-4o-2024-05-13' },
      { type: 'market-set-field', field: 'outputTokens', value: 500 });
    expect(linkPatch(state, catalog)).toEqual({ market: { workload: { ...fresh().market.workload, outputTokens: 500 }, fromPoint: '2023-03-14-openai-gpt-4-0314-8k-context', toPoint: '2024-05-13-openai-gpt-4o-2024-05-13' } });
    const hash = await encodeLink(state, catalog);
    expect(hash.length).toBeLessThan(300);
    expect((await open(hash)).state).toEqual(state);
    // Back to the default pair: the link is the landing link again.
    expect(await encodeLink(apply(state, { type: 'market-set-pair', from: null, to: null }, { type: 'market-set-field', field: 'outputTokens', value: 250 }), catalog)).toBe(await encodeLink(fresh(), catalog));
  });

  it('a bad market part is named and the default kept; the rest of the link is read', async () => {
    const d = await open(await linkOf({ view: 'model-size', market: { fromPoint: '<script>', tier: 500, workload: { inputTokens: 2000 } } }));
    expect(d.state.view).toBe('model-size');
    expect(d.state.market).toMatchObject({ fromPoint: null, tier: null, workload: { inputTokens: 2000 } });
    expect(d.messages.map((m) => m.code)).toEqual(['link.invalid-field', 'link.invalid-field']);
    expect(d.messages[0]!.text).toContain("Market view's");
  });

  it('writes compared chips of the default list as indices and others as id:count', () => {
    const state = apply(fresh(), { type: 'toggle-chip', id: 'nvidia-a100-sxm', on: true }, { type: 'set-chip-count', id: 'nvidia-h100-sxm', chips: 'auto' });
    const wire = toWire(state, catalog, currentBase());
    expect(wire.picks[0]).toBe('nvidia-h100-sxm:auto');
    expect(wire.picks[1]).toBe(1);
    expect(wire.picks.at(-1)).toBe('nvidia-a100-sxm:8');
  });

  it('the field table carries every field of the app state (a new field needs a row, a link version and a migration)', () => {
    const state = fresh();
    const leaves = Object.entries(state).flatMap(([k, v]) => (k === 'compare' || k === 'modelSize' ? Object.keys(v as object).map((c) => `${k}.${c}`) : [k]));
    const carried = WIRE_FIELDS.flatMap((f) => f.carries);
    expect(leaves.filter((l) => l !== 'version' && !carried.includes(l))).toEqual([]);
    expect(carried.filter((c) => !leaves.includes(c))).toEqual([]);
    expect(Object.keys(toWire(state, catalog, currentBase())).sort()).toEqual(WIRE_FIELDS.map((f) => f.key).sort());
  });

  it('reads the link from a hash, a full URL or other hash parameters', () => {
    expect(linkParam('#s=1.abc')).toBe('1.abc');
    expect(linkParam('http://127.0.0.1:5173/?x=1#a=2&s=1.abc')).toBe('1.abc');
    expect(linkParam('#main')).toBeNull();
  });
});

const codes = (d: { messages: { code: string }[] }) => d.messages.map((m) => m.code);
const texts = (d: { messages: { text: string }[] }) => d.messages.map((m) => m.text);

describe('link decoding: specific messages, valid fields kept', () => {
  it('no link: the landing state plus the saved custom chips, without messages', async () => {
    const d = await open('');
    expect(d.status).toBe('none');
    expect(d.messages).toEqual([]);
  });

  it('an unknown lab chip falls back to the default lab and says which', async () => {
    const d = await open(await linkOf({ lab: { base: 'xyz' }, settings: { workload: { inputTokens: 4096 } } }));
    expect(d.messages).toEqual([{ code: 'link.unknown-chip', text: "The chip 'xyz' is unknown, showing nvidia-h200-sxm instead." }]);
    expect(d.state.settings.workload.inputTokens).toBe(4096);
    expect(d.state.lab).toEqual(fresh().lab);
  });

  it('unknown compared chips are left out; the known ones and their counts stay', async () => {
    const d = await open(await linkOf({ picks: ['xyz:8', 'nvidia-h100-sxm:4', 'amd-mi300x:lots', 3] }));
    expect(d.state.compare.picks).toEqual([{ id: 'nvidia-h100-sxm', chips: 4 }, { id: 'amd-mi300x', chips: 8 }, { id: 'nvidia-gb200-nvl72', chips: 72 }]);
    expect(codes(d)).toEqual(['link.unknown-pick', 'link.bad-chip-count']);
    expect(texts(d)[1]).toBe("The chip count 'lots' for 'amd-mi300x' is not valid (1 to 100,000 or auto); the default count was used.");
  });

  it('a comparison of only unknown chips shows the default chips', async () => {
    const d = await open(await linkOf({ picks: ['nope:1'] }));
    expect(d.state.compare.picks).toEqual(fresh().compare.picks);
    expect(d.messages.at(-1)?.code).toBe('link.no-picks-left');
  });

  it('out-of-range numbers fall back to their defaults with the field named; the rest is kept', async () => {
    const d = await open(await linkOf({ settings: { workload: { inputTokens: -5, outputTokens: 300 }, economics: { pue: 99 }, model: 'llama-3.1-8b' }, sizes: 1e9 }));
    expect(d.state.settings.workload.outputTokens).toBe(300);
    expect(d.state.settings.model).toBe('llama-3.1-8b');
    expect(d.state.settings.workload.inputTokens).toBe(2048);
    expect(d.state.settings.economics.pue).toBe(1.2);
    expect(d.state.modelSize.sizes).toBe(13);
    expect(codes(d)).toEqual(['link.invalid-field', 'link.invalid-field', 'link.invalid-field']);
    expect(texts(d).join('\n')).toMatch(/workload\.inputTokens must be an integer from 1 to 1,000,000 tokens, got -5/);
    expect(texts(d).join('\n')).toMatch(/economics\.pue must be a number from 1 to 3, got 99/);
    expect(texts(d).join('\n')).toMatch(/model sizes must be an integer from 3 to 32/);
  });

  it('an unknown model or view is named with what is shown instead', async () => {
    const d = await open(await linkOf({ view: 'nope', settings: { model: 'gpt-9' } }));
    expect(texts(d)).toEqual([
      "The view 'nope' is unknown, showing compare instead.",
      "The model 'gpt-9' is unknown, showing llama-3.1-70b instead.",
    ]);
    expect(codes(d)).toEqual(['link.unknown-view', 'link.unknown-model']);
  });

  it('a link from a newer version says so and keeps what it can read', async () => {
    const d = await open(await linkOf({ settings: { workload: { outputTokens: 999 } }, hologram: true }, LINK_VERSION + 1));
    expect(d.messages[0]?.code).toBe('link.newer-version');
    expect(d.messages[1]?.code).toBe('link.unknown-fields');
    expect(d.messages[1]?.text).toContain('hologram');
    expect(d.state.settings.workload.outputTokens).toBe(999);
  });

  it('a newer version\'s link this version cannot unpack says it is newer, not damaged', async () => {
    const d = await open(`#s=${LINK_VERSION + 3}.abc`);
    expect(d.status).toBe('unreadable');
    expect(d.messages.map((m) => m.code)).toEqual(['link.newer-version-unreadable']);
    expect(d.messages[0]!.text).toContain(`made by a newer version of tokencost (v${LINK_VERSION + 3})`);
    expect((await open('#s=1.abc')).messages.map((m) => m.code)).toEqual(['link.damaged']);
  });

  it('a version this app never wrote, over data it cannot read, blames the version, not the data', async () => {
    // "#s=0.<a current link's data>.<check>" said the link "contains characters that cannot be part of a scenario".
    const good = await encodeLink(apply(fresh(), { type: 'set-setting', field: 'inputTokens', value: 4096 }), catalog);
    const body = good.slice(good.indexOf('.') + 1);
    for (const version of ['0', 'abc']) {
      const d = await open(`#s=${version}.${body}`);
      expect(d.status).toBe('unreadable');
      expect(d.messages.map((m) => m.code)).toEqual(['link.unknown-version-unreadable']);
      expect(d.messages[0]!.text).toContain(`format version "${version}" is not one tokencost knows`);
    }
  });

  it('a link cut short opens what it holds before the cut, says so, and keeps only values of the original', async () => {
    const state = apply(fresh(), { type: 'set-setting', field: 'inputTokens', value: 4096 }, { type: 'set-model', model: 'qwen3-32b' });
    const good = await encodeLink(state, catalog);
    let read = 0;
    const check = good.length - good.lastIndexOf('.');
    for (let cut = 1; cut < good.length - 6; cut++) {
      const d = await open(good.slice(0, good.length - cut));
      if (d.status !== 'read') continue;
      read++;
      if (cut <= check) {
        // Only the check (and the dot before it) was lost: the data is whole, but unconfirmed.
        expect(d.messages.map((m) => m.code), `cut ${cut}`).toEqual(['link.unchecked']);
        expect(d.state).toEqual(state);
        continue;
      }
      expect(d.messages.map((m) => m.code), `cut ${cut}`).toContain('link.cut-short');
      expect(d.messages.map((m) => m.code), `cut ${cut}`).not.toContain('link.altered');
      // Each setting is the link's or the default's, never a third value.
      expect([4096, fresh().settings.workload.inputTokens], `cut ${cut}`).toContain(d.state.settings.workload.inputTokens);
      expect(['qwen3-32b', fresh().settings.model], `cut ${cut}`).toContain(d.state.settings.model);
    }
    expect(read).toBeGreaterThan(0);
  });

  it('a link cut short names every setting it may have lost: each one the cut reset is in its notice', async () => {
    const state = apply(fresh(), { type: 'set-setting', field: 'inputTokens', value: 4096 }, { type: 'set-setting', field: 'maxTpotSeconds', value: 0.03 },
      { type: 'set-model', model: 'qwen3-32b' });
    const good = await encodeLink(state, catalog);
    const named = { input: 'input tokens', tpot: 'latency limits', model: 'model' };
    const seen = new Set<string>();
    for (let cut = good.length - good.lastIndexOf('.') + 1; cut < good.length - 6; cut++) {
      const d = await open(good.slice(0, good.length - cut));
      const notice = d.messages.find((m) => m.code === 'link.cut-short');
      if (d.status !== 'read' || notice === undefined) continue;
      const lost = {
        input: d.state.settings.workload.inputTokens !== 4096,
        tpot: d.state.settings.slo.maxTpotSeconds !== 0.03,
        model: d.state.settings.model !== 'qwen3-32b',
      };
      if (Object.values(lost).every(Boolean) && /no setting it holds survived the cut/.test(notice.text)) {
        seen.add('nothing');
        continue;
      }
      for (const [k, gone] of Object.entries(lost)) if (gone) expect(notice.text, `cut ${cut}`).toContain(named[k as keyof typeof named]);
      // A cut after the settings keeps them all and names none of the parts before it.
      if (!Object.values(lost).some(Boolean)) {
        seen.add('after');
        expect(notice.text).not.toMatch(/custom chips|input tokens/);
      } else seen.add('within');
    }
    expect(seen).toEqual(new Set(['nothing', 'within', 'after']));
  });

  it('a link ends in a check of its text: a changed character is said, not opened silently as another scenario', async () => {
    const state = apply(fresh(), { type: 'set-setting', field: 'inputTokens', value: 4096 });
    const good = await encodeLink(state, catalog);
    expect(good).toMatch(new RegExp(`^#s=${LINK_VERSION}\\.[A-Za-z0-9_-]+\\.[0-9a-z]{1,7}$`));
    expect((await open(good)).messages).toEqual([]);
    const dot = good.lastIndexOf('.');
    // A check that is not this data's: the data opens, with the notice first.
    const otherCheck = `${good.slice(0, dot + 1)}${good.slice(dot + 1) === 'zzzz' ? 'yyyy' : 'zzzz'}`;
    const altered = await open(otherCheck);
    expect(altered.status).toBe('read');
    expect(altered.messages.map((m) => m.code)).toEqual(['link.altered']);
    expect(altered.state).toEqual(state);
    // Every one-character change of the data is caught: refused as damaged, or opened with the notice.
    const data = good.slice(good.indexOf('.') + 1, dot);
    const start = good.indexOf('.') + 1;
    for (let i = 0; i < data.length; i++) {
      const swapped = data[i] === 'A' ? 'B' : 'A';
      const d = await open(`${good.slice(0, start + i)}${swapped}${good.slice(start + i + 1)}`);
      const codes = d.messages.map((m) => m.code);
      if (d.status === 'read') expect(codes, `char ${i}`).toContain('link.altered');
      else expect(codes, `char ${i}`).toEqual(['link.damaged']);
    }
    // Links of version 10 and older have no check, and need none.
    const old = await open(`#s=10.${good.slice(start, dot)}`);
    expect(old.messages.map((m) => m.code)).not.toContain('link.unchecked');
    expect(old.messages.map((m) => m.code)).not.toContain('link.altered');
  });

  it('garbled and unknown-format links open the landing state with a message', async () => {
    const good = await encodeLink(oneCustomChip(), catalog);
    for (const bad of [`${good.slice(0, 20)}!${good.slice(21)}`, '#s=1.', '#s=hello', '#s=1.AAAA']) {
      const d = await open(bad);
      expect(d.status, bad).toBe('unreadable');
      expect(d.messages).toHaveLength(1);
      expect(['link.damaged', 'link.not-recognised', 'link.not-an-object']).toContain(d.messages[0]?.code);
    }
  });

  it('refuses oversized links, zip bombs and deep nesting without hanging', async () => {
    const started = performance.now();
    expect((await open(`#s=1.${'A'.repeat(MAX_LINK_CHARS)}`)).messages[0]?.code).toBe('link.too-long');
    expect((await open(await linkOf({ settings: 'x'.repeat(2_000_000) }))).messages[0]?.text).toMatch(/more data/);
    const deep = `{"picks":${'['.repeat(200_000)}1${']'.repeat(200_000)}}`;
    expect((await open(`#s=1.${await packText(deep)}`)).messages[0]?.text).toContain('nested deeper');
    expect((await open(await linkOf({ picks: Array.from({ length: 100_000 }, () => 0) }))).messages[0]?.text).toContain('more than');
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('caps compared chips and custom chips', async () => {
    const ids = [...catalog.hardware.keys()];
    const picks = Array.from({ length: 60 }, (_, i) => `${ids[i % ids.length]}:${i + 1}`);
    const chips = Array.from({ length: 30 }, (_, i) => ({ base: 'nvidia-h100-sxm', edit: { id: `c-${i}`, name: `C ${i}` } }));
    const d = await open(await linkOf({ picks, chips }));
    expect(d.state.compare.picks.length).toBeLessThanOrEqual(MAX_PICKS);
    expect(d.state.customChips).toHaveLength(MAX_CUSTOM);
    expect(texts(d)).toEqual(expect.arrayContaining([
      `This link has 60 compared chips; only the first ${MAX_PICKS} were kept.`,
      `This link has 30 custom chips; only the first ${MAX_CUSTOM} were kept.`,
    ]));
  });

  it('rejects invalid custom chips by the catalog rules and names the problem', async () => {
    const d = await open(await linkOf({ chips: [
      { base: 'nvidia-h100-sxm', edit: { id: 'fast', name: 'Fast', power: { tdpWatts: -1 } } },
      { base: 'nvidia-h100-sxm', edit: { id: 'nvidia-h200-sxm', name: 'Clash' } },
      { base: 'nope', edit: {} },
      { base: 'nvidia-h100-sxm', edit: { id: 'ok-chip', name: '<img src=x onerror=alert(1)>' } },
    ], picks: ['ok-chip:2'] }));
    // A refused value takes the starting chip's and the rest of the chip is kept (it was dropped whole).
    expect(d.state.customChips.map((c) => c.id)).toEqual(['fast', 'ok-chip']);
    expect(d.state.customChips[0]!.name).toBe('Fast');
    expect(d.state.customChips[0]!.power.tdpWatts).toBe(catalog.hardware.get('nvidia-h100-sxm')!.power.tdpWatts);
    expect(d.state.customChips[1]!.name).toBe('<img src=x onerror=alert(1)>');
    expect(d.state.compare.picks).toEqual([{ id: 'ok-chip', chips: 2 }]);
    expect(codes(d)).toEqual(['link.repaired-custom', 'link.catalog-id', 'link.unknown-base']);
    expect(texts(d)).toEqual([
      "The custom chip 'Fast' had values this version refuses (power.tdpWatts must be a number from 1 to 1,000,000 W, got -1); "
        + 'those took the values of the chip it was made from, and the rest of it was kept.',
      "The custom chip 'nvidia-h200-sxm' uses the id of a catalog chip and was left out.",
      "A custom chip was based on 'nope', which this version does not know; it was left out.",
    ]);
  });

  it('a refused lab edit takes the starting chip\'s value and keeps the other edits; a changed catalog chip is reported', async () => {
    const d = await open(await linkOf({ lab: { edit: { memory: { hbmBandwidthBytesPerSecond: 0 }, price: { listPriceUsd: 30000 } }, hash: 'old' } }));
    expect(d.state.lab.chip.memory).toEqual(fresh().lab.chip.memory);
    expect(d.state.lab.chip.price.listPriceUsd).toBe(30000);
    expect(codes(d)).toEqual(['link.repaired-lab-chip', 'link.base-changed']);
    expect(texts(d)[0]).toMatch(/chip lab's edited chip had values this version refuses \(memory\.hbmBandwidthBytesPerSecond .*\); those took the starting chip's values, and the rest of the edit was kept/);
  });

  it('a chip without HBM keeps the bandwidth its HBM brings back; a bad one is refused with a message', async () => {
    const gone = apply(fresh(), { type: 'lab-set', param: 'hbmBandwidth', value: 9e12 }, { type: 'lab-set', param: 'hbmCapacity', value: 0 });
    expect(gone.lab.hbmBandwidthBeforeRemoval).toBe(9e12);
    const d = await open(await encodeLink(gone, catalog));
    expect(d.state).toEqual(gone);
    const back = apply(d.state, { type: 'lab-set', param: 'hbmCapacity', value: 141e9 });
    expect(back.lab.chip.memory.hbmBandwidthBytesPerSecond).toBe(9e12);
    const bad = await open(await linkOf({ lab: { hbmBack: -1 } }));
    expect(bad.state.lab.hbmBandwidthBeforeRemoval).toBeUndefined();
    expect(bad.messages.map((m) => m.text).join(' ')).toMatch(/hbmBack must be an HBM bandwidth .* on a chip without HBM, got -1/);
  });

  it('an unedited lab chip whose catalog data changed since the link is today\'s chip, without a message (as every compared chip)', async () => {
    const d = await open(await linkOf({ lab: { hash: 'old' } }));
    expect(d.state.lab.chip).toEqual(fresh().lab.chip);
    expect(codes(d)).toEqual([]);
    const edited = await open(await linkOf({ lab: { edit: { power: { tdpWatts: 650 } }, hash: 'old' } }));
    expect(edited.state.lab.chip.power.tdpWatts).toBe(650);
    expect(codes(edited)).toEqual(['link.base-changed']);
  });

  it('prototype keys in a link change nothing', async () => {
    const d = await open(await linkOf(JSON.parse('{"__proto__": {"polluted": 1}, "settings": {"__proto__": {"polluted": 1}}, "lab": {"edit": {"__proto__": {"polluted": 1}}}}')));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(d.state.lab.chip).toEqual(fresh().lab.chip);
  });

  it('saved custom chips and models are merged in, never replaced, even by a bad link', async () => {
    const mine = oneCustomChip();
    const stored = { chips: mine.customChips, models: [] };
    for (const hash of ['#s=1.garbage%%', await linkOf({ chips: 'nope' }), await encodeLink(fresh(), catalog)]) {
      const d = await open(hash, stored);
      expect(d.state.customChips).toEqual(mine.customChips);
    }
    // Someone else's chip with the same id: both are kept; the saved one keeps its id and comes
    // first, the link's is loaded under a free id (and the link's comparison follows it).
    const theirs = apply(fresh(), { type: 'lab-set', param: 'tdp', value: 900 }, { type: 'lab-save' });
    const d = await open(await encodeLink(theirs, catalog), stored);
    expect(d.state.customChips.map((c) => c.id)).toEqual(['nvidia-h200-sxm-lab-2', 'nvidia-h200-sxm-lab-2-2']);
    expect(d.state.customChips[0]!.memory.hbmCapacityBytes).toBe(288e9);
    expect(d.state.customChips[1]!.power.tdpWatts).toBe(900);
    expect(d.state.compare.picks.map((p) => p.id)).toContain('nvidia-h200-sxm-lab-2-2');
    // The same chip is not duplicated.
    expect((await open(await encodeLink(mine, catalog), stored)).state.customChips).toHaveLength(1);
  });
});
