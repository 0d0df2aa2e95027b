// Maps a pasted Hugging Face config.json to a ModelArchitecture, then validates it with
// parseModelArchitecture. Never throws.
//
// Families: Llama (llama, mistral, qwen2, qwen3, phi3 and other Llama-style configs), Qwen MoE
// (qwen2_moe, qwen3_moe), Mixtral, DeepSeek-V2/V3 (and Kimi K2: MLA + routed/shared experts),
// gpt-oss, Gemma 1/2/3 (text_config nesting), Llama 4 (text_config, interleaved MoE, chunked
// attention) and GPT-J. Multimodal configs are read from text_config; the vision tower is ignored.
//
// Errors name the Hugging Face field (e.g. "text_config.hidden_size") and the accepted range.
// Fields that change the architecture but cannot be represented produce warnings naming the field;
// fields with no effect on cost (token ids, dropout, RoPE settings, ...) are ignored silently.
// publishedParamsTotal/Active are the counts computed by countParameters (a config has no
// published figure); paramsNote says so.

import type { ModelArchitecture, MoeConfig, MlaConfig, SlidingWindowConfig } from '../engine/types';
import { IssueLog, type FieldIssue, type ParseOutcome, describeValue, isRecord, own } from '../parse/fields';
import { countParameters } from '../engine/parameters';
import { MODEL_ID_MAX_LENGTH, MODEL_ID_PATTERN, MODEL_LIMITS, parseModelArchitecture } from '../records/model-architecture';

type Family = 'llama' | 'qwen-moe' | 'mixtral' | 'deepseek' | 'gpt-oss' | 'gemma' | 'gemma2' | 'gemma3' | 'llama4' | 'gptj';

const FAMILY_BY_MODEL_TYPE: Record<string, Family> = {
  llama: 'llama',
  mistral: 'llama',
  ministral: 'llama',
  qwen2: 'llama',
  qwen3: 'llama',
  phi3: 'llama',
  granite: 'llama',
  olmo2: 'llama',
  qwen2_moe: 'qwen-moe',
  qwen3_moe: 'qwen-moe',
  mixtral: 'mixtral',
  deepseek_v2: 'deepseek',
  deepseek_v3: 'deepseek',
  kimi_k2: 'deepseek',
  gpt_oss: 'gpt-oss',
  gemma: 'gemma',
  gemma2: 'gemma2',
  gemma3: 'gemma3',
  gemma3_text: 'gemma3',
  llama4: 'llama4',
  llama4_text: 'llama4',
  gptj: 'gptj',
};

const FAMILY_LABEL: Record<Family, string> = {
  llama: 'Llama-style',
  'qwen-moe': 'Qwen MoE',
  mixtral: 'Mixtral',
  deepseek: 'DeepSeek-V3-style (MLA)',
  'gpt-oss': 'gpt-oss',
  gemma: 'Gemma',
  gemma2: 'Gemma 2',
  gemma3: 'Gemma 3',
  llama4: 'Llama 4',
  gptj: 'GPT-J',
};

