import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectKind, interpretImport } from '../../src/app/import-file';

const h200 = JSON.parse(readFileSync('hardware-profiles/nvidia-h200-sxm.json', 'utf8')) as Record<string, unknown>;
const llama = JSON.parse(readFileSync('models/llama-3.1-8b.json', 'utf8')) as Record<string, unknown>;
const hf = {
  model_type: 'llama', architectures: ['LlamaForCausalLM'], hidden_size: 4096, intermediate_size: 14336, num_hidden_layers: 32,
  num_attention_heads: 32, num_key_value_heads: 8, vocab_size: 128256, max_position_embeddings: 131072, tie_word_embeddings: false,
};

describe('interpretImport', () => {
  it('recognises the three shapes', () => {
    expect(detectKind(h200)).toBe('hardware');
    expect(detectKind(llama)).toBe('model');
    expect(detectKind(hf)).toBe('hf-config');
  });

  it('a pasted share link says it is a scenario to open from the address bar, not a JSON error', () => {
    for (const text of ['http://localhost:8790/#s=9.q1Yqy0wtV7JSSkxOLi1KTK5UqgUA', ' #s=9.abc \n']) {
      const out = interpretImport(text);
      expect(out.kind).toBeNull();
      expect(out.errors).toEqual([expect.stringMatching(/^this is a tokencost link .*address bar/)]);
    }
    expect(interpretImport('{"a": 1} #s=9').errors[0]).toMatch(/^not valid JSON/);
  });

  it('refuses a file whose key is given twice (JSON would silently keep the last) and quotes a number past a double', () => {
    const twice = JSON.stringify(h200).replace('"tdpWatts":', '"tdpWatts": 1, "tdpWatts":');
    const r = interpretImport(twice);
    expect(r.hardware).toBeNull();
    expect(r.errors).toEqual([expect.stringContaining('"tdpWatts" is given twice in "power"')]);
    const huge = interpretImport(JSON.stringify(h200).replace(/"tdpWatts":\s*\d+/, '"tdpWatts": 1e400'));
    expect(huge.errors.join('\n')).toContain('power.tdpWatts');
    expect(huge.errors.join('\n')).toContain('"1e400"');
  });

  it('says an empty text or file holds nothing to import (not a JSON parse error)', () => {
    for (const text of ['', '  \n\t ']) {
      expect(interpretImport(text).errors).toEqual([expect.stringMatching(/^there is nothing to import/)]);
    }
  });

  it('accepts a valid hardware profile and runs the plausibility lint', () => {
    const r = interpretImport(JSON.stringify(h200));
    expect(r.kind).toBe('hardware');
    expect(r.errors).toEqual([]);
    expect(r.hardware?.id).toBe('nvidia-h200-sxm');
    expect(Array.isArray(r.lint)).toBe(true);
  });

  it('rejects a broken profile with field-named errors', () => {
    const r = interpretImport(JSON.stringify({ ...h200, power: { tdpWatts: 'lots' } }));
    expect(r.hardware).toBeNull();
    expect(r.errors.join('\n')).toContain('power.tdpWatts');
  });

  it('imports a model file and a Hugging Face config (id from the file name)', () => {
    expect(interpretImport(JSON.stringify(llama)).model?.id).toBe('llama-3.1-8b');
    const r = interpretImport(JSON.stringify(hf), 'My-Model.json');
    expect(r.kind).toBe('hf-config');
    expect(r.errors).toEqual([]);
    expect(r.model?.id).toBe('my-model');
    expect(r.model?.numLayers).toBe(32);
    expect(interpretImport(JSON.stringify(hf), 'config.json').model?.id).toBe('imported-model');
  });

  it('names what is none of the three: this app\'s own results export, or an object without their fields', () => {
    const exported = interpretImport(JSON.stringify({ kind: 'compare', generatedBy: 'tokencost', context: {}, data: [] }));
    expect(exported.kind).toBeNull();
    expect(exported.errors).toEqual([expect.stringMatching(/^this is a tokencost export of "compare" results, not a chip or a model/)]);
    // The chip lab's export holds its chip: that imports as the chip.
    const lab = interpretImport(JSON.stringify({ kind: 'chip-lab', generatedBy: 'tokencost', context: {}, data: { chip: h200, settings: {} } }));
    expect(lab.kind).toBe('hardware');
    expect(lab.hardware?.id).toBe('nvidia-h200-sxm');
    const other = interpretImport(JSON.stringify({ name: 'x', id: 'y' }));
    expect(other.kind).toBeNull();
    expect(other.errors).toHaveLength(1);
    expect(other.errors[0]).toMatch(/not a hardware profile/);
  });

  it('never throws on junk', () => {
    for (const text of ['', '{', 'null', '[]', '42', '"x"', '{"__proto__": {"compute": 1}}', 'x'.repeat(2_000_000)]) {
      const r = interpretImport(text);
      expect(r.hardware).toBeNull();
      expect(r.model).toBeNull();
      expect(r.errors.length).toBeGreaterThan(0);
    }
  });
});
