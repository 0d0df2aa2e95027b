// The chip lab's "Design from silicon" controls: one table drives the sliders, their ranges and how
// each edit changes the design. Every edit goes through the design parse step (readDesign), so the
// lab only ever holds a design that can be built; a refused edit says why, naming the field.

import type { SliderRange } from './slider-scale';
import { matrixShareBounds, withMatrixShare } from '../design/matrix-share';
import { DESIGN_PRESETS } from '../design/presets';
import { readDesign } from '../design/read-design';
import { DESIGN } from '../messages/design';
import { formatIssue } from '../parse/fields';
import { MEMORY_TYPES, PROCESS_NODES, SRAM_ORGANIZATIONS, type ChipDesign } from '../records/chip-design';

export type DesignParamId = 'dieAreaMm2' | 'computeDies' | 'matrixShare' | 'sramShare' | 'ioShare' | 'clockGHz' | 'memoryCount';

export interface DesignParamDef {
  id: DesignParamId;
  label: string;
  unit: string;
  slider: SliderRange;
  integer: boolean;
  /** Share sliders show percent. */
  percent?: boolean;
  /** Values run into the thousands, so "1.000" may be 1,000 or 1: refused as ambiguous, as in whole-number fields. */
  pointMayGroup?: boolean;
  help?: string;
  get(d: ChipDesign): number;
  set(d: ChipDesign, value: number): ChipDesign;
}

const round = (x: number) => Math.round(x * 1e4) / 1e4;

/** SRAM or I/O share set directly: vector/control takes up the difference (matrix stays). */
function setShare(d: ChipDesign, key: 'sram' | 'io', value: number): ChipDesign {
  const a = { ...d.areaShares, [key]: round(value) };
  a.vectorAndControl = round(1 - a.matrix - a.sram - a.io);
  return { ...d, areaShares: a };
}

export const DESIGN_PARAMS: readonly DesignParamDef[] = [
  {
    // An area, not a count: 600.5 mm² is a die size (design files and the CLI take it too).
    id: 'dieAreaMm2', label: 'Die area (per compute die)', unit: 'mm²', slider: { min: 50, max: 858, log: false }, integer: false, pointMayGroup: true,
    help: 'One die fits the reticle, 858 mm² (a larger one is refused with how to split it); larger chips use more compute dies.',
    get: (d) => d.dieAreaMm2, set: (d, v) => ({ ...d, dieAreaMm2: Math.round(v * 10) / 10 }),
  },
  {
    // The slider spans every count a design file or link may hold (1-64, records/chip-design.ts):
    // a linked 64 sat at a slider end of 8 beside its label "64".
    id: 'computeDies', label: 'Compute dies per package', unit: '', slider: { min: 1, max: 64, log: false }, integer: true,
    get: (d) => d.computeDies, set: (d, v) => ({ ...d, computeDies: Math.round(v) }),
  },
  {
    id: 'matrixShare', label: 'Area allocated to matrix math', unit: '%', slider: { min: 0.05, max: 0.9, log: false }, integer: false, percent: true,
    help: 'Taken from (or given back to) SRAM and vector/control in proportion; I/O stays.',
    get: (d) => d.areaShares.matrix, set: (d, v) => withMatrixShare(d, Math.min(v, matrixShareBounds(d).max)),
  },
  {
    id: 'sramShare', label: 'Area allocated to SRAM', unit: '%', slider: { min: 0, max: 0.6, log: false }, integer: false, percent: true,
    help: 'Vector/control takes up the difference.',
    get: (d) => d.areaShares.sram, set: (d, v) => setShare(d, 'sram', v),
  },
  {
    id: 'ioShare', label: 'Area allocated to I/O (memory and link PHYs)', unit: '%', slider: { min: 0, max: 0.4, log: false }, integer: false, percent: true,
    get: (d) => d.areaShares.io, set: (d, v) => setShare(d, 'io', v),
  },
  {
    id: 'clockGHz', label: 'Clock', unit: 'GHz', slider: { min: 0.5, max: 3, log: false }, integer: false,
    get: (d) => d.clockGHz, set: (d, v) => ({ ...d, clockGHz: round(v) }),
  },
  {
    id: 'memoryCount', label: 'Memory stacks (HBM) or channels', unit: '', slider: { min: 0, max: 16, log: false }, integer: true,
    get: (d) => d.memory.count, set: (d, v) => ({ ...d, memory: { ...d.memory, count: Math.round(v) } }),
  },
];

export type DesignChoiceId = 'processNode' | 'memoryType' | 'sramOrganization';

