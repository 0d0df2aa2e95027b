// Rewrites the precompiled chart templates (src/charts/compiled/*.json) from the charts' Vega-Lite
// specs. Run after changing a precompiled chart or upgrading vega-lite; the chart tests fail until then.

import { writeFileSync } from 'node:fs';
import { compileTemplates } from '../src/charts/compile-templates';

const file = new URL('../src/charts/compiled/cost-bars.json', import.meta.url);
writeFileSync(file, `${JSON.stringify(compileTemplates(), null, 1)}\n`);
console.log(`wrote ${file.pathname}`);
