import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ModelArchitecture } from '../../src/engine/types';
import { fitWindowPattern, importHuggingFaceConfig } from '../../src/catalog/hf-import';
import { countParameters } from '../../src/engine/parameters';
import { parseModelArchitecture } from '../../src/records/model-architecture';

const MODELS_DIR = new URL('../../models/', import.meta.url);
function catalog(id: string): ModelArchitecture {
  return JSON.parse(readFileSync(new URL(`${id}.json`, MODELS_DIR), 'utf8')) as ModelArchitecture;
}

// Real config.json files as published on the Hugging Face Hub (copies: ai-dynamo/aiconfigurator
// model_configs, transformers/vLLM/MAX test fixtures). Unused keys kept to exercise the importer.
const LLAMA_31_8B = {
  architectures: ['LlamaForCausalLM'],
  attention_bias: false,
  attention_dropout: 0.0,
  bos_token_id: 128000,
  eos_token_id: 128001,
  hidden_act: 'silu',
  hidden_size: 4096,
  initializer_range: 0.02,
  intermediate_size: 14336,
  max_position_embeddings: 131072,
  mlp_bias: false,
  model_type: 'llama',
  num_attention_heads: 32,
  num_hidden_layers: 32,
  num_key_value_heads: 8,
  pretraining_tp: 1,
  rms_norm_eps: 1e-5,
  rope_scaling: { factor: 8.0, low_freq_factor: 1.0, high_freq_factor: 4.0, original_max_position_embeddings: 8192, rope_type: 'llama3' },
  rope_theta: 500000.0,
  tie_word_embeddings: false,
  torch_dtype: 'bfloat16',
  transformers_version: '4.43.0.dev0',
  use_cache: true,
  vocab_size: 128256,
};

const QWEN3_30B_A3B = {
  architectures: ['Qwen3MoeForCausalLM'],
  attention_bias: false,
  attention_dropout: 0.0,
  bos_token_id: 151643,
  decoder_sparse_step: 1,
  eos_token_id: 151645,
  head_dim: 128,
  hidden_act: 'silu',
  hidden_size: 2048,
  initializer_range: 0.02,
  intermediate_size: 6144,
  max_position_embeddings: 40960,
  max_window_layers: 48,
  mlp_only_layers: [],
  model_type: 'qwen3_moe',
  moe_intermediate_size: 768,
  norm_topk_prob: true,
  num_attention_heads: 32,
  num_experts: 128,
  num_experts_per_tok: 8,
  num_hidden_layers: 48,
  num_key_value_heads: 4,
  output_router_logits: false,
  rms_norm_eps: 1e-6,
  rope_scaling: null,
  rope_theta: 1000000.0,
  router_aux_loss_coef: 0.001,
  sliding_window: null,
  tie_word_embeddings: false,
  torch_dtype: 'bfloat16',
  transformers_version: '4.51.0',
  use_cache: true,
  use_sliding_window: false,
  vocab_size: 151936,
};

const MIXTRAL_8X7B = {
  architectures: ['MixtralForCausalLM'],
  attention_dropout: 0.0,
  bos_token_id: 1,
  eos_token_id: 2,
  hidden_act: 'silu',
  hidden_size: 4096,
  initializer_range: 0.02,
  intermediate_size: 14336,
  max_position_embeddings: 32768,
  model_type: 'mixtral',
  num_attention_heads: 32,
  num_experts_per_tok: 2,
  num_hidden_layers: 32,
  num_key_value_heads: 8,
  num_local_experts: 8,
  output_router_logits: false,
  rms_norm_eps: 1e-5,
  rope_theta: 1e6,
  router_aux_loss_coef: 0.02,
  sliding_window: null,
  tie_word_embeddings: false,
  torch_dtype: 'bfloat16',
  transformers_version: '4.36.0.dev0',
  use_cache: true,
  vocab_size: 32000,
};

