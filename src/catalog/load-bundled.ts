import { buildCatalog, type Catalog, type CatalogFile } from './catalog';
import { compareText } from '../format/compare-text';

// Vite inlines every data file at build time; the same validator as uploads checks them.
const hardwareModules = import.meta.glob('../../hardware-profiles/*.json', { eager: true, import: 'default' });
const modelModules = import.meta.glob('../../models/*.json', { eager: true, import: 'default' });

function files(modules: Record<string, unknown>): CatalogFile[] {
  return Object.entries(modules)
    .map(([path, data]) => ({ name: path.slice(path.lastIndexOf('/') + 1, -'.json'.length), data }))
    .sort((a, b) => compareText(a.name, b.name));
}

/** The bundled catalog in the browser or a worker. */
export function loadBundledCatalog(): { catalog: Catalog; problems: string[] } {
  return buildCatalog(files(hardwareModules), files(modelModules));
}
