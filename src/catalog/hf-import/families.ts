// Model families: which model_type maps to which family, the guess when model_type is unknown,
// and the table of FFN/MoE/MLA readers, so that adding a family is one row per table rather than
// another branch in the importer.

import { own } from '../../parse/fields';
import type { Config } from './config-reader';
import { type FfnContext, type FfnResult, mixtralStyle, readDeepseek, readGptj, readLlama4, readLlamaStyle, readQwenMoe } from './ffn-readers';

export type Family = 'llama' | 'qwen-moe' | 'mixtral' | 'deepseek' | 'gpt-oss' | 'gemma' | 'gemma2' | 'gemma3' | 'llama4' | 'gptj';

export const FAMILY_BY_MODEL_TYPE: Record<string, Family> = {
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

export const FAMILY_LABEL: Record<Family, string> = {
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

/**
 * The family from model_type; an unknown or missing model_type is guessed from the field names
 * that only one family uses, with a warning, so that a renamed fine-tune still imports.
 */
export function identifyFamily(cfg: Config, raw: Record<string, unknown>): { family: Family; rawModelType: string | undefined } {
  const modelTypeHit = cfg.find('model_type');
  const rawModelType = modelTypeHit !== undefined && typeof modelTypeHit.value === 'string' ? modelTypeHit.value : undefined;
  if (cfg.nested && typeof own(raw, 'model_type') === 'string') cfg.markConsumed('model_type');
  // own(): a model_type such as "constructor" must not pick up an Object.prototype member.
  const known = rawModelType !== undefined ? (own(FAMILY_BY_MODEL_TYPE, rawModelType) as Family | undefined) : undefined;
  if (known !== undefined) return { family: known, rawModelType };
  const guess: Family = cfg.has('n_embd') || cfg.has('n_layer')
    ? 'gptj'
    : cfg.has('n_routed_experts') || cfg.has('kv_lora_rank')
      ? 'deepseek'
      : cfg.has('num_local_experts')
        ? 'mixtral'
        : cfg.has('num_experts')
          ? 'qwen-moe'
          : 'llama';
  cfg.log.warn(
    modelTypeHit?.path ?? cfg.pathOf('model_type'),
    rawModelType === undefined
      ? `is missing; mapped as a ${FAMILY_LABEL[guess]} config from its field names`
      : `"${rawModelType}" is not a recognized family; mapped as a ${FAMILY_LABEL[guess]} config from its field names`,
  );
  return { family: guess, rawModelType };
}

/** Reads the FFN of one family; never throws, problems go to ctx.log. */
export const FFN_READERS: Record<Family, (ctx: FfnContext) => FfnResult> = {
  llama: readLlamaStyle,
  gemma: readLlamaStyle,
  gemma2: readLlamaStyle,
  gemma3: readLlamaStyle,
  gptj: readGptj,
  mixtral: mixtralStyle(['num_experts_per_tok', 'experts_per_token']),
  'gpt-oss': mixtralStyle(['experts_per_token', 'num_experts_per_tok']),
  'qwen-moe': readQwenMoe,
  deepseek: readDeepseek,
  llama4: readLlama4,
};
