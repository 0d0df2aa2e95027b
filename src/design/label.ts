// A design's display name: its own name followed by the silicon it describes, written from the
// design's fields so that it follows every edit (a name that spelled "N4" kept saying N4 after the
// node was changed to N3). Pure.
import type { ChipDesign } from '../records/chip-design';

/** "B200-like design (2 x 800 mm² N4)", "MI300X-like design (8 x 110 mm² N5 + 4 I/O dies N7)". */
export function designLabel(design: Pick<ChipDesign, 'name' | 'computeDies' | 'dieAreaMm2' | 'processNode' | 'ioDies'>): string {
  const dies = design.computeDies > 1 ? `${design.computeDies} x ` : '';
  const io = design.ioDies === undefined ? '' : ` + ${design.ioDies.count} I/O dies ${design.ioDies.processNode}`;
  return `${design.name} (${dies}${design.dieAreaMm2} mm² ${design.processNode}${io})`;
}
