// A closed model's size estimates (model_estimate rows of market_history.csv, all ESTIMATE) as
// architectures the engine can serve: the alternatives shown next to a stand-in's floor.
//
// - dense (or total vs active not stated): the parametric generator's dense model of that size
//   (engine/analysis/parametric-model.ts, Llama-3-like shape);
// - MoE with total T, active A, E experts of which k route per token and L layers: per layer, shared
//   weights (attention) x = 4h^2 and one expert y = 3hw (gated FFN), so L(x + E y) = T and
//   L(x + k y) = A give y = (T - A) / (L (E - k)) and x = A / L - k y; h = sqrt(x / 4) and
//   w = y / (3h), each rounded to 128 (GPT-4's leaked layout: 16 experts, 2 active, 120 layers).
//   Multi-head attention with 128-wide heads; the vocabulary is not part of any estimate and is
//   taken as the parametric generator's (128,256 tokens: under 0.2% of the weights).

import { generateModel } from '../engine/analysis/parametric-model';
import { countParameters } from '../engine/parameters';
import type { ModelArchitecture } from '../engine/types';
import { MARKET } from '../messages/market';
import type { SizeEstimateRef } from './api-models';
import { citeHistoryRow, type HistoryRow } from './market-history';
import { slug } from './price-points';

export interface SizeAlternative {
  /** "~175B parameters (ESTIMATE)". */
  label: string;
  /** The rows the estimate comes from, cited. */
  basis: string;
  model: ModelArchitecture;
  totalParams: number;
  activeParams: number;
}

const round128 = (x: number) => Math.max(128, Math.round(x / 128) * 128);

function estimateRow(history: readonly HistoryRow[], item: string): HistoryRow | undefined {
  return history.find((r) => r.kind === 'model_estimate' && r.item === item && r.number !== null);
}

/** Billions in the unit column ("B parameters (estimate)") to parameters. */
function params(row: HistoryRow): number {
  return row.number! * (/^B\b/.test(row.unit) ? 1e9 : 1);
}

export function moeFromEstimate(id: string, name: string, totalParams: number, activeParams: number, experts: number, k: number, layers: number, source: string): ModelArchitecture {
  const y = (totalParams - activeParams) / (layers * (experts - k));
  const x = activeParams / layers - k * y;
  const hidden = round128(Math.sqrt(Math.max(x, 1) / 4));
  const width = round128(y / (3 * hidden));
  const heads = hidden / 128;
  const model: ModelArchitecture = {
    schemaVersion: 1, id, name, family: 'size estimate', source,
    publishedParamsTotal: totalParams, publishedParamsActive: activeParams,
    numLayers: layers, hiddenSize: hidden, numAttentionHeads: heads, numKeyValueHeads: heads, headDim: 128,
    intermediateSize: 0, ffnKind: 'gated',
    moe: { numExperts: experts, expertsPerToken: k, numSharedExperts: 0, expertIntermediateSize: width, sharedExpertIntermediateSize: null, firstDenseLayers: 0, moeLayerPeriod: 1 },
    mla: null, slidingWindow: null, vocabSize: 128_256, tieWordEmbeddings: false, maxContextTokens: 131_072,
  };
  const counted = countParameters(model);
  return { ...model, publishedParamsTotal: counted.totalParams, publishedParamsActive: counted.activeParams };
}

/** The alternatives of one closed model; estimates whose rows are missing are skipped. */
export function sizeAlternatives(refs: readonly SizeEstimateRef[], history: readonly HistoryRow[]): SizeAlternative[] {
  const out: SizeAlternative[] = [];
  for (const ref of refs) {
    const row = estimateRow(history, ref.item);
    if (row === undefined) continue;
    const total = params(row);
    if (ref.shape === 'dense') {
      const generated = generateModel(total, 'dense');
      const model: ModelArchitecture = { ...generated, id: `estimate-${generated.id}`, name: `${ref.item}, ~${row.number}B (estimate)`, maxContextTokens: 131072 };
      out.push({ label: MARKET.alternativeDense(row.number!).text, basis: citeHistoryRow(row), model, totalParams: generated.publishedParamsTotal, activeParams: generated.publishedParamsTotal });
      continue;
    }
    const active = estimateRow(history, ref.activeItem);
    if (active === undefined) continue;
    const model = moeFromEstimate(
      `estimate-${slug(ref.item)}`.slice(0, 64), `${ref.item} (estimate)`,
      total, params(active), ref.experts, ref.expertsPerToken, ref.layers, `${citeHistoryRow(row)}; ${citeHistoryRow(active)}; ${ref.layout}`,
    );
    out.push({
      label: MARKET.alternativeMoe(row.number!, active.number!, ref.layout.split(' (')[0]!).text,
      basis: `${citeHistoryRow(row)}; ${citeHistoryRow(active)}`,
      model, totalParams: model.publishedParamsTotal, activeParams: model.publishedParamsActive ?? model.publishedParamsTotal,
    });
  }
  return out;
}
