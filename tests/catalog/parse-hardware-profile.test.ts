import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseHardwareProfile } from '../../src/records/hardware-profile';

type Json = Record<string, unknown>;

function valid(): Json {
  return JSON.parse(readFileSync(new URL('../../hardware-profiles/nvidia-h200-sxm.json', import.meta.url), 'utf8')) as Json;
}

/** A field path: dotted, or an explicit list of keys (estimate keys contain dots themselves). */
type FieldPath = string | string[];

function keys(path: FieldPath): string[] {
  return Array.isArray(path) ? [...path] : path.split('.');
}

function parentOf(root: Json, parts: string[]): Json {
  let node: unknown = root;
  for (const part of parts) node = (node as Json)[part];
  return node as Json;
}

function set(root: Json, path: FieldPath, value: unknown): Json {
  const parts = keys(path);
  const last = parts.pop()!;
  parentOf(root, parts)[last] = value;
  return root;
}

function remove(root: Json, path: FieldPath): Json {
  const parts = keys(path);
  const last = parts.pop()!;
  delete parentOf(root, parts)[last];
  return root;
}

function errorPaths(raw: unknown): string[] {
  return parseHardwareProfile(raw).errors.map((e) => e.path);
}

/** Every required leaf of a profile (estimates, sources and notes are free-form or optional). */
const REQUIRED_LEAVES = [
  'id', 'name', 'vendor', 'kind', 'family', 'releaseYear', 'status',
  'memory.hbmCapacityBytes', 'memory.hbmBandwidthBytesPerSecond', 'memory.hbmType', 'memory.sramCapacityBytes',
  'memory.sramBandwidthBytesPerSecond', 'memory.sramHoldsWeights',
  'scaleUp.name', 'scaleUp.bandwidthBytesPerSecondPerDirection', 'scaleUp.latencySeconds', 'scaleUp.domainSize',
  'scaleOut.name', 'scaleOut.bandwidthBytesPerSecondPerDirection', 'scaleOut.latencySeconds',
  'power.tdpWatts', 'price.listPriceUsd', 'price.rentalUsdPerChipHour',
  'packaging.systemName', 'packaging.chipsPerServer', 'packaging.capexOverheadMultiplier', 'packaging.serverPowerOverheadMultiplier',
  'efficiency.computeEfficiency', 'efficiency.memoryEfficiency', 'efficiency.linkEfficiency', 'efficiency.allToAllEfficiency',
  'efficiency.kernelOverheadSeconds', 'efficiency.stepOverheadSeconds', 'efficiency.attentionMemoryEfficiency',
  'efficiency.attentionOverheadSeconds', 'efficiency.attentionComputeEfficiency', 'efficiency.moeComputeEfficiency',
  'efficiency.moeHalfTokensPerExpert', 'efficiency.moeMemoryEfficiency', 'efficiency.moeLayerOverheadSeconds',
  'efficiency.softwareStackFactor', 'efficiency.memoryReserveFraction', 'efficiency.evidence.basis', 'efficiency.evidence.rows',
  'efficiency.evidence.from', 'efficiency.note',
];

/** Numeric leaves with their accepted range, for the bad-number cases. */
const NUMERIC_LEAVES = [
  'compute.denseFlopsPerSecond.bf16', 'compute.denseFlopsPerSecond.fp8', 'memory.hbmCapacityBytes',
  'memory.hbmBandwidthBytesPerSecond', 'scaleUp.bandwidthBytesPerSecondPerDirection', 'scaleUp.latencySeconds',
  'scaleUp.domainSize', 'scaleOut.latencySeconds', 'power.tdpWatts', 'price.listPriceUsd', 'price.rentalUsdPerChipHour',
  'packaging.chipsPerServer', 'packaging.capexOverheadMultiplier', 'efficiency.computeEfficiency',
  'efficiency.kernelOverheadSeconds', 'efficiency.memoryReserveFraction', 'releaseYear',
];

