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

/**
 * Replaces the "efficiency" object of a hardware-profile JSON text, leaving every other byte as
 * it was (the profiles are hand-formatted). Throws if the block cannot be found unambiguously.
 */
export function replaceEfficiencyBlock(jsonText: string, efficiency: EfficiencyProfile): string {
  const re = /\n(\s*)"efficiency":\s*\{/g;
  const matches = [...jsonText.matchAll(re)];
  if (matches.length !== 1) throw new Error(`expected one "efficiency" object, found ${matches.length}`);
  const m = matches[0]!;
  const indent = m[1]!;
  const open = m.index! + m[0].length - 1;
  let depth = 0;
  let inString = false;
  let close = -1;
  for (let i = open; i < jsonText.length; i++) {
    const ch = jsonText[i]!;
    if (inString) {
      if (ch === '\\') i += 1;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === '{') depth += 1;
    else if (ch === '}') {
      depth -= 1;
      if (depth === 0) {
        close = i;
        break;
      }
    }
  }
  if (close < 0) throw new Error('unterminated "efficiency" object');
  const inner = `${indent}  `;
  const lines = EFFICIENCY_KEY_ORDER.filter((k) => efficiency[k] !== undefined)
    .map((k) => `${inner}"${k}": ${formatJsonValue(efficiency[k])}`);
  const block = `{\n${lines.join(',\n')}\n${indent}}`;
  return jsonText.slice(0, open) + block + jsonText.slice(close + 1);
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
