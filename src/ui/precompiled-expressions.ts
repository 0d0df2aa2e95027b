// Vega's expression compiler for the page: the precompiled function of each expression when
// `npm run charts:compile` generated one (src/charts/vega-expressions.ts says why), else Vega's
// interpreter. Counts the expressions that fell back, so a chart can say how many it interprets.

import { expressionInterpreter } from 'vega-interpreter';
import { VEGA_EXPRESSIONS } from '../charts/compiled/vega-expressions.generated';
import { EXPRESSION_KINDS, expressionKey, expressionSource, type ExpressionKind } from '../charts/vega-expressions';

type Compiled = (...args: unknown[]) => unknown;
type Compiler = (ctx: { functions?: object } | undefined, expr: never) => unknown;

const TABLE: Readonly<Record<string, Compiled>> = VEGA_EXPRESSIONS;

export interface ExpressionCompiler {
  /** The `expr` option of a Vega View. */
  expr: Record<ExpressionKind, Compiler>;
  /** How many expressions went to the interpreter so far. */
  interpreted(): number;
}

export function precompiledExpressions(table: Readonly<Record<string, Compiled>> = TABLE): ExpressionCompiler {
  let interpreted = 0;
  const expr = {} as Record<ExpressionKind, Compiler>;
  for (const kind of EXPRESSION_KINDS) {
    expr[kind] = (ctx, e) => {
      const key = expressionKey(expressionSource(kind, e));
      const fn = Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
      if (fn === undefined) {
        interpreted += 1;
        return expressionInterpreter[kind](ctx, e);
      }
      // As vega-runtime binds its compiled functions: `this` is the expression function table.
      return ctx?.functions ? fn.bind(ctx.functions) : fn;
    };
  }
  return { expr, interpreted: () => interpreted };
}
