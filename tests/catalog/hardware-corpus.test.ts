import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { HardwareProfile } from '../../src/engine/types';
import { SOURCE_GROUPS, parseHardwareProfile } from '../../src/records/hardware-profile';
import { lintProfile } from '../../src/catalog/lint-profile';
import { dataFile } from '../data-file';

const DIR = new URL('../../hardware-profiles/', import.meta.url);

const REQUIRED_IDS = [
  'nvidia-a100-sxm', 'nvidia-h100-sxm', 'nvidia-h200-sxm', 'nvidia-b200', 'nvidia-b300', 'nvidia-gb200-nvl72',
  'nvidia-gb300-nvl72', 'nvidia-l40s', 'nvidia-rtx-pro-6000', 'amd-mi300x', 'amd-mi325x', 'amd-mi355x',
  'intel-gaudi2', 'intel-gaudi3', 'google-tpu-v5e', 'google-tpu-v5p', 'google-tpu-v6e', 'google-tpu-v7',
  'aws-trainium2', 'aws-inferentia2', 'groq-lpu', 'cerebras-cs3', 'sambanova-sn40l', 'etched-sohu', 'matx-one',
  'tenstorrent-blackhole-p150', 'd-matrix-corsair', 'huawei-ascend-910c',
];

const files = readdirSync(DIR).filter((f) => f.endsWith('.json')).sort();

function load(file: string): { raw: unknown; profile: HardwareProfile } {
  const raw = dataFile(readFileSync(new URL(file, DIR), 'utf8'), file);
  const outcome = parseHardwareProfile(raw);
  if (outcome.value === null) throw new Error(`${file}: ${JSON.stringify(outcome.errors)}`);
  return { raw, profile: outcome.value };
}

describe('hardware corpus (hardware-profiles/*.json)', () => {
  it('holds every required chip, with unique ids', () => {
    const ids = files.map((f) => f.replace(/\.json$/, ''));
    for (const id of REQUIRED_IDS) expect(ids, id).toContain(id);
    const parsedIds = files.map((f) => load(f).profile.id);
    expect(new Set(parsedIds).size).toBe(parsedIds.length);
  });

  it.each(files)('%s parses with no errors and no warnings', (file) => {
    const raw: unknown = JSON.parse(readFileSync(new URL(file, DIR), 'utf8'));
    const outcome = parseHardwareProfile(raw);
    expect(outcome.errors).toEqual([]);
    expect(outcome.warnings).toEqual([]);
    expect(outcome.value).not.toBeNull();
  });

  it.each(files)('%s: id equals the file name and the parse keeps every field', (file) => {
    const { raw, profile } = load(file);
    expect(profile.id).toBe(file.replace(/\.json$/, ''));
    expect(profile).toEqual(raw);
  });

  it.each(files)('%s: every field group has at least one source', (file) => {
    const { profile } = load(file);
    for (const group of SOURCE_GROUPS) {
      const list = profile.sources[group] ?? [];
      expect(list.length, `sources.${group}`).toBeGreaterThan(0);
      for (const s of list) expect(s.trim().length, `sources.${group}`).toBeGreaterThan(0);
    }
  });

  it.each(files)('%s is lint-clean', (file) => {
    const { profile } = load(file);
    expect(lintProfile(profile)).toEqual([]);
  });

  it.each(files)('%s: dense rates only, efficiencies documented, estimates marked where the data is unknown', (file) => {
    const { profile } = load(file);
    expect(profile.efficiency.note.length).toBeGreaterThan(20);
    if (profile.efficiency.evidence.basis !== 'measured') expect(profile.efficiency.note).toMatch(/prior|claim|family|assumed|default/i);
    // Latencies are never datasheet figures: each must carry an estimate mark.
    expect(profile.estimates['scaleUp.latencySeconds'], 'scaleUp.latencySeconds mark').toBeTruthy();
    expect(profile.estimates['scaleOut.latencySeconds'], 'scaleOut.latencySeconds mark').toBeTruthy();
    // Announced parts: no market rental price, and the unknown performance is marked.
    if (profile.status === 'announced') {
      expect(profile.price.rentalUsdPerChipHour).toBeNull();
      expect(Object.keys(profile.estimates).some((k) => k.startsWith('compute.'))).toBe(true);
      expect(profile.estimates['price.listPriceUsd']).toBeTruthy();
    }
  });

  it('SRAM-only parts keep weights in SRAM; GPUs and TPUs never do', () => {
    for (const file of files) {
      const { profile } = load(file);
      if (profile.memory.hbmCapacityBytes === 0) expect(profile.memory.sramHoldsWeights, profile.id).toBe(true);
      if (profile.kind === 'gpu' || profile.kind === 'tpu') expect(profile.memory.sramHoldsWeights, profile.id).toBe(false);
    }
  });

  it('rack-scale and wafer systems follow the packaging conventions', () => {
    for (const id of ['nvidia-gb200-nvl72', 'nvidia-gb300-nvl72']) {
      const { profile } = load(`${id}.json`);
      expect(profile.scaleUp.domainSize).toBe(72);
      expect(profile.packaging.chipsPerServer).toBe(72);
      expect(profile.estimates['price.listPriceUsd']).toMatch(/72|GB200/);
    }
    const cs3 = load('cerebras-cs3.json').profile;
    expect(cs3.kind).toBe('wafer');
    expect(cs3.memory.hbmCapacityBytes).toBe(0);
    expect(cs3.memory.sramCapacityBytes).toBe(44e9);
    expect(cs3.memory.sramBandwidthBytesPerSecond).toBe(21e15);
    expect(cs3.estimates['compute.denseFlopsPerSecond.fp16']).toMatch(/125/);
    const groq = load('groq-lpu.json').profile;
    expect(groq.memory).toMatchObject({ hbmCapacityBytes: 0, sramCapacityBytes: 230e6, sramBandwidthBytesPerSecond: 80e12, sramHoldsWeights: true });
    expect(groq.compute.denseFlopsPerSecond).toMatchObject({ fp16: 188e12, int8: 750e12 });
  });
});
