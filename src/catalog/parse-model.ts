// Validates an untrusted value (a models/*.json file, a UI edit, an imported config) as a
// ModelArchitecture. Never throws. Every problem names its field path and the accepted range.
// The value is null whenever there is at least one error (a half-valid architecture would give
// silently wrong costs); warnings (unknown keys, suspicious but usable values) keep the value.
//
// Conventions (see param-count.ts for the layer, window and FFN semantics):
// - id: lowercase kebab-case, dots allowed inside (qwen2.5-7b), at most 64 characters.
// - intermediateSize may be 0 only when no layer uses the dense FFN (all layers MoE).
// - For MLA models headDim is informational (use qkNopeHeadDim + qkRopeHeadDim); the MLA block is used.
// - Optional MoE keys: numSharedExperts (0), sharedExpertIntermediateSize (null), firstDenseLayers (0)
//   and moeLayerPeriod (1) default with a warning when missing.

import type { MlaConfig, ModelArchitecture, MoeConfig, SlidingWindowConfig } from '../engine/types';
import {
  IssueLog,
  type ParseOutcome,
  describeValue,
  isRecord,
  joinPath,
  own,
  readBoolean,
  readEnum,
  readNumber,
  readString,
} from '../parse/fields';

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
  numSharedExperts: { min: 0, max: 64, integer: true },
  expertIntermediateSize: { min: 1, max: 1048576, integer: true },
  loraRank: { min: 1, max: 65536, integer: true },
  mlaHeadDim: { min: 0, max: 4096, integer: true },
  windowTokens: { min: 1, max: 1e8, integer: true, unit: 'tokens' },
  period: { min: 1, max: 1000, integer: true },
} as const;

const TOP_KEYS = [
  'id', 'name', 'family', 'source', 'publishedParamsTotal', 'publishedParamsActive', 'paramsNote',
  'numLayers', 'hiddenSize', 'numAttentionHeads', 'numKeyValueHeads', 'headDim', 'intermediateSize',
  'ffnKind', 'moe', 'mla', 'slidingWindow', 'vocabSize', 'tieWordEmbeddings', 'maxContextTokens',
] as const;
const MOE_KEYS = [
  'numExperts', 'expertsPerToken', 'numSharedExperts', 'expertIntermediateSize',
  'sharedExpertIntermediateSize', 'firstDenseLayers', 'moeLayerPeriod',
] as const;
const MLA_KEYS = ['kvLoraRank', 'qLoraRank', 'qkNopeHeadDim', 'qkRopeHeadDim', 'vHeadDim'] as const;
const SW_KEYS = ['windowTokens', 'period', 'globalPerPeriod'] as const;

function warnUnknownKeys(log: IssueLog, record: Record<string, unknown>, path: string, known: readonly string[]): void {
  for (const key of Object.keys(record)) {
    if (!known.includes(key)) log.warn(joinPath(path, key), `is not a known field and was ignored (known: ${known.join(', ')})`);
  }
}

/** Reads a nullable sub-object: missing -> error, null -> null, non-object -> error. */
function readNullableObject(log: IssueLog, record: Record<string, unknown>, key: string): Record<string, unknown> | null | undefined {
  const raw = own(record, key);
  if (raw === undefined) {
    log.error(key, 'is missing; expected an object or null');
    return undefined;
  }
  if (raw === null) return null;
  if (!isRecord(raw)) {
    log.error(key, `must be an object or null, got ${describeValue(raw)}`);
    return undefined;
  }
  return raw;
}

