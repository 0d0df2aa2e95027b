// The hold-out rule of reference/README.md ("Columns added to calibration.csv"), written down before
// any fit used the rows it selects: a row is held out when FNV-1a-32 of its submission key is 0 or
// 1 modulo 5. The same key groups rows for leave-one-submission-out cross-validation. Pure.
import type { CalibrationRow } from './calibration-rows';

/** FNV-1a, 32 bits, over the UTF-8 bytes (Fowler, Noll, Vo; offset basis 0x811c9dc5, prime 0x01000193). */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** `source_kind|round_or_date|system`, lower-cased, white space collapsed: one vendor run of one system. */
export function submissionKey(row: Pick<CalibrationRow, 'sourceKind' | 'roundOrDate' | 'system'>): string {
  return `${row.sourceKind}|${row.roundOrDate}|${row.system}`.toLowerCase().split(/\s+/).filter((w) => w !== '').join(' ');
}

export const HOLDOUT_MODULUS = 5;
export const HOLDOUT_RESIDUES = 2;

/** What the rule says about a row (the CSV's holdout column must agree). */
export function heldOutByRule(row: Pick<CalibrationRow, 'sourceKind' | 'roundOrDate' | 'system'>): boolean {
  return fnv1a32(submissionKey(row)) % HOLDOUT_MODULUS < HOLDOUT_RESIDUES;
}
