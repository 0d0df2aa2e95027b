// The Market view's answers, in two parts that the app computes in separate worker jobs: the points
// with their floors (depends on the workload, window and tier), and the decomposition of one pair
// with the floor lines of its two models (depends on the pair too). `npm run market` prints both.

import type { Catalog } from '../catalog/catalog';
import type { Message } from '../messages/message';
import { MARKET } from '../messages/market';
import type { CapabilityTier } from './api-prices';
import { decompose, type Decomposition } from './decomposition';
import type { Evaluator } from './evaluate';
import { floorLine, type FloorLinePoint } from './floor-lines';
import type { MarketData } from './market-data';
import type { MarketOptions, MarketWorkload } from './options';
import { choosePair } from './pair';
import { defaultEndFits, marketPoint, selectPoints, type MarketPoint } from './points';
import type { PricePoint } from './price-points';

export interface EraSummary {
  id: string;
  period: string;
  label: string;
  start: string;
  chips: { hardwareId: string; short: string; availableFrom: string; basis: string }[];
}

export interface MarketPointsReport {
  points: MarketPoint[];
  workload: MarketWorkload;
  eras: EraSummary[];
  tiers: CapabilityTier[];
  /** What holds for every point (prefix cache, no speculation, saturated floor, tiers mixing reasoning models). */
  notes: Message[];
  /** Problems with the data files. */
  problems: string[];
}

export interface MarketDecompositionReport {
  decomposition: Decomposition | null;
  /** Step lines of the pair's two models over time. */
  floorLines: FloorLinePoint[];
  problems: Message[];
}

export type MarketReport = MarketPointsReport & { decomposition: Decomposition | null; floorLines: FloorLinePoint[]; decompositionProblems: Message[] };

/** Why the window is empty: the dates alone, or the tier within them; with where the data lies. */
function emptyWindowReason(all: readonly PricePoint[], options: MarketOptions): Message {
  const inDates = selectPoints(all, { ...options, tier: null });
  if (inDates.length === 0) {
    const dates = all.map((p) => p.row.dateText).sort();
    return MARKET.noPointsInDates(dates[0]!, dates[dates.length - 1]!);
  }
  const scores = inDates.flatMap((p) => (p.capabilityScore === null ? [] : [p.capabilityScore]));
  const dated = options.fromDate !== null || options.toDate !== null;
  return MARKET.noPointsInTier(inDates.length, dated, options.tier ?? 0, scores.length === 0 ? null : Math.max(...scores));
}

export function marketPointsReport(data: MarketData, options: MarketOptions, catalog: Catalog, evaluate: Evaluator): MarketPointsReport {
  const points = selectPoints(data.points, options).map((p) => marketPoint(data, p, options, catalog, evaluate));
  const notes: Message[] = [MARKET.saturated(), MARKET.noSpeculation()];
  if (points.length === 0 && data.points.length > 0) notes.unshift(emptyWindowReason(data.points, options));
  const cacheStep = data.servingSteps[1];
  if (options.workload.prefixCacheHitRate > 0 && cacheStep?.date) notes.push(MARKET.cacheNote(options.workload.prefixCacheHitRate, cacheStep.date));
  const byTier = new Map<string, MarketPoint[]>();
  for (const p of points) byTier.set(p.tier ?? 'no MMLU score', [...(byTier.get(p.tier ?? 'no MMLU score') ?? []), p]);
  for (const [tier, members] of byTier) {
    if (members.some((m) => m.reasoning) && members.some((m) => !m.reasoning)) notes.push(MARKET.tierMixesReasoning(tier));
  }
  return {
    points,
    workload: { ...options.workload },
    eras: data.eras.map((e) => ({ id: e.id, period: e.period, label: e.label, start: e.start, chips: e.chips.map((c) => ({ hardwareId: c.hardwareId, short: c.short, availableFrom: c.availableFrom, basis: c.basis })) })),
    tiers: data.tiers,
    notes,
    problems: data.problems,
  };
}

export function marketDecompositionReport(data: MarketData, options: MarketOptions, catalog: Catalog, evaluate: Evaluator): MarketDecompositionReport {
  const shown = selectPoints(data.points, options);
  const lowest = data.tiers[0]?.threshold ?? null;
  // A default end is a price this request could buy: points whose context window is shorter are passed over.
  const fitting = shown.filter((p) => defaultEndFits(p, options.workload, catalog));
  const chosen = choosePair(data.points, fitting, options, lowest);
  const requestTokens = options.workload.inputTokens + options.workload.outputTokens;
  const skipped = shown.length - fitting.length;
  let pairProblems = chosen.problems;
  if (skipped > 0 && (options.fromPoint === null || options.toPoint === null)) {
    pairProblems = fitting.length === 0
      // Tier and dates let points through; the context windows passed over every one of them.
      ? [...pairProblems.filter((m) => m.code !== 'market.no-qualifying-point'), MARKET.noPointFitsContext(requestTokens, shown.length)]
      : [...pairProblems, MARKET.defaultSkipsShortContext(requestTokens, skipped)];
  }
  if (chosen.pair === null) return { decomposition: null, floorLines: [], problems: pairProblems };
  const { decomposition, problems } = decompose(data, chosen.pair, options, catalog, evaluate);
  const models = decomposition === null ? [] : [...new Set([decomposition.from.servedAsModelId, decomposition.to.servedAsModelId])];
  const floorLines = models.flatMap((m) => floorLine(data, m, options, catalog, evaluate));
  return { decomposition, floorLines, problems: [...pairProblems, ...problems] };
}

export function marketReport(data: MarketData, options: MarketOptions, catalog: Catalog, evaluate: Evaluator): MarketReport {
  const points = marketPointsReport(data, options, catalog, evaluate);
  const d = marketDecompositionReport(data, options, catalog, evaluate);
  return { ...points, decomposition: d.decomposition, floorLines: d.floorLines, decompositionProblems: d.problems };
}
