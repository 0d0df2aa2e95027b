// The Accuracy view's table models (src/app/accuracy-tables.ts): plain data the view turns into DOM.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { calibrationFamilies, errorClass, rowModel, rowSections, summaryRows } from '../../src/app/accuracy-tables';
import { loadCatalogFromDisk } from '../../src/catalog/load-node';
import { parseCalibrationCsv } from '../../src/validation/calibration-rows';
import { planRows } from '../../src/validation/row-to-scenario';
import { validatePlans } from '../../src/validation/validate';

const { catalog } = loadCatalogFromDisk();
const plans = planRows(parseCalibrationCsv(readFileSync(new URL('../../reference/calibration.csv', import.meta.url), 'utf8')).rows);
const pick = (i: number) => plans.find((p) => p.row.index === i)!;
// Row 7 (fit), row 27 (held out, Gaudi 2 on its family's fit), row 69 (a vendor claim).
const report = validatePlans([pick(7), pick(27), pick(69)], catalog, { crossValidate: false, skipClaims: true });

describe('accuracy table models', () => {
  it('colours errors by size: good within 20%, bad beyond 40%', () => {
    expect(errorClass(0.1)).toBe('err-good');
    expect(errorClass(-0.3)).toBe('err-mid');
    expect(errorClass(0.5)).toBe('err-bad');
    expect(errorClass(null)).toBe('err-none');
  });

  it('colours a median against its target, as the headline judges it (rows 10%, ratios 8%)', () => {
    const fake = structuredClone(report);
    const at = (medianAbs: number) => ({ count: 10, medianAbs, worstAbs: 0.3, worstSigned: 0.3, worstLabel: 'x', medianSigned: 0 });
    fake.summary.heldOut = at(0.11);
    fake.summary.crossValidatedRelative = at(0.07);
    const rows = summaryRows(fake);
    const median = (name: string) => rows.find((r) => r.name === name)!.cells[1]!.class;
    expect(median('Held-out rows')).toContain('err-mid');
    expect(median(rows.find((r) => /ratio/i.test(r.name) && /cross/i.test(r.name))!.name)).toContain('err-good');
    fake.summary.heldOut = at(0.095);
    expect(summaryRows(fake).find((r) => r.name === 'Held-out rows')!.cells[1]!.class).toContain('err-good');
  });

  it('puts the held-out figure first and the blend of fit and held-out rows after the fit rows', () => {
    const names = summaryRows(report).map((r) => r.name);
    expect(names[0]).toBe('Held-out rows');
    expect(names.indexOf('Rows the fit used (in-sample)')).toBeLessThan(names.indexOf('All target rows (fit + held out, reference only)'));
  });

  it('names each row\'s submitter after its round: partners\' runs of one system read alike without it', () => {
    const twins = plans.filter((p) => p.row.roundOrDate.startsWith('MLPerf Inference v5.0') && p.label === 'Llama-2-70B-chat 8x NVIDIA H200-SXM-141GB Offline').slice(0, 5);
    expect(twins.length).toBe(5);
    const rows = validatePlans(twins, catalog, { crossValidate: false, skipClaims: true }).rows;
    for (const r of rows) expect(rowModel(r).source, `#${r.plan.row.index}`).toBe(`MLPerf Inference v5.0 (2025-04) · ${r.plan.row.noteFields.submitter}`);
    expect(new Set(rows.map((r) => rowModel(r).source)).size).toBeGreaterThan(3);
  });

  it('says of each row whether the fit used it', () => {
    const fit = rowModel(report.rows.find((r) => r.plan.row.index === 7)!);
    const held = rowModel(report.rows.find((r) => r.plan.row.index === 27)!);
    expect(fit.use).toMatchObject({ text: 'fit', title: 'used by the fit' });
    expect(held.use).toMatchObject({ text: 'held out' });
    expect(held.mark).toBe('◐'); // Gaudi 2 inherits Gaudi 3's fit
  });

  it('"Modelled as" gives the lengths the engine simulated: an MLPerf run\'s own mean output, not its benchmark\'s', () => {
    for (const r of report.rows.filter((x) => x.plan.mlperf !== null).slice(0, 20)) {
      const w = r.plan.scenario.workload;
      expect(rowModel(r).detail!.text, `#${r.plan.row.index}`).toContain(`≈${w.inputTokens} in / ≈${w.outputTokens} out`);
    }
    // One whose run logged another mean output than the dataset's: the cell shows the run's.
    const differs = report.rows.find((x) => x.plan.mlperf !== null && x.plan.scenario.workload.outputTokens !== x.plan.statedLengths.outputTokens);
    expect(differs).toBeDefined();
    expect(rowModel(differs!).detail!.text).not.toContain(`≈${differs!.plan.statedLengths.outputTokens} out`);
  });

  it('shows each target row\'s cross-validated error beside the full fit\'s, and whether its 80% range held the measurement', () => {
    const fake = structuredClone(report);
    fake.crossValidated = {
      factors: { software: {}, moe: { fineGrained: 1, coarse: 1 }, trendPerYear: 0 },
      rows: [{ index: 7, submission: 's', usedForFit: true, basis: 'measured', predicted: 1, error: -0.174, logResidual: 0.19, inRange: false, latencyLimited: false }],
    };
    const [section] = rowSections(fake);
    const seven = section!.rows.find((r) => r.index === 7)!;
    expect(seven.crossValidated).toMatchObject({ text: '-17.4%', class: 'err-good' });
    expect(seven.inRange).toBe('outside its 80% range');
    // A row that is not cross-validated (not a target row, or not achieved mode) says so.
    const claim = rowSections(fake).flatMap((x) => x.rows).find((r) => r.index === 69)!;
    expect(claim.crossValidated.text).toBe('—');
    expect(claim.crossValidated.title).toMatch(/not cross-validated/);
    expect(claim.inRange).toBeNull();
  });

  it('in spec and claim modes the fit rows are named as achieved mode\'s (nothing is fitted there)', () => {
    const spec = { ...structuredClone(report), efficiencyMode: 'spec' as const };
    const names = summaryRows(spec).map((r) => r.name);
    expect(names).toContain('Rows the achieved-mode fit uses (no factor is fitted in this mode)');
    expect(names).not.toContain('Rows the fit used (in-sample)');
  });

  it('sections rows by source and leaves empty sections out', () => {
    const titles = rowSections(report).map((s) => s.title);
    expect(titles.some((t) => t.startsWith('MLPerf'))).toBe(true);
    expect(titles.some((t) => t.startsWith('Vendor benchmark'))).toBe(false);
  });

  it('lists fitted chip families first', () => {
    const families = calibrationFamilies(catalog.hardware.values());
    const firstPrior = families.findIndex((f) => !f.fitted);
    expect(firstPrior).toBeGreaterThan(0);
    expect(families.slice(firstPrior).every((f) => !f.fitted)).toBe(true);
    // Announced chips are on claims here too, with the mark they carry everywhere else.
    const etched = families.find((f) => f.family === catalog.hardware.get('etched-sohu')!.family)!;
    expect(etched.basis).toMatch(/^claims only/);
    expect(etched.chips).toContain('◇');
    const groq = families.find((f) => f.family === catalog.hardware.get('groq-lpu')!.family)!;
    expect(groq.basis).toMatch(/^prior/);
  });
});
