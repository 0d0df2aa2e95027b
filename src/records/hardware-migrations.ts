// Migrations of hardware profiles. Each reads untrusted JSON of version N and writes version N+1;
// it must not assume any field exists or has a type (the schema checks everything afterwards).

import { isRecord } from '../parse/fields';
import type { Migration } from '../schema/migrate';

/**
 * Version 2 (engine physics II and evidence bases): decode attention is timed by the KV bytes it
 * reads (t0 + bytes / BW, H200 kernel timings), so `attentionSaturationBatch` goes; attention,
 * grouped-expert and all-to-all shares are new; `basis` fitted|assumed becomes an evidence block.
 * A version-1 profile gets the shares its own GEMM shares imply (the same silicon, no new claim)
 * and the all-to-all share DeepEP reaches on H800 (0.85); its evidence is what it said it was.
 */
export const HARDWARE_V1_TO_V2: Migration = {
  from: 1,
  description: 'efficiency: attention, MoE and all-to-all shares; evidence basis',
  up: (profile) => {
    const e = isRecord(profile.efficiency) ? profile.efficiency : {};
    const { attentionSaturationBatch: _dropped, basis, ...rest } = e;
    const num = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);
    const compute = num(rest.computeEfficiency, 0.6);
    const memory = num(rest.memoryEfficiency, 0.8);
    const kernel = num(rest.kernelOverheadSeconds, 5e-6);
    return {
      ...profile,
      schemaVersion: 2,
      efficiency: {
        allToAllEfficiency: 0.85,
        attentionMemoryEfficiency: memory,
        attentionOverheadSeconds: kernel,
        attentionComputeEfficiency: compute,
        moeComputeEfficiency: compute,
        moeHalfTokensPerExpert: 0,
        moeMemoryEfficiency: memory,
        moeLayerOverheadSeconds: 3 * kernel,
        ...rest,
        evidence: { basis: basis === 'fitted' ? 'measured' : 'prior', rows: 0, from: null },
      },
    };
  },
};
