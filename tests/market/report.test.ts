// Issue 14's acceptance on the library: the points with their floors and the decomposition of the
// default pair, computed once (helpers.ts).

import { describe, expect, it } from 'vitest';
import { MARKET } from '../../src/messages/market';
import { SCENARIO_VERSION } from '../../src/scenario/scenario';
import { CALIBRATION_SUMMARY } from '../../src/engine/calibration-summary';
import { estimatedRentalPerChipHour } from '../../src/engine/economics';
import { engineEvaluator } from '../../src/market/evaluate';
import { defaultMarketOptions, parseMarketOptions } from '../../src/market/options';
import { apiUsdPerRequest } from '../../src/market/points';
import { marketDecompositionReport, marketPointsReport } from '../../src/market/report';
import { catalog, defaultReport, marketData } from './helpers';

describe('market report: points and floors', () => {
  const r = defaultReport();

  it('has at least 12 points over at least 3 years with floors in at least 4 hardware eras; every point has an API price and a floor per request', () => {
    expect(r.points.length).toBeGreaterThanOrEqual(12);
    const years = new Set(r.points.map((p) => p.date.slice(0, 4)));
    expect(Math.max(...[...years].map(Number)) - Math.min(...[...years].map(Number))).toBeGreaterThanOrEqual(3);
    expect(new Set(r.points.map((p) => p.era)).size).toBeGreaterThanOrEqual(4);
    for (const p of r.points) {
      expect(p.apiUsdPerRequest, p.id).toBeGreaterThan(0);
      expect(p.floorUsdPerRequest, `${p.id}: ${p.floorReason}`).toBeGreaterThan(0);
      expect(p.marginRatio).toBeCloseTo(p.apiUsdPerRequest / p.floorUsdPerRequest!, 12);
      expect(p.floorScenario).not.toBeNull();
      expect(p.sources[0]).toMatch(/^api_prices\.csv row \d+/);
    }
  });

  it('prices every floor on one basis, rental: a dated quote, else the estimated rental the compare table marks ≈', () => {
    const ratio = CALIBRATION_SUMMARY.rentalToTco;
    for (const p of r.points.filter((x) => x.hardwareId !== null)) {
      expect(p.floorScenario!.economics.pricing, p.id).toBe('rental');
      expect(p.floorScenario!.economics.rentalUsdPerChipHour).toBe(p.rentalUsdPerChipHour);
      if (p.pricing === '≈ rental') {
        expect(p.rentalUsdPerChipHour).toBeCloseTo(estimatedRentalPerChipHour(catalog.hardware.get(p.hardwareId!)!, ratio), 12);
        expect(p.pricingBasis).toContain(`x ${ratio.median.toFixed(2)}, the median rental/TCO ratio`);
      } else expect(p.pricing).toBe('rental');
    }
    expect(new Set(r.points.map((p) => p.pricing))).toEqual(new Set(['rental', '≈ rental']));
  });

  it('compares per request: input x input price + output x output price, or the blend x all tokens', () => {
    const w = { inputTokens: 1000, outputTokens: 250 };
    const gpt4 = r.points.find((p) => p.model === 'GPT-4 (0314, 8K context)')!;
    expect(gpt4.apiUsdPerRequest).toBeCloseTo((1000 * 30 + 250 * 60) / 1e6, 12);
    expect(gpt4.apiPriceBasis).toBe('input and output prices');
    const median = r.points.find((p) => p.model === 'Llama 3.1 70B Instruct')!;
    expect(median.apiUsdPerRequest).toBeCloseTo((0.72 * 1250) / 1e6, 12);
    expect(median.apiPriceBasis).toBe('blended price x all tokens');
    const row = marketData().points.find((p) => p.id === gpt4.id)!;
    expect(apiUsdPerRequest(row, { ...w, outputTokens: 1000 })).toBeCloseTo((1000 * 30 + 1000 * 60) / 1e6, 12);
  });

  it('says where a stand-in serves, where a reasoning model is priced, where the floor is above the price, and where a tier mixes reasoning models', () => {
    const codes = (id: string) => r.points.find((p) => p.model === id)!.notes.map((n) => n.code);
    expect(codes('Claude 3 Opus')).toContain('market.stand-in-used');
    expect(r.points.find((p) => p.model === 'Claude 3 Opus')!.alternatives).toEqual([]);
    expect(codes('DeepSeek-R1 (deepseek-reasoner)')).toContain('market.reasoning-price');
    for (const p of r.points) {
      expect(p.notes.some((n) => n.code === 'market.subsidised')).toBe(p.floorUsdPerRequest! > p.apiUsdPerRequest);
    }
    expect(r.notes.map((n) => n.code)).toContain('market.tier-mixes-reasoning');
  });

  it('shows the size estimates of market_history.csv as alternatives of a stand-in, with their own floors', () => {
    const gpt4 = r.points.find((p) => p.model === 'GPT-4 (0314, 8K context)')!;
    expect(gpt4.standIn).toBe(true);
    const moe = gpt4.alternatives.find((a) => a.label.includes('1800B total'))!;
    expect(moe.basis).toContain('market_history.csv row');
    expect(moe.totalParams / 1.8e12).toBeCloseTo(1, 1);
    expect(moe.activeParams / 2.8e11).toBeCloseTo(1, 1);
    const gpt4o = r.points.find((p) => p.model === 'GPT-4o (2024-05-13)')!;
    expect(gpt4o.alternatives.map((a) => a.label)).toEqual([expect.stringContaining('~200B')]);
    expect(gpt4o.alternatives[0]!.floorUsdPerRequest).toBeGreaterThan(0);
    // Each estimate names the chip its own cheapest floor runs on: it need not be the row's.
    expect(catalog.hardware.has(gpt4o.alternatives[0]!.hardwareName ?? '') || [...catalog.hardware.values()].some((h) => h.name === gpt4o.alternatives[0]!.hardwareName)).toBe(true);
    expect(gpt4o.alternatives[0]!.label).toContain('today\'s dense shape assumed (grouped-query attention; ESTIMATE)');
  });

  it('a request longer than an API model\'s own window has no floor there; a weaker stand-in says why the stronger one could not serve', () => {
    const options = parseMarketOptions({ workload: { inputTokens: 100000 } }).value;
    const long = marketPointsReport(marketData(), options, catalog, engineEvaluator(catalog));
    const point = (model: string) => long.points.find((p) => p.model === model)!;
    for (const model of ['GPT-4 (0314, 8K context)', 'Llama 3 70B Instruct']) {
      expect(point(model).floorUsdPerRequest, model).toBeNull();
      expect(point(model).floorReason).toContain('serves at most 8,192 tokens per request');
    }
    // Claude 3.5 Haiku (MMLU 81, 2024-10-22): Llama 3.1 70B (MMLU 84) reaches it but has no floor for 100k tokens then; the stand-in that serves is weaker, and said so.
    const haiku = point('Claude 3.5 Haiku');
    expect(haiku.servedAsModelId).not.toBe('llama-3.1-70b');
    expect(haiku.servedBasis).toMatch(/^stand-in: Llama 3\.1 70B Instruct \(MMLU 84\) reaches MMLU 81 but has no floor for this workload at this date/);
    expect(haiku.servedBasis).not.toContain('no open model reaches');
  });

  it('GPT-3.5 snapshots have their own windows: 4K ones have no floor for an 8,500-token request, nor the 16K one whose stand-ins of its date hold 4K; the later 16K one does', () => {
    const options = parseMarketOptions({ workload: { inputTokens: 8000, outputTokens: 500 } }).value;
    const r = marketPointsReport(marketData(), options, catalog, engineEvaluator(catalog));
    const point = (model: string) => r.points.find((p) => p.model === model)!;
    expect(point('GPT-3.5 (text-davinci-003)').floorReason).toContain('serves at most 4,097 tokens per request');
    for (const model of ['gpt-3.5-turbo (0301)', 'gpt-3.5-turbo-0613 (4K)']) {
      expect(point(model).floorUsdPerRequest, model).toBeNull();
      expect(point(model).floorReason, model).toContain('serves at most 4,096 tokens per request');
    }
    expect(point('gpt-3.5-turbo-0125').floorUsdPerRequest).toBeGreaterThan(0);
    // The 16K 1106 snapshot (2023-11-06) could take the request, but the open models out by then hold 4,096 tokens: its stand-in says so.
    expect(point('gpt-3.5-turbo-1106').floorUsdPerRequest).toBeNull();
    expect(point('gpt-3.5-turbo-1106').floorReason).toContain("exceeds Llama 2 70B's context window of 4,096 tokens");
  });

  it('an open model stands in from its release, not only from its first price row', () => {
    // Llama 2 70B was out in July 2023 and is priced from December: GPT-4 Turbo (2023-11-06) got Llama 2 13B.
    const r = marketPointsReport(marketData(), parseMarketOptions({}).value, catalog, engineEvaluator(catalog));
    const turbo = r.points.find((p) => p.model === 'GPT-4 Turbo (gpt-4-1106-preview)')!;
    expect(turbo.servedAsModelId).toBe('llama-2-70b');
    expect(turbo.weakerStandIn).toBe(true);
    // Nothing serves a price set before the stand-in was released.
    expect(r.points.find((p) => p.model === 'GPT-4 (0613, 8K)')!.servedAsModelId).toBe('gpt-3-175b');
  });

  it('a stand-in weaker than the model it serves is flagged (*↓), never passed off as the same capability', () => {
    const options = parseMarketOptions({ workload: { inputTokens: 128000 } }).value;
    const long = marketPointsReport(marketData(), options, catalog, engineEvaluator(catalog));
    const opus = long.points.find((p) => p.model === 'Claude 3 Opus')!;
    expect(opus.weakerStandIn).toBe(true);
    expect(catalog.models.get(opus.servedAsModelId)).toBeDefined();
    for (const p of long.points) if (!p.standIn) expect(p.weakerStandIn, p.id).toBe(false);
    expect(defaultReport().points.filter((p) => p.weakerStandIn).every((p) => p.standIn)).toBe(true);
  });

  it('filters by window and tier (unscored points drop out once a tier is set)', () => {
    const options = parseMarketOptions({ fromDate: '2024', tier: 80 }).value;
    const some = marketPointsReport(marketData(), options, catalog, engineEvaluator(catalog));
    expect(some.points.length).toBeGreaterThan(3);
    for (const p of some.points) {
      expect(p.date >= '2024-01-01').toBe(true);
      expect(p.capabilityScore).toBeGreaterThanOrEqual(80);
    }
  });
});

