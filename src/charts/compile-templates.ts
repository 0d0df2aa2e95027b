// Build-time only (npm run charts:compile and the chart tests): compiles each variant of the
// precompiled charts with Vega-Lite. The page never imports this module, so it never loads the
// compiler for those charts.

import { compile } from 'vega-lite';
import { costBarsSpec } from './cost-bars-chart';
import { COST_BARS_SENTINELS, COST_BARS_VARIANTS, costBarsVariantKey } from './cost-bars-compiled';

export interface TemplateFile {
  generatedBy: string;
  variants: Record<string, object>;
}

export function compileTemplates(): TemplateFile {
  const variants: Record<string, object> = {};
  for (const variant of COST_BARS_VARIANTS) {
    variants[costBarsVariantKey(variant)] = compile(costBarsSpec(variant, COST_BARS_SENTINELS, [])).spec;
  }
  return { generatedBy: 'npm run charts:compile (src/charts/compile-templates.ts); do not edit', variants };
}
