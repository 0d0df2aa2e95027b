// Parses what people type for a quantity ("4.8 TB/s", "192 GB", "$25k", "700 W", "989 TFLOPS",
// "$2.10/h", "65%") into an SI number. Never throws. Physical units go through mathjs units
// (decimal and binary prefixes, bits and bytes); money is read by a small dedicated grammar
// because mathjs has no currency. A bare number is read in the field's display unit.

import { create, createUnitDependencies, unitDependencies } from 'mathjs';
import { FIELD_MESSAGES } from '../messages/fields';
import { separatorReadings, thousandsPointReadings, ungroupDigits } from '../parse/digit-groups';

export type QuantityKind =
  | 'flops-per-second'
  | 'bytes'
  | 'bytes-per-second'
  | 'watts'
  | 'seconds'
  | 'usd'
  | 'usd-per-hour'
  | 'count'
  | 'fraction';

/** `beyond`: a number past the float range (±Infinity), so a caller can quote its accepted range. */
export type QuantityResult = { ok: true; value: number } | { ok: false; error: string; beyond?: number };

export const QUANTITY_MAX_LENGTH = 80;

// Only the unit machinery of mathjs (the full library is several times larger).
const math = create({ unitDependencies: unitDependencies!, createUnitDependencies: createUnitDependencies! });
// Integer operations (TOPS) count as FLOPs: the engine reads int8 rates from the same table.
math.createUnit('FLOP', { prefixes: 'short', aliases: ['flop', 'FLOPs', 'flops', 'OP', 'op', 'OPs'] });

/** SI unit each physical kind converts to, and how to name it in a message. */
const PHYSICAL: Partial<Record<QuantityKind, { unit: string; noun: string; example: string }>> = {
  'flops-per-second': { unit: 'FLOP/s', noun: 'a compute rate', example: '989 TFLOP/s' },
  bytes: { unit: 'B', noun: 'a memory size', example: '192 GB' },
  'bytes-per-second': { unit: 'B/s', noun: 'a bandwidth', example: '4.8 TB/s' },
  watts: { unit: 'W', noun: 'a power', example: '700 W' },
  seconds: { unit: 's', noun: 'a time', example: '8 us' },
};

