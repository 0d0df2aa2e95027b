// The market check (issue 11 item 8): per request at the scenario's workload, the API's input and
// output prices (or its blend over all tokens) against the engine's all-in cost of the request;
// for SRAM-resident chips above the market, what would have to hold.
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate';
import { checkAgainstMarket, priceFor } from '../../src/market/market-check';
import { marketPricesFor } from '../../src/market/market-prices';
import { resolveScenario } from '../../src/scenario/resolve';
import { defaultScenario } from '../../src/scenario/scenario';
import { catalog, marketData } from './helpers';
import { MARKET_CHECK, ratioText } from '../../src/messages/market-check';

const workload = { inputTokens: 2048, outputTokens: 512 };
const prices = marketPricesFor('llama-3.1-70b', workload, marketData().points, catalog).prices;

function run(hardware: string, chips: number | 'auto', objective: 'max-throughput' | 'min-latency' = 'max-throughput') {
  const s = { ...defaultScenario(), hardware, chips, objective, model: 'llama-3.1-70b', workload: { ...defaultScenario().workload, ...workload },
    slo: { maxTtftSeconds: 600, maxTpotSeconds: null }, economics: { ...defaultScenario().economics, pricing: 'tco' as const } };
  const resolved = resolveScenario(s, catalog);
  return { result: simulate(resolved.value!), hardware: resolved.value!.hardware };
}

describe('market prices of a model', () => {
  it('prices a request by input and output prices, or by the blend over all tokens (hand-computed)', () => {
    const groq = prices.find((p) => p.provider === 'Groq')!;
    expect(groq.match).toBe('sibling'); // Llama 3 70B: the architecture of Llama 3.1 70B
    expect(groq.usdPerRequest).toBeCloseTo((2048 * 0.59 + 512 * 0.79) / 1e6, 12);
    const median = prices.find((p) => p.provider === 'median of providers' && p.apiModel === 'Llama 3.1 70B Instruct')!;
    expect(median.match).toBe('exact');
    expect(median.usdPerRequest).toBeCloseTo((0.72 * 2560) / 1e6, 12);
    // A blend has its own input:output weights, which a request's mix need not match: the text names them.
    expect(median.priceText).toBe('$0.72/M tokens (blended: Epoch: 3:1 input:output weighted)');
  });

  it('leaves out prices whose API model cannot take the request (beyond its context window)', () => {
    // Groq's Llama 3 70B (llama3-70b-8192) takes 8,192 tokens; the 128k Llama 3.1 70B prices take 10,500.
    const long = marketPricesFor('llama-3.1-70b', { inputTokens: 10_000, outputTokens: 500 }, marketData().points, catalog).prices;
    expect(prices.some((p) => p.provider === 'Groq')).toBe(true);
    expect(long.some((p) => p.provider === 'Groq')).toBe(false);
    expect(long.length).toBeGreaterThan(0);
    // Beyond every priced API's context: no price, though the model is priced (said apart from an unpriced model).
    expect(marketPricesFor('llama-3.1-70b', { inputTokens: 1_000_000, outputTokens: 256 }, marketData().points, catalog)).toEqual({ prices: [], modelPriced: true });
  });

  it('is empty for a model with no public price of its own or of a sibling', () => {
    expect(marketPricesFor('gpt-j-6b', workload, marketData().points, catalog)).toEqual({ prices: [], modelPriced: false });
  });

  it('compares a chip with its vendor\'s own API where listed, else with the newest price', () => {
    expect(priceFor({ vendor: 'Groq' }, prices)!.provider).toBe('Groq');
    const newest = [...prices].sort((a, b) => b.date.localeCompare(a.date))[0]!;
    expect(priceFor({ vendor: 'NVIDIA' }, prices)!.date).toBe(newest.date);
  });
});

describe('checkAgainstMarket', () => {
  it('divides the modelled cost of a request ($/M output x output tokens) by the market price of the same request', () => {
    const { result, hardware } = run('nvidia-h200-sxm', 8);
    const price = priceFor(hardware, prices)!;
    const c = checkAgainstMarket(result, hardware, 512, price);
    expect(c.modelledUsdPerRequest).toBeCloseTo((result.usdPerMillionOutputTokens! * 512) / 1e6, 12);
    expect(c.ratio).toBeCloseTo(c.modelledUsdPerRequest! / price.usdPerRequest, 12);
    expect(c.mustHold).toEqual([]); // HBM chips: no what-would-have-to-hold
  });

  it('says what an SRAM-only system would need to match the market: throughput, chips (or why not), chip price', () => {
    const { result, hardware } = run('groq-lpu', 'auto');
    expect(result.feasible).toBe(true);
    const c = checkAgainstMarket(result, hardware, 512, priceFor(hardware, prices)!);
    expect(c.ratio!).toBeGreaterThan(1);
    expect(c.mustHold).toHaveLength(3);
    expect(c.mustHold[0]).toMatch(/x the modelled output per chip/);
    expect(c.mustHold[1]).toMatch(/chips instead of/);
    expect(c.mustHold[2]).toMatch(/chip price|no chip price/);
    // The chips the weights fill: the engine's own count, as it says when given too few chips.
    const short = run('groq-lpu', 8).result;
    const needed = /needs at least (\d+) chips/.exec(short.reason!.text)![1];
    expect(c.mustHold[1]).toContain(`the weights alone fill ${needed} chips`);
    expect(c.mustHold[0]).toMatch(/batching or utilisation the model does not find$/);
  });

  it('under min-latency the batch of one is the objective\'s, not a batching the model failed to find', () => {
    const { result, hardware } = run('groq-lpu', 'auto', 'min-latency');
    const c = checkAgainstMarket(result, hardware, 512, priceFor(hardware, prices)!);
    expect(c.mustHold[0]).toMatch(/more requests at once than the objective's batch of 1, or utilisation the model does not find$/);
  });
});

describe('the modelled / market ratio in words', () => {
  it('leads with modelled ÷ market, as the column, the CLI table and JSON do, in either direction', () => {
    expect(MARKET_CHECK.ratio(0.1819)).toBe('0.18x: the market price is 5.50x the modelled cost');
    expect(MARKET_CHECK.ratio(2.4)).toBe('2.40x: the modelled cost is 2.40x the market price');
    // Words at the column's precision: 0.96x once read "the market price is 1.0x the modelled cost".
    expect(MARKET_CHECK.ratio(0.96)).toBe('0.96x: the market price is 1.04x the modelled cost');
    // Three significant figures at every size: "12.1x" beside "9.70x", not "12x".
    expect(ratioText(27.2)).toBe('27.2x');
    expect(ratioText(9.7)).toBe('9.70x');
    expect(ratioText(123.4)).toBe('123x');
    expect(MARKET_CHECK.intro(2048, 512)).toContain('Per request of 2,048 input + 512 output tokens');
  });
});
