// Maps each calibration row to the scenario that reproduces its conditions and to the engine output
// it is compared with, by source kind (plan-*.ts); a row that cannot be modelled gets a reason and
// stays in the report. Pure: no file system, no engine run.
import type { CalibrationRow } from './calibration-rows';
import { latencyShape } from './mlperf-benchmarks';
import { planClaim } from './plan-claim';
import { planInferenceMax, planTco, provisionedKwByHardware } from './plan-inferencemax';
import { planMlperf } from './plan-mlperf';
import { planVendorRow } from './plan-vendor';
import { exclude, type RowPlan } from './row-plan';

export type { ExcludedRow, MetricKind, MetricSpec, MlperfInfo, ModelledRow, RowGroup, RowPlan } from './row-plan';
export { MLPERF_BENCHMARKS, latencyShape } from './mlperf-benchmarks';
export { hardwareIdFor, modelIdFor } from './row-names';

/** The plan for one row; `all` supplies cross-row facts (latency shape, all-in kW per chip). */
export function planRow(row: CalibrationRow, all: readonly CalibrationRow[] = [row]): RowPlan {
  switch (row.sourceKind) {
    case 'mlperf_inference_result':
      return planMlperf(row, latencyShape(all));
    case 'vendor_benchmark_doc':
      return planVendorRow(row);
    case 'vendor_claim':
    case 'third_party_api_benchmark':
      return planClaim(row);
    case 'semianalysis_inferencemax':
      return planInferenceMax(row, provisionedKwByHardware(all));
    case 'tco_assumption':
      return planTco(row);
    case 'cloud_price':
      return exclude(row, 'rental price: an input of the economics (profile price.rentalUsdPerChipHour, user-editable), not an engine prediction');
    case 'api_price_history':
      return exclude(row, 'API list-price history of hosted models: a market price series, not a hardware/serving quantity the engine predicts');
    default:
      return exclude(row, `source kind "${row.sourceKind}" is not modelled`);
  }
}

export function planRows(rows: readonly CalibrationRow[]): RowPlan[] {
  const shape = latencyShape(rows);
  const kw = provisionedKwByHardware(rows);
  return rows.map((row) => {
    if (row.sourceKind === 'mlperf_inference_result') return planMlperf(row, shape);
    if (row.sourceKind === 'semianalysis_inferencemax') return planInferenceMax(row, kw);
    return planRow(row, rows);
  });
}
