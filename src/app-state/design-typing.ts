// What people type into a "Design from silicon" parameter ("700 mm²", "1.8 GHz", "1800 MHz", "35%",
// "0.35", "8") as the number the design stores. Never throws. Whether the design takes the value
// (the reticle, the shares' sum, the node's limits) is editDesign's to say; this only reads it.

import { parseQuantity } from '../scenario/parse-quantity';
import { FIELD_MESSAGES } from '../messages/fields';
import { separatorReadings, thousandsPointReadings, ungroupDigits } from '../parse/digit-groups';
import { DESIGN_UI as U } from '../messages/design-ui';
import type { DesignParamDef } from './design-params';
import { DESIGN_LIMITS } from '../records/chip-design';

export type DesignTyped = { ok: true; value: number } | { ok: false; error: string };

/** Unit suffixes each unit may be typed with, and the factor to the unit the design stores. */
const SUFFIXES: Readonly<Record<string, readonly { pattern: RegExp; factor: number }[]>> = {
  'mm²': [{ pattern: /\s*(?:mm²|mm2|mm\^2|sq\.?\s*mm)$/i, factor: 1 }],
  GHz: [{ pattern: /\s*ghz$/i, factor: 1 }, { pattern: /\s*mhz$/i, factor: 1e-3 }],
};

const NUMBER = /^[0-9]*\.?[0-9]+(?:e[+-]?[0-9]+)?$/i;

/** The value `text` stands for in `def`'s stored unit (a share as 0-1), or why it is not one. */
export function parseDesignValue(def: DesignParamDef, text: string): DesignTyped {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, error: U.typedEmpty };
  // A sign is read, then refused in the field's own terms (not as "not a number", nor as a share of 1).
  if (/^-\s*[.\d]/.test(trimmed)) {
    const positive = parseDesignValue(def, trimmed.replace(/^-\s*/, ''));
    return positive.ok && positive.value > 0 ? { ok: false, error: U.typedNegative(trimmed) } : positive;
  }
  let read: DesignTyped;
  if (def.percent === true) {
    const share = parseQuantity(trimmed, 'fraction');
    read = share.ok ? share : { ok: false, error: U.typedNotShare(trimmed) };
  } else {
    let rest = trimmed;
    let factor = 1;
    for (const s of SUFFIXES[def.unit] ?? []) {
      if (s.pattern.test(rest)) {
        rest = rest.replace(s.pattern, '');
        factor = s.factor;
        break;
      }
    }
    // Digit groups by the rule every typed number follows (parse/digit-groups.ts): "1,000" reads, "4,8" is refused.
    const plain = ungroupDigits(rest);
    if (plain === null) return { ok: false, error: U.typedUnreadable(FIELD_MESSAGES.commaNotGrouping(trimmed, separatorReadings(trimmed), def.integer)) };
    const pointed = def.integer || def.pointMayGroup === true ? thousandsPointReadings(plain) : null;
    if (pointed !== null) return { ok: false, error: U.typedUnreadable(FIELD_MESSAGES.pointNotGrouping(trimmed, pointed)) };
    read = NUMBER.test(plain) ? { ok: true, value: Number(plain) * factor } : { ok: false, error: U.typedNotNumber(trimmed, def.unit) };
    // "1500" in GHz: no chip clocks near it; a unitless MHz figure is the likely slip, so say so (never guessed).
    // Only where the MHz reading is a clock the design takes: "1e12 MHz" would be refused too.
    if (read.ok && def.unit === 'GHz' && rest === trimmed && read.value >= 100 && read.value * 1e-3 <= DESIGN_LIMITS.clockGHz.max) {
      return { ok: false, error: U.typedClockInMhz(trimmed) };
    }
  }
  if (!read.ok) return read;
  if (!Number.isFinite(read.value)) return { ok: false, error: U.typedNotNumber(trimmed, def.unit) };
  if (def.integer && !Number.isInteger(read.value)) return { ok: false, error: U.typedNotWhole(trimmed) };
  return read;
}
