// The page's workers and the Node tools (CLI, `npm run validate`, the build's shipped validation
// reports) read the same data files: their catalogs must be one catalog.
import { describe, expect, it } from 'vitest';
import { loadBundledCatalog } from '../../src/catalog/load-bundled';
import { loadCatalogFromDisk } from '../../src/catalog/load-node';

describe('bundled catalog', () => {
  it('equals the catalog Node reads from disk, entry for entry and in the same order', () => {
    const bundled = loadBundledCatalog();
    const disk = loadCatalogFromDisk();
    expect(bundled.problems).toEqual(disk.problems);
    expect([...bundled.catalog.hardware.entries()]).toEqual([...disk.catalog.hardware.entries()]);
    expect([...bundled.catalog.models.entries()]).toEqual([...disk.catalog.models.entries()]);
    expect(bundled.catalog.hardware.size).toBeGreaterThan(20);
  });
});
