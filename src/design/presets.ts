// The bundled designs (hardware-profiles/designs/), imported statically so the app, the workers,
// the link decoder and the CLI all have them. tests/design/design-corpus.test.ts checks that every
// file of the folder is listed here and derives.

import amdMi300xLike from '../../hardware-profiles/designs/amd-mi300x-like.json';
import etchedSohuLike from '../../hardware-profiles/designs/etched-sohu-like.json';
import nvidiaB200Like from '../../hardware-profiles/designs/nvidia-b200-like.json';
import nvidiaH100Like from '../../hardware-profiles/designs/nvidia-h100-like.json';
import { formatIssue } from '../parse/fields';
import type { ChipDesign } from '../records/chip-design';
import { readDesign } from './read-design';

const FILES: readonly [string, unknown][] = [
  ['nvidia-h100-like', nvidiaH100Like],
  ['nvidia-b200-like', nvidiaB200Like],
  ['amd-mi300x-like', amdMi300xLike],
  ['etched-sohu-like', etchedSohuLike],
];

function load(): ReadonlyMap<string, ChipDesign> {
  const out = new Map<string, ChipDesign>();
  for (const [name, raw] of FILES) {
    const parsed = readDesign(raw);
    if (parsed.value === null) throw new Error(`hardware-profiles/designs/${name}.json: ${parsed.errors.map(formatIssue).join('; ')}`);
    out.set(parsed.value.id, parsed.value);
  }
  return out;
}

/** Bundled designs by id, in menu order. */
export const DESIGN_PRESETS: ReadonlyMap<string, ChipDesign> = load();

/** The design the chip lab's design mode starts from. */
export const DEFAULT_DESIGN_ID = 'nvidia-h100-like';
