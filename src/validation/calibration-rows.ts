// The calibration data set (reference/calibration.csv, a copy of ../shared/reference/calibration.csv)
// as typed rows. Pure: text in, rows out; no file system.

import { csvTable } from '../parse/csv';

export { parseCsv, type CsvParseResult } from '../parse/csv';

/** Columns of calibration.csv, in file order. */
export const CALIBRATION_COLUMNS = [
  'source_kind', 'round_or_date', 'model', 'scenario', 'system', 'accelerator', 'accel_count', 'precision',
  'software', 'input_len', 'output_len', 'metric', 'value', 'unit', 'source_ref', 'notes', 'precision_assumed', 'holdout',
] as const;

export type CalibrationColumn = (typeof CALIBRATION_COLUMNS)[number];

/** One row of calibration.csv with the numbers that can be read from it. */
export interface CalibrationRow {
  /** 1-based position among the data rows (header excluded): the row's stable id in reports. */
  index: number;
  sourceKind: string;
  roundOrDate: string;
  model: string;
  scenario: string;
  system: string;
  accelerator: string;
  /** accel_count as written ("4 (per 3rd-party summary)", "~576 (...)", ""). */
  accelCountText: string;
  /** Leading integer of accel_count when it states one, else null. */
  accelCount: number | null;
  precision: string;
  software: string;
  inputLenText: string;
  outputLenText: string;
  /** input_len / output_len when the cell is exactly an integer (vendor tables), else null. */
  inputLen: number | null;
  outputLen: number | null;
  metric: string;
  valueText: string;
  value: number | null;
  unit: string;
  sourceRef: string;
  notes: string;
  /** "key=value" pairs of the notes column (e.g. per_accel, mean_TTFT_ms), values as written. */
  noteFields: Record<string, string>;
  /** precision_assumed as written: "weights/activations/kv: basis" (reference/README.md). */
  precisionAssumed: string;
  /** The holdout column: true when the row must never enter a fit. */
  holdout: boolean;
}

export interface CalibrationRowsResult {
  rows: CalibrationRow[];
  errors: string[];
}

function exactInteger(text: string): number | null {
  const t = text.trim();
  return /^\d+$/.test(t) ? Number(t) : null;
}

function leadingCount(text: string): number | null {
  const m = /^\s*~?\s*(\d+)/.exec(text);
  return m ? Number(m[1]) : null;
}

function number(text: string): number | null {
  const t = text.trim().replace(/,/g, '');
  if (t === '') return null;
  const v = Number(t);
  return Number.isFinite(v) ? v : null;
}

/** Parses "a=1; b=x y; c" into {a: "1", b: "x y"} (parts without "=" are skipped). */
export function parseNoteFields(notes: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of notes.split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const key = part.slice(0, eq).trim();
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key) || Object.prototype.hasOwnProperty.call(out, key)) continue;
    out[key] = part.slice(eq + 1).trim();
  }
  return out;
}

/** Parses calibration.csv text into typed rows; a wrong header or a short row is reported, not thrown. */
export function parseCalibrationCsv(text: string): CalibrationRowsResult {
  const { rows: cells, errors } = csvTable(text, CALIBRATION_COLUMNS);
  const rows = cells.map((c, i): CalibrationRow => ({
    index: i + 1,
    sourceKind: c.source_kind,
    roundOrDate: c.round_or_date,
    model: c.model,
    scenario: c.scenario,
    system: c.system,
    accelerator: c.accelerator,
    accelCountText: c.accel_count,
    accelCount: leadingCount(c.accel_count),
    precision: c.precision,
    software: c.software,
    inputLenText: c.input_len,
    outputLenText: c.output_len,
    inputLen: exactInteger(c.input_len),
    outputLen: exactInteger(c.output_len),
    metric: c.metric,
    valueText: c.value,
    value: number(c.value),
    unit: c.unit,
    sourceRef: c.source_ref,
    notes: c.notes,
    noteFields: parseNoteFields(c.notes),
    precisionAssumed: c.precision_assumed,
    holdout: c.holdout.toLowerCase() === 'yes',
  }));
  cells.forEach((c, i) => {
    const holdout = c.holdout.toLowerCase();
    if (holdout !== 'yes' && holdout !== 'no') errors.push(`row ${i + 1}: holdout must be "yes" or "no", got "${c.holdout}"`);
  });
  return { rows, errors };
}
