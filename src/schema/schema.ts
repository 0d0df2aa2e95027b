// Declarative, never-throwing validators (in the style of tldraw's packages/validate): one
// declaration gives the static type (`Infer`), the parser, the limits the UI and the CLI show,
// and the messages naming each bad field. Untrusted JSON (files, links, flags, uploads) goes
// through `parseWith`; a bad field is reported by its dotted path and never loses its neighbours.

import { IssueLog, describeValue, messageNumber, isRecord, joinPath, own, type FieldIssue, type NumberRule } from '../parse/fields';

export type { FieldIssue, NumberRule };

/** What `read` does when a value is invalid: report it, then give back the fallback (if any). */
export abstract class Schema<T> {
  /** Reads `raw` at `path`; undefined when invalid and no fallback was given (the issue is logged). */
  abstract read(raw: unknown, path: string, log: IssueLog, fallback?: T): T | undefined;
  /** "an integer from 1 to 100 tokens": used in messages. */
  abstract describe(): string;

  /** The field may be absent (and then stays absent). */
  optional(): OptionalSchema<T> {
    return new OptionalSchema(this);
  }

  /** Absent -> `value`, with a warning naming the assumption (legacy files that predate a field). */
  defaultWithWarning(value: T, warning: string): DefaultSchema<T> {
    return new DefaultSchema(this, value, warning);
  }

  /** Absent -> `value`, silently (a field whose default is the natural reading). */
  withDefault(value: T): DefaultSchema<T> {
    return new DefaultSchema(this, value, null);
  }

  nullable(): Schema<T | null> {
    return new NullableSchema(this);
  }

  /** A check that needs the whole value (cross-field limits); runs only when the value is valid. */
  check(fn: (value: T, path: string, log: IssueLog) => void): Schema<T> {
    return new CheckedSchema(this, fn);
  }
}

export type Infer<S> = S extends Schema<infer T> ? T : never;

// ---------------------------------------------------------------------------------------------
// Scalars

/** A number rule; `exclusiveMin` makes the lower bound open ("(0, 1]"). */
export interface NumberSpec extends NumberRule {
  exclusiveMin?: boolean;
}

export function describeNumber(rule: NumberSpec): string {
  const unit = rule.unit ? ` ${rule.unit}` : '';
  if (rule.exclusiveMin) return `a number in (${messageNumber(rule.min)}, ${messageNumber(rule.max)}]${unit}`;
  const kind = rule.integer ? 'an integer' : 'a number';
  return `${kind} from ${messageNumber(rule.min)} to ${messageNumber(rule.max)}${unit}`;
}

export class NumberSchema extends Schema<number> {
  constructor(readonly rule: NumberSpec) {
    super();
  }
  describe(): string {
    return describeNumber(this.rule);
  }
  read(raw: unknown, path: string, log: IssueLog, fallback?: number): number | undefined {
    const r = this.rule;
    if (typeof raw !== 'number' || !Number.isFinite(raw)) {
      log.error(path, `must be ${this.describe()}, got ${describeValue(raw)}`);
      return fallback;
    }
    if (r.allowZero && raw === 0) return 0;
    const belowMin = r.exclusiveMin ? raw <= r.min : raw < r.min;
    if (belowMin || raw > r.max || (r.integer && !Number.isInteger(raw))) {
      log.error(path, `must be ${this.describe()}, got ${messageNumber(raw)}`);
      return fallback;
    }
    return raw;
  }
}

export interface StringSpec {
  maxLength: number;
  /** Rejects blank strings ("must not be empty"). */
  nonEmpty?: boolean;
  pattern?: RegExp;
  /** How the pattern reads in a message: "lowercase kebab-case (a-z, 0-9, "-")". */
  patternText?: string;
}

export class StringSchema extends Schema<string> {
  constructor(readonly spec: StringSpec) {
    super();
  }
  describe(): string {
    const s = this.spec;
    return s.pattern ? `${s.patternText ?? 'a string matching its pattern'}, at most ${s.maxLength} characters` : 'a string';
  }
  read(raw: unknown, path: string, log: IssueLog, fallback?: string): string | undefined {
    const s = this.spec;
    if (typeof raw !== 'string') {
      log.error(path, `must be ${this.describe()}, got ${describeValue(raw)}`);
      return fallback;
    }
    if (raw.length > s.maxLength) {
      log.error(path, s.pattern ? `must be ${this.describe()}, got ${raw.length} characters` : `must be at most ${s.maxLength} characters, got ${raw.length}`);
      return fallback;
    }
    if (s.nonEmpty && raw.trim() === '') {
      log.error(path, 'must not be empty');
      return fallback;
    }
    if (s.pattern && !s.pattern.test(raw)) {
      log.error(path, `must be ${this.describe()}, got ${describeValue(raw)}`);
      return fallback;
    }
    return raw;
  }
}

