// Each API price point with its cost floor at the workload: like with like, per request (issue 14,
// item 2). API price per request = input tokens x input price + output tokens x output price, or
// the blended price x all tokens where only a blended price exists; never the engine's all-in $/M
// output tokens against an output-only list price. marginRatio = API price ÷ floor, per request.

import type { Catalog } from '../catalog/catalog';
import type { Message } from '../messages/message';
import { MARKET } from '../messages/market';
import type { Scenario } from '../scenario/scenario';
import { sizeAlternatives } from './alternatives';
import type { ServedKind } from './api-models';
import type { Evaluator } from './evaluate';
import { floorUncertainty, type FloorUncertainty } from './uncertainty';
import { bestFloor, type Pricing } from './floor';
import type { MarketData } from './market-data';
import type { MarketOptions, MarketWorkload } from './options';
import { standInBasis, type PricePoint } from './price-points';

export interface AlternativeFloor {
  label: string;
  basis: string;
  totalParams: number;
  activeParams: number;
  floorUsdPerRequest: number | null;
  /** The chip its own cheapest floor at the date runs on (it may differ from the row's). */
  hardwareName: string | null;
}

export interface MarketPoint {
  id: string;
  date: string;
  dateText: string;
  provider: string;
  model: string;
  capabilityScore: number | null;
  scoreBasis: string;
  /** Name of the tier's threshold model ("GPT-3.5"), and its MMLU. */
  tier: string | null;
  tierThreshold: number | null;
  apiUsdPerMillionInputTokens: number | null;
  apiUsdPerMillionOutputTokens: number | null;
  /** The blend the source gives (Epoch's 3:1, or a16z's plain average); null where it gives none. */
  apiUsdPerMillionBlended: number | null;
  apiPriceBasis: 'input and output prices' | 'blended price x all tokens';
  servedAsModelId: string;
  servedAsName: string;
  standIn: boolean;
  /** The stand-in that serves scores below the model (none at its MMLU has a floor here): a weaker model's floor. */
  weakerStandIn: boolean;
  servedKind: ServedKind;
  servedBasis: string;
  reasoning: boolean;
  /** Null when no chip of the era can serve the model at the workload (floorReason says why). */
  hardwareId: string | null;
  hardwareName: string | null;
  era: string | null;
  precision: string | null;
  /** "rental" (a dated market quote) or "≈ rental" (estimated from the owning cost); null without a floor. */
  pricing: 'rental' | '≈ rental' | null;
  /** The rental price of the chip-hour, quoted or estimated (null without a floor). */
  rentalUsdPerChipHour: number | null;
  pricingBasis: string | null;
  serving: string | null;
  apiUsdPerRequest: number;
  floorUsdPerRequest: number | null;
  marginRatio: number | null;
  floorReason: string | null;
  /** The floor's range per request, from the engine's range of its $/M (issue 11); absent without one. */
  uncertainty?: FloorUncertainty;
  /** Floors of the closed model's size estimates (stand-ins only). */
  alternatives: AlternativeFloor[];
  /** The floor's scenario: `npm run --silent simulate -- --scenario FILE` reruns it. */
  floorScenario: Scenario | null;
  notes: Message[];
  sources: string[];
}

/** USD for one request of the workload at the point's API prices (per million tokens in the file). */
export function apiUsdPerRequest(p: Pick<PricePoint, 'row'>, w: Pick<MarketWorkload, 'inputTokens' | 'outputTokens'>): number {
  const { inputUsdPerMillionTokens: input, outputUsdPerMillionTokens: output, blendedUsdPerMillionTokens: blended } = p.row;
  if (input !== null && output !== null) return (w.inputTokens * input + w.outputTokens * output) / 1e6;
  return ((blended ?? 0) * (w.inputTokens + w.outputTokens)) / 1e6;
}

