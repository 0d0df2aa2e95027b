// A decoder-only transformer as its official config describes it, declared once: the schema is
// the type, the parser (models/*.json, uploads, links, Hugging Face imports after translation),
// the limits and the messages. A model with any error has no value: a half-valid architecture
// would give silently wrong costs; warnings (unknown keys, legacy defaults) keep the value.
//
// Conventions (see engine/parameters.ts for the layer, window and FFN semantics):
// - id: lowercase kebab-case, dots allowed inside (qwen2.5-7b), at most 64 characters.
// - intermediateSize may be 0 only when no layer uses the dense FFN (all layers MoE).
// - For MLA models headDim is informational (qkNopeHeadDim + qkRopeHeadDim are used).

import { parseRecord, type Migration, type RecordVersioning } from '../schema/migrate';
import { s, type Infer, type Parsed } from '../schema/schema';

export const MODEL_ID_PATTERN = /^[a-z0-9]+(?:[.-][a-z0-9]+)*$/;
export const MODEL_ID_MAX_LENGTH = 64;

export const MODEL_LIMITS = {
  params: { min: 1, max: 1e14, unit: 'parameters' },
  numLayers: { min: 1, max: 1000, integer: true },
  hiddenSize: { min: 1, max: 131072, integer: true },
  numAttentionHeads: { min: 1, max: 16384, integer: true },
  headDim: { min: 1, max: 4096, integer: true },
  intermediateSize: { min: 0, max: 1048576, integer: true },
  vocabSize: { min: 1, max: 1e7, integer: true },
  maxContextTokens: { min: 1, max: 1e8, integer: true, unit: 'tokens' },
  numExperts: { min: 1, max: 4096, integer: true },
  expertsPerToken: { min: 1, max: 4096, integer: true },
  numSharedExperts: { min: 0, max: 64, integer: true },
  expertIntermediateSize: { min: 1, max: 1048576, integer: true },
  firstDenseLayers: { min: 0, max: 999, integer: true },
  moeLayerPeriod: { min: 1, max: 1000, integer: true },
  loraRank: { min: 1, max: 65536, integer: true },
  mlaHeadDim: { min: 0, max: 4096, integer: true },
  vHeadDim: { min: 1, max: 4096, integer: true },
  windowTokens: { min: 1, max: 1e8, integer: true, unit: 'tokens' },
  period: { min: 1, max: 1000, integer: true },
  globalPerPeriod: { min: 0, max: 1000, integer: true },
  mtpModules: { min: 0, max: 16, integer: true },
} as const;

const M = MODEL_LIMITS;
const text = (maxLength: number) => s.string({ maxLength, nonEmpty: true });

const moeSchema = s.object({
  numExperts: s.number(M.numExperts),
  expertsPerToken: s.number(M.expertsPerToken),
  numSharedExperts: s.number(M.numSharedExperts).defaultWithWarning(0, 'is missing; assuming 0 shared experts'),
  expertIntermediateSize: s.number(M.expertIntermediateSize),
  /** Width of each shared expert (null: as wide as the routed experts). */
  sharedExpertIntermediateSize: s.number(M.expertIntermediateSize).nullable()
    .defaultWithWarning(null, 'is missing; assuming null (shared experts as wide as routed experts)'),
  /** Leading layers that use the dense FFN (DeepSeek first_k_dense_replace). */
  firstDenseLayers: s.number(M.firstDenseLayers).defaultWithWarning(0, 'is missing; assuming 0'),
  /** Every n-th layer is MoE (Llama-4 Maverick interleaves: 2); 1 = every layer. */
  moeLayerPeriod: s.number(M.moeLayerPeriod).defaultWithWarning(1, 'is missing; assuming 1 (every layer MoE)'),
}, { listKnownKeys: true }).check((moe, path, log) => {
  if (moe.expertsPerToken > moe.numExperts) {
    log.error(`${path}.expertsPerToken`, `must be an integer from 1 to numExperts (${moe.numExperts}), got ${moe.expertsPerToken}`);
  }
});

const mlaSchema = s.object({
  kvLoraRank: s.number(M.loraRank),
  /** null = no query compression (full-rank Q projection). */
  qLoraRank: s.number(M.loraRank).nullable(),
  qkNopeHeadDim: s.number(M.mlaHeadDim),
  qkRopeHeadDim: s.number(M.mlaHeadDim),
  vHeadDim: s.number(M.vHeadDim),
}, { listKnownKeys: true }).check((mla, path, log) => {
  if (mla.qkNopeHeadDim + mla.qkRopeHeadDim === 0) log.error(`${path}.qkNopeHeadDim`, 'qkNopeHeadDim + qkRopeHeadDim must be at least 1');
});

const slidingWindowSchema = s.object({
  windowTokens: s.number(M.windowTokens),
  /** Out of every `period` layers, the last `globalPerPeriod` are full attention. */
  period: s.number(M.period),
  globalPerPeriod: s.number(M.globalPerPeriod),
}, { listKnownKeys: true }).check((sw, path, log) => {
  if (sw.globalPerPeriod > sw.period) {
    log.error(`${path}.globalPerPeriod`, `must be an integer from 0 to ${sw.period}, got ${sw.globalPerPeriod}`);
  } else if (sw.globalPerPeriod === sw.period) {
    log.warn(`${path}.globalPerPeriod`, `equals period (${sw.period}): no layer is windowed; use slidingWindow: null`);
  }
});

