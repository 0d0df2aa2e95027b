import { compile, type TopLevelSpec } from 'vega-lite';
import { parse } from '../../src/ui/vega-runtime';

/**
 * Compiles a Vega-Lite spec to Vega and returns the warnings its logger received. The Vega spec is
 * also parsed by the page's chart runtime, which throws on a transform it does not register. A
 * dataset no mark draws is reported too: Vega-Lite drops it, so the page's data-only update
 * (view.data) fails on it and the chart is rebuilt on every change instead of streamed.
 */
export function compileWarnings(spec: TopLevelSpec): { warnings: string[]; vega: unknown } {
  const warnings: string[] = [];
  let current = 0;
  const logger = {
    level(level?: number) {
      if (level === undefined) return current;
      current = level;
      return logger;
    },
    error(...args: unknown[]) { warnings.push(`error: ${args.map(String).join(' ')}`); return logger; },
    warn(...args: unknown[]) { warnings.push(args.map(String).join(' ')); return logger; },
    info() { return logger; },
    debug() { return logger; },
  };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const out = compile(spec, { logger: logger as any });
  parse(out.spec, undefined, { ast: true });
  const drawn = new Set((out.spec.data ?? []).map((d) => d.name));
  for (const name of Object.keys((spec as { datasets?: object }).datasets ?? {})) {
    if (!drawn.has(name)) warnings.push(`dataset "${name}" is not drawn: a data-only update cannot stream it`);
  }
  return { warnings, vega: out.spec };
}