/** Points in the options' window and tier (unscored points drop out once a tier is set). */
export function selectPoints(points: readonly PricePoint[], options: Pick<MarketOptions, 'fromDate' | 'toDate' | 'tier'>): PricePoint[] {
  return points.filter((p) => (options.fromDate === null || p.row.date >= options.fromDate)
    && (options.toDate === null || p.row.date <= options.toDate)
    && (options.tier === null || (p.capabilityScore !== null && p.capabilityScore >= options.tier)));
}

export interface PointFloor {
  servedAsModelId: string;
  servedBasis: string;
  found: ReturnType<typeof bestFloor>;
  notes: Message[];
}

/**
 * The context window a point's price buys: the API model's own where the sources give one, else
 * the window of the open model that serves it; undefined when neither is known.
 */
export function pointContextTokens(p: PricePoint, catalog: Catalog): number | undefined {
  return apiContextTokens(p) ?? catalog.models.get(p.servedAsModelId)?.maxContextTokens;
}

/** The API model's own window for this row's snapshot, where the sources give one. */
function apiContextTokens(p: PricePoint): number | undefined {
  return p.apiModel.contextTokensByName?.get(p.row.model) ?? p.apiModel.contextTokens;
}

/** Whether the workload's request fits the point's context window (a default pair needs both ends to). */
export function requestFits(p: PricePoint, workload: Pick<MarketWorkload, 'inputTokens' | 'outputTokens'>, catalog: Catalog): boolean {
  const window = pointContextTokens(p, catalog);
  return window === undefined || workload.inputTokens + workload.outputTokens <= window;
}

/**
 * Whether a default end of the decomposition can take the request: the price must buy it (the API's
 * window) and its floor's open model must serve it (the stand-in's window: GPT-3.5's 4,097 tokens
 * are bought, but its floor runs GPT-3 175B, whose window is 2,048).
 */
export function defaultEndFits(p: PricePoint, workload: Pick<MarketWorkload, 'inputTokens' | 'outputTokens'>, catalog: Catalog): boolean {
  const served = catalog.models.get(p.servedAsModelId)?.maxContextTokens;
  return requestFits(p, workload, catalog) && (served === undefined || workload.inputTokens + workload.outputTokens <= served);
}

/**
 * The floor of a point: its served model at its date; a stand-in the chips of the date cannot
 * serve at the workload's limits gives way to the next one (rankStandIns), and a note says so.
 */
export function pointFloor(data: MarketData, p: PricePoint, options: MarketOptions, catalog: Catalog, evaluate: Evaluator): PointFloor {
  const w = options.workload;
  const notes: Message[] = [];
  let servedAsModelId = p.servedAsModelId;
  let servedBasis = p.servedBasis;
  // The API model's own window: a request longer than it is not one that price buys.
  const window = apiContextTokens(p);
  const requestTokens = w.inputTokens + w.outputTokens;
  if (window !== undefined && requestTokens > window) {
    return { servedAsModelId, servedBasis, found: { floor: null, reason: MARKET.apiContextWindow(p.row.model, requestTokens, window).text }, notes };
  }
  let found = bestFloor(data, p.row.date, servedAsModelId, w, catalog, evaluate);
  for (const [i, next] of p.standIns.entries()) {
    if (i === 0) continue;
    if (found.floor !== null || p.capabilityScore === null) break;
    const tried = bestFloor(data, p.row.date, next.modelId, w, catalog, evaluate);
    if (tried.floor === null) continue;
    notes.push(MARKET.standInFallback(servedAsModelId, found.reason ?? '', next.modelId));
    servedAsModelId = next.modelId;
    // A weaker stand-in serves because the ones that reach the score cannot at this date, not because none exists.
    servedBasis = standInBasis(p.capabilityScore, next, p.standIns.slice(0, i).find((s) => !s.below));
    found = tried;
  }
  return { servedAsModelId, servedBasis, found, notes };
}

