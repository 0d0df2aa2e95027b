// Precompiled Vega expressions (src/charts/vega-expressions.ts): the committed table is what
// `npm run charts:compile` generates, every gallery chart draws the same picture with it as with
// Vega's interpreter and interprets none of its expressions, and an expression missing from the
// table still runs (interpreted, and counted).

import { readFileSync } from 'node:fs';
import { compile } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { loadCatalogFromDisk } from '../../src/catalog/load-node';
import { chartGallery } from '../../src/charts/chart-gallery';
import { galleryExpressionModule } from '../../src/charts/gallery-expressions';
import * as vega from '../../src/ui/vega-runtime';

const { catalog } = loadCatalogFromDisk();
const gallery = chartGallery(catalog).map((c) => ({ name: c.name, spec: 'vega' in c ? c.vega : compile(c.vegaLite).spec }));

async function svgOf(spec: object, expr: unknown): Promise<string> {
  const view = new vega.View(vega.parse(spec as Parameters<typeof vega.parse>[0], undefined, { ast: true }), { expr, renderer: 'none' } as never);
  await view.runAsync();
  const svg = await view.toSVG();
  view.finalize();
  return svg;
}

describe('precompiled Vega expressions', () => {
  it('the committed table is up to date (else run npm run charts:compile)', async () => {
    const committed = readFileSync(new URL('../../src/charts/compiled/vega-expressions.generated.ts', import.meta.url), 'utf8');
    expect(committed).toBe((await galleryExpressionModule(catalog, vega)).text);
  });

  it('every gallery chart draws the same SVG as under the interpreter, with no expression interpreted', async () => {
    expect(gallery.length).toBeGreaterThan(30);
    for (const { name, spec } of gallery) {
      const compiler = vega.precompiledExpressions();
      const precompiled = await svgOf(spec, compiler.expr);
      expect(compiler.interpreted(), name).toBe(0);
      expect(precompiled, name).toBe(await svgOf(spec, vega.expressionInterpreter));
      expect(precompiled.length, name).toBeGreaterThan(1000);
    }
  });

  it('an expression without a precompiled function is interpreted and counted', async () => {
    const spec = { signals: [{ name: 'answer', update: '6 * 7 + 0.5' }], marks: [{ type: 'text', encode: { update: { text: { signal: 'answer' } } } }] };
    const run = async (compiler: ReturnType<typeof vega.precompiledExpressions>) => {
      const view = new vega.View(vega.parse(spec as Parameters<typeof vega.parse>[0], undefined, { ast: true }), { expr: compiler.expr, renderer: 'none' } as never);
      await view.runAsync();
      const answer = view.signal('answer') as number;
      view.finalize();
      return { answer, interpreted: compiler.interpreted() };
    };
    const withTable = await run(vega.precompiledExpressions());
    const withoutTable = await run(vega.precompiledExpressions({}));
    expect(withTable.answer).toBe(42.5);
    expect(withoutTable.answer).toBe(42.5);
    // The signal and the text's encoding are not in the table; Vega's default signals (width, ...) are.
    expect(withTable.interpreted).toBeGreaterThan(0);
    expect(withoutTable.interpreted).toBeGreaterThan(withTable.interpreted);
  });
});
