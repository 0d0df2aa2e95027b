// Regression guard (issue 7): the engine's accuracy on the calibration set must not get worse than
// the value stored in src/validation/accuracy-baseline.ts (updated deliberately, never silently).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCatalogFromDisk } from '../../src/catalog/load-node';
import { ACCURACY_BASELINE, ACCURACY_TOLERANCE } from '../../src/validation/accuracy-baseline';
import { LATENCY_LIMITED_ACCURACY } from '../../src/validation/latency-limited-accuracy';
import { formatValidationReport } from '../../src/validation/report';
import { runValidation } from '../../src/validation/validate';

const csv = readFileSync(new URL('../../reference/calibration.csv', import.meta.url), 'utf8');
const { catalog, problems } = loadCatalogFromDisk();
const report = runValidation(csv, catalog);

describe('validation against reference/calibration.csv', () => {
  const s = report.summary;

  it('runs every modelled row without problems and holds out the stored number of rows', () => {
    expect(problems).toEqual([]);
    expect(report.problems).toEqual([]);
    expect(s.heldOut.count).toBe(ACCURACY_BASELINE.heldOutRows);
    expect(s.heldOut.count).toBeGreaterThanOrEqual(15);
  });

  it(`held-out median |error| stays <= the stored ${ACCURACY_BASELINE.heldOutMedianAbsError} (+${ACCURACY_TOLERANCE.median})`, () => {
    expect(s.heldOut.medianAbs).toBeLessThanOrEqual(ACCURACY_BASELINE.heldOutMedianAbsError + ACCURACY_TOLERANCE.median);
  });

  it(`held-out rows with no near-identical run in the fit: ${ACCURACY_BASELINE.heldOutWithoutFitTwinRows} rows, median |error| <= ${ACCURACY_BASELINE.heldOutWithoutFitTwinMedianAbsError} (+${ACCURACY_TOLERANCE.median})`, () => {
    expect(s.heldOutWithoutFitTwin.count).toBe(ACCURACY_BASELINE.heldOutWithoutFitTwinRows);
    expect(s.heldOutWithoutFitTwin.count).toBeLessThan(s.heldOut.count);
    expect(s.heldOutWithoutFitTwin.medianAbs).toBeLessThanOrEqual(ACCURACY_BASELINE.heldOutWithoutFitTwinMedianAbsError + ACCURACY_TOLERANCE.median);
  });

  it(`cross-validated median |error| stays <= the stored ${ACCURACY_BASELINE.crossValidatedMedianAbsError} (+${ACCURACY_TOLERANCE.median})`, () => {
    expect(s.crossValidated!.medianAbs).toBeLessThanOrEqual(ACCURACY_BASELINE.crossValidatedMedianAbsError + ACCURACY_TOLERANCE.median);
  });

  it(`cross-validated per-chip ratio median |error| stays <= the stored ${ACCURACY_BASELINE.crossValidatedRelativeMedianAbsError} (+${ACCURACY_TOLERANCE.median})`, () => {
    expect(s.crossValidatedRelative!.medianAbs).toBeLessThanOrEqual(ACCURACY_BASELINE.crossValidatedRelativeMedianAbsError + ACCURACY_TOLERANCE.median);
  });

  it('the comparison table quotes what validate measures where a latency limit set the batch (latency-limited-accuracy.ts)', () => {
    const l = s.crossValidatedLatencyLimited!;
    expect(l.count).toBe(LATENCY_LIMITED_ACCURACY.rows);
    expect(l.medianSigned).toBeCloseTo(LATENCY_LIMITED_ACCURACY.medianSignedError, 3);
    expect(l.medianAbs).toBeCloseTo(LATENCY_LIMITED_ACCURACY.medianAbsError, 3);
    expect(s.coverage!.byBatchLimit.latencyLimited.count).toBe(LATENCY_LIMITED_ACCURACY.rows);
    expect(s.coverage!.byBatchLimit.latencyLimited.actual).toBeCloseTo(LATENCY_LIMITED_ACCURACY.rangeCoverage, 3);
    // Such rows exist because a latency limit does set the batch of some calibration runs (MLPerf Interactive).
    const bound = report.rows.filter((r) => r.batchLimitedBy === 'tpot-limit' || r.batchLimitedBy === 'ttft-limit');
    expect(bound.some((r) => r.plan.mlperf?.scenario === 'Interactive')).toBe(true);
  });

  it('one system\'s scenario ratios: Server close to measured, Interactive optimistic (README quotes both)', () => {
    const ratio = (key: string) => s.crossValidatedScenarioRatios.find((g) => g.key === key)!.summary;
    expect(ratio('Server / Offline').count).toBe(189);
    expect(ratio('Server / Offline').medianAbs).toBeLessThan(0.06);
    expect(ratio('Interactive / Offline').count).toBe(54);
    // Still optimistic (+10.5%; +20.6% before the serving step cost).
    expect(ratio('Interactive / Offline').medianSigned).toBeGreaterThan(0.05);
    expect(ratio('Interactive / Offline').medianSigned).toBeLessThan(0.15);
  });

  it('the ranges cover what they claim: the nominal coverage lies inside the 90% interval of the measured one', () => {
    const c = s.coverage!;
    expect(c.count).toBeGreaterThan(100);
    expect(c.met).toBe(true);
    expect(c.nominal).toBeGreaterThanOrEqual(c.interval90.low);
    expect(c.nominal).toBeLessThanOrEqual(c.interval90.high);
    // The per-row flags the Accuracy view shows add up to it, split by architecture and held-out rows too.
    const flags = report.crossValidated!.rows.filter((r) => r.inRange !== null);
    expect(flags.length).toBe(c.count);
    expect(flags.filter((r) => r.inRange).length / flags.length).toBeCloseTo(c.actual, 12);
    const held = flags.filter((r) => !r.usedForFit);
    expect(held.length).toBe(c.heldOut.count);
    expect(held.filter((r) => r.inRange).length / held.length).toBeCloseTo(c.heldOut.actual, 12);
    expect(c.byArchitecture.dense.count + c.byArchitecture.moe.count).toBe(c.count);
    // Split by what set the batch: the rows a latency limit bound are the cross-validated
    // prediction's own (its simulation at the refitted factors), and they add up to the whole.
    const bound = flags.filter((r) => r.latencyLimited);
    expect(bound.length).toBe(c.byBatchLimit.latencyLimited.count);
    expect(bound.filter((r) => r.inRange).length / bound.length).toBeCloseTo(c.byBatchLimit.latencyLimited.actual, 12);
    expect(c.byBatchLimit.latencyLimited.count + c.byBatchLimit.other.count).toBe(c.count);
    // Those predictions err optimistically and take their own quantiles: the range holds about as many of them as of the rest.
    expect(Math.abs(c.byBatchLimit.latencyLimited.actual - c.byBatchLimit.other.actual)).toBeLessThan(0.05);
  });

  it('reports rows[].usedForFit and never fits a held-out row', () => {
    for (const r of report.rows) {
      if (r.plan.row.holdout) expect(r.usedForFit, `row ${r.plan.row.index}`).toBe(false);
    }
    // The fit count is the target rows the factors were fitted on; the SRAM chips' single-stream
    // speeds set their per-operator overhead, a fit of its own, and are marked so too.
    const overhead = report.rows.filter((r) => r.usedForFit && !r.plan.inTargetSet);
    expect(report.rows.filter((r) => r.usedForFit && r.plan.inTargetSet).length).toBe(s.fit.count);
    expect(overhead.map((r) => r.plan.row.index).sort((a, b) => a - b)).toEqual([76, 316, 577, 581, 583]);
    expect(overhead.every((r) => r.plan.group === 'third-party')).toBe(true);
    // The Use column says the same: one rule for the CLI table and the Accuracy view.
    const use = (i: number) => report.rows.find((r) => r.plan.row.index === i)!.use;
    for (const r of report.rows) {
      if (r.plan.inTargetSet && !r.plan.claim) expect(r.use, `row ${r.plan.row.index}`).toBe(r.usedForFit ? 'fit' : 'held-out');
    }
    expect(overhead.every((r) => r.use === 'fit-fixed-cost')).toBe(true);
    expect([77, 78, 318, 579, 580, 582].map(use)).toEqual(Array(6).fill('held-out'));
    // Never a fit candidate: SambaNova's speeds (not SRAM-resident), vendor claims, InferenceX per MW.
    expect([574, 575, 576, 584, 72, 75, 58].map(use)).toEqual(Array(7).fill('reported'));
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
    expect(text).toContain('HELD OUT (no fit ever sees these rows)');
    expect(text).toContain('CROSS-VALIDATED (each submission left out)');
    expect(text).toContain('MLPerf relative accuracy');
    expect(text).toContain('Rows not modelled yet');
    for (const e of report.excluded) expect(text).toContain(`#${e.row.index} `);
  });
});