export function marketPoint(data: MarketData, p: PricePoint, options: MarketOptions, catalog: Catalog, evaluate: Evaluator): MarketPoint {
  const w = options.workload;
  const api = apiUsdPerRequest(p, w);
  const { servedAsModelId, servedBasis, found, notes } = pointFloor(data, p, options, catalog, evaluate);
  const served = catalog.models.get(servedAsModelId);
  const floor = found.floor;
  const floorUsd = floor?.evaluation.floorUsdPerRequest ?? null;
  if (p.servedKind === 'stand-in') notes.push(MARKET.standInUsed(servedAsModelId));
  if (p.apiModel.reasoning) notes.push(MARKET.reasoningPrice());
  if (p.capabilityScore === null) notes.push(MARKET.noScore());
  if (floorUsd !== null && floorUsd > api) notes.push(MARKET.subsidised(floorUsd, api));
  if (found.reason !== null) notes.push(MARKET.floorInfeasible(found.reason));
  const alternatives: AlternativeFloor[] = p.servedKind !== 'stand-in' ? [] : sizeAlternatives(p.apiModel.estimates, data.history).map((a) => {
    const alt = bestFloor(data, p.row.date, a.model, w, catalog, evaluate).floor;
    return {
      label: a.label,
      basis: a.basis,
      totalParams: a.totalParams,
      activeParams: a.activeParams,
      floorUsdPerRequest: alt?.evaluation.floorUsdPerRequest ?? null,
      hardwareName: alt === null || alt === undefined ? null : catalog.hardware.get(alt.setting.hardwareId)?.name ?? alt.setting.hardwareId,
    };
  });
  const result = floor?.evaluation.result;
  const point: MarketPoint = {
    id: p.id,
    date: p.row.date,
    dateText: p.row.dateText,
    provider: p.row.provider,
    model: p.row.model,
    capabilityScore: p.capabilityScore,
    scoreBasis: p.scoreBasis,
    tier: p.tier?.model ?? null,
    tierThreshold: p.tier?.threshold ?? null,
    apiUsdPerMillionInputTokens: p.row.inputUsdPerMillionTokens,
    apiUsdPerMillionOutputTokens: p.row.outputUsdPerMillionTokens,
    apiUsdPerMillionBlended: p.row.blendedUsdPerMillionTokens,
    apiPriceBasis: p.row.inputUsdPerMillionTokens !== null && p.row.outputUsdPerMillionTokens !== null ? 'input and output prices' : 'blended price x all tokens',
    servedAsModelId,
    servedAsName: served?.name ?? servedAsModelId,
    standIn: p.servedKind === 'stand-in',
    weakerStandIn: p.servedKind === 'stand-in' && p.standIns.find((x) => x.modelId === servedAsModelId)?.below === true,
    servedKind: p.servedKind,
    servedBasis,
    reasoning: p.apiModel.reasoning,
    hardwareId: floor?.setting.hardwareId ?? null,
    hardwareName: floor === null ? null : catalog.hardware.get(floor.setting.hardwareId)?.name ?? floor.setting.hardwareId,
    era: floor?.setting.era.label ?? null,
    precision: floor?.setting.precision.label ?? null,
    pricing: floor === null ? null : pricingLabel(floor.setting.pricing),
    rentalUsdPerChipHour: floor?.setting.pricing.usdPerChipHour ?? null,
    pricingBasis: floor?.setting.pricing.basis ?? null,
    serving: floor?.setting.serving.label ?? null,
    apiUsdPerRequest: api,
    floorUsdPerRequest: floorUsd,
    marginRatio: floorUsd === null ? null : api / floorUsd,
    floorReason: found.reason,
    alternatives,
    floorScenario: floor?.scenario ?? null,
    notes,
    sources: [
      `api_prices.csv row ${p.row.row}: ${p.row.sourceRef}`,
      ...(floor === null ? [] : [
        floor.setting.availabilityBasis, floor.setting.precision.basis, floor.setting.pricing.basis, ...floor.setting.serving.basis,
      ]),
    ],
  };
  const range = floorUncertainty(result?.uncertainty, w.outputTokens);
  if (range !== null) point.uncertainty = range;
  return point;
}

/** How a floor's chip-hour is priced, as the compare table marks it: "≈" for an estimated rental. */
export function pricingLabel(p: Pricing): 'rental' | '≈ rental' {
  return p.estimated ? '≈ rental' : 'rental';
}