export const DESIGN_CHOICES: Readonly<Record<DesignChoiceId, readonly string[]>> = {
  processNode: PROCESS_NODES,
  memoryType: [...MEMORY_TYPES, 'none'],
  sramOrganization: SRAM_ORGANIZATIONS,
};

const BY_ID: ReadonlyMap<string, DesignParamDef> = new Map(DESIGN_PARAMS.map((d) => [d.id, d]));

export function designParam(id: string): DesignParamDef | undefined {
  return BY_ID.get(id);
}

/** The stack count a design gets back when memory returns: its starting preset's, else one. */
function countAfterNone(d: ChipDesign): number {
  const preset = DESIGN_PRESETS.get(d.id);
  return preset !== undefined && preset.memory.count > 0 ? preset.memory.count : 1;
}

function choose(d: ChipDesign, field: DesignChoiceId, value: string): ChipDesign | null {
  if (!DESIGN_CHOICES[field].includes(value)) return null;
  if (field === 'processNode') return { ...d, processNode: value as ChipDesign['processNode'] };
  if (field === 'sramOrganization') return { ...d, sramOrganization: value as ChipDesign['sramOrganization'] };
  const type = value as ChipDesign['memory']['type'];
  // Keep the stack count when it still means something; HBM-only fields go with HBM (editDesign
  // gives a design back from no memory its count first).
  const count = type === 'none' ? 0 : Math.max(1, d.memory.count);
  return { ...d, memory: type.startsWith('HBM') && d.memory.stackHeight !== undefined ? { type, count, stackHeight: d.memory.stackHeight } : { type, count } };
}

export type DesignEdit = { kind: 'param'; param: DesignParamId; value: number } | { kind: 'choice'; field: DesignChoiceId; value: string };

/**
 * What a design field is called beside its slider, for the refusal shown there ("areaShares.io"
 * means nothing to the user; the vector/control share has no slider: it is what the others leave).
 */
const FIELD_NAMES: Readonly<Record<string, string>> = {
  dieAreaMm2: 'Die area', computeDies: 'Compute dies', clockGHz: 'Clock',
  'areaShares.matrix': 'Matrix share', 'areaShares.sram': 'SRAM share', 'areaShares.io': 'I/O share',
  'areaShares.vectorAndControl': 'The area left for vector and control (100% minus the matrix, SRAM and I/O shares)',
  'memory.count': 'Memory stacks', 'memory.type': 'Memory type', processNode: 'Process node', sramOrganization: 'SRAM organisation',
};

function refusalText(issue: { path: string; message: string }): string {
  const name = FIELD_NAMES[issue.path];
  return name === undefined ? formatIssue(issue) : `${name}: ${issue.message}`;
}

/** The edited design when it can be built, else the reason (the first problem, naming the field). */
export function editDesign(design: ChipDesign, edit: DesignEdit): { ok: true; design: ChipDesign } | { ok: false; error: string } {
  // Memory back from none: the starting design's stack count, or the most of them its I/O area fits.
  if (edit.kind === 'choice' && edit.field === 'memoryType' && edit.value !== 'none' && design.memory.count === 0) {
    let last: { ok: false; error: string } | null = null;
    for (let count = countAfterNone(design); count >= 1; count--) {
      const tried = editOnce({ ...design, memory: { type: design.memory.type, count } }, edit);
      if (tried.ok) return tried;
      last = tried;
    }
    return last!;
  }
  return editOnce(design, edit);
}

function editOnce(design: ChipDesign, edit: DesignEdit): { ok: true; design: ChipDesign } | { ok: false; error: string } {
  let next: ChipDesign | null;
  if (edit.kind === 'param') {
    const def = designParam(edit.param);
    next = def === undefined || !Number.isFinite(edit.value) ? null : def.set(design, edit.value);
  } else next = choose(design, edit.field, edit.value);
  if (next === null) return { ok: false, error: DESIGN.notAParameter(edit.kind === 'param' ? edit.param : `${edit.field}=${edit.value}`).text };
  // The sliders set three shares and the fourth takes the rest: said in the sliders' percent, not as a field range.
  if (next.areaShares.vectorAndControl < 0) {
    return { ok: false, error: refusalText({ path: 'areaShares.vectorAndControl', message: DESIGN.sharesOverfull(next.areaShares.vectorAndControl).text }) };
  }
  const parsed = readDesign(next);
  const first = parsed.errors[0];
  if (parsed.value === null || first !== undefined) return { ok: false, error: refusalText(first ?? { path: '', message: DESIGN.notDerivable('no detail').text }) };
  return { ok: true, design: parsed.value };
}
