// The plain parts of a scenario, declared once (src/schema): the parser, the limits (LIMITS) and
// the messages. parse-scenario.ts reads them with the user's current values as the fallback, so a
// bad field keeps what was there and everything valid is applied.

import { PRECISIONS } from '../engine/types';
import { s } from '../schema/schema';
import { LIMITS } from './limits';

export const precisionSchema = s.object({
  weights: s.enum(PRECISIONS),
  activations: s.enum(PRECISIONS),
  kvCache: s.enum(PRECISIONS),
});

export const workloadSchema = s.object({
  inputTokens: s.number(LIMITS.inputTokens),
  outputTokens: s.number(LIMITS.outputTokens),
  prefixCacheHitRate: s.number(LIMITS.prefixCacheHitRate),
  arrivals: s.enum(['saturated', 'poisson'] as const),
});

export const sloSchema = s.object({
  maxTtftSeconds: s.number(LIMITS.maxTtftSeconds).nullable(),
  maxTpotSeconds: s.number(LIMITS.maxTpotSeconds).nullable(),
});

export const economicsSchema = s.object({
  pricing: s.enum(['rental', 'tco'] as const),
  rentalUsdPerChipHour: s.number(LIMITS.rentalUsdPerChipHour).nullable(),
  capexUsdPerChip: s.number(LIMITS.capexUsdPerChip).nullable(),
  capexOverheadMultiplier: s.number(LIMITS.capexOverheadMultiplier).nullable(),
  depreciationYears: s.number(LIMITS.depreciationYears),
  costOfCapitalPerYear: s.number(LIMITS.costOfCapitalPerYear),
  loadFactor: s.number(LIMITS.loadFactor),
  pue: s.number(LIMITS.pue),
  usdPerKwh: s.number(LIMITS.usdPerKwh),
  hostingUsdPerKwMonth: s.number(LIMITS.hostingUsdPerKwMonth),
});

export const layoutSchema = s.object({
  tensorParallel: s.autoOr(s.number(LIMITS.parallelism)),
  pipelineParallel: s.autoOr(s.number(LIMITS.parallelism)),
  expertParallel: s.autoOr(s.number(LIMITS.parallelism)),
  dataParallelAttention: s.enum(['on', 'off', 'auto'] as const),
});

export const engineSchema = s.object({
  maxSequences: s.number(LIMITS.maxSequences),
  maxTokensPerStep: s.autoOr(s.number(LIMITS.maxTokensPerStep)),
  prefillChunkTokens: s.number(LIMITS.prefillChunkTokens),
  overlap: s.enum(['off', 'two-micro-batches'] as const),
  // Absent in files and links that predate it: the engine's behaviour before the field existed.
  scheduler: s.enum(['per-micro-batch', 'per-replica'] as const).withDefault('per-micro-batch'),
});
