// A range's fast end never lies beyond what the chosen deployment does at the datasheet's peaks.
import { describe, expect, it } from 'vitest';
import { loadCatalogFromDisk } from '../../src/catalog/load-node';
import { simulate } from '../../src/engine/simulate';
import { CALIBRATION_SUMMARY } from '../../src/engine/calibration-summary';
import { resolveScenario } from '../../src/scenario/resolve';
import { defaultScenario } from '../../src/scenario/scenario';
import type { EfficiencyMode } from '../../src/engine/types';

const { catalog } = loadCatalogFromDisk();
const run = (hardware: string, efficiencyMode: EfficiencyMode, chips: number | 'auto' = 1) =>
  simulate(resolveScenario({ ...defaultScenario(), hardware, model: 'llama-3.1-8b', chips, objective: { batch: 1 }, efficiencyMode }, catalog).value!, { frontier: false });

const llama8b = catalog.models.get('llama-3.1-8b')!;
/** The 16-bit input embedding: looked up, not streamed, so a step does not read it. */
const EMBEDDING_BYTES = llama8b.vocabSize * llama8b.hiddenSize * 2;

/** One user's decode step on one chip reads every streamed weight once: no faster than the faster memory tier's peak allows. */
function bandwidthBound(r: ReturnType<typeof run>, hardware: string): number {
  const hw = catalog.hardware.get(hardware)!;
  return Math.max(hw.memory.hbmBandwidthBytesPerSecond, hw.memory.sramBandwidthBytesPerSecond) / (r.memory.weightsBytesPerChip - EMBEDDING_BYTES);
}

describe('silicon ceiling of ranges', () => {
  it('a vendor claim widened x2 stops at the ceiling, below bandwidth / weight bytes, and says so', () => {
    const r = run('etched-sohu', 'claim');
    const u = r.uncertainty!;
    const bound = bandwidthBound(r, 'etched-sohu');
    // The scaled fast end alone would pass the bandwidth bound: the ceiling is what holds it.
    expect(r.tokensPerSecondPerUser * 2).toBeGreaterThan(bound);
    expect(u.tokensPerSecondPerUser.high).toBeLessThanOrEqual(bound);
    expect(u.tokensPerSecondPerUser.high).toBeGreaterThanOrEqual(r.tokensPerSecondPerUser);
    expect(u.derivation).toMatch(/held at the silicon ceiling .*per-user speed's high end x\d\.\d\d -> x\d\.\d\d/);
    // $/M's low end moves with throughput's high end, still combined with the estimated rental's band.
    const band = Math.log(CALIBRATION_SUMMARY.rentalToTco.p10 / CALIBRATION_SUMMARY.rentalToTco.median);
    const speedUp = Math.log(u.outputTokensPerSecond.high / r.outputTokensPerSecond);
    expect(r.pricing.rentalEstimated).toBe(true);
    expect(u.usdPerMillionOutputTokens!.low).toBeCloseTo(r.usdPerMillionOutputTokens! * Math.exp(-Math.hypot(speedUp, band)), 9);
  });

  it('priced by owning cost (no price band), $/M\'s low end is the same chip-hours over the ceiling\'s tokens', () => {
    const r = simulate(resolveScenario({ ...defaultScenario(), hardware: 'etched-sohu', model: 'llama-3.1-8b', chips: 1, objective: { batch: 1 },
      efficiencyMode: 'claim', economics: { ...defaultScenario().economics, pricing: 'tco' } }, catalog).value!, { frontier: false });
    const u = r.uncertainty!;
    expect(u.derivation).toContain('silicon ceiling');
    expect(u.usdPerMillionOutputTokens!.low * u.outputTokensPerSecond.high).toBeCloseTo(r.usdPerMillionOutputTokens! * r.outputTokensPerSecond, 6);
  });

  it('every chip that holds the model alone, in every mode, keeps per-user speed at batch 1 within bandwidth / weight bytes', () => {
    let checked = 0;
    for (const id of catalog.hardware.keys()) {
      for (const mode of ['achieved', 'spec', 'claim'] as const) {
        const r = run(id, mode);
        if (!r.feasible || r.uncertainty === null) continue;
        checked++;
        expect(r.uncertainty.tokensPerSecondPerUser.high, `${id} ${mode}`).toBeLessThanOrEqual(bandwidthBound(r, id) * (1 + 1e-9));
      }
    }
    expect(checked).toBeGreaterThan(40);
  });

  it('a measured chip far from its peaks keeps its scaled range', () => {
    const r = run('nvidia-h200-sxm', 'achieved', 8);
    expect(r.uncertainty!.derivation).not.toContain('silicon ceiling');
  });
});
