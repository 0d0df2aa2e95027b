// What a workload or pricing field says about a value it did not apply.

import { groupedInteger } from '../format/decimal';

/**
 * A unit's symbol goes onto each bound as it is written ($25, 65%, 1.5×); what follows the symbol
 * ("/chip-hour", " chip price") and any other unit follow the upper bound once.
 */
function bounds(min: string, max: string, unit: string): string {
  const symbol = unit.startsWith('$') ? '$' : unit.startsWith('%') ? '%' : unit.startsWith('×') ? '×' : '';
  const rest = unit.slice(symbol.length);
  const tail = rest === '' ? '' : rest.startsWith('/') ? rest : ` ${rest.trimStart()}`;
  const on = (v: string) => (symbol === '$' ? (v.startsWith('-') ? `-$${v.slice(1)}` : `$${v}`) : `${v}${symbol}`);
  return `from ${on(min)} to ${on(max)}${tail}`;
}

export const FIELD_MESSAGES = {
  range: (integer: boolean, min: string, max: string, unit: string) =>
    `${integer ? 'a whole number' : 'a number'} ${bounds(min, max, unit)}`,
  zeroOr: (range: string, unit: string) => `0 ${unit} or ${range}`,
  required: (range: string) => `Not applied: enter ${range}.`,
  /** A bare number up to 1 in a percent field: read as a share; how to type the percent it may mean. */
  readAsShare: (asPercent: string, unit: string, typedAsPercent: string | null) =>
    `Read as ${asPercent} ${unit} (a bare number up to 1 is a share)${typedAsPercent === null ? '.' : `; for ${typedAsPercent} ${unit}, type ${typedAsPercent}%.`}`,
  /** A refused bare share ("1" where the field stops at 99 %): how to type the percent it may mean. */
  shareRefused: (refusal: string, asPercent: string, unit: string, typedAsPercent: string | null) =>
    `${refusal} A bare number up to 1 is a share (${asPercent} ${unit})${typedAsPercent === null ? '.' : `; for ${typedAsPercent} ${unit}, type ${typedAsPercent}%.`}`,
  tooLong: (max: number) => `Not applied: at most ${max} characters.`,
  notNumber: (text: string, range: string) => `Not applied: "${text}" is not a number; enter ${range}.`,
  /** A number with a unit the field does not take ("3 GB" for tokens). */
  wrongUnit: (text: string, unit: string, range: string) => `Not applied: "${text}" is not ${unit === '' ? 'in this field\'s unit' : unit.startsWith('×') ? `a multiplier (${unit})` : `in ${unit}`}; enter ${range}.`,
  /**
   * Why a separator is refused, with what the typed number could have meant (parse/digit-groups.ts
   * separatorReadings): "4,8" is 48, or 4.8 where the field takes decimals.
   */
  commaNotGrouping: (text: string, readings: { whole: string; decimal: string | null } | null, wholeOnly: boolean) =>
    `in "${text}" the comma does not group thousands${readings === null ? ''
      : ` (did you mean ${readings.whole}${!wholeOnly && readings.decimal !== null ? ` or ${readings.decimal}` : ''}?)`}`,
  /** A whole number typed with a point before three digits ("1.000"): 1000 or 1, not guessed. */
  pointNotGrouping: (text: string, readings: { whole: string; decimal: string }) =>
    Number.isInteger(Number(readings.decimal))
      ? `"${text}" could be ${readings.whole} or ${readings.decimal} (a point does not group thousands here: for ${readings.whole}, type ${readings.whole} or ${groupedInteger(Number(readings.whole))})`
      : `in "${text}" a point does not group thousands (did you mean ${readings.whole}?)`,
  badSeparator: (reason: string, range: string) => `Not applied: ${reason}; enter ${range}.`,
  outOfRange: (text: string, range: string) => `Not applied: ${text} is outside the accepted range; enter ${range}.`,
  /** A bare number typed into a ms field that would fit as seconds. */
  secondsMeant: (text: string) => ` For seconds, type "${text} s".`,
  /** A bare number in a percent field reads as a percent above 1 ("1.2" is 1.2%). */
  fractionMeant: (text: string, percent: string) => ` A bare number above 1 reads as a percent (${text} is ${text}%); for a factor of ${text}, type "${percent}%".`,
  notWhole: (text: string, range: string) => `Not applied: ${text} is not a whole number; enter ${range}.`,
} as const;
