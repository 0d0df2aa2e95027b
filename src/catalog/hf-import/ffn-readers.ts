// One reader per model family for the FFN, MoE and MLA fields. The families name the same
// quantities differently (num_local_experts, n_routed_experts, num_experts; intermediate_size as
// the dense or the expert width) and lay out dense and MoE layers differently, so each reader
// knows one family's spelling and layout. The table that picks the reader is in families.ts.

import type { MlaConfig, MoeConfig } from '../../engine/types';
import { type IssueLog, describeValue } from '../../parse/fields';
import { MODEL_LIMITS } from '../../records/model-architecture';
import type { Config } from './config-reader';

/** What an FFN reader sees: the config, the core dimensions read so far, and the notes to extend. */
export interface FfnContext {
  cfg: Config;
  log: IssueLog;
  rawModelType: string | undefined;
  hidden: number | undefined;
  layers: number | undefined;
  heads: number | undefined;
  headDim: number | undefined;
  /** Lines for paramsNote, in reading order. */
  notes: string[];
}

export interface FfnResult {
  intermediate: number | undefined;
  moe: MoeConfig | null;
  mla: MlaConfig | null;
  /** Replaces the head dimension read before (MLA defines it from its own fields). */
  headDim?: number | undefined;
}

const L = MODEL_LIMITS;

const readExperts = (cfg: Config, keys: string[]): number | undefined => cfg.int(keys, L.numExperts, false);

/** The MoE config, or null (with an error at kPath) when more experts are routed than exist. */
function mkMoe(log: IssueLog, numExperts: number, expertsPerToken: number, expertWidth: number, extra: Partial<MoeConfig>, kPath: string): MoeConfig | null {
  if (expertsPerToken > numExperts) {
    log.error(kPath, `must be at most the number of experts (${numExperts}), got ${expertsPerToken}`);
    return null;
  }
  return {
    numExperts,
    expertsPerToken,
    numSharedExperts: extra.numSharedExperts ?? 0,
    expertIntermediateSize: expertWidth,
    sharedExpertIntermediateSize: extra.sharedExpertIntermediateSize ?? null,
    firstDenseLayers: extra.firstDenseLayers ?? 0,
    moeLayerPeriod: extra.moeLayerPeriod ?? 1,
  };
}

/** Path of the experts-per-token field actually present, for an error that points at it. */
function topKPath(cfg: Config, keys: string[]): string {
  for (const k of keys) {
    const hit = cfg.find(k);
    if (hit !== undefined) return hit.path;
  }
  return cfg.pathOf(keys[0] ?? '');
}

export function readGptj({ cfg, log, hidden }: FfnContext): FfnResult {
  const inner = cfg.int(['n_inner', 'intermediate_size'], L.intermediateSize, false);
  // GPT-J leaves n_inner null for the transformers default of 4 * n_embd.
  if (inner === undefined && hidden !== undefined && !log.errors.some((e) => e.path.endsWith('n_inner'))) {
    return { intermediate: 4 * hidden, moe: null, mla: null };
  }
  return { intermediate: inner, moe: null, mla: null };
}

/** Mixtral and gpt-oss: every layer MoE, intermediate_size is the expert width; they differ in the top-k spelling. */
export function mixtralStyle(kKeys: [string, string]): (ctx: FfnContext) => FfnResult {
  return ({ cfg, log, notes }) => {
    let intermediate: number | undefined;
    let moe: MoeConfig | null = null;
    const E = readExperts(cfg, ['num_local_experts', 'num_experts']);
    const k = cfg.int(kKeys, L.numExperts, E !== undefined);
    cfg.find(kKeys[1]); // both spellings are read (gpt-oss has both)
    const width = cfg.int(['intermediate_size'], L.expertIntermediateSize, true);
    if (E === undefined) {
      if (!log.errors.some((e) => e.path.endsWith('num_local_experts'))) {
        // A Mistral-style dense config labelled mixtral.
        intermediate = width;
      }
    } else if (k !== undefined && width !== undefined) {
      moe = mkMoe(log, E, k, width, {}, topKPath(cfg, kKeys));
      intermediate = 0;
      notes.push(`intermediate_size ${width} is the width of each of the ${E} experts; no layer is dense`);
    }
    return { intermediate, moe, mla: null };
  };
}

/** Dense layers (also Gemma); a stray expert count is reported rather than dropped silently. */
export function readLlamaStyle({ cfg, log, rawModelType }: FfnContext): FfnResult {
  const intermediate = cfg.int(['intermediate_size', 'ffn_dim', 'n_inner'], L.intermediateSize, true);
  for (const key of ['num_local_experts', 'num_experts', 'n_routed_experts']) {
    const hit = cfg.find(key);
    if (hit !== undefined && hit.value !== null && hit.value !== 0) {
      log.warn(hit.path, `is set but model_type ${rawModelType ?? '(missing)'} is mapped as a dense model; the experts are ignored`);
    }
  }
  return { intermediate, moe: null, mla: null };
}

