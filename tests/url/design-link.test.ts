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

  it('a tampered design is dropped with a message naming the field; an unknown preset too', async () => {
    const bad = await open(`#s=1.${await packJson({ view: 'chip-lab', design: { preset: 'nvidia-h100-like', edit: { dieAreaMm2: 2000 } } })}`);
    expect(bad.state.design).toBeNull();
    expect(bad.messages.map((m) => m.code)).toEqual(['link.invalid-design']);
    expect(bad.messages[0]!.text).toContain('dieAreaMm2 is 2000 mm², beyond the reticle limit');
    const unknown = await open(`#s=1.${await packJson({ design: { preset: 'nope' } })}`);
    expect(unknown.messages.map((m) => m.code)).toEqual(['link.unknown-design-preset']);
  });
});
