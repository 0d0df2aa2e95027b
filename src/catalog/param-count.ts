// Parameter counts of a ModelArchitecture: the single place that turns a config into weights.
//
// Semantics the engine relies on (keep them in sync with every user of ModelArchitecture):
//
// Layers
// - Layer i (0-based) is MoE iff
//     moe != null && i >= moe.firstDenseLayers && (i - moe.firstDenseLayers + 1) % moe.moeLayerPeriod === 0;
//   every other layer uses the dense FFN of width `intermediateSize` (which may be 0 when no layer is
//   dense, e.g. gpt-oss, Mixtral, Qwen3-MoE). With period 1 every layer from firstDenseLayers on is MoE
//   (DeepSeek: 3 dense then 58 MoE); with period 2 layers 1, 3, 5, ... are MoE (Llama-4 Maverick).
//
// Sliding window (no effect on the parameter count; documented here for the engine)
// - Out of every `period` consecutive layers the LAST `globalPerPeriod` are full attention; the rest
//   attend within `windowTokens`. Layer i is full attention iff (i % period) >= period - globalPerPeriod.
//   Llama-4 chunked attention: period 4, global 1, window 8192; Gemma 3: period 6, global 1, window 1024;
//   Gemma 2 and gpt-oss: period 2, global 1; Mistral-7B-v0.1 style (every layer windowed): period 1, global 0.
//
// FFN
// - Gated FFN (SwiGLU/GeGLU) = 3 matrices hidden x width; plain (GPT-J up/down) = 2 matrices.
// - Expert FFNs are always gated. Shared experts: numSharedExperts x gated FFN of width
//   sharedExpertIntermediateSize ?? expertIntermediateSize. Router: hidden x numExperts.
//
// Attention
// - Non-MLA: Q hidden x heads*headDim, K and V hidden x kvHeads*headDim each, O heads*headDim x hidden.
// - MLA (DeepSeek-V2/V3, Kimi K2): q_a hidden x qLoraRank + q_a norm (qLoraRank) then
//   q_b qLoraRank x heads*(qkNope+qkRope) (or one full hidden x heads*(qkNope+qkRope) matrix when
//   qLoraRank is null); kv_a hidden x (kvLoraRank + qkRope) + kv_a norm (kvLoraRank);
//   kv_b kvLoraRank x heads*(qkNope+vHeadDim); o heads*vHeadDim x hidden. `headDim` is not used.
//
// Embeddings and norms
// - Embedding vocab x hidden; LM head vocab x hidden unless tieWordEmbeddings.
// - Norms: two RMSNorm weight vectors (hidden) per layer plus a final norm (hidden). Family extras
//   that the architecture type cannot express (Gemma's 4 norms per layer, QK-norms, biases of Qwen2.5
//   QKV / gpt-oss / GPT-J, attention sinks, DeepSeek's router bias) are not counted; they are < 0.05%
//   of any catalog model.
//
// Results
// - totalParams: every weight (all experts).
// - activeParams: weights touched per token: attention + norms + dense FFN layers + shared experts +
//   expertsPerToken routed experts + router of each MoE layer + input embedding + LM head + final norm.
//   For dense models active === total.
// - embeddingParams: the input token-embedding table (vocab x hidden), a lookup with memory but no
//   matmul FLOPs. When the embeddings are untied the LM head is a separate matrix of the same size that
//   is NOT part of embeddingParams (it is a real matmul). Vendors that quote "active parameters excluding
//   embeddings" (gpt-oss, Kimi K2, Mixtral-8x22B) quote activeParams - embeddingParams.

import type { ModelArchitecture } from '../engine/types';

export interface ParameterCounts {
  totalParams: number;
  activeParams: number;
  embeddingParams: number;
}

/** Number of MoE layers among `numLayers` under the rule documented above. */
export function countMoeLayers(m: Pick<ModelArchitecture, 'numLayers' | 'moe'>): number {
  const moe = m.moe;
  if (moe == null) return 0;
  const after = m.numLayers - moe.firstDenseLayers;
  if (after <= 0 || moe.moeLayerPeriod < 1) return 0;
  return Math.floor(after / moe.moeLayerPeriod);
}

/** True when layer `i` (0-based) is an MoE layer. */
export function isMoeLayer(m: Pick<ModelArchitecture, 'moe'>, i: number): boolean {
  const moe = m.moe;
  if (moe == null) return false;
  return i >= moe.firstDenseLayers && (i - moe.firstDenseLayers + 1) % moe.moeLayerPeriod === 0;
}

/** True when layer `i` (0-based) attends over the full context (not windowed). */
export function isFullAttentionLayer(m: Pick<ModelArchitecture, 'slidingWindow'>, i: number): boolean {
  const sw = m.slidingWindow;
  if (sw == null) return true;
  return i % sw.period >= sw.period - sw.globalPerPeriod;
}

/** Attention weights of one layer (projections plus MLA's internal norms). */
export function attentionParamsPerLayer(m: ModelArchitecture): number {
  const h = m.hiddenSize;
  const heads = m.numAttentionHeads;
  const mla = m.mla;
  if (mla != null) {
    const qkHead = mla.qkNopeHeadDim + mla.qkRopeHeadDim;
    const q = mla.qLoraRank == null ? h * heads * qkHead : h * mla.qLoraRank + mla.qLoraRank + mla.qLoraRank * heads * qkHead;
    const kvA = h * (mla.kvLoraRank + mla.qkRopeHeadDim) + mla.kvLoraRank;
    const kvB = mla.kvLoraRank * heads * (mla.qkNopeHeadDim + mla.vHeadDim);
    const o = heads * mla.vHeadDim * h;
    return q + kvA + kvB + o;
  }
  const qo = 2 * h * heads * m.headDim;
  const kv = 2 * h * m.numKeyValueHeads * m.headDim;
  return qo + kv;
}

/** Weights of one dense FFN of width `width`. */
export function denseFfnParams(hidden: number, width: number, kind: 'gated' | 'plain'): number {
  return (kind === 'gated' ? 3 : 2) * hidden * width;
}

export function countParameters(m: ModelArchitecture): ParameterCounts {
  const h = m.hiddenSize;
  const layers = m.numLayers;
  const moeLayers = countMoeLayers(m);
  const denseLayers = layers - moeLayers;

  const embedding = m.vocabSize * h;
  const lmHead = m.tieWordEmbeddings ? 0 : m.vocabSize * h;
  const finalNorm = h;
  const perLayerCommon = attentionParamsPerLayer(m) + 2 * h;
  const denseFfn = denseFfnParams(h, m.intermediateSize, m.ffnKind);

  let moeTotal = 0;
  let moeActive = 0;
  const moe = m.moe;
  if (moe != null && moeLayers > 0) {
    const expert = denseFfnParams(h, moe.expertIntermediateSize, 'gated');
    const shared = moe.numSharedExperts * denseFfnParams(h, moe.sharedExpertIntermediateSize ?? moe.expertIntermediateSize, 'gated');
    const router = h * moe.numExperts;
    moeTotal = moe.numExperts * expert + shared + router;
    moeActive = Math.min(moe.expertsPerToken, moe.numExperts) * expert + shared + router;
  }

  const fixed = embedding + lmHead + finalNorm + layers * perLayerCommon + denseLayers * denseFfn;
  return {
    totalParams: fixed + moeLayers * moeTotal,
    activeParams: fixed + moeLayers * moeActive,
    embeddingParams: embedding,
  };
}
