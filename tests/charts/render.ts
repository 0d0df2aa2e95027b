// Runs a Vega-Lite spec the way the page does (the page's chart runtime: its transforms, the
// expression interpreter, no eval) in Node, and returns the runtime warnings and the SVG: what
// compiling alone cannot see (empty extents, label expressions, a transform the runtime lacks).

import type { TopLevelSpec } from 'vega-lite';
import { compile } from 'vega-lite';
import { View, expressionInterpreter, parse } from '../../src/ui/vega-runtime';

export async function renderSpec(spec: TopLevelSpec): Promise<{ warnings: string[]; svg: string }> {
  const warnings: string[] = [];
  let level = 0;
  const logger = {
    level(l?: number) {
      if (l === undefined) return level;
      level = l;
      return logger;
    },
    error(...args: unknown[]) { warnings.push(`error: ${args.map(String).join(' ')}`); return logger; },
    warn(...args: unknown[]) { warnings.push(args.map(String).join(' ')); return logger; },
    info() { return logger; },
    debug() { return logger; },
  };
  // Container width, as on the page.
  const width = (spec as { width?: unknown }).width;
  const vega = compile({ ...spec, width: width === 'container' ? 600 : width } as TopLevelSpec).spec;
  const view = new View(parse(vega, undefined, { ast: true }), { renderer: 'none', expr: expressionInterpreter, logger: logger as never, logLevel: 2 });
  await view.runAsync();
  const svg = await view.toSVG();
  view.finalize();
  return { warnings, svg };
}