describe('market report: decomposition', () => {
  const d = defaultReport().decomposition!;

  it('by default goes from the cheapest GPT-3-class price of 2021 to the cheapest at that capability since (about 1,000x)', () => {
    expect(d.from.model).toBe('GPT-3 175B davinci');
    expect(d.from.date).toBe('2021-11-20');
    expect(d.to.model).toBe('Llama 3.2 3B Instruct');
    expect(d.to.provider).toBe('Together AI');
    expect(d.threshold).toBe(43.9);
    expect(d.totalRatio).toBeCloseTo(1000, 6);
  });

  it('has five factors whose product equals the total (waterfall and Shapley alike), with the margin from API ÷ floor', () => {
    expect(d.factors.map((f) => f.factor)).toEqual(['hardware', 'precision', 'model', 'serving', 'margin']);
    const product = (k: 'ratio' | 'shapleyRatio') => d.factors.reduce((x, f) => x * f[k], 1);
    expect(Math.abs(product('ratio') / d.totalRatio - 1)).toBeLessThan(0.01);
    expect(Math.abs(product('shapleyRatio') / d.totalRatio - 1)).toBeLessThan(0.01);
    const margin = d.factors.find((f) => f.factor === 'margin')!;
    expect(margin.ratio).toBeCloseTo((d.from.apiUsdPerRequest / d.from.floorUsdPerRequest) / (d.to.apiUsdPerRequest / d.to.floorUsdPerRequest), 9);
    for (const f of d.factors.slice(0, 4)) {
      expect(f.ratio).toBeCloseTo(f.before.floorUsdPerRequest / f.after.floorUsdPerRequest, 12);
      expect(f.before.scenario.version).toBe(SCENARIO_VERSION);
    }
    // The waterfall starts at the from point's floor and ends at the to point's.
    expect(d.factors[0]!.before.floorUsdPerRequest).toBeCloseTo(d.from.floorUsdPerRequest, 15);
    expect(d.factors[3]!.after.floorUsdPerRequest).toBeCloseTo(d.to.floorUsdPerRequest, 15);
  });

  it('each engine factor switches exactly its own part of the scenario', () => {
    const [hw, precision, model, serving] = d.factors;
    const diff = (a: object, b: object) => Object.keys(a).filter((k) => JSON.stringify((a as Record<string, unknown>)[k]) !== JSON.stringify((b as Record<string, unknown>)[k]));
    expect(diff(hw!.before.scenario, hw!.after.scenario)).toEqual(expect.arrayContaining(['hardware']));
    expect(diff(hw!.before.scenario, hw!.after.scenario).every((k) => k === 'hardware' || k === 'economics')).toBe(true);
    expect(diff(precision!.before.scenario, precision!.after.scenario)).toEqual(['precision']);
    expect(diff(model!.before.scenario, model!.after.scenario)).toEqual(['model']);
    expect(diff(serving!.before.scenario, serving!.after.scenario).every((k) => k === 'workload' || k === 'engine')).toBe(true);
  });

  it('names chips and models in the factors\' explanations, not by their ids', () => {
    const [hw, , model] = d.factors;
    const hwIds = [hw!.before.scenario.hardware, hw!.after.scenario.hardware].map(String);
    const modelIds = [model!.before.scenario.model, model!.after.scenario.model].map(String);
    for (const id of [...hwIds, ...modelIds]) expect(`${hw!.explanation} ${model!.explanation}`).not.toContain(id);
    expect(hw!.explanation).toContain(catalog.hardware.get(hwIds[0]!)!.name);
    expect(model!.explanation).toContain(catalog.models.get(modelIds[1]!)!.name);
  });

  it('says which factor dominates', () => {
    expect(d.factors.map((f) => f.factor)).toContain(d.dominant.factor);
    expect(d.dominant.text).toMatch(/explains (the most|more than the whole fall)|moved the price the most/);
    // Both default ends are served as themselves, above their floors: no caution.
    expect(d.dominant.text).not.toContain('Caution');
  });

  it('a factor that explains more than the whole fall says the others raised the price, and by how much', () => {
    // The GPT-4o -> Gemini 2.0 Flash case: the margin x178 of a x43.8 fall, the floor up x4.06.
    const text = MARKET.dominant("Market's margin", 178, Math.log(178) / Math.log(43.8), 43.8).text;
    expect(text).toMatch(/^Market's margin explains more than the whole fall: .*178.* against the .*43\.8.* fall .*; the other factors together raised the price .*4\.06/);
    expect(MARKET.dominant('Hardware', 10, 0.6, 43.8).text).toMatch(/^Hardware explains the most: .* of the .* fall/);
  });

  it('an answer whose ends rest on weaker stand-ins or a price below its floor says so', () => {
    const r = marketDecompositionReport(marketData(), { ...defaultMarketOptions(), tier: 86 }, catalog, engineEvaluator(catalog));
    const text = r.decomposition!.dominant.text;
    expect(text).toMatch(/explains (the most|more than the whole fall)/);
    expect(text).toContain('is served by Llama 2 70B, a weaker open model (*↓)');
    expect(text).toMatch(/Gemini 2\.0 Flash's price is 0\.\d\dx its floor, below it/);
  });

  it('a request longer than a model\'s window: the default pair passes over its prices and says so; the floor\'s reason names chips, not ids', () => {
    const data = marketData();
    const evaluate = engineEvaluator(catalog);
    const options = { ...defaultMarketOptions(), workload: { ...defaultMarketOptions().workload, inputTokens: 5000 } };
    const long = marketDecompositionReport(data, options, catalog, evaluate);
    expect(long.decomposition, long.problems.map((m) => m.text).join('; ')).not.toBeNull();
    expect(long.decomposition!.from.model).not.toMatch(/GPT-3 175B/);
    expect(long.problems.map((m) => m.code)).toEqual(['market.default-skips-short-context']);
    // Picked by hand, the short-window point is kept and the reason reads in chip names.
    const picked = marketDecompositionReport(data, { ...options, fromPoint: '2021-11-20-openai-gpt-3-175b-davinci' }, catalog, evaluate);
    expect(picked.decomposition).toBeNull();
    const text = picked.problems.map((m) => m.text).join('; ');
    expect(text).toMatch(/context window/);
    expect(text).not.toMatch(/nvidia-a100-sxm/);
  });

  it('a default end needs the window of the open model its floor runs too, and no fitting point is said as such', () => {
    // At 2,000 input tokens GPT-3.5's own window (4,097) took the request, but its floor runs GPT-3
    // 175B (2,048): the default pair failed with no decomposition instead of passing over it.
    const data = marketData();
    const evaluate = engineEvaluator(catalog);
    const w = defaultMarketOptions().workload;
    for (const inputTokens of [2000, 3000]) {
      const r = marketDecompositionReport(data, { ...defaultMarketOptions(), workload: { ...w, inputTokens } }, catalog, evaluate);
      expect(r.decomposition, r.problems.map((m) => m.text).join('; ')).not.toBeNull();
      expect(r.problems.map((m) => m.code)).toEqual(['market.default-skips-short-context']);
    }
    const none = marketDecompositionReport(data, { ...defaultMarketOptions(), workload: { ...w, inputTokens: 1_000_000 } }, catalog, evaluate);
    expect(none.decomposition).toBeNull();
    expect(none.problems.map((m) => m.code)).toEqual(['market.no-point-fits-context']);
  });

  it('decomposes a picked pair, and says so when a picked point is unknown or the two are the same', () => {
    const data = marketData();
    const evaluate = engineEvaluator(catalog);
    const picked = marketDecompositionReport(data, { ...defaultMarketOptions(), fromPoint: '2023-03-14-openai-gpt-4-0314-8k-context', toPoint: '2024-05-13-openai-gpt-4o-2024-05-13' }, catalog, evaluate);
    expect(picked.problems).toEqual([]);
    expect(picked.decomposition!.from.model).toBe('GPT-4 (0314, 8K context)');
    expect(picked.floorLines.length).toBeGreaterThan(4);
    const unknown = marketDecompositionReport(data, { ...defaultMarketOptions(), fromPoint: 'no-such-point' }, catalog, evaluate);
    expect(unknown.problems.map((m) => m.code)).toContain('market.point-not-found');
    expect(unknown.decomposition).not.toBeNull();
    const same = marketDecompositionReport(data, { ...defaultMarketOptions(), fromPoint: '2021-11-20-openai-gpt-3-175b-davinci', toPoint: '2021-11-20-openai-gpt-3-175b-davinci' }, catalog, evaluate);
    expect(same.decomposition).toBeNull();
    expect(same.problems.map((m) => m.code)).toEqual(['market.same-point']);
    // In a one-month window the default picks one point for both ends: the user picked nothing to blame.
    const one = marketDecompositionReport(data, { ...defaultMarketOptions(), fromDate: '2024-05-01', toDate: '2024-05-31' }, catalog, evaluate);
    expect(one.decomposition).toBeNull();
    expect(one.problems.map((m) => m.code)).toEqual(['market.default-same-point']);
    // One end picked, and the tier's default for the other end is that very point: said as such, not blamed on the defaults.
    const mixtral = '2023-12-mistral-ai-mixtral-8x7b-open-mixtral-8x7b';
    const onePicked = marketDecompositionReport(data, { ...defaultMarketOptions(), tier: 68, toPoint: mixtral }, catalog, evaluate);
    expect(onePicked.decomposition).toBeNull();
    expect(onePicked.problems.map((m) => m.text)).toEqual([expect.stringMatching(/^the default from point is the to point you picked \(2023-12-01\).*pick the from point too$/)]);
    // Backwards in time: refused with the reason, not read as a fall of 0.194x.
    const reversed = marketDecompositionReport(data, { ...defaultMarketOptions(), fromPoint: '2024-05-13-openai-gpt-4o-2024-05-13', toPoint: '2023-03-14-openai-gpt-4-0314-8k-context' }, catalog, evaluate);
    expect(reversed.decomposition).toBeNull();
    expect(reversed.problems.map((m) => m.code)).toEqual(['market.points-reversed']);
    // GPT-4 (MMLU 86) and GPT-4o (87) sit in different tiers: the pair claims only the tier both meet.
    const tiers = [picked.decomposition!.from, picked.decomposition!.to].map((e) => data.points.find((p) => p.id === e.id)!.tier!.threshold);
    expect(picked.decomposition!.threshold).toBe(Math.min(...tiers));
    expect(picked.decomposition!.threshold).toBeLessThanOrEqual(86);
  });

  it('draws the floor of both models over time as steps to the end of the last era\'s year, past the last price', () => {
    const lines = defaultReport().floorLines;
    expect(new Set(lines.map((l) => l.modelId))).toEqual(new Set(['gpt-3-175b', 'llama-3.2-3b']));
    expect(lines.at(-1)!.date).toBe('2026-12-31');
    const last = defaultReport().points.at(-1)!.date;
    expect(lines.some((l) => l.date > last)).toBe(true);
  });
});

describe('purity', () => {
  it('never mutates the catalog or the data it reads', () => {
    const data = marketData();
    const before = JSON.stringify([[...catalog.models.values()], [...catalog.hardware.values()], data.points, data.eras]);
    marketDecompositionReport(data, defaultMarketOptions(), catalog, engineEvaluator(catalog));
    expect(JSON.stringify([[...catalog.models.values()], [...catalog.hardware.values()], data.points, data.eras])).toBe(before);
  });
});