export class EnumSchema<T extends string> extends Schema<T> {
  constructor(readonly values: readonly T[]) {
    super();
  }
  describe(): string {
    return `one of ${this.values.join(', ')}`;
  }
  read(raw: unknown, path: string, log: IssueLog, fallback?: T): T | undefined {
    if (typeof raw === 'string' && (this.values as readonly string[]).includes(raw)) return raw as T;
    log.error(path, `must be ${this.describe()}, got ${describeValue(raw)}`);
    return fallback;
  }
}

export class BooleanSchema extends Schema<boolean> {
  describe(): string {
    return 'true or false';
  }
  read(raw: unknown, path: string, log: IssueLog, fallback?: boolean): boolean | undefined {
    if (typeof raw === 'boolean') return raw;
    log.error(path, `must be true or false, got ${describeValue(raw)}`);
    return fallback;
  }
}

export class LiteralSchema<T extends string | number | boolean> extends Schema<T> {
  constructor(readonly value: T) {
    super();
  }
  describe(): string {
    return JSON.stringify(this.value);
  }
  read(raw: unknown, path: string, log: IssueLog, fallback?: T): T | undefined {
    if (raw === this.value) return this.value;
    log.error(path, `must be ${this.describe()}, got ${describeValue(raw)}`);
    return fallback;
  }
}

// ---------------------------------------------------------------------------------------------
// Wrappers

/** A field that may be absent, and then stays absent. */
export class OptionalSchema<T> extends Schema<T> {
  /** Brand: keeps other wrappers (structurally alike) from typing as optional. */
  readonly omittable = true as const;
  constructor(readonly inner: Schema<T>) {
    super();
  }
  describe(): string {
    return this.inner.describe();
  }
  read(raw: unknown, path: string, log: IssueLog, fallback?: T): T | undefined {
    return this.inner.read(raw, path, log, fallback);
  }
}

/** A field that may be absent, and then takes a default (with a warning when one is given). */
export class DefaultSchema<T> extends Schema<T> {
  constructor(readonly inner: Schema<T>, readonly value: T, readonly warning: string | null) {
    super();
  }
  describe(): string {
    return this.inner.describe();
  }
  read(raw: unknown, path: string, log: IssueLog, fallback?: T): T | undefined {
    return this.inner.read(raw, path, log, fallback);
  }
}

export class NullableSchema<T> extends Schema<T | null> {
  constructor(readonly inner: Schema<T>) {
    super();
  }
  describe(): string {
    return `null or ${this.inner.describe()}`;
  }
  read(raw: unknown, path: string, log: IssueLog, fallback?: T | null): T | null | undefined {
    if (raw === null) return null;
    const before = log.errors.length;
    const value = this.inner.read(raw, path, log, fallback === null ? undefined : fallback);
    // The inner message names its own range; "or null" keeps the message true.
    for (let i = before; i < log.errors.length; i++) {
      const issue = log.errors[i]!;
      if (issue.path === path && issue.message.startsWith('must be ') && !issue.message.includes(' or null')) {
        issue.message = issue.message.replace(/^must be (.*?), got /, 'must be $1 or null, got ');
      }
    }
    return value === undefined ? fallback : value;
  }
}

class CheckedSchema<T> extends Schema<T> {
  constructor(readonly inner: Schema<T>, readonly fn: (value: T, path: string, log: IssueLog) => void) {
    super();
  }
  describe(): string {
    return this.inner.describe();
  }
  read(raw: unknown, path: string, log: IssueLog, fallback?: T): T | undefined {
    const before = log.errors.length;
    const value = this.inner.read(raw, path, log, undefined);
    if (value === undefined || log.errors.length > before) return value ?? fallback;
    this.fn(value, path, log);
    return log.errors.length > before ? fallback : value;
  }
}

/** A value or the word "auto" (left to the engine's search): the one way "auto" is written. */
export class AutoOrSchema<T> extends Schema<T | 'auto'> {
  constructor(readonly inner: Schema<T>) {
    super();
  }
  describe(): string {
    return `${this.inner.describe()} or "auto"`;
  }
  read(raw: unknown, path: string, log: IssueLog, fallback?: T | 'auto'): T | 'auto' | undefined {
    if (raw === 'auto') return 'auto';
    const before = log.errors.length;
    const value = this.inner.read(raw, path, log, undefined);
    for (let i = before; i < log.errors.length; i++) {
      const issue = log.errors[i]!;
      if (issue.path === path) issue.message = issue.message.replace(/^must be (.*?), got /, 'must be $1 or "auto", got ');
    }
    return value === undefined ? fallback : value;
  }
}

// ---------------------------------------------------------------------------------------------
// Containers

export type Shape = Record<string, Schema<unknown>>;

