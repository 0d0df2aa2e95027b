// The JavaScript function Vega's runtime would compile from each expression of a parsed spec, as
// text: the key of the precompiled table (compiled/vega-expressions.generated.ts) and the source
// that `npm run charts:compile` writes into it. The page runs under a CSP without 'unsafe-eval',
// so Vega cannot compile expressions itself and interprets their syntax trees instead; on the chip
// lab's drag that interpretation was about a third of each move. The text follows vega-runtime 6's
// own code generator (vega-runtime/src/expression.js and util.js adjustSpatial) so that a
// precompiled function is the one Vega would have built. Pure.

import { stringValue } from 'vega-util';

export type ExpressionKind = 'operator' | 'parameter' | 'event' | 'handler' | 'encode';

/** The methods of a Vega expression compiler (the View's `expr` option). */
export const EXPRESSION_KINDS: readonly ExpressionKind[] = ['operator', 'parameter', 'event', 'handler', 'encode'];

/** What vega-runtime hands its expression compiler: generated code (and, with `ast: true`, the tree). */
export interface CodeExpression { code: string }
export interface EncodeExpression { marktype: string; channels: Readonly<Record<string, CodeExpression>> }

export interface ExpressionSource {
  params: readonly string[];
  body: string;
}

// vega-runtime/src/util.js: rules are never adjusted; groups, images and rects swap reversed extents.
const SKIP_SPATIAL = new Set(['rule']);
const SWAP_SPATIAL = new Set(['group', 'image', 'rect']);

/** The code that completes a mark's extent on each axis (x then y), as vega-runtime writes it. */
function adjustSpatial(channels: Readonly<Record<string, unknown>>, marktype: string): string {
  if (SKIP_SPATIAL.has(marktype)) return '';
  const swap = SWAP_SPATIAL.has(marktype);
  let code = '';
  for (const [a, size] of [['x', 'width'], ['y', 'height']] as const) {
    if (channels[`${a}2`]) {
      if (channels[a]) {
        if (swap) code += `if(o.${a}>o.${a}2)$=o.${a},o.${a}=o.${a}2,o.${a}2=$;`;
        code += `o.${size}=o.${a}2-o.${a};`;
      } else code += `o.${a}=o.${a}2-(o.${size}||0);`;
    }
    if (channels[`${a}c`]) code += `o.${a}=o.${a}c-(o.${size}||0)/2;`;
  }
  return code;
}

function returning(code: string): string {
  return code.endsWith(';') ? code : `return(${code});`;
}

/** The parameters and body of the function Vega would compile for an expression of this kind. */
export function expressionSource(kind: 'encode', expr: EncodeExpression): ExpressionSource;
export function expressionSource(kind: Exclude<ExpressionKind, 'encode'>, expr: CodeExpression): ExpressionSource;
export function expressionSource(kind: ExpressionKind, expr: CodeExpression | EncodeExpression): ExpressionSource;
export function expressionSource(kind: ExpressionKind, expr: CodeExpression | EncodeExpression): ExpressionSource {
  switch (kind) {
    case 'operator': return { params: ['_'], body: returning((expr as CodeExpression).code) };
    case 'parameter': return { params: ['datum', '_'], body: returning((expr as CodeExpression).code) };
    case 'event': return { params: ['event'], body: returning((expr as CodeExpression).code) };
    case 'handler': return { params: ['_', 'event'], body: `var datum=event.item&&event.item.datum;return ${(expr as CodeExpression).code};` };
    case 'encode': {
      const { marktype, channels } = expr as EncodeExpression;
      let body = 'var o=item,datum=o.datum,m=0,$;';
      for (const name in channels) {
        const o = `o[${stringValue(name)}]`;
        body += `$=${channels[name]!.code};if(${o}!==$)${o}=$,m=1;`;
      }
      return { params: ['item', '_'], body: `${body}${adjustSpatial(channels, marktype)}return m;` };
    }
  }
}

/** The table key of a compiled expression. */
export function expressionKey(source: ExpressionSource): string {
  return `${source.params.join(',')}:${source.body}`;
}
