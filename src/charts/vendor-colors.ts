// One colour per vendor, shared by every chart: each vendor owns a hue, and its chips get shades of
// it (ordered by release year, then id), so a chip keeps its colour whichever chips are selected.

import { compareText } from '../format/compare-text';

export interface ColorableChip {
  id: string;
  vendor: string;
  releaseYear: number;
}

/** Base colour per vendor (lower-cased name or its first word). Colour-blind-safe-ish, distinct hues. */
const VENDOR_BASE: ReadonlyMap<string, string> = new Map([
  ['nvidia', '#4d8f00'],
  ['amd', '#d62728'],
  ['google', '#1f77b4'],
  ['aws', '#ff7f0e'],
  ['amazon', '#ff7f0e'],
  ['intel', '#17becf'],
  ['groq', '#9467bd'],
  ['cerebras', '#8c564b'],
  ['etched', '#e377c2'],
  ['huawei', '#7f1d1d'],
  ['tenstorrent', '#bcbd22'],
  ['sambanova', '#3949ab'],
  ['matx', '#00897b'],
  ['d-matrix', '#6d4c41'],
  ['microsoft', '#00a4ef'],
  ['meta', '#0866ff'],
]);

const FALLBACK = ['#5f6b7a', '#a05195', '#2f4b7c', '#665191', '#d45087', '#ff7c43', '#003f5c', '#7a5c00'];

/** Colour of the chip the chip lab edits, and of ghosts (the original chip). */
export const GHOST_COLOR = '#9aa0a6';

export function vendorKey(vendor: string): string {
  return vendor.trim().toLowerCase();
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** Base colour of a vendor; unknown vendors get a stable colour from a fallback palette. */
export function vendorColor(vendor: string): string {
  const key = vendorKey(vendor);
  const known = VENDOR_BASE.get(key) ?? VENDOR_BASE.get(key.split(/\s+/)[0] ?? '');
  return known ?? FALLBACK[hash(key) % FALLBACK.length]!;
}

function toHsl(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  const r = ((n >> 16) & 255) / 255;
  const g = ((n >> 8) & 255) / 255;
  const b = (n & 255) / 255;
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const l = (max + min) / 2;
  if (max === min) return [0, 0, l];
  const d = max - min;
  const s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
  const h = max === r ? (g - b) / d + (g < b ? 6 : 0) : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return [h * 60, s, l];
}

function toHex(h: number, s: number, l: number): string {
  const k = (n: number) => (n + h / 30) % 12;
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => l - a * Math.max(-1, Math.min(k(n) - 3, Math.min(9 - k(n), 1)));
  return `#${[f(0), f(8), f(4)].map((x) => Math.round(x * 255).toString(16).padStart(2, '0')).join('')}`;
}

/**
 * Shade `index` of a vendor's chips around its base colour (index 0 is the base itself). Steps of
 * the golden ratio through a band of lightness (±0.2) and a narrow band of hue (±16°, so vendors
 * keep their hues apart) keep any few of them far apart, the first ones farthest: four chips of one
 * vendor are four colours, not four near-identical greens (line charts also tell them apart by
 * dash pattern, see chipDashes).
 */
export function shade(base: string, index: number, count: number): string {
  if (count <= 1) return base;
  const [h, s, l] = toHsl(base);
  const hue = ((index * 0.6180339887 + 0.5) % 1) - 0.5;
  const light = ((index * 0.3819660113 + 0.5) % 1) - 0.5;
  return toHex((h + hue * 32 + 360) % 360, s, Math.min(0.74, Math.max(0.18, l + light * 0.4)));
}

/** Dash patterns of line charts: the n-th chip of a vendor gets the n-th (solid first). */
export const DASHES: readonly (readonly number[])[] = [[1, 0], [6, 3], [2, 2], [8, 3, 2, 3], [12, 4]];

/** Dash pattern of each chip in `chips`: by its place among its vendor's chips in label order. */
export function chipDashes(chips: readonly { label: string; vendor: string }[]): { domain: string[]; range: number[][] } {
  // Numbered within each vendor in label order, not in the chart's order (a ranking, a sweep), so
  // that a chip has the same dash in every chart of the same selection.
  const place = new Map<string, number>();
  const seen = new Map<string, number>();
  for (const c of [...chips].sort((a, b) => compareText(a.label, b.label))) {
    const key = vendorKey(c.vendor);
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    place.set(c.label, n);
  }
  const range = chips.map((c) => [...DASHES[place.get(c.label)! % DASHES.length]!]);
  return { domain: chips.map((c) => c.label), range };
}

/**
 * Colour of every chip: its vendor's hue, a shade by its place among the vendor's chips: chips in
 * `first` (the landing comparison) first, so the chips most often shown together differ most,
 * then by release order. A chip keeps its colour whichever chips are selected.
 */
export function chipColors(chips: readonly ColorableChip[], first: readonly string[] = []): Map<string, string> {
  const byVendor = new Map<string, ColorableChip[]>();
  for (const chip of chips) {
    const key = vendorKey(chip.vendor);
    const list = byVendor.get(key) ?? [];
    list.push(chip);
    byVendor.set(key, list);
  }
  const rank = (c: ColorableChip) => {
    const i = first.indexOf(c.id);
    return i < 0 ? first.length : i;
  };
  const out = new Map<string, string>();
  for (const list of byVendor.values()) {
    const sorted = [...list].sort((a, b) => rank(a) - rank(b) || a.releaseYear - b.releaseYear || compareText(a.id, b.id));
    sorted.forEach((chip, i) => out.set(chip.id, shade(vendorColor(chip.vendor), i, sorted.length)));
  }
  return out;
}
