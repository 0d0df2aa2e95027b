import type { ModelArchitecture } from './types';

/** A run of identical layers: evaluated once and multiplied by `count` (issue 8: speed). */
export interface LayerGroup {
  count: number;
  /** null = full attention; otherwise tokens each query may attend to. */
  windowTokens: number | null;
  ffn: 'dense' | 'moe';
}

export function isMoeLayer(model: ModelArchitecture, index: number): boolean {
  const moe = model.moe;
  if (moe === null || index < moe.firstDenseLayers) return false;
  return (index - moe.firstDenseLayers + 1) % moe.moeLayerPeriod === 0;
}

/** Sliding-window pattern: of every `period` layers the last `globalPerPeriod` are global. */
export function layerWindow(model: ModelArchitecture, index: number): number | null {
  const sw = model.slidingWindow;
  if (sw === null) return null;
  const position = index % sw.period;
  return position >= sw.period - sw.globalPerPeriod ? null : sw.windowTokens;
}

export function layerGroups(model: ModelArchitecture, firstLayer = 0, layerCount = model.numLayers): LayerGroup[] {
  const groups = new Map<string, LayerGroup>();
  for (let i = firstLayer; i < firstLayer + layerCount; i++) {
    const windowTokens = layerWindow(model, i);
    const ffn = isMoeLayer(model, i) ? 'moe' : 'dense';
    const key = `${windowTokens ?? 'full'}|${ffn}`;
    const group = groups.get(key);
    if (group) group.count += 1;
    else groups.set(key, { count: 1, windowTokens, ffn });
  }
  return [...groups.values()];
}

/** Values cached per token per layer: K and V per KV head, or the MLA latent plus RoPE key. */
export function kvValuesPerTokenPerLayer(model: ModelArchitecture): number {
  if (model.mla) return model.mla.kvLoraRank + model.mla.qkRopeHeadDim; // DeepSeek-V2 paper, section 2.1
  return 2 * model.numKeyValueHeads * model.headDim;
}

/**
 * Width of attention per head for FLOP counting. MLA runs prefill non-absorbed (per-head K of
 * qkNope + qkRope, V of vHeadDim) and decode absorbed (queries against the shared latent: kvLoraRank
 * + qkRope, values in the latent: kvLoraRank); DeepSeek-V2 section 2.1, vLLM's MLA backend notes.
 */
export function attentionHeadDims(model: ModelArchitecture, phase: 'prefill' | 'decode'): { qk: number; v: number } {
  const mla = model.mla;
  if (mla) {
    return phase === 'decode'
      ? { qk: mla.kvLoraRank + mla.qkRopeHeadDim, v: mla.kvLoraRank }
      : { qk: mla.qkNopeHeadDim + mla.qkRopeHeadDim, v: mla.vHeadDim };
  }
  return { qk: model.headDim, v: model.headDim };
}

/** Expected distinct experts a step of `tokens` routed tokens touches: E(1-(1-k/E)^T) (MODEL.md 1). */
export function expectedDistinctExperts(numExperts: number, expertsPerToken: number, tokens: number): number {
  if (tokens <= 0) return 0;
  return numExperts * (1 - Math.pow(1 - expertsPerToken / numExperts, tokens));
}