function readMoe(log: IssueLog, raw: Record<string, unknown>, numLayers: number): MoeConfig | null {
  const path = 'moe';
  const errorsBefore = log.errors.length;
  warnUnknownKeys(log, raw, path, MOE_KEYS);
  const numExperts = readNumber(log, raw, 'numExperts', path, MODEL_LIMITS.numExperts, 1);
  const expertsPerToken = readNumber(log, raw, 'expertsPerToken', path, { min: 1, max: 4096, integer: true }, 1);
  if (expertsPerToken > numExperts) {
    log.error('moe.expertsPerToken', `must be an integer from 1 to numExperts (${numExperts}), got ${expertsPerToken}`);
  }
  const expertIntermediateSize = readNumber(log, raw, 'expertIntermediateSize', path, MODEL_LIMITS.expertIntermediateSize, 1);

  let numSharedExperts = 0;
  if (own(raw, 'numSharedExperts') === undefined) log.warn('moe.numSharedExperts', 'is missing; assuming 0 shared experts');
  else numSharedExperts = readNumber(log, raw, 'numSharedExperts', path, MODEL_LIMITS.numSharedExperts, 0);

  let sharedExpertIntermediateSize: number | null = null;
  const sharedRaw = own(raw, 'sharedExpertIntermediateSize');
  if (sharedRaw === undefined) {
    log.warn('moe.sharedExpertIntermediateSize', 'is missing; assuming null (shared experts as wide as routed experts)');
  } else if (sharedRaw !== null) {
    sharedExpertIntermediateSize = readNumber(log, raw, 'sharedExpertIntermediateSize', path, MODEL_LIMITS.expertIntermediateSize, 1);
  }

  let firstDenseLayers = 0;
  const maxFirstDense = Math.max(0, numLayers - 1);
  if (own(raw, 'firstDenseLayers') === undefined) log.warn('moe.firstDenseLayers', 'is missing; assuming 0');
  else firstDenseLayers = readNumber(log, raw, 'firstDenseLayers', path, { min: 0, max: maxFirstDense, integer: true }, 0);

  let moeLayerPeriod = 1;
  const maxPeriod = Math.max(1, numLayers - firstDenseLayers);
  if (own(raw, 'moeLayerPeriod') === undefined) log.warn('moe.moeLayerPeriod', 'is missing; assuming 1 (every layer MoE)');
  else moeLayerPeriod = readNumber(log, raw, 'moeLayerPeriod', path, { min: 1, max: maxPeriod, integer: true }, 1);

  if (log.errors.length > errorsBefore) return null;
  return {
    numExperts,
    expertsPerToken,
    numSharedExperts,
    expertIntermediateSize,
    sharedExpertIntermediateSize,
    firstDenseLayers,
    moeLayerPeriod,
  };
}

function readMla(log: IssueLog, raw: Record<string, unknown>): MlaConfig | null {
  const path = 'mla';
  const errorsBefore = log.errors.length;
  warnUnknownKeys(log, raw, path, MLA_KEYS);
  const kvLoraRank = readNumber(log, raw, 'kvLoraRank', path, MODEL_LIMITS.loraRank, 1);
  let qLoraRank: number | null = null;
  const q = own(raw, 'qLoraRank');
  if (q === undefined) log.error('mla.qLoraRank', `is missing; expected null (no query compression) or an integer from 1 to ${MODEL_LIMITS.loraRank.max}`);
  else if (q !== null) qLoraRank = readNumber(log, raw, 'qLoraRank', path, MODEL_LIMITS.loraRank, 1);
  const qkNopeHeadDim = readNumber(log, raw, 'qkNopeHeadDim', path, MODEL_LIMITS.mlaHeadDim, 0);
  const qkRopeHeadDim = readNumber(log, raw, 'qkRopeHeadDim', path, MODEL_LIMITS.mlaHeadDim, 0);
  const vHeadDim = readNumber(log, raw, 'vHeadDim', path, { min: 1, max: 4096, integer: true }, 1);
  if (log.errors.length === errorsBefore && qkNopeHeadDim + qkRopeHeadDim === 0) {
    log.error('mla.qkNopeHeadDim', 'qkNopeHeadDim + qkRopeHeadDim must be at least 1');
  }
  if (log.errors.length > errorsBefore) return null;
  return { kvLoraRank, qLoraRank, qkNopeHeadDim, qkRopeHeadDim, vHeadDim };
}

