import { loadCatalogFromDisk } from '../../src/catalog/load-node';
import { chipSeries, type ChipSeries } from '../../src/charts/chip-series';
import { chipColors } from '../../src/charts/vendor-colors';
import { sweepChip } from '../../src/engine/analysis/model-size-sweep';
import { rooflineRoofs } from '../../src/engine/analysis/roofline-roofs';
import { sensitivity } from '../../src/engine/analysis/sensitivity';
import { simulate } from '../../src/engine/simulate';
import type { HardwareProfile, ResolvedScenario, SimulationResult } from '../../src/engine/types';
import { DEFAULT_ECONOMICS, DEFAULT_ENGINE, DEFAULT_LAYOUT } from '../../src/scenario/scenario';

const { catalog } = loadCatalogFromDisk();

export function h200(): HardwareProfile {
  return structuredClone(catalog.hardware.get('nvidia-h200-sxm')!);
}

export function otherChip(): HardwareProfile {
  const p = h200();
  return { ...p, id: 'amd-test', name: 'AMD Test <b>x</b>', vendor: 'AMD', estimates: {}, efficiency: { ...p.efficiency, evidence: { basis: 'measured', rows: 3, from: null } },
    memory: { ...p.memory, hbmBandwidthBytesPerSecond: 8e12, hbmCapacityBytes: 288e9 } };
}

export function scenario(hardware: HardwareProfile = h200()): ResolvedScenario {
  return {
    hardware,
    chips: 8,
    model: structuredClone(catalog.models.get('llama-3.1-8b')!),
    precision: { weights: 'fp8', activations: 'fp8', kvCache: 'fp8' },
    workload: { inputTokens: 1024, outputTokens: 256, prefixCacheHitRate: 0, arrivals: 'saturated' },
    slo: { maxTtftSeconds: 2, maxTpotSeconds: 0.05 },
    objective: 'max-throughput',
    economics: { ...DEFAULT_ECONOMICS },
    efficiencyMode: 'achieved',
    serving: 'co-located',
    layout: { ...DEFAULT_LAYOUT },
    engine: { ...DEFAULT_ENGINE, maxSequences: 256 },
    speculative: null,
  };
}

const colors = chipColors([h200(), otherChip()]);

export function series(p: HardwareProfile, ghost = false): ChipSeries {
  return chipSeries(p, colors, { ghost, suffix: ghost ? ' (original)' : '' });
}

let cached: { chip: ChipSeries; result: SimulationResult }[] | null = null;
export function results(): { chip: ChipSeries; result: SimulationResult }[] {
  cached ??= [h200(), otherChip()].map((p) => ({ chip: series(p), result: simulate(scenario(p)) }));
  return cached;
}

export function infeasible(): { chip: ChipSeries; result: SimulationResult } {
  const s = scenario();
  const result = simulate({ ...s, slo: { maxTtftSeconds: null, maxTpotSeconds: 1e-5 } });
  return { chip: series(h200()), result };
}

export function sizePoints() {
  const { hardware: _h, chips: _c, ...base } = scenario();
  return sweepChip(base, { hardware: h200(), chips: 'auto' }, 'dense', [1e9, 8e9, 70e9], [...catalog.models.values()]);
}

export function roofs(p: HardwareProfile = h200()) {
  return rooflineRoofs(scenario(p));
}

export function sensitivityResult() {
  return sensitivity(scenario());
}