type RequiredKeys<S extends Shape> = { [K in keyof S]: S[K] extends { omittable: true } ? never : K }[keyof S];
type OptionalKeys<S extends Shape> = { [K in keyof S]: S[K] extends { omittable: true } ? K : never }[keyof S];
type Simplify<T> = { [K in keyof T]: T[K] } & {};
export type ObjectOf<S extends Shape> = Simplify<
  { [K in RequiredKeys<S>]: Infer<S[K]> } & { [K in OptionalKeys<S>]?: Infer<S[K]> }
>;

export interface ObjectSpec {
  /** What the object is, for "must be <what>": "a hardware profile". */
  what?: string;
  /** Unknown keys: a warning that they were ignored (default), or nothing. */
  unknownKeys?: 'warn' | 'ignore';
  /** Appended to the unknown-key warning, e.g. " (known: a, b)". */
  listKnownKeys?: boolean;
}

export class ObjectSchema<S extends Shape> extends Schema<ObjectOf<S>> {
  constructor(readonly shape: S, readonly spec: ObjectSpec = {}) {
    super();
  }
  get keys(): string[] {
    return Object.keys(this.shape);
  }
  describe(): string {
    return this.spec.what ?? 'an object';
  }
  /**
   * Every field on its own: a missing required field or a bad value is an error. With a fallback
   * (Excalidraw's restore), absent fields take the fallback's value silently and bad ones take it
   * with the error logged, so the result is always whole.
   */
  read(raw: unknown, path: string, log: IssueLog, fallback?: ObjectOf<S>): ObjectOf<S> | undefined {
    if (!isRecord(raw)) {
      log.error(path, `must be ${this.describe()}, got ${describeValue(raw)}`);
      return fallback;
    }
    if (this.spec.unknownKeys !== 'ignore') {
      const known = this.keys;
      for (const key of Object.keys(raw)) {
        if (!Object.hasOwn(this.shape, key)) {
          const list = this.spec.listKnownKeys ? ` (known: ${known.join(', ')})` : '';
          log.warn(joinPath(path, key), `is not a known field and was ignored${list}`);
        }
      }
    }
    const out: Record<string, unknown> = {};
    let invalid = false;
    const base = fallback as Record<string, unknown> | undefined;
    for (const [key, schema] of Object.entries(this.shape)) {
      const fieldPath = joinPath(path, key);
      const value = own(raw, key);
      const fieldFallback = base === undefined ? undefined : own(base, key);
      if (value === undefined) {
        if (fieldFallback !== undefined) out[key] = fieldFallback;
        else if (schema instanceof DefaultSchema) {
          out[key] = structuredClone(schema.value);
          if (schema.warning !== null) log.warn(fieldPath, schema.warning);
        } else if (schema instanceof OptionalSchema) {
          // stays absent
        } else if (base === undefined || !Object.hasOwn(base, key)) {
          log.error(fieldPath, `is missing; expected ${schema.describe()}`);
          invalid = true;
        }
        continue;
      }
      const read = schema.read(value, fieldPath, log, fieldFallback as never);
      if (read === undefined) invalid = true;
      else out[key] = read;
    }
    if (invalid && fallback === undefined) return undefined;
    // A copy: objects filled key by key here fall into V8's slow dictionary mode once a few hundred
    // schemas have run (every model after the hardware catalog), and the engine reads these records
    // in its innermost loops (all-chip comparison 33-35 -> 23-26 ms).
    return { ...out } as ObjectOf<S>;
  }
}

export interface RecordSpec {
  keyPattern?: RegExp;
  keyText?: string;
  maxKeys?: number;
  what?: string;
}

/** A map from free string keys to values of one schema (estimate notes by field path). */
export class RecordSchema<T> extends Schema<Record<string, T>> {
  constructor(readonly value: Schema<T>, readonly spec: RecordSpec = {}) {
    super();
  }
  describe(): string {
    return this.spec.what ?? 'an object';
  }
  read(raw: unknown, path: string, log: IssueLog, fallback?: Record<string, T>): Record<string, T> | undefined {
    if (!isRecord(raw)) {
      log.error(path, `must be ${this.describe()}, got ${describeValue(raw)}`);
      return fallback;
    }
    const keys = Object.keys(raw);
    if (this.spec.maxKeys !== undefined && keys.length > this.spec.maxKeys) {
      log.error(path, `must have at most ${this.spec.maxKeys} entries, got ${keys.length}`);
      return fallback;
    }
    const out: Record<string, T> = {};
    for (const key of keys) {
      const fieldPath = joinPath(path, key);
      if (this.spec.keyPattern && (key.length > 200 || !this.spec.keyPattern.test(key))) {
        log.error(fieldPath, `must be keyed by ${this.spec.keyText ?? 'a valid key'}`);
        continue;
      }
      const value = this.value.read(own(raw, key), fieldPath, log);
      if (value !== undefined) out[key] = value;
    }
    return out;
  }
}