function readSlidingWindow(log: IssueLog, raw: Record<string, unknown>): SlidingWindowConfig | null {
  const path = 'slidingWindow';
  const errorsBefore = log.errors.length;
  warnUnknownKeys(log, raw, path, SW_KEYS);
  const windowTokens = readNumber(log, raw, 'windowTokens', path, MODEL_LIMITS.windowTokens, 1);
  const period = readNumber(log, raw, 'period', path, MODEL_LIMITS.period, 1);
  const globalPerPeriod = readNumber(log, raw, 'globalPerPeriod', path, { min: 0, max: period, integer: true }, 0);
  if (log.errors.length > errorsBefore) return null;
  if (globalPerPeriod === period) {
    log.warn('slidingWindow.globalPerPeriod', `equals period (${period}): no layer is windowed; use slidingWindow: null`);
  }
  return { windowTokens, period, globalPerPeriod };
}

function parseUnsafe(raw: unknown): ParseOutcome<ModelArchitecture> {
  const log = new IssueLog();
  if (!isRecord(raw)) {
    log.error('', `model must be an object, got ${describeValue(raw)}`);
    return { value: null, errors: log.errors, warnings: log.warnings };
  }
  warnUnknownKeys(log, raw, '', TOP_KEYS);

  const idRaw = own(raw, 'id');
  const id = readString(log, raw, 'id', '', '', { maxLength: MODEL_ID_MAX_LENGTH });
  if (typeof idRaw === 'string' && idRaw.length <= MODEL_ID_MAX_LENGTH && !MODEL_ID_PATTERN.test(idRaw)) {
    log.error('id', `must be lowercase kebab-case (a-z, 0-9, '-' and '.' between them, e.g. "qwen2.5-7b"), 1 to ${MODEL_ID_MAX_LENGTH} characters, got ${describeValue(idRaw)}`);
  }
  const name = readString(log, raw, 'name', '', '', { maxLength: 120 });
  if (typeof own(raw, 'name') === 'string' && name.trim() === '') log.error('name', 'must not be empty');
  const family = readString(log, raw, 'family', '', '', { maxLength: 120 });
  if (typeof own(raw, 'family') === 'string' && family.trim() === '') log.error('family', 'must not be empty');
  const source = readString(log, raw, 'source', '', '', { maxLength: 2000 });
  if (typeof own(raw, 'source') === 'string' && source.trim() === '') log.error('source', 'must not be empty');

  const publishedParamsTotal = readNumber(log, raw, 'publishedParamsTotal', '', MODEL_LIMITS.params, 1);
  let publishedParamsActive: number | null = null;
  const activeRaw = own(raw, 'publishedParamsActive');
  if (activeRaw === undefined) log.error('publishedParamsActive', 'is missing; expected null (dense) or a number of parameters');
  else if (activeRaw !== null) {
    publishedParamsActive = readNumber(log, raw, 'publishedParamsActive', '', MODEL_LIMITS.params, 1);
    if (publishedParamsActive > publishedParamsTotal) {
      log.error('publishedParamsActive', `must not exceed publishedParamsTotal (${publishedParamsTotal}), got ${publishedParamsActive}`);
    }
  }
  let paramsNote: string | undefined;
  if (own(raw, 'paramsNote') !== undefined) paramsNote = readString(log, raw, 'paramsNote', '', '', { maxLength: 2000 });

  const layerErrors = log.errors.length;
  const numLayers = readNumber(log, raw, 'numLayers', '', MODEL_LIMITS.numLayers, 1);
  // When numLayers itself is bad, checks that depend on it use the widest range (no cascading errors).
  const layersValid = log.errors.length === layerErrors;
  const layersForChecks = layersValid ? numLayers : MODEL_LIMITS.numLayers.max;
  const hiddenSize = readNumber(log, raw, 'hiddenSize', '', MODEL_LIMITS.hiddenSize, 1);
  const headErrors = log.errors.length;
  const numAttentionHeads = readNumber(log, raw, 'numAttentionHeads', '', MODEL_LIMITS.numAttentionHeads, 1);
  const headsValid = log.errors.length === headErrors;
  const kvErrors = log.errors.length;
  const numKeyValueHeads = readNumber(log, raw, 'numKeyValueHeads', '', { min: 1, max: headsValid ? numAttentionHeads : MODEL_LIMITS.numAttentionHeads.max, integer: true }, 1);
  if (headsValid && log.errors.length === kvErrors && numAttentionHeads % numKeyValueHeads !== 0) {
    log.error('numKeyValueHeads', `must divide numAttentionHeads (${numAttentionHeads}), got ${numKeyValueHeads}`);
  }
  const headDim = readNumber(log, raw, 'headDim', '', MODEL_LIMITS.headDim, 1);
  const intermediateSize = readNumber(log, raw, 'intermediateSize', '', MODEL_LIMITS.intermediateSize, 0);
  const ffnKind = readEnum(log, raw, 'ffnKind', '', ['gated', 'plain'] as const, 'gated');

  let moe: MoeConfig | null = null;
  const moeRaw = readNullableObject(log, raw, 'moe');
  if (moeRaw) moe = readMoe(log, moeRaw, layersForChecks);
  let mla: MlaConfig | null = null;
  const mlaRaw = readNullableObject(log, raw, 'mla');
  if (mlaRaw) mla = readMla(log, mlaRaw);
  let slidingWindow: SlidingWindowConfig | null = null;
  const swRaw = readNullableObject(log, raw, 'slidingWindow');
  if (swRaw) slidingWindow = readSlidingWindow(log, swRaw);

  const vocabSize = readNumber(log, raw, 'vocabSize', '', MODEL_LIMITS.vocabSize, 1);
  const tieWordEmbeddings = readBoolean(log, raw, 'tieWordEmbeddings', '', false);
  const maxContextTokens = readNumber(log, raw, 'maxContextTokens', '', MODEL_LIMITS.maxContextTokens, 1);

  // Cross-field checks that need the sub-objects.
  if (layersValid && moeRaw !== undefined && (moeRaw === null || moe !== null)) {
    const moeLayers = moe == null ? 0 : Math.max(0, Math.floor((numLayers - moe.firstDenseLayers) / moe.moeLayerPeriod));
    const denseLayers = numLayers - moeLayers;
    if (moe != null && moeLayers === 0) {
      log.error('moe.firstDenseLayers', `leaves no MoE layer among ${numLayers} layers (firstDenseLayers ${moe.firstDenseLayers}, moeLayerPeriod ${moe.moeLayerPeriod})`);
    }
    if (denseLayers > 0 && intermediateSize === 0) {
      log.error('intermediateSize', `must be an integer from 1 to ${MODEL_LIMITS.intermediateSize.max} because ${denseLayers} layer(s) use the dense FFN; 0 is allowed only when every layer is MoE`);
    }
    if (denseLayers === 0 && intermediateSize > 0) {
      log.warn('intermediateSize', `is ${intermediateSize} but no layer uses the dense FFN (every layer is MoE); use 0`);
    }
    if (moe == null && publishedParamsActive != null) {
      log.warn('publishedParamsActive', 'is set on a dense model (moe is null); expected null');
    }
  }
  if (log.errors.length > 0) return { value: null, errors: log.errors, warnings: log.warnings };
  const value: ModelArchitecture = {
    id,
    name,
    family,
    source,
    publishedParamsTotal,
    publishedParamsActive,
    ...(paramsNote !== undefined ? { paramsNote } : {}),
    numLayers,
    hiddenSize,
    numAttentionHeads,
    numKeyValueHeads,
    headDim,
    intermediateSize,
    ffnKind,
    moe,
    mla,
    slidingWindow,
    vocabSize,
    tieWordEmbeddings,
    maxContextTokens,
  };
  return { value, errors: log.errors, warnings: log.warnings };
}

/** Validates `raw` as a ModelArchitecture. Never throws. */
export function parseModelArchitecture(raw: unknown): ParseOutcome<ModelArchitecture> {
  try {
    return parseUnsafe(raw);
  } catch (err) {
    let detail = 'unexpected value';
    try {
      detail = err instanceof Error ? err.message : String(err);
    } catch {
      // keep the generic detail
    }
    return { value: null, errors: [{ path: '', message: `could not be read: ${detail}` }], warnings: [] };
  }
}
