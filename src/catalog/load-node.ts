import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCatalog, type Catalog, type CatalogFile } from './catalog';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function readDir(dir: string): CatalogFile[] {
  return readdirSync(join(ROOT, dir))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ name: basename(f, '.json'), data: JSON.parse(readFileSync(join(ROOT, dir, f), 'utf8')) as unknown }));
}

/** The bundled catalog for Node (CLI, scripts, tests). */
export function loadCatalogFromDisk(): { catalog: Catalog; problems: string[] } {
  return buildCatalog(readDir('hardware-profiles'), readDir('models'));
}
