// npm run charts:compile: rewrites the precompiled chart templates (src/charts/compiled/*.json)
// from the charts' Vega-Lite specs, and the precompiled expression functions of the charts the
// page redraws (src/charts/compiled/vega-expressions.generated.ts, from src/charts/chart-gallery.ts).
// Run after changing a chart or upgrading vega or vega-lite; the chart tests fail until then.
// Takes no options (--help prints the usage; anything else exits 2).

import { writeFileSync } from 'node:fs';
import { loadCatalogFromDisk } from '../src/catalog/load-node';
import { galleryExpressionModule } from '../src/charts/gallery-expressions';
import { compileTemplates } from '../src/charts/compile-templates';
import { runIfScript, type CliIO } from '../src/cli/report';
import { scriptArgs } from '../src/cli/script-args';
import * as vega from '../src/ui/vega-runtime';

const USAGE = 'usage: npm run charts:compile\n  Rewrites src/charts/compiled/cost-bars.json from the chart specs (src/charts/compile-templates.ts)\n'
  + '  and src/charts/compiled/vega-expressions.generated.ts from the charts of src/charts/chart-gallery.ts.\n';

export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  const args = scriptArgs(argv, {}, USAGE, io);
  if (typeof args === 'number') return args;
  const templates = new URL('../src/charts/compiled/cost-bars.json', import.meta.url);
  writeFileSync(templates, `${JSON.stringify(compileTemplates(), null, 1)}\n`);
  io.stdout.write(`wrote ${templates.pathname}\n`);
  const expressions = new URL('../src/charts/compiled/vega-expressions.generated.ts', import.meta.url);
  const { text, count } = await galleryExpressionModule(loadCatalogFromDisk().catalog, vega);
  writeFileSync(expressions, text);
  io.stdout.write(`wrote ${expressions.pathname} (${count} expressions)\n`);
  return 0;
}

runIfScript(import.meta.url, main);
