// The one parse step for what a user types into a workload or pricing field: text in the field's
// display unit -> the setting's value, or a message saying why it was not applied. Never throws,
// never clamps: a value outside the field's range is refused (the field keeps the text, the
// state keeps the old value), so nothing typed changes silently into something else.

import { FIELD_MESSAGES as F } from '../messages/fields';
import type { SettingsFieldDef } from './settings-fields';
import { decimalFixed } from '../format/decimal';
import { separatorReadings, thousandsPointReadings, ungroupDigits } from '../parse/digit-groups';

/** `note`: how an applied value was read, where the text could mean something else ("0.06" in a % field). */
export type SettingInput = { ok: true; value: number | null; note?: string } | { ok: false; error: string };

/** Longest text read (a number with separators and a unit fits easily). */
const MAX_CHARS = 40;

/**
 * "2048", "1.5e3", "128k" (counts and dollars), "50 ms", "0.05 s", "65%", after digit groups are
 * removed ("2,048"; "4,8" is refused by ungroupDigits, not read as 48 nor guessed to be 4.8).
 */
const DECIMAL = String.raw`[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?`;
const NUMBER = new RegExp(String.raw`^(${DECIMAL})\s*([kKmM])?$`);
/** A number followed by a unit-like word ("3 GB", "2048 ms", "5 TB/s"). */
const WITH_UNIT = new RegExp(String.raw`^${DECIMAL}\s*[a-zA-Zµ°%$/][\w/µ%$·.^-]*$`);

function stripUnit(text: string, unit: string): string {
  const t = text.trim().replace(/^\$\s*/, '');
  // A multiplier field ("× chip price", "×") also reads the ASCII x and the bare sign: "1.4x".
  const times = unit.startsWith('×') ? ['×', 'x'] : [];
  const endings = [unit, unit.replace(/^\$/, ''), unit.replace(/s$/, ''), ...times, ...(unit.includes('%') ? ['%'] : []), ...(unit.includes('hour') ? ['/h', '/hour'] : [])];
  for (const u of endings.filter((e) => e !== '').sort((a, b) => b.length - a.length)) {
    if (t.toLowerCase().endsWith(u.toLowerCase())) return t.slice(0, t.length - u.length).trim();
  }
  return t;
}

/** Seconds per time unit: a time field also reads the other time units ("0.05 s" in the ms field). */
const SECONDS_PER: Readonly<Record<string, number>> = { 'µs': 1e-6, us: 1e-6, ms: 1e-3, s: 1 };

/** The number part and the factor to the field's unit, when `text` ends in a time unit and the field is a time field. */
function timeUnit(text: string, fieldUnit: string): { number: string; factor: number } | null {
  const field = SECONDS_PER[fieldUnit];
  if (field === undefined) return null;
  const m = /^(.*?)\s*(µs|us|ms|s)$/i.exec(text.trim());
  return m === null ? null : { number: m[1]!, factor: SECONDS_PER[m[2]!.toLowerCase()]! / field };
}

/**
 * The SI value of a number shown in a unit of `scale`: a unit that is a whole fraction of the SI
 * one (% = 1/100, ms = 1/1000) divides, so "70" % is 0.7 as typed, not 70 * 0.01 = 0.7000000000000001.
 */
function toSi(shown: number, scale: number): number {
  const parts = Math.round(1 / scale);
  return scale < 1 && parts * scale === 1 ? shown / parts : shown * scale;
}

function display(value: number): string {
  return decimalFixed(Number(value.toPrecision(6)), 6);
}

/** The accepted range in display units, as a message fragment: "a whole number from 1 to 1,000,000 tokens". */
export function settingRange(def: Pick<SettingsFieldDef, 'limit' | 'scale' | 'unit'>): string {
  const range = F.range(def.limit.integer === true, display(def.limit.min / def.scale), display(def.limit.max / def.scale), def.unit);
  // A zero the rule allows apart from its range (no HBM on an SRAM-only chip) is named with it.
  return def.limit.allowZero === true ? F.zeroOr(range, def.unit) : range;
}

