import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { HardwareProfile } from '../../src/engine/types';
import { parseHardwareProfile } from '../../src/records/hardware-profile';
import { LINT_CODES, lintProfile, maxLinkBandwidthPerDirection } from '../../src/catalog/lint-profile';

function h200(): HardwareProfile {
  const raw: unknown = JSON.parse(readFileSync(new URL('../../hardware-profiles/nvidia-h200-sxm.json', import.meta.url), 'utf8'));
  const outcome = parseHardwareProfile(raw);
  if (outcome.value === null) throw new Error(JSON.stringify(outcome.errors));
  return outcome.value;
}

function codes(p: HardwareProfile): string[] {
  return [...new Set(lintProfile(p).map((f) => f.code))];
}

describe('lintProfile', () => {
  it('finds nothing in the clean H200 exemplar', () => {
    expect(lintProfile(h200())).toEqual([]);
  });

  it('is pure: it does not modify the profile', () => {
    const p = h200();
    const before = structuredClone(p);
    lintProfile(p);
    expect(p).toEqual(before);
  });

  describe('(a) sparse-looking FLOP/s', () => {
    it('flags fp8 entered as the 2:4-sparse figure (4x bf16)', () => {
      const p = h200();
      p.compute.denseFlopsPerSecond.fp8 = 3957.8e12;
      p.compute.denseFlopsPerSecond.int8 = 3957.8e12;
      const findings = lintProfile(p);
      expect(codes(p)).toEqual([LINT_CODES.sparse]);
      expect(findings.map((f) => f.path)).toContain('compute.denseFlopsPerSecond.fp8');
      expect(findings[0]!.message).toMatch(/sparse/);
    });

    it('flags bf16 at twice fp16 (one of them sparse)', () => {
      const p = h200();
      p.compute.denseFlopsPerSecond.bf16 = 1978.9e12;
      expect(codes(p)).toContain(LINT_CODES.sparse);
      expect(lintProfile(p).every((f) => f.code === LINT_CODES.sparse)).toBe(true);
    });

    it('flags a 16-bit rate 4x tf32', () => {
      const p = h200();
      p.compute.denseFlopsPerSecond.tf32 = 247.35e12;
      expect(codes(p)).toEqual([LINT_CODES.sparse]);
    });

    it('flags fp4 above 3x fp8 (dense Blackwell Ultra is 3x) but accepts 3x', () => {
      const p = h200();
      p.compute.denseFlopsPerSecond.fp4 = 3 * 1978.9e12;
      expect(lintProfile(p)).toEqual([]);
      p.compute.denseFlopsPerSecond.fp4 = 4 * 1978.9e12;
      expect(codes(p)).toEqual([LINT_CODES.sparse]);
    });

    it('accepts the Groq-style 4x int8 over fp16 that real dense parts have', () => {
      const p = h200();
      delete p.compute.denseFlopsPerSecond.fp8;
      delete p.compute.denseFlopsPerSecond.bf16;
      delete p.compute.denseFlopsPerSecond.tf32;
      delete p.compute.denseFlopsPerSecond.fp32;
      p.compute.denseFlopsPerSecond.fp16 = 188e12;
      p.compute.denseFlopsPerSecond.int8 = 750e12;
      expect(lintProfile(p)).toEqual([]);
    });
  });

  it('(rate order) flags a wider format faster than a narrower one', () => {
    const p = h200();
    p.compute.denseFlopsPerSecond.fp32 = 600e12;
    expect(codes(p)).toEqual([LINT_CODES.rateOrder]);
    expect(lintProfile(p)[0]!.path).toBe('compute.denseFlopsPerSecond.fp32');
  });

  describe('(b) bidirectional link bandwidth entered per direction', () => {
    it('flags NVLink5 1.8 TB/s bidirectional entered as per-direction on a 2024 part', () => {
      const p = h200();
      p.scaleUp.bandwidthBytesPerSecondPerDirection = 1.8e12;
      const findings = lintProfile(p);
      expect(codes(p)).toEqual([LINT_CODES.bidirectional]);
      expect(findings[0]!.path).toBe('scaleUp.bandwidthBytesPerSecondPerDirection');
    });

    it('is year-aware: 900 GB/s per direction is fine in 2024 but not in 2022', () => {
      const p = h200();
      p.scaleUp.bandwidthBytesPerSecondPerDirection = 900e9;
      expect(lintProfile(p)).toEqual([]);
      p.releaseYear = 2022;
      expect(codes(p)).toEqual([LINT_CODES.bidirectional]);
      expect(maxLinkBandwidthPerDirection(2020)).toBeLessThan(maxLinkBandwidthPerDirection(2026));
    });

    it('also checks scale-out', () => {
      const p = h200();
      p.scaleOut.bandwidthBytesPerSecondPerDirection = 1.2e12;
      expect(lintProfile(p).map((f) => f.path)).toEqual(['scaleOut.bandwidthBytesPerSecondPerDirection']);
    });
  });

  describe('(c) GiB typed as bytes', () => {
    it('flags an exact GiB multiple that is not a round number of GB', () => {
      const p = h200();
      p.memory.hbmCapacityBytes = 141 * 2 ** 30;
      const findings = lintProfile(p);
      expect(codes(p)).toEqual([LINT_CODES.gib]);
      expect(findings[0]!.path).toBe('memory.hbmCapacityBytes');
      expect(findings[0]!.message).toMatch(/141 GiB/);
    });

    it('accepts GiB when the memory source says GiB', () => {
      const p = h200();
      p.memory.hbmCapacityBytes = 96 * 2 ** 30;
      p.sources.memory = ['vendor docs: 96 GiB of device memory'];
      expect(lintProfile(p)).toEqual([]);
    });

    it('flags a MiB-exact SRAM size', () => {
      const p = h200();
      p.memory.sramCapacityBytes = 50 * 2 ** 20;
      expect(lintProfile(p).map((f) => f.path)).toEqual(['memory.sramCapacityBytes']);
    });
  });

  it('(d) flags FLOP/s per watt beyond physical plausibility', () => {
    const p = h200();
    p.power.tdpWatts = 70;
    const findings = lintProfile(p);
    expect(codes(p)).toEqual([LINT_CODES.perWatt]);
    expect(findings.map((f) => f.path)).toEqual(expect.arrayContaining(['compute.denseFlopsPerSecond.bf16', 'compute.denseFlopsPerSecond.fp8']));
  });

  it('(e) flags a group with values but no source', () => {
    const p = h200();
    delete p.sources.power;
    p.sources.price = [];
    p.sources.memory = ['  '];
    const findings = lintProfile(p);
    expect(codes(p)).toEqual([LINT_CODES.missingSource]);
    expect(findings.map((f) => f.path).sort()).toEqual(['sources.memory', 'sources.power', 'sources.price']);
  });

  it('(f) flags estimate marks on fields that do not exist', () => {
    const p = h200();
    p.estimates['memory.l3CacheBytes'] = 'typo';
    p.estimates['compute.denseFlopsPerSecond.fp4'] = 'H200 has no fp4 rate';
    p.estimates['price.rentalUsdPerChipHour'] = 'null-valued fields still exist';
    const findings = lintProfile(p);
    expect(codes(p)).toEqual([LINT_CODES.danglingEstimate]);
    expect(findings.map((f) => f.path).sort()).toEqual(['estimates.compute.denseFlopsPerSecond.fp4', 'estimates.memory.l3CacheBytes']);
  });

  it('(sram) flags a GPU whose cache is said to hold weights', () => {
    const p = h200();
    p.memory.sramHoldsWeights = true;
    expect(codes(p)).toEqual([LINT_CODES.cacheWeights]);
  });
});