const modelObject = s.object({
  schemaVersion: s.literal(1),
  id: s.string({
    maxLength: MODEL_ID_MAX_LENGTH,
    pattern: MODEL_ID_PATTERN,
    patternText: `lowercase kebab-case (a-z, 0-9, '-' and '.' between them, e.g. "qwen2.5-7b")`,
  }),
  name: text(120),
  family: text(120),
  source: text(2000),
  /** Published total parameter count and what it counts. */
  publishedParamsTotal: s.number(M.params),
  /** Active parameters per token (MoE); null for dense models. */
  publishedParamsActive: s.number(M.params).nullable(),
  paramsNote: s.string({ maxLength: 2000 }).optional(),
  numLayers: s.number(M.numLayers),
  hiddenSize: s.number(M.hiddenSize),
  numAttentionHeads: s.number(M.numAttentionHeads),
  numKeyValueHeads: s.number(M.numAttentionHeads),
  headDim: s.number(M.headDim),
  /** Dense FFN width (used by dense layers). */
  intermediateSize: s.number(M.intermediateSize),
  /** 'gated' = SwiGLU/GeGLU (3 matrices); 'plain' = up/down (2 matrices, e.g. GPT-J). */
  ffnKind: s.enum(['gated', 'plain'] as const),
  moe: moeSchema.nullable(),
  mla: mlaSchema.nullable(),
  /** Local (windowed/chunked) attention; null = all layers full attention. */
  slidingWindow: slidingWindowSchema.nullable(),
  vocabSize: s.number(M.vocabSize),
  tieWordEmbeddings: s.boolean(),
  maxContextTokens: s.number(M.maxContextTokens),
  /**
   * Multi-token-prediction modules shipped with the checkpoint (HF num_nextn_predict_layers;
   * DeepSeek-V3 has 1): what 'mtp' speculative decoding drafts with. Absent = none, and stays
   * absent, so the records (and link fingerprints) of models without one are unchanged.
   */
  mtpModules: s.number(M.mtpModules).optional(),
}, { what: 'an object', listKnownKeys: true });

export const modelArchitectureSchema = modelObject.check((m, _path, log) => {
  if (m.numKeyValueHeads > m.numAttentionHeads) {
    log.error('numKeyValueHeads', `must be an integer from 1 to ${m.numAttentionHeads}, got ${m.numKeyValueHeads}`);
  } else if (m.numAttentionHeads % m.numKeyValueHeads !== 0) {
    log.error('numKeyValueHeads', `must divide numAttentionHeads (${m.numAttentionHeads}), got ${m.numKeyValueHeads}`);
  }
  if (m.publishedParamsActive !== null && m.publishedParamsActive > m.publishedParamsTotal) {
    log.error('publishedParamsActive', `must not exceed publishedParamsTotal (${m.publishedParamsTotal}), got ${m.publishedParamsActive}`);
  }
  const moe = m.moe;
  if (moe !== null) {
    if (moe.firstDenseLayers > m.numLayers - 1) {
      log.error('moe.firstDenseLayers', `must be an integer from 0 to ${Math.max(0, m.numLayers - 1)}, got ${moe.firstDenseLayers}`);
      return;
    }
    if (moe.moeLayerPeriod > m.numLayers - moe.firstDenseLayers) {
      log.error('moe.moeLayerPeriod', `must be an integer from 1 to ${Math.max(1, m.numLayers - moe.firstDenseLayers)}, got ${moe.moeLayerPeriod}`);
      return;
    }
  }
  const moeLayers = moe === null ? 0 : Math.max(0, Math.floor((m.numLayers - moe.firstDenseLayers) / moe.moeLayerPeriod));
  const denseLayers = m.numLayers - moeLayers;
  if (moe !== null && moeLayers === 0) {
    log.error('moe.firstDenseLayers', `leaves no MoE layer among ${m.numLayers} layers (firstDenseLayers ${moe.firstDenseLayers}, moeLayerPeriod ${moe.moeLayerPeriod})`);
  }
  if (denseLayers > 0 && m.intermediateSize === 0) {
    log.error('intermediateSize', `must be an integer from 1 to ${M.intermediateSize.max} because ${denseLayers} layer(s) use the dense FFN; 0 is allowed only when every layer is MoE`);
  }
  if (denseLayers === 0 && m.intermediateSize > 0) {
    log.warn('intermediateSize', `is ${m.intermediateSize} but no layer uses the dense FFN (every layer is MoE); use 0`);
  }
  if (moe === null && m.publishedParamsActive !== null) {
    log.warn('publishedParamsActive', 'is set on a dense model (moe is null); expected null');
  }
});

export type ModelArchitecture = Infer<typeof modelObject>;
export type MoeConfig = NonNullable<ModelArchitecture['moe']>;
export type MlaConfig = NonNullable<ModelArchitecture['mla']>;
export type SlidingWindowConfig = NonNullable<ModelArchitecture['slidingWindow']>;

/** Numbered migrations of model files: migration N reads version N and writes N+1. */
export const MODEL_MIGRATIONS: readonly Migration[] = [];

export const MODEL_VERSIONING: RecordVersioning = { current: 1, migrations: MODEL_MIGRATIONS, what: 'model architectures' };

/** Validates `raw` as a ModelArchitecture (any schema version). Never throws. */
export function parseModelArchitecture(raw: unknown): Parsed<ModelArchitecture> {
  return parseRecord(modelArchitectureSchema, MODEL_VERSIONING, raw, 'a model');
}
