// The SRAM chips' fixed-cost scales (dataflow-overhead.ts): a chip with two or more third-party
// single-stream speeds in the fit gets its own scale from those rows alone; the pooled scale uses all.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCatalogFromDisk } from '../../src/catalog/load-node';
import { parseCalibrationCsv } from '../../src/validation/calibration-rows';
import { dataflowRows, fitDataflowOverheadsByChip, MIN_OWN_DATAFLOW_ROWS, withDataflowOverheads } from '../../src/validation/dataflow-overhead';
import { evaluateRow } from '../../src/validation/evaluate-row';
import type { ModelledRow } from '../../src/validation/row-plan';
import { planRows } from '../../src/validation/row-to-scenario';
import { median } from '../../src/validation/stats';

const { catalog } = loadCatalogFromDisk();
const plans = planRows(parseCalibrationCsv(readFileSync(new URL('../../reference/calibration.csv', import.meta.url), 'utf8')).rows);
const rows = dataflowRows(plans, catalog);
const fits = fitDataflowOverheadsByChip(rows, catalog)!;

const medianAbsLog = (own: readonly ModelledRow[], scale: number) => {
  const c = withDataflowOverheads(catalog, scale);
  return median(own.map((p) => Math.abs(Math.log(evaluateRow(p, c, { skipClaims: true }).predicted! / p.measured))));
};

describe('dataflow fixed-cost scales', () => {
  it('fits only rows the hold-out rule keeps in, of SRAM-resident chips', () => {
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.row.holdout).toBe(false);
      expect(catalog.hardware.get(r.hardwareId)!.memory.sramHoldsWeights).toBe(true);
    }
    expect(fits.pooled.rows).toEqual(rows);
  });

  it('gives a chip its own scale exactly when it has enough rows, fitted on those rows alone', () => {
    for (const id of new Set(rows.map((r) => r.hardwareId))) {
      const own = rows.filter((r) => r.hardwareId === id);
      const fit = fits.byChip.get(id);
      if (own.length < MIN_OWN_DATAFLOW_ROWS) {
        expect(fit).toBeUndefined();
        continue;
      }
      expect(fit!.rows).toEqual(own);
      // Its own scale meets its own rows at least as well as the pooled one does.
      expect(medianAbsLog(own, fit!.scale)).toBeLessThanOrEqual(medianAbsLog(own, fits.pooled.scale) + 1e-9);
    }
    expect([...fits.byChip.keys()].sort()).toEqual(['cerebras-cs3', 'groq-lpu']);
  });

  it('is written into the profiles: each fitted chip cites its own rows', () => {
    for (const [id, fit] of fits.byChip) {
      const note = catalog.hardware.get(id)!.efficiency.note;
      expect(note).toContain(`this chip's ${fit.rows.length} third-party single-stream speeds (rows ${fit.rows.map((r) => r.row.index).join(', ')})`);
    }
    expect(catalog.hardware.get('matx-one')!.efficiency.note).toContain('of all SRAM-resident chips');
  });
});