/**
 * Qwen MoE: intermediate_size is the dense width, moe_intermediate_size the expert width; dense
 * layers come from decoder_sparse_step or mlp_only_layers.
 */
export function readQwenMoe({ cfg, log, notes }: FfnContext): FfnResult {
  const E = readExperts(cfg, ['num_experts', 'num_local_experts']);
  const denseWidth = cfg.int(['intermediate_size'], L.intermediateSize, false);
  if (E === undefined || E === 0) {
    if (denseWidth === undefined) log.error(cfg.pathOf('intermediate_size'), `is missing; expected an integer from 1 to ${L.intermediateSize.max}`);
    return { intermediate: denseWidth, moe: null, mla: null };
  }
  let moe: MoeConfig | null = null;
  const k = cfg.int(['num_experts_per_tok'], L.numExperts, true);
  const width = cfg.int(['moe_intermediate_size'], L.expertIntermediateSize, true);
  const sharedWidth = cfg.int(['shared_expert_intermediate_size'], { min: 0, max: L.expertIntermediateSize.max }, false);
  const period = cfg.int(['decoder_sparse_step'], { min: 1, max: L.numLayers.max }, false) ?? 1;
  let firstDense = 0;
  const onlyHit = cfg.find('mlp_only_layers');
  if (onlyHit !== undefined && onlyHit.value !== null) {
    const list = onlyHit.value;
    if (!Array.isArray(list) || !list.every((x) => typeof x === 'number' && Number.isInteger(x) && x >= 0)) {
      log.error(onlyHit.path, `must be a list of layer indices, got ${describeValue(list)}`);
    } else if (list.length > 0) {
      // Only a leading run of dense layers fits the layer pattern (firstDenseLayers).
      const sorted = [...(list as number[])].sort((a, b) => a - b);
      const leading = sorted.every((x, i) => x === i);
      if (leading && period === 1) firstDense = sorted.length;
      else log.warn(onlyHit.path, `lists dense layers [${sorted.join(', ')}] that the layer pattern cannot represent; they are treated as MoE layers`);
    }
  }
  if (k !== undefined && width !== undefined) {
    moe = mkMoe(log, E, k, width, {
      numSharedExperts: sharedWidth !== undefined && sharedWidth > 0 ? 1 : 0,
      sharedExpertIntermediateSize: sharedWidth !== undefined && sharedWidth > 0 ? sharedWidth : null,
      firstDenseLayers: firstDense,
      moeLayerPeriod: period,
    }, topKPath(cfg, ['num_experts_per_tok']));
  }
  if (firstDense === 0 && period === 1) {
    if (denseWidth !== undefined) notes.push(`config intermediate_size ${denseWidth} is unused (every layer is MoE)`);
    return { intermediate: 0, moe, mla: null };
  }
  if (denseWidth === undefined) log.error(cfg.pathOf('intermediate_size'), `is missing but some layers are dense; expected an integer from 1 to ${L.intermediateSize.max}`);
  return { intermediate: denseWidth, moe, mla: null };
}

/**
 * DeepSeek-V2/V3 and Kimi K2: routed plus shared experts after first_k_dense_replace dense layers,
 * and multi-head latent attention, whose head dimension comes from the MLA fields.
 */
