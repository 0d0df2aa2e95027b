import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ModelArchitecture } from '../../src/engine/types';
import { countParameters } from '../../src/engine/parameters';
import { parseModelArchitecture } from '../../src/records/model-architecture';
import { dataFile } from '../data-file';

const MODELS_DIR = new URL('../../models/', import.meta.url);

const REQUIRED_IDS = [
  'llama-2-70b', 'llama-3.2-1b', 'llama-3.2-3b', 'llama-3.1-8b', 'llama-3.1-70b', 'llama-3.3-70b',
  'llama-3.1-405b', 'llama-4-scout', 'llama-4-maverick', 'qwen2.5-7b', 'qwen2.5-72b', 'qwen3-8b',
  'qwen3-32b', 'qwen3-30b-a3b', 'qwen3-235b-a22b', 'mixtral-8x7b', 'mixtral-8x22b', 'deepseek-v3',
  'deepseek-r1', 'gpt-oss-20b', 'gpt-oss-120b', 'gemma-3-27b', 'mistral-small-24b', 'kimi-k2', 'gpt-j-6b',
  // The rest of shared/reference/models.json.
  'qwen2.5-32b', 'gemma-2-27b', 'phi-3.5-mini', 'phi-4-mini',
  // The early API price points of the Market view (issue 14): GPT-3 and the Llama 2 sizes Epoch prices.
  'gpt-3-175b', 'llama-2-7b', 'llama-2-13b',
];

const files = readdirSync(MODELS_DIR).filter((f) => f.endsWith('.json')).sort();

function load(file: string): { raw: unknown; model: ModelArchitecture } {
  const raw = dataFile(readFileSync(new URL(file, MODELS_DIR), 'utf8'), file);
  const outcome = parseModelArchitecture(raw);
  if (outcome.value === null) throw new Error(`${file}: ${JSON.stringify(outcome.errors)}`);
  return { raw, model: outcome.value };
}

function relDiff(a: number, b: number): number {
  return Math.abs(a - b) / b;
}

