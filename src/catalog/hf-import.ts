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
//
// This file only orders the steps; the reading lives in hf-import/: config-reader.ts (field access,
// ignored-field report), families.ts (model_type -> family, the FFN reader table), ffn-readers.ts
// (one FFN/MoE/MLA reader per family) and sliding-window.ts (windowed and chunked layers).

import type { ModelArchitecture } from '../engine/types';
import { IssueLog, type FieldIssue, type ParseOutcome, describeValue, isRecord, own } from '../parse/fields';
import { countParameters } from '../engine/parameters';
import { MODEL_ID_MAX_LENGTH, MODEL_ID_PATTERN, MODEL_LIMITS, parseModelArchitecture } from '../records/model-architecture';
import { type Config, openConfig } from './hf-import/config-reader';
import { FAMILY_LABEL, FFN_READERS, type Family, identifyFamily } from './hf-import/families';
import { readWindow } from './hf-import/sliding-window';

export { fitWindowPattern } from './hf-import/sliding-window';

interface CoreDims {
  hidden: number | undefined;
  layers: number | undefined;
  heads: number | undefined;
  kvHeads: number | undefined;
  vocab: number | undefined;
  context: number | undefined;
  headDim: number | undefined;
  tie: boolean;
}

/** The dimensions every family names alike (with GPT-style aliases), and their family defaults. */
function readCoreDims(cfg: Config, family: Family): CoreDims {
  const { log } = cfg;
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

  // Head dimension; DeepSeek's comes from its MLA fields (its FFN reader).
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
  return { hidden, layers, heads, kvHeads, vocab, context, headDim, tie };
}

function importUnsafe(raw: unknown, options: { id?: string; name?: string }): ParseOutcome<ModelArchitecture> {
  const log = new IssueLog();
  const fail = (): ParseOutcome<ModelArchitecture> => ({ value: null, errors: log.errors, warnings: log.warnings });
  if (!isRecord(raw)) {
    log.error('', `config must be a JSON object (the contents of config.json), got ${describeValue(raw)}`);
    return fail();
  }
  const cfg = openConfig(raw, log);
  const { family, rawModelType } = identifyFamily(cfg, raw);
  const { hidden, layers, heads, kvHeads, vocab, context, headDim: coreHeadDim, tie } = readCoreDims(cfg, family);

  for (const key of ['attention_bias', 'mlp_bias', 'qkv_bias', 'use_bias']) {
    const hit = cfg.find(key);
    if (hit !== undefined && hit.value === true) log.warn(hit.path, 'is true: bias vectors are not modelled (the parameter count is slightly low)');
  }
  const notes: string[] = [];
  const ffn = FFN_READERS[family]({ cfg, log, rawModelType, hidden, layers, heads, headDim: coreHeadDim, notes });
  const { intermediate, moe, mla } = ffn;
  const headDim = ffn.headDim ?? coreHeadDim;
  const slidingWindow = layers !== undefined ? readWindow(family, { cfg, rawModelType, layers, context }) : null;

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
    ffnKind: family === 'gptj' ? 'plain' : 'gated',
    moe,
    mla,
    slidingWindow,
    vocabSize: vocab,
    tieWordEmbeddings: tie,
    maxContextTokens: context,
  };
  const mtpModules = cfg.int(['num_nextn_predict_layers'], MODEL_LIMITS.mtpModules, false);
  if (mtpModules !== undefined && mtpModules > 0) draft.mtpModules = mtpModules;
  // A config has no published parameter count, so the draft carries the computed one.
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
