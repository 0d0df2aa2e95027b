// The migration runner itself, with made-up future versions (version 1 is the first shipped
// format, so the real list is empty; tests/url/link-fixtures.test.ts covers the real list).

import { describe, expect, it } from 'vitest';
import { decodeLink, encodeLink } from '../../src/url/link';
import { migrationChainProblems, runMigrations, type Migration } from '../../src/url/migrations';
import { apply, catalog, env, fresh } from '../app-state/helpers';

const rename: Migration = { from: 1, description: 'rename field a to b', up: (w) => { const { a, ...rest } = w; return { ...rest, b: a }; } };
const double: Migration = { from: 2, description: 'double b', up: (w) => ({ ...w, b: typeof w.b === 'number' ? w.b * 2 : w.b }) };
const broken: Migration = { from: 2, description: 'throws', up: () => { throw new Error('boom'); } };

describe('runMigrations', () => {
  it('runs N -> N+1 in order up to the current version', () => {
    expect(runMigrations({ a: 2 }, 1, 3, [double, rename])).toEqual({ value: { b: 4 }, ran: [1, 2], failedAt: null });
    expect(runMigrations({ b: 2 }, 2, 3, [rename, double])).toEqual({ value: { b: 4 }, ran: [2], failedAt: null });
    expect(runMigrations({ a: 1 }, 3, 3, [rename, double]).ran).toEqual([]);
  });

  it('stops with what it had at a missing or failing step, never throws', () => {
    expect(runMigrations({ a: 2 }, 1, 3, [rename])).toEqual({ value: { b: 2 }, ran: [1], failedAt: 2 });
    expect(runMigrations({ a: 2 }, 1, 3, [rename, broken])).toEqual({ value: { b: 2 }, ran: [1], failedAt: 2 });
  });

  it('does not mutate its input', () => {
    const input = { a: 1 };
    runMigrations(input, 1, 2, [rename]);
    expect(input).toEqual({ a: 1 });
  });

  it('checks the chain', () => {
    expect(migrationChainProblems([rename, double], 3)).toEqual([]);
    expect(migrationChainProblems([rename], 3)).toEqual(['version 2 has 0 migrations (expected 1)']);
    expect(migrationChainProblems([rename, double, broken], 3)).toEqual(['version 2 has 2 migrations (expected 1)']);
  });

  it('links of the current version run no migration and report none', async () => {
    const state = apply(fresh(), { type: 'set-setting', field: 'inputTokens', value: 999 });
    const d = await decodeLink(await encodeLink(state, catalog), catalog, undefined, { views: env.views, migrations: [rename, double] });
    expect(d.state).toEqual(state);
    expect(d.migrated).toEqual([]);
  });
});