const DEEPSEEK_V3 = {
  architectures: ['DeepseekV3ForCausalLM'],
  attention_bias: false,
  attention_dropout: 0.0,
  auto_map: {
    AutoConfig: 'configuration_deepseek.DeepseekV3Config',
    AutoModel: 'modeling_deepseek.DeepseekV3Model',
    AutoModelForCausalLM: 'modeling_deepseek.DeepseekV3ForCausalLM',
  },
  aux_loss_alpha: 0.001,
  bos_token_id: 0,
  eos_token_id: 1,
  ep_size: 1,
  first_k_dense_replace: 3,
  hidden_act: 'silu',
  hidden_size: 7168,
  initializer_range: 0.02,
  intermediate_size: 18432,
  kv_lora_rank: 512,
  max_position_embeddings: 163840,
  model_type: 'deepseek_v3',
  moe_intermediate_size: 2048,
  moe_layer_freq: 1,
  n_group: 8,
  n_routed_experts: 256,
  n_shared_experts: 1,
  norm_topk_prob: true,
  num_attention_heads: 128,
  num_experts_per_tok: 8,
  num_hidden_layers: 61,
  num_key_value_heads: 128,
  num_nextn_predict_layers: 1,
  pretraining_tp: 1,
  q_lora_rank: 1536,
  qk_nope_head_dim: 128,
  qk_rope_head_dim: 64,
  quantization_config: { activation_scheme: 'dynamic', fmt: 'e4m3', quant_method: 'fp8', weight_block_size: [128, 128] },
  rms_norm_eps: 1e-6,
  rope_scaling: { beta_fast: 32, beta_slow: 1, factor: 40, mscale: 1.0, mscale_all_dim: 1.0, original_max_position_embeddings: 4096, type: 'yarn' },
  rope_theta: 10000,
  routed_scaling_factor: 2.5,
  scoring_func: 'sigmoid',
  seq_aux: true,
  tie_word_embeddings: false,
  topk_group: 4,
  topk_method: 'noaux_tc',
  torch_dtype: 'bfloat16',
  transformers_version: '4.33.1',
  use_cache: true,
  v_head_dim: 128,
  vocab_size: 129280,
};

const GPT_OSS_20B = {
  architectures: ['GptOssForCausalLM'],
  attention_bias: true,
  attention_dropout: 0.0,
  eos_token_id: 200002,
  experts_per_token: 4,
  head_dim: 64,
  hidden_act: 'silu',
  hidden_size: 2880,
  initial_context_length: 4096,
  initializer_range: 0.02,
  intermediate_size: 2880,
  layer_types: Array.from({ length: 24 }, (_, i) => (i % 2 === 0 ? 'sliding_attention' : 'full_attention')),
  max_position_embeddings: 131072,
  model_type: 'gpt_oss',
  num_attention_heads: 64,
  num_experts_per_tok: 4,
  num_hidden_layers: 24,
  num_key_value_heads: 8,
  num_local_experts: 32,
  output_router_logits: false,
  pad_token_id: 199999,
  quantization_config: {
    modules_to_not_convert: ['model.layers.*.self_attn', 'model.layers.*.mlp.router', 'model.embed_tokens', 'lm_head'],
    quant_method: 'mxfp4',
  },
  rms_norm_eps: 1e-5,
  rope_scaling: { beta_fast: 32.0, beta_slow: 1.0, factor: 32.0, original_max_position_embeddings: 4096, rope_type: 'yarn', truncate: false },
  rope_theta: 150000,
  router_aux_loss_coef: 0.9,
  sliding_window: 128,
  swiglu_limit: 7.0,
  tie_word_embeddings: false,
  transformers_version: '4.55.0.dev0',
  use_cache: true,
  vocab_size: 201088,
};

