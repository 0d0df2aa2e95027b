// What a workload or pricing field says about a value it did not apply.

export const FIELD_MESSAGES = {
  range: (integer: boolean, min: string, max: string, unit: string) =>
    `${integer ? 'a whole number' : 'a number'} from ${min} to ${max}${unit === '' ? '' : ` ${unit}`}`,
  required: (range: string) => `Not applied: enter ${range}.`,
  tooLong: (max: number) => `Not applied: at most ${max} characters.`,
  notNumber: (text: string, range: string) => `Not applied: "${text}" is not a number; enter ${range}.`,
  outOfRange: (text: string, range: string) => `Not applied: ${text} is outside the accepted range; enter ${range}.`,
  notWhole: (text: string, range: string) => `Not applied: ${text} is not a whole number; enter ${range}.`,
} as const;
