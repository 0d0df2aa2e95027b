// How a chip appears in charts: its label (with estimate and calibration marks) and colour.

import type { HardwareProfile } from '../engine/types';
import { EVIDENCE_LEGEND, EVIDENCE_MARK, evidenceSentence } from '../messages/evidence';
import type { EvidenceBasis } from '../records/hardware-profile';
import { estimatedSpecs, isSpecEstimate } from '../records/estimated-specs';
import { estimateFieldName } from '../messages/estimate-fields';
import { GHOST_COLOR } from './vendor-colors';

/** Marks appended to chip names; explained by MARK_LEGEND next to every chart and table. */
export const ESTIMATE_MARK = '*';
export const MARK_LEGEND = `${ESTIMATE_MARK} a spec (compute, memory, power or interconnect bandwidth) is estimated, not published; prices and link latencies are often estimates too (hover or open Explain for the basis) · ${EVIDENCE_LEGEND} (see the Accuracy view) · ≈ before a price: a rental estimated from the chip's owning cost (TCO × the median rental/TCO ratio), where no market rental is quoted`;

/** Tooltip text of each mark on a chip's name. */
export function markNotes(p: Pick<HardwareProfile, 'estimates' | 'efficiency'>): string[] {
  const out: string[] = [evidenceSentence(p.efficiency.evidence)];
  const specs = estimatedSpecs(p);
  const others = Object.keys(p.estimates).filter((path) => !isSpecEstimate(path));
  if (specs.length > 0) out.push(`${ESTIMATE_MARK} estimated specs: ${specs.map(estimateFieldName).join(', ')}`);
  if (others.length > 0) out.push(`Also estimated: ${others.map(estimateFieldName).join(', ')}`);
  return out;
}

export interface ChipSeries {
  id: string;
  /** Display name with marks, unique within one chart. */
  label: string;
  vendor: string;
  color: string;
  /** "path: basis" of every estimated field of the profile. */
  estimates: string[];
  evidence: EvidenceBasis;
  ghost: boolean;
}

/** The chip's name with its evidence mark and, when figures are estimated, the estimate mark. */
export function chipLabel(p: Pick<HardwareProfile, 'name' | 'estimates' | 'efficiency'>, suffix = ''): string {
  const estimate = estimatedSpecs(p).length > 0 ? ESTIMATE_MARK : '';
  return `${p.name}${suffix}${estimate} ${EVIDENCE_MARK[p.efficiency.evidence.basis]}`;
}

export function chipSeries(p: HardwareProfile, colors: ReadonlyMap<string, string>, options: { ghost?: boolean; suffix?: string } = {}): ChipSeries {
  const ghost = options.ghost ?? false;
  return {
    id: p.id,
    label: chipLabel(p, options.suffix ?? ''),
    vendor: p.vendor,
    color: ghost ? GHOST_COLOR : (colors.get(p.id) ?? GHOST_COLOR),
    estimates: Object.entries(p.estimates).map(([path, basis]) => `${path}: ${basis}`),
    evidence: p.efficiency.evidence.basis,
    ghost,
  };
}

/** Labels must be unique per chart (they are the colour domain): repeats get " (2)", " (3)". */
export function uniqueLabels(series: readonly ChipSeries[]): ChipSeries[] {
  const seen = new Map<string, number>();
  return series.map((s) => {
    const n = (seen.get(s.label) ?? 0) + 1;
    seen.set(s.label, n);
    return n === 1 ? s : { ...s, label: `${s.label} (${n})` };
  });
}

/** Vega-Lite colour scale: chip labels to their colours, in the given order. */
export function colorScale(series: readonly ChipSeries[]): { domain: string[]; range: string[] } {
  return { domain: series.map((s) => s.label), range: series.map((s) => s.color) };
}
