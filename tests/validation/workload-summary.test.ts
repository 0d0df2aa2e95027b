// summary.crossValidatedByWorkload: the cross-validated MLPerf rows per benchmark and scenario,
// every chip together, so that an error the engine makes on one workload whatever the chip shows.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { summaryRows } from '../../src/app/accuracy-tables';
import { loadCatalogFromDisk } from '../../src/catalog/load-node';
import type { CrossValidatedRow } from '../../src/validation/cross-validate';
import { parseCalibrationCsv } from '../../src/validation/calibration-rows';
import type { ModelledRow } from '../../src/validation/row-plan';
import { planRows } from '../../src/validation/row-to-scenario';
import { summarizeRows, validatePlans } from '../../src/validation/validate';

const { catalog } = loadCatalogFromDisk();
const plans = planRows(parseCalibrationCsv(readFileSync(new URL('../../reference/calibration.csv', import.meta.url), 'utf8')).rows)
  .filter((p): p is ModelledRow => p.kind === 'modelled');
const mlperf = (benchmark: string, scenario: string) => plans.filter((p) => p.mlperf?.benchmark === benchmark && p.mlperf.scenario === scenario);

function cvRow(plan: ModelledRow, error: number): CrossValidatedRow {
  return { plan, submission: plan.label, usedForFit: true, predicted: plan.measured * (1 + error), error, logResidual: -Math.log1p(error), basis: 'measured', moe: false, latencyLimited: false };
}

describe('cross-validated errors per MLPerf workload', () => {
  const offline = mlperf('llama2-70b', 'Offline').slice(0, 3);
  const interactive = mlperf('llama2-70b', 'Interactive').slice(0, 2);
  const vendor = plans.find((p) => p.mlperf === null && p.inTargetSet)!;
  const cv = [cvRow(offline[0]!, 0.02), cvRow(offline[1]!, -0.04), cvRow(offline[2]!, 0.01), cvRow(interactive[0]!, 0.2), cvRow(interactive[1]!, 0.24), cvRow(vendor, -0.5)];

  it('groups every chip\'s rows of one benchmark and scenario; rows from other sources stay out', () => {
    const s = summarizeRows([], [], cv);
    expect(s.crossValidatedByWorkload.map((g) => [g.key, g.summary.count])).toEqual([['llama2-70b Interactive', 2], ['llama2-70b Offline', 3]]);
    const interactiveBias = s.crossValidatedByWorkload.find((g) => g.key === 'llama2-70b Interactive')!.summary.medianSigned;
    expect(interactiveBias).toBeCloseTo(0.22, 10);
    expect(s.crossValidatedByWorkload.find((g) => g.key === 'llama2-70b Offline')!.summary.medianSigned).toBeCloseTo(0.01, 10);
  });

  it('the Accuracy view lists them after the cross-validated ratios, and not without a cross-validation', () => {
    const report = validatePlans(offline, catalog, { crossValidate: false, skipClaims: true });
    expect(summaryRows(report).some((r) => r.name.includes('every chip'))).toBe(false);
    const withCv = { ...report, summary: summarizeRows(report.rows, [], cv, []) };
    const names = summaryRows(withCv).map((r) => r.name);
    const at = names.indexOf('Cross-validated, MLPerf llama2-70b Interactive (every chip)');
    expect(at).toBeGreaterThan(names.findIndex((n) => /ratio/i.test(n) && /cross/i.test(n)));
    expect(names[at + 1]).toBe('Cross-validated, MLPerf llama2-70b Offline (every chip)');
  });
});

describe('one system\'s Server and Interactive throughput over its own Offline throughput', () => {
  // Runs of one submission: the same system, round, submitter and chip count.
  const bySystem = new Map<string, ModelledRow[]>();
  for (const p of plans) {
    if (p.mlperf === null) continue;
    const k = JSON.stringify([p.hardwareId, p.mlperf.benchmark, p.mlperf.round, p.mlperf.submitter, p.scenario.chips, p.row.system]);
    bySystem.set(k, [...(bySystem.get(k) ?? []), p]);
  }
  const system = [...bySystem.values()].find((runs) => ['Offline', 'Server', 'Interactive'].every((s) => runs.filter((r) => r.mlperf!.scenario === s).length === 1))!;
  const run = (scenario: string) => system.find((r) => r.mlperf!.scenario === scenario)!;

  it('divides each scenario by the same system\'s Offline run, predicted against measured, and needs one Offline run', () => {
    // Offline predicted 10% high, Server 10% high (no loss to the limit missed), Interactive 32% high.
    const cv = [cvRow(run('Offline'), 0.1), cvRow(run('Server'), 0.1), cvRow(run('Interactive'), 0.32)];
    const s = summarizeRows([], [], cv);
    expect(s.crossValidatedScenarioRatios.map((g) => [g.key, g.summary.count])).toEqual([['Interactive / Offline', 1], ['Server / Offline', 1]]);
    expect(s.crossValidatedScenarioRatios[0]!.summary.medianSigned).toBeCloseTo(0.2, 10);
    expect(s.crossValidatedScenarioRatios[1]!.summary.medianSigned).toBeCloseTo(0, 10);
    // Without its Offline run, or with a run of another system as Offline, no ratio.
    expect(summarizeRows([], [], cv.slice(1)).crossValidatedScenarioRatios).toEqual([]);
    const other = plans.find((p) => p.mlperf?.scenario === 'Offline' && p.hardwareId !== run('Offline').hardwareId)!;
    expect(summarizeRows([], [], [cvRow(other, 0.1), cv[1]!]).crossValidatedScenarioRatios).toEqual([]);
  });
});
