import { describe, expect, it } from 'vitest';
import { designLabel } from '../../src/design/label';
import { DESIGN_PRESETS } from '../../src/design/presets';
import { deriveDesign } from '../../src/design/derive';

describe('designLabel', () => {
  it('writes the silicon from the fields, so an edit shows in the name', () => {
    const b200 = DESIGN_PRESETS.get('nvidia-b200-like')!;
    expect(designLabel(b200)).toBe('B200-like design (2 x 800 mm² N4)');
    expect(designLabel({ ...b200, processNode: 'N3' })).toBe('B200-like design (2 x 800 mm² N3)');
    expect(designLabel(DESIGN_PRESETS.get('amd-mi300x-like')!)).toBe('MI300X-like design (8 x 110 mm² N5 + 4 I/O dies N7)');
    expect(designLabel({ ...DESIGN_PRESETS.get('nvidia-h100-like')!, computeDies: 1 })).toBe('H100-like design (814 mm² N4)');
  });

  it('names the derived chip', () => {
    const outcome = deriveDesign({ ...DESIGN_PRESETS.get('nvidia-b200-like')!, processNode: 'N3' });
    expect(outcome.profile.name).toBe('B200-like design (2 x 800 mm² N3)');
  });
});
