// Never-throwing readers for untrusted JSON. Each reader records a problem (naming the field and
// the accepted range) and returns a fallback, so one bad field never loses the rest of the input.

import { groupedInteger } from '../format/decimal';

export interface FieldIssue {
  /** Dotted path of the field, e.g. "workload.inputTokens". */
  path: string;
  message: string;
}

/** Collects problems while a parser walks an untrusted value. */
export class IssueLog {
  readonly errors: FieldIssue[] = [];
  readonly warnings: FieldIssue[] = [];
  error(path: string, message: string): void {
    this.errors.push({ path, message });
  }
  warn(path: string, message: string): void {
    this.warnings.push({ path, message });
  }
}

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Own-property lookup that never reaches the prototype (no "__proto__" surprises). */
export function own(record: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

export function joinPath(base: string, key: string): string {
  return base === '' ? key : `${base}.${key}`;
}

export interface NumberRule {
  min: number;
  max: number;
  integer?: boolean;
  /** Allow the exact value 0 even when min > 0 is otherwise required (e.g. "no HBM"). */
  allowZero?: boolean;
  unit?: string;
}

function describeRange(rule: NumberRule): string {
  const unit = rule.unit ? ` ${rule.unit}` : '';
  const kind = rule.integer ? 'an integer' : 'a number';
  return `${kind} from ${rule.min} to ${rule.max}${unit}`;
}

/**
 * Reads a finite number within [min, max]. Missing -> fallback (no issue when `optional`);
 * wrong type, NaN, Infinity or out of range -> error naming the accepted range, fallback returned.
 */
export function readNumber(
  log: IssueLog,
  record: Record<string, unknown>,
  key: string,
  path: string,
  rule: NumberRule,
  fallback: number,
  optional = false,
): number {
  const raw = own(record, key);
  const fieldPath = joinPath(path, key);
  if (raw === undefined) {
    if (!optional) log.error(fieldPath, `is missing; expected ${describeRange(rule)}`);
    return fallback;
  }
  return checkNumber(log, raw, fieldPath, rule, fallback);
}

export function checkNumber(log: IssueLog, raw: unknown, fieldPath: string, rule: NumberRule, fallback: number): number {
  return validNumber(log, raw, fieldPath, rule) ?? fallback;
}

/** The number if it is finite and within the rule, else undefined with an error logged. */
export function validNumber(log: IssueLog, raw: unknown, fieldPath: string, rule: NumberRule): number | undefined {
  if (typeof raw !== 'number' || !Number.isFinite(raw)) {
    log.error(fieldPath, `must be ${describeRange(rule)}, got ${describeValue(raw)}`);
    return undefined;
  }
  if (rule.allowZero && raw === 0) return 0;
  if (raw < rule.min || raw > rule.max || (rule.integer && !Number.isInteger(raw))) {
    log.error(fieldPath, `must be ${describeRange(rule)}, got ${raw}`);
    return undefined;
  }
  return raw;
}

export function readNullableNumber(
  log: IssueLog,
  record: Record<string, unknown>,
  key: string,
  path: string,
  rule: NumberRule,
  fallback: number | null,
): number | null {
  const raw = own(record, key);
  if (raw === undefined) return fallback;
  if (raw === null) return null;
  const value = validNumber(log, raw, joinPath(path, key), rule);
  return value === undefined ? fallback : value;
}

export function readString(
  log: IssueLog,
  record: Record<string, unknown>,
  key: string,
  path: string,
  fallback: string,
  options: { optional?: boolean; maxLength?: number } = {},
): string {
  const raw = own(record, key);
  const fieldPath = joinPath(path, key);
  const maxLength = options.maxLength ?? 200;
  if (raw === undefined) {
    if (!options.optional) log.error(fieldPath, 'is missing; expected a string');
    return fallback;
  }
  if (typeof raw !== 'string') {
    log.error(fieldPath, `must be a string, got ${describeValue(raw)}`);
    return fallback;
  }
  if (raw.length > maxLength) {
    log.error(fieldPath, `must be at most ${maxLength} characters, got ${raw.length}`);
    return fallback;
  }
  return raw;
}

export function readBoolean(
  log: IssueLog,
  record: Record<string, unknown>,
  key: string,
  path: string,
  fallback: boolean,
  optional = false,
): boolean {
  const raw = own(record, key);
  const fieldPath = joinPath(path, key);
  if (raw === undefined) {
    if (!optional) log.error(fieldPath, 'is missing; expected true or false');
    return fallback;
  }
  if (typeof raw !== 'boolean') {
    log.error(fieldPath, `must be true or false, got ${describeValue(raw)}`);
    return fallback;
  }
  return raw;
}

export function readEnum<T extends string>(
  log: IssueLog,
  record: Record<string, unknown>,
  key: string,
  path: string,
  allowed: readonly T[],
  fallback: T,
  optional = false,
): T {
  const raw = own(record, key);
  const fieldPath = joinPath(path, key);
  if (raw === undefined) {
    if (!optional) log.error(fieldPath, `is missing; expected one of ${allowed.join(', ')}`);
    return fallback;
  }
  if (typeof raw === 'string' && (allowed as readonly string[]).includes(raw)) return raw as T;
  log.error(fieldPath, `must be one of ${allowed.join(', ')}, got ${describeValue(raw)}`);
  return fallback;
}

/** Reads a nested object; a wrong type is reported and an empty record returned. */
export function readRecord(
  log: IssueLog,
  record: Record<string, unknown>,
  key: string,
  path: string,
  optional = false,
): Record<string, unknown> {
  const raw = own(record, key);
  const fieldPath = joinPath(path, key);
  if (raw === undefined || (optional && raw === null)) {
    if (!optional) log.error(fieldPath, 'is missing; expected an object');
    return {};
  }
  if (!isRecord(raw)) {
    log.error(fieldPath, `must be an object, got ${describeValue(raw)}`);
    return {};
  }
  return raw;
}

/**
 * A number in a message about a value read from a file, a link or a flag: digit groups below a
 * billion ("1,000,000 tokens", as the fields write their ranges), exponent form from there
 * ("1e9 to 1e19 FLOP/s", "got 2.25e15") where twenty digits could not be counted.
 */
export function messageNumber(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (Math.abs(x) >= 1e9) return x.toExponential().replace('e+', 'e');
  return Number.isInteger(x) && !Object.is(x, -0) ? groupedInteger(x) : String(x);
}

export function describeValue(raw: unknown): string {
  if (raw === null) return 'null';
  if (Array.isArray(raw)) return 'a list';
  if (typeof raw === 'number') return Number.isNaN(raw) ? 'NaN' : messageNumber(raw);
  if (typeof raw === 'string') return JSON.stringify(raw.length > 40 ? `${raw.slice(0, 40)}…` : raw);
  return typeof raw;
}

export function formatIssue(issue: FieldIssue): string {
  return issue.path === '' ? issue.message : `${issue.path} ${issue.message}`;
}

/** What every parse step returns: a value (null only when nothing usable remains) plus problems. */
export interface ParseOutcome<T> {
  value: T | null;
  errors: FieldIssue[];
  warnings: FieldIssue[];
}
