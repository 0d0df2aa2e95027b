import { describe, expect, it } from 'vitest';
import { decodeLink, encodeLink, linkPatch } from '../../src/url/link';
import { currentBase } from '../../src/url/link-format';
import { packJson } from '../../src/url/pack';
import { toWire } from '../../src/url/wire-fields';
import { DESIGN_PRESETS } from '../../src/design/presets';
import { apply, catalog, env, fresh } from '../app-state/helpers';
import { stateProblems } from './valid-state';

const H100 = DESIGN_PRESETS.get('nvidia-h100-like')!;
const open = async (hash: string) => {
  const d = await decodeLink(hash, catalog, undefined, { views: env.views });
  expect(stateProblems(d.state, catalog, env.views)).toEqual([]);
  return d;
};

describe('links carry the chip lab design', () => {
  it('design mode off: no design in the wire, the landing link unchanged', () => {
    expect(toWire(fresh(), catalog, currentBase()).design).toBeUndefined();
    expect(linkPatch(fresh(), catalog)).toEqual({});
  });

  it('an edited design reopens exactly, as an edit of its bundled design, in a short link', async () => {
    const state = apply(fresh(), { type: 'set-view', view: 'chip-lab' }, { type: 'design-start', design: H100 },
      { type: 'design-set', param: 'matrixShare', value: 0.7 }, { type: 'design-choose', field: 'processNode', value: 'N3' });
    const patch = linkPatch(state, catalog) as { design: { preset: string; edit: unknown }; lab?: { edit?: unknown } };
    expect(patch.design.preset).toBe('nvidia-h100-like');
    expect(patch.lab?.edit).toBeUndefined();
    const hash = await encodeLink(state, catalog);
    expect(hash.length).toBeLessThan(260);
    const d = await open(hash);
    expect(d.messages).toEqual([]);
    expect(d.state).toEqual(state);
  });

  it('a refused field of a linked design takes the preset\'s value and the rest is kept; unknown fields are named', async () => {
    const state = apply(fresh(), { type: 'set-view', view: 'chip-lab' }, { type: 'design-start', design: H100 },
      { type: 'design-choose', field: 'processNode', value: 'N3' });
    const patch = linkPatch(state, catalog) as { design: { preset: string; edit: Record<string, unknown> } };
    const edit = { ...patch.design.edit, dieAreaMm2: 2000, bogus: 1 };
    const bad = await open(`#s=1.${await packJson({ view: 'chip-lab', design: { preset: 'nvidia-h100-like', edit } })}`);
    expect(bad.state.design).toEqual(state.design);
    expect(bad.messages.map((m) => m.code).sort()).toEqual(['link.design-field-from-preset', 'link.design-field-ignored']);
    const fixed = bad.messages.find((m) => m.code === 'link.design-field-from-preset')!;
    expect(fixed.text).toContain('dieAreaMm2 is 2,000 mm², beyond the reticle limit');
    expect(fixed.text).toContain("the value of the 'nvidia-h100-like' design");
    expect(bad.messages.find((m) => m.code === 'link.design-field-ignored')!.text).toContain('bogus');
  });

  it('a design no preset value can repair is dropped with a message naming the problem; an unknown preset too', async () => {
    const bad = await open(`#s=1.${await packJson({ view: 'chip-lab', design: { preset: 'nvidia-h100-like', edit: 7 } })}`);
    expect(bad.state.design).toBeNull();
    expect(bad.messages.map((m) => m.code)).toEqual(['link.invalid-design']);
    const unknown = await open(`#s=1.${await packJson({ design: { preset: 'nope' } })}`);
    expect(unknown.messages.map((m) => m.code)).toEqual(['link.unknown-design-preset']);
  });
});
