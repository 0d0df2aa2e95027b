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

/** Attention-side weight parameters of one layer (before tensor-parallel split). */
export function attentionParams(model: ModelArchitecture): { qkv: number; out: number } {
  const h = model.hiddenSize;
  const mla = model.mla;
  if (mla) {
    const qHead = mla.qkNopeHeadDim + mla.qkRopeHeadDim;
    const q = mla.qLoraRank === null ? h * model.numAttentionHeads * qHead
      : h * mla.qLoraRank + mla.qLoraRank * model.numAttentionHeads * qHead;
    const kv = h * (mla.kvLoraRank + mla.qkRopeHeadDim)
      + mla.kvLoraRank * model.numAttentionHeads * (mla.qkNopeHeadDim + mla.vHeadDim);
    return { qkv: q + kv, out: model.numAttentionHeads * mla.vHeadDim * h };
  }
  const qDim = model.numAttentionHeads * model.headDim;
  const kvDim = model.numKeyValueHeads * model.headDim;
  return { qkv: h * (qDim + 2 * kvDim), out: qDim * h };
}

export function ffnParams(hidden: number, width: number, kind: 'gated' | 'plain'): number {
  return (kind === 'gated' ? 3 : 2) * hidden * width;
}

/** Width of attention per head for FLOP counting (MLA: query-key dim and value dim differ). */
export function attentionHeadDims(model: ModelArchitecture): { qk: number; v: number } {
  if (model.mla) return { qk: model.mla.kvLoraRank + model.mla.qkRopeHeadDim, v: model.mla.kvLoraRank };
  return { qk: model.headDim, v: model.headDim };
}

/** Expected distinct experts a step of `tokens` routed tokens touches: E(1-(1-k/E)^T) (MODEL.md 1). */
export function expectedDistinctExperts(numExperts: number, expertsPerToken: number, tokens: number): number {
  if (tokens <= 0) return 0;
  return numExperts * (1 - Math.pow(1 - expertsPerToken / numExperts, tokens));
}
