// The validation report as the production build ships it. The report is a pure function of files
// the build bundles (reference/calibration.csv, the profiles, the models, the engine), so `vite
// build` runs `npm run validate -- --format json` once per efficiency mode and ships its output
// next to the scripts (vite.config.ts). The Accuracy view then reads in a moment what it took a
// worker several seconds to compute; outside a production build (dev server, tests) or when the
// file cannot be read, the worker computes the report itself.
import type { EfficiencyMode } from '../engine/types';
import type { ValidationReport } from './validate';

/** The shipped report's file name, in the build's assets folder beside the scripts. */
export function prebuiltReportFile(mode: EfficiencyMode): string {
  return `validation-${mode}.json`;
}

/** The shipped report of `mode`; null when there is none to read (then the caller computes it). */
export async function prebuiltReport(mode: EfficiencyMode): Promise<ValidationReport | null> {
  if (!import.meta.env.PROD || typeof fetch !== 'function') return null;
  try {
    // Resolved against this script's own address: the report sits beside it in the assets folder.
    const file = prebuiltReportFile(mode);
    const response = await fetch(new URL(file, import.meta.url));
    if (!response.ok) return null;
    const report = (await response.json()) as Partial<ValidationReport>;
    // A host that answers a missing file with its index page (or another mode's file) gives no report.
    return report.efficiencyMode === mode && Array.isArray(report.rows) ? (report as ValidationReport) : null;
  } catch {
    return null;
  }
}
