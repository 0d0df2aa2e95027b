// A bounded walk over parsed JSON from an untrusted link: rejects values nested too deeply or with
// too many parts before any recursive code (diff, JSON.stringify, parsers) touches them.

export interface JsonBounds {
  maxDepth: number;
  maxNodes: number;
}

/** Every real scenario is far inside these (depth ~8, a few thousand values with 20 custom chips). */
export const LINK_JSON_BOUNDS: JsonBounds = { maxDepth: 24, maxNodes: 60_000 };

/** null when within bounds, else what was exceeded. Iterative: deep input cannot overflow the stack. */
export function exceedsBounds(value: unknown, bounds: JsonBounds = LINK_JSON_BOUNDS): string | null {
  const stack: { v: unknown; depth: number }[] = [{ v: value, depth: 0 }];
  let nodes = 0;
  while (stack.length > 0) {
    const { v, depth } = stack.pop()!;
    nodes += 1;
    if (nodes > bounds.maxNodes) return `more than ${bounds.maxNodes} values`;
    if (typeof v !== 'object' || v === null) continue;
    if (depth >= bounds.maxDepth) return `nested deeper than ${bounds.maxDepth} levels`;
    const children = Array.isArray(v) ? v : Object.values(v as Record<string, unknown>);
    for (const c of children) stack.push({ v: c, depth: depth + 1 });
  }
  return null;
}
