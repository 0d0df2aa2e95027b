// npm run calibrate [-- --write]
// Fits per-family efficiency factors and prints the fit report; with --write, writes them into the
// `efficiency` block of every profile of each fitted family (hardware-profiles/*.json).
//  1. Silicon (spec mode), where micro-benchmarks exist (Hopper: reference/h200-kernel-timings.jsonl):
//     memoryEfficiency + kernelOverheadSeconds from memory-bound GEMMs, computeEfficiency from large
//     GEMMs, attentionSaturationBatch from decode attention.
//  2. Today's software (achieved mode): softwareStackFactor per family (one stack per family in the
//     data: TensorRT-LLM, vLLM/ROCm, ...) and, where >= 8 rows allow a second parameter,
//     stepOverheadSeconds, fitted on the vendor benchmark tables and MLPerf Offline rows; MLPerf Server,
//     NIM and InferenceX rows are held out and reported as the check on data the fit did not see.
// Families without rows keep their documented assumed values.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadCatalogFromDisk } from '../src/catalog/load-node';
import { scriptArgs } from '../src/cli/script-args';
import type { EfficiencyProfile, HardwareProfile } from '../src/engine/types';
import { parseCalibrationCsv } from '../src/validation/calibration-rows';
import {
  BOUNDS,
  familyRows,
  fitFamily,
  replaceEfficiencyBlock,
  roundValue,
  type FamilyFit,
  type NumericEfficiencyKey,
  type ParamSpec,
} from '../src/validation/calibrate';
import { fitKernelTimings, parseKernelTimings, type KernelFit } from '../src/validation/kernel-fit';
import { formatPercent } from '../src/validation/report';
import { planRows, type ModelledRow } from '../src/validation/row-to-scenario';
import type { ErrorSummary } from '../src/validation/stats';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const USAGE = `usage: npm run calibrate -- [--write]
  Fits per-family efficiencies on reference/calibration.csv and prints the report.
  --write   also write the fitted efficiency blocks into hardware-profiles/*.json
`;
const args = scriptArgs(process.argv.slice(2), { '--write': {}, '--dry-run': {} }, USAGE, process);
// --dry-run (the old opt-out) is accepted and changes nothing: writing needs --write.
const dryRun = typeof args === 'number' || !args.switches.has('--write');
const today = new Date().toISOString().slice(0, 10);

/** Which micro-benchmark file pins which family's silicon, and the profile whose datasheet it ran on. */
const KERNEL_DATA = [{ family: 'nvidia-hopper', file: 'reference/h200-kernel-timings.jsonl', profileId: 'nvidia-h200-sxm' }];

/** Rows a fit may use: exact-length vendor throughput tables and MLPerf Offline (max throughput, no SLO). */
function usedForFit(p: ModelledRow): boolean {
  if (p.group === 'vendor-table') return p.metric.kind === 'system-output-tokens-per-second';
  return p.mlperf?.scenario === 'Offline';
}

const START: Partial<Record<NumericEfficiencyKey, number>> = { softwareStackFactor: 1, stepOverheadSeconds: 1e-4 };

/** Rows for a second end-to-end parameter (stepOverheadSeconds) to be identifiable. */
const MIN_ROWS_FOR_STEP_OVERHEAD = 8;

function pct(s: ErrorSummary): string {
  return s.count === 0 ? 'n/a' : `median |err| ${formatPercent(s.medianAbs, false)}, worst ${formatPercent(s.worstSigned)} (${s.count} rows)`;
}

function mostCommon(values: string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
}

