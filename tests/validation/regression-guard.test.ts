// Regression guard (issue 7): the engine's accuracy on the calibration set must not get worse than
// the value stored in src/validation/accuracy-baseline.ts (updated deliberately, never silently).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCatalogFromDisk } from '../../src/catalog/load-node';
import { ACCURACY_BASELINE, ACCURACY_TOLERANCE } from '../../src/validation/accuracy-baseline';
import { formatValidationReport } from '../../src/validation/report';
import { runValidation } from '../../src/validation/validate';

const csv = readFileSync(new URL('../../reference/calibration.csv', import.meta.url), 'utf8');
const { catalog, problems } = loadCatalogFromDisk();
const report = runValidation(csv, catalog);

describe('validation against reference/calibration.csv', () => {
  it('runs every modelled row without problems', () => {
    expect(problems).toEqual([]);
    expect(report.problems).toEqual([]);
    expect(report.summary.target.count).toBe(ACCURACY_BASELINE.targetRows);
  });

  it(`median |error| on MLPerf + vendor tables stays <= the stored ${ACCURACY_BASELINE.targetMedianAbsError} (+${ACCURACY_TOLERANCE.median})`, () => {
    expect(report.summary.target.medianAbs).toBeLessThanOrEqual(ACCURACY_BASELINE.targetMedianAbsError + ACCURACY_TOLERANCE.median);
  });

  it(`worst |error| stays <= the stored ${ACCURACY_BASELINE.targetWorstAbsError} (+${ACCURACY_TOLERANCE.worst})`, () => {
    expect(report.summary.target.worstAbs).toBeLessThanOrEqual(ACCURACY_BASELINE.targetWorstAbsError + ACCURACY_TOLERANCE.worst);
  });

  it(`MLPerf relative (ratio) median |error| stays <= the stored ${ACCURACY_BASELINE.relativeMedianAbsError} (+${ACCURACY_TOLERANCE.median})`, () => {
    expect(report.summary.relative.medianAbs).toBeLessThanOrEqual(ACCURACY_BASELINE.relativeMedianAbsError + ACCURACY_TOLERANCE.median);
  });

  it('reports vendor claims with what they imply and never puts them in the target set', () => {
    const claims = report.rows.filter((r) => r.plan.claim);
    expect(claims.length).toBeGreaterThan(5);
    for (const c of claims) {
      expect(c.plan.inTargetSet).toBe(false);
      expect(c.claim?.text.length ?? 0).toBeGreaterThan(10);
    }
    const etched = claims.find((c) => c.plan.hardwareId === 'etched-sohu');
    expect(etched?.claim?.beyondIdeal).toBe(true);
    expect(etched?.claim?.impliedComputeUtilization ?? 0).toBeGreaterThan(1);
  });

  it('prints the table, the summary and the excluded rows with reasons', () => {
    const text = formatValidationReport(report);
    expect(text).toContain('TARGET SET: MLPerf + vendor tables');
    expect(text).toContain('MLPerf relative accuracy');
    expect(text).toContain('Rows not modelled yet');
    for (const e of report.excluded) expect(text).toContain(`#${e.row.index} `);
  });
});
