// Structural diff of JSON values, so a link carries only what differs from a known base
// (defaults, or the catalog profile a custom chip started from) and stays short.

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** Marks a key that the base has and the value lacks. */
export const REMOVED = { $removed: 1 } as const;

function isObject(v: unknown): v is Record<string, JsonValue> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function equal(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** A patch that turns `base` into `value`; undefined when they are equal. Arrays are replaced whole. */
export function diff(base: unknown, value: unknown): unknown {
  if (equal(base, value)) return undefined;
  if (!isObject(base) || !isObject(value)) return value;
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const d = Object.prototype.hasOwnProperty.call(base, key) ? diff(base[key], value[key]) : value[key];
    if (d !== undefined) patch[key] = d;
  }
  for (const key of Object.keys(base)) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) patch[key] = REMOVED;
  }
  // Equal data in another key order is no change.
  return Object.keys(patch).length === 0 ? undefined : patch;
}

/** Applies a patch from `diff`. Untrusted patches are fine: the result still goes through a parse step. */
export function applyPatch(base: unknown, patch: unknown, depth = 0): unknown {
  if (patch === undefined) return base;
  if (depth > 32 || !isObject(patch) || !isObject(base)) return patch;
  const out: Record<string, unknown> = { ...base };
  for (const key of Object.keys(patch)) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
    const p = patch[key];
    if (isObject(p) && p.$removed === 1 && Object.keys(p).length === 1) delete out[key];
    else out[key] = applyPatch(Object.prototype.hasOwnProperty.call(base, key) ? base[key] : undefined, p, depth + 1);
  }
  return out;
}