/** Fields with no effect on the architecture's cost; ignored without a warning. */
const SILENT_KEYS = new Set([
  'architectures', 'auto_map', '_name_or_path', 'name_or_path', 'bos_token_id', 'eos_token_id', 'pad_token_id',
  'torch_dtype', 'dtype', 'transformers_version', 'use_cache', 'initializer_range', 'rms_norm_eps',
  'layer_norm_eps', 'layer_norm_epsilon', 'norm_eps', 'attention_dropout', 'hidden_dropout', 'embd_pdrop',
  'attn_pdrop', 'resid_pdrop', 'output_router_logits', 'router_aux_loss_coef', 'aux_loss_alpha', 'seq_aux',
  'router_jitter_noise', 'rope_theta', 'rope_scaling', 'rope_parameters', 'rope_local_base_freq', 'pretraining_tp',
  'model_type', 'tokenizer_class', 'hidden_act', 'hidden_activation', 'activation_function',
  'gradient_checkpointing', 'task_specific_params', 'summary_type', 'summary_use_proj', 'summary_activation',
  'summary_proj_to_labels', 'summary_first_dropout', 'scale_attn_weights', 'initial_context_length',
  'query_pre_attn_scalar', 'attn_logit_softcapping', 'final_logit_softcapping', 'swiglu_limit',
  'norm_topk_prob', 'routed_scaling_factor', 'scoring_func', 'topk_method', 'n_group', 'topk_group',
  'ep_size', 'use_qk_norm', 'qk_norm', 'rotary', 'rotary_dim', 'partial_rotary_factor', 'attn_temperature_tuning',
  'floor_scale', 'attn_scale', 'cache_implementation', 'original_max_position_embeddings', 'rope_interleave',
  'boi_token_index', 'eoi_token_index', 'image_token_index', 'image_token_id', 'mm_tokens_per_image',
  'tie_encoder_decoder', 'is_decoder', 'use_bfloat16', 'return_dict', 'mlp_bias_is_zero', 'moe_layer_start_index',
  'bias', 'for_llm_compressor', 'router_bias', 'sliding_window_size_is_chunk', 'keys_to_ignore_at_inference',
  'residual_dropout', 'embedding_dropout', 'use_return_dict', 'output_attentions', 'output_hidden_states',
]);

interface Source {
  record: Record<string, unknown>;
  prefix: string;
}

/** Field access over the text config (first) and the top-level config, tracking what was read. */
class Config {
  private readonly consumed = new Set<string>();
  constructor(
    readonly log: IssueLog,
    private readonly sources: Source[],
  ) {}

  /** The first source holding `key` (null values count as present). */
  find(key: string): { value: unknown; path: string } | undefined {
    for (const src of this.sources) {
      const value = own(src.record, key);
      if (value !== undefined) {
        this.consumed.add(src.prefix + key);
        return { value, path: src.prefix + key };
      }
    }
    return undefined;
  }

  /** Path a missing key would have in the primary (text) config. */
  pathOf(key: string): string {
    return (this.sources[0]?.prefix ?? '') + key;
  }

  has(key: string): boolean {
    return this.sources.some((s) => own(s.record, key) !== undefined && own(s.record, key) !== null);
  }

  markConsumed(path: string): void {
    this.consumed.add(path);
  }

  isConsumed(path: string): boolean {
    return this.consumed.has(path);
  }

  /**
   * Reads an integer from the first of `keys` present. Missing or null -> undefined (error if
   * `required`). Present but wrong -> error naming the field and range, undefined returned.
   */
  int(keys: string[], rule: { min: number; max: number }, required: boolean): number | undefined {
    for (const key of keys) {
      const hit = this.find(key);
      if (hit === undefined || hit.value === null) continue;
      const v = hit.value;
      if (typeof v !== 'number' || !Number.isInteger(v) || v < rule.min || v > rule.max) {
        this.log.error(hit.path, `must be an integer from ${rule.min} to ${rule.max}, got ${describeValue(v)}`);
        return undefined;
      }
      return v;
    }
    if (required) {
      const names = keys.map((k) => this.pathOf(k)).join(' or ');
      this.log.error(this.pathOf(keys[0] ?? ''), `is missing (looked for ${names}); expected an integer from ${rule.min} to ${rule.max}`);
    }
    return undefined;
  }

  bool(key: string): boolean | undefined {
    const hit = this.find(key);
    if (hit === undefined || hit.value === null) return undefined;
    if (typeof hit.value !== 'boolean') {
      this.log.error(hit.path, `must be true or false, got ${describeValue(hit.value)}`);
      return undefined;
    }
    return hit.value;
  }

  str(key: string): string | undefined {
    const hit = this.find(key);
    if (hit === undefined || typeof hit.value !== 'string') return undefined;
    return hit.value;
  }

  warnUnread(): void {
    for (const src of this.sources) {
      for (const key of Object.keys(src.record)) {
        const path = src.prefix + key;
        if (this.consumed.has(path) || SILENT_KEYS.has(key)) continue;
        if (key === 'text_config') continue;
        this.log.warn(path, 'is not used by the simulator and was ignored');
      }
    }
  }
}

