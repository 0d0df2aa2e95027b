// How the chip lab writes a parameter's value: its text boxes, and the explain panel's citation of
// a value set in the lab (lab-entries.ts), in the same words. Pure.
import { groupedInteger } from '../format/decimal';
import { displayNumber, withCents } from '../format/units';
import type { LabParamDef } from './lab-params';

/** 4 significant digits, thousands grouped as elsewhere in the app ("1,979"); parseQuantity reads it back. */
function labNumber(v: number): string {
  const rounded = Number(v.toPrecision(4));
  return Math.abs(rounded) >= 1000 ? groupedInteger(rounded) : displayNumber(v);
}

/** "4.8 TB/s", "1,979 TFLOP/s", "$35,000", "$3.59/h", "65%". */
export function displayQuantity(def: LabParamDef, value: number | null): string {
  if (value === null) return '';
  const v = value / def.scale;
  if (def.unit === '$') return `$${groupedInteger(v)}`;
  // Cents as money is written: "$2.50/h", not "$2.5/h" (the 4 significant digits stay).
  if (def.unit === '$/chip-hour') return `$${withCents(labNumber(v))}/h`;
  if (def.unit === '%') return `${labNumber(v)}%`;
  if (def.unit === 'chips' && v === 1) return '1 chip';
  return `${labNumber(v)} ${def.unit}`;
}
