// Numbered migrations of the link wire format (the runner is shared: src/schema/migrate.ts). Migration N turns a full version-N wire object
// (its patch already applied to bases/vN.json) into version N+1. Version 1 is the first shipped
// format, so the list is empty today. To change the format:
//   1. freeze bases/v(N+1).json and register it in LINK_BASES (link-format.ts);
//   2. add { from: N, up } below and bump LINK_VERSION;
//   3. add fixture links of version N+1 under tests/fixtures/links/ (scripts/make-link-fixtures.ts);
//      the fixtures of version N keep opening through `up` (tests/url/migrations.test.ts checks
//      that every registered migration runs for at least one fixture).
// A migration receives untrusted JSON: it must not assume any field exists or has a type; the
// wire parser checks everything after the last migration.

import { isRecord } from '../parse/fields';
import type { Migration } from '../schema/migrate';
import { SCENARIO_MIGRATIONS } from '../scenario/migrations';
import v1 from './bases/v1.json';
import v2 from './bases/v2.json';
import { applyPatch, diff } from './patch';

export { migrationChainProblems, runMigrations, type Migration, type MigrationOutcome } from '../schema/migrate';

/** An edit of the v1 blank chip, re-based on the v2 blank chip (the blank's data changed between them). */
function rebasedEdit(edit: unknown): unknown {
  const full = edit === undefined ? structuredClone(v1.blank) : applyPatch(structuredClone(v1.blank), edit);
  return diff(v2.blank, full);
}

/**
 * A custom chip written against the blank chip (base null) gets its edit re-based. Chip hashes go:
 * they fingerprint version-1 profiles, which cannot be compared with today's version-2 records.
 */
function rebaseChip(ref: unknown): unknown {
  if (!isRecord(ref)) return ref;
  const { hash: _hash, ...unhashed } = ref;
  if (ref.base !== null) return unhashed;
  const { edit, ...rest } = unhashed;
  const next = rebasedEdit(edit);
  return next === undefined ? rest : { ...rest, edit: next };
}

/** The lab's reference is `from` when present, else its starting chip `base`; null = the blank chip. */
function rebaseLab(lab: Record<string, unknown>): Record<string, unknown> {
  const { hash: _hash, ...unhashed } = lab;
  const reference = 'from' in lab ? lab.from : lab.base;
  if (reference !== null) return unhashed;
  const { edit, ...rest } = unhashed;
  const next = rebasedEdit(edit);
  return next === undefined ? rest : { ...rest, edit: next };
}

export const MIGRATIONS: readonly Migration[] = [
  {
    from: 1,
    description: 'engine physics II: settings move to scenario version 2 (maxBatchPerReplica -> engine.maxSequences); '
      + 'compared chips written as names (the default list changed); blank-chip edits re-based on the new blank chip; '
      + 'chip fingerprints dropped (they were taken over version-1 hardware profiles)',
    up: (wire) => {
      const out: Record<string, unknown> = { ...wire };
      if (isRecord(wire.settings)) {
        const { model, ...rest } = wire.settings;
        const upgraded = SCENARIO_MIGRATIONS[0]!.up({ ...rest, version: 1 });
        const { version: _v, ...settings } = upgraded;
        out.settings = model === undefined ? settings : { ...settings, model };
      }
      if (Array.isArray(wire.picks)) {
        out.picks = wire.picks.map((p: unknown) => (typeof p === 'number' && Number.isInteger(p) && p >= 0 && p < v1.pickNames.length ? v1.pickNames[p] : p));
      }
      if (Array.isArray(wire.chips)) out.chips = wire.chips.map(rebaseChip);
      if (isRecord(wire.lab)) out.lab = rebaseLab(wire.lab);
      return out;
    },
  },
];

