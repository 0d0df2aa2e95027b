// Source notes of profiles and explain inputs, made readable on the page: repository paths (where a
// file lives in this project) are replaced by what the file is, and the efficiency note, long and
// repeated by every input that uses it, is referred to rather than repeated.

import type { HardwareProfile } from '../engine/types';
import { MESSAGES } from '../messages/ui';

const X = MESSAGES.explain;

/** Files the notes name, by what they are. */
const NAMED_FILES: readonly [RegExp, string][] = [
  [/(?:(?:\.\.\/)?(?:shared\/)?reference\/)?h200-kernel-timings(?:-2)?\.jsonl/g, X.fileKernelTimings],
  [/(?:\.\.\/)?(?:shared\/)?reference\/calibration\.csv/g, X.fileCalibration],
  [/scripts\/calibrate\.ts/g, X.fileCalibrate],
  [/\bhardware\.md\b/g, X.fileHardwareNotes],
];

/** Any other path of this repository (folder/…/file.ext). */
const OTHER_PATH = /(?:\.\.\/)*(?:shared\/)?(?:reference|scripts|src|tests|hardware-profiles|models|bench|tooling)\/[\w./-]+/g;

export function readableSource(text: string): string {
  let out = text;
  // Two files of one kind ("h200-kernel-timings.jsonl and h200-kernel-timings-2.jsonl") are one name once.
  for (const [pattern, name] of NAMED_FILES) out = out.replace(pattern, name).replaceAll(`${name} and ${name}`, name);
  return out.replace(OTHER_PATH, X.fileOther).replace(/\(\s*\)/g, '').replace(/\s{2,}/g, ' ').trim();
}

/** The efficiency note as an input's source: "fitted: <long note>" becomes a pointer to it. */
export function inputSource(source: string | undefined, profile: HardwareProfile | undefined): string {
  if (source === undefined) return '';
  if (profile !== undefined && source.endsWith(profile.efficiency.note) && profile.efficiency.note !== '') {
    return profile.efficiency.evidence.basis === 'measured' || profile.efficiency.evidence.basis === 'family' ? X.efficiencyFitted : X.efficiencyAssumed;
  }
  return readableSource(source);
}
