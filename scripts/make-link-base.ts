// npx tsx scripts/make-link-base.ts [--force]
// Writes src/url/bases/v<LINK_VERSION>.json: the landing state in wire form, the default chip list
// (the dictionary of pick indices) and the blank chip, all as this build makes them. A base is the
// dictionary old links were written against: once a version has shipped it never changes, so the
// file is only written when missing (--force while the version is still unreleased).

import { existsSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { blankChip } from '../src/app-state/blank-chip';
import { defaultAppState } from '../src/app-state/defaults';
import { loadCatalogFromDisk } from '../src/catalog/load-node';
import { LINK_VERSION, pickName, type LinkBase } from '../src/url/link-format';
import { toWire } from '../src/url/wire-fields';

const force = process.argv.includes('--force');
const file = fileURLToPath(new URL(`../src/url/bases/v${LINK_VERSION}.json`, import.meta.url));
if (existsSync(file) && !force) {
  process.stdout.write(`kept ${file} (frozen; --force only before the version ships)\n`);
  process.exit(0);
}
const { catalog } = loadCatalogFromDisk();
const state = defaultAppState(catalog);
const pickNames = state.compare.picks.map((p) => pickName(p.id, p.chips));
// The wire of the landing state, with picks as indices into the list written beside it.
const draft: LinkBase = { wire: toWire(state, catalog, { wire: {} as LinkBase['wire'], pickNames, blank: blankChip() }), pickNames, blank: blankChip() };
writeFileSync(file, `${JSON.stringify(draft, null, 1)}\n`);
process.stdout.write(`wrote ${file}: ${pickNames.length} default picks\n`);
