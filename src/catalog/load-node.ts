import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCatalog, type Catalog, type CatalogFile } from './catalog';
import { compareText } from '../format/compare-text';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function readDir(dir: string): CatalogFile[] {
  // Ordered by name as load-bundled.ts orders them (not by file name: "a-b.json" sorts before "a.json").
  return readdirSync(join(ROOT, dir))
    .filter((f) => f.endsWith('.json'))
    .map((f) => ({ name: basename(f, '.json'), data: JSON.parse(readFileSync(join(ROOT, dir, f), 'utf8')) as unknown }))
    .sort((a, b) => compareText(a.name, b.name));
}

/** The bundled catalog for Node (CLI, scripts, tests). */
export function loadCatalogFromDisk(): { catalog: Catalog; problems: string[] } {
  return buildCatalog(readDir('hardware-profiles'), readDir('models'));
}
