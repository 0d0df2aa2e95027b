// A row's precision comes from the precision_assumed column of calibration.csv (reference/README.md):
// "weights/activations/kv-cache: basis". No code branch decides a row's formats. Pure.
import { PRECISIONS, type Precision, type PrecisionConfig } from '../engine/types';
import type { CalibrationRow } from './calibration-rows';

export type RowPrecision = { precision: PrecisionConfig; basis: string } | { error: string };

function isPrecision(v: string): v is Precision {
  return (PRECISIONS as readonly string[]).includes(v);
}

export function rowPrecision(row: CalibrationRow): RowPrecision {
  const text = row.precisionAssumed;
  if (text === '') return { error: 'precision_assumed is empty: the row states no precision to simulate' };
  const colon = text.indexOf(':');
  const formats = (colon < 0 ? text : text.slice(0, colon)).trim().split('/').map((f) => f.trim());
  const basis = colon < 0 ? 'calibration.csv precision_assumed' : text.slice(colon + 1).trim();
  if (formats.length !== 3) return { error: `precision_assumed "${text}" must start with weights/activations/kv-cache` };
  const [weights, activations, kvCache] = formats as [string, string, string];
  for (const f of formats) if (!isPrecision(f)) return { error: `precision_assumed names "${f}", which is not one of ${PRECISIONS.join(', ')}` };
  return { precision: { weights: weights as Precision, activations: activations as Precision, kvCache: kvCache as Precision }, basis: `${weights}/${activations}/${kvCache}: ${basis}` };
}