function slugify(text: string): string {
  const base = text.includes('/') ? text.slice(text.lastIndexOf('/') + 1) : text;
  const slug = base
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/-*\.-*/g, '.')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, MODEL_ID_MAX_LENGTH)
    .replace(/[-.]+$/g, '');
  return slug;
}

/**
 * Fits per-layer "windowed" flags to the SlidingWindowConfig pattern (in every `period` layers the
 * last `globalPerPeriod` are full). Returns null when no layer is windowed.
 */
export function fitWindowPattern(windowed: readonly boolean[]): { period: number; globalPerPeriod: number; exact: boolean } | null {
  const n = windowed.length;
  const windowedCount = windowed.filter(Boolean).length;
  if (n === 0 || windowedCount === 0) return null;
  if (windowedCount === n) return { period: 1, globalPerPeriod: 0, exact: true };
  for (let period = 2; period <= n; period++) {
    for (let global = 1; global < period; global++) {
      let ok = true;
      for (let i = 0; i < n && ok; i++) {
        const expectWindowed = i % period < period - global;
        if (windowed[i] !== expectWindowed) ok = false;
      }
      if (ok) return { period, globalPerPeriod: global, exact: true };
    }
  }
  // Not periodic in that form: keep the share of full-attention layers.
  const fullShare = (n - windowedCount) / n;
  let best = { period: 2, globalPerPeriod: 1, err: Infinity };
  for (let period = 2; period <= 12; period++) {
    for (let global = 1; global < period; global++) {
      const err = Math.abs(global / period - fullShare);
      if (err < best.err - 1e-12) best = { period, globalPerPeriod: global, err };
    }
  }
  return { period: best.period, globalPerPeriod: best.globalPerPeriod, exact: false };
}

