// The link's wire format: the app state with chips and models written as edits of a known profile
// (a catalog chip, or the frozen blank chip of the link version) and compared chips as indices
// into the frozen default list. A link carries only diff(base.wire, wire) (see patch.ts), so the
// landing state is an empty object and a typical edited state a few dozen bytes before deflate.
//
// Each shipped link version has a frozen base (bases/vN.json). Bases never change after shipping:
// they are the dictionary old links were written against. The app's defaults may change freely.
// Only the current base is in the page's first load; link-bases.ts holds them all.

import type { ChipCount } from '../app-state/app-state';
import type { HardwareProfile } from '../engine/types';
import v15 from './bases/v15.json';

/** The version this build writes. Reading older versions goes through migrations.ts. */
export const LINK_VERSION = 15;

/** The hash parameter holding the scenario: `#s=<version>.<payload>.<check>` (no check before CHECKED_SINCE). */
export const LINK_PARAM = 's';

/** A chip or model as an edit of a reference profile. */
export interface ProfileRef {
  /** Catalog id of the reference; null = the version's frozen blank chip (chips) or nothing (models). */
  base: string | null;
  /** Fingerprint of the catalog reference when the link was made (shows when the catalog changed). */
  hash?: string;
  /** diff(reference, profile); absent when equal. */
  edit?: unknown;
}

export interface WireLab {
  /** The lab's starting chip (AppState.lab.baseId): catalog or custom id, or null = blank. */
  base: string | null;
  /** Reference the edit is against, when it is not `base`: a catalog id, or null = frozen blank. */
  from?: string | null;
  hash?: string;
  edit?: unknown;
  chips: ChipCount;
  target: string;
  /** On a chip without HBM: the bandwidth that comes back with it (AppState.lab.hbmBandwidthBeforeRemoval), B/s. */
  hbmBack?: number;
}

/** Version 1 of the wire format (the state written out; `diff`ed against the base's wire). */
export interface Wire {
  view: string;
  settings: unknown;
  /** Index into the base's pick list, or "id:count" (count an integer or "auto"). */
  picks: (number | string)[];
  rankBy: string;
  frontierMetric: string;
  family: string;
  sizes: number;
  lab: WireLab;
  chips: ProfileRef[];
  models: ProfileRef[];
  explain: { hardwareId: string; key: string } | null;
  /** The Market view's selection where it differs from the default (absent otherwise, so older links stay valid). */
  market?: unknown;
  /** Chip lab design mode (url/design-wire.ts); absent when off. */
  design?: unknown;
}

export interface LinkBase {
  /** The state a link of this version is a patch of. */
  wire: Wire;
  /** Pick dictionary: Wire.picks numbers index this list ("id:count"). */
  pickNames: string[];
  /** The blank chip of this version (reference for chips with base null). */
  blank: HardwareProfile;
}

/** The frozen base of LINK_VERSION (older versions' bases: link-bases.ts, loaded with an old link). */
export function currentBase(): LinkBase {
  return v15 as unknown as LinkBase;
}

/**
 * Short fingerprint of a JSON value (FNV-1a, 32 bits, base 36): detects changed catalog data. A
 * record's `schemaVersion` is a format stamp, not data, so it does not count.
 */
export function fingerprint(value: unknown): string {
  const data = typeof value === 'object' && value !== null && !Array.isArray(value) && 'schemaVersion' in value
    ? Object.fromEntries(Object.entries(value).filter(([k]) => k !== 'schemaVersion')) : value;
  const text = JSON.stringify(data) ?? '';
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

/** First link version that ends in a check of its text (`#s=<version>.<data>.<check>`). */
export const CHECKED_SINCE = 11;

/**
 * The check a link ends with: the fingerprint of `<version>.<data>`. Raw DEFLATE carries no checksum
 * of its own, so a character changed in transit could open another scenario without a word.
 */
export function linkCheck(versionAndData: string): string {
  return fingerprint(versionAndData);
}

/** "id:8" / "id:auto". */
export function pickName(id: string, chips: ChipCount): string {
  return `${id}:${chips}`;
}
