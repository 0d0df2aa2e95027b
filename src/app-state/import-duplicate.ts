// Whether an imported chip or model (or the chip lab's chip, added to the comparison) repeats one
// the user already has: the same figures (a file imported twice adds nothing, and says so) or only
// the same name (added under a numbered name, which the import says, so that no list shows two
// items by one name). Pure.

import type { Catalog } from '../catalog/catalog';
import { evidenceBackedBy } from '../catalog/chip-evidence';
import { canonicalJson } from '../parse/canonical-json';
import type { HardwareProfile, ModelArchitecture } from '../engine/types';
import type { AppState } from './app-state';
import { allChips, allModels } from './lookup';

export type ImportDuplicate =
  | { kind: 'same-figures'; name: string }
  /** `freeName`: the name it is added under, "Name (2)" (or the next number free). */
  | { kind: 'same-name'; name: string; freeName: string };

/** What a chip is, apart from its id and the evidence the app assigns on import. */
function chipFigures(p: HardwareProfile): string {
  return canonicalJson({ ...p, id: '', efficiency: { ...p.efficiency, evidence: null } });
}

function modelFigures(m: ModelArchitecture): string {
  return canonicalJson({ ...m, id: '' });
}

/** The shorter of the records' name limits (models 120, chips 200 characters): a numbered name stays valid. */
const NAME_MAX_CHARS = 120;

function duplicateOf<T extends { name: string }>(incoming: T, existing: readonly T[], figures: (t: T) => string): ImportDuplicate | null {
  const mine = figures(incoming);
  // An earlier import of the same file may carry its number ("Name (2)"): it is the same item.
  const unnumbered = (e: T): T => ({ ...e, name: e.name.replace(/ \(\d+\)$/, '') });
  const same = existing.find((e) => figures(e) === mine || figures(unnumbered(e)) === mine);
  if (same !== undefined) return { kind: 'same-figures', name: same.name };
  const key = (name: string) => name.trim().toLowerCase();
  const taken = new Set(existing.map((e) => key(e.name)));
  if (!taken.has(key(incoming.name))) return null;
  const numbered = (n: number) => `${incoming.name.slice(0, NAME_MAX_CHARS - ` (${n})`.length)} (${n})`;
  let n = 2;
  while (taken.has(key(numbered(n)))) n++;
  return { kind: 'same-name', name: incoming.name, freeName: numbered(n) };
}

/** An imported file's chip, compared as the import stores it (its evidence, and a claim's prior factors, as the catalog backs them). */
export function importedChipDuplicate(state: Pick<AppState, 'customChips'>, catalog: Catalog, profile: HardwareProfile): ImportDuplicate | null {
  return duplicateOf(evidenceBackedBy(profile, catalog).profile, allChips(state, catalog), chipFigures);
}

export function importedModelDuplicate(state: Pick<AppState, 'customModels'>, catalog: Catalog, model: ModelArchitecture): ImportDuplicate | null {
  return duplicateOf(model, allModels(state, catalog), modelFigures);
}

/** Whether the chip lab's chip repeats a chip of the list (its Add then adds nothing, or renames it). */
export function labChipDuplicate(state: Pick<AppState, 'customChips' | 'lab'>, catalog: Catalog): ImportDuplicate | null {
  return duplicateOf(state.lab.chip, allChips(state, catalog), chipFigures);
}