describe('parseHardwareProfile: hand cases', () => {
  it('accepts the exemplar unchanged', () => {
    const raw = valid();
    const out = parseHardwareProfile(raw);
    expect(out.errors).toEqual([]);
    expect(out.warnings).toEqual([]);
    expect(out.value).toEqual(raw);
  });

  it('rejects non-objects with a single top-level error', () => {
    for (const raw of [null, undefined, 42, 'nvidia-h200-sxm', [valid()], true]) {
      const out = parseHardwareProfile(raw);
      expect(out.value).toBeNull();
      expect(out.errors).toHaveLength(1);
      expect(out.errors[0]!.path).toBe('');
    }
  });

  it.each(NUMERIC_LEAVES)('%s: NaN, Infinity, negative and string numbers are field-named errors', (path) => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, -1, '989.4e12', '1']) {
      const out = parseHardwareProfile(set(valid(), path, bad));
      const hit = out.errors.find((e) => e.path === path);
      expect(hit, `${path} = ${String(bad)}`).toBeDefined();
      expect(hit!.message).toMatch(/must be/);
    }
  });

  it('names the accepted range and unit of the one bad rate, and gives no half-valid profile', () => {
    const out = parseHardwareProfile(set(valid(), 'compute.denseFlopsPerSecond.bf16', 2e20));
    expect(out.errors).toEqual([
      { path: 'compute.denseFlopsPerSecond.bf16', message: 'must be a number from 1e9 to 1e19 FLOP/s, got 2e20' },
    ]);
    expect(out.value).toBeNull();
  });

  it('reports only the one number out of range, not its neighbours', () => {
    const out = parseHardwareProfile(set(valid(), 'power.tdpWatts', 7e6));
    expect(out.errors).toEqual([{ path: 'power.tdpWatts', message: 'must be a number from 1 to 1,000,000 W, got 7,000,000' }]);
    expect(out.warnings).toEqual([]);
  });

  it.each(REQUIRED_LEAVES)('missing %s is an error naming the field', (path) => {
    const out = parseHardwareProfile(remove(valid(), path));
    expect(out.errors.map((e) => e.path)).toContain(path);
    expect(out.errors.find((e) => e.path === path)!.message).toMatch(/missing/);
  });

  it('missing groups are errors naming the group', () => {
    for (const group of ['compute', 'memory', 'scaleUp', 'scaleOut', 'power', 'price', 'packaging', 'efficiency', 'estimates', 'sources']) {
      expect(errorPaths(remove(valid(), group)), group).toContain(group);
    }
  });

  it('rejects out-of-range physical values with the range in the message', () => {
    const cases: [string, unknown, RegExp][] = [
      ['compute.denseFlopsPerSecond.fp8', 5e19, /1e9 to 1e19 FLOP\/s/],
      ['compute.denseFlopsPerSecond.fp8', 1978.9, /FLOP\/s/], // TFLOP/s typed without the exponent
      ['memory.hbmBandwidthBytesPerSecond', 2e17, /B\/s/],
      ['memory.hbmCapacityBytes', 2e13, /bytes/],
      ['price.listPriceUsd', 2e8, /USD/],
      ['efficiency.computeEfficiency', 1.2, /0.01 to 1/],
      ['efficiency.memoryEfficiency', 0, /0.01 to 1/],
      // A share so small it would give a result with no price: rejected where it is typed.
      ['efficiency.softwareStackFactor', 1e-9, /0.01 to 1\.5/],
      ['efficiency.stepOverheadSeconds', 0.5, /0 to 0.1 s/],
      ['scaleUp.domainSize', 8.5, /integer from 1 to 100,000/],
      ['scaleUp.domainSize', 200_000, /integer from 1 to 100,000/],
    ];
    for (const [path, value, message] of cases) {
      const hit = parseHardwareProfile(set(valid(), path, value)).errors.find((e) => e.path === path);
      expect(hit, path).toBeDefined();
      expect(hit!.message, path).toMatch(message);
    }
  });

  it('validates the id: lowercase kebab-case, at most 64 characters; a bad id leaves no value', () => {
    for (const id of ['NVIDIA-H200', 'h200_sxm', '-h200', 'h200-', 'a'.repeat(65), '', 7]) {
      const out = parseHardwareProfile(set(valid(), 'id', id));
      expect(out.value, String(id)).toBeNull();
      expect(out.errors.map((e) => e.path)).toContain('id');
    }
    expect(parseHardwareProfile(set(valid(), 'id', 'a'.repeat(64))).value).not.toBeNull();
  });

  it('needs a bf16, fp16, fp8 or int8 rate', () => {
    const raw = set(valid(), 'compute.denseFlopsPerSecond', { fp32: 66.9e12, tf32: 494.7e12 });
    const out = parseHardwareProfile(raw);
    expect(out.value).toBeNull();
    expect(out.errors.map((e) => e.path)).toContain('compute.denseFlopsPerSecond');
  });

  it('rejects unknown rate classes by name', () => {
    const out = parseHardwareProfile(set(valid(), 'compute.denseFlopsPerSecond.fp8_sparse', 3957.8e12));
    expect(out.errors).toEqual([{ path: 'compute.denseFlopsPerSecond.fp8_sparse', message: expect.stringMatching(/not a rate class/) }]);
    expect(out.value).toBeNull();
  });

  it('needs somewhere to hold weights', () => {
    const raw = valid();
    set(raw, 'memory.hbmCapacityBytes', 0);
    set(raw, 'memory.hbmBandwidthBytesPerSecond', 0);
    set(raw, 'memory.sramCapacityBytes', 0);
    const out = parseHardwareProfile(raw);
    expect(out.value).toBeNull();
    expect(out.errors.map((e) => e.path)).toContain('memory');
  });

  it('accepts an SRAM-only part and checks its SRAM fields', () => {
    const raw = valid();
    set(raw, 'memory', {
      hbmCapacityBytes: 0, hbmBandwidthBytesPerSecond: 0, hbmType: 'none', sramCapacityBytes: 230e6,
      sramBandwidthBytesPerSecond: 80e12, sramHoldsWeights: true,
    });
    expect(parseHardwareProfile(raw).errors).toEqual([]);
    set(raw, 'memory.sramBandwidthBytesPerSecond', 0);
    expect(errorPaths(raw)).toContain('memory.sramHoldsWeights');
    set(raw, 'memory.sramBandwidthBytesPerSecond', 80e12);
    set(raw, 'memory.sramHoldsWeights', false);
    const out = parseHardwareProfile(raw);
    expect(out.errors.map((e) => e.path)).toContain('memory.sramHoldsWeights');
    expect(out.value).toBeNull();
  });

  it('cross-checks capacity against bandwidth and domain size against link bandwidth', () => {
    expect(errorPaths(set(valid(), 'memory.hbmBandwidthBytesPerSecond', 0))).toContain('memory.hbmBandwidthBytesPerSecond');
    expect(errorPaths(set(valid(), 'scaleUp.bandwidthBytesPerSecondPerDirection', 0))).toContain('scaleUp.bandwidthBytesPerSecondPerDirection');
    const single = set(set(valid(), 'scaleUp.bandwidthBytesPerSecondPerDirection', 0), 'scaleUp.domainSize', 1);
    expect(parseHardwareProfile(single).errors).toEqual([]);
  });

  it('accepts a null rental price and rejects a missing one', () => {
    expect(parseHardwareProfile(set(valid(), 'price.rentalUsdPerChipHour', null)).errors).toEqual([]);
    expect(errorPaths(remove(valid(), 'price.rentalUsdPerChipHour'))).toEqual(['price.rentalUsdPerChipHour']);
  });

  it('warns about unknown keys and ignores them', () => {
    const raw = valid();
    raw.dieAreaMm2 = 814;
    set(raw, 'memory.l3CacheBytes', 1);
    set(raw, 'sources.pricing', ['x']);
    const out = parseHardwareProfile(raw);
    expect(out.errors).toEqual([]);
    expect(out.warnings.map((w) => w.path).sort()).toEqual(['dieAreaMm2', 'memory.l3CacheBytes', 'sources.pricing']);
    expect(out.value).not.toHaveProperty('dieAreaMm2');
  });

  it('warns about an unknown calibration family but keeps the profile', () => {
    const out = parseHardwareProfile(set(valid(), 'family', 'acme-xpu'));
    expect(out.errors).toEqual([]);
    expect(out.warnings.map((w) => w.path)).toEqual(['family']);
    expect(out.value!.family).toBe('acme-xpu');
  });

  it('checks enums, strings, estimates and sources', () => {
    expect(errorPaths(set(valid(), 'kind', 'fpga'))).toEqual(['kind']);
    expect(errorPaths(set(valid(), 'status', 'rumoured'))).toEqual(['status']);
    expect(errorPaths(set(valid(), 'efficiency.evidence.basis', 'guessed'))).toEqual(['efficiency.evidence.basis']);
    expect(errorPaths(set(valid(), 'name', '  '))).toEqual(['name']);
    expect(errorPaths(set(valid(), 'memory.sramHoldsWeights', 'no'))).toEqual(['memory.sramHoldsWeights']);
    expect(errorPaths(set(valid(), ['estimates', 'price.listPriceUsd'], 3))).toEqual(['estimates.price.listPriceUsd']);
    expect(errorPaths(set(valid(), 'estimates', { 'not a path!': 'x' }))).toEqual(['estimates.not a path!']);
    expect(errorPaths(set(valid(), 'sources.power', 'NVIDIA datasheet'))).toEqual(['sources.power']);
    expect(errorPaths(set(valid(), 'sources.power', ['ok', 5, '']))).toEqual(['sources.power.1', 'sources.power.2']);
    expect(errorPaths(set(valid(), 'notes', 12))).toEqual(['notes']);
  });
});

