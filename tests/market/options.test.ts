import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MARKET_WORKLOAD, defaultMarketOptions, parseMarketOptions, selectionPatch, defaultMarketSelection } from '../../src/market/options';

describe('parseMarketOptions', () => {
  it('keeps the defaults for an empty object: issue 14\'s workload', () => {
    const r = parseMarketOptions({});
    expect(r.errors).toEqual([]);
    expect(r.value).toEqual(defaultMarketOptions());
    expect(DEFAULT_MARKET_WORKLOAD).toMatchObject({ inputTokens: 1000, outputTokens: 250, maxTtftSeconds: 2, maxTpotSeconds: 0.05 });
  });

  it('reads dates as the first and last day they can mean, tiers and point ids', () => {
    const r = parseMarketOptions({ fromDate: '2023', toDate: '2024-02', tier: 64.8, fromPoint: '2021-11-20-openai-gpt-3-175b-davinci', toPoint: null });
    expect(r.errors).toEqual([]);
    expect(r.value).toMatchObject({ fromDate: '2023-01-01', toDate: '2024-02-29', tier: 64.8, fromPoint: '2021-11-20-openai-gpt-3-175b-davinci', toPoint: null });
  });

  it('names the bad field and keeps the rest', () => {
    const r = parseMarketOptions({ tier: 'high', workload: { inputTokens: 0, outputTokens: 300 }, fromDate: 'last year', fromPoint: 'Bad Id!' });
    expect(r.errors.map((e) => e.path)).toEqual(['workload.inputTokens', 'tier', 'fromPoint', 'fromDate']);
    expect(r.errors[1]!.message).toMatch(/from 0 to 100/);
    expect(r.value.workload.outputTokens).toBe(300);
    expect(r.value.workload.inputTokens).toBe(1000);
  });

  it('rejects a window that ends before it starts, and warns about unknown keys', () => {
    const r = parseMarketOptions({ fromDate: '2024', toDate: '2023', colour: 'red' });
    expect(r.errors.map((e) => e.path)).toEqual(['toDate']);
    expect(r.warnings.map((w) => w.path)).toEqual(['colour']);
  });

  it('never throws and always returns valid options', () => {
    fc.assert(fc.property(fc.jsonValue(), (raw) => {
      const r = parseMarketOptions(raw);
      expect(r.value.workload.inputTokens).toBeGreaterThanOrEqual(1);
      expect(r.value.tier === null || (r.value.tier >= 0 && r.value.tier <= 100)).toBe(true);
    }), { numRuns: 300 });
    fc.assert(fc.property(fc.dictionary(fc.constantFrom('workload', 'tier', 'fromPoint', 'toPoint', 'fromDate', 'toDate'), fc.jsonValue()), (raw) => {
      expect(() => parseMarketOptions(raw)).not.toThrow();
    }), { numRuns: 300 });
  });

  it('a selection equal to the default has no patch; a changed one carries only what changed', () => {
    expect(selectionPatch(defaultMarketSelection())).toBeUndefined();
    expect(selectionPatch({ ...defaultMarketSelection(), toPoint: 'x-1' })).toEqual({ toPoint: 'x-1' });
  });
  it('reads a latency limit of null as no limit, and keeps token counts from being null', () => {
    const r = parseMarketOptions({ workload: { maxTtftSeconds: null, maxTpotSeconds: null, inputTokens: null } });
    expect(r.value.workload).toMatchObject({ maxTtftSeconds: null, maxTpotSeconds: null, inputTokens: 1000 });
    expect(r.errors.map((e) => e.path)).toEqual(['workload.inputTokens']);
  });
});
