// Writes frozen fixture links of the current link version to tests/fixtures/links/, with the state
// each must open to and a snapshot of the catalog entries they use. Run once when a link version
// ships (npx tsx scripts/make-link-fixtures.ts); existing files are never overwritten, because old
// links in the wild keep their meaning: tests/url/link-fixtures.test.ts reopens every fixture.

import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AppState } from '../src/app-state/app-state';
import { defaultAppState } from '../src/app-state/defaults';
import { update, type Action, type UpdateEnv } from '../src/app-state/update';
import { loadCatalogFromDisk } from '../src/catalog/load-node';
import { LINK_VERSION, currentBase } from '../src/url/link-format';
import { decodeLink, encodeLink } from '../src/url/link';
import { toWire } from '../src/url/wire-fields';

const DIR = fileURLToPath(new URL('../tests/fixtures/links/', import.meta.url));
const { catalog } = loadCatalogFromDisk();
const env: UpdateEnv = { catalog, views: new Set(['compare', 'model-size', 'chip-lab']) };
const apply = (state: AppState, actions: Action[]) => actions.reduce((s, a) => update(s, a, env), state);

const h200 = catalog.hardware.get('nvidia-h200-sxm')!;
const llama8b = catalog.models.get('llama-3.1-8b')!;

const CASES: { name: string; description: string; state: AppState }[] = [
  { name: 'default', description: 'the landing state', state: defaultAppState(catalog) },
  {
    name: 'workload',
    description: 'model-size view; workload, precision, SLO, TCO pricing and economics edited; chips removed, added and recounted; ranking and frontier axis changed',
    state: apply(defaultAppState(catalog), [
      { type: 'set-model', model: 'deepseek-v3' },
      { type: 'set-precision', precision: 'fp4', part: 'weights' },
      { type: 'set-setting', field: 'inputTokens', value: 8192 },
      { type: 'set-setting', field: 'outputTokens', value: 1024 },
      { type: 'set-setting', field: 'prefixCacheHitRate', value: 0.3 },
      { type: 'set-setting', field: 'maxTtftSeconds', value: null },
      { type: 'set-setting', field: 'maxTpotSeconds', value: 0.03 },
      { type: 'set-pricing', pricing: 'tco' },
      { type: 'set-efficiency-mode', mode: 'spec' },
      { type: 'set-setting', field: 'usdPerKwh', value: 0.12 },
      { type: 'set-setting', field: 'capexUsdPerChip', value: 30_000 },
      { type: 'toggle-chip', id: 'groq-lpu', on: false },
      { type: 'toggle-chip', id: 'nvidia-a100-sxm', on: true },
      { type: 'set-chip-count', id: 'amd-mi300x', chips: 16 },
      { type: 'set-chip-count', id: 'nvidia-h100-sxm', chips: 'auto' },
      { type: 'set-rank-by', key: 'tokensPerSecondPerUser' },
      { type: 'set-frontier-metric', metric: 'usdPerMillion' },
      { type: 'set-view', view: 'model-size' },
      { type: 'set-family', family: 'moe' },
      { type: 'set-sweep-sizes', sizes: 20 },
    ]),
  },
  {
    name: 'lab-custom',
    description: 'chip lab: edited H200 saved as a custom chip (name with markup), an imported model, the explanation panel open',
    state: apply(defaultAppState(catalog), [
      { type: 'set-view', view: 'chip-lab' },
      { type: 'lab-set', param: 'hbmCapacity', value: 288e9 },
      { type: 'lab-set', param: 'hbmBandwidth', value: 8e12 },
      { type: 'lab-set', param: 'rentalPrice', value: 3.1 },
      { type: 'lab-set-name', name: 'H200 <img src=x onerror=window.__xss=1> 288GB' },
      { type: 'lab-save' },
      { type: 'lab-set-chips', chips: 16 },
      { type: 'add-custom-model', model: { ...structuredClone(llama8b), id: 'my-model', name: 'My <b>model</b>', numLayers: 40, publishedParamsTotal: 10e9 } },
      { type: 'add-custom-chip', profile: { ...structuredClone(h200), id: 'imported-chip', name: 'Imported "chip" & co', price: { ...h200.price, rentalUsdPerChipHour: null } } },
      { type: 'open-explain', hardwareId: 'nvidia-h200-sxm-lab', key: 'usdPerMillionOutputTokens' },
    ]),
  },
  {
    name: 'blank-lab',
    description: 'chip lab started from the blank chip, edited, saved and chosen as the break-even target of a second lab chip started from it',
    state: apply(defaultAppState(catalog), [
      { type: 'set-view', view: 'chip-lab' },
      { type: 'lab-start', baseId: null },
      { type: 'lab-set', param: 'compute', value: 3e15 },
      { type: 'lab-set-sram-weights', on: true },
      { type: 'lab-set-name', name: 'Blank-based' },
      { type: 'lab-save' },
      { type: 'lab-start', baseId: 'custom-lab' },
      { type: 'lab-set', param: 'tdp', value: 1200 },
      { type: 'lab-set-target', id: 'custom-lab' },
      { type: 'lab-set-chips', chips: 'auto' },
    ]),
  },
];

/** JSON with object keys sorted: two states are the same whatever order their keys were set in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (v !== null && typeof v === 'object' && !Array.isArray(v)
    ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b))) : v));
}

mkdirSync(DIR, { recursive: true });
const hardware = new Set<string>();
const models = new Set<string>(['llama-3.1-70b']);
for (const id of currentBase().pickNames.map((n) => n.slice(0, n.lastIndexOf(':')))) hardware.add(id);
for (const c of CASES) {
  const file = join(DIR, `v${LINK_VERSION}-${c.name}.json`);
  const link = await encodeLink(c.state, catalog);
  const decoded = await decodeLink(link, catalog, undefined, { views: env.views });
  if (canonical(decoded.state) !== canonical(c.state) || decoded.messages.length > 0) throw new Error(`${c.name}: does not round-trip: ${decoded.messages.join('; ')}`);
  const wire = toWire(c.state, catalog, currentBase());
  for (const p of c.state.compare.picks) if (catalog.hardware.has(p.id)) hardware.add(p.id);
  for (const id of [wire.lab.base, wire.lab.from, wire.lab.target, ...wire.chips.map((r) => r.base)]) if (typeof id === 'string' && catalog.hardware.has(id)) hardware.add(id);
  for (const id of [c.state.settings.model, ...wire.models.map((r) => r.base)]) if (typeof id === 'string' && catalog.models.has(id)) models.add(id);
  if (existsSync(file)) {
    console.log(`kept ${file} (frozen)`);
    continue;
  }
  writeFileSync(file, `${JSON.stringify({ linkVersion: LINK_VERSION, description: c.description, link, state: c.state }, null, 1)}\n`);
  console.log(`wrote ${file}: ${link.length} characters`);
}
const catalogFile = join(DIR, `v${LINK_VERSION}-catalog.json`);
if (!existsSync(catalogFile)) {
  const snapshot = {
    hardware: [...hardware].sort().map((id) => catalog.hardware.get(id)),
    models: [...models].sort().map((id) => catalog.models.get(id)),
  };
  writeFileSync(catalogFile, `${JSON.stringify(snapshot)}\n`);
  console.log(`wrote ${catalogFile}: ${hardware.size} chips, ${models.size} models`);
}
