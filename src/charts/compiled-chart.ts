// A chart whose Vega spec was compiled from its Vega-Lite spec ahead of time (npm run
// charts:compile): the page draws it with Vega alone, without loading Vega-Lite's compiler (79 KB
// gzip), which is what keeps that compiler out of the landing page's first chart.
//
// A template is the compiled spec of one structural variant of a chart, built with sentinel
// numbers where the spec holds data-dependent values (a height, a domain end); filling it puts the
// real values in their place and the rows into the named datasets. tests/charts/compiled-charts
// checks that a filled template equals Vega-Lite's compile of the same chart, for every variant.

import type { TopLevelSpec } from 'vega-lite';

export interface CompiledChart {
  /** A Vega spec, ready for vega's parse. */
  vega: object;
  /** Charts with equal keys differ only in their datasets, which stream into a live view. */
  structureKey: string;
  datasets: Readonly<Record<string, readonly object[]>>;
}

/** What a chart card draws: a Vega-Lite spec (compiled on the page) or a precompiled chart. */
export type ChartSpec = TopLevelSpec | CompiledChart;

export function isCompiledChart(spec: ChartSpec): spec is CompiledChart {
  return 'vega' in spec && 'structureKey' in spec;
}

function replaceNumbers(node: unknown, values: ReadonlyMap<number, number>): unknown {
  if (typeof node === 'number') return values.get(node) ?? node;
  if (Array.isArray(node)) return node.map((item) => replaceNumbers(item, values));
  if (typeof node === 'object' && node !== null) {
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, replaceNumbers(v, values)]));
  }
  return node;
}

/**
 * The template with each sentinel number replaced by its value (`values`: sentinel to value) and
 * each named dataset's `values` set to its rows. The template is not changed.
 */
export function fillTemplate(template: object, values: ReadonlyMap<number, number>, datasets: Readonly<Record<string, readonly object[]>>): object {
  const filled = replaceNumbers(template, values) as { data?: { name: string; values?: unknown }[] };
  for (const data of filled.data ?? []) {
    const rows = datasets[data.name];
    if (rows !== undefined) data.values = rows;
  }
  return filled;
}