export interface PartialRecordSpec {
  what?: string;
  /** Keys outside the list: an error (default) or a warning that they were ignored. */
  unknownKeys?: 'error' | 'warn';
  unknownKeyText?: (key: string) => string;
}

/** A map from a fixed list of keys, each optional (per-rate FLOP/s, sources per field group). */
export class PartialRecordSchema<K extends string, T> extends Schema<Partial<Record<K, T>>> {
  constructor(readonly keys: readonly K[], readonly value: Schema<T>, readonly spec: PartialRecordSpec = {}) {
    super();
  }
  describe(): string {
    return this.spec.what ?? `an object with keys among ${this.keys.join(', ')}`;
  }
  read(raw: unknown, path: string, log: IssueLog, fallback?: Partial<Record<K, T>>): Partial<Record<K, T>> | undefined {
    if (!isRecord(raw)) {
      log.error(path, `must be ${this.describe()}, got ${describeValue(raw)}`);
      return fallback;
    }
    const out: Partial<Record<K, T>> = {};
    for (const key of Object.keys(raw)) {
      const fieldPath = joinPath(path, key);
      if (!(this.keys as readonly string[]).includes(key)) {
        const text = this.spec.unknownKeyText?.(key) ?? `is not allowed here; expected one of ${this.keys.join(', ')}`;
        if (this.spec.unknownKeys === 'warn') log.warn(fieldPath, text);
        else log.error(fieldPath, text);
        continue;
      }
      const value = this.value.read(own(raw, key), fieldPath, log);
      if (value !== undefined) out[key as K] = value;
    }
    return out;
  }
}

export class ArraySchema<T> extends Schema<T[]> {
  constructor(readonly item: Schema<T>, readonly maxItems: number) {
    super();
  }
  describe(): string {
    return `a list of ${this.item.describe()}`;
  }
  read(raw: unknown, path: string, log: IssueLog, fallback?: T[]): T[] | undefined {
    if (!Array.isArray(raw)) {
      log.error(path, `must be ${this.describe()}, got ${describeValue(raw)}`);
      return fallback;
    }
    if (raw.length > this.maxItems) {
      log.error(path, `must have at most ${this.maxItems} items, got ${raw.length}`);
      return fallback;
    }
    const out: T[] = [];
    let invalid = false;
    raw.forEach((item: unknown, index: number) => {
      const value = this.item.read(item, `${path}.${index}`, log);
      if (value === undefined) invalid = true;
      else out.push(value);
    });
    return invalid && fallback !== undefined ? fallback : out;
  }
}

// ---------------------------------------------------------------------------------------------
// Builders and the entry point

export const s = {
  number: (rule: NumberSpec) => new NumberSchema(rule),
  /** A share in (0, 1]. */
  fraction: () => new NumberSchema({ min: 0, max: 1, exclusiveMin: true }),
  string: (spec: StringSpec) => new StringSchema(spec),
  enum: <T extends string>(values: readonly T[]) => new EnumSchema<T>(values),
  boolean: () => new BooleanSchema(),
  literal: <T extends string | number | boolean>(value: T) => new LiteralSchema<T>(value),
  autoOr: <T>(inner: Schema<T>) => new AutoOrSchema(inner),
  object: <S extends Shape>(shape: S, spec?: ObjectSpec) => new ObjectSchema(shape, spec),
  record: <T>(value: Schema<T>, spec?: RecordSpec) => new RecordSchema(value, spec),
  partialRecord: <K extends string, T>(keys: readonly K[], value: Schema<T>, spec?: PartialRecordSpec) => new PartialRecordSchema(keys, value, spec),
  array: <T>(item: Schema<T>, maxItems: number) => new ArraySchema(item, maxItems),
};

export interface Parsed<T> {
  /** null when the value has any error (a half-valid record would give silently wrong numbers). */
  value: T | null;
  errors: FieldIssue[];
  warnings: FieldIssue[];
}

/** Parses untrusted input with a schema. Never throws: exotic inputs (throwing getters) become an error. */
export function parseWith<T>(schema: Schema<T>, raw: unknown, what: string, log: IssueLog = new IssueLog()): Parsed<T> {
  try {
    const value = schema.read(raw, '', log);
    return { value: value === undefined || log.errors.length > 0 ? null : value, errors: log.errors, warnings: log.warnings };
  } catch (error) {
    let detail = 'unknown failure';
    try {
      detail = error instanceof Error ? error.message.slice(0, 80) : String(error).slice(0, 80);
    } catch {
      // keep the generic detail
    }
    log.error('', `could not be read as ${what} (${detail})`);
    return { value: null, errors: log.errors, warnings: log.warnings };
  }
}
