// The parts a cut link may have lost: everything after the last part that survived, in link order.
import { describe, expect, it } from 'vitest';
import { possiblyLostParts } from '../../src/url/cut-link';

// A wire in the link's key order (the shape of a base's wire; values do not matter).
const order = {
  chips: [], models: [], view: 'compare',
  settings: {
    precision: { weights: 'fp8' }, workload: { inputTokens: 1, outputTokens: 1, prefixCacheHitRate: 0, arrivals: 'saturated' },
    slo: { maxTtftSeconds: 1, maxTpotSeconds: 1 }, objective: 'max-throughput', economics: { pricing: 'rental' },
    efficiencyMode: 'achieved', speculative: null, serving: 'co-located', layout: {}, engine: {}, model: 'm',
  },
  picks: [], rankBy: 'x', frontierMetric: 'y', family: 'f', sizes: 1, lab: { chip: { name: 'x', memory: {} }, chips: 8 }, market: null, explain: null, design: null,
};
const SETTINGS_ON = ['latency limits', 'objective', 'pricing', 'efficiency', 'speculative decoding', 'serving mode', 'layout pins', 'engine caps', 'model'];
const AFTER_SETTINGS = ['chips compared', 'ranking column', 'frontier axis', 'model-size family', 'model sizes', 'chip lab', 'Market view selection', 'open explanation', 'chip design'];

describe('possiblyLostParts', () => {
  it('a cut inside the workload: its later fields, then every part after it', () => {
    expect(possiblyLostParts({ settings: { workload: { inputTokens: 4096 } } }, order))
      .toEqual(['output tokens', 'prefix-cache hit rate', 'arrivals', ...SETTINGS_ON, ...AFTER_SETTINGS]);
  });

  it('a cut after a whole part names only what follows it; nothing before it, changed or not', () => {
    expect(possiblyLostParts({ view: 'market', settings: { model: 'qwen3-32b' } }, order)).toEqual(AFTER_SETTINGS);
    // Cut inside the lab's chip: the chip's later fields may be lost, so the chip lab is named.
    expect(possiblyLostParts({ settings: { model: 'x' }, lab: { chip: { name: 'a' } } }, order)).toEqual(['chip lab', 'Market view selection', 'open explanation', 'chip design']);
    // The lab read to its last field: only the parts after it.
    expect(possiblyLostParts({ lab: { chips: 4 } }, order)).toEqual(['Market view selection', 'open explanation', 'chip design']);
  });

  it('a cut before anything survived: every part, each named once', () => {
    const all = possiblyLostParts({}, order);
    expect(all[0]).toBe('custom chips');
    expect(all).toContain('input tokens');
    expect(all[all.length - 1]).toBe('chip design');
    expect(new Set(all).size).toBe(all.length);
    expect(possiblyLostParts(null, order)).toEqual(all);
  });
});
