// Field access over a pasted config.json. Multimodal configs nest the language model in
// text_config, so every read looks there first and then at the top level. Every field read is
// remembered, so that whatever the importer never looked at can be reported as ignored instead of
// dropped silently.

import { type IssueLog, describeValue, isRecord, own } from '../../parse/fields';

/** Fields with no effect on the architecture's cost; ignored without a warning. */
export const SILENT_KEYS = new Set([
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
export class Config {
  private readonly consumed = new Set<string>();
  constructor(
    readonly log: IssueLog,
    private readonly sources: Source[],
  ) {}

  /** True when a text_config object sits in front of the top level. */
  get nested(): boolean {
    return this.sources.length > 1;
  }

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

/**
 * Opens a config object for reading: text_config (when it is an object) in front of the top level.
 * Vision and audio towers are reported once here, since nothing later would read them.
 */
export function openConfig(raw: Record<string, unknown>, log: IssueLog): Config {
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
  return cfg;
}
