import type { Catalog } from '../catalog/catalog';
import type { ResolvedScenario } from '../engine/types';
import type { FieldIssue } from '../parse/fields';
import type { Scenario } from './scenario';

function suggestion(id: string, known: Iterable<string>): string {
  const all = [...known].sort();
  const close = all.filter((k) => k.includes(id) || id.includes(k) || k.split('-').some((part) => part.length > 2 && id.includes(part)));
  return close.length > 0 ? ` (did you mean ${close.slice(0, 4).join(', ')}?)` : '';
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
  return {
    value: {
      hardware,
      chips: scenario.chips === 'auto' ? null : scenario.chips,
      model,
      precision: { ...scenario.precision },
      workload: { ...scenario.workload },
      slo: { ...scenario.slo },
      objective: typeof scenario.objective === 'object' ? { ...scenario.objective } : scenario.objective,
      economics: { ...scenario.economics },
      efficiencyMode: scenario.efficiencyMode,
      maxBatchPerReplica: scenario.maxBatchPerReplica,
      speculative: spec === null ? null : {
        method: spec.method, draftTokens: spec.draftTokens, acceptanceRate: spec.acceptanceRate, draftModel,
      },
      serving: scenario.serving,
    },
    errors,
  };
}
