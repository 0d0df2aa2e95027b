import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCatalogFromDisk } from '../../src/catalog/load-node';
import { compareText } from '../../src/format/compare-text';

const sign = (n: number) => Math.sign(n) || 0;

describe('compareText (ordering without ICU)', () => {
  it("orders every id, name and vendor of the catalog as localeCompare does", () => {
    const { catalog } = loadCatalogFromDisk();
    const hardware = [...catalog.hardware.values()];
    const models = [...catalog.models.values()];
    const texts = [
      ...hardware.flatMap((h) => [h.id, h.name, h.vendor]),
      ...models.flatMap((m) => [m.id, m.name]),
      '2024-06-01', '2025-01-15', '2023-12-31', 'v5e', 'v5p', 'V5e', 'a', 'A', 'b',
    ];
    expect(texts.length).toBeGreaterThan(100);
    for (const a of texts) for (const b of texts) expect(sign(compareText(a, b))).toBe(sign(a.localeCompare(b)));
  });

  it('is a total order on ASCII letters, digits and id punctuation', () => {
    const text = fc.string({ unit: fc.constantFrom(...'aAbBzZ019-. '.split('')), maxLength: 6 });
    fc.assert(fc.property(text, text, (a, b) => {
      expect(sign(compareText(a, b))).toBe(0 - sign(compareText(b, a)) || 0);
      if (compareText(a, b) === 0) expect(a).toBe(b);
    }));
  });
});
