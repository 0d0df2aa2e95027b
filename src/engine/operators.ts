import { attentionHeadDims, expectedDistinctExperts, kvValuesPerTokenPerLayer, type LayerGroup } from './architecture';
import { ROUTER_SKEW, busiestBinLoad } from './load-balance';
import { attentionParams, ffnParams } from './parameters';
import type { ModelArchitecture } from './types';

/**
 * The work of one forward step on one chip, before timing. FLOPs follow 2*M*K*N per GEMM
 * (MODEL.md section 1); bytes are split by what they are so the roofline can place each in a tier.
 */
export interface RawOperator {
  name: string;
  /**
   * matrix: dense GEMM; moe-experts: grouped expert GEMMs; attention-decode/-prefill: attention
   * core; vector: norms, activations, residuals.
   */
  kind: 'matrix' | 'moe-experts' | 'attention-decode' | 'attention-prefill' | 'vector';
  phase: 'prefill' | 'decode';
  /** Instances per step (layers in the group, or 1). */
  count: number;
  flops: number;
  weightBytes: number;
  kvBytes: number;
  activationBytes: number;
  /** Kernel launches per instance (fixed-cost term of MODEL.md section 2). */
  kernels: number;
  /** The LM head: its weights stay 16-bit in quantized checkpoints, so it runs at that rate. */
  inHeadFormat?: boolean;
  /** moe-experts only: mean routed tokens per touched expert on the busiest rank (grouped-GEMM efficiency). */
  tokensPerExpert?: number;
}

/** What one replica computes in one step (divided over its chips by the shard plan). */
export interface StepShape {
  /** Sequences decoding one token each (per micro-batch). */
  decodeSequences: number;
  /** Mean context length the decoding sequences attend to. */
  decodeContextTokens: number;
  /** Prompt tokens computed (not served from the prefix cache) in this step. */
  prefillTokens: number;
  /** Prompts those tokens belong to (fractional under steady-state amortisation). */
  prefillPrompts: number;
  /** Prompt tokens already cached per prompt (prefix cache hits): read, not recomputed. */
  cachedTokensPerPrompt: number;
  /**
   * Tokens of the same prompt computed in earlier steps (chunked prefill): attended, not recomputed.
   * Absent = the step's prompt tokens are whole prompts (steady-state amortisation).
   */
  prefillPriorTokensPerPrompt?: number;
  /** Tokens each decoding sequence runs through the model this step: 1, or draft + 1 when verifying speculation. */
  queryTokensPerSequence?: number;
  /**
   * The prompts are spread one per attention group (TTFT timing: every group takes one). Absent =
   * prompts follow the decode sequences, so the busiest group's share of both sets the step.
   */
  promptsOnePerGroup?: boolean;
}

export interface ShardPlan {
  /** Chips attention (and dense FFNs, the LM head) are tensor-sharded over. */
  attentionTensorParallel: number;
  /**
   * Attention groups running data-parallel on shares of the batch (DP attention: SGLang,
   * DeepSeek-V3 report section 3.4); 1 without it.
   */
  attentionGroups: number;
  /** Chips the routed experts are spread over (whole experts per chip); 1 = experts tensor-sharded. */
  expertRanks: number;
  /** Chips each expert is tensor-sharded over when experts are not spread (expertRanks = 1). */
  expertTensorParallel: number;
  weightBytesPerValue: number;
  /** The embedding's and LM head's format (16-bit in quantized checkpoints). */
  headBytesPerValue: number;
  activationBytesPerValue: number;
  kvBytesPerValue: number;
}

/** KV heads each tensor-parallel rank holds; GQA heads are replicated when TP exceeds them. */
export function kvShare(model: ModelArchitecture, tensorParallel: number): number {
  if (model.mla) return 1; // the MLA latent is shared by all heads, so every TP rank keeps all of it
  return Math.ceil(model.numKeyValueHeads / tensorParallel) / model.numKeyValueHeads;
}

