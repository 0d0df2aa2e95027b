// The chart runtime, loaded on first use: Vega's parser and view, and the expression compiler (no
// eval under the strict CSP: precompiled functions, else Vega's interpreter). Vega-Lite's compiler
// is a chunk of its own (vega-lite-compiler.ts).
// Vega's own entry also registers geo, force, hierarchy, label, regression, voronoi, wordcloud and
// crossfilter transforms that no chart here compiles to, and vega-embed adds a theme set, its
// tooltip and an actions menu this app does not use; importing the parts directly keeps them out
// of the first chart's JavaScript.

import { extend } from 'vega-util';
import { transforms } from 'vega-dataflow';
import * as dataTransforms from 'vega-transforms';
import * as viewTransforms from 'vega-view-transforms';
import * as encodeTransforms from 'vega-encode';

extend(transforms, dataTransforms, viewTransforms, encodeTransforms);

export { View } from 'vega-view';
export { parse } from 'vega-parser';
export { expressionInterpreter } from 'vega-interpreter';
export { precompiledExpressions } from './precompiled-expressions';
