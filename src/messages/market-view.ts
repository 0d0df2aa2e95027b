// Text of the Market view (issue 14), kept apart from ui.ts so it loads with the view (its
// navigation label lives in the view registry).

import { formatNumber, priceChange } from '../format/units';

const times = (x: number) => formatNumber(x);
/** "fell ×1,000", or "rose ×2" when the later point costs more (a forward pair can). */
const change = (ratio: number) => {
  const { verb, factor } = priceChange(ratio);
  return `${verb} ×${times(factor)}`;
};

export const MARKET_VIEW = {
  title: 'Market: how much of the fall in token prices do chips explain?',
  intro: 'At fixed capability, API prices fell about 10x a year. For every public price point the engine computes what serving that model (or an open model of the same MMLU) costs on the best chip of that date, in the formats and with the serving software of that date. The gap is the market\'s margin; the decomposition splits the fall between two points into hardware, precision, model, serving and margin. Floors always use the software of each date (achieved efficiencies): the Efficiency setting does not apply here.',
  computing: 'Computing the floors in a background worker…',
  computingPair: 'Decomposing the picked pair…',
  workload: 'Workload of the floor',
  workloadHelp: 'Every floor and every API price is per request of this workload: API price = input tokens × input price + output tokens × output price (or the blended price × all tokens where only a blend is known). This workload is the Market view\'s own, a typical API request; the other views keep theirs.',
  tier: 'Capability tier',
  allTiers: 'All points',
  toControls: 'Workload and pair ↓',
  tierOption: (threshold: number, model: string) => `MMLU ≥ ${threshold} (${model})`,
  tierOwn: (threshold: number) => `MMLU ≥ ${threshold} (not a tier of the sources)`,
  pair: 'Decomposed pair',
  pairHelp: 'Click a point in the chart, or a row\'s From / To buttons: the first click picks the "from" point, the second the "to" point. An end not picked yet takes its default: '
    + '"from" the cheapest GPT-3-class price of the first year, "to" the cheapest price since "from" at its capability.',
  from: 'From',
  to: 'To',
  defaultPair: 'Default pair',
  unset: 'default',
  readTitle: 'How to read it',
  readItems: [
    'Dots are API prices per request, shown per million tokens of the workload and coloured by the MMLU tiers of the sources (Epoch AI\'s thresholds).',
    'Black squares are the cost floors: the cheapest deployment the engine finds for the model on the chips available at that date, every batch slot busy. The grey rule between a dot and its square is the margin.',
    'Closed models are served by an open stand-in with the closest MMLU at or above theirs (marked *); where no such model has a floor at the date (too large for the era\'s chips, say), the best-scoring one that has serves, marked *↓: its floor is a weaker model\'s, not one of the same capability. The size estimates of the sources are shown as alternatives in the table.',
    'Chip-hours are priced on one basis, rental: the market rental price where the history has one for that chip and date, else an estimated rental (≈: the engine\'s owning cost times the median rental/TCO ratio of the chips with both prices, as in the compare table); each point says which.',
    'The waterfall switches one factor at a time in one order; the Shapley figure is the average over all orders. Every engine factor carries the two scenarios it compares: `npm run --silent simulate -- --scenario FILE` reruns them.',
  ],
  answerTitle: 'The answer for this pair',
  headline: (total: number, floor: number, marginFrom: number, marginTo: number) =>
    `The API price ${change(total)}; the cost floor ${change(floor)}; the price was ${times(marginFrom)}× the floor before and ${times(marginTo)}× after.`,
  factorsCaption: 'Factors of the fall (waterfall order; Shapley average over all orders)',
  factorColumns: ['Factor', 'Waterfall', 'Shapley', 'What changes', 'Scenarios'],
  scenarios: 'before / after scenarios',
  rerun: 'Rerun either with: npm run --silent simulate -- --scenario FILE --format json',
  before: 'Before',
  after: 'After',
  pointsCaption: 'Price points and their floors (per request)',
  exportPoints: 'Export the points and the pair',
  pointColumns: ['Date and pick', 'API model', 'MMLU', 'Served as', 'Chip', 'API', 'Floor', 'Margin'],
  noFloor: 'no floor at this date',
  sources: 'sources',
  standInMark: '*',
  /** A stand-in weaker than the model: none at its MMLU has a floor here. */
  weakerStandInMark: '*↓',
  alternatives: (list: string) => `size estimates (each at its own cheapest chip and setting of the date): ${list}`,
  alternativeFloor: (usd: string, chip: string | null) => (chip === null ? usd : `${usd} on ${chip}`),
  notesTitle: 'What to keep in mind',
  erasTitle: 'Era table (from the availability rows of market_history.csv)',
  eraColumns: ['Era', 'Chip', 'Serves from', 'Because'],
  noDecomposition: 'No decomposition for this pair.',
  noPoints: 'No price point matches this tier.',
  pricesChart: 'API prices and cost floors per request over time, log scale, coloured by capability tier, with hardware eras',
  exportPair: (from: string, fromDate: string, to: string, toDate: string) => `What moved the price of a request: ${from} (${fromDate}) to ${to} (${toDate})`,
  exportRequest: (input: string, output: string, ttft: string, tpot: string, prefixPercent: string) =>
    `floor request ${input} in / ${output} out, TTFT ${ttft}, TPOT ${tpot}, ${prefixPercent}% prefix-cache hits once stacks had a cache (2024-06)`,
  exportTier: (tier: number) => `capability tier MMLU ≥ ${tier}`,
  exportPricing: 'chip-hours at the rental the history quotes for the chip and date, else ≈ estimated from TCO; the serving software of each date',
  waterfallChart: 'Waterfall of the fall in price between the two picked points, by factor, log scale',
} as const;
