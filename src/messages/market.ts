// What the Market view and `npm run market` say: how each point is served and priced, the honesty
// notes (issue 14, item 6), the decomposition's factors and its answer in words. Named functions
// with stable codes, like the rest of src/messages.

import { formatNumber, formatUsd } from '../format/units';
import { groupedInteger } from '../format/decimal';
import { message, type Message } from './message';
import { NO_POINTS } from './market-no-points';

const pct = (x: number) => `${Math.round(x * 100)}%`;
const times = (x: number) => `${formatNumber(x)}x`;

export const MARKET = {
  // How a point's model is served.
  servedExact: (): Message => message('market.served-exact', 'the model itself (its architecture is public)'),
  servedSibling: (why: string): Message => message('market.served-sibling', `sibling: ${why}`),
  standIn: (score: number, label: string, standInScore: number, modelId: string): Message =>
    message('market.stand-in', `stand-in: the open model with the closest MMLU at or above ${score}: ${label} (MMLU ${standInScore}), served as ${modelId}`),
  standInBelow: (score: number, label: string, standInScore: number, modelId: string): Message =>
    message('market.stand-in-below', `stand-in: no open model reaches MMLU ${score}; the highest-scoring one, ${label} (MMLU ${standInScore}), served as ${modelId}`),

  // Where a capability score comes from.
  scoreOwnRow: (row: number): Message => message('market.score-row', `api_prices.csv row ${row}`),
  scoreHistoryRow: (row: number, item: string): Message => message('market.score-history', `market_history.csv row ${row} (${item})`),
  scoreSameModel: (row: number, model: string): Message => message('market.score-same-model', `api_prices.csv row ${row} (${model}: the same model)`),
  scoreNone: (): Message => message('market.score-none', 'no MMLU in api_prices.csv or market_history.csv'),

  // How the floor's chip-hour is priced.
  rentalPrice: (usd: number, cite: string): Message => message('market.rental', `rental $${usd}/GPU-hour from ${cite}`),
  estimatedRentalPrice: (usd: number, ratio: number, n: number): Message => message('market.estimated-rental',
    `≈ rental $${Number(usd.toPrecision(3))}/chip-hour, estimated: no rental quote in market_history.csv for this chip at this date, so its owning cost (TCO) x ${ratio.toFixed(2)}, the median rental/TCO ratio of ${n} chips with both prices`),

  // What the software of a date allowed (era-settings.ts).
  precisionBf16: (): Message => message('market.precision-bf16', 'bf16: no narrower format served on this chip at this date'),
  precisionFrom: (format: string, cite: string): Message => message('market.precision-from', `${format} from ${cite}`),
  servingLabel: (maxBatch: number, cacheHitRate: number): Message =>
    message('market.serving-label', `batch ≤ ${maxBatch}, ${cacheHitRate > 0 ? `${pct(cacheHitRate)} prefix-cache hits` : 'no prefix cache'}`),
  servingEarly: (maxBatch: number, cite: string): Message =>
    message('market.serving-early', `early baseline (assumed): batches of at most ${maxBatch}, before ${cite}`),
  servingContinuous: (cite: string): Message => message('market.serving-continuous', `continuous batching from ${cite}`),
  servingCache: (cite: string): Message => message('market.serving-cache', `prefix caching from ${cite}`),
  missingRow: (item: string): Message => message('market.missing-row', `market_history.csv has no row "${item}"`),

  noEra: (date: string): Message => message('market.no-era', `no era of the table serves ${date}`),
  alternativeDense: (billions: number): Message => message('market.alternative-dense', `~${billions}B parameters, today's dense shape assumed (grouped-query attention; ESTIMATE)`),
  alternativeMoe: (totalBillions: number, activeBillions: number, layout: string): Message =>
    message('market.alternative-moe', `~${totalBillions}B total, ~${activeBillions}B active, ${layout} (ESTIMATE)`),

  // Honesty notes on points.
  subsidised: (floor: number, api: number): Message =>
    message('market.subsidised', `the floor (${formatUsd(floor)} per request) sits above the API price (${formatUsd(api)}): a subsidised or promotional price, or a floor the engine overstates`),
  standInBelowServable: (score: number, aboveLabel: string, aboveScore: number, label: string, standInScore: number, modelId: string): Message =>
    message('market.stand-in-below-servable', `stand-in: ${aboveLabel} (MMLU ${aboveScore}) reaches MMLU ${score} but has no floor for this workload at this date (see the notes); `
      + `the best-scoring one that has, ${label} (MMLU ${standInScore}), served as ${modelId}`),
  apiContextWindow: (model: string, requestTokens: number, window: number): Message =>
    message('market.api-context-window', `${model} serves at most ${groupedInteger(window)} tokens per request; this workload's ${groupedInteger(requestTokens)} are beyond it, so its price is not one for this request`),
  standInFallback: (preferred: string, reason: string, used: string): Message =>
    message('market.stand-in-fallback', `the closest stand-in, ${preferred}, has no floor at this date (${reason}); the next one, ${used}, serves instead`),
  standInUsed: (modelId: string): Message =>
    message('market.stand-in-used', `closed model: the floor serves the open stand-in ${modelId}, not the model itself`),
  reasoningPrice: (): Message =>
    message('market.reasoning-price', 'reasoning model: it bills hidden reasoning tokens as output, so the price of a real request is higher than this per-request price at the workload\'s output length'),
  tierMixesReasoning: (tier: string): Message =>
    message('market.tier-mixes-reasoning', `the tier "${tier}" mixes reasoning and non-reasoning models (Epoch leaves reasoning models out of its trend fits)`),
  noScore: (): Message => message('market.no-score', 'no MMLU score in the sources: the point has no capability tier'),
  floorInfeasible: (reason: string): Message => message('market.floor-infeasible', `no floor: ${reason}`),

  // Decomposition.
  factorLabel: {
    hardware: 'Hardware (chip and its price)',
    precision: 'Precision',
    model: 'Model (size and architecture)',
    serving: 'Serving software',
    margin: "Market's margin",
  } as const,
  factorExplanation: {
    hardware: (from: string, to: string): Message => message('market.factor-hardware', `hardware generation: ${from} → ${to}, each at its own rental price at its date (quoted, or ≈ estimated from its owning cost), at fixed precision and everything else fixed`),
    precision: (from: string, to: string): Message => message('market.factor-precision', `${from} → ${to}: weights, activations and KV cache in the era's formats`),
    model: (from: string, to: string): Message => message('market.factor-model', `${from} → ${to}: the model that serves each price point, at fixed capability (distillation, MoE, better training)`),
    serving: (from: string, to: string): Message => message('market.factor-serving', `batching and prefix caching: ${from} → ${to}`),
    margin: (from: number, to: number): Message => message('market.factor-margin', `the market's margin, API price ÷ floor, went from ${times(from)} to ${times(to)}`),
  },
  dominant: (factor: string, ratio: number, share: number, total: number): Message =>
    message('market.dominant', share > 1
      // More than the whole fall: the rest pushed the price up, which "of the fall" alone would hide.
      ? `${factor} explains more than the whole fall: ${times(ratio)} against the ${times(total)} fall (${pct(share)} of it on a log scale); the other factors together raised the price ${times(ratio / total)} (Shapley average over the orders).`
      : `${factor} explains the most: ${times(ratio)} of the ${times(total)} fall (${pct(share)} of it on a log scale, Shapley average over the orders).`),
  /** Said after the answer when an end of the pair rests on a weaker stand-in or a price below its floor. */
  weakerEnd: (model: string, servedAs: string): Message => message('market.weaker-end',
    `Caution: ${model} is served by ${servedAs}, a weaker open model (*↓), so the model and margin factors compare unlike capabilities.`),
  endBelowFloor: (model: string, margin: number): Message => message('market.end-below-floor',
    `Caution: ${model}'s price is ${margin.toFixed(2)}x its floor, below it: a subsidised price, or a floor the engine overstates, which inflates the margin factor.`),
  dominantRise: (factor: string, ratio: number): Message =>
    message('market.dominant-rise', `${factor} moved the price the most, and upwards: ${times(1 / ratio)} (Shapley average over the orders).`),
  noDecomposition: (reason: string): Message => message('market.no-decomposition', `no decomposition: ${reason}`),
  pointNotFound: (which: 'from' | 'to', id: string): Message =>
    message('market.point-not-found', `the ${which} point "${id}" is not in the data; the default pair is used`),
  defaultSkipsShortContext: (requestTokens: number, skipped: number): Message =>
    message('market.default-skips-short-context', `the default pair passes over ${skipped} price point${skipped === 1 ? '' : 's'} of models whose context window is shorter than this workload's ${groupedInteger(requestTokens)} tokens`),
  noPointFitsContext: (requestTokens: number, shown: number): Message =>
    message('market.no-point-fits-context', `no default pair: none of the ${shown} price point${shown === 1 ? '' : 's'} shown has a context window (of the API model, or of the open model its floor runs) of this workload's ${groupedInteger(requestTokens)} tokens`),
  noQualifyingPoint: (which: 'from' | 'to'): Message =>
    message('market.no-qualifying-point', `no price point qualifies as the ${which} point (tier and dates)`),
  noPointsInDates: (firstDate: string, lastDate: string): Message =>
    message(NO_POINTS, `no price point falls in these dates: the data runs from ${firstDate} to ${lastDate}`),
  noPointsInTier: (inDates: number, dated: boolean, tier: number, topScore: number | null): Message =>
    message(NO_POINTS, `${inDates} price points ${dated ? 'fall in these dates' : 'in the data'}, none with an MMLU score of ${tier} or more: ${topScore === null ? 'none of them has a score' : `the best of them scores ${topScore}`}`),
  samePoint: (): Message => message('market.same-point', 'the two points are the same; pick two different points'),
  /** The default choice picked one point for both ends (the user picked neither). */
  defaultSamePoint: (): Message => message('market.default-same-point',
    'by default both ends are the same price: the cheapest qualifying price of the first year shown is also the cheapest in the window, so there is no fall to split; widen the dates, change the tier, or pick the two points'),
  /** One end picked; the default for the other is the same point. */
  defaultIsPicked: (picked: 'from' | 'to', date: string): Message => message('market.default-is-picked',
    `the default ${picked === 'to' ? 'from' : 'to'} point is the ${picked} point you picked (${date}): it is also the cheapest qualifying price `
    + `${picked === 'to' ? 'of the first year shown' : 'from it on'}, so there is no fall to split; pick the ${picked === 'to' ? 'from' : 'to'} point too`),
  pointsReversed: (fromDate: string, toDate: string): Message =>
    message('market.points-reversed', `the from point (${fromDate}) is later than the to point (${toDate}); a decomposition of the fall runs forward in time: swap the two points`),
  subsetRelaxed: (what: string, reason: string): Message =>
    message('market.subset-relaxed', `the mix ${what} cannot meet the workload's latency limits (${reason}); it is costed without the limits (most throughput, the floor's lower bound), so the factors around it understate what meeting the limits would cost`),
  subsetInfeasible: (what: string, reason: string): Message =>
    message('market.subset-infeasible', `the engine finds no deployment for ${what}: ${reason}`),

  // Global notes.
  cacheNote: (rate: number, date: string): Message =>
    message('market.cache-note', `From ${date} the floor serves ${pct(rate)} of prompt tokens from a prefix cache; API prices here are cache-miss list prices, so where a provider discounts cached input the real margin is smaller than shown.`),
  noSpeculation: (): Message =>
    message('market.no-speculation', 'No speculative decoding in any era: market_history.csv has no acceptance rate for production serving.'),
  saturated: (): Message =>
    message('market.saturated', 'The floor keeps every batch slot busy (saturated arrivals, no idle capacity): a lower bound on what serving costs.'),
} as const;
