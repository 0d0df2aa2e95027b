import { describe, expect, it } from 'vitest';
import { MARKET_FIELDS } from '../../src/app-state/market-fields';
import { defaultMarketSelection } from '../../src/market/options';
import { LIMITS } from '../../src/scenario/limits';
import { apply, fresh } from './helpers';

const GPT3 = '2021-11-20-openai-gpt-3-175b-davinci';
const LLAMA = '2024-11-12-together-ai-llama-3-2-3b-instruct';
const GPT4 = '2023-03-14-openai-gpt-4-0314-8k-context';

describe('market state', () => {
  it('starts at issue 14\'s workload with the default pair', () => {
    expect(fresh().market).toEqual(defaultMarketSelection());
    expect(fresh().market).toMatchObject({ fromPoint: null, toPoint: null, tier: null, workload: { inputTokens: 1000, outputTokens: 250 } });
  });

  it('picks a pair with two clicks; a third click starts a new pair; clicking the from point again does nothing', () => {
    const one = apply(fresh(), { type: 'market-pick', id: GPT3 });
    expect(one.market).toMatchObject({ fromPoint: GPT3, toPoint: null });
    expect(apply(one, { type: 'market-pick', id: GPT3 }).market).toMatchObject({ fromPoint: GPT3, toPoint: null });
    const two = apply(one, { type: 'market-pick', id: LLAMA });
    expect(two.market).toMatchObject({ fromPoint: GPT3, toPoint: LLAMA });
    expect(apply(two, { type: 'market-pick', id: GPT4 }).market).toMatchObject({ fromPoint: GPT4, toPoint: null });
    // The later point clicked first: the earlier one becomes "from" (the fall runs forward in time).
    expect(apply(fresh(), { type: 'market-pick', id: LLAMA }, { type: 'market-pick', id: GPT4 }).market).toMatchObject({ fromPoint: GPT4, toPoint: LLAMA });
    expect(apply(two, { type: 'market-set-pair', from: null, to: null }).market).toEqual(defaultMarketSelection());
    // Not an id: ignored.
    expect(apply(fresh(), { type: 'market-pick', id: '<b>x</b>' }).market).toEqual(defaultMarketSelection());
  });

  it('clamps workload fields to LIMITS, ignores NaN, and a new tier resets the pair', () => {
    const s = fresh();
    expect(apply(s, { type: 'market-set-field', field: 'inputTokens', value: 1e9 }).market.workload.inputTokens).toBe(LIMITS.inputTokens.max);
    expect(apply(s, { type: 'market-set-field', field: 'outputTokens', value: 99.6 }).market.workload.outputTokens).toBe(100);
    expect(apply(s, { type: 'market-set-field', field: 'maxTpotSeconds', value: Number.NaN })).toBe(s);
    // An empty latency limit is no limit, as in the Compare view; an empty token count is refused.
    expect(apply(s, { type: 'market-set-field', field: 'maxTtftSeconds', value: null }).market.workload.maxTtftSeconds).toBeNull();
    expect(apply(s, { type: 'market-set-field', field: 'inputTokens', value: null })).toBe(s);
    const picked = apply(s, { type: 'market-pick', id: GPT3 }, { type: 'market-set-tier', tier: 64.8 });
    expect(picked.market).toMatchObject({ tier: 64.8, fromPoint: null, toPoint: null });
    expect(apply(picked, { type: 'market-set-tier', tier: 120 })).toBe(picked);
    expect(MARKET_FIELDS.map((f) => f.id).sort()).toEqual(Object.keys(s.market.workload).sort());
  });
});
