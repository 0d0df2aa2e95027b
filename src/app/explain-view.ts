// What the explain dialog shows for one number, derived from the result and the chip's profile:
// the value, the formula and the inputs that matter first; everything else in folded sections
// (more inputs, estimates, calibration, profile sources), each said once.

import type { ExplainEntry, HardwareProfile, SimulationResult } from '../engine/types';
import { evidenceSentence } from '../messages/evidence';
import { labSetText } from '../messages/engine';
import { MESSAGES } from '../messages/ui';
import { inputSource, readableSource } from './readable-source';
import { readableMark } from '../records/estimated-specs';

const X = MESSAGES.explain;

/** Inputs shown before the fold. The engine lists inputs in the order its formula uses them. */
export const KEY_INPUTS = 5;

export interface InputRow {
  name: string;
  value: number | string;
  unit: string;
  source: string;
}

export interface ExplainView {
  entry: ExplainEntry;
  keyInputs: InputRow[];
  moreInputs: InputRow[];
  estimates: string[];
  /** The chip's efficiency basis and calibration note, once. */
  calibration: { fitted: boolean; note: string } | null;
  sources: { group: string; items: string[] }[];
}

export function explainView(entry: ExplainEntry, result: SimulationResult, profile: HardwareProfile | undefined): ExplainView {
  const rows = entry.inputs.map((i): InputRow => ({ name: i.name, value: i.value, unit: i.unit, source: inputSource(i.source, profile) }));
  return {
    entry,
    keyInputs: rows.slice(0, KEY_INPUTS),
    moreInputs: rows.slice(KEY_INPUTS),
    estimates: result.estimateMarks.map((m) => readableSource(readableMark(m))),
    calibration: profile === undefined ? null : {
      fitted: profile.efficiency.evidence.basis === 'measured' || profile.efficiency.evidence.basis === 'family',
      note: `${evidenceSentence(profile.efficiency.evidence)}. ${labEdited(profile) ? X.beforeLabEdits(readableSource(profile.efficiency.note)) : readableSource(profile.efficiency.note)}`,
    },
    sources: profile === undefined ? [] : sourceGroups(profile),
  };
}

function labEdited(profile: HardwareProfile): boolean {
  return Object.keys(profile.entered ?? {}).length > 0;
}

/** Each group's sources, led by the values set in the chip lab (the sources are the replaced values'). */
function sourceGroups(profile: HardwareProfile): { group: string; items: string[] }[] {
  const set = Object.entries(profile.entered ?? {});
  const groups = new Set([...Object.keys(profile.sources), ...set.map(([path]) => path.split('.')[0]!)]);
  return [...groups].map((group) => ({
    group,
    items: [
      ...set.filter(([path]) => path.split('.')[0] === group).map(([, entry]) => labSetText(entry)),
      ...(profile.sources[group as keyof HardwareProfile['sources']] ?? []).map(readableSource),
    ],
  }));
}
