// Text of the market check (src/market/market-check.ts): the modelled request cost next to the
// public API price of the same model.
import { groupedInteger } from '../format/decimal';
import { formatNumber, formatUsd, formatUsdCents } from '../format/units';

const x = (v: number) => (v >= 10 ? v.toFixed(0) : v.toFixed(1));

/** Modelled ÷ market as the CLI table and the page's column write it: 0.18x, 2.40x, 27x. */
/** Three significant figures whatever the size ("12.1x" beside "9.70x", not "12x"). */
export const ratioText = (ratio: number) => `${ratio >= 100 ? ratio.toFixed(0) : ratio >= 10 ? ratio.toFixed(1) : ratio.toFixed(2)}x`;
const chipCount = (n: number) => (n === 1 ? '1 chip' : `${groupedInteger(n)} chips`);

export const MARKET_CHECK = {
  split: (input: number, output: number) => `${formatUsd(input)}/M input + ${formatUsd(output)}/M output tokens`,
  blended: (blended: number, basis: string) => `${formatUsd(blended)}/M tokens (blended${basis === '' ? '' : `: ${basis}`})`,
  /** `fixedBatch`: the batch the objective set (min-latency: 1), else null (the model chose it). */
  throughput: (ratio: number, perChip: number, fixedBatch: number | null) => `${x(ratio)}x the modelled output per chip (${formatNumber(perChip)} -> ${formatNumber(perChip * ratio)} tokens/s per chip), i.e. `
    + (fixedBatch === null ? 'batching or utilisation the model does not find' : `more requests at once than the objective's batch of ${formatNumber(fixedBatch)}, or utilisation the model does not find`),
  chips: (needed: number, chips: number) => `${chipCount(needed)} instead of ${chips} at the same speed`,
  chipsImpossible: (needed: number, weightChips: number, chips: number) => `${chipCount(needed)} instead of ${chips}: impossible, the weights alone fill ${weightChips} chips of SRAM`,
  chipPrice: (list: number, needed: number) => `a chip price of ${formatUsd(needed)} instead of ${formatUsd(list)}`,
  priceImpossible: (perChipHour: number, opex: number) => `no chip price reaches it: power and hosting alone cost ${formatUsd(opex)} of the ${formatUsd(perChipHour)} per chip-hour`,
  chipHour: (perChipHour: number, target: number) => `a price per chip-hour of ${formatUsdCents(target)} instead of ${formatUsdCents(perChipHour)}`,
  line: (provider: string, apiModel: string, date: string, price: string, perRequest: string, match: string) =>
    `${provider} ${apiModel} (${date}${match}): ${price} = ${perRequest} per request`,
  sibling: (pricedModelId: string) => `; sibling ${pricedModelId}`,
  title: 'Market check: modelled cost of a request against the public API price',
  intro: (input: number, output: number) => `Per request of ${groupedInteger(input)} input + ${groupedInteger(output)} output tokens: the API's input price x input tokens + output price x output tokens (or its blended price x all tokens), against the engine's all-in cost of the same request at the headline price of each chip. A market price above the model is the usual case: it carries the provider's margin and the hours its chips sit idle or below a full batch, beyond the load the modelled cost assumes. A market price far below the model means the chips are priced, used or served differently from what the engine assumes.`,
  unpriced: (model: string) => `No public API price of ${model} or of a model with its architecture is on record (the API price data of the Market view).`,
  tooLong: (model: string, tokens: number) => `No priced API of ${model} (or of a model with its architecture) takes a request of ${formatNumber(tokens)} tokens: their context windows are shorter, so there is no market price to set against this workload.`,
  noServingChip: 'No chip in the comparison serves this workload within the latency limits: there is no modelled cost to set against the market price.',
  columns: ['Chip', 'Public API price (per request)', 'Modelled per request', 'Modelled / market'],
  mustHoldTitle: (chip: string) => `${chip}: to match the market price`,
  computing: 'Looking up public API prices…',
  /** Always modelled ÷ market first, as the column, the CLI table and JSON's ratio; then in words. */
  // The words at the column's precision: 0.96x read "the market price is 1.0x the modelled cost".
  ratio: (ratio: number) => (ratio >= 1 ? `${ratioText(ratio)}: the modelled cost is ${ratioText(ratio)} the market price`
    : `${ratioText(ratio)}: the market price is ${ratioText(1 / ratio)} the modelled cost`),
} as const;