describe('parseHardwareProfile: properties', () => {
  const noThrow = (raw: unknown): void => {
    const out = parseHardwareProfile(raw);
    expect(Array.isArray(out.errors)).toBe(true);
    expect(Array.isArray(out.warnings)).toBe(true);
    for (const issue of [...out.errors, ...out.warnings]) {
      expect(typeof issue.path).toBe('string');
      expect(typeof issue.message).toBe('string');
    }
    if (out.errors.length === 0) expect(out.value).not.toBeNull();
  };

  it('never throws on exotic objects (throwing getters, proxies)', () => {
    const getter = valid();
    Object.defineProperty(getter, 'power', { enumerable: true, get: () => { throw new Error('boom'); } });
    const proxy = new Proxy(valid(), { ownKeys: () => { throw new Error('no keys'); } });
    for (const raw of [getter, proxy]) {
      const out = parseHardwareProfile(raw);
      expect(out.value).toBeNull();
      expect(out.errors.length).toBeGreaterThan(0);
    }
  });

  it('never throws on arbitrary values', () => {
    fc.assert(fc.property(fc.anything({ withNullPrototype: true, withObjectString: true, withBigInt: true }), noThrow), { numRuns: 500 });
  });

  it('never throws on arbitrary JSON', () => {
    fc.assert(fc.property(fc.json(), (text) => noThrow(JSON.parse(text))), { numRuns: 500 });
  });

  const base = valid();
  const allPaths: string[][] = [];
  const walk = (node: unknown, prefix: string[]): void => {
    if (typeof node !== 'object' || node === null || Array.isArray(node)) return;
    for (const [k, v] of Object.entries(node)) {
      const path = [...prefix, k];
      allPaths.push(path);
      walk(v, path);
    }
  };
  walk(base, []);

  it('never throws when any field of a valid profile is replaced by anything', () => {
    fc.assert(
      fc.property(fc.constantFrom(...allPaths), fc.anything({ withNullPrototype: true }), (path, value) => {
        noThrow(set(valid(), path, value));
      }),
      { numRuns: 1000 },
    );
  });

  it('reports the replaced field whenever a replacement makes a required number invalid', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...NUMERIC_LEAVES.filter((p) => p !== 'price.rentalUsdPerChipHour')),
        fc.oneof(fc.string(), fc.boolean(), fc.constant(null), fc.constant(Number.NaN), fc.double({ max: -1e-3 }), fc.array(fc.nat())),
        (path, value) => {
          expect(errorPaths(set(valid(), path, value))).toContain(path);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never throws when fields are deleted, and names every deleted required leaf', () => {
    fc.assert(
      fc.property(fc.subarray(REQUIRED_LEAVES, { minLength: 1 }), (paths) => {
        const raw = valid();
        for (const p of paths) remove(raw, p);
        const reported = errorPaths(raw);
        for (const p of paths) expect(reported, p).toContain(p);
      }),
      { numRuns: 200 },
    );
  });
});
