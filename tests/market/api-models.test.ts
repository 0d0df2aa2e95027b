import { describe, expect, it } from 'vitest';
import { API_MODELS, apiModelNamed, apiPricePointsFor, chooseStandIn, rankStandIns, sameArchitecture } from '../../src/market/api-models';
import { isMmluSeries, parseApiPrices } from '../../src/market/api-prices';
import { API_CSV, catalog, marketData } from './helpers';

describe('mapping of API models to catalog models', () => {
  const rows = parseApiPrices(API_CSV).rows;

  it('knows every model of the list prices and of Epoch\'s MMLU series, and only catalog models serve them', () => {
    const used = rows.filter((r) => r.series === 'list_price' || isMmluSeries(r.series));
    expect(used.length).toBeGreaterThan(60);
    expect(used.filter((r) => apiModelNamed(r.model) === undefined).map((r) => r.model)).toEqual([]);
    for (const m of API_MODELS) if (m.catalog !== null) expect(catalog.models.has(m.catalog.modelId), m.key).toBe(true);
    expect(new Set(API_MODELS.map((m) => m.key)).size).toBe(API_MODELS.length);
    expect(marketData().problems).toEqual([]);
  });

  it('serves open models as themselves, Llama 3 as its Llama 3.1 sibling, closed models by a stand-in', () => {
    const byModel = (name: string) => marketData().points.find((p) => p.row.model === name)!;
    expect(byModel('GPT-3 175B davinci')).toMatchObject({ servedAsModelId: 'gpt-3-175b', servedKind: 'exact' });
    expect(byModel('Llama 3 70B Instruct')).toMatchObject({ servedAsModelId: 'llama-3.1-70b', servedKind: 'sibling' });
    expect(byModel('Llama 2-7B')).toMatchObject({ servedAsModelId: 'llama-2-7b', servedKind: 'exact', capabilityScore: 45.3 });
    // GPT-3.5 (MMLU 64.8, 2022-11-30): no open model priced by then reaches it; the strongest, GPT-3 175B (43.9), serves, said to be weaker.
    expect(byModel('GPT-3.5 (text-davinci-003)')).toMatchObject({ servedAsModelId: 'gpt-3-175b', servedKind: 'stand-in' });
    expect(byModel('GPT-3.5 (text-davinci-003)').servedBasis).toMatch(/^stand-in: no open model reaches MMLU 64\.8; the highest-scoring one, GPT-3 175B davinci \(MMLU 43\.9\)/);
    // gpt-3.5-turbo-0125 (MMLU 68, 2024-01-25): Llama 2 70B Chat (68.9), priced since 2023-12-01, reaches it.
    expect(byModel('gpt-3.5-turbo-0125')).toMatchObject({ servedAsModelId: 'llama-2-70b', servedKind: 'stand-in' });
    // Mixtral's score comes from market_history.csv; GPT-4 (0613)'s from the 0314 row of the same model.
    expect(byModel('Mixtral 8x7B (open-mixtral-8x7b)')).toMatchObject({ capabilityScore: 70.6 });
    expect(byModel('Mixtral 8x7B (open-mixtral-8x7b)').scoreBasis).toContain('market_history.csv');
    expect(byModel('GPT-4 (0613, 8K)')).toMatchObject({ capabilityScore: 86 });
    expect(byModel('GPT-4 (0613, 8K)').scoreBasis).toContain('the same model');
    expect(byModel('DeepSeek-R1 (deepseek-reasoner)').apiModel.reasoning).toBe(true);
  });

  it('ranks stand-ins: closest score at or above, then the smaller model, then those below, highest first', () => {
    const c = [
      { modelId: 'llama-3.1-405b', score: 87, label: 'Llama 3.1 405B', availableFrom: '2024-07-23' },
      { modelId: 'llama-3.1-70b', score: 84, label: 'Llama 3.1 70B', availableFrom: '2024-07-23' },
      { modelId: 'mistral-small-24b', score: 84, label: 'Mistral Small 3', availableFrom: '2024-07-23' },
      { modelId: 'llama-3.1-8b', score: 71, label: 'Llama 3.1 8B', availableFrom: '2024-07-23' },
    ];
    expect(rankStandIns(80, c, catalog).map((s) => [s.modelId, s.below])).toEqual([
      ['mistral-small-24b', false], ['llama-3.1-70b', false], ['llama-3.1-405b', false], ['llama-3.1-8b', true],
    ]);
    expect(chooseStandIn(90, c, catalog)).toMatchObject({ modelId: 'llama-3.1-405b', below: true });
    expect(chooseStandIn(50, [], catalog)).toBeNull();
  });

  it('never serves a price point by a stand-in first priced after it', () => {
    for (const p of marketData().points.filter((x) => x.servedKind === 'stand-in')) {
      const served = p.standIns.find((s) => s.modelId === p.servedAsModelId)!;
      expect(served.candidate.availableFrom <= p.row.date, `${p.row.model} ${p.row.date} served by ${p.servedAsModelId}`).toBe(true);
      expect(p.standIns.every((s) => s.candidate.availableFrom <= p.row.date)).toBe(true);
    }
    // GPT-4o mini (2024-07-18) was served by Mistral Small 3, first priced 2025-01-30.
    const mini = marketData().points.find((x) => x.row.model.startsWith('GPT-4o mini'))!;
    expect(mini.servedAsModelId).not.toBe('mistral-small-24b');
  });

  it('gives a catalog model its own price points, else its closest sibling\'s, and says which', () => {
    const points = marketData().points;
    const own = apiPricePointsFor('llama-3.1-70b', points, catalog)!;
    expect(own.match).toBe('exact');
    expect(own.points.map((p) => p.row.model)).toEqual(['Llama 3.1 70B Instruct']);
    // Llama 3.3 70B has no price row; Llama 3.1 70B has its architecture.
    expect(sameArchitecture('llama-3.3-70b', catalog)).toContain('llama-3.1-70b');
    const sib = apiPricePointsFor('llama-3.3-70b', points, catalog)!;
    expect(sib).toMatchObject({ match: 'sibling', pricedModelId: 'llama-3.1-70b' });
    expect(sib.points.length).toBeGreaterThan(0);
    // A stand-in is not a match: Llama 3.1 405B's own rows only, never GPT-4o's.
    expect(apiPricePointsFor('llama-3.1-405b', points, catalog)!.points.every((p) => p.servedKind !== 'stand-in')).toBe(true);
    expect(apiPricePointsFor('qwen3-32b', points, catalog)).toBeNull();
  });

  it('gives every point a unique id made of its date and names', () => {
    const ids = marketData().points.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('2021-11-20-openai-gpt-3-175b-davinci');
    for (const id of ids) expect(id).toMatch(/^[a-z0-9][a-z0-9-]{0,99}$/);
  });
});
