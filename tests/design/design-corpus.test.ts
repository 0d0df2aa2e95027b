import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCatalogFromDisk } from '../../src/catalog/load-node';
import { lintProfile } from '../../src/catalog/lint-profile';
import { DESIGN_PRESETS } from '../../src/design/presets';
import { deriveDesign } from '../../src/design/derive';
import { readDesign } from '../../src/design/read-design';
import { parseHardwareProfile } from '../../src/records/hardware-profile';
import { DESIGN_DIR } from './helpers';
import { dataFile } from '../data-file';

const files = readdirSync(DESIGN_DIR).filter((f) => f.endsWith('.json')).sort();
const { catalog } = loadCatalogFromDisk();

describe('design corpus (hardware-profiles/designs/*.json)', () => {
  it('holds the four calibration designs, each listed in the bundled presets', () => {
    expect(files).toEqual(['amd-mi300x-like.json', 'etched-sohu-like.json', 'nvidia-b200-like.json', 'nvidia-h100-like.json']);
    expect([...DESIGN_PRESETS.keys()].sort()).toEqual(files.map((f) => f.replace(/\.json$/, '')));
  });

  it.each(files)('%s parses with no errors, its id is its file name, it approximates a catalog chip', (file) => {
    const raw = dataFile(readFileSync(new URL(file, DESIGN_DIR), 'utf8'), file);
    const parsed = readDesign(raw);
    expect(parsed.errors).toEqual([]);
    expect(parsed.warnings.filter((w) => w.path !== 'tdpWatts')).toEqual([]);
    expect(parsed.value?.id).toBe(file.replace(/\.json$/, ''));
    expect(catalog.hardware.has(parsed.value?.approximates ?? '')).toBe(true);
    expect(Object.keys(parsed.value?.estimates ?? {})).toContain('areaShares');
  });

  it.each(files)('%s derives a profile that parses with no errors or warnings and is lint-clean', (file) => {
    const d = DESIGN_PRESETS.get(file.replace(/\.json$/, ''))!;
    const out = deriveDesign(d);
    expect(out.errors).toEqual([]);
    const parsed = parseHardwareProfile(JSON.parse(JSON.stringify(out.profile)));
    expect(parsed.errors).toEqual([]);
    expect(parsed.warnings).toEqual([]);
    expect(lintProfile(out.profile)).toEqual([]);
    expect(out.profile.efficiency.evidence.basis).toBe('prior');
    expect(out.profile.efficiency.note).toMatch(/design/);
  });

  it('the catalog (hardware-profiles/*.json) does not pick up the designs folder', () => {
    for (const id of DESIGN_PRESETS.keys()) expect(catalog.hardware.has(id)).toBe(false);
  });
});
