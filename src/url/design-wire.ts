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
  const parsed = readDesign(edit === undefined ? base : applyPatch(structuredClone(base), edit));
  const first = parsed.errors[0];
  if (parsed.value === null || first !== undefined) {
    log.add(DESIGN_LINK.invalid(shown(first === undefined ? 'unreadable' : formatIssue(first))));
    return null;
  }
  return parsed.value;
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
