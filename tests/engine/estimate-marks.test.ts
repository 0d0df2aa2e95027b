// A result lists the estimated figures its numbers used, and only those.
import { describe, expect, it } from 'vitest';
import { loadCatalogFromDisk } from '../../src/catalog/load-node';
import { simulate } from '../../src/engine/simulate';
import { resolveScenario } from '../../src/scenario/resolve';
import { defaultScenario } from '../../src/scenario/scenario';

const { catalog } = loadCatalogFromDisk();
const marks = (hardware: string, pricing: 'rental' | 'tco') => simulate(resolveScenario({
  ...defaultScenario(), hardware, economics: { ...defaultScenario().economics, pricing },
}, catalog).value!, { frontier: false }).estimateMarks.map((m) => m.split(':')[0]);

describe('estimate marks', () => {
  it('the estimated purchase price counts on the owning-cost basis, not under a market rental', () => {
    expect(catalog.hardware.get('nvidia-h200-sxm')!.estimates['price.listPriceUsd']).toBeDefined();
    expect(marks('nvidia-h200-sxm', 'tco')).toContain('price.listPriceUsd');
    expect(marks('nvidia-h200-sxm', 'rental')).not.toContain('price.listPriceUsd');
  });

  it('a rental estimated from the owning cost uses the purchase price too', () => {
    const sohu = catalog.hardware.get('etched-sohu')!;
    expect(sohu.price.rentalUsdPerChipHour).toBeNull();
    expect(sohu.estimates['price.listPriceUsd']).toBeDefined();
    const rental = marks('etched-sohu', 'rental');
    expect(rental).toContain('price.listPriceUsd');
    expect(rental).toContain('price.rentalUsdPerChipHour');
  });
});
