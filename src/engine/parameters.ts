// Parameter counts of a ModelArchitecture: the one module that turns a config into weights. The
// engine places and streams these bytes; the catalog names parametric models and checks imports
// with the same numbers (tests/engine/parameters.test.ts ties them to the published totals).
//
// Semantics (layer types and windows: architecture.ts):
// - Gated FFN (SwiGLU/GeGLU) = 3 matrices hidden x width; plain (GPT-J up/down) = 2 matrices.
// - Expert FFNs are always gated. Shared experts: numSharedExperts x gated FFN of width
//   sharedExpertIntermediateSize ?? expertIntermediateSize. Router: hidden x numExperts.
// - Non-MLA attention: Q hidden x heads*headDim, K and V hidden x kvHeads*headDim each,
//   O heads*headDim x hidden. MLA (DeepSeek-V2 section 2.1): q_a hidden x qLoraRank + its norm, then
//   q_b qLoraRank x heads*(qkNope+qkRope) (one hidden x heads*(qkNope+qkRope) matrix when qLoraRank
//   is null); kv_a hidden x (kvLoraRank + qkRope) + its norm; kv_b kvLoraRank x heads*(qkNope+vHead);
//   o heads*vHead x hidden. `headDim` is not used.
// - Embedding vocab x hidden; LM head vocab x hidden unless tieWordEmbeddings.
// - Norms: two RMSNorm vectors (hidden) per layer plus a final norm. Family extras the type cannot
//   express (Gemma's 4 norms per layer, QK-norms, biases, attention sinks, router bias) are not
//   counted: under 0.05% of any catalog model.

import { isMoeLayer } from './architecture';
import type { ModelArchitecture } from './types';

/** Attention weights of one layer: the projections the operators time, and MLA's norm vectors. */
export function attentionParams(model: ModelArchitecture): { qkv: number; out: number; norms: number } {
  const h = model.hiddenSize;
  const heads = model.numAttentionHeads;
  const mla = model.mla;
  if (mla) {
    const qHead = mla.qkNopeHeadDim + mla.qkRopeHeadDim;
    const q = mla.qLoraRank === null ? h * heads * qHead : h * mla.qLoraRank + mla.qLoraRank * heads * qHead;
    const kv = h * (mla.kvLoraRank + mla.qkRopeHeadDim) + mla.kvLoraRank * heads * (mla.qkNopeHeadDim + mla.vHeadDim);
    return { qkv: q + kv, out: heads * mla.vHeadDim * h, norms: (mla.qLoraRank ?? 0) + mla.kvLoraRank };
  }
  const qDim = heads * model.headDim;
  const kvDim = model.numKeyValueHeads * model.headDim;
  return { qkv: h * (qDim + 2 * kvDim), out: qDim * h, norms: 0 };
}

export function ffnParams(hidden: number, width: number, kind: 'gated' | 'plain'): number {
  return (kind === 'gated' ? 3 : 2) * hidden * width;
}

/** Parameters of the whole model, split into the parts the engine places separately. */
export interface ParameterTally {
  /** Transformer layers (attention, FFN or experts, router, per-layer norms). */
  layers: number;
  /** Routed-expert parameters (part of `layers`): the share expert parallelism spreads. */
  routedExperts: number;
  /** Input token embedding: a lookup with memory but no matmul FLOPs. */
  embedding: number;
  /** Separate LM head matrix (0 when tied to the embedding). */
  lmHead: number;
  finalNorm: number;
  total: number;
  /** Weights one token touches: all but the routed experts it is not sent to. */
  active: number;
}

export function tallyParameters(model: ModelArchitecture): ParameterTally {
  const h = model.hiddenSize;
  const attn = attentionParams(model);
  const perLayer = attn.qkv + attn.out + attn.norms + 2 * h;
  let layers = 0;
  let routedExperts = 0;
  let routedActive = 0;
  const moe = model.moe;
  for (let i = 0; i < model.numLayers; i++) {
    layers += perLayer;
    if (moe !== null && isMoeLayer(model, i)) {
      const expert = ffnParams(h, moe.expertIntermediateSize, 'gated');
      const sharedWidth = moe.sharedExpertIntermediateSize ?? moe.expertIntermediateSize;
      routedExperts += moe.numExperts * expert;
      routedActive += Math.min(moe.expertsPerToken, moe.numExperts) * expert;
      layers += moe.numExperts * expert + moe.numSharedExperts * ffnParams(h, sharedWidth, 'gated') + h * moe.numExperts;
    } else {
      layers += ffnParams(h, model.intermediateSize, model.ffnKind);
    }
  }
  const embedding = model.vocabSize * h;
  const lmHead = model.tieWordEmbeddings ? 0 : embedding;
  const total = layers + embedding + lmHead + h;
  return { layers, routedExperts, embedding, lmHead, finalNorm: h, total, active: total - routedExperts + routedActive };
}

/** The published-style counts: total, active per token, and the embedding table (vendors quote "excluding embeddings"). */
export function countParameters(model: ModelArchitecture): { totalParams: number; activeParams: number; embeddingParams: number } {
  const t = tallyParameters(model);
  return { totalParams: t.total, activeParams: t.active, embeddingParams: t.embedding };
}