// google/gemma-3-27b-it: the text model is nested and relies on Gemma3TextConfig defaults
// (vocab_size 262208, max_position_embeddings 131072, sliding_window_pattern 6).
const GEMMA_3_27B = {
  architectures: ['Gemma3ForConditionalGeneration'],
  boi_token_index: 255999,
  eoi_token_index: 256000,
  eos_token_id: [1, 106],
  image_token_index: 262144,
  initializer_range: 0.02,
  mm_tokens_per_image: 256,
  model_type: 'gemma3',
  text_config: {
    head_dim: 128,
    hidden_size: 5376,
    intermediate_size: 21504,
    model_type: 'gemma3_text',
    num_attention_heads: 32,
    num_hidden_layers: 62,
    num_key_value_heads: 16,
    query_pre_attn_scalar: 168,
    rope_scaling: { factor: 8.0, rope_type: 'linear' },
    sliding_window: 1024,
  },
  torch_dtype: 'bfloat16',
  transformers_version: '4.50.0.dev0',
  vision_config: {
    hidden_size: 1152,
    image_size: 896,
    intermediate_size: 4304,
    model_type: 'siglip_vision_model',
    num_attention_heads: 16,
    num_hidden_layers: 27,
    patch_size: 14,
    vision_use_head: false,
  },
};

// meta-llama/Llama-4-Scout-17B-16E-Instruct (copy in ai-dynamo/aiconfigurator, vision_config trimmed).
const LLAMA_4_SCOUT_TEXT = {
  attention_bias: false,
  attention_chunk_size: 8192,
  attention_dropout: 0.0,
  head_dim: 128,
  hidden_act: 'silu',
  hidden_size: 5120,
  interleave_moe_layer_step: 1,
  intermediate_size: 8192,
  intermediate_size_mlp: 16384,
  max_position_embeddings: 10485760,
  model_type: 'llama4_text',
  num_attention_heads: 40,
  num_experts_per_tok: 1,
  num_hidden_layers: 48,
  num_key_value_heads: 8,
  num_local_experts: 16,
  output_router_logits: false,
  rms_norm_eps: 1e-5,
  rope_scaling: { factor: 16.0, high_freq_factor: 1.0, low_freq_factor: 1.0, original_max_position_embeddings: 8192, rope_type: 'llama3' },
  rope_theta: 500000.0,
  router_aux_loss_coef: 0.001,
  torch_dtype: 'bfloat16',
  use_cache: true,
  use_qk_norm: true,
  vocab_size: 202048,
};
const LLAMA_4_SCOUT = {
  architectures: ['Llama4ForConditionalGeneration'],
  boi_token_index: 200080,
  eoi_token_index: 200081,
  image_token_index: 200092,
  model_type: 'llama4',
  text_config: LLAMA_4_SCOUT_TEXT,
  torch_dtype: 'bfloat16',
  transformers_version: '4.51.0.dev0',
  vision_config: { hidden_size: 1408, model_type: 'llama4_vision_model', num_hidden_layers: 34 },
};
const LLAMA_4_MAVERICK = {
  ...LLAMA_4_SCOUT,
  text_config: {
    ...LLAMA_4_SCOUT_TEXT,
    interleave_moe_layer_step: 2,
    max_position_embeddings: 1048576,
    num_local_experts: 128,
    rope_scaling: null,
    use_qk_norm: false,
  },
};

const GPT_J_6B = {
  activation_function: 'gelu_new',
  architectures: ['GPTJForCausalLM'],
  attn_pdrop: 0.0,
  bos_token_id: 50256,
  embd_pdrop: 0.0,
  eos_token_id: 50256,
  gradient_checkpointing: false,
  initializer_range: 0.02,
  layer_norm_epsilon: 1e-5,
  model_type: 'gptj',
  n_embd: 4096,
  n_head: 16,
  n_inner: null,
  n_layer: 28,
  n_positions: 2048,
  resid_pdrop: 0.0,
  rotary: true,
  rotary_dim: 64,
  scale_attn_weights: true,
  summary_activation: null,
  summary_first_dropout: 0.1,
  summary_proj_to_labels: true,
  summary_type: 'cls_index',
  summary_use_proj: true,
  task_specific_params: { 'text-generation': { do_sample: true, max_length: 50, temperature: 1.0 } },
  tie_word_embeddings: false,
  tokenizer_class: 'GPT2Tokenizer',
  transformers_version: '4.18.0.dev0',
  use_cache: true,
  vocab_size: 50400,
};

