// Shareable links: the whole app state in the URL hash as `#s=<version>.<payload>.<check>`, where
// payload is base64url(deflate-raw(JSON(diff(base.wire, wire)))) and check the fingerprint of
// `<version>.<payload>` (links of version 10 and older end at the payload). Links come from
// strangers: decoding never throws, caps every size (pack.ts, json-bounds.ts, parse-wire.ts) and
// reports what it could not use, keeping everything it could.

import type { AppState } from '../app-state/app-state';
import type { Catalog } from '../catalog/catalog';
import { LINK as L } from '../messages/link';
import type { Message } from '../messages/message';
import { exceedsBounds } from './json-bounds';
import { runMigrations, type Migration } from '../schema/migrate';
import { CHECKED_SINCE, LINK_PARAM, LINK_VERSION, currentBase, linkCheck } from './link-format';
import { MAX_PACKED_CHARS, packJson, unpackJson } from './pack';
import { baseState, NO_STORED, type StoredCustom } from './decode-parts';
import { NOTHING_UNLOADED, type Unloaded } from './custom-merge';
import { applyPatch, diff } from './patch';
import { WIRE_FIELDS, parseWire, toWire } from './wire-fields';
import { possiblyLostParts } from './cut-link';


/** Longest hash or URL read at all (the payload itself is capped at MAX_PACKED_CHARS). */
export const MAX_LINK_CHARS = MAX_PACKED_CHARS + 4096;
/** Messages shown at most; the rest are counted. */
export const MAX_MESSAGES = 12;

export interface DecodeOptions {
  /** View ids of the app; null accepts any well-formed id (CLI). Default: any. */
  views?: ReadonlySet<string> | null;
  /** For tests of future versions: the migration list to use. */
  migrations?: readonly Migration[];
}

export interface DecodedLink {
  state: AppState;
  messages: Message[];
  /** What the link held: none (no #s=), unreadable (nothing of it used), or read (possibly with messages). */
  status: 'none' | 'unreadable' | 'read';
  /** Link version found, when readable. */
  version: number | null;
  /** Migrations that ran (their `from` versions). */
  migrated: number[];
  /** The link's custom chips and models beyond the cap, with the comparison entries that use them. */
  unloaded: Unloaded;
}

/** The JSON patch a link carries for `state` (undefined fields dropped: the landing state is {}). */
export function linkPatch(state: AppState, catalog: Catalog): unknown {
  const base = currentBase();
  return diff(base.wire, toWire(state, catalog, base)) ?? {};
}

/** The hash (with '#') that reopens `state`. */
export async function encodeLink(state: AppState, catalog: Catalog): Promise<string> {
  return checkedLink(LINK_VERSION, await packJson(linkPatch(state, catalog)));
}

/** `#s=<version>.<data>`, ending in `.<check>` from CHECKED_SINCE on. */
export function checkedLink(version: number, data: string): string {
  const body = `${version}.${data}`;
  return `#${LINK_PARAM}=${version >= CHECKED_SINCE ? `${body}.${linkCheck(body)}` : body}`;
}

/**
 * A checked version's data and what its check says: the data as sent (`ok`), changed since the
 * link was made (`altered`), or without the check (`missing`: the link lost its end).
 */
function splitCheck(versionText: string, rest: string): { data: string; check: 'ok' | 'altered' | 'missing' } {
  const dot = rest.lastIndexOf('.');
  if (dot < 0) return { data: rest, check: 'missing' };
  const data = rest.slice(0, dot);
  const given = rest.slice(dot + 1);
  const expected = linkCheck(`${versionText}.${data}`);
  // Cut inside the check: the end was lost, nothing was changed.
  return { data, check: given === expected ? 'ok' : expected.startsWith(given) ? 'missing' : 'altered' };
}

/** The `s` parameter of a hash, a full URL or a bare `s=` text; null when there is none. */
export function linkParam(text: string): string | null {
  const hashAt = text.indexOf('#');
  const fragment = hashAt >= 0 ? text.slice(hashAt + 1) : text;
  for (const part of fragment.split('&')) {
    if (part.startsWith(`${LINK_PARAM}=`)) return part.slice(LINK_PARAM.length + 1);
  }
  return null;
}

function limited(messages: Message[]): Message[] {
  if (messages.length <= MAX_MESSAGES) return messages;
  return [...messages.slice(0, MAX_MESSAGES - 1), L.more(messages.length - (MAX_MESSAGES - 1))];
}