/** Mean positions a prompt token attends to: causal over its chunk, plus earlier chunks and the cached prefix. */
function prefillContextPerToken(shape: StepShape, windowTokens: number | null): number {
  if (shape.prefillPrompts <= 0) return 0;
  const newPerPrompt = shape.prefillTokens / shape.prefillPrompts;
  const mean = shape.cachedTokensPerPrompt + (shape.prefillPriorTokensPerPrompt ?? 0) + (newPerPrompt + 1) / 2;
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

/** Tokens and sequences of the busiest attention group (DP attention splits the batch over groups). */
export function groupShare(shape: StepShape, groups: number): { decodeSequences: number; prefillTokens: number; prefillPrompts: number } {
  if (groups <= 1) return { decodeSequences: shape.decodeSequences, prefillTokens: shape.prefillTokens, prefillPrompts: shape.prefillPrompts };
  // Requests land on groups at random; the busiest group's share of sequences sets the step.
  const decode = busiestBinLoad(shape.decodeSequences, groups);
  const share = shape.decodeSequences > 0 ? decode / shape.decodeSequences : 1 / groups;
  // Without the spread, one running sequence would put every group's prompt on one group: the
  // TTFT of DP attention then fell as the batch grew, and a TTFT limit rejected small batches.
  const promptShare = shape.promptsOnePerGroup === true ? 1 / groups : Math.max(share, 1 / groups);
  return {
    decodeSequences: decode,
    prefillTokens: shape.prefillTokens * promptShare,
    prefillPrompts: shape.prefillPrompts * promptShare,
  };
}

/** The residual stream's format: bf16 in the serving stacks we model. */
const RESIDUAL_BYTES_PER_VALUE = 2;

export function layerOperators(model: ModelArchitecture, group: LayerGroup, shape: StepShape, plan: ShardPlan): RawOperator[] {
  const tp = plan.attentionTensorParallel;
  const h = model.hiddenSize;
  const q = shape.queryTokensPerSequence ?? 1;
  const share = groupShare(shape, plan.attentionGroups);
  // Tokens one attention group (and so one chip's dense work) handles.
  const tokens = share.decodeSequences * q + share.prefillTokens;
  const replicaTokens = shape.decodeSequences * q + shape.prefillTokens;
  const phase = shape.prefillTokens > shape.decodeSequences ? 'prefill' : 'decode';
  const wB = plan.weightBytesPerValue;
  const aB = plan.activationBytesPerValue;
  const ops: RawOperator[] = [];
  const attn = attentionParams(model);
  ops.push(gemm('qkv-projection', phase, group.count, tokens, attn.qkv / tp, h + attn.qkv / h / tp, wB, aB, 1));

  const heads = model.numAttentionHeads / tp;
  const kvPerToken = kvValuesPerTokenPerLayer(model) * kvShare(model, tp) * plan.kvBytesPerValue;
  if (share.decodeSequences > 0) {
    const dims = attentionHeadDims(model, 'decode');
    const context = group.windowTokens === null ? shape.decodeContextTokens
      : Math.min(shape.decodeContextTokens, group.windowTokens);
    ops.push({
      name: 'attention-decode', kind: 'attention-decode', phase: 'decode', count: group.count,
      // Scores and weighted values: 2*S*heads*(dk + dv) per token (MODEL.md: 4*B*S*heads*headDim).
      // Verifying q speculative tokens multiplies FLOPs by q; the KV is still read once per sequence.
      flops: 2 * share.decodeSequences * q * context * heads * (dims.qk + dims.v),
      weightBytes: 0,
      kvBytes: share.decodeSequences * (context + q) * kvPerToken,
      activationBytes: share.decodeSequences * q * 2 * heads * dims.v * aB,
      kernels: 1,
    });
  }
  if (share.prefillTokens > 0) {
    const dims = attentionHeadDims(model, 'prefill');
    const context = prefillContextPerToken(shape, group.windowTokens);
    const earlier = shape.cachedTokensPerPrompt + (shape.prefillPriorTokensPerPrompt ?? 0);
    const attended = group.windowTokens === null ? earlier : Math.min(earlier, group.windowTokens);
    ops.push({
      name: 'attention-prefill', kind: 'attention-prefill', phase: 'prefill', count: group.count,
      // Causal flash attention (FlashAttention's FLOP count, half the square): no S^2 bytes, only
      // the new KV written and the earlier chunks and cached prefix read.
      flops: 2 * share.prefillTokens * context * heads * (dims.qk + dims.v),
      weightBytes: 0,
      kvBytes: (share.prefillTokens + share.prefillPrompts * attended) * kvPerToken,
      activationBytes: share.prefillTokens * 2 * heads * (dims.qk + dims.v) * aB,
      kernels: 1,
    });
  }
  ops.push(gemm('output-projection', phase, group.count, tokens, attn.out / tp, h + h / tp, wB, aB, 1));

  if (group.ffn === 'dense' || model.moe === null) {
    ops.push(gemm('ffn', phase, group.count, tokens, ffnParams(h, model.intermediateSize, model.ffnKind) / tp, h + model.intermediateSize / tp, wB, aB, 2));
  } else {
    ops.push(...moeOperators(model, group, phase, tokens, replicaTokens, plan));
  }
  ops.push({
    name: 'norms-activations', kind: 'vector', phase, count: group.count,
    // Two RMSNorms, two residual adds, RoPE: about 8 reads/writes of the hidden state per token. The
    // residual stream stays 16-bit whatever the GEMMs' activation format (vLLM and TensorRT-LLM
    // quantize at each GEMM's input), so these bytes are 2 per value.
    flops: 10 * tokens * h, weightBytes: 0, kvBytes: 0, activationBytes: 8 * tokens * h * RESIDUAL_BYTES_PER_VALUE, kernels: 2,
  });
  return ops;
}

/**
 * Router, routed experts and shared experts of one MoE layer on the busiest chip. Spread experts
 * (expert parallelism): each chip holds whole experts and computes the token-expert pairs routed
 * to them; the busiest chip's share is balls into bins times the router skew (load-balance.ts).
 * Unspread experts are tensor-sharded like a dense FFN and see every pair.
 */
function moeOperators(
  model: ModelArchitecture, group: LayerGroup, phase: RawOperator['phase'], tokens: number, replicaTokens: number, plan: ShardPlan,
): RawOperator[] {
  const moe = model.moe!;
  const h = model.hiddenSize;
  const wB = plan.weightBytesPerValue;
  const aB = plan.activationBytesPerValue;
  const ranks = plan.expertRanks;
  const split = ranks > 1 ? 1 : plan.expertTensorParallel;
  const expertParams = ffnParams(h, moe.expertIntermediateSize, 'gated') / split;
  const expertsHere = moe.numExperts / ranks;
  const pairs = replicaTokens * moe.expertsPerToken;
  const pairsHere = ranks > 1 ? Math.min(pairs, busiestBinLoad(pairs, ranks) * ROUTER_SKEW) : pairs;
  const touched = expertsHere * (expectedDistinctExperts(moe.numExperts, moe.expertsPerToken, replicaTokens) / moe.numExperts);
  const ops: RawOperator[] = [
    {
      name: 'moe-router', kind: 'matrix', phase, count: group.count,
      flops: 2 * tokens * h * moe.numExperts, weightBytes: h * moe.numExperts * wB, kvBytes: 0,
      activationBytes: tokens * (h + moe.numExperts) * aB, kernels: 1,
    },
    {
      name: 'moe-experts', kind: 'moe-experts', phase, count: group.count,
      // FLOPs scale with the routed pairs; bytes with the distinct experts touched (MODEL.md section 1).
      flops: 2 * pairsHere * expertParams,
      weightBytes: touched * expertParams * wB, kvBytes: 0,
      activationBytes: pairsHere * (2 * h + moe.expertIntermediateSize / split) * aB,
      kernels: 3,
      tokensPerExpert: touched > 0 ? pairsHere / touched : 0,
    },
  ];
  if (moe.numSharedExperts > 0) {
    const width = moe.sharedExpertIntermediateSize ?? moe.expertIntermediateSize;
    const tp = plan.attentionTensorParallel;
    ops.push(gemm('moe-shared-experts', phase, group.count, tokens, (moe.numSharedExperts * ffnParams(h, width, 'gated')) / tp, h + width / tp, wB, aB, 2));
  }
  return ops;
}

/** Embedding lookup, final norm, LM head (logits only for decoding tokens and each prompt's last). */
export function headOperators(model: ModelArchitecture, shape: StepShape, plan: ShardPlan): RawOperator[] {
  const tp = plan.attentionTensorParallel;
  const h = model.hiddenSize;
  const q = shape.queryTokensPerSequence ?? 1;
  const share = groupShare(shape, plan.attentionGroups);
  const tokens = share.decodeSequences * q + share.prefillTokens;
  const logitTokens = share.decodeSequences * q + share.prefillPrompts;
  const phase = shape.prefillTokens > shape.decodeSequences ? 'prefill' : 'decode';
  const lmParams = (model.vocabSize * h) / tp;
  return [
    {
      name: 'embedding', kind: 'vector', phase, count: 1, flops: 0,
      weightBytes: tokens * h * plan.headBytesPerValue, kvBytes: 0, activationBytes: tokens * h * plan.activationBytesPerValue,
      kernels: 1,
    },
    {
      name: 'lm-head', kind: 'matrix', phase, count: 1, flops: 2 * logitTokens * lmParams, inHeadFormat: true,
      weightBytes: lmParams * plan.headBytesPerValue, kvBytes: 0,
      activationBytes: logitTokens * (h * plan.activationBytesPerValue + (model.vocabSize / tp) * 4),
      kernels: 2,
    },
  ];
}