const ARCH_FIELDS = [
  'numLayers', 'hiddenSize', 'numAttentionHeads', 'numKeyValueHeads', 'headDim', 'intermediateSize', 'ffnKind',
  'moe', 'mla', 'slidingWindow', 'vocabSize', 'tieWordEmbeddings', 'maxContextTokens',
] as const;

const CASES: { config: Record<string, unknown>; catalogId: string }[] = [
  { config: LLAMA_31_8B, catalogId: 'llama-3.1-8b' },
  { config: QWEN3_30B_A3B, catalogId: 'qwen3-30b-a3b' },
  { config: MIXTRAL_8X7B, catalogId: 'mixtral-8x7b' },
  { config: DEEPSEEK_V3, catalogId: 'deepseek-v3' },
  { config: GPT_OSS_20B, catalogId: 'gpt-oss-20b' },
  { config: GEMMA_3_27B, catalogId: 'gemma-3-27b' },
  { config: LLAMA_4_SCOUT, catalogId: 'llama-4-scout' },
  { config: LLAMA_4_MAVERICK, catalogId: 'llama-4-maverick' },
  { config: GPT_J_6B, catalogId: 'gpt-j-6b' },
];

describe('importHuggingFaceConfig on real configs', () => {
  it.each(CASES)('$catalogId: same architecture and parameter count as the catalog file', ({ config, catalogId }) => {
    const outcome = importHuggingFaceConfig(config, { id: `imported-${catalogId}` });
    expect(outcome.errors).toEqual([]);
    const model = outcome.value;
    expect(model).not.toBeNull();
    if (model === null) return;
    const reference = catalog(catalogId);
    for (const field of ARCH_FIELDS) expect(model[field], field).toEqual(reference[field]);
    const imported = countParameters(model);
    const expected = countParameters(reference);
    expect(Math.abs(imported.totalParams - expected.totalParams) / expected.totalParams).toBeLessThanOrEqual(0.01);
    expect(Math.abs(imported.activeParams - expected.activeParams) / expected.activeParams).toBeLessThanOrEqual(0.01);
    expect(model.publishedParamsTotal).toBe(imported.totalParams);
    expect(model.publishedParamsActive).toBe(model.moe ? imported.activeParams : null);
    expect(model.paramsNote).toMatch(/computed/);
    expect(model.id).toBe(`imported-${catalogId}`);
    // The result is a valid ModelArchitecture on its own.
    expect(parseModelArchitecture(model).errors).toEqual([]);
  });

  it('key fields of the MoE/MLA/window families', () => {
    const ds = importHuggingFaceConfig(DEEPSEEK_V3).value;
    expect(ds?.mla).toEqual({ kvLoraRank: 512, qLoraRank: 1536, qkNopeHeadDim: 128, qkRopeHeadDim: 64, vHeadDim: 128 });
    expect(ds?.moe).toMatchObject({ numExperts: 256, expertsPerToken: 8, numSharedExperts: 1, firstDenseLayers: 3, moeLayerPeriod: 1 });
    const qwen = importHuggingFaceConfig(QWEN3_30B_A3B).value;
    expect(qwen?.moe).toMatchObject({ numExperts: 128, expertsPerToken: 8, numSharedExperts: 0, expertIntermediateSize: 768 });
    expect(qwen?.intermediateSize).toBe(0);
    expect(importHuggingFaceConfig(GPT_OSS_20B).value?.slidingWindow).toEqual({ windowTokens: 128, period: 2, globalPerPeriod: 1 });
    expect(importHuggingFaceConfig(GEMMA_3_27B).value?.slidingWindow).toEqual({ windowTokens: 1024, period: 6, globalPerPeriod: 1 });
    expect(importHuggingFaceConfig(LLAMA_4_SCOUT).value?.slidingWindow).toEqual({ windowTokens: 8192, period: 4, globalPerPeriod: 1 });
    expect(importHuggingFaceConfig(LLAMA_4_MAVERICK).value?.moe).toMatchObject({ numExperts: 128, numSharedExperts: 1, moeLayerPeriod: 2 });
    expect(importHuggingFaceConfig(GPT_J_6B).value).toMatchObject({ ffnKind: 'plain', headDim: 256, intermediateSize: 16384, maxContextTokens: 2048 });
  });

  it('derives an id and name from _name_or_path, or uses the options', () => {
    const named = importHuggingFaceConfig({ ...LLAMA_31_8B, _name_or_path: 'meta-llama/Llama-3.1-8B' }).value;
    expect(named?.id).toBe('llama-3.1-8b');
    expect(named?.name).toBe('meta-llama/Llama-3.1-8B');
    const plain = importHuggingFaceConfig(LLAMA_31_8B).value;
    expect(plain?.id).toBe('imported-llama');
    const opts = importHuggingFaceConfig(LLAMA_31_8B, { id: 'my-model', name: 'My model' }).value;
    expect(opts).toMatchObject({ id: 'my-model', name: 'My model' });
  });

  it('warns about what it cannot map, naming the field', () => {
    const ds = importHuggingFaceConfig(DEEPSEEK_V3);
    const paths = ds.warnings.map((w) => w.path);
    // Its weights are not counted, but the module count is read: 'mtp' speculative decoding needs it.
    expect(paths).toContain('num_nextn_predict_layers');
    expect(ds.value?.mtpModules).toBe(1);
    expect(importHuggingFaceConfig(LLAMA_31_8B).value?.mtpModules).toBeUndefined();
    expect(paths).toContain('quantization_config');
    const oss = importHuggingFaceConfig(GPT_OSS_20B);
    expect(oss.warnings.map((w) => w.path)).toContain('attention_bias');
    const gemma = importHuggingFaceConfig(GEMMA_3_27B);
    const gemmaPaths = gemma.warnings.map((w) => w.path);
    expect(gemmaPaths).toEqual(expect.arrayContaining(['vision_config', 'text_config.vocab_size', 'text_config.max_position_embeddings', 'text_config.sliding_window_pattern']));
    const extra = importHuggingFaceConfig({ ...LLAMA_31_8B, some_new_knob: 3 });
    expect(extra.warnings.find((w) => w.path === 'some_new_knob')?.message).toMatch(/ignored/);
    // A clean Llama config has nothing to warn about.
    expect(importHuggingFaceConfig(LLAMA_31_8B).warnings).toEqual([]);
  });

  it('maps Mistral-style all-layer sliding windows and ignores windows as long as the context', () => {
    const mistral = importHuggingFaceConfig({ ...LLAMA_31_8B, model_type: 'mistral', sliding_window: 4096, max_position_embeddings: 32768 });
    expect(mistral.value?.slidingWindow).toEqual({ windowTokens: 4096, period: 1, globalPerPeriod: 0 });
    const phi = importHuggingFaceConfig({ ...LLAMA_31_8B, model_type: 'phi3', sliding_window: 262144 });
    expect(phi.value?.slidingWindow).toBeNull();
    expect(phi.warnings.map((w) => w.path)).toContain('sliding_window');
    const qwen = importHuggingFaceConfig({ ...LLAMA_31_8B, model_type: 'qwen2', sliding_window: 4096, use_sliding_window: false });
    expect(qwen.value?.slidingWindow).toBeNull();
  });

  it('fits layer-type lists to the window pattern', () => {
    expect(fitWindowPattern([true, false, true, false])).toEqual({ period: 2, globalPerPeriod: 1, exact: true });
    expect(fitWindowPattern([true, true, true, true, true, false, true, true])).toEqual({ period: 6, globalPerPeriod: 1, exact: true });
    expect(fitWindowPattern([false, false])).toBeNull();
    expect(fitWindowPattern([true, true])).toEqual({ period: 1, globalPerPeriod: 0, exact: true });
    expect(fitWindowPattern([false, true, true, false, true, false, true, true, true])?.exact).toBe(false);
  });
});

