// A linked chip or model is an edit over a reference profile. Where some edited values are refused
// (a price of 1e300 in a hand-changed link), those fields take the reference's values and the rest
// of the edit is kept, instead of the whole profile being dropped: one bad number should not lose a
// user's other edits (README: nothing a user typed may be lost silently). Pure.

import type { FieldIssue, ParseOutcome } from '../parse/fields';

/** Edits repaired field by field; a profile whose problems no reference value fixes stays refused. */
const MAX_ROUNDS = 8;

export interface RepairedParse<T> {
  /** The profile with every refused field at the reference's value; null when that did not make it valid. */
  value: T | null;
  /** The refused edits that took the reference's value. */
  repaired: FieldIssue[];
  /** The problems left when `value` is null. */
  errors: FieldIssue[];
}

function valueAt(root: unknown, path: readonly string[]): { found: boolean; value: unknown } {
  let at: unknown = root;
  for (const key of path) {
    if (typeof at !== 'object' || at === null || !Object.hasOwn(at, key)) return { found: false, value: undefined };
    at = (at as Record<string, unknown>)[key];
  }
  return { found: true, value: at };
}

/** Puts the reference's value (or its absence) at `path` of `raw`; false when nothing changed. */
function restore(raw: unknown, reference: unknown, path: readonly string[]): boolean {
  const parent = valueAt(raw, path.slice(0, -1));
  const key = path[path.length - 1]!;
  if (!parent.found || typeof parent.value !== 'object' || parent.value === null) return false;
  const target = parent.value as Record<string, unknown>;
  const original = valueAt(reference, path);
  if (original.found) {
    if (JSON.stringify(target[key]) === JSON.stringify(original.value)) return false;
    target[key] = structuredClone(original.value);
    return true;
  }
  if (!Object.hasOwn(target, key)) return false;
  delete target[key];
  return true;
}

/**
 * Parses `raw` (the reference with the edit applied); each refused field that the reference holds
 * takes its value there, and the parse is repeated. `reference` null (a blank chip): nothing to fall back to.
 */
export function parseKeepingValidEdits<T>(raw: unknown, reference: unknown, parse: (raw: unknown) => ParseOutcome<T>): RepairedParse<T> {
  const working = structuredClone(raw);
  const repaired: FieldIssue[] = [];
  let parsed = parse(working);
  for (let round = 0; round < MAX_ROUNDS && (parsed.value === null || parsed.errors.length > 0); round++) {
    if (reference === null || reference === undefined) break;
    const fixed = parsed.errors.filter((e) => e.path !== '' && restore(working, reference, e.path.split('.')));
    if (fixed.length === 0) break;
    repaired.push(...fixed);
    parsed = parse(working);
  }
  const ok = parsed.value !== null && parsed.errors.length === 0;
  return { value: ok ? parsed.value : null, repaired: ok ? repaired : [], errors: ok ? [] : parsed.errors };
}