/** Reads `text` typed into the field `def` (display units). */
export function readSettingText(def: Pick<SettingsFieldDef, 'limit' | 'scale' | 'unit' | 'nullable'>, text: string): SettingInput {
  const t = text.trim();
  if (t === '') return def.nullable ? { ok: true, value: null } : { ok: false, error: F.required(settingRange(def)) };
  if (t.length > MAX_CHARS) return { ok: false, error: F.tooLong(MAX_CHARS) };
  const time = timeUnit(t, def.unit);
  const plain = ungroupDigits(time === null ? stripUnit(t, def.unit) : time.number);
  if (plain === null) return { ok: false, error: F.badSeparator(F.commaNotGrouping(t, separatorReadings(t), def.limit.integer === true), settingRange(def)) };
  const pointed = def.limit.integer === true ? thousandsPointReadings(plain) : null;
  if (pointed !== null) return { ok: false, error: F.badSeparator(F.pointNotGrouping(t, pointed), settingRange(def)) };
  const m = NUMBER.exec(plain);
  // A number with some other unit ("3 GB" for tokens, "2048 ms" for years): say the unit is wrong, not that it is no number.
  if (m === null) return { ok: false, error: WITH_UNIT.test(plain) ? F.wrongUnit(t, def.unit, settingRange(def)) : F.notNumber(t, settingRange(def)) };
  const suffix = m[2]?.toLowerCase();
  // k and m: thousands and millions of tokens, or of dollars ("$25k" as the chip lab reads it).
  if (suffix !== undefined && def.limit.integer !== true && !def.unit.startsWith('$')) return { ok: false, error: F.notNumber(t, settingRange(def)) };
  const shown = Number(m[1]!) * (suffix === 'k' ? 1e3 : suffix === 'm' ? 1e6 : 1) * (time?.factor ?? 1);
  // "1e309" is a number, beyond every field's range: say so, as for 1e300.
  if (!Number.isFinite(shown)) return { ok: false, error: boundsRefusal(def, shown, t) ?? F.notNumber(t, settingRange(def)) };
  // A bare number up to 1 in a percent field is a share (0.7 = 70 %), as the chip lab, the CLI and
  // the exports read it; said beside the field, with how to type the percent it may have meant.
  const bareShare = def.unit.startsWith('%') && !t.includes('%') && shown > 0 && shown <= 1;
  // The percent a share reads as, to the 6 decimals its note shows ("1e-30" is read as 0 %, and applied so).
  const value = toSi(bareShare ? Math.round(shown * 100 * 1e6) / 1e6 : shown, def.scale);
  const refusal = boundsRefusal(def, value, t);
  if (bareShare) {
    // How to type the percent it may have meant, unless that reads as 0 too (1e-30).
    const percent = boundsRefusal(def, toSi(shown, def.scale), t) === null && display(shown) !== '0' ? display(shown) : null;
    if (refusal !== null) return { ok: false, error: F.shareRefused(refusal, display(shown * 100), def.unit, percent) };
    return { ok: true, value: clampTo(def, value), note: F.readAsShare(display(shown * 100), def.unit, percent) };
  }
  if (refusal !== null) return { ok: false, error: refusal };
  return { ok: true, value: clampTo(def, value) };
}

/** A value within the bounds' round-trip slack, exactly on them. */
function clampTo(def: Pick<SettingsFieldDef, 'limit'>, value: number): number {
  return Math.min(def.limit.max, Math.max(def.limit.min, value));
}

/**
 * Why `value` (SI units) is outside `def`'s bounds or not whole where it must be, or null.
 * `typed`: the user's text, quoted in the message. Shared by the workload fields and the chip lab.
 */
export function boundsRefusal(def: Pick<SettingsFieldDef, 'limit' | 'scale' | 'unit'>, value: number, typed: string): string | null {
  // A little slack for the display-unit round trip (0.1 ms * 1e-3 is not exactly 1e-4), relative to
  // each bound: slack scaled by the larger bound let -1 $ through a 0 to 1e9 $ field.
  const { min, max } = def.limit;
  const outside = (v: number) => !Number.isFinite(v) || v < min - 1e-9 * Math.abs(min) || v > max + 1e-9 * Math.abs(max);
  if (outside(value)) {
    // "0.05" in a ms field was most likely meant as seconds: say how to type it.
    const bare = /^\s*[\d.]+\s*$/.test(typed);
    const secondsFit = def.unit === 'ms' && bare && !outside(value * 1000);
    // "1.2" in a percent field that goes past 100% (the software factor) was most likely a factor of 1.2.
    const fractionFit = def.unit === '%' && bare && Number(typed) > 1 && !outside(value * 100);
    return F.outOfRange(typed, settingRange(def)) + (secondsFit ? F.secondsMeant(typed.trim())
      : fractionFit ? F.fractionMeant(typed.trim(), String(Number((value * 1e4).toPrecision(6)))) : '');
  }
  if (def.limit.integer === true && !Number.isInteger(value / def.scale)) return F.notWhole(typed, settingRange(def));
  return null;
}

/** Whether `value` is one the field accepts as it is (the update function refuses the rest). */
export function isValidSetting(def: SettingsFieldDef, value: number | null): boolean {
  if (value === null) return def.nullable;
  if (!Number.isFinite(value) || value < def.limit.min || value > def.limit.max) return false;
  return def.limit.integer !== true || Number.isInteger(value);
}