/**
 * Opens a link: the state it describes (valid fields kept, the rest at defaults) plus messages.
 * `stored` custom chips and models (this browser's) are merged in, never replaced.
 */
export async function decodeLink(text: string, catalog: Catalog, stored: StoredCustom = NO_STORED, options: DecodeOptions = {}): Promise<DecodedLink> {
  const fallback = (messages: Message[], status: DecodedLink['status'] = 'unreadable'): DecodedLink => ({
    state: baseState(catalog, stored), messages, status, version: null, migrated: [], unloaded: NOTHING_UNLOADED,
  });
  try {
    if (text.length > MAX_LINK_CHARS) return fallback([L.tooLong(text.length, MAX_LINK_CHARS)]);
    const param = linkParam(text);
    if (param === null) return fallback([], 'none');
    const match = /^([^.]{0,12})\.([\s\S]*)$/.exec(param);
    if (match === null) return fallback([L.notRecognised()]);
    const [, versionText = '', rest = ''] = match;
    const stated = /^\d{1,6}$/.test(versionText) ? Number(versionText) : Number.NaN;
    const { data: payload, check } = stated >= CHECKED_SINCE ? splitCheck(versionText, rest) : { data: rest, check: 'ok' as const };
    const unpacked = await unpackJson(payload);
    // A newer version may pack its data differently: "damaged" would blame the link, not this version.
    const newer = stated > LINK_VERSION;
    if (!unpacked.ok) {
      const detail = check === 'altered' ? `${unpacked.error}, and its check does not match its data (it was changed after it was made)` : unpacked.error;
      // A version this app never wrote ("0", "abc") is the likelier fault than the data it could not read.
      const known = Number.isInteger(stated) && stated >= 1 && stated <= LINK_VERSION;
      return fallback([newer ? L.newerUnreadable(stated, LINK_VERSION, detail)
        : known ? L.damaged(detail) : L.badVersionUnreadable(JSON.stringify(versionText.slice(0, 12)), LINK_VERSION)]);
    }
    const tooBig = exceedsBounds(unpacked.value);
    if (tooBig !== null) return fallback([L.tooComplex(tooBig)]);
    const messages: Message[] = [];
    if (check === 'altered') messages.push(L.altered());
    else if (check === 'missing' && unpacked.cutShort !== true) messages.push(L.unchecked());
    let version = stated;
    const shipped = Number.isInteger(version) && version >= 1 && version <= LINK_VERSION;
    if (version > LINK_VERSION) messages.push(L.newer(version, LINK_VERSION));
    else if (!shipped) messages.push(L.badVersion(JSON.stringify(versionText.slice(0, 12))));
    if (!shipped) version = LINK_VERSION;
    // An older link's base and migrations load with it; the current version needs neither.
    const older = version < LINK_VERSION ? await import('./link-bases') : null;
    const base = older?.LINK_BASES.get(version) ?? currentBase();
    const patch = unpacked.value;
    // The parts after the cut, in the wire table's order (the base lacks the parts absent by default).
    if (unpacked.cutShort === true) {
      const order = Object.fromEntries(WIRE_FIELDS.map((f) => [f.key, (base.wire as unknown as Record<string, unknown>)[f.key] ?? null]));
      const survived = typeof patch === 'object' && patch !== null && Object.keys(patch).length > 0;
      messages.splice(check === 'altered' ? 1 : 0, 0, L.cutShort(survived ? possiblyLostParts(patch, order) : 'all'));
    }
    const full = applyPatch(structuredClone(base.wire), patch);
    if (typeof full !== 'object' || full === null || Array.isArray(full)) return fallback([...messages, L.notAnObject()]);
    const migrated = runMigrations(full as Record<string, unknown>, version, LINK_VERSION, options.migrations ?? older?.MIGRATIONS ?? []);
    if (migrated.failedAt !== null) messages.push(L.migrationFailed(migrated.failedAt));
    const restored = parseWire(migrated.value, { catalog, views: options.views ?? null, base: currentBase(), stored });
    return { state: restored.state, messages: limited([...messages, ...restored.messages]), status: 'read', version, migrated: migrated.ran, unloaded: restored.unloaded };
  } catch {
    // Defence in depth: every step above is written not to throw.
    return fallback([L.failed()]);
  }
}
