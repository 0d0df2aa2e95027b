import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCatalogFromDisk } from '../../src/catalog/load-node';
import { parseScenario } from '../../src/scenario/parse-scenario';
import { resolveScenario } from '../../src/scenario/resolve';
import { defaultScenario } from '../../src/scenario/scenario';

const { catalog } = loadCatalogFromDisk();

describe('parseScenario', () => {
  it('accepts the documented v1 file shape', () => {
    const out = parseScenario({
      version: 1, hardware: 'nvidia-h200-sxm', chips: 8, model: 'llama-3.1-70b',
      precision: { weights: 'fp8', activations: 'fp8', kvCache: 'fp8' },
      workload: { inputTokens: 2048, outputTokens: 256, prefixCacheHitRate: 0 },
      slo: { maxTtftSeconds: 2, maxTpotSeconds: 0.05 }, objective: { batch: 64 }, economics: { pricing: 'tco', pue: 1.3 },
    });
    expect(out.errors).toEqual([]);
    expect(out.value.objective).toEqual({ batch: 64 });
    expect(out.value.economics.pue).toBe(1.3);
    expect(out.value.economics.depreciationYears).toBe(4);
    expect(resolveScenario(out.value, catalog).errors).toEqual([]);
  });

  it('names every bad field with its accepted range and keeps the good ones', () => {
    const out = parseScenario({
      chips: -3, workload: { inputTokens: Number.NaN, outputTokens: 1e12, prefixCacheHitRate: 0.5 },
      precision: { weights: 'fp3' }, economics: { pue: Number.POSITIVE_INFINITY, usdPerKwh: 0.1 }, objective: 'fastest',
    });
    const paths = out.errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['chips', 'workload.inputTokens', 'workload.outputTokens', 'precision.weights', 'economics.pue', 'objective']));
    expect(out.errors.find((e) => e.path === 'workload.outputTokens')!.message).toContain('from 1 to 1,000,000');
    expect(out.value.workload.prefixCacheHitRate).toBe(0.5);
    expect(out.value.economics.usdPerKwh).toBe(0.1);
    expect(out.value.chips).toBe(8);
  });

  it('engine.scheduler: absent in files that predate it reads as per micro-batch; a wrong value is named with the accepted ones', () => {
    const old = parseScenario({ version: 2, engine: { maxSequences: 512, maxTokensPerStep: 'auto', prefillChunkTokens: 8192, overlap: 'off' } });
    expect(old.errors).toEqual([]);
    expect(old.warnings).toEqual([]);
    expect(old.value.engine).toMatchObject({ maxSequences: 512, scheduler: 'per-micro-batch' });
    expect(parseScenario({ version: 2, engine: { scheduler: 'per-replica' } }).value.engine.scheduler).toBe('per-replica');
    const bad = parseScenario({ version: 2, engine: { scheduler: 'per-rack', maxSequences: 256 } });
    expect(bad.errors.map((e) => e.path)).toEqual(['engine.scheduler']);
    expect(bad.errors[0]!.message).toContain('per-replica');
    expect(bad.value.engine.maxSequences).toBe(256);
  });

  it('reports a newer version explicitly and warns on unknown fields', () => {
    const out = parseScenario({ version: 7, colour: 'red' });
    expect(out.errors[0]!.message).toContain('newer version');
    expect(out.warnings[0]!.path).toBe('colour');
  });

  it('objective and speculative fields it would drop are named; missing ones say what is expected', () => {
    const extra = parseScenario({ objective: { batch: 8, mode: 'min-latency' }, speculative: { method: 'mtp', draftModel: 'llama-3.2-1b' } });
    expect(extra.errors).toEqual([]);
    expect(extra.value.objective).toEqual({ batch: 8 });
    expect(extra.warnings.map((w) => w.path)).toEqual(['objective.mode', 'speculative.draftModel']);
    expect(extra.warnings[1]!.message).toContain('set method "draft-model"');
    const empty = parseScenario({ objective: {}, speculative: { method: 'draft-model' } });
    expect(empty.errors.map((e) => [e.path, e.message.split(';')[0]])).toEqual([['objective.batch', 'is missing'], ['speculative.draftModel', 'is missing']]);
    expect(empty.errors.every((e) => !e.message.includes('undefined'))).toBe(true);
  });

  it('a problem in a field a migration moved names what the file wrote; a design hardware with extra keys is still a design', () => {
    const v1 = parseScenario({ version: 1, maxBatchPerReplica: 'lots' });
    expect(v1.errors[0]).toMatchObject({ path: 'engine.maxSequences' });
    expect(v1.errors[0]!.message).toMatch(/\(written as maxBatchPerReplica in this older file\)$/);
    expect(parseScenario({ version: 2, engine: { maxSequences: 'lots' } }).errors[0]!.message).not.toContain('written as');
    const design = JSON.parse(readFileSync(new URL('../../hardware-profiles/designs/nvidia-h100-like.json', import.meta.url), 'utf8')) as unknown;
    const extra = parseScenario({ hardware: { design, foo: 1 } });
    expect(extra.errors).toEqual([]);
    expect(extra.warnings.map((w) => w.path)).toEqual(['hardware.foo']);
    expect(typeof extra.value.hardware).toBe('object');
  });

  it('unknown ids are reported by resolve with suggestions', () => {
    const r = resolveScenario({ ...defaultScenario(), hardware: 'h200', model: 'llama-70b' }, catalog);
    expect(r.value).toBeNull();
    expect(r.errors.map((e) => e.path)).toEqual(['hardware', 'model']);
    expect(r.errors[0]!.message).toContain('nvidia-h200-sxm');
  });

  it('never throws on any JSON, and what it returns parses again cleanly', () => {
    fc.assert(fc.property(fc.oneof(fc.anything(), fc.json().map((t) => JSON.parse(t) as unknown),
      fc.record({ chips: fc.anything(), workload: fc.anything(), economics: fc.anything(), objective: fc.anything(), speculative: fc.anything() })), (raw) => {
      const out = parseScenario(raw);
      expect(parseScenario(out.value).errors).toEqual([]);
    }), { numRuns: 2000 });
  });
});

describe('inline hardware in a scenario', () => {
  it('is validated and linted like a catalog profile', () => {
    const h200 = catalog.hardware.get('nvidia-h200-sxm')!;
    const sparse = { ...h200, id: 'my-chip', compute: { denseFlopsPerSecond: { ...h200.compute.denseFlopsPerSecond, fp8: 4 * 989.4e12 } } };
    const out = parseScenario({ hardware: sparse });
    expect(out.errors).toEqual([]);
    expect(out.warnings.some((w) => w.path.startsWith('hardware.compute') && /sparse/.test(w.message))).toBe(true);
    expect(typeof out.value.hardware === 'object' && out.value.hardware.id).toBe('my-chip');
    const broken = parseScenario({ hardware: { ...h200, memory: { ...h200.memory, hbmBandwidthBytesPerSecond: -1 } } });
    expect(broken.errors.some((e) => e.path === 'hardware.memory.hbmBandwidthBytesPerSecond')).toBe(true);
  });
});