function importUnsafe(raw: unknown, options: { id?: string; name?: string }): ParseOutcome<ModelArchitecture> {
  const log = new IssueLog();
  const fail = (): ParseOutcome<ModelArchitecture> => ({ value: null, errors: log.errors, warnings: log.warnings });
  if (!isRecord(raw)) {
    log.error('', `config must be a JSON object (the contents of config.json), got ${describeValue(raw)}`);
    return fail();
  }

  // Multimodal configs nest the language model in text_config.
  const sources: Source[] = [];
  const textRaw = own(raw, 'text_config');
  if (textRaw !== undefined && textRaw !== null) {
    if (isRecord(textRaw)) sources.push({ record: textRaw, prefix: 'text_config.' });
    else log.error('text_config', `must be an object, got ${describeValue(textRaw)}`);
  }
  sources.push({ record: raw, prefix: '' });
  const cfg = new Config(log, sources);
  for (const key of ['vision_config', 'audio_config', 'vision_tower_config']) {
    if (own(raw, key) !== undefined) {
      cfg.markConsumed(key);
      log.warn(key, 'ignored: only the text model is imported (the vision/audio tower is not modelled)');
    }
  }

  // Family.
  const modelTypeHit = cfg.find('model_type');
  const rawModelType = modelTypeHit !== undefined && typeof modelTypeHit.value === 'string' ? modelTypeHit.value : undefined;
  if (sources.length > 1 && typeof own(raw, 'model_type') === 'string') cfg.markConsumed('model_type');
  let family: Family | undefined = rawModelType !== undefined ? FAMILY_BY_MODEL_TYPE[rawModelType] : undefined;
  if (family === undefined) {
    const guess: Family = cfg.has('n_embd') || cfg.has('n_layer')
      ? 'gptj'
      : cfg.has('n_routed_experts') || cfg.has('kv_lora_rank')
        ? 'deepseek'
        : cfg.has('num_local_experts')
          ? 'mixtral'
          : cfg.has('num_experts')
            ? 'qwen-moe'
            : 'llama';
    log.warn(
      modelTypeHit?.path ?? cfg.pathOf('model_type'),
      rawModelType === undefined
        ? `is missing; mapped as a ${FAMILY_LABEL[guess]} config from its field names`
        : `"${rawModelType}" is not a recognized family; mapped as a ${FAMILY_LABEL[guess]} config from its field names`,
    );
    family = guess;
  }

  // Core dimensions.
  const L = MODEL_LIMITS;
  const hidden = cfg.int(['hidden_size', 'n_embd', 'd_model'], L.hiddenSize, true);
  const layers = cfg.int(['num_hidden_layers', 'n_layer', 'num_layers'], L.numLayers, true);
  const heads = cfg.int(['num_attention_heads', 'n_head', 'num_heads'], L.numAttentionHeads, true);
  let kvHeads = cfg.int(['num_key_value_heads', 'n_kv_heads', 'num_kv_heads'], L.numAttentionHeads, false);
  if (kvHeads === undefined && heads !== undefined) kvHeads = heads;
  if (kvHeads !== undefined && heads !== undefined && (kvHeads > heads || heads % kvHeads !== 0)) {
    log.error(cfg.find('num_key_value_heads')?.path ?? cfg.pathOf('num_key_value_heads'), `must divide num_attention_heads (${heads}), got ${kvHeads}`);
  }

  // Vocabulary and context (Gemma 3 configs rely on Gemma3TextConfig defaults).
  let vocab = cfg.int(['vocab_size', 'padded_vocab_size'], L.vocabSize, family !== 'gemma3');
  if (vocab === undefined && family === 'gemma3' && !log.errors.some((e) => e.path.endsWith('vocab_size'))) {
    vocab = 262208;
    log.warn(cfg.pathOf('vocab_size'), 'is missing; using the Gemma3TextConfig default 262208');
  }
  let context = cfg.int(['max_position_embeddings', 'n_positions', 'max_sequence_length', 'seq_length', 'n_ctx'], L.maxContextTokens, false);
  if (context === undefined && !log.errors.some((e) => /max_position_embeddings|n_positions|max_sequence_length|seq_length|n_ctx/.test(e.path))) {
    if (family === 'gemma3') {
      context = 131072;
      log.warn(cfg.pathOf('max_position_embeddings'), 'is missing; using the Gemma3TextConfig default 131072');
    } else {
      log.error(cfg.pathOf('max_position_embeddings'), `is missing (also looked for n_positions, max_sequence_length, seq_length); expected an integer from 1 to ${L.maxContextTokens.max}`);
    }
  }
  // n_ctx duplicates n_positions in GPT-style configs.
  cfg.find('n_ctx');

  // Head dimension.
  let headDim: number | undefined = cfg.int(['head_dim', 'head_size', 'kv_channels'], L.headDim, false);
  if (headDim === undefined && hidden !== undefined && heads !== undefined && family !== 'deepseek') {
    if (hidden % heads === 0) headDim = hidden / heads;
    else log.error(cfg.pathOf('head_dim'), `is missing and hidden_size (${hidden}) is not divisible by num_attention_heads (${heads}); set head_dim`);
  }

  // Tied embeddings: family defaults of transformers when absent.
  let tie = cfg.bool('tie_word_embeddings');
  if (tie === undefined) {
    tie = family === 'gemma' || family === 'gemma2' || family === 'gemma3';
    log.warn(cfg.pathOf('tie_word_embeddings'), `is missing; assuming ${tie} (the ${FAMILY_LABEL[family]} default)`);
  }

  // FFN, MoE, MLA.
  const ffnKind: 'gated' | 'plain' = family === 'gptj' ? 'plain' : 'gated';
  let intermediate: number | undefined;
  let moe: MoeConfig | null = null;
  let mla: MlaConfig | null = null;
  const notes: string[] = [];
  const warnBias = (key: string): void => {
    const hit = cfg.find(key);
    if (hit !== undefined && hit.value === true) log.warn(hit.path, 'is true: bias vectors are not modelled (the parameter count is slightly low)');
  };
  for (const key of ['attention_bias', 'mlp_bias', 'qkv_bias', 'use_bias']) warnBias(key);

  const readExperts = (keys: string[]): number | undefined => cfg.int(keys, L.numExperts, false);
  const mkMoe = (numExperts: number, expertsPerToken: number, expertWidth: number, extra: Partial<MoeConfig>, kPath: string): MoeConfig | null => {
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
  };
  const topKPath = (keys: string[]): string => {
    for (const k of keys) {
      const hit = cfg.find(k);
      if (hit !== undefined) return hit.path;
    }
    return cfg.pathOf(keys[0] ?? '');
  };

  if (family === 'gptj') {
    const inner = cfg.int(['n_inner', 'intermediate_size'], L.intermediateSize, false);
    if (inner === undefined && hidden !== undefined && !log.errors.some((e) => e.path.endsWith('n_inner'))) intermediate = 4 * hidden;
    else intermediate = inner;
  } else if (family === 'mixtral' || family === 'gpt-oss') {
    const kKeys = family === 'gpt-oss' ? ['experts_per_token', 'num_experts_per_tok'] : ['num_experts_per_tok', 'experts_per_token'];
    const E = readExperts(['num_local_experts', 'num_experts']);
    const k = cfg.int(kKeys, L.numExperts, E !== undefined);
    cfg.find(kKeys[1] ?? ''); // both spellings are read (gpt-oss has both)
    const width = cfg.int(['intermediate_size'], L.expertIntermediateSize, true);
    if (E === undefined) {
      if (!log.errors.some((e) => e.path.endsWith('num_local_experts'))) {
        // A Mistral-style dense config labelled mixtral.
        intermediate = width;
      }
    } else if (k !== undefined && width !== undefined) {
      moe = mkMoe(E, k, width, {}, topKPath(kKeys));
      intermediate = 0;
      notes.push(`intermediate_size ${width} is the width of each of the ${E} experts; no layer is dense`);
    }
  } else if (family === 'qwen-moe') {
    const E = readExperts(['num_experts', 'num_local_experts']);
    const denseWidth = cfg.int(['intermediate_size'], L.intermediateSize, false);
    if (E === undefined || E === 0) {
      intermediate = denseWidth;
      if (denseWidth === undefined) log.error(cfg.pathOf('intermediate_size'), `is missing; expected an integer from 1 to ${L.intermediateSize.max}`);
    } else {
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
          const sorted = [...(list as number[])].sort((a, b) => a - b);
          const leading = sorted.every((x, i) => x === i);
          if (leading && period === 1) firstDense = sorted.length;
          else log.warn(onlyHit.path, `lists dense layers [${sorted.join(', ')}] that the layer pattern cannot represent; they are treated as MoE layers`);
        }
      }
      if (k !== undefined && width !== undefined) {
        moe = mkMoe(E, k, width, {
          numSharedExperts: sharedWidth !== undefined && sharedWidth > 0 ? 1 : 0,
          sharedExpertIntermediateSize: sharedWidth !== undefined && sharedWidth > 0 ? sharedWidth : null,
          firstDenseLayers: firstDense,
          moeLayerPeriod: period,
        }, topKPath(['num_experts_per_tok']));
      }
      const allMoe = firstDense === 0 && period === 1;
      if (allMoe) {
        intermediate = 0;
        if (denseWidth !== undefined) notes.push(`config intermediate_size ${denseWidth} is unused (every layer is MoE)`);
      } else {
        intermediate = denseWidth;
        if (denseWidth === undefined) log.error(cfg.pathOf('intermediate_size'), `is missing but some layers are dense; expected an integer from 1 to ${L.intermediateSize.max}`);
      }
    }
  } else if (family === 'deepseek') {
    const denseWidth = cfg.int(['intermediate_size'], L.intermediateSize, true);
    intermediate = denseWidth;
    const E = readExperts(['n_routed_experts', 'num_experts']);
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
        moe = mkMoe(E, k, width, { numSharedExperts: shared, firstDenseLayers: firstDense, moeLayerPeriod: freq }, topKPath(['num_experts_per_tok']));
      }
    }
    const kvRank = cfg.int(['kv_lora_rank'], L.loraRank, false);
    if (kvRank !== undefined) {
      const qHit = cfg.find('q_lora_rank');
      const qRank = qHit === undefined || qHit.value === null ? null : cfg.int(['q_lora_rank'], L.loraRank, false) ?? null;
      const nope = cfg.int(['qk_nope_head_dim'], L.mlaHeadDim, true);
      const rope = cfg.int(['qk_rope_head_dim'], L.mlaHeadDim, true);
      const v = cfg.int(['v_head_dim'], { min: 1, max: 4096 }, true);
      if (nope !== undefined && rope !== undefined && v !== undefined) {
        mla = { kvLoraRank: kvRank, qLoraRank: qRank, qkNopeHeadDim: nope, qkRopeHeadDim: rope, vHeadDim: v };
        headDim = nope + rope;
        notes.push('multi-head latent attention (MLA); headDim holds qk_nope_head_dim + qk_rope_head_dim');
      }
    } else if (headDim === undefined && hidden !== undefined && heads !== undefined) {
      if (hidden % heads === 0) headDim = hidden / heads;
      else log.error(cfg.pathOf('head_dim'), `is missing and hidden_size (${hidden}) is not divisible by num_attention_heads (${heads})`);
    }
    const mtp = cfg.int(['num_nextn_predict_layers'], { min: 0, max: 1000 }, false);
    if (mtp !== undefined && mtp > 0) {
      log.warn(cfg.find('num_nextn_predict_layers')?.path ?? 'num_nextn_predict_layers', `is ${mtp}: the multi-token-prediction module is not counted (it is only used for speculative decoding)`);
    }
    cfg.find('qk_head_dim');
  } else if (family === 'llama4') {
    const E = readExperts(['num_local_experts', 'num_experts']);
    const width = cfg.int(['intermediate_size'], L.expertIntermediateSize, true);
    const denseWidth = cfg.int(['intermediate_size_mlp'], L.intermediateSize, false);
    if (E === undefined) {
      intermediate = denseWidth ?? width;
    } else {
      const k = cfg.int(['num_experts_per_tok'], L.numExperts, true);
      const step = cfg.int(['interleave_moe_layer_step'], { min: 1, max: L.numLayers.max }, false) ?? 1;
      const moeLayersHit = cfg.find('moe_layers');
      if (moeLayersHit !== undefined && moeLayersHit.value !== null && layers !== undefined) {
        const list = moeLayersHit.value;
        const expected: number[] = [];
        for (let i = step - 1; i < layers; i += step) expected.push(i);
        const same = Array.isArray(list) && list.length === expected.length && list.every((x, i) => x === expected[i]);
        if (!same) log.warn(moeLayersHit.path, `does not match interleave_moe_layer_step ${step}; the MoE layers are taken as ${step === 1 ? 'every layer' : `every ${step}-th layer`}`);
      }
      if (k !== undefined && width !== undefined) {
        moe = mkMoe(E, k, width, { numSharedExperts: 1, moeLayerPeriod: step }, topKPath(['num_experts_per_tok']));
        notes.push(`every MoE layer has ${E} routed experts and 1 shared expert of width ${width}`);
      }
      if (step === 1) {
        intermediate = 0;
        if (denseWidth !== undefined) notes.push(`intermediate_size_mlp ${denseWidth} is unused (every layer is MoE)`);
      } else {
        intermediate = denseWidth;
        if (denseWidth === undefined) log.error(cfg.pathOf('intermediate_size_mlp'), `is missing but interleave_moe_layer_step ${step} leaves dense layers; expected an integer from 1 to ${L.intermediateSize.max}`);
      }
    }
  } else {
    // Llama-style dense (also Gemma); a stray expert count is reported rather than dropped silently.
    intermediate = cfg.int(['intermediate_size', 'ffn_dim', 'n_inner'], L.intermediateSize, true);
    for (const key of ['num_local_experts', 'num_experts', 'n_routed_experts']) {
      const hit = cfg.find(key);
      if (hit !== undefined && hit.value !== null && hit.value !== 0) {
        log.warn(hit.path, `is set but model_type ${rawModelType ?? '(missing)'} is mapped as a dense model; the experts are ignored`);
      }
    }
  }

  // Sliding window / chunked attention.
  let slidingWindow: SlidingWindowConfig | null = null;
  if (layers !== undefined) {
    let window: number | undefined;
    let windowPath = cfg.pathOf('sliding_window');
    let windowed: boolean[] | undefined;
    if (family === 'llama4') {
      window = cfg.int(['attention_chunk_size'], L.windowTokens, false);
      windowPath = cfg.find('attention_chunk_size')?.path ?? cfg.pathOf('attention_chunk_size');
      cfg.find('no_rope_layer_interval');
      if (window !== undefined) {
        const noRope = cfg.find('no_rope_layers');
        const interval = cfg.int(['no_rope_layer_interval'], { min: 1, max: L.numLayers.max }, false) ?? 4;
        if (noRope !== undefined && Array.isArray(noRope.value) && noRope.value.length > 0) {
          const list = noRope.value;
          if (list.length !== layers) log.warn(noRope.path, `has ${list.length} entries for ${layers} layers; missing layers are taken as full attention`);
          // 1 = the layer uses RoPE and chunked attention; 0 = NoPE global attention.
          windowed = Array.from({ length: layers }, (_, i) => list[i] === 1 || list[i] === true);
        } else {
          windowed = Array.from({ length: layers }, (_, i) => (i + 1) % interval !== 0);
        }
      }
    } else {
      const swHit = cfg.find('sliding_window');
      if (swHit !== undefined && swHit.value !== null && swHit.value !== false) {
        window = cfg.int(['sliding_window'], L.windowTokens, false);
        windowPath = swHit.path;
      }
      cfg.find('use_sliding_window');
      cfg.find('max_window_layers');
      cfg.find('sliding_window_pattern');
      const typesHit = cfg.find('layer_types');
      if (window !== undefined) {
        if (typesHit !== undefined && Array.isArray(typesHit.value)) {
          const list = typesHit.value;
          if (list.length !== layers) log.warn(typesHit.path, `has ${list.length} entries for ${layers} layers; missing layers are taken as full attention`);
          const unknown = list.filter((t) => t !== 'sliding_attention' && t !== 'full_attention' && t !== 'chunked_attention');
          if (unknown.length > 0) log.warn(typesHit.path, `contains unknown layer types (${[...new Set(unknown.map((u) => describeValue(u)))].join(', ')}); taken as full attention`);
          windowed = Array.from({ length: layers }, (_, i) => list[i] === 'sliding_attention' || list[i] === 'chunked_attention');
        } else if (family === 'gemma3') {
          const pattern = cfg.int(['sliding_window_pattern'], { min: 1, max: L.numLayers.max }, false);
          const p = pattern ?? 6;
          if (pattern === undefined) log.warn(cfg.pathOf('sliding_window_pattern'), 'is missing; using the Gemma 3 default 6 (5 local layers : 1 global)');
          windowed = Array.from({ length: layers }, (_, i) => (i + 1) % p !== 0);
        } else if (family === 'gemma2' || family === 'gpt-oss') {
          windowed = Array.from({ length: layers }, (_, i) => i % 2 === 0);
        } else if (rawModelType === 'qwen2' || rawModelType === 'qwen3' || family === 'qwen-moe') {
          const use = cfg.bool('use_sliding_window') ?? false;
          if (use) {
            const maxWindowLayers = cfg.int(['max_window_layers'], { min: 0, max: L.numLayers.max }, false) ?? 0;
            windowed = Array.from({ length: layers }, (_, i) => i >= maxWindowLayers);
          }
        } else if (family === 'gemma') {
          windowed = undefined;
        } else {
          windowed = Array.from({ length: layers }, () => true);
        }
      } else if (typesHit !== undefined && Array.isArray(typesHit.value) && typesHit.value.some((t) => t === 'sliding_attention')) {
        log.warn(typesHit.path, 'lists sliding_attention layers but sliding_window is missing; taken as full attention');
      }
    }
    if (window !== undefined && windowed !== undefined) {
      if (context !== undefined && window >= context) {
        log.warn(windowPath, `is ${window}, not below the context length ${context}; every layer is taken as full attention`);
      } else {
        const fit = fitWindowPattern(windowed);
        if (fit !== null) {
          slidingWindow = { windowTokens: window, period: fit.period, globalPerPeriod: fit.globalPerPeriod };
          if (!fit.exact) {
            log.warn(windowPath, `layer pattern is not periodic; approximated as ${fit.globalPerPeriod} full-attention layer(s) in every ${fit.period}`);
          }
        }
      }
    }
  }

  if (log.errors.length > 0 || hidden === undefined || layers === undefined || heads === undefined || kvHeads === undefined ||
    headDim === undefined || vocab === undefined || context === undefined || intermediate === undefined) {
    if (log.errors.length === 0) log.error('', 'config is missing essential fields');
    cfg.warnUnread();
    return fail();
  }

  cfg.warnUnread();

  const nameOrPath = typeof own(raw, '_name_or_path') === 'string' ? (own(raw, '_name_or_path') as string) : undefined;
  const typeLabel = rawModelType ?? family;
  let id = options.id;
  if (id === undefined) {
    const fromName = slugify(options.name ?? nameOrPath ?? '');
    id = fromName !== '' && MODEL_ID_PATTERN.test(fromName) ? fromName : slugify(`imported-${typeLabel}`) || 'imported-model';
  }
  const name = options.name ?? nameOrPath ?? `Imported ${typeLabel} model`;

  const draft: ModelArchitecture = {
    schemaVersion: 1,
    id,
    name,
    family: FAMILY_LABEL[family],
    source: `Hugging Face config.json (model_type ${typeLabel}) imported by src/catalog/hf-import.ts`,
    publishedParamsTotal: 1,
    publishedParamsActive: null,
    numLayers: layers,
    hiddenSize: hidden,
    numAttentionHeads: heads,
    numKeyValueHeads: kvHeads,
    headDim,
    intermediateSize: intermediate,
    ffnKind,
    moe,
    mla,
    slidingWindow,
    vocabSize: vocab,
    tieWordEmbeddings: tie,
    maxContextTokens: context,
  };
  const counts = countParameters(draft);
  draft.publishedParamsTotal = counts.totalParams;
  draft.publishedParamsActive = moe != null ? counts.activeParams : null;
  draft.paramsNote = [
    `No published figure: publishedParamsTotal${moe != null ? '/Active are' : ' is'} computed from the config by countParameters`,
    ...notes,
  ].join('; ') + '.';

  const checked = parseModelArchitecture(draft);
  const errors: FieldIssue[] = [...log.errors, ...checked.errors];
  const warnings: FieldIssue[] = [...log.warnings, ...checked.warnings];
  return { value: errors.length > 0 ? null : checked.value, errors, warnings };
}

/** Maps a Hugging Face config.json (parsed JSON) to a validated ModelArchitecture. Never throws. */
export function importHuggingFaceConfig(raw: unknown, options?: { id?: string; name?: string }): ParseOutcome<ModelArchitecture> {
  try {
    const opts = isRecord(options) ? options : {};
    return importUnsafe(raw, {
      ...(typeof opts.id === 'string' ? { id: opts.id } : {}),
      ...(typeof opts.name === 'string' ? { name: opts.name } : {}),
    });
  } catch (err) {
    let detail = 'unexpected value';
    try {
      detail = err instanceof Error ? err.message : String(err);
    } catch {
      // keep the generic detail
    }
    return { value: null, errors: [{ path: '', message: `config could not be imported: ${detail}` }], warnings: [] };
  }
}
