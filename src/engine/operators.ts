import { attentionHeadDims, expectedDistinctExperts, kvValuesPerTokenPerLayer, type LayerGroup } from './architecture';
import { attentionParams, ffnParams } from './parameters';
import type { ModelArchitecture } from './types';

/**
 * The work of one forward step on one chip, before timing. FLOPs follow 2*M*K*N per GEMM
 * (MODEL.md section 1); bytes are split by what they are so the roofline can place each in a tier.
 */
export interface RawOperator {
  name: string;
  /** matrix: GEMM; attention-decode/-prefill: attention core; vector: norms, activations, residuals. */
  kind: 'matrix' | 'attention-decode' | 'attention-prefill' | 'vector';
  phase: 'prefill' | 'decode';
  /** Instances per step (layers in the group, or 1). */
  count: number;
  flops: number;
  weightBytes: number;
  kvBytes: number;
  activationBytes: number;
  /** Kernel launches per instance (fixed-cost term of MODEL.md section 2). */
  kernels: number;
}

/** What one chip computes in one step. */
export interface StepShape {
  /** Sequences decoding one token each. */
  decodeSequences: number;
  /** Mean context length the decoding sequences attend to. */
  decodeContextTokens: number;
  /** Prompt tokens computed (not served from the prefix cache) in this step. */
  prefillTokens: number;
  /** Prompts those tokens belong to (fractional under steady-state amortisation). */
  prefillPrompts: number;
  /** Prompt tokens already cached per prompt (prefix cache hits): read, not recomputed. */
  cachedTokensPerPrompt: number;
  /** Tokens each decoding sequence runs through the model this step: 1, or draft + 1 when verifying speculation. */
  queryTokensPerSequence?: number;
}

export interface ShardPlan {
  tensorParallel: number;
  /**
   * Expert parallelism: EP attention groups of TP chips each run attention data-parallel on 1/EP
   * of the batch, and the routed experts spread over all TP x EP chips (DeepSeek-V3 report,
   * section 3.4; SGLang DP-attention). EP = 1: experts are tensor-sharded like the FFN.
   */
  expertParallel: number;
  /** Bytes per value of weights, activations and KV cache. */
  weightBytesPerValue: number;
  activationBytesPerValue: number;
  kvBytesPerValue: number;
}

/** KV heads each tensor-parallel rank holds; GQA heads are replicated when TP exceeds them. */
export function kvShare(model: ModelArchitecture, tensorParallel: number): number {
  if (model.mla) return 1; // the MLA latent is shared by all heads, so every TP rank keeps all of it
  return Math.ceil(model.numKeyValueHeads / tensorParallel) / model.numKeyValueHeads;
}

/** Mean positions a new prompt token attends to: causal over the new part, plus the cached prefix. */
function prefillContextPerToken(shape: StepShape, windowTokens: number | null): number {
  if (shape.prefillPrompts <= 0) return 0;
  const newPerPrompt = shape.prefillTokens / shape.prefillPrompts;
  const mean = shape.cachedTokensPerPrompt + (newPerPrompt + 1) / 2;
  return windowTokens === null ? mean : Math.min(mean, windowTokens);
}

/** A dense GEMM of `tokens` rows against a weight of `params` values (FLOPs 2*M*K*N). */
function gemm(
  name: string, phase: RawOperator['phase'], count: number, tokens: number, params: number,
  activationValuesPerToken: number, wB: number, aB: number, kernels: number,
): RawOperator {
  return {
    name, kind: 'matrix', phase, count,
    flops: 2 * tokens * params,
    weightBytes: params * wB, kvBytes: 0,
    activationBytes: tokens * activationValuesPerToken * aB,
    kernels,
  };
}

