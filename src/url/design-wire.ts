// The chip lab's design in links: one row of the wire field table (wire-fields.ts). A design is
// written as an edit of the closest bundled design, and nothing at all when design mode is off,
// so older links stay valid and the landing link stays short. Decoding derives the lab chip again
// from the design, so the lab row does not carry the derived chip.

import type { AppState } from '../app-state/app-state';
import { findChip } from '../app-state/lookup';
import { labFrom } from '../app-state/defaults';
import type { Catalog } from '../catalog/catalog';
import { deriveDesign } from '../design/derive';
import { DESIGN_PRESETS } from '../design/presets';
import { readDesign } from '../design/read-design';
import { DESIGN_LINK } from '../messages/design';
import { formatIssue, isRecord, own } from '../parse/fields';
import type { ChipDesign } from '../records/chip-design';
import type { Log } from './decode-parts';
import { shown } from './decode-parts';
import { labReference } from './encode-refs';
import type { LinkBase } from './link-format';
import { applyPatch, diff } from './patch';

export interface WireDesign {
  /** Id of the bundled design the edit applies to. */
  preset: string;
  edit?: unknown;
}

/** The design as an edit of the bundled design it differs least from; undefined when design mode is off. */
export function encodeDesign(design: ChipDesign | null): WireDesign | undefined {
  if (design === null) return undefined;
  let best: WireDesign | null = null;
  let size = Number.POSITIVE_INFINITY;
  for (const [id, preset] of DESIGN_PRESETS) {
    const edit = diff(preset, design);
    const n = edit === undefined ? 0 : JSON.stringify(edit).length;
    if (n < size) {
      size = n;
      best = edit === undefined ? { preset: id } : { preset: id, edit };
    }
  }
  return best ?? undefined;
}

export function decodeDesign(raw: unknown, log: Log): ChipDesign | null {
  if (raw === undefined || raw === null) return null;
  const preset = isRecord(raw) ? own(raw, 'preset') : undefined;
  const base = typeof preset === 'string' ? DESIGN_PRESETS.get(preset) : undefined;
  if (base === undefined) {
    log.add(DESIGN_LINK.unknownPreset(shown(preset)));
    return null;
  }
  const edit = isRecord(raw) ? own(raw, 'edit') : undefined;
  let design: unknown = edit === undefined ? base : applyPatch(structuredClone(base), edit);
  // A refused field takes the preset's value and the rest of the design is kept (a link with one
  // bad clock kept nothing of its die, node and shares). A refusal that names no field the preset
  // can supply, or one that persists, drops the design as before.
  for (let attempt = 0; attempt < MAX_REPAIRS; attempt++) {
    const parsed = readDesign(design);
    const first = parsed.errors[0];
    if (parsed.value !== null && first === undefined) {
      for (const w of parsed.warnings) log.add(DESIGN_LINK.fieldIgnored(formatIssue(w)));
      return parsed.value;
    }
    const repaired = first === undefined ? null : withPresetValues(design, base, parsed.errors.map((e) => e.path));
    if (repaired === null) {
      log.add(DESIGN_LINK.invalid(first === undefined ? 'unreadable' : formatIssue(first)));
      return null;
    }
    for (const e of parsed.errors) log.add(DESIGN_LINK.fieldFromPreset(formatIssue(e), typeof preset === 'string' ? preset : ''));
    design = repaired;
  }
  log.add(DESIGN_LINK.invalid('unreadable'));
  return null;
}

/** Rounds of putting back preset values: each round fixes every field the checks named. */
const MAX_REPAIRS = 4;

/**
 * `design` with the preset's value at each dotted path (removed where the preset has none); null
 * when no path changes anything (the refusal is not about a field the preset can supply).
 */
function withPresetValues(design: unknown, preset: ChipDesign, paths: readonly string[]): unknown {
  const out = structuredClone(design);
  let changed = false;
  for (const path of paths) {
    const keys = path.split('.').filter((k) => k !== '');
    if (keys.length === 0) continue;
    let node: unknown = out;
    let from: unknown = preset;
    for (const key of keys.slice(0, -1)) {
      node = isRecord(node) ? own(node, key) : undefined;
      from = isRecord(from) ? own(from, key) : undefined;
    }
    const last = keys[keys.length - 1]!;
    if (!isRecord(node)) continue;
    const want = isRecord(from) ? own(from, last) : undefined;
    if (JSON.stringify(own(node, last)) === JSON.stringify(want)) continue;
    if (want === undefined) delete node[last];
    else node[last] = structuredClone(want);
    changed = true;
  }
  return changed ? out : null;
}

/** In design mode the lab row carries the lab's starting chip (no edit): the design row rebuilds the chip. */
export function labStateForWire(state: AppState, catalog: Catalog, base: LinkBase): AppState {
  if (state.design === null) return state;
  const { baseId, breakEvenTargetId } = state.lab;
  const custom = baseId === null || catalog.hardware.has(baseId) ? undefined : findChip(state, catalog, baseId);
  const chip = custom !== undefined ? labFrom(custom, breakEvenTargetId).chip : labReference(baseId, catalog, base, breakEvenTargetId);
  return chip === undefined ? state : { ...state, lab: { ...state.lab, chip } };
}

/** Decoding: a valid design takes over the lab chip (its derived profile). */
export function restoreDesign(state: AppState, raw: unknown, log: Log): void {
  const design = decodeDesign(raw, log);
  if (design === null) return;
  state.design = design;
  state.lab.chip = deriveDesign(design).profile;
}
