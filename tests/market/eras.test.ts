import { describe, expect, it } from 'vitest';
import { precisionAt, precisionSteps, servingAt, servingSteps, EARLY_MAX_BATCH } from '../../src/market/era-settings';
import { chipsAt, deriveEras } from '../../src/market/eras';
import { parseMarketHistory } from '../../src/market/market-history';
import { rentalAt, rentalQuotes } from '../../src/market/rental-prices';
import { DEFAULT_ENGINE } from '../../src/scenario/scenario';
import { HISTORY_CSV, catalog } from './helpers';

const history = parseMarketHistory(HISTORY_CSV).rows;

describe('era table from market_history.csv', () => {
  const { eras, problems } = deriveEras(history);

  it('dates each chip from the quarter after its first obtainable capacity (not its announcement)', () => {
    expect(problems).toEqual([]);
    const from = Object.fromEntries(eras.flatMap((e) => e.chips.map((c) => [c.short, c.availableFrom])));
    expect(from).toEqual({
      A100: '2021-01-01', // release 2020-11-16 (no cloud date in the data)
      H100: '2023-01-01', // volume shipping 2022-Q4
      MI300X: '2024-01-01', // launched 2023-12-06
      H200: '2024-07-01', // first customer shipments 2024-Q2
      B200: '2025-01-01', GB200: '2025-01-01', // first shipments / racks to hyperscalers 2024-Q4
      B300: '2025-10-01', GB300: '2025-10-01', // release 2025-08-22; first deployment mid-2025
      MI355X: '2026-01-01', // general availability 2025-10
    });
    const h100 = eras.find((e) => e.id === 'hopper')!.chips[0]!;
    expect(h100.basis).toContain('volume shipping');
    expect(eras.map((e) => e.label)).toEqual(['2021: A100', '2023: H100', '2024: MI300X, H200 from 2024-07', '2025-01: B200, GB200', '2025-10: B300, GB300, MI355X from 2026-01']);
    for (const e of eras) for (const c of e.chips) expect(catalog.hardware.has(c.hardwareId), c.hardwareId).toBe(true);
  });

  it('offers every chip available by a date', () => {
    expect(chipsAt(eras, '2020-06-01')).toEqual([]);
    expect(chipsAt(eras, '2024-03-01').map((x) => x.chip.short)).toEqual(['A100', 'H100', 'MI300X']);
    expect(chipsAt(eras, '2026-06-01')).toHaveLength(9);
  });
});

describe('formats and serving of a date', () => {
  const chip = (id: string) => catalog.hardware.get(id)!;

  it('serves in bf16, then fp8 from TensorRT-LLM (2023-10-19), then 4-bit from NVFP4 (2025-06), as far as the chip computes it', () => {
    expect(precisionSteps(history).map((s) => s.date)).toEqual(['2023-10-19', '2025-06-01']);
    expect(precisionAt(chip('nvidia-h100-sxm'), '2023-10-18', history).label).toBe('bf16');
    expect(precisionAt(chip('nvidia-h100-sxm'), '2023-10-19', history).config).toEqual({ weights: 'fp8', activations: 'fp8', kvCache: 'fp8' });
    expect(precisionAt(chip('nvidia-h100-sxm'), '2026-01-01', history).label).toBe('fp8');
    expect(precisionAt(chip('nvidia-a100-sxm'), '2026-01-01', history).label).toBe('bf16');
    expect(precisionAt(chip('nvidia-b200'), '2025-06-01', history).config).toEqual({ weights: 'nvfp4', activations: 'nvfp4', kvCache: 'fp8' });
    expect(precisionAt(chip('amd-mi355x'), '2026-01-01', history).config.weights).toBe('mxfp4');
  });

  it('batches at most 16 before vLLM (2023-06), and adds the prefix cache from vLLM\'s automatic prefix caching (2024-06)', () => {
    expect(servingSteps(history).map((s) => s.date)).toEqual(['2023-06-01', '2024-06-01']);
    expect(servingAt('2022-01-01', history, 0.56)).toMatchObject({ maxBatchPerReplica: EARLY_MAX_BATCH, prefixCacheHitRate: 0 });
    expect(servingAt('2023-06-01', history, 0.56)).toMatchObject({ maxBatchPerReplica: DEFAULT_ENGINE.maxSequences, prefixCacheHitRate: 0 });
    expect(servingAt('2024-06-01', history, 0.56)).toMatchObject({ maxBatchPerReplica: DEFAULT_ENGINE.maxSequences, prefixCacheHitRate: 0.56 });
    expect(servingAt('2024-06-01', history, 0).label).toContain('no prefix cache');
  });
});

describe('rental prices', () => {
  it('uses the latest quote on or before the date, the lowest of a day; no breakeven levels or proposals', () => {
    const q = rentalQuotes(history, 'NVIDIA H100');
    expect(q.some((x) => /breakeven|proposal/i.test(x.cite))).toBe(false);
    expect(rentalAt(q, '2022-12-31')).toBeNull();
    expect(rentalAt(q, '2023-03-01')!.usdPerChipHour).toBe(4.7); // neocloud market, 2023
    expect(rentalAt(q, '2023-08-01')!.usdPerChipHour).toBe(5.4); // lowest AWS P5 quote of 2023-07 (3-yr reserved)
    expect(rentalAt(q, '2025-11-01')!.usdPerChipHour).toBe(1.7); // SemiAnalysis 1-yr contract index low
    expect(rentalAt(rentalQuotes(history, 'AMD MI300X'), '2025-01-01')).toBeNull(); // no quote: TCO
  });
});
