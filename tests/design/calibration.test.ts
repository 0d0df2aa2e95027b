import { describe, expect, it } from 'vitest';
import { loadCatalogFromDisk } from '../../src/catalog/load-node';
import { calibrationRows } from '../../src/design/calibration';
import { CALIBRATION_BASELINE } from '../../src/design/calibration-baseline';
import { deriveDesign } from '../../src/design/derive';
import { DESIGN_PRESETS } from '../../src/design/presets';

const { catalog } = loadCatalogFromDisk();

function rows(id: string) {
  const d = DESIGN_PRESETS.get(id)!;
  return calibrationRows(deriveDesign(d), catalog.hardware.get(d.approximates!));
}

describe('calibration designs vs the chips they approximate', () => {
  it.each(Object.keys(CALIBRATION_BASELINE))('%s: no error grew past its baseline by more than a point', (id) => {
    const baseline = CALIBRATION_BASELINE[id]!;
    const measured = Object.fromEntries(rows(id).filter((r) => r.error !== null).map((r) => [r.quantity, r.error!]));
    expect(Object.keys(measured).sort()).toEqual(Object.keys(baseline).sort());
    for (const [quantity, error] of Object.entries(measured)) {
      expect(Math.abs(error), `${id} ${quantity}`).toBeLessThanOrEqual(Math.abs(baseline[quantity]!) + 0.01);
    }
  });

  it('peak bf16 of H100-, B200- and MI300X-like designs within 30%; memory bandwidth within 5%; build cost within 25% of the teardowns', () => {
    for (const id of ['nvidia-h100-like', 'nvidia-b200-like', 'amd-mi300x-like']) {
      const r = new Map(rows(id).map((x) => [x.quantity, x.error]));
      expect(Math.abs(r.get('peak dense bf16')!), id).toBeLessThan(0.3);
      expect(Math.abs(r.get('memory bandwidth')!), id).toBeLessThan(0.05);
      expect(Math.abs(r.get('build cost vs teardown estimate')!), id).toBeLessThan(0.25);
    }
  });

  it('counts a value the catalog marks as an estimate as unpublished (Sohu)', () => {
    const r = rows('etched-sohu-like');
    expect(r.map((x) => x.published)).toEqual([null, null, null, null, null, null]);
  });
});
