import type { Catalog } from '../catalog/catalog';
import type { ModelArchitecture, ResolvedScenario } from '../engine/types';
import type { FieldIssue } from '../parse/fields';
import type { Scenario } from './scenario';

/** How many of `k`'s words (3+ letters) `id` contains. */
function sharedParts(k: string, id: string): number {
  return k.split('-').filter((part) => part.length > 2 && id.includes(part)).length;
}

/** Characters `a` and `b` share at their start. */
function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

function suggestion(id: string, known: Iterable<string>): string {
  // An empty id "contains" in every id: suggestions would just be the alphabet's first four.
  if (id.trim() === '') return ' (it is empty)';
  // Ids are lower case: "llama-3.1-70B" is closest to llama-3.1-70b.
  const typed = id.trim().toLowerCase();
  // Closest first: ids that start with what was typed, then contain it, then are contained in it,
  // then share a word with it ("nvidia-h100" -> nvidia-h100-sxm before every other nvidia-*);
  // within a rank, the longest common start ("nvidia-h201" -> nvidia-h200-sxm before nvidia-b200).
  const rank = (k: string): number | null => {
    if (k.startsWith(typed)) return 0;
    if (k.includes(typed)) return 1;
    if (typed.includes(k)) return 2;
    const shared = sharedParts(k, typed);
    return shared > 0 ? 3 + 1 / (1 + shared) : null;
  };
  const close = [...known].map((k) => {
    const lower = k.toLowerCase();
    return { k, r: rank(lower), p: commonPrefix(lower, typed) };
  })
    .filter((x): x is { k: string; r: number; p: number } => x.r !== null)
    .sort((a, b) => a.r - b.r || b.p - a.p || (a.k < b.k ? -1 : a.k > b.k ? 1 : 0)).map((x) => x.k);
  return close.length > 0 ? ` (did you mean ${close.slice(0, 4).join(', ')}?)` : '';
}

/**
 * A pinned layout that cannot exist for this model and chip count: tensor parallelism that does not
 * divide the attention heads, expert parallelism on a dense model or not dividing the experts, and
 * a layout needing more chips than the scenario gives. (A layout that exists but does not fit in
 * memory is a result, feasible: false, not an input error.)
 */
export function layoutProblems(scenario: Scenario, model: ModelArchitecture): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const { tensorParallel: tp, pipelineParallel: pp, expertParallel: ep, dataParallelAttention: dp } = scenario.layout;
  if (tp !== 'auto' && model.numAttentionHeads % tp !== 0) {
    issues.push({ path: 'layout.tensorParallel', message: `must divide ${model.name}'s ${model.numAttentionHeads} attention heads, got ${tp}` });
  }
  if (pp !== 'auto' && pp > model.numLayers) {
    issues.push({ path: 'layout.pipelineParallel', message: `must be at most ${model.name}'s ${model.numLayers} layers, got ${pp}` });
  }
  if (ep !== 'auto' && ep > 1) {
    if (model.moe === null) issues.push({ path: 'layout.expertParallel', message: `must be 1 for ${model.name}, a dense model (no experts to spread), got ${ep}` });
    else if (model.moe.numExperts % ep !== 0) {
      issues.push({ path: 'layout.expertParallel', message: `must divide ${model.name}'s ${model.moe.numExperts} experts, got ${ep}` });
    }
  }
  if (dp === 'on' && (model.moe === null || ep === 1)) {
    issues.push({ path: 'layout.dataParallelAttention', message: 'is "on", which needs expert parallelism above 1 on an MoE model' });
  }
  const pinned = (tp === 'auto' ? 1 : tp) * (pp === 'auto' ? 1 : pp) * (ep === 'auto' ? 1 : ep);
  if (scenario.chips !== 'auto' && pinned > scenario.chips) {
    issues.push({ path: 'layout', message: `needs at least ${pinned} chips (TP x PP x EP), more than the ${scenario.chips} chips available` });
  }
  return issues;
}

/** Looks ids up in the catalog (Map lookups only, never object indexing with user strings). */
export function resolveScenario(scenario: Scenario, catalog: Catalog): { value: ResolvedScenario | null; errors: FieldIssue[] } {
  const errors: FieldIssue[] = [];
  const hardware = typeof scenario.hardware === 'string' ? catalog.hardware.get(scenario.hardware) : scenario.hardware;
  if (hardware === undefined) {
    errors.push({ path: 'hardware', message: `"${String(scenario.hardware)}" is not a known hardware id${suggestion(String(scenario.hardware), catalog.hardware.keys())}` });
  }
  const model = typeof scenario.model === 'string' ? catalog.models.get(scenario.model) : scenario.model;
  if (model === undefined) {
    errors.push({ path: 'model', message: `"${String(scenario.model)}" is not a known model id${suggestion(String(scenario.model), catalog.models.keys())}` });
  }
  const spec = scenario.speculative;
  let draftModel = null;
  if (spec !== null && spec.method === 'draft-model') {
    draftModel = typeof spec.draftModel === 'string' ? catalog.models.get(spec.draftModel) ?? null : spec.draftModel;
    if (draftModel === null) {
      errors.push({ path: 'speculative.draftModel', message: `"${String(spec.draftModel)}" is not a known model id${suggestion(String(spec.draftModel), catalog.models.keys())}` });
    }
  }
  if (hardware === undefined || model === undefined || errors.length > 0) return { value: null, errors };
  errors.push(...layoutProblems(scenario, model));
  if (errors.length > 0) return { value: null, errors };
  return {
    value: {
      hardware,
      chips: scenario.chips,
      model,
      precision: { ...scenario.precision },
      workload: { ...scenario.workload },
      slo: { ...scenario.slo },
      objective: typeof scenario.objective === 'object' ? { ...scenario.objective } : scenario.objective,
      economics: { ...scenario.economics },
      efficiencyMode: scenario.efficiencyMode,
      serving: scenario.serving,
      layout: { ...scenario.layout },
      engine: { ...scenario.engine },
      speculative: spec === null ? null : {
        method: spec.method, draftTokens: spec.draftTokens, acceptanceRate: spec.acceptanceRate, draftModel,
      },
    },
    errors,
  };
}