const MONEY = /^\$?\s*([0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:e([+-]?[0-9]+))?\s*([kmb]|mn|bn)?\s*(?:usd|\$)?\s*(?:\/\s*(?:chip[- ]?)?(h|hr|hour))?$/i;
const MONEY_SCALE: Record<string, number> = { k: 1e3, m: 1e6, mn: 1e6, b: 1e9, bn: 1e9 };

function fail(error: string): QuantityResult {
  return { ok: false, error };
}

function parseMoney(text: string, perHour: boolean, defaultScale: number): QuantityResult {
  const m = MONEY.exec(text.trim());
  if (m === null) return fail(`"${text}" is not an amount in dollars; try ${perHour ? '"$2.10/h"' : '"$25k" or "25000"'}`);
  const [, digits = '', exponent, suffix, hour] = m;
  if (hour !== undefined && !perHour) return fail(`"${text}" is a price per hour; this field is a one-off price`);
  let value = Number(digits) * (exponent === undefined ? 1 : Math.pow(10, Number(exponent)));
  value *= suffix === undefined ? (/[$]|usd/i.test(text) ? 1 : defaultScale) : (MONEY_SCALE[suffix.toLowerCase()] ?? 1);
  return Number.isFinite(value) ? { ok: true, value } : fail(`"${text}" is too large`);
}

function normalise(text: string): string {
  return text
    .trim()
    .replace(/[µμ]/g, 'u')
    .replace(/\bsec\b/g, 's')
    .replace(/\b([kMGTPE]?)FLOPS\b/g, '$1FLOP/s')
    .replace(/\b([kMGTPE]?)OPS\b/g, '$1OP/s')
    .replace(/\bps\b/g, '/s');
}

function parsePhysical(text: string, kind: QuantityKind, defaultScale: number): QuantityResult {
  const target = PHYSICAL[kind]!;
  const clean = normalise(text);
  // Number() also reads 0x10, 0b11 and 0o17; a field takes decimal numbers only, as every other field does.
  if (/^[+-]?0[xbo]/i.test(clean)) return fail(`"${text}" is not a decimal number; try "${target.example}"`);
  const bare = Number(clean);
  if (clean !== '' && Number.isFinite(bare)) return { ok: true, value: bare * defaultScale };
  // "1e309": a number past the float range, not a unit this field fails to understand.
  if (clean !== '' && Math.abs(bare) === Infinity) return { ok: false, error: `"${text}" is out of range`, beyond: bare };
  let unit;
  try {
    unit = math.unit(clean);
  } catch {
    // "3 tb/s": the letters' case is the unit (B bytes, b bits; M mega, m milli), so it is not guessed.
    const bytes = kind === 'bytes' || kind === 'bytes-per-second';
    const caseNote = /[a-z]/i.test(clean) ? ` (units are case-sensitive${bytes ? ': B is bytes, b bits' : ''})` : '';
    return fail(`"${text}" is not a quantity this field understands${caseNote}; try "${target.example}"`);
  }
  if (unit.value === null) return fail(`"${text}" has a unit but no number; try "${target.example}"`);
  let value: number;
  try {
    if (!unit.equalBase(math.unit(target.unit))) return fail(`"${text}" is not ${target.noun}; try "${target.example}"`);
    value = unit.toNumber(target.unit);
  } catch {
    return fail(`"${text}" is not ${target.noun}; try "${target.example}"`);
  }
  return Number.isFinite(value) ? { ok: true, value } : { ok: false, error: `"${text}" is out of range`, beyond: value };
}

/**
 * The SI value of `text` for a field of `kind`. `defaultScale` is the SI value of the field's
 * display unit, applied to bare numbers (a bandwidth field shown in TB/s reads "4.8" as 4.8e12).
 */
export function parseQuantity(text: unknown, kind: QuantityKind, defaultScale = 1): QuantityResult {
  if (typeof text !== 'string') return fail('expected text');
  const trimmed = text.trim();
  if (trimmed === '') return fail('enter a value');
  const t = ungroupDigits(trimmed);
  if (t === null) return fail(FIELD_MESSAGES.commaNotGrouping(trimmed, separatorReadings(trimmed), kind === 'count'));
  if (t.length > QUANTITY_MAX_LENGTH) return fail(`at most ${QUANTITY_MAX_LENGTH} characters`);
  // The sign is kept, not refused here: the field's own range refuses "-1" naming what it accepts.
  if (/^-\s*[$.\d]/.test(t)) {
    const positive = parseQuantity(t.replace(/^-\s*/, ''), kind, defaultScale);
    return positive.ok ? { ok: true, value: -positive.value } : positive;
  }
  let out: QuantityResult;
  if (kind === 'usd' || kind === 'usd-per-hour') out = parseMoney(t, kind === 'usd-per-hour', defaultScale);
  else if (kind === 'fraction') {
    const m = /^([0-9]*\.?[0-9]+(?:e[+-]?[0-9]+)?)\s*(%)?$/i.exec(t);
    if (m === null) out = fail(`"${t}" is not a share; try "65%" or "0.65"`);
    else {
      const n = Number(m[1]);
      out = { ok: true, value: m[2] !== undefined || n > 1 ? n / 100 : n };
    }
  } else if (kind === 'count') {
    const pointed = thousandsPointReadings(t);
    if (pointed !== null) return fail(FIELD_MESSAGES.pointNotGrouping(t, pointed));
    const m = /^([0-9]+(?:\.[0-9]+)?(?:e[+]?[0-9]+)?)\s*(?:chips?|x)?$/i.exec(t);
    out = m === null ? fail(`"${t}" is not a count; try "8"`) : { ok: true, value: Number(m[1]) };
  } else out = parsePhysical(t, kind, defaultScale);
  return out;
}
