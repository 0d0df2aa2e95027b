// What a workload or pricing field says about a value it did not apply.

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
  required: (range: string) => `Not applied: enter ${range}.`,
  tooLong: (max: number) => `Not applied: at most ${max} characters.`,
  notNumber: (text: string, range: string) => `Not applied: "${text}" is not a number; enter ${range}.`,
  badComma: (text: string, range: string, whole: boolean) =>
    `Not applied: in "${text}" the comma does not group thousands ("4,800")${whole ? '' : '; write a decimal with a point'}; enter ${range}.`,
  outOfRange: (text: string, range: string) => `Not applied: ${text} is outside the accepted range; enter ${range}.`,
  notWhole: (text: string, range: string) => `Not applied: ${text} is not a whole number; enter ${range}.`,
} as const;
