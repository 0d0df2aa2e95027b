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

import type { Migration } from '../schema/migrate';

export { migrationChainProblems, runMigrations, type Migration, type MigrationOutcome } from '../schema/migrate';

export const MIGRATIONS: readonly Migration[] = [];

