// Numbered migrations of the link wire format (the runner is shared: src/schema/migrate.ts). Migration N turns a full version-N wire object
// (its patch already applied to bases/vN.json) into version N+1. A recalibration that changes the
// landing state or the blank chip also needs a new version (the bases are frozen). To change them:
//   1. freeze bases/v(N+1).json, register it in LINK_BASES (link-bases.ts) and make it currentBase (link-format.ts);
//   2. add { from: N, up } below (a recalibration: recalibration(N, cause, vN.blank, vN+1.blank)) and bump LINK_VERSION;
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
import v3 from './bases/v3.json';
import v4 from './bases/v4.json';
import v5 from './bases/v5.json';
import v6 from './bases/v6.json';
import v7 from './bases/v7.json';
import v8 from './bases/v8.json';
import v9 from './bases/v9.json';
import v10 from './bases/v10.json';
import v11 from './bases/v11.json';
import v12 from './bases/v12.json';
import v13 from './bases/v13.json';
import v14 from './bases/v14.json';
import v15 from './bases/v15.json';
import { applyPatch, diff } from './patch';

export { migrationChainProblems, runMigrations, type Migration, type MigrationOutcome } from '../schema/migrate';

/** A frozen blank chip as a base file stores it (untyped JSON: versions differ in their fields). */
type Blank = Record<string, unknown>;

/** An edit of one version's blank chip, re-based on the next version's (the blank's data changed between them). */
function rebasedEdit(from: Blank, to: Blank, edit: unknown): unknown {
  const full = edit === undefined ? structuredClone(from) : applyPatch(structuredClone(from), edit);
  return diff(to, full);
}

/**
 * A compared chip or the lab written against the blank chip (its reference null) gets its edit
 * re-based. A chip's reference is `base`; the lab's is `from` when present, else its starting chip
 * `base`. With `dropHash`, fingerprints go too: version-1 hashes fingerprint version-1 profiles,
 * which cannot be compared with today's records.
 */
function rebaseRef(ref: Record<string, unknown>, reference: unknown, from: Blank, to: Blank, dropHash: boolean): Record<string, unknown> {
  const { hash: _hash, ...unhashed } = ref;
  const kept = dropHash ? unhashed : ref;
  if (reference !== null) return kept;
  const { edit, ...rest } = kept;
  const next = rebasedEdit(from, to, edit);
  return next === undefined ? rest : { ...rest, edit: next };
}

/** Every blank-chip edit of `wire` (compared chips and the lab) re-based from one blank chip on another. */
function rebaseBlankEdits(wire: Record<string, unknown>, from: Blank, to: Blank, dropHash: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = { ...wire };
  if (Array.isArray(wire.chips)) out.chips = wire.chips.map((c: unknown) => (isRecord(c) ? rebaseRef(c, c.base, from, to, dropHash) : c));
  const lab = wire.lab;
  if (isRecord(lab)) out.lab = rebaseRef(lab, 'from' in lab ? lab.from : lab.base, from, to, dropHash);
  return out;
}

/**
 * A recalibration that changed only the blank chip's prior efficiencies: blank-chip edits re-base on
 * the new blank chip; the wire format is unchanged and chip fingerprints stay. `cause`: what changed.
 */
function recalibration(from: number, cause: string, before: Blank, after: Blank): Migration {
  return {
    from,
    description: `${cause}: the blank chip's prior efficiencies changed, so blank-chip edits re-base on the new blank chip; `
      + 'the wire format is unchanged and chip fingerprints stay',
    up: (wire) => rebaseBlankEdits(wire, before, after, false),
  };
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
      return rebaseBlankEdits(out, v1.blank, v2.blank, true);
    },
  },
  {
    from: 2,
    description: 'recalibration with MLPerf v6.0 rows: the blank chip\'s prior efficiencies changed, so blank-chip edits '
      + 're-base on the new blank chip; the wire format is unchanged and chip fingerprints stay (same record schema)',
    up: (wire) => rebaseBlankEdits(wire, v2.blank, v3.blank, false),
  },
  {
    from: 3,
    description: 'recalibration with MLPerf runs simulated at their mean output (decode context from the length spread) and '
      + 'NVIDIA families split by compute capability: the blank chip\'s prior efficiencies changed, so blank-chip edits re-base '
      + 'on the new blank chip; the wire format is unchanged and chip fingerprints stay (same record schema)',
    up: (wire) => rebaseBlankEdits(wire, v3.blank, v4.blank, false),
  },
  recalibration(4, 'recalibration with the L40S MLPerf runs (the prior\'s MoE factors moved)', v4.blank, v5.blank),
  recalibration(5, 'recalibration with 16-bit GEMMs at their own kernel-measured share (the prior\'s MoE factors moved)', v5.blank, v6.blank),
  recalibration(6, 'recalibration with the residual stream\'s norms and adds at 16 bits whatever the GEMMs\' format, and prompts '
    + 'computed whole every few steps where that costs less than spreading them (the prior\'s MoE factors moved)', v6.blank, v7.blank),
  recalibration(7, 'recalibration with the embedding and LM head at 16 bits in quantized checkpoints (the software factors moved)', v7.blank, v8.blank),
  {
    from: 8,
    description: 'recalibration with the SRAM chips\' fixed costs fitted per chip: the landing lab chip\'s fingerprint and the blank chip\'s '
      + 'note changed (its efficiencies did not), so blank-chip edits re-base on the new blank chip; the wire format is unchanged',
    up: (wire) => rebaseBlankEdits(wire, v8.blank, v9.blank, false),
  },
  recalibration(9, 'recalibration with 127 MLPerf v5.0 rows (the software factors and the prior\'s MoE factors moved)', v9.blank, v10.blank),
  recalibration(10, 'recalibration with pipelined replicas splitting prompt chunks over their micro-batches (the software factors and the prior\'s MoE factors moved)', v10.blank, v11.blank),
  recalibration(11, 'recalibration with a 3 ms serving step cost on every kernel-launched chip (the software factors, the prior\'s MoE factors and its step cost moved)', v11.blank, v12.blank),
  recalibration(12, 'recalibration with software factors allowed above 1 where stacks beat the timed kernels (the software factors, the prior\'s software and MoE factors moved)', v12.blank, v13.blank),
  recalibration(13, 'recalibration with MLPerf TensorRT-LLM runs at their configs\' token budgets, batch caps and layouts (the software factors, the prior\'s software and MoE factors moved)', v13.blank, v14.blank),
  recalibration(14, 'recalibration with the partners\' own TensorRT-LLM config classes and one capacity scheduler per TensorRT-LLM replica (the software factors, the prior\'s software and MoE factors moved)', v14.blank, v15.blank),
];

