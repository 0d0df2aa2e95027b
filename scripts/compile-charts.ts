// npm run charts:compile: rewrites the precompiled chart templates (src/charts/compiled/*.json)
// from the charts' Vega-Lite specs. Run after changing a precompiled chart or upgrading vega-lite;
// the chart tests fail until then. Takes no options (--help prints the usage; anything else exits 2).

import { writeFileSync } from 'node:fs';
import { compileTemplates } from '../src/charts/compile-templates';
import { runIfScript, type CliIO } from '../src/cli/report';
import { scriptArgs } from '../src/cli/script-args';

const USAGE = 'usage: npm run charts:compile\n  Rewrites src/charts/compiled/cost-bars.json from the chart specs (src/charts/compile-templates.ts).\n';

export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  const args = scriptArgs(argv, {}, USAGE, io);
  if (typeof args === 'number') return args;
  const file = new URL('../src/charts/compiled/cost-bars.json', import.meta.url);
  writeFileSync(file, `${JSON.stringify(compileTemplates(), null, 1)}\n`);
  io.stdout.write(`wrote ${file.pathname}\n`);
  return 0;
}

runIfScript(import.meta.url, main);
