// What a workload or pricing field says about a value it did not apply.

/** Units written onto each bound ($25, 65%, 1.5×); any other unit follows the range once, after a space. */
const ATTACHED = new Set(['$', '%', '×']);

function withUnit(value: string, unit: string): string {
  if (unit === '$') return value.startsWith('-') ? `-$${value.slice(1)}` : `$${value}`;
  return ATTACHED.has(unit) ? `${value}${unit}` : value;
}

export const FIELD_MESSAGES = {
  range: (integer: boolean, min: string, max: string, unit: string) =>
    `${integer ? 'a whole number' : 'a number'} from ${withUnit(min, unit)} to ${withUnit(max, unit)}${unit === '' || ATTACHED.has(unit) ? '' : ` ${unit}`}`,
  required: (range: string) => `Not applied: enter ${range}.`,
  tooLong: (max: number) => `Not applied: at most ${max} characters.`,
  notNumber: (text: string, range: string) => `Not applied: "${text}" is not a number; enter ${range}.`,
  outOfRange: (text: string, range: string) => `Not applied: ${text} is outside the accepted range; enter ${range}.`,
  notWhole: (text: string, range: string) => `Not applied: ${text} is not a whole number; enter ${range}.`,
} as const;
