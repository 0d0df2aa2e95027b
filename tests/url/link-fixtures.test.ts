// Frozen fixture links of every shipped link version (tests/fixtures/links/v<N>-*.json, written by
// scripts/make-link-fixtures.ts when version N shipped, never edited) keep opening to the same
// state. They are decoded against the catalog snapshot stored with them, so changes to catalog data
// do not mask (or fake) a change in how links are read; the live catalog must still open them.

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AppState } from '../../src/app-state/app-state';
import { defaultSettings } from '../../src/app-state/defaults';
import { withLabEntries } from '../../src/app-state/lab-entries';
import { labOriginal } from '../../src/app-state/lookup';
import { labRateClass } from '../../src/app-state/update';
import { buildCatalog, type Catalog } from '../../src/catalog/catalog';
import { SCENARIO_MIGRATIONS } from '../../src/scenario/migrations';
import { SCENARIO_VERSION } from '../../src/scenario/scenario';
import { runMigrations } from '../../src/schema/migrate';
import { defaultMarketSelection } from '../../src/market/options';
import { parseHardwareProfile } from '../../src/records/hardware-profile';
import { parseModelArchitecture } from '../../src/records/model-architecture';
import { LINK_BASES } from '../../src/url/link-bases';
import { LINK_VERSION, currentBase } from '../../src/url/link-format';
import { decodeLink } from '../../src/url/link';
import { MIGRATIONS, migrationChainProblems } from '../../src/url/migrations';
import { catalog as liveCatalog, env } from '../app-state/helpers';
import { stateProblems } from './valid-state';

const DIR = new URL('../fixtures/links/', import.meta.url).pathname;

interface Fixture {
  file: string;
  linkVersion: number;
  description: string;
  link: string;
  state: AppState;
}

const fixtures: Fixture[] = readdirSync(DIR)
  .filter((f) => /^v\d+-.+\.json$/.test(f) && !f.endsWith('-catalog.json'))
  .sort()
  .map((file) => ({ file, ...(JSON.parse(readFileSync(join(DIR, file), 'utf8')) as Omit<Fixture, 'file'>) }));

function snapshotCatalog(version: number) {
  const raw = JSON.parse(readFileSync(join(DIR, `v${version}-catalog.json`), 'utf8')) as { hardware: { id: string }[]; models: { id: string }[] };
  const { catalog, problems } = buildCatalog(raw.hardware.map((data) => ({ name: data.id, data })), raw.models.map((data) => ({ name: data.id, data })));
  expect(problems).toEqual([]);
  return catalog;
}

const ADDED_SINCE_FROZEN: Partial<AppState> = { design: null };

/**
 * The fixture's state brought to today's formats: records (chips, models) to today's schema
 * versions, the settings (a scenario without its chip) through the scenario migrations, and the
 * state fields added since its link version shipped at their defaults (such a field writes nothing
 * into a link while at its default, so it needs no new link version). The link must change nothing else.
 */
function withCurrentRecords(state: AppState, catalog: Catalog): AppState {
  const chip = (c: unknown) => parseHardwareProfile(c).value!;
  const { model, ...settings } = state.settings;
  const migrated = runMigrations({ ...settings, version: 1 }, 1, SCENARIO_VERSION, SCENARIO_MIGRATIONS).value;
  const { version: _v, ...current } = migrated;
  const defaults = defaultSettings();
  const opened: AppState = {
    // App-state fields added after the fixture was frozen, at their defaults (old links omit them).
    ...ADDED_SINCE_FROZEN,
    ...state,
    settings: { ...defaults, ...current, engine: { ...defaults.engine, ...(current.engine as object) }, model } as AppState['settings'],
    // Added with the Market view (issue 14).
    market: state.market ?? defaultMarketSelection(),
    lab: { ...state.lab, chip: chip(state.lab.chip) },
    customChips: state.customChips.map(chip),
    customModels: state.customModels.map((m) => parseModelArchitecture(m).value!),
  };
  // Which lab values differ from the original's, derived on decoding (lab-entries.ts; added after v9).
  return { ...opened, lab: { ...opened.lab, chip: withLabEntries(opened.lab.chip, labOriginal(opened, catalog), labRateClass(opened)) } };
}

describe('frozen fixture links', () => {
  it('every shipped version has fixtures and a frozen base', () => {
    for (let v = 1; v <= LINK_VERSION; v++) {
      expect(fixtures.filter((f) => f.linkVersion === v).length, `fixtures of link version ${v}`).toBeGreaterThanOrEqual(2);
      expect(LINK_BASES.has(v), `bases/v${v}.json`).toBe(true);
    }
    // The base the page carries is the current version's frozen one.
    expect(LINK_BASES.get(LINK_VERSION)).toBe(currentBase());
  });

  it.each(fixtures.map((f) => [f.file, f] as const))('%s opens to the same state', async (_file, fixture) => {
    const catalog = snapshotCatalog(fixture.linkVersion);
    const d = await decodeLink(fixture.link, catalog, undefined, { views: env.views });
    expect(d.messages).toEqual([]);
    expect(d.version).toBe(fixture.linkVersion);
    expect(d.migrated).toEqual(Array.from({ length: LINK_VERSION - fixture.linkVersion }, (_, i) => fixture.linkVersion + i));
    expect(d.state).toEqual(withCurrentRecords(fixture.state, catalog));
  });

  it.each(fixtures.map((f) => [f.file, f] as const))('%s opens with the live catalog too', async (_file, fixture) => {
    const d = await decodeLink(fixture.link, liveCatalog, undefined, { views: env.views });
    expect(d.status).toBe('read');
    expect(stateProblems(d.state, liveCatalog, env.views)).toEqual([]);
  });
});

describe('migrations', () => {
  it('form one chain: exactly one migration from each older version', () => {
    expect(migrationChainProblems(MIGRATIONS, LINK_VERSION)).toEqual([]);
  });

  it('every registered migration runs for at least one fixture', async () => {
    const ran = new Set<number>();
    for (const f of fixtures) {
      const d = await decodeLink(f.link, snapshotCatalog(f.linkVersion), undefined, { views: env.views });
      for (const v of d.migrated) ran.add(v);
    }
    const never = MIGRATIONS.filter((m) => !ran.has(m.from)).map((m) => `${m.from} -> ${m.from + 1}: ${m.description}`);
    expect(never, 'migrations no fixture exercises (add fixtures of the older version)').toEqual([]);
  });
});