describe('importHuggingFaceConfig on malformed input', () => {
  it.each([null, undefined, 42, 'config', [], true])('rejects %s with a root error', (raw) => {
    const outcome = importHuggingFaceConfig(raw);
    expect(outcome.value).toBeNull();
    expect(outcome.errors[0]?.path).toBe('');
  });

  it('names each missing essential field', () => {
    const outcome = importHuggingFaceConfig({ model_type: 'llama' });
    expect(outcome.value).toBeNull();
    const paths = outcome.errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['hidden_size', 'num_hidden_layers', 'num_attention_heads', 'vocab_size', 'max_position_embeddings', 'intermediate_size']));
  });

  it('names the field and the range of a bad value', () => {
    const bad = importHuggingFaceConfig({ ...LLAMA_31_8B, hidden_size: -4096 });
    expect(bad.errors[0]?.path).toBe('hidden_size');
    expect(bad.errors[0]?.message).toMatch(/integer from 1 to 131072/);
    const str = importHuggingFaceConfig({ ...LLAMA_31_8B, num_hidden_layers: '32' });
    expect(str.errors.map((e) => e.path)).toContain('num_hidden_layers');
    const kv = importHuggingFaceConfig({ ...LLAMA_31_8B, num_key_value_heads: 5 });
    expect(kv.errors.map((e) => e.path)).toContain('num_key_value_heads');
    const topk = importHuggingFaceConfig({ ...MIXTRAL_8X7B, num_experts_per_tok: 9 });
    expect(topk.errors.map((e) => e.path)).toContain('num_experts_per_tok');
    const nested = importHuggingFaceConfig({ ...GEMMA_3_27B, text_config: { ...GEMMA_3_27B.text_config, num_hidden_layers: 0 } });
    expect(nested.errors.map((e) => e.path)).toContain('text_config.num_hidden_layers');
    const textNotObject = importHuggingFaceConfig({ model_type: 'gemma3', text_config: 7 });
    expect(textNotObject.errors.map((e) => e.path)).toContain('text_config');
    const badId = importHuggingFaceConfig(LLAMA_31_8B, { id: 'Not An Id' });
    expect(badId.value).toBeNull();
    expect(badId.errors.map((e) => e.path)).toContain('id');
  });

  it('never throws on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (raw) => {
        const outcome = importHuggingFaceConfig(raw);
        expect(Array.isArray(outcome.errors)).toBe(true);
        if (outcome.value !== null) expect(parseModelArchitecture(outcome.value).errors).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws when fields of a real config are replaced by arbitrary JSON', () => {
    const configs = CASES.map((c) => c.config);
    const keys = [...new Set(configs.flatMap((c) => Object.keys(c)).concat(Object.keys(LLAMA_4_SCOUT_TEXT)))];
    fc.assert(
      fc.property(
        fc.constantFrom(...configs),
        fc.dictionary(fc.constantFrom(...keys), fc.oneof(fc.jsonValue(), fc.integer({ min: -10, max: 300000 }))),
        fc.boolean(),
        (base, patch, intoText) => {
          const raw = intoText && 'text_config' in base
            ? { ...base, text_config: { ...(base.text_config as Record<string, unknown>), ...patch } }
            : { ...base, ...patch };
          const outcome = importHuggingFaceConfig(raw);
          if (outcome.value !== null) {
            expect(outcome.errors).toEqual([]);
            expect(parseModelArchitecture(outcome.value).errors).toEqual([]);
          } else {
            expect(outcome.errors.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
