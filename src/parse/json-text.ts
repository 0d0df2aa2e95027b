// JSON text a user wrote or saved, read so that nothing in it is lost or changed silently.
// JSON.parse keeps the last of two equal keys in one object (RFC 8259 section 4 leaves duplicate
// names undefined) and turns a number too large for a double, such as 1e400, into Infinity, so
// a message would quote "Infinity" and not what was written. This reader refuses duplicate keys
// by path and keeps such a number's own text, which the field's parse step then refuses quoting
// it. JSON.parse still decides validity, so its messages and positions are unchanged. Pure.

import { JSON_TEXT } from '../messages/json-text';

export type JsonTextRead =
  | { ok: true; value: unknown }
  | { ok: false; error: string; kind: 'syntax' | 'duplicate-key' };

/** Reads `text` as JSON; never throws. */
export function readJsonText(text: string): JsonTextRead {
  let checked: unknown;
  try {
    checked = JSON.parse(text);
  } catch (e) {
    return { ok: false, kind: 'syntax', error: e instanceof Error ? e.message : String(e) };
  }
  if (checked === null || typeof checked !== 'object') return { ok: true, value: typeof checked === 'number' && !Number.isFinite(checked) ? text.trim() : checked };
  const reader = new ValidJsonReader(text);
  const value = reader.value([]);
  if (value === TOO_DEEP) return { ok: true, value: checked };
  return reader.duplicate === null ? { ok: true, value } : { ok: false, kind: 'duplicate-key', error: reader.duplicate };
}

/**
 * Nesting past which the reader stops (its recursion would overflow the stack) and leaves the text
 * to JSON.parse; no file or link the app reads nests that deep (links stop at 24 levels, url/json-bounds.ts).
 */
const MAX_READ_DEPTH = 256;
const TOO_DEEP = Symbol('too deep');

/** Where a key sits, for messages: 'at the top level', 'in "workload.slo"', 'in "items[2]"'. */
function describePlace(path: readonly (string | number)[]): string {
  if (path.length === 0) return 'at the top level';
  return `in "${path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('')}"`;
}

/**
 * Recursive descent over text JSON.parse has already accepted, so it skips error handling. It
 * records the first duplicate key and rebuilds the value with non-finite numbers as their text.
 */
class ValidJsonReader {
  private at = 0;
  duplicate: string | null = null;

  constructor(private readonly text: string) {}

  value(path: (string | number)[]): unknown {
    if (path.length > MAX_READ_DEPTH) return TOO_DEEP;
    this.skipSpace();
    const c = this.text[this.at];
    if (c === '{') return this.object(path);
    if (c === '[') return this.array(path);
    if (c === '"') return this.string();
    if (c === 't') return this.literal('true', true);
    if (c === 'f') return this.literal('false', false);
    if (c === 'n') return this.literal('null', null);
    return this.number();
  }

  private object(path: (string | number)[]): Record<string, unknown> | typeof TOO_DEEP {
    this.at++;
    const out: Record<string, unknown> = {};
    const seen = new Set<string>();
    this.skipSpace();
    if (this.text[this.at] === '}') {
      this.at++;
      return out;
    }
    for (;;) {
      this.skipSpace();
      const key = this.string();
      if (seen.has(key) && this.duplicate === null) {
        this.duplicate = JSON_TEXT.duplicateKey(key, describePlace(path));
      }
      seen.add(key);
      this.skipSpace();
      this.at++; // ':'
      const v = this.value([...path, key]);
      if (v === TOO_DEEP) return TOO_DEEP;
      // JSON.parse's own assignment semantics: "__proto__" becomes an own key, not the prototype.
      Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
      this.skipSpace();
      if (this.text[this.at++] === '}') return out;
    }
  }

  private array(path: (string | number)[]): unknown[] | typeof TOO_DEEP {
    this.at++;
    const out: unknown[] = [];
    this.skipSpace();
    if (this.text[this.at] === ']') {
      this.at++;
      return out;
    }
    for (;;) {
      const v = this.value([...path, out.length]);
      if (v === TOO_DEEP) return TOO_DEEP;
      out.push(v);
      this.skipSpace();
      if (this.text[this.at++] === ']') return out;
    }
  }

  private string(): string {
    const start = this.at;
    this.at++;
    while (this.text[this.at] !== '"') this.at += this.text[this.at] === '\\' ? 2 : 1;
    this.at++;
    return JSON.parse(this.text.slice(start, this.at)) as string;
  }

  private number(): number | string {
    const start = this.at;
    while (this.at < this.text.length && /[-+0-9.eE]/.test(this.text[this.at]!)) this.at++;
    const written = this.text.slice(start, this.at);
    const n = Number(written);
    return Number.isFinite(n) ? n : written;
  }

  private literal(word: string, v: boolean | null): boolean | null {
    this.at += word.length;
    return v;
  }

  private skipSpace(): void {
    while (this.at < this.text.length && ' \t\n\r'.includes(this.text[this.at]!)) this.at++;
  }
}
