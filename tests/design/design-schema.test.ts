import { describe, expect, it } from 'vitest';
import { DESIGN_LIMITS, parseChipDesignShape } from '../../src/records/chip-design';
import { HARDWARE_LIMITS, parseHardwareProfile } from '../../src/records/hardware-profile';
import { deriveDesign } from '../../src/design/derive';
import { readDesign } from '../../src/design/read-design';
import { design, rawDesign } from './helpers';

const errorsOf = (raw: unknown) => readDesign(raw).errors;

describe('chip design schema', () => {
  it('a valid file parses; absent optional fields take their documented defaults', () => {
    const raw = rawDesign('etched-sohu-like');
    delete raw.sramOrganization;
    const parsed = parseChipDesignShape(raw);
    expect(parsed.errors).toEqual([]);
    expect(parsed.value?.sramOrganization).toBe('cache');
    expect(parsed.value?.scaleUp.latencySeconds).toBe(8e-6);
  });

  it('shares that do not sum to 1 are an error on areaShares, with the sum', () => {
    const raw = rawDesign('nvidia-h100-like');
    (raw.areaShares as Record<string, number>).matrix = 0.7;
    expect(errorsOf(raw)).toEqual([{ path: 'areaShares', message: 'must sum to 1 (matrix + sram + vectorAndControl + io), got 1.121' }]);
  });

  it('an unknown node names processNode and the nodes it knows', () => {
    const raw = rawDesign('nvidia-h100-like');
    raw.processNode = 'N6';
    expect(errorsOf(raw)).toEqual([{ path: 'processNode', message: 'must be one of N7, N5, N4, N3, N2, got "N6"' }]);
  });

  it('formats need a core rate class and no duplicates; memory "none" has no count; stack height is HBM-only', () => {
    const a = rawDesign('nvidia-h100-like');
    a.matrixFormats = ['fp4', 'fp4'];
    expect(errorsOf(a).map((e) => e.path)).toEqual(['matrixFormats', 'matrixFormats']);
    const b = rawDesign('nvidia-h100-like');
    b.memory = { type: 'none', count: 2 };
    expect(errorsOf(b)).toEqual([{ path: 'memory.count', message: 'must be 0 when memory.type is "none"' }]);
    const c = rawDesign('nvidia-h100-like');
    c.memory = { type: 'GDDR7', count: 8, stackHeight: 12 };
    expect(errorsOf(c)).toEqual([{ path: 'memory.stackHeight', message: 'applies to HBM stacks only, not to GDDR7' }]);
  });

  it('never throws on hostile input', () => {
    for (const raw of [null, 42, 'x', [], { schemaVersion: 2 }, { areaShares: 'all' }]) {
      expect(() => readDesign(raw)).not.toThrow();
      expect(readDesign(raw).value).toBeNull();
    }
  });

  it('link and power limits equal the hardware-profile limits (one range for both records)', () => {
    for (const key of ['bandwidthBytesPerSecond', 'latencySeconds', 'domainSize', 'tdpWatts', 'chipsPerServer', 'releaseYear'] as const) {
      expect(DESIGN_LIMITS[key], key).toEqual(HARDWARE_LIMITS[key]);
    }
  });

  it('a derived profile is an ordinary profile with origin "design" and the design embedded', () => {
    const d = design('nvidia-h100-like');
    const profile = deriveDesign(d).profile;
    const parsed = parseHardwareProfile(JSON.parse(JSON.stringify(profile)));
    expect(parsed.errors).toEqual([]);
    expect(parsed.warnings).toEqual([]);
    expect(parsed.value?.origin).toBe('design');
    expect(parsed.value?.design).toEqual(d);
    const tampered = { ...profile, design: { ...d, processNode: 'N9' } };
    expect(parseHardwareProfile(tampered).errors[0]?.path).toBe('design.processNode');
  });
});
