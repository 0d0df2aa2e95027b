// Vega-Lite's compiler, loaded by the first chart that is not precompiled (charts/compiled-chart.ts):
// the landing page's first chart is drawn without it.

export { compile } from 'vega-lite';
