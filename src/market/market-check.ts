// The modelled cost of a request next to what the public API charges for the same model (or its
// closest sibling), per request at the scenario's workload: input x input price + output x output
// price, or the blended price x all tokens where only a blend is published. Never the all-in $/M
// output token against an output-only list price. For chips that hold the weights in SRAM, also what
// would have to hold to match the market. Pure, and light: the price lookup (market-prices.ts)
// runs in the workers with the price data.
import type { HardwareProfile, SimulationResult } from '../engine/types';
import { MARKET_CHECK } from '../messages/market-check';
import { chipsToHold } from '../engine/memory';
import { usdPerRequestAt } from './per-request';

export interface MarketPrice {
  /** exact: this model's own API prices; sibling: a model with the same architecture. */
  match: 'exact' | 'sibling';
  pricedModelId: string;
  provider: string;
  apiModel: string;
  date: string;
  /** What the per-request price is made of ("$0.59/M in + $0.79/M out", "blended $0.72/M"). */
  priceText: string;
  usdPerRequest: number;
  source: string;
}

/** The price a chip's result is compared with: its vendor's own API if listed, else the newest. */
export function priceFor(hardware: Pick<HardwareProfile, 'vendor'>, prices: readonly MarketPrice[]): MarketPrice | null {
  const vendor = hardware.vendor.toLowerCase().split(/\s+/)[0] ?? '';
  return prices.find((p) => vendor !== '' && p.provider.toLowerCase().startsWith(vendor)) ?? prices[0] ?? null;
}

export interface MarketCheck {
  price: MarketPrice;
  /** The engine's all-in cost of one request at the headline price: $/M output x output tokens. */
  modelledUsdPerRequest: number | null;
  /** Modelled / market: above 1, the market charges less than the model says serving costs. */
  ratio: number | null;
  /** SRAM-resident chips above the market price: what would have to hold to match it. */
  mustHold: string[];
}

/** Chips whose weights live in on-chip SRAM only: their cost scales with the chips the weights need. */
function sramOnly(hw: HardwareProfile): boolean {
  return hw.memory.sramHoldsWeights && hw.memory.hbmCapacityBytes === 0;
}

export function checkAgainstMarket(result: SimulationResult, hardware: HardwareProfile, outputTokens: number, price: MarketPrice): MarketCheck {
  const usdPerMillion = result.feasible ? result.usdPerMillionOutputTokens : null;
  const modelled = usdPerMillion === null ? null : usdPerRequestAt(usdPerMillion, outputTokens);
  const ratio = modelled === null || !(price.usdPerRequest > 0) ? null : modelled / price.usdPerRequest;
  const mustHold: string[] = [];
  if (ratio !== null && ratio > 1 && sramOnly(hardware) && result.costPerHourUsd !== null) {
    const chips = result.config.chips;
    const perChipHour = result.costPerHourUsd / chips;
    // Same chips, same price: the tokens per chip would have to rise by the ratio (batching, utilisation).
    // A batch the scenario fixed (min-latency: one request; or --batch) is not one the model failed to find.
    mustHold.push(MARKET_CHECK.throughput(ratio, result.outputTokensPerSecondPerChip, result.memory.batchLimitedBy === 'objective' ? result.config.batch : null));
    // Same throughput per replica: fewer chips cannot hold the weights in SRAM.
    const needed = Math.ceil(chips / ratio);
    // One copy of the weights (a replica's chips), counted as the engine counts them (usable memory).
    const weightChips = chipsToHold(result.memory.weightsBytesPerChip * (chips / Math.max(1, result.config.replicas)), hardware);
    mustHold.push(needed < weightChips ? MARKET_CHECK.chipsImpossible(needed, weightChips, chips) : MARKET_CHECK.chips(needed, chips));
    // Same chips and throughput: the price per chip-hour would have to fall by the ratio.
    const target = perChipHour / ratio;
    const tco = result.pricingUsed === 'tco' ? result.tco : null;
    if (tco !== null && tco.capexUsdPerHour !== undefined) {
      const opex = ((tco.powerUsdPerHour ?? 0) + (tco.hostingUsdPerHour ?? 0)) / chips;
      const capex = tco.capexUsdPerHour / chips;
      mustHold.push(target <= opex ? MARKET_CHECK.priceImpossible(perChipHour, opex)
        : MARKET_CHECK.chipPrice(hardware.price.listPriceUsd, hardware.price.listPriceUsd * ((target - opex) / capex)));
    } else {
      mustHold.push(MARKET_CHECK.chipHour(perChipHour, target));
    }
  }
  return { price, modelledUsdPerRequest: modelled, ratio, mustHold };
}
