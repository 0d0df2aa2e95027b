// How much of the fall in price between two points each cause explains (issue 14, item 3). Four
// engine factors switch the floor's scenario from the "from" point's setting to the "to" point's:
// hardware generation (the chip and its price at its date, at fixed precision), precision, model
// (size and architecture at fixed capability) and serving software. The fifth is the market's
// margin: (API_from / floor_from) / (API_to / floor_to). Their product is API_from / API_to.
//
// Attribution depends on the order the factors are switched in: the Shapley average over all
// orders is reported (shapley.ts, on log floors so shares multiply), with one order's waterfall
// (the order above) next to it. Every engine factor carries the two version-1 scenarios it
// compares; `simulate --scenario` reruns them.

import type { Catalog } from '../catalog/catalog';
import type { Message } from '../messages/message';
import { MARKET } from '../messages/market';
import type { Scenario } from '../scenario/scenario';
import type { Evaluator } from './evaluate';
import { floorScenario, type Floor, type FloorParts } from './floor';
import { pricingLabel } from './points';
import type { MarketData } from './market-data';
import type { MarketOptions } from './options';
import type { Pair } from './pair';
import { apiUsdPerRequest, pointFloor } from './points';
import { shapleyShares, waterfallMasks, type Mask } from './shapley';

export type EngineFactor = 'hardware' | 'precision' | 'model' | 'serving';
export type FactorName = EngineFactor | 'margin';

/** Bit i of a mask switches ENGINE_FACTORS[i] to the "to" point's setting; also the waterfall's order. */
export const ENGINE_FACTORS: readonly EngineFactor[] = ['hardware', 'precision', 'model', 'serving'];

export interface FactorEnd {
  scenario: Scenario;
  floorUsdPerRequest: number;
  /** Margin factor only: the point's API price per request. */
  apiUsdPerRequest?: number;
}

export interface Factor {
  factor: FactorName;
  label: string;
  /** floorBefore ÷ floorAfter in the waterfall order (margin: API/floor before ÷ after). */
  ratio: number;
  /** The Shapley average over all orders, as a ratio. */
  shapleyRatio: number;
  before: FactorEnd;
  after: FactorEnd;
  explanation: string;
}

export interface PairEnd {
  id: string;
  date: string;
  provider: string;
  model: string;
  servedAsModelId: string;
  hardwareId: string;
  precision: string;
  serving: string;
  apiUsdPerRequest: number;
  floorUsdPerRequest: number;
}

export interface Decomposition {
  from: PairEnd;
  to: PairEnd;
  /** API price per request, from ÷ to. */
  totalRatio: number;
  /** Floor per request, from ÷ to (the product of the engine factors). */
  floorRatio: number;
  threshold: number | null;
  factors: Factor[];
  /** The factor with the largest Shapley share, in words. */
  dominant: { factor: FactorName; text: string };
  /** Mixes of the two settings the engine cannot serve within the limits, and how they were costed. */
  notes: Message[];
}

function end(p: Pair['from'], servedAsModelId: string, floor: Floor, options: MarketOptions): PairEnd {
  return {
    id: p.id, date: p.row.date, provider: p.row.provider, model: p.row.model, servedAsModelId,
    hardwareId: floor.setting.hardwareId, precision: floor.setting.precision.label, serving: floor.setting.serving.label,
    apiUsdPerRequest: apiUsdPerRequest(p, options.workload), floorUsdPerRequest: floor.evaluation.floorUsdPerRequest,
  };
}

function partsFor(mask: Mask, from: FloorParts, to: FloorParts): FloorParts {
  const on = (f: EngineFactor) => (mask & (1 << ENGINE_FACTORS.indexOf(f))) !== 0;
  const hw = on('hardware') ? to : from;
  return {
    hardwareId: hw.hardwareId,
    pricing: hw.pricing,
    precision: (on('precision') ? to : from).precision,
    model: (on('model') ? to : from).model,
    serving: (on('serving') ? to : from).serving,
  };
}

function describeMask(mask: Mask): string {
  return ENGINE_FACTORS.map((f, i) => `${f} ${(mask & (1 << i)) !== 0 ? 'to' : 'from'}`).join(', ');
}

