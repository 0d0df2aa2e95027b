// Vega's sub-packages ship no type declarations of their own; vega's (vega-typings) describe them.
declare module 'vega-view' {
  export { View } from 'vega';
}
declare module 'vega-parser' {
  export { parse } from 'vega';
}
declare module 'vega-dataflow' {
  export const transforms: Record<string, unknown>;
  /** The registered transform of a type (case-insensitive), or null. */
  export function transform(type: string): unknown;
}
declare module 'vega-transforms';
declare module 'vega-view-transforms';
declare module 'vega-encode';
