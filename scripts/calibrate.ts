// npm run calibrate [-- --write]
// Fits the efficiency of every hardware profile to reference/calibration.csv and prints the report;
// with --write, writes the profiles' `efficiency` blocks and src/engine/data/calibration-summary.json
// (without it, writes nothing). Steps (src/validation/calibration-run.ts):
//  1. Silicon shares from the H200 kernel timings; they are also the prior of every other family.
//  2. Stack factors (software per chip, MoE per class, software trend) on the rows the holdout
//     column does not hold out.
//  3. Leave-one-submission-out cross-validation; the ranges' quantiles and widths per evidence basis.
//  4. Evidence basis per chip; the market's rental/TCO ratio.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadCatalogFromDisk } from '../src/catalog/load-node';
import { runIfScript, type CliIO } from '../src/cli/report';
import { scriptArgs } from '../src/cli/script-args';
import type { HardwareProfile } from '../src/engine/types';
import { parseCalibrationCsv } from '../src/validation/calibration-rows';
import { runCalibration } from '../src/validation/calibration-run';
import { CALIBRATION_SUMMARY } from '../src/engine/calibration-summary';
import { replaceEfficiencyBlock, replaceEfficiencySources } from '../src/validation/efficiency-block';
import { formatPercent } from '../src/validation/report';
import { planRows } from '../src/validation/row-to-scenario';
import { median } from '../src/validation/stats';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const HELP = 'usage: npm run calibrate [-- --write]\n  Fits the profiles\' efficiencies to reference/calibration.csv and prints the report.\n'
  + '  --write  also write hardware-profiles/*.json (efficiency blocks) and src/engine/data/calibration-summary.json\n';

