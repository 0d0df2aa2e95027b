import { loadCatalogFromDisk } from '../../../src/catalog/load-node';
import type { HardwareProfile, ModelArchitecture, ResolvedScenario } from '../../../src/engine/types';
import { DEFAULT_ECONOMICS, DEFAULT_ENGINE, DEFAULT_LAYOUT } from '../../../src/scenario/scenario';

const { catalog } = loadCatalogFromDisk();

export function h200(): HardwareProfile {
  const p = catalog.hardware.get('nvidia-h200-sxm');
  if (p === undefined) throw new Error('nvidia-h200-sxm missing from the catalog');
  return structuredClone(p);
}

export function model(id: string): ModelArchitecture {
  const m = catalog.models.get(id);
  if (m === undefined) throw new Error(`${id} missing from the catalog`);
  return structuredClone(m);
}

export function catalogModels(): ModelArchitecture[] {
  return [...catalog.models.values()];
}

/** Llama-3.1-8B fp8 on one H200: fast enough for many engine runs per test. */
export function scenario(overrides: Partial<ResolvedScenario> = {}): ResolvedScenario {
  return {
    hardware: h200(),
    chips: 1,
    model: model('llama-3.1-8b'),
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
    ...overrides,
  };
}

/** A renamed copy of the H200 with its HBM bandwidth scaled, as a second "vendor". */
export function fasterChip(factor: number): HardwareProfile {
  const p = h200();
  return {
    ...p,
    id: `fast-${String(factor).replace('.', '-')}`,
    name: `Fast x${factor}`,
    vendor: 'Test',
    memory: { ...p.memory, hbmBandwidthBytesPerSecond: p.memory.hbmBandwidthBytesPerSecond * factor },
  };
}