function stackOf(rows: readonly ModelledRow[]): string {
  const s = mostCommon(rows.map((r) => r.row.software.replace(/\s*\(.*$/, '').split(',')[0]!.trim()).filter((x) => x !== ''));
  return s === '' ? 'unstated stack' : s;
}

function main(): void {
  const t0 = Date.now();
  const { catalog, problems } = loadCatalogFromDisk();
  if (problems.length > 0) {
    for (const p of problems) process.stderr.write(`catalog: ${p}\n`);
    process.exit(1);
  }
  const csv = parseCalibrationCsv(readFileSync(`${ROOT}reference/calibration.csv`, 'utf8'));
  const plans = planRows(csv.rows);
  const out: string[] = [];
  out.push(`Calibration ${today}${dryRun ? ' (report only: profiles not written; --write writes them)' : ''}`);

  // 1. Silicon factors from micro-benchmarks.
  const pinned = new Map<string, { values: Partial<Record<NumericEfficiencyKey, number>>; fit: KernelFit; file: string }>();
  for (const k of KERNEL_DATA) {
    const profile = catalog.hardware.get(k.profileId);
    if (!profile) continue;
    const timings = parseKernelTimings(readFileSync(`${ROOT}${k.file}`, 'utf8'));
    const peak = profile.compute.denseFlopsPerSecond;
    const fit = fitKernelTimings(timings, profile.memory.hbmBandwidthBytesPerSecond, { bf16: peak.bf16 ?? 0, fp8: peak.fp8 ?? 0 });
    pinned.set(k.family, {
      file: k.file,
      fit,
      values: {
        memoryEfficiency: roundValue(fit.memoryEfficiency),
        // The calibration rows run fp8 (README); the bf16 share is reported in the note.
        computeEfficiency: roundValue(fit.computeEfficiency.fp8),
        kernelOverheadSeconds: roundValue(fit.kernelOverheadSeconds, 2),
        attentionSaturationBatch: roundValue(fit.attentionSaturationBatch),
      },
    });
    out.push('', `## Silicon factors of ${k.family} from ${k.file} (${fit.gpu}, datasheet of ${k.profileId})`);
    for (const n of fit.notes) out.push(`- ${n}`);
    if (fit.copyEfficiency !== null) out.push(`- device copy reaches ${(fit.copyEfficiency * 100).toFixed(1)}% of peak bandwidth (reference only)`);
    out.push(`- engine operator formula vs all ${timings.gemm.length} GEMMs: RMS error ${(fit.gemmRmsRelative * 100).toFixed(1)}%; `
      + `vs ${timings.attention.length} decode-attention kernels: ${(fit.attentionRmsRelative * 100).toFixed(1)}%`);
  }

  // 2. End-to-end factors per family with calibration rows.
  const families = [...new Set([...catalog.hardware.values()].map((h) => h.family))].sort();
  const fits: FamilyFit[] = [];
  const notes = new Map<string, string>();
  for (const family of families) {
    const rows = familyRows(plans, catalog, family);
    const fitRows = rows.filter(usedForFit);
    if (fitRows.length === 0) continue;
    const pin = pinned.get(family);
    const params: ParamSpec[] = [{ key: 'softwareStackFactor', min: BOUNDS.efficiency.min, max: BOUNDS.efficiency.max, log: false }];
    if (fitRows.length >= MIN_ROWS_FOR_STEP_OVERHEAD) {
      params.push({ key: 'stepOverheadSeconds', min: BOUNDS.overheadSeconds.min, max: BOUNDS.overheadSeconds.max, log: true });
    }
    const fit = fitFamily(plans, catalog, {
      family,
      fixed: pin?.values ?? {},
      params,
      // Fixed starting point (not the profile's current values) so that reruns give the same fit.
      start: Object.fromEntries(params.map((p) => [p.key, START[p.key] ?? p.min])),
      useForFit: usedForFit,
    });
    for (const p of params) fit.values[p.key] = roundValue(fit.values[p.key]!, p.key === 'stepOverheadSeconds' ? 2 : 3);
    fits.push(fit);
    const stack = stackOf(fitRows);
    const rowList = (list: readonly { plan: ModelledRow }[]) => list.map((r) => r.plan.row.index).join(', ');
    const heldKinds = [...new Set(fit.heldOutRows.map((r) => (r.plan.mlperf ? `MLPerf ${r.plan.mlperf.scenario}` : r.plan.group)))].join(', ');
    const silicon = pin
      ? `Silicon (spec mode) pinned by ${pin.file}: memoryEfficiency ${pin.values.memoryEfficiency} and kernelOverheadSeconds `
        + `${pin.values.kernelOverheadSeconds} from ${pin.fit.memoryBoundFit.points} memory-bound GEMMs (${(pin.fit.memoryBoundFit.rmsRelative * 100).toFixed(1)}% RMS), `
        + `computeEfficiency ${pin.values.computeEfficiency} = median fp8 share of peak of GEMMs with M >= 2048 (bf16: ${pin.fit.computeEfficiency.bf16.toFixed(3)}), `
        + `attentionSaturationBatch ${pin.values.attentionSaturationBatch} from decode-attention kernels; `
        + `the engine's operator formula reproduces all GEMMs to ${(pin.fit.gemmRmsRelative * 100).toFixed(1)}% RMS. `
      : 'Silicon (spec mode) factors computeEfficiency, memoryEfficiency, kernelOverheadSeconds, attentionSaturationBatch: ASSUMED '
        + '(no micro-benchmarks for this family). ';
    const fitted = params.map((p) => `${p.key} ${fit.values[p.key]}`).join(', ');
    const note = `Fitted by scripts/calibrate.ts on ${today}. ${silicon}`
      + `Achieved mode (${stack}): ${fitted} fitted on calibration rows ${rowList(fit.fitRows)} `
      + `(reference/calibration.csv; exact-length vendor tables and MLPerf Offline) by minimizing mean |ln(predicted/measured)|: `
      + `fit ${pct(fit.fit)}. Held out (not used by the fit: ${heldKinds || 'none'}${fit.heldOutRows.length ? `, rows ${rowList(fit.heldOutRows)}` : ''}): ${pct(fit.heldOut)}. `
      + `${fit.fitRows.length === 1 ? 'One fit row: the factor reproduces it exactly by construction; only held-out rows test it. ' : ''}`
      + `linkEfficiency and memoryReserveFraction: assumed. Spec mode ignores softwareStackFactor.`;
    notes.set(family, note);
    out.push('', `## ${family} (${stack})`);
    out.push(`- fitted: ${fitted}${pin ? `; pinned by kernels: ${Object.entries(pin.values).map(([k, v]) => `${k} ${v}`).join(', ')}` : ''}`);
    out.push(`- fit rows ${rowList(fit.fitRows)}: ${pct(fit.fit)}`);
    out.push(`- held-out rows ${rowList(fit.heldOutRows) || '(none)'}: ${pct(fit.heldOut)}`);
    for (const r of [...fit.fitRows, ...fit.heldOutRows]) {
      out.push(`  ${fit.fitRows.includes(r) ? 'fit ' : 'held'} #${String(r.plan.row.index).padEnd(3)} ${r.plan.label.slice(0, 60).padEnd(60)} `
        + `${formatPercent(r.error).padStart(8)}  ${r.deployment}`);
    }
    out.push(`- ${fit.evaluations} objective evaluations`);
  }
  const uncalibrated = families.filter((f) => !fits.some((x) => x.family === f));
  out.push('', `## Families without calibration data (keep documented assumed values; the app marks them uncalibrated): ${uncalibrated.join(', ')}`);

  // 3. Write the efficiency block of every profile of each fitted family.
  const written: string[] = [];
  for (const fit of fits) {
    for (const profile of catalog.hardware.values()) {
      if (profile.family !== fit.family) continue;
      const efficiency: EfficiencyProfile = {
        ...profile.efficiency,
        ...(fit.values as Partial<EfficiencyProfile>),
        basis: 'fitted',
        note: notes.get(fit.family)!,
      };
      if (!dryRun) writeProfile(profile, efficiency);
      written.push(profile.id);
    }
  }
  out.push('', `${dryRun ? 'Would write' : 'Wrote'} the efficiency block of: ${written.join(', ')}`);
  out.push(`Done in ${((Date.now() - t0) / 1000).toFixed(1)} s. Next: npm run validate (and update src/validation/accuracy-baseline.ts deliberately if the accuracy changed).`);
  process.stdout.write(`${out.join('\n')}\n`);
}

function writeProfile(profile: HardwareProfile, efficiency: EfficiencyProfile): void {
  const path = `${ROOT}hardware-profiles/${profile.id}.json`;
  const text = readFileSync(path, 'utf8');
  writeFileSync(path, replaceEfficiencyBlock(text, efficiency));
}

if (typeof args === 'number') process.exitCode = args;
else main();