export function decompose(
  data: MarketData, pair: Pair, options: MarketOptions, catalog: Catalog, evaluate: Evaluator,
): { decomposition: Decomposition | null; problems: Message[] } {
  const w = options.workload;
  const fromFloor = pointFloor(data, pair.from, options, catalog, evaluate);
  const toFloor = pointFloor(data, pair.to, options, catalog, evaluate);
  if (fromFloor.found.floor === null) return { decomposition: null, problems: [MARKET.noDecomposition(`${pair.from.row.model}: ${fromFloor.found.reason}`)] };
  if (toFloor.found.floor === null) return { decomposition: null, problems: [MARKET.noDecomposition(`${pair.to.row.model}: ${toFloor.found.reason}`)] };
  const F = fromFloor.found.floor;
  const T = toFloor.found.floor;
  const fromModel = fromFloor.servedAsModelId;
  const toModel = toFloor.servedAsModelId;
  const fromParts: FloorParts = { hardwareId: F.setting.hardwareId, pricing: F.setting.pricing, precision: F.setting.precision.config, model: fromModel, serving: F.setting.serving };
  const toParts: FloorParts = { hardwareId: T.setting.hardwareId, pricing: T.setting.pricing, precision: T.setting.precision.config, model: toModel, serving: T.setting.serving };

  const n = ENGINE_FACTORS.length;
  const scenarios: Scenario[] = [];
  const floors: number[] = [];
  const notes: Message[] = [];
  for (let mask = 0; mask < 1 << n; mask++) {
    let scenario = floorScenario(partsFor(mask, fromParts, toParts), w);
    let e = evaluate(scenario);
    if (e.floorUsdPerRequest === null) {
      // A mix of old and new settings (a 405B model on an A100 in bf16) may miss the latency limits
      // that both points meet: cost it without the limits (still a floor, now a lower bound) and say so.
      const reason = e.reason ?? 'infeasible';
      scenario = { ...scenario, slo: { maxTtftSeconds: null, maxTpotSeconds: null } };
      e = evaluate(scenario);
      if (e.floorUsdPerRequest === null) {
        return { decomposition: null, problems: [MARKET.noDecomposition(MARKET.subsetInfeasible(describeMask(mask), e.reason ?? reason).text)] };
      }
      notes.push(MARKET.subsetRelaxed(describeMask(mask), reason));
    }
    scenarios.push(scenario);
    floors.push(e.floorUsdPerRequest);
  }
  const all = (1 << n) - 1;
  // Shares of ln(floor_none / floor_mask): a factor's share is the log of its ratio.
  const shares = shapleyShares(n, (mask) => Math.log(floors[0]! / floors[mask]!));
  const masks = waterfallMasks(ENGINE_FACTORS.map((_, i) => i));
  const fromEnd = end(pair.from, fromModel, F, options);
  const toEnd = end(pair.to, toModel, T, options);
  const label = (f: FactorName) => MARKET.factorLabel[f];
  // Names, as the tables and charts write them (ids where the catalog has no entry).
  const chipName = (id: string) => catalog.hardware.get(id)?.name ?? id;
  const modelName = (id: string) => catalog.models.get(id)?.name ?? id;
  const explain = {
    hardware: MARKET.factorExplanation.hardware(`${chipName(F.setting.hardwareId)} (${pricingLabel(F.setting.pricing)})`, `${chipName(T.setting.hardwareId)} (${pricingLabel(T.setting.pricing)})`),
    precision: MARKET.factorExplanation.precision(F.setting.precision.label, T.setting.precision.label),
    model: MARKET.factorExplanation.model(modelName(fromModel), modelName(toModel)),
    serving: MARKET.factorExplanation.serving(F.setting.serving.label, T.setting.serving.label),
  };
  const factors: Factor[] = ENGINE_FACTORS.map((f, i) => {
    const [before, after] = [masks[i]!, masks[i + 1]!];
    return {
      factor: f, label: label(f),
      ratio: floors[before]! / floors[after]!,
      shapleyRatio: Math.exp(shares[i]!),
      before: { scenario: scenarios[before]!, floorUsdPerRequest: floors[before]! },
      after: { scenario: scenarios[after]!, floorUsdPerRequest: floors[after]! },
      explanation: explain[f].text,
    };
  });
  const marginFrom = fromEnd.apiUsdPerRequest / floors[0]!;
  const marginTo = toEnd.apiUsdPerRequest / floors[all]!;
  factors.push({
    factor: 'margin', label: label('margin'),
    ratio: marginFrom / marginTo,
    shapleyRatio: marginFrom / marginTo,
    before: { scenario: scenarios[0]!, floorUsdPerRequest: floors[0]!, apiUsdPerRequest: fromEnd.apiUsdPerRequest },
    after: { scenario: scenarios[all]!, floorUsdPerRequest: floors[all]!, apiUsdPerRequest: toEnd.apiUsdPerRequest },
    explanation: MARKET.factorExplanation.margin(marginFrom, marginTo).text,
  });
  const totalRatio = fromEnd.apiUsdPerRequest / toEnd.apiUsdPerRequest;
  // The answer says where an end cannot carry it: a weaker stand-in, or a price below its floor
  // (GPT-4 Turbo served as Llama 2 70B, Gemini 2.0 Flash at 0.48x its floor: "margin explains the most").
  const caveats: Message[] = [];
  for (const [point, served, margin] of [[pair.from, fromModel, marginFrom], [pair.to, toModel, marginTo]] as const) {
    if (point.servedKind === 'stand-in' && point.standIns.find((x) => x.modelId === served)?.below === true) caveats.push(MARKET.weakerEnd(point.row.model, modelName(served)));
    if (margin < 1) caveats.push(MARKET.endBelowFloor(point.row.model, margin));
  }
  const dominant = dominantFactor(factors, totalRatio);
  return {
    decomposition: {
      from: fromEnd, to: toEnd, totalRatio, floorRatio: floors[0]! / floors[all]!, threshold: pair.threshold,
      factors, dominant: { ...dominant, text: [dominant.text, ...caveats.map((c) => c.text)].join(' ') }, notes,
    },
    problems: [],
  };
}

/** The factor with the largest |log Shapley ratio|, said in words. */
export function dominantFactor(factors: readonly Factor[], totalRatio: number): { factor: FactorName; text: string } {
  const top = [...factors].sort((a, b) => Math.abs(Math.log(b.shapleyRatio)) - Math.abs(Math.log(a.shapleyRatio)))[0]!;
  const text = top.shapleyRatio >= 1
    ? MARKET.dominant(top.label, top.shapleyRatio, totalRatio > 1 ? Math.log(top.shapleyRatio) / Math.log(totalRatio) : 1, totalRatio).text
    : MARKET.dominantRise(top.label, top.shapleyRatio).text;
  return { factor: top.factor, text };
}
