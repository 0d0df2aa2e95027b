// Serving options of the workload (the "Serving options" disclosure): speculative decoding, where
// prefill and decode run, how requests arrive, and what the deployment search optimises. Pure
// edits of the settings; an edit that changes nothing returns the same object.

import type { ModelArchitecture } from '../engine/types';
import { LIMITS } from '../scenario/limits';
import type { WorkloadSettings } from './app-state';

export type SpeculativeMethod = 'none' | 'mtp' | 'draft-model';
export type ObjectiveKind = 'max-throughput' | 'min-latency' | 'fixed-batch';

export type ServingAction =
  | { type: 'set-speculative'; method: SpeculativeMethod; draftModel?: string }
  | { type: 'set-serving'; serving: 'co-located' | 'disaggregated' }
  | { type: 'set-arrivals'; arrivals: 'saturated' | 'poisson' }
  | { type: 'set-objective'; objective: ObjectiveKind };

/** Defaults when speculation is turned on: 3 draft tokens at 70% acceptance (the CLI's defaults). */
export const DEFAULT_DRAFT_TOKENS = 3;
export const DEFAULT_ACCEPTANCE_RATE = 0.7;
/** Batch per replica when a fixed batch is first chosen. */
export const DEFAULT_FIXED_BATCH = 64;
/** The usual draft model for the Llama family; else the smallest dense model. */
export const PREFERRED_DRAFT_MODEL = 'llama-3.2-1b';

export function speculativeMethod(s: WorkloadSettings): SpeculativeMethod {
  return s.speculative === null ? 'none' : s.speculative.method;
}

export function objectiveKind(s: WorkloadSettings): ObjectiveKind {
  return typeof s.objective === 'object' ? 'fixed-batch' : s.objective;
}

/** The draft model's id when speculation uses one (inline models are shown by their id). */
export function draftModelId(s: WorkloadSettings): string | null {
  const spec = s.speculative;
  if (spec === null || spec.method !== 'draft-model') return null;
  return typeof spec.draftModel === 'string' ? spec.draftModel : spec.draftModel.id;
}

/**
 * Models that can draft for `target`, smallest first: dense, smaller than the target and of its
 * vocabulary (the target verifies the draft's tokens); else smaller; else every dense model.
 */
export function draftCandidates(models: readonly ModelArchitecture[], target: ModelArchitecture | undefined): ModelArchitecture[] {
  const dense = models.filter((m) => m.moe === null && m.id !== target?.id).sort((a, b) => a.publishedParamsTotal - b.publishedParamsTotal);
  if (target === undefined) return dense;
  const smaller = dense.filter((m) => m.publishedParamsTotal < target.publishedParamsTotal);
  const sameVocabulary = smaller.filter((m) => m.vocabSize === target.vocabSize);
  return sameVocabulary.length > 0 ? sameVocabulary : smaller.length > 0 ? smaller : dense;
}

function defaultDraft(models: readonly ModelArchitecture[], target: ModelArchitecture | undefined): string | null {
  const candidates = draftCandidates(models, target);
  return (candidates.find((m) => m.id === PREFERRED_DRAFT_MODEL) ?? candidates[0])?.id ?? null;
}

export function updateServing(s: WorkloadSettings, action: ServingAction, hasModel: (id: string) => boolean, models: readonly ModelArchitecture[]): WorkloadSettings {
  switch (action.type) {
    case 'set-speculative': {
      const spec = s.speculative;
      const draftTokens = spec?.draftTokens ?? DEFAULT_DRAFT_TOKENS;
      const acceptanceRate = spec?.acceptanceRate ?? DEFAULT_ACCEPTANCE_RATE;
      if (action.method === 'none') return spec === null ? s : { ...s, speculative: null };
      if (action.method === 'mtp') return spec?.method === 'mtp' ? s : { ...s, speculative: { method: 'mtp', draftTokens, acceptanceRate } };
      const draftModel = action.draftModel ?? draftModelId(s) ?? defaultDraft(models, models.find((m) => m.id === s.model));
      if (draftModel === null || !hasModel(draftModel) || (spec?.method === 'draft-model' && draftModelId(s) === draftModel)) return s;
      return { ...s, speculative: { method: 'draft-model', draftModel, draftTokens, acceptanceRate } };
    }
    case 'set-serving':
      if (action.serving !== 'co-located' && action.serving !== 'disaggregated') return s;
      return s.serving === action.serving ? s : { ...s, serving: action.serving };
    case 'set-arrivals':
      if (action.arrivals !== 'saturated' && action.arrivals !== 'poisson') return s;
      return (s.workload.arrivals ?? 'saturated') === action.arrivals ? s : { ...s, workload: { ...s.workload, arrivals: action.arrivals } };
    case 'set-objective': {
      if (objectiveKind(s) === action.objective) return s;
      if (action.objective === 'fixed-batch') return { ...s, objective: { batch: Math.min(LIMITS.batch.max, DEFAULT_FIXED_BATCH) } };
      return action.objective === 'max-throughput' || action.objective === 'min-latency' ? { ...s, objective: action.objective } : s;
    }
  }
}