describe('model corpus (models/*.json)', () => {
  it('holds every required model', () => {
    const ids = files.map((f) => f.replace(/\.json$/, ''));
    for (const id of REQUIRED_IDS) expect(ids, id).toContain(id);
  });

  it.each(files)('%s parses with no errors and no warnings', (file) => {
    const raw: unknown = JSON.parse(readFileSync(new URL(file, MODELS_DIR), 'utf8'));
    const outcome = parseModelArchitecture(raw);
    expect(outcome.errors).toEqual([]);
    expect(outcome.warnings).toEqual([]);
    expect(outcome.value).not.toBeNull();
  });

  it.each(files)('%s: id equals the file name', (file) => {
    expect(load(file).model.id).toBe(file.replace(/\.json$/, ''));
  });

  it('ids are unique', () => {
    const ids = files.map((f) => load(f).model.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(files)('%s: recomputed total within 2%% of publishedParamsTotal', (file) => {
    const { model } = load(file);
    const counts = countParameters(model);
    expect(relDiff(counts.totalParams, model.publishedParamsTotal)).toBeLessThanOrEqual(0.02);
  });

  it.each(files)('%s: MoE models state active params and the recomputed active is within 2%%', (file) => {
    const { model } = load(file);
    const counts = countParameters(model);
    if (model.moe === null) {
      expect(model.publishedParamsActive).toBeNull();
      expect(counts.activeParams).toBe(counts.totalParams);
      return;
    }
    const published = model.publishedParamsActive;
    expect(published).not.toBeNull();
    if (published === null) return;
    // Vendors differ on whether "active" counts the input embedding (Meta, Qwen, DeepSeek do;
    // OpenAI, Moonshot do not); paramsNote says which. Either convention must agree within 2%.
    const withEmbedding = relDiff(counts.activeParams, published);
    const withoutEmbedding = relDiff(counts.activeParams - counts.embeddingParams, published);
    expect(Math.min(withEmbedding, withoutEmbedding)).toBeLessThanOrEqual(0.02);
    if (withEmbedding > 0.02) expect(model.paramsNote ?? '').toMatch(/exclud/i);
  });

  it.each(files)('%s: sources and notes are filled in', (file) => {
    const { model } = load(file);
    expect(model.source.length).toBeGreaterThan(20);
    expect(model.paramsNote ?? '').not.toMatch(/\{(total|active|activeExcl)\}/);
  });
});

describe('parseModelArchitecture validation', () => {
  const base = (): Record<string, unknown> =>
    JSON.parse(readFileSync(new URL('deepseek-v3.json', MODELS_DIR), 'utf8')) as Record<string, unknown>;
  const errorPaths = (raw: unknown): string[] => parseModelArchitecture(raw).errors.map((e) => e.path);

  it('rejects non-objects at the root', () => {
    for (const raw of [null, 3, 'model', [], undefined]) {
      const outcome = parseModelArchitecture(raw);
      expect(outcome.value).toBeNull();
      expect(outcome.errors[0]?.path).toBe('');
    }
  });

  it('names the field and the accepted range', () => {
    const outcome = parseModelArchitecture({ ...base(), numLayers: 0 });
    expect(outcome.value).toBeNull();
    expect(outcome.errors).toEqual([{ path: 'numLayers', message: expect.stringMatching(/integer from 1 to 1,000/) }]);
    expect(errorPaths({ ...base(), hiddenSize: 200000 })).toEqual(['hiddenSize']);
    expect(errorPaths({ ...base(), vocabSize: 1.5 })).toEqual(['vocabSize']);
    expect(errorPaths({ ...base(), maxContextTokens: 2e8 })).toEqual(['maxContextTokens']);
    expect(errorPaths({ ...base(), numKeyValueHeads: 3 })).toEqual(['numKeyValueHeads']);
    expect(errorPaths({ ...base(), ffnKind: 'swiglu' })).toEqual(['ffnKind']);
    expect(errorPaths({ ...base(), publishedParamsActive: 1e12 })).toEqual(['publishedParamsActive']);
  });

  it('checks ids: lowercase kebab-case with dots, at most 64 characters', () => {
    expect(errorPaths({ ...base(), id: 'qwen2.5-7b' })).toEqual([]);
    for (const id of ['Llama-3', 'a b', '-lead', 'trail-', 'a..b', '', 'x'.repeat(65), 7]) {
      expect(errorPaths({ ...base(), id }), String(id)).toEqual(['id']);
    }
  });

  it('validates the MoE, MLA and sliding-window blocks', () => {
    const moe = (patch: Record<string, unknown>) => ({ ...base(), moe: { ...(base().moe as object), ...patch } });
    expect(errorPaths(moe({ expertsPerToken: 300 }))).toEqual(['moe.expertsPerToken']);
    expect(errorPaths(moe({ numExperts: 5000 }))).toContain('moe.numExperts');
    expect(errorPaths(moe({ firstDenseLayers: 61 }))).toEqual(['moe.firstDenseLayers']);
    expect(errorPaths(moe({ moeLayerPeriod: 0 }))).toEqual(['moe.moeLayerPeriod']);
    expect(errorPaths({ ...base(), moe: 'yes' })).toEqual(['moe']);
    expect(errorPaths({ ...base(), mla: { ...(base().mla as object), kvLoraRank: -1 } })).toEqual(['mla.kvLoraRank']);
    expect(errorPaths({ ...base(), slidingWindow: { windowTokens: 4096, period: 2, globalPerPeriod: 3 } })).toEqual(['slidingWindow.globalPerPeriod']);
    // A dense layer needs a dense FFN width.
    expect(errorPaths({ ...base(), intermediateSize: 0 })).toEqual(['intermediateSize']);
    // Missing required blocks are errors, not silent nulls.
    const { mla: _mla, ...withoutMla } = base();
    expect(errorPaths(withoutMla)).toEqual(['mla']);
  });

  it('warns about unknown keys and keeps the value', () => {
    const outcome = parseModelArchitecture({ ...base(), rope_theta: 10000, moe: { ...(base().moe as object), extra: 1 } });
    expect(outcome.errors).toEqual([]);
    expect(outcome.value).not.toBeNull();
    expect(outcome.warnings.map((w) => w.path)).toEqual(['rope_theta', 'moe.extra']);
  });

  it('never throws on arbitrary JSON or on corpus models with fields replaced', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (raw) => {
        const outcome = parseModelArchitecture(raw);
        expect(outcome.value === null).toBe(outcome.errors.length > 0);
      }),
      { numRuns: 300 },
    );
    const keys = Object.keys(base());
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...keys), fc.jsonValue()), (patch) => {
        const outcome = parseModelArchitecture({ ...base(), ...patch });
        expect(outcome.value === null).toBe(outcome.errors.length > 0);
        if (outcome.value !== null) expect(Number.isFinite(countParameters(outcome.value).totalParams)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
