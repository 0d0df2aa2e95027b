// Build-time only: the precompiled expression module of the gallery's charts (what
// `npm run charts:compile` writes and the chart tests compare with the committed file).

import { compile } from 'vega-lite';
import type { Catalog } from '../catalog/catalog';
import { chartGallery } from './chart-gallery';
import { expressionModule, harvestExpressions, type VegaRuntimeParts } from './expression-harvest';

export async function galleryExpressionModule(catalog: Catalog, vega: VegaRuntimeParts): Promise<{ text: string; count: number }> {
  const specs = chartGallery(catalog).map((c) => ('vega' in c ? c.vega : compile(c.vegaLite).spec));
  const sources = await harvestExpressions(specs, vega);
  return { text: expressionModule(sources), count: sources.length };
}
