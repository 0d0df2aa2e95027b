// The validation as the app's workers run it: the bundled calibration data (reference/calibration.csv,
// inlined by Vite as text) planned once per worker, then validated or matched on request. This module
// is only ever imported dynamically (worker-api.ts), so neither the data nor the validation code is
// part of the initial bundle.

import calibrationCsv from '../../reference/calibration.csv?raw';
import type { Catalog } from '../catalog/catalog';
import type { EfficiencyMode } from '../engine/types';
import { parseCalibrationCsv } from './calibration-rows';
import { measuredPointsFor, type MeasuredOverlay, type MeasuredQuery } from './measured-points';
import { planRows, type RowPlan } from './row-to-scenario';
import { validatePlans, type ValidationReport } from './validate';

let planned: { plans: RowPlan[]; errors: string[] } | null = null;

function plans(): { plans: RowPlan[]; errors: string[] } {
  if (planned === null) {
    const parsed = parseCalibrationCsv(calibrationCsv);
    planned = { plans: planRows(parsed.rows), errors: parsed.errors };
  }
  return planned;
}

/** The full validation report (same as `npm run validate -- --efficiency MODE --format json`). */
export function validateBundled(catalog: Catalog, mode: EfficiencyMode): ValidationReport {
  const p = plans();
  const report = validatePlans(p.plans, catalog, { efficiencyMode: mode });
  report.problems.unshift(...p.errors);
  return report;
}

/** Measured points of the calibration data matching a workload (frontier overlay). */
export function measuredOverlay(query: MeasuredQuery): MeasuredOverlay {
  return measuredPointsFor(plans().plans, query);
}
