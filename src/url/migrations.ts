// Numbered migrations of the link wire format. Migration N turns a full version-N wire object
// (its patch already applied to bases/vN.json) into version N+1. Version 1 is the first shipped
// format, so the list is empty today. To change the format:
//   1. freeze bases/v(N+1).json and register it in LINK_BASES (link-format.ts);
//   2. add { from: N, up } below and bump LINK_VERSION;
//   3. add fixture links of version N+1 under tests/fixtures/links/ (scripts/make-link-fixtures.ts);
//      the fixtures of version N keep opening through `up` (tests/url/migrations.test.ts checks
//      that every registered migration runs for at least one fixture).
// A migration receives untrusted JSON: it must not assume any field exists or has a type; the
// wire parser checks everything after the last migration.

export interface Migration {
  /** Version this migration reads; it writes from + 1. */
  from: number;
  description: string;
  up(wire: Record<string, unknown>): Record<string, unknown>;
}

export const MIGRATIONS: readonly Migration[] = [];

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
  migrations: readonly Migration[] = MIGRATIONS,
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
