// Writes a fitted efficiency block into a hardware-profile JSON text, leaving every other byte as it
// was (the profiles are hand-formatted). Pure.
import type { EfficiencyProfile } from '../engine/types';

/** Key order of the efficiency block as written into profiles (schema order). */
export const EFFICIENCY_KEY_ORDER: readonly (keyof EfficiencyProfile)[] = [
  'computeEfficiency', 'memoryEfficiency', 'linkEfficiency', 'allToAllEfficiency', 'kernelOverheadSeconds',
  'stepOverheadSeconds', 'attentionMemoryEfficiency', 'attentionOverheadSeconds', 'attentionComputeEfficiency',
  'moeComputeEfficiency', 'moeHalfTokensPerExpert', 'moeMemoryEfficiency', 'moeLayerOverheadSeconds',
  'softwareStackFactor', 'moeSoftwareFactor', 'memoryReserveFraction', 'evidence', 'claimed', 'note',
];

/** The span of the value that opens at `open` ('{' or '['), skipping brackets inside strings. */
function valueEnd(text: string, open: number): number {
  const opener = text[open]!;
  const closer = opener === '{' ? '}' : ']';
  let depth = 0;
  let inString = false;
  for (let i = open; i < text.length; i++) {
    const ch = text[i]!;
    if (inString) {
      if (ch === '\\') i += 1;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === opener) depth += 1;
    else if (ch === closer) {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  throw new Error(`unterminated ${opener}`);
}

function replaceValue(jsonText: string, pattern: RegExp, what: string, render: (indent: string) => string): string {
  const matches = [...jsonText.matchAll(pattern)];
  if (matches.length !== 1) throw new Error(`expected one ${what}, found ${matches.length}`);
  const m = matches[0]!;
  const open = m.index! + m[0].length - 1;
  return jsonText.slice(0, open) + render(m[1]!) + jsonText.slice(valueEnd(jsonText, open) + 1);
}

/**
 * Replaces the "efficiency" object of a hardware-profile JSON text, leaving every other byte as
 * it was (the profiles are hand-formatted). Throws if the block cannot be found unambiguously.
 */
export function replaceEfficiencyBlock(jsonText: string, efficiency: EfficiencyProfile): string {
  return replaceValue(jsonText, /\n(\s*)"efficiency":\s*\{/g, '"efficiency" object', (indent) => {
    const inner = `${indent}  `;
    const lines = EFFICIENCY_KEY_ORDER.filter((k) => efficiency[k] !== undefined)
      .map((k) => `${inner}"${k}": ${formatJsonValue(efficiency[k])}`);
    return `{\n${lines.join(',\n')}\n${indent}}`;
  });
}

/** Replaces the sources' "efficiency" list (what the explain panel cites for the efficiency inputs). */
export function replaceEfficiencySources(jsonText: string, sources: readonly string[]): string {
  return replaceValue(jsonText, /\n(\s*)"efficiency":\s*\[/g, '"efficiency" source list', (indent) =>
    `[\n${sources.map((s) => `${indent}  ${JSON.stringify(s)}`).join(',\n')}\n${indent}]`);
}

function formatJsonValue(v: unknown): string {
  if (typeof v === 'object' && v !== null) {
    return `{ ${Object.entries(v).map(([k, x]) => `"${k}": ${formatJsonValue(x)}`).join(', ')} }`;
  }
  if (typeof v === 'number') {
    if (v !== 0 && Math.abs(v) < 1e-3) return v.toExponential().replace(/e-0*/, 'e-').replace(/\.?0+e/, 'e');
    return String(v);
  }
  return JSON.stringify(v);
}

/** Rounds a fitted value to a sensible number of significant digits for the profile. */
export function roundValue(v: number, digits = 3): number {
  if (v === 0 || !Number.isFinite(v)) return v;
  return Number(v.toPrecision(digits));
}
