// What the command-line tools say. Everything a user typed is echoed through `quoted` (one line,
// control characters escaped), and every printed line goes through `oneLine`, so no message can
// span lines or carry terminal escape codes.

/** Longest echo of a user's value inside a message. */
const ECHO_MAX = 80;

/** Control characters (C0, DEL, C1), line and paragraph separators and bidirectional overrides. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function escapeChar(c: string): string {
  if (c === '\n') return '\\n';
  if (c === '\r') return '\\r';
  if (c === '\t') return '\\t';
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** A printable single line: control characters become visible escapes (\n, \u001b). */
export function oneLine(text: string): string {
  return text.replace(UNSAFE, escapeChar);
}

/** A user's value inside a message: double-quoted, escaped, shortened. */
export function quoted(value: string): string {
  const short = value.length > ECHO_MAX ? `${value.slice(0, ECHO_MAX)}…` : value;
  return `"${oneLine(short.replace(/\\/g, '\\\\').replace(/"/g, '\\"'))}"`;
}


export const CLI = {
  error: (text: string) => `error: ${oneLine(text)}`,
  warning: (text: string) => `warning: ${oneLine(text)}`,
  moreWarnings: (count: number) => `warning: … and ${count} more warning(s) not shown`,
  needsValue: (flag: string) => `${flag} needs a value`,
  needsValueBefore: (flag: string, next: string) => `${flag} needs a value before ${quoted(next)}`,
  unknownOption: (flag: string) => `unknown option ${quoted(flag)} (see --help)`,
  badChoice: (flag: string, choices: readonly string[], got: string) =>
    `${flag} must be ${choices.slice(0, -1).join(', ')} or ${choices[choices.length - 1]}, got ${quoted(got)}`,
  noHardware: (got: string) => `--hardware needs a chip id, "all" or a comma-separated list of ids, got ${quoted(got)}`,
  givenTwice: (flag: string) => `${flag} is given twice; give it once`,
  takesNoValue: (flag: string, got: string) => `${flag} is a switch and takes no value, got ${quoted(got)}; give ${flag} alone, or leave it out`,
  flagsConflict: (a: string, b: string, why: string) => `${a} and ${b} cannot go together: ${why}`,
  scenarioIsResult: (path: string) =>
    `--scenario: ${quoted(path)} is a saved result (--format json), not a scenario; its "scenario" field is one (each of "results" has its own): save that object, e.g. jq .scenario`,
  scenarioVersionMissing: (path: string, version: number) =>
    `--scenario: ${quoted(path)} has no "version"; add "version": ${version} (the current scenario format; version-1 files are upgraded)`,
  repeatedHardwareItem: (id: string, got: string) => `--hardware lists ${quoted(id)} twice in ${quoted(got)}; list each chip once`,
  emptyHardwareItem: (got: string) => `--hardware has an empty item in ${quoted(got)} (a stray comma?); list ids as "a,b"`,
  flagIssue: (flag: string, issue: string) => `${flag}: ${issue}`,
  flagRange: (flag: string, range: string, got: string) => `${flag} must be ${range}, got ${quoted(got)}`,
  sharePercentHint: (message: string, typed: string) => `${message} (a bare number is the share itself; for ${typed} %, type ${typed}%)`,
  speculativeNeeded: (flag: string) =>
    `${flag} needs speculative decoding: add --speculative mtp|MODEL_ID (or a scenario file with "speculative")`,
  cannotRead: (what: string, path: string) => `${what}: cannot read file ${quoted(path)}`,
  noCalibrationRows: 'no data rows below the header',
  notCalibrationCsv: (path: string, first: string, more: number) =>
    `--csv: ${quoted(path)} is not calibration data (${first.replace(/^header: /, '')}${more > 0 ? `, and ${more} more` : ''})`,
  notJson: (what: string, path: string, detail: string) => `${what}: ${quoted(path)} is not valid JSON (${detail})`,
  /** JSON that reads two ways (a key given twice): `detail` names the key and where. */
  ambiguousJson: (what: string, path: string, detail: string) => `${what}: ${quoted(path)}: ${detail}`,
  unresolved: 'scenario could not be resolved',
  urlUnreadable: 'the link could not be read',
} as const;
