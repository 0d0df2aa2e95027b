// Encoding helpers of the wire format (link-format.ts): chips and models as edits of the closest
// reference profile. Pure and deterministic. The table of parts is src/url/wire-fields.ts.

import type { AppState } from '../app-state/app-state';
import { labFrom } from '../app-state/defaults';
import type { Catalog } from '../catalog/catalog';
import type { HardwareProfile, ModelArchitecture } from '../engine/types';
import { fingerprint, type LinkBase, type ProfileRef, type WireLab } from './link-format';
import { diff } from './patch';

/** Reference candidates tried per profile (bounded work on every state change). */
const MAX_CANDIDATES = 8;

type Reference<T> = (id: string | null) => T | undefined;

/** The smallest edit among candidate references; ties keep the earlier candidate. */
function closest<T>(value: T, candidates: (string | null)[], reference: Reference<T>, catalogRef: (id: string) => unknown): ProfileRef {
  let best: ProfileRef | null = null;
  let bestSize = Number.POSITIVE_INFINITY;
  for (const id of [...new Set(candidates)].slice(0, MAX_CANDIDATES)) {
    const ref = reference(id);
    if (ref === undefined) continue;
    const edit = diff(ref, value);
    const size = edit === undefined ? 0 : JSON.stringify(edit).length;
    if (size < bestSize) {
      bestSize = size;
      best = { base: id, ...(id === null ? {} : { hash: fingerprint(catalogRef(id)) }), ...(edit === undefined ? {} : { edit }) };
    }
  }
  return best ?? { base: null, edit: value };
}

/** Catalog ids the profile probably started from: id prefixes (lab saves, imports), then family. */
function likelyBases<T extends { id: string; family: string }>(value: T, catalog: ReadonlyMap<string, T>, hints: (string | null)[]): string[] {
  const ids = hints.filter((h): h is string => h !== null && catalog.has(h));
  const prefix = [...catalog.keys()].filter((id) => value.id.startsWith(id)).sort((a, b) => b.length - a.length);
  const family = [...catalog.values()].filter((c) => c.family === value.family).map((c) => c.id);
  return [...ids, ...prefix, ...family];
}

const chipRefs = new WeakMap<HardwareProfile, { base: LinkBase; catalog: Catalog; ref: ProfileRef }>();
const modelRefs = new WeakMap<ModelArchitecture, { catalog: Catalog; ref: ProfileRef }>();

export function chipRef(chip: HardwareProfile, catalog: Catalog, base: LinkBase): ProfileRef {
  const cached = chipRefs.get(chip);
  if (cached !== undefined && cached.base === base && cached.catalog === catalog) return cached.ref;
  const candidates = [...likelyBases(chip, catalog.hardware, []), null];
  const ref = closest<HardwareProfile>(chip, candidates, (id) => (id === null ? base.blank : catalog.hardware.get(id)), (id) => catalog.hardware.get(id));
  chipRefs.set(chip, { base, catalog, ref });
  return ref;
}

export function modelRef(model: ModelArchitecture, catalog: Catalog): ProfileRef {
  const cached = modelRefs.get(model);
  if (cached !== undefined && cached.catalog === catalog) return cached.ref;
  const candidates = [...likelyBases(model, catalog.models, []), null];
  const ref = closest<ModelArchitecture | null>(model, candidates, (id) => (id === null ? null : catalog.models.get(id)), (id) => catalog.models.get(id));
  modelRefs.set(model, { catalog, ref });
  return ref;
}

/** The lab's reference for a catalog chip is its lab form (id "-lab", name " (lab)"), as the lab starts it. */
export function labReference(id: string | null, catalog: Catalog, base: LinkBase, target: string): HardwareProfile | undefined {
  if (id === null) return base.blank;
  const profile = catalog.hardware.get(id);
  return profile === undefined ? undefined : labFrom(profile, target).chip;
}

export function labWire(state: AppState, catalog: Catalog, base: LinkBase): WireLab {
  // Which values were typed follows from the chip and its original: decoding derives it again.
  const { entered: _entered, ...chip } = state.lab.chip;
  const lab = { ...state.lab, chip };
  const custom = lab.baseId === null ? undefined : state.customChips.find((c) => c.id === lab.baseId);
  const candidates: (string | null)[] = lab.baseId !== null && catalog.hardware.has(lab.baseId)
    ? [lab.baseId]
    : [...(custom === undefined ? [] : likelyBases(custom, catalog.hardware, [])), ...likelyBases(lab.chip, catalog.hardware, []), null];
  const ref = closest<HardwareProfile>(lab.chip, candidates, (id) => labReference(id, catalog, base, lab.breakEvenTargetId), (id) => catalog.hardware.get(id));
  const out: WireLab = { base: lab.baseId, chips: lab.chips, target: lab.breakEvenTargetId };
  if (ref.base !== lab.baseId) out.from = ref.base;
  if (ref.hash !== undefined) out.hash = ref.hash;
  if (ref.edit !== undefined) out.edit = ref.edit;
  if (lab.hbmBandwidthBeforeRemoval !== undefined && lab.chip.memory.hbmCapacityBytes === 0) out.hbmBack = lab.hbmBandwidthBeforeRemoval;
  return out;
}
