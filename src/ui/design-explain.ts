// Explanations of a design's derived specs for the explain dialog: the derivation entry (formula,
// inputs with their sources and ranges) of a chip that came from a design. Keys are "design:<key>".

import { deriveDesign } from '../design/derive';
import type { DerivationEntry } from '../design/derivation';
import type { ExplainEntry, HardwareProfile } from '../engine/types';
import { formatValue } from './explain-dialog';

export const DESIGN_EXPLAIN_PREFIX = 'design:';

let memo: { design: unknown; entries: DerivationEntry[] } | null = null;

function entries(profile: HardwareProfile): DerivationEntry[] {
  if (profile.design === undefined) return [];
  if (memo?.design !== profile.design) memo = { design: profile.design, entries: deriveDesign(profile.design).derivation };
  return memo.entries;
}

/** The derivation entry behind `key` ("design:compute.denseFlopsPerSecond.bf16"), as an explain entry. */
export function designExplainEntry(profile: HardwareProfile | undefined, key: string): ExplainEntry | undefined {
  if (profile === undefined || !key.startsWith(DESIGN_EXPLAIN_PREFIX)) return undefined;
  const e = entries(profile).find((x) => x.key === key.slice(DESIGN_EXPLAIN_PREFIX.length));
  if (e === undefined) return undefined;
  const range = `Range ${formatValue(e.low, e.unit)} to ${formatValue(e.high, e.unit)}: each constant moved to its low and high end, combined as a root sum of squares.`;
  return {
    key,
    label: e.label,
    value: e.value,
    unit: e.unit,
    formula: `${e.formula}. ${range}`,
    primaryInputs: e.inputs.length,
    inputs: e.inputs.map((i) => ({
      name: i.name,
      value: i.value,
      unit: i.unit,
      source: [i.low !== undefined && i.high !== undefined && (i.low !== i.value || i.high !== i.value) ? `range ${i.low} to ${i.high}` : '', i.source ?? '']
        .filter(Boolean).join('; '),
    })),
  };
}
