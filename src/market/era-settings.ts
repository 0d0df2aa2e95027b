// What the software of a date let a provider do, from the software milestones of market_history.csv:
// the number formats it served in (precision steps) and how it batched and cached (serving steps).
// Each step names the row its date comes from; a test checks every named row exists.

import { DEFAULT_ENGINE } from '../scenario/scenario';
import type { HardwareProfile, Precision, PrecisionConfig } from '../engine/types';
import { MARKET } from '../messages/market';
import { citeHistoryRow, type HistoryRow } from './market-history';

interface PrecisionStepDef {
  /** Matrix rate the chip needs (its profile's denseFlopsPerSecond key). */
  rate: 'fp8' | 'fp4';
  /** market_history.csv software_milestone item whose date starts the step. */
  item: string;
  /** The format per vendor. */
  format: (vendor: string) => Precision;
}

/**
 * fp8 from TensorRT-LLM's public release (FP8 on Hopper in an open serving stack, 2023-10-19); 4-bit
 * from NVFP4's introduction for Blackwell (2025-06). AMD's 4-bit format is OCP MXFP4, whose first
 * production use market_history.csv does not date: it is taken from the same date.
 */
const PRECISION_STEPS: readonly PrecisionStepDef[] = [
  { rate: 'fp8', item: 'TensorRT-LLM public release (NVIDIA)', format: () => 'fp8' },
  { rate: 'fp4', item: 'NVFP4 (4-bit, 16-value blocks, FP8 E4M3 block scale + FP32 tensor scale)', format: (v) => (v === 'AMD' ? 'mxfp4' : 'nvfp4') },
];

export interface PrecisionChoice {
  config: PrecisionConfig;
  /** "fp8", "nvfp4 (KV fp8)". */
  label: string;
  basis: string;
}

export interface DatedStep {
  item: string;
  /** ISO day; null when the row is missing or undated. */
  date: string | null;
  cite: string;
}

function dated(history: readonly HistoryRow[], item: string): DatedStep {
  const row = history.find((r) => r.kind === 'software_milestone' && r.item === item);
  return { item, date: row?.date?.start ?? null, cite: row === undefined ? MARKET.missingRow(item).text : citeHistoryRow(row) };
}

export function precisionSteps(history: readonly HistoryRow[]): DatedStep[] {
  return PRECISION_STEPS.map((s) => dated(history, s.item));
}

/**
 * The narrowest format the chip computes in that the software of `date` served: bf16 before fp8.
 * The KV cache stays in fp8 with 4-bit weights (vLLM's NVFP4 KV cache only came in 2026).
 */
export function precisionAt(chip: HardwareProfile, date: string, history: readonly HistoryRow[]): PrecisionChoice {
  let choice: PrecisionChoice = {
    config: { weights: 'bf16', activations: 'bf16', kvCache: 'bf16' },
    label: 'bf16',
    basis: MARKET.precisionBf16().text,
  };
  PRECISION_STEPS.forEach((def, i) => {
    const step = dated(history, def.item);
    const rate = chip.compute.denseFlopsPerSecond[def.rate];
    if (step.date === null || step.date > date || rate === undefined || rate <= 0) return;
    const f = def.format(chip.vendor);
    const kv: Precision = i === 0 ? f : 'fp8';
    choice = { config: { weights: f, activations: f, kvCache: kv }, label: kv === f ? f : `${f} (KV ${kv})`, basis: MARKET.precisionFrom(f, step.cite).text };
  });
  return choice;
}

/**
 * The early serving baseline (issue 14): batches of at most 16 sequences, no prefix caching, no
 * speculative decoding, which is what static batching without paged KV caches allowed (assumed).
 * Continuous batching with paged KV caches lifts the batch to the engine's default cap from vLLM's
 * public release; prefix caching starts with vLLM's automatic prefix caching.
 */
export const EARLY_MAX_BATCH = 16;
const BATCHING_ITEM = 'vLLM / PagedAttention public release';
const PREFIX_CACHE_ITEM = 'vLLM automatic prefix caching';

export interface ServingChoice {
  maxBatchPerReplica: number;
  prefixCacheHitRate: number;
  /** "batch ≤ 16, no prefix cache". */
  label: string;
  basis: string[];
}

export function servingSteps(history: readonly HistoryRow[]): DatedStep[] {
  return [dated(history, BATCHING_ITEM), dated(history, PREFIX_CACHE_ITEM)];
}

/** Serving at `date`; `cacheHitRate` is the share of prompt tokens a prefix cache serves once there is one. */
export function servingAt(date: string, history: readonly HistoryRow[], cacheHitRate: number): ServingChoice {
  const [batching, caching] = servingSteps(history) as [DatedStep, DatedStep];
  const continuous = batching.date !== null && batching.date <= date;
  const cached = continuous && caching.date !== null && caching.date <= date && cacheHitRate > 0;
  const maxBatchPerReplica = continuous ? DEFAULT_ENGINE.maxSequences : EARLY_MAX_BATCH;
  return {
    maxBatchPerReplica,
    prefixCacheHitRate: cached ? cacheHitRate : 0,
    label: MARKET.servingLabel(maxBatchPerReplica, cached ? cacheHitRate : 0).text,
    basis: [
      (continuous ? MARKET.servingContinuous(batching.cite) : MARKET.servingEarly(EARLY_MAX_BATCH, batching.cite)).text,
      ...(cached ? [MARKET.servingCache(caching.cite).text] : []),
    ],
  };
}
