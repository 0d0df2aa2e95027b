// Numbered migrations of versioned JSON (link wire format, hardware profiles, models, designs,
// stored custom chips): migration N turns a version-N object into version N+1. A migration reads
// untrusted JSON, so it must not assume any field exists or has a type; the schema checks
// everything after the last migration.

import { IssueLog, isRecord, own } from '../parse/fields';
import { parseWith, type Parsed, type Schema } from './schema';

export interface Migration {
  /** Version this migration reads; it writes from + 1. */
  from: number;
  description: string;
  /** Fields it moved: new path -> the path the older version wrote (problems found there name both). */
  renamed?: Readonly<Record<string, string>>;
  up(wire: Record<string, unknown>): Record<string, unknown>;
}

export interface MigrationOutcome {
  value: Record<string, unknown>;
  /** `from` of each migration that ran, in order. */
  ran: number[];
  /** Version at which migrating stopped (a missing or failing migration); null when it reached `to`. */
  failedAt: number | null;
}

/** Runs migrations from..to-1 in order. Never throws: a failing step stops with what it had. */
export function runMigrations(
  wire: Record<string, unknown>,
  from: number,
  to: number,
  migrations: readonly Migration[],
): MigrationOutcome {
  const byFrom = new Map(migrations.map((m) => [m.from, m]));
  let value = wire;
  const ran: number[] = [];
  for (let v = from; v < to; v++) {
    const m = byFrom.get(v);
    if (m === undefined) return { value, ran, failedAt: v };
    try {
      const next = m.up(structuredClone(value));
      if (typeof next !== 'object' || next === null || Array.isArray(next)) return { value, ran, failedAt: v };
      value = next;
      ran.push(v);
    } catch {
      return { value, ran, failedAt: v };
    }
  }
  return { value, ran, failedAt: null };
}

/** Problems with a migration list: every version below `current` needs exactly one migration. */
export function migrationChainProblems(migrations: readonly Migration[], current: number): string[] {
  const problems: string[] = [];
  for (let v = 1; v < current; v++) {
    const n = migrations.filter((m) => m.from === v).length;
    if (n !== 1) problems.push(`version ${v} has ${n} migrations (expected 1)`);
  }
  for (const m of migrations) if (m.from < 1 || m.from >= current) problems.push(`migration from ${m.from} is outside 1..${current - 1}`);
  return problems;
}

/** Key holding the schema version of a record file (profiles, models, designs, stored chips). */
export const SCHEMA_VERSION_KEY = 'schemaVersion';

export interface RecordVersioning {
  /** The version this build writes and reads natively. */
  current: number;
  migrations: readonly Migration[];
  /** "a hardware profile", for messages. */
  what: string;
}

export type MigratedRecord =
  | { ok: true; value: unknown; from: number; ran: number[] }
  | { ok: false; path: string; message: string };

/**
 * Brings a record to the current schema version. An absent `schemaVersion` is version 1 (files
 * written before versions existed). Newer versions and failing migrations are errors, never throws.
 */
export function migrateRecord(raw: unknown, versioning: RecordVersioning): MigratedRecord {
  if (!isRecord(raw)) return { ok: true, value: raw, from: versioning.current, ran: [] };
  const declared = own(raw, SCHEMA_VERSION_KEY);
  const from = declared === undefined ? 1 : declared;
  if (typeof from !== 'number' || !Number.isInteger(from) || from < 1) {
    return { ok: false, path: SCHEMA_VERSION_KEY, message: `must be an integer from 1 to ${versioning.current}, got ${JSON.stringify(from)?.slice(0, 40) ?? typeof from}` };
  }
  if (from > versioning.current) {
    return { ok: false, path: SCHEMA_VERSION_KEY, message: `is ${from}: this file was written by a newer version of tokencost (this one reads ${versioning.what} up to version ${versioning.current})` };
  }
  const migrated = runMigrations(raw, from, versioning.current, versioning.migrations);
  if (migrated.failedAt !== null) {
    return { ok: false, path: SCHEMA_VERSION_KEY, message: `could not be upgraded from version ${migrated.failedAt} to ${versioning.current}` };
  }
  return { ok: true, value: { ...migrated.value, [SCHEMA_VERSION_KEY]: versioning.current }, from, ran: migrated.ran };
}

/** Migrates then validates a record; never throws (exotic inputs become one error). */
export function parseRecord<T>(schema: Schema<T>, versioning: RecordVersioning, raw: unknown, what: string): Parsed<T> {
  try {
    const migrated = migrateRecord(raw, versioning);
    if (!migrated.ok) return { value: null, errors: [{ path: migrated.path, message: migrated.message }], warnings: [] };
    return parseWith(schema, migrated.value, what, new IssueLog());
  } catch (error) {
    let detail = 'unknown failure';
    try {
      detail = error instanceof Error ? error.message.slice(0, 80) : String(error).slice(0, 80);
    } catch {
      // keep the generic detail
    }
    return { value: null, errors: [{ path: '', message: `could not be read as ${what} (${detail})` }], warnings: [] };
  }
}