export function readDeepseek({ cfg, log, hidden, heads, headDim, notes }: FfnContext): FfnResult {
  const intermediate = cfg.int(['intermediate_size'], L.intermediateSize, true);
  let moe: MoeConfig | null = null;
  let mla: MlaConfig | null = null;
  let dim = headDim;
  const E = readExperts(cfg, ['n_routed_experts', 'num_experts']);
  if (E !== undefined) {
    const k = cfg.int(['num_experts_per_tok'], L.numExperts, true);
    const width = cfg.int(['moe_intermediate_size'], L.expertIntermediateSize, true);
    const shared = cfg.int(['n_shared_experts'], L.numSharedExperts, false) ?? 0;
    const firstDense = cfg.int(['first_k_dense_replace'], { min: 0, max: L.numLayers.max }, false) ?? 0;
    const freqHit = cfg.find('moe_layer_freq');
    const freq = cfg.int(['moe_layer_freq'], { min: 1, max: L.numLayers.max }, false) ?? 1;
    if (freq !== 1 && freqHit !== undefined) {
      log.warn(freqHit.path, `is ${freq}: DeepSeek places MoE layers at index % ${freq} == 0 after first_k_dense_replace; approximated as every ${freq}-th layer counted from first_k_dense_replace`);
    }
    if (k !== undefined && width !== undefined) {
      moe = mkMoe(log, E, k, width, { numSharedExperts: shared, firstDenseLayers: firstDense, moeLayerPeriod: freq }, topKPath(cfg, ['num_experts_per_tok']));
    }
  }
  const kvRank = cfg.int(['kv_lora_rank'], L.loraRank, false);
  if (kvRank !== undefined) {
    // q_lora_rank null means queries are not compressed (DeepSeek-V2-Lite).
    const qHit = cfg.find('q_lora_rank');
    const qRank = qHit === undefined || qHit.value === null ? null : cfg.int(['q_lora_rank'], L.loraRank, false) ?? null;
    const nope = cfg.int(['qk_nope_head_dim'], L.mlaHeadDim, true);
    const rope = cfg.int(['qk_rope_head_dim'], L.mlaHeadDim, true);
    const v = cfg.int(['v_head_dim'], { min: 1, max: 4096 }, true);
    if (nope !== undefined && rope !== undefined && v !== undefined) {
      mla = { kvLoraRank: kvRank, qLoraRank: qRank, qkNopeHeadDim: nope, qkRopeHeadDim: rope, vHeadDim: v };
      dim = nope + rope;
      notes.push('multi-head latent attention (MLA); headDim holds qk_nope_head_dim + qk_rope_head_dim');
    }
  } else if (dim === undefined && hidden !== undefined && heads !== undefined) {
    if (hidden % heads === 0) dim = hidden / heads;
    else log.error(cfg.pathOf('head_dim'), `is missing and hidden_size (${hidden}) is not divisible by num_attention_heads (${heads})`);
  }
  const mtp = cfg.int(['num_nextn_predict_layers'], { min: 0, max: 1000 }, false);
  if (mtp !== undefined && mtp > 0) {
    log.warn(cfg.find('num_nextn_predict_layers')?.path ?? 'num_nextn_predict_layers', `is ${mtp}: the multi-token-prediction module's weights are not counted in the parameters; it is kept as mtpModules, which MTP speculative decoding drafts with`);
  }
  // qk_head_dim restates qk_nope_head_dim + qk_rope_head_dim.
  cfg.find('qk_head_dim');
  return { intermediate, moe, mla, headDim: dim };
}

/**
 * Llama 4: intermediate_size is the expert width (each MoE layer also has one shared expert of
 * that width) and intermediate_size_mlp the dense width of the layers between MoE layers.
 */
export function readLlama4({ cfg, log, layers, notes }: FfnContext): FfnResult {
  const E = readExperts(cfg, ['num_local_experts', 'num_experts']);
  const width = cfg.int(['intermediate_size'], L.expertIntermediateSize, true);
  const denseWidth = cfg.int(['intermediate_size_mlp'], L.intermediateSize, false);
  if (E === undefined) return { intermediate: denseWidth ?? width, moe: null, mla: null };
  let moe: MoeConfig | null = null;
  const k = cfg.int(['num_experts_per_tok'], L.numExperts, true);
  const step = cfg.int(['interleave_moe_layer_step'], { min: 1, max: L.numLayers.max }, false) ?? 1;
  // moe_layers restates interleave_moe_layer_step; a list that disagrees cannot be represented.
  const moeLayersHit = cfg.find('moe_layers');
  if (moeLayersHit !== undefined && moeLayersHit.value !== null && layers !== undefined) {
    const list = moeLayersHit.value;
    const expected: number[] = [];
    for (let i = step - 1; i < layers; i += step) expected.push(i);
    const same = Array.isArray(list) && list.length === expected.length && list.every((x, i) => x === expected[i]);
    if (!same) log.warn(moeLayersHit.path, `does not match interleave_moe_layer_step ${step}; the MoE layers are taken as ${step === 1 ? 'every layer' : `every ${step}-th layer`}`);
  }
  if (k !== undefined && width !== undefined) {
    moe = mkMoe(log, E, k, width, { numSharedExperts: 1, moeLayerPeriod: step }, topKPath(cfg, ['num_experts_per_tok']));
    notes.push(`every MoE layer has ${E} routed experts and 1 shared expert of width ${width}`);
  }
  if (step === 1) {
    if (denseWidth !== undefined) notes.push(`intermediate_size_mlp ${denseWidth} is unused (every layer is MoE)`);
    return { intermediate: 0, moe, mla: null };
  }
  if (denseWidth === undefined) log.error(cfg.pathOf('intermediate_size_mlp'), `is missing but interleave_moe_layer_step ${step} leaves dense layers; expected an integer from 1 to ${L.intermediateSize.max}`);
  return { intermediate: denseWidth, moe, mla: null };
}