export function layerOperators(model: ModelArchitecture, group: LayerGroup, shape: StepShape, plan: ShardPlan): RawOperator[] {
  const tp = plan.tensorParallel;
  const ep = plan.expertParallel;
  const h = model.hiddenSize;
  // Tokens one attention group (and so one chip's dense work) handles; the replica's step has ep times as many.
  const q = shape.queryTokensPerSequence ?? 1;
  const tokens = (shape.decodeSequences * q + shape.prefillTokens) / ep;
  const replicaTokens = tokens * ep;
  const decodeSequences = shape.decodeSequences / ep;
  const prefillTokens = shape.prefillTokens / ep;
  const prefillPrompts = shape.prefillPrompts / ep;
  const phase = shape.prefillTokens > shape.decodeSequences ? 'prefill' : 'decode';
  const wB = plan.weightBytesPerValue;
  const aB = plan.activationBytesPerValue;
  const ops: RawOperator[] = [];
  const attn = attentionParams(model);
  ops.push(gemm('qkv-projection', phase, group.count, tokens, attn.qkv / tp, h + attn.qkv / h / tp, wB, aB, 1));

  const heads = model.numAttentionHeads / tp;
  const dims = attentionHeadDims(model);
  const kvPerToken = kvValuesPerTokenPerLayer(model) * kvShare(model, tp) * plan.kvBytesPerValue;
  if (decodeSequences > 0) {
    const context = group.windowTokens === null ? shape.decodeContextTokens
      : Math.min(shape.decodeContextTokens, group.windowTokens);
    ops.push({
      name: 'attention-decode', kind: 'attention-decode', phase: 'decode', count: group.count,
      // Scores and weighted values: 2*S*heads*(dk + dv) per token (MODEL.md: 4*B*S*heads*headDim).
      // Verifying q speculative tokens multiplies FLOPs by q; the KV is still read once per sequence.
      flops: 2 * decodeSequences * q * context * heads * (dims.qk + dims.v),
      weightBytes: 0,
      kvBytes: decodeSequences * (context + q) * kvPerToken,
      activationBytes: decodeSequences * q * 2 * heads * dims.v * aB,
      kernels: 1,
    });
  }
  if (prefillTokens > 0) {
    const context = prefillContextPerToken(shape, group.windowTokens);
    const cached = group.windowTokens === null ? shape.cachedTokensPerPrompt
      : Math.min(shape.cachedTokensPerPrompt, group.windowTokens);
    ops.push({
      name: 'attention-prefill', kind: 'attention-prefill', phase: 'prefill', count: group.count,
      // Causal flash attention: no S^2 bytes, only the new KV written and the cached prefix read.
      flops: 2 * prefillTokens * context * heads * (dims.qk + dims.v),
      weightBytes: 0,
      kvBytes: (prefillTokens + prefillPrompts * cached) * kvPerToken,
      activationBytes: prefillTokens * 2 * heads * (dims.qk + dims.v) * aB,
      kernels: 1,
    });
  }
  ops.push(gemm('output-projection', phase, group.count, tokens, attn.out / tp, h + h / tp, wB, aB, 1));

  if (group.ffn === 'dense' || model.moe === null) {
    ops.push(gemm('ffn', phase, group.count, tokens, ffnParams(h, model.intermediateSize, model.ffnKind) / tp, h + model.intermediateSize / tp, wB, aB, 2));
  } else {
    const moe = model.moe;
    // Each chip holds 1/(TP x EP) of the routed experts; all the replica's tokens route through them.
    const chipsSharing = tp * ep;
    const expertParams = ffnParams(h, moe.expertIntermediateSize, 'gated') / (ep === 1 ? tp : 1);
    const expertsHere = ep === 1 ? moe.numExperts : moe.numExperts / chipsSharing;
    const touched = expertsHere * (expectedDistinctExperts(moe.numExperts, moe.expertsPerToken, replicaTokens) / moe.numExperts);
    const routedPairs = (replicaTokens * moe.expertsPerToken) / (ep === 1 ? 1 : chipsSharing);
    ops.push({
      name: 'moe-router', kind: 'matrix', phase, count: group.count,
      flops: 2 * tokens * h * moe.numExperts, weightBytes: h * moe.numExperts * wB, kvBytes: 0,
      activationBytes: tokens * (h + moe.numExperts) * aB, kernels: 1,
    });
    ops.push({
      name: 'moe-experts', kind: 'matrix', phase, count: group.count,
      // FLOPs scale with tokens x k; bytes with the distinct experts touched (MODEL.md section 1).
      flops: 2 * routedPairs * expertParams,
      weightBytes: touched * expertParams * wB, kvBytes: 0,
      activationBytes: routedPairs * (2 * h + moe.expertIntermediateSize / (ep === 1 ? tp : 1)) * aB,
      kernels: 3,
    });
    if (moe.numSharedExperts > 0) {
      const width = moe.sharedExpertIntermediateSize ?? moe.expertIntermediateSize;
      ops.push(gemm('moe-shared-experts', phase, group.count, tokens, (moe.numSharedExperts * ffnParams(h, width, 'gated')) / tp, h + width / tp, wB, aB, 2));
    }
  }
  ops.push({
    name: 'norms-activations', kind: 'vector', phase, count: group.count,
    // Two RMSNorms, two residual adds, RoPE: about 8 reads/writes of the hidden state per token.
    flops: 10 * tokens * h, weightBytes: 0, kvBytes: 0, activationBytes: 8 * tokens * h * aB, kernels: 2,
  });
  return ops;
}

/** Embedding lookup, final norm, LM head (logits only for decoding tokens and each prompt's last). */
export function headOperators(model: ModelArchitecture, shape: StepShape, plan: ShardPlan): RawOperator[] {
  const tp = plan.tensorParallel;
  const h = model.hiddenSize;
  const q = shape.queryTokensPerSequence ?? 1;
  const tokens = (shape.decodeSequences * q + shape.prefillTokens) / plan.expertParallel;
  const logitTokens = (shape.decodeSequences * q + shape.prefillPrompts) / plan.expertParallel;
  const phase = shape.prefillTokens > shape.decodeSequences ? 'prefill' : 'decode';
  const lmParams = (model.vocabSize * h) / tp;
  return [
    {
      name: 'embedding', kind: 'vector', phase, count: 1, flops: 0,
      weightBytes: tokens * h * plan.weightBytesPerValue, kvBytes: 0, activationBytes: tokens * h * plan.activationBytesPerValue,
      kernels: 1,
    },
    {
      name: 'lm-head', kind: 'matrix', phase, count: 1, flops: 2 * logitTokens * lmParams,
      weightBytes: lmParams * plan.weightBytesPerValue, kvBytes: 0,
      activationBytes: logitTokens * (h * plan.activationBytesPerValue + (model.vocabSize / tp) * 4),
      kernels: 2,
    },
  ];
}
