// The app's starting point: the comparison a newcomer should see first (issue 5): Llama-3.1-70B in
// fp8, 2048 in / 512 out, TTFT <= 2 s, TPOT <= 50 ms, the main GPUs and ASICs of the catalog.

import type { Catalog } from '../catalog/catalog';
import type { HardwareProfile } from '../engine/types';
import { defaultMarketSelection } from '../market/options';
import { defaultScenario } from '../scenario/scenario';
import { blankChip } from './blank-chip';
import { APP_STATE_VERSION, type AppState, type ChipCount, type ChipPick, type LabState, type WorkloadSettings } from './app-state';

/** Landing selection, in display order; ids missing from the catalog are skipped. */
export const DEFAULT_COMPARE_CHIPS: readonly string[] = [
  'nvidia-h100-sxm', 'nvidia-h200-sxm', 'nvidia-b200', 'nvidia-gb200-nvl72', 'amd-mi300x', 'amd-mi355x',
  'google-tpu-v6e', 'aws-trainium2', 'groq-lpu', 'cerebras-cs3', 'etched-sohu', 'intel-gaudi3',
];

/** Fewer than this many default chips in the catalog: fill up with other catalog chips. */
const MIN_DEFAULT_PICKS = 3;
const MAX_DEFAULT_PICKS = 12;

export const DEFAULT_VIEW = 'compare';
export const DEFAULT_LAB_BASE = 'nvidia-h200-sxm';
export const DEFAULT_BREAK_EVEN_TARGET = 'nvidia-h200-sxm';

/**
 * Chips to deploy per chip type: systems without HBM (Groq, Cerebras) need as many chips as hold
 * the weights ('auto'); others get one server (HGX: 8, NVL72 rack: 72, Trainium2 server: 16).
 */
export function defaultChipCount(p: HardwareProfile): ChipCount {
  if (p.memory.hbmCapacityBytes === 0 || p.kind === 'wafer') return 'auto';
  return Math.max(1, Math.min(256, p.packaging.chipsPerServer));
}

export function defaultSettings(): WorkloadSettings {
  const { version: _v, hardware: _h, chips: _c, model: _m, ...rest } = defaultScenario();
  return {
    ...rest,
    model: 'llama-3.1-70b',
    precision: { weights: 'fp8', activations: 'fp8', kvCache: 'fp8' },
    workload: { ...rest.workload, inputTokens: 2048, outputTokens: 512, prefixCacheHitRate: 0 },
    slo: { maxTtftSeconds: 2, maxTpotSeconds: 0.05 },
  };
}

export function defaultPicks(catalog: Catalog): ChipPick[] {
  const ids = DEFAULT_COMPARE_CHIPS.filter((id) => catalog.hardware.has(id));
  if (ids.length < MIN_DEFAULT_PICKS) {
    for (const id of catalog.hardware.keys()) {
      if (ids.length >= MAX_DEFAULT_PICKS) break;
      if (!ids.includes(id)) ids.push(id);
    }
  }
  return ids.map((id) => ({ id, chips: defaultChipCount(catalog.hardware.get(id)!) }));
}

export function labFrom(base: HardwareProfile | null, targetId: string): LabState {
  // The edited chip gets its own id and name, so results and explanations never mix it up with
  // the original (the ghost), which keeps the catalog id.
  const chip = base === null ? blankChip() : { ...structuredClone(base), id: labChipId(base.id), name: `${base.name.slice(0, 190)} (lab)` };
  return { baseId: base === null ? null : base.id, chip, chips: defaultChipCount(chip), breakEvenTargetId: targetId };
}

export function labChipId(baseId: string): string {
  return `${baseId.slice(0, 60)}-lab`;
}

export function defaultAppState(catalog: Catalog): AppState {
  const firstChip = catalog.hardware.keys().next();
  const labBaseId = catalog.hardware.has(DEFAULT_LAB_BASE) ? DEFAULT_LAB_BASE : (firstChip.done ? null : firstChip.value);
  const target = catalog.hardware.has(DEFAULT_BREAK_EVEN_TARGET) ? DEFAULT_BREAK_EVEN_TARGET : (labBaseId ?? '');
  const settings = defaultSettings();
  if (!catalog.models.has(settings.model)) {
    const first = catalog.models.keys().next();
    if (!first.done) settings.model = first.value;
  }
  return {
    version: APP_STATE_VERSION,
    view: DEFAULT_VIEW,
    settings,
    compare: { picks: defaultPicks(catalog), rankBy: 'usdPerMillionOutputTokens', frontierMetric: 'perChip' },
    modelSize: { family: 'dense', sizes: 13 },
    lab: labFrom(labBaseId === null ? null : catalog.hardware.get(labBaseId) ?? null, target),
    market: defaultMarketSelection(),
    customChips: [],
    customModels: [],
    design: null,
    explain: null,
  };
}
