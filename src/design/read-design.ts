// The one parse step for a chip design from a file, a link, a scenario or the chip lab: the shape
// (src/records/chip-design.ts) then the physical checks. Never throws; names each bad field.

import { DESIGN } from '../messages/design';
import { parseChipDesignShape, type ChipDesign } from '../records/chip-design';
import type { Parsed } from '../schema/schema';
import { checkDesign } from './check-design';
import { computeDesign } from './compute';
import { designConstants, nominalValues } from './inputs';

export function readDesign(raw: unknown): Parsed<ChipDesign> {
  const shape = parseChipDesignShape(raw);
  if (shape.value === null) return shape;
  try {
    const k = nominalValues(designConstants(shape.value));
    const checks = checkDesign(shape.value, computeDesign(shape.value, k), k);
    return {
      value: checks.errors.length > 0 ? null : shape.value,
      errors: [...shape.errors, ...checks.errors],
      warnings: [...shape.warnings, ...checks.warnings],
    };
  } catch (error) {
    // Defence in depth: the arithmetic is total on any design the schema accepts.
    return { value: null, errors: [{ path: '', message: DESIGN.notDerivable(error instanceof Error ? error.message.slice(0, 80) : 'unknown failure').text }], warnings: shape.warnings };
  }
}
