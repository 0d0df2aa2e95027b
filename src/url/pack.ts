// JSON <-> URL-safe text: UTF-8, raw DEFLATE (CompressionStream, in browsers and Node 18+), base64url.
// Links come from strangers: unpacking never throws and caps input and output sizes, so a
// tampered or "zip bomb" link cannot hang the tab or exhaust memory.

import { readJsonText } from '../parse/json-text';
import { closeJsonPrefix } from './json-prefix';

/** Longest packed text accepted (a typical link is a few hundred characters). */
export const MAX_PACKED_CHARS = 16_000;
/** Largest inflated JSON accepted. */
export const MAX_UNPACKED_BYTES = 512 * 1024;

const TRUNCATED = 'the link is damaged or truncated (it could not be decompressed)';

/** `cutShort`: the link ended inside its data; `value` holds the whole values before the cut (json-prefix.ts). */
export type Unpacked = { ok: true; value: unknown; cutShort?: true } | { ok: false; error: string };

export async function packJson(value: unknown): Promise<string> {
  return packText(JSON.stringify(value));
}

/** Packs JSON text as it is (tests build hostile payloads that JSON.stringify cannot). */
export async function packText(text: string): Promise<string> {
  const bytes = new TextEncoder().encode(text);
  const compressed = await collect(new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream('deflate-raw')), Number.POSITIVE_INFINITY);
  return toBase64Url(compressed ?? new Uint8Array());
}

export async function unpackJson(text: string): Promise<Unpacked> {
  try {
    if (text.length > MAX_PACKED_CHARS) return { ok: false, error: `the link is too long (${text.length} characters; at most ${MAX_PACKED_CHARS})` };
    // A length no base64url text has: cut short one character into a group, whose bits make no byte.
    const bytes = fromBase64Url(text.length % 4 === 1 ? text.slice(0, -1) : text);
    if (bytes === null) return { ok: false, error: 'the link contains characters that cannot be part of a scenario' };
    const inflated = await collect(new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw')), MAX_UNPACKED_BYTES, true);
    if (inflated === null) return { ok: false, error: 'the link expands to more data than any scenario needs' };
    return inflated.complete && text.length % 4 !== 1 ? parseInflated(inflated.bytes) : readCutShort(inflated.bytes);
  } catch {
    return { ok: false, error: TRUNCATED };
  }
}

/**
 * What a link cut short still says: its text up to the last whole value, closed (a chat app that
 * truncated a long link lost the whole scenario before). Nothing at the cut is guessed.
 */
function readCutShort(bytes: Uint8Array): Unpacked {
  const text = new TextDecoder('utf-8').decode(bytes).replace(/\uFFFD+$/, '');
  const closed = closeJsonPrefix(text);
  const read = closed === null ? null : readJsonText(closed);
  return read === null || !read.ok ? { ok: false, error: TRUNCATED } : { ok: true, value: read.value, cutShort: true };
}

/** The inflated bytes as JSON: a link that decompresses to something else says so, not "damaged". */
function parseInflated(bytes: Uint8Array): Unpacked {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, error: 'the link decompresses to bytes that are not text, so it holds no scenario' };
  }
  const read = readJsonText(text);
  if (read.ok) return { ok: true, value: read.value };
  return { ok: false, error: read.kind === 'syntax' ? 'the link decompresses, but not to a scenario (its contents are not JSON)' : `the link's scenario is ambiguous: ${read.error}` };
}

/**
 * Reads a stream to the end; null when it exceeds `limit` bytes (reading stops there). With
 * `partial`, a stream that fails (inflating data cut short) gives what it produced before.
 */
async function collect(stream: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array | null>;
async function collect(stream: ReadableStream<Uint8Array>, limit: number, partial: true): Promise<{ bytes: Uint8Array; complete: boolean } | null>;
async function collect(stream: ReadableStream<Uint8Array>, limit: number, partial = false): Promise<Uint8Array | { bytes: Uint8Array; complete: boolean } | null> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  let complete = true;
  for (;;) {
    let next: ReadableStreamReadResult<Uint8Array>;
    try {
      next = await reader.read();
    } catch (error) {
      if (!partial) throw error;
      complete = false;
      break;
    }
    const { done, value } = next;
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return partial ? { bytes: out, complete } : out;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const INDEX = new Map([...ALPHABET].map((c, i) => [c, i]));

export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = i + 1 >= bytes.length ? 2 : i + 2 >= bytes.length ? 3 : 4;
    for (let j = 0; j < chars; j++) out += ALPHABET[(n >> (18 - 6 * j)) & 63];
  }
  return out;
}

export function fromBase64Url(text: string): Uint8Array | null {
  if (text.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let o = 0;
  for (const c of text) {
    const v = INDEX.get(c);
    if (v === undefined) return null;
    value = (value << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (value >> bits) & 255;
    }
  }
  return out.subarray(0, o);
}