export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  const args = scriptArgs(argv, { '--write': {} }, HELP, io);
  if (typeof args === 'number') return args;
  const write = args.switches.has('--write');
  const t0 = Date.now();
  const { catalog, problems } = loadCatalogFromDisk();
  if (problems.length > 0) {
    for (const p of problems) io.stderr.write(`catalog: ${p}\n`);
    return 1;
  }
  const csv = parseCalibrationCsv(readFileSync(`${ROOT}reference/calibration.csv`, 'utf8'));
  if (csv.errors.length > 0) {
    for (const e of csv.errors) io.stderr.write(`calibration.csv: ${e}\n`);
    return 1;
  }
  const date = new Date().toISOString().slice(0, 10);
  const kernels = ['reference/h200-kernel-timings.jsonl', 'reference/h200-kernel-timings-2.jsonl'].map((f) => readFileSync(`${ROOT}${f}`, 'utf8'));
  const run = runCalibration(catalog, planRows(csv.rows), kernels, date);
  const out: string[] = [`Calibration ${date}${write ? '' : ' (not written: add --write)'}`];
  out.push('', `## Silicon shares (${run.kernel.gpu} kernel timings; prior of every other family)`);
  for (const n of run.kernel.notes) out.push(`- ${n}`);
  out.push(`- ${Object.entries(run.silicon).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  out.push('', `## Stack factors (${run.fitRows.length} fit rows, ${run.fit.rounds} rounds)`);
  for (const [chip, v] of Object.entries(run.factors.software)) {
    const rows = run.fitRows.filter((p) => p.hardwareId === chip).length;
    out.push(`- ${chip} (${catalog.hardware.get(chip)?.family ?? '?'}): softwareStackFactor ${v} (${rows} rows)`);
  }
  out.push(`- prior softwareStackFactor ${run.summary.prior.softwareStackFactor} (median of the fitted families)`);
  out.push(`- moeSoftwareFactor: fine-grained ${run.factors.moe.fineGrained}, coarse ${run.factors.moe.coarse}`);
  out.push(`- software trend: ${run.summary.softwareTrend.note}`);
  const cv = run.crossValidated.filter((c) => c.error !== null);
  const med = (list: typeof cv) => (list.length === 0 ? 'n/a' : `${formatPercent(median(list.map((c) => Math.abs(c.error!))), false)} (${list.length} rows)`);
  out.push('', '## Cross-validation (leave one submission out)');
  out.push(`- rows the fit used, each without its submission: median |error| ${med(cv.filter((c) => c.usedForFit))}`);
  out.push(`- held-out rows: median |error| ${med(cv.filter((c) => !c.usedForFit))}`);
  for (const b of run.uncertainty.byBasis) out.push(`- ${b.basis}: ${b.count} residuals, ${run.summary.uncertainty.coverage * 100}% quantiles ${b.low.toFixed(3)} .. ${b.high.toFixed(3)}`);
  for (const [what, q] of [['mixture-of-experts predictions', run.summary.uncertainty.moe], ['predictions whose batch a latency limit set', run.summary.uncertainty.latencyLimited]] as const) {
    if (q != null) out.push(`- ${what}: ${q.count} residuals, quantiles ${q.lowLogResidual.toFixed(3)} .. ${q.highLogResidual.toFixed(3)} (their own range)`);
  }
  out.push(`- widths: ${run.summary.uncertainty.widthNote}`);
  for (const u of run.summary.uncertainty.undercovered ?? []) {
    out.push(`- undercovered: ${u.hardwareId}, ${u.inside} of its ${u.rows} predictions no fit saw inside the range (median error ${formatPercent(u.medianError)}); its results warn`);
  }
  for (const c of run.claimWidths) out.push(`- claim ${c.id}: vendor-claimed shares move the default scenario by x${Math.exp(c.logRatio).toFixed(2)} (needs width x${c.width.toFixed(2)})`);
  if (run.dataflow !== null) {
    const line = (what: string, f: { scale: number; rows: readonly { row: { index: number } }[]; medianAbsLogError: number }) =>
      `- ${what}: fixed costs x${f.scale.toPrecision(2)} of the prior, fitted to rows ${f.rows.map((x) => x.row.index).join(', ')} (median |log error| ${f.medianAbsLogError.toFixed(3)})`;
    out.push('', '## Dataflow chips (weights in SRAM)', line('all rows (chips without two rows of their own)', run.dataflow.pooled));
    for (const [id, f] of run.dataflow.byChip) out.push(line(id, f));
  }
  out.push('', `## Serving step: ${run.summary.servingStep!.note}`);
  if (CALIBRATION_SUMMARY.servingStep?.seconds !== run.summary.servingStep!.seconds) {
    out.push(`- the fit above ran with ${(CALIBRATION_SUMMARY.servingStep?.seconds ?? 0) * 1000} ms: ${write ? 'written now; run npm run calibrate -- --write again' : 'write it and run again'}`);
  }
  out.push('', `## 16-bit GEMMs: x${run.summary.sixteenBitCompute.ratio} of the fp8 share (${run.summary.sixteenBitCompute.note})`);
  // The engine reads the ratio from the summary this run writes: a fit run with another one is stale.
  const used = CALIBRATION_SUMMARY.sixteenBitCompute?.ratio;
  if (used !== run.summary.sixteenBitCompute.ratio) {
    out.push(`- the fit above ran with ratio ${used ?? 'none'}, not ${run.summary.sixteenBitCompute.ratio}: ${write ? 'written now; run npm run calibrate -- --write again' : 'write it and run again'}`);
  }
  const r = run.summary.rentalToTco;
  out.push('', `## Rental / TCO: median ${r.median} (IQR ${r.q1}-${r.q3}, n=${r.n}: ${r.chips.join(', ')})`);
  for (const e of r.excluded) out.push(`- excluded ${e.id}: ${e.reason}`);
  out.push('', '## Evidence per chip');
  for (const [id, ev] of run.evidence) out.push(`- ${id}: ${ev.basis}${ev.rows > 0 ? ` (${ev.rows} rows${ev.from ? ` of ${ev.from}` : ''})` : ''}`);
  if (write) {
    for (const [id, efficiency] of run.efficiency) writeProfile(catalog.hardware.get(id)!, efficiency, run.efficiencySources.get(id)!);
    writeFileSync(`${ROOT}src/engine/data/calibration-summary.json`, `${JSON.stringify(run.summary, null, 2)}\n`);
    out.push('', `Wrote ${run.efficiency.size} profiles and src/engine/data/calibration-summary.json.`);
  }
  out.push(`Done in ${((Date.now() - t0) / 1000).toFixed(1)} s. Next: npm run validate; update src/validation/accuracy-baseline.ts deliberately if the accuracy changed.`);
  io.stdout.write(`${out.join('\n')}\n`);
  return 0;
}

function writeProfile(profile: HardwareProfile, efficiency: HardwareProfile['efficiency'], sources: readonly string[]): void {
  const path = `${ROOT}hardware-profiles/${profile.id}.json`;
  writeFileSync(path, replaceEfficiencySources(replaceEfficiencyBlock(readFileSync(path, 'utf8'), efficiency), sources));
}

runIfScript(import.meta.url, main);
