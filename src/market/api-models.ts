// The one mapping from the models named in api_prices.csv to the catalog (models/*.json): which
// catalog model serves each API model, and the price points of a catalog model. Written once for
// the Market view, `npm run market` and the market check of the simulate CLI and the compare table.
//
// - exact: the catalog holds the model's architecture (an instruct or chat fine-tune has the
//   architecture of its base model, so it is exact too);
// - sibling: the catalog holds a model with the same architecture (Llama 3 70B -> Llama 3.1 70B,
//   which kept the architecture and only extended the context window);
// - stand-in: the model is closed; an open catalog model of the same capability is served instead
//   (chooseStandIn), and the size estimates of market_history.csv are shown as alternatives.

import type { Catalog } from '../catalog/catalog';
import type { ModelArchitecture } from '../records/model-architecture';
import { compareText } from '../format/compare-text';

export type ServedKind = 'exact' | 'sibling' | 'stand-in';

/** A closed model's size as market_history.csv estimates it (model_estimate rows). */
export type SizeEstimateRef =
  | { item: string; shape: 'dense' }
  /** An MoE estimate: the expert layout is transcribed from the notes of the named rows. */
  | { item: string; shape: 'moe'; activeItem: string; experts: number; expertsPerToken: number; layers: number; layout: string };

export interface ApiModel {
  /** Identity of the model behind one or more rows (snapshots and price changes share it). */
  key: string;
  /** Names exactly as api_prices.csv writes them (list prices and Epoch's series). */
  names: readonly string[];
  /** The catalog model that is this model or has its architecture; null = closed (a stand-in serves it). */
  catalog: { modelId: string; kind: 'exact' | 'sibling'; why?: string } | null;
  /** A reasoning model: its API price per request leaves out the hidden reasoning tokens it bills. */
  reasoning: boolean;
  /** market_history.csv item holding the MMLU where api_prices.csv has none for this model. */
  scoreItem?: string;
  /** The API model's own context window where it is shorter than its served model's: a longer request is not one it serves. */
  contextTokens?: number;
  /** Windows of single snapshots where they differ (gpt-3.5-turbo grew from 4K to 16K); over contextTokens. */
  contextTokensByName?: ReadonlyMap<string, number>;
  estimates: readonly SizeEstimateRef[];
  /**
   * An open model's release, when it precedes its first price row: from then on a provider could
   * serve it, so it may stand in for a closed model priced then (price-points.ts). Absent = its first price row.
   */
  releasedOn?: string;
}

const open = (key: string, names: string[], modelId: string, extra: Partial<ApiModel> = {}): ApiModel =>
  ({ key, names, catalog: { modelId, kind: 'exact' }, reasoning: false, estimates: [], ...extra });
const sibling = (key: string, names: string[], modelId: string, why: string, extra: Partial<ApiModel> = {}): ApiModel =>
  ({ key, names, catalog: { modelId, kind: 'sibling', why }, reasoning: false, estimates: [], ...extra });
const closed = (key: string, names: string[], estimates: SizeEstimateRef[] = [], extra: Partial<ApiModel> = {}): ApiModel =>
  ({ key, names, catalog: null, reasoning: false, estimates, ...extra });

/** GPT-4 (0314/0613): 8,192 tokens (OpenAI model docs, "gpt-4"; the rows say "8K"). */
const GPT4_CONTEXT = 8192;
/**
 * GPT-3.5: text-davinci-003 4,097 tokens; gpt-3.5-turbo 0301 and 0613 4,096, 1106 and 0125 16,385
 * (OpenAI model docs, legacy and deprecated model tables). Epoch's "GPT-3.5 Turbo" (2023-03) is 0301.
 */
const GPT35_CONTEXT = 4096;
const GPT35_TURBO_16K = 16385;
const LLAMA2_RELEASE = '2023-07-18';
/** Llama 3 8B/70B: 8k tokens (Meta Llama 3 model card; Groq's id llama3-70b-8192); Llama 3.1 extended it to 128k. */
const LLAMA3_CONTEXT = 8192;

const GPT35_SIZE: SizeEstimateRef = { item: 'ChatGPT / GPT-3.5', shape: 'dense' };
/** Notes of the "GPT-4 (original)" row: 16 experts, 2 routed per token, 120 layers (leaked SemiAnalysis report). */
const GPT4_SIZE: SizeEstimateRef = {
  item: 'GPT-4 (original)', shape: 'moe', activeItem: 'GPT-4 (original) active parameters', experts: 16, expertsPerToken: 2, layers: 120,
  layout: '16 experts, 2 routed per token, 120 layers (notes of the same row)',
};

/** Every model of the list-price rows and of Epoch's MMLU series (a test checks that none is missing). */
export const API_MODELS: readonly ApiModel[] = [
  open('gpt-3', ['GPT-3 175B davinci', 'GPT-3 175B davinci (price cut)', 'GPT-3'], 'gpt-3-175b'),
  closed('gpt-3.5', ['GPT-3.5 (text-davinci-003)', 'GPT-3.5'], [GPT35_SIZE], { contextTokens: GPT35_CONTEXT + 1 }),
  closed('gpt-3.5-turbo', ['gpt-3.5-turbo (0301)', 'gpt-3.5-turbo-0613 (4K)', 'gpt-3.5-turbo-1106', 'gpt-3.5-turbo-0125', 'GPT-3.5 Turbo', 'GPT-3.5-Turbo-2023-11'], [GPT35_SIZE], {
    contextTokens: GPT35_CONTEXT,
    contextTokensByName: new Map([['gpt-3.5-turbo-1106', GPT35_TURBO_16K], ['gpt-3.5-turbo-0125', GPT35_TURBO_16K], ['GPT-3.5-Turbo-2023-11', GPT35_TURBO_16K]]),
  }),
  closed('gpt-4', ['GPT-4 (0314, 8K context)', 'GPT-4 (0613, 8K)', 'GPT-4-0314'], [GPT4_SIZE], { contextTokens: GPT4_CONTEXT }),
  closed('gpt-4-turbo', ['GPT-4 Turbo (gpt-4-1106-preview)', 'GPT-4 Turbo']),
  // Llama 2 7B/13B/70B (base and chat): weights out 2023-07-18, served on Azure and SageMaker from
  // the start (Meta and Microsoft's announcement; Touvron et al. 2023). Its price rows start 2023-12-01.
  open('llama-2-7b', ['Llama 2-7B'], 'llama-2-7b', { releasedOn: LLAMA2_RELEASE }),
  open('llama-2-13b-chat', ['Llama-2-Chat-13B'], 'llama-2-13b', { releasedOn: LLAMA2_RELEASE }),
  open('llama-2-70b-chat', ['Llama 2 70B Chat'], 'llama-2-70b', { releasedOn: LLAMA2_RELEASE }),
  open('mixtral-8x7b', ['Mixtral 8x7B (open-mixtral-8x7b)'], 'mixtral-8x7b', { scoreItem: 'Mixtral 8x7B MMLU' }),
  closed('claude-3-opus', ['Claude 3 Opus']),
  closed('claude-3-sonnet', ['Claude 3 Sonnet']),
  closed('claude-3-haiku', ['Claude 3 Haiku', 'Claude-3-Haiku']),
  open('mixtral-8x22b', ['Mixtral 8x22B (open-mixtral-8x22b)'], 'mixtral-8x22b'),
  sibling('llama-3-70b', ['Llama 3 70B Instruct (llama3-70b-8192)', 'Llama 3 70B Instruct (meta-llama/Llama-3-70b-chat-hf)', 'Llama 3 70B Instruct'],
    'llama-3.1-70b', 'Llama 3.1 70B keeps the Llama 3 70B architecture and extends the context window from 8k to 128k tokens', { contextTokens: LLAMA3_CONTEXT }),
  sibling('llama-3-8b', ['Llama 3 8B Instruct'], 'llama-3.1-8b', 'Llama 3.1 8B keeps the Llama 3 8B architecture and extends the context window from 8k to 128k tokens',
    { contextTokens: LLAMA3_CONTEXT }),
  closed('gemini-1.5-flash', ['Gemini 1.5 Flash (launch, prompts <=128K)', 'Gemini 1.5 Flash (after price cut, prompts <=128K)', 'Gemini-1.5-Flash-2024-05']),
  closed('gemini-1.5-pro', ['Gemini 1.5 Pro (prompts <=128K)', 'Gemini-1.5-Pro-2024-05']),
  closed('gpt-4o', ['GPT-4o (2024-05-13)', 'GPT-4o (2024-08-06)', 'GPT-4o-2024-05'], [{ item: 'GPT-4o', shape: 'dense' }]),
  closed('claude-3.5-sonnet', ['Claude 3.5 Sonnet', 'Claude-3.5-Sonnet-2024-06'], [{ item: 'Claude 3.5 Sonnet', shape: 'dense' }]),
  closed('gpt-4o-mini', ['GPT-4o mini'], [{ item: 'GPT-4o-mini', shape: 'dense' }]),
  open('llama-3.1-405b', ['Llama 3.1 405B Instruct', 'Llama-3.1-Instruct-405B'], 'llama-3.1-405b'),
  open('llama-3.1-70b', ['Llama 3.1 70B Instruct'], 'llama-3.1-70b'),
  open('llama-3.1-8b', ['Llama 3.1 8B Instruct', 'Llama-3.1-Instruct-8B'], 'llama-3.1-8b'),
  open('llama-3.2-3b', ['Llama 3.2 3B Instruct', 'Llama-3.2-Instruct-3B'], 'llama-3.2-3b'),
  closed('gemini-1.5-flash-8b', ['Gemini 1.5 Flash-8B', 'Gemini-1.5-Flash-8B']),
  closed('claude-3.5-haiku', ['Claude 3.5 Haiku']),
  open('deepseek-v3', ['DeepSeek-V3 (deepseek-chat, promotional until 2025-02-08)', 'DeepSeek-V3 (deepseek-chat, standard)'], 'deepseek-v3'),
  open('deepseek-r1', ['DeepSeek-R1 (deepseek-reasoner)'], 'deepseek-r1', { reasoning: true }),
  open('mistral-small-3', ['Mistral Small 3 (24B)'], 'mistral-small-24b'),
  closed('gemini-2.0-flash', ['Gemini 2.0 Flash']),
  open('kimi-k2', ['Kimi K2 (kimi-k2-0711-preview)'], 'kimi-k2'),
];

const BY_NAME: ReadonlyMap<string, ApiModel> = new Map(API_MODELS.flatMap((m) => m.names.map((n) => [n, m] as const)));

/** The API model a price row names, or undefined when the mapping does not know the name. */
export function apiModelNamed(name: string): ApiModel | undefined {
  return BY_NAME.get(name);
}

/** An open model with a capability score: what a closed model of that score can be served as. */
export interface StandInCandidate {
  modelId: string;
  score: number;
  /** The API model whose price row gave the score ("Llama 3 70B Instruct"). */
  label: string;
  /** Its release, else its first price row's date (YYYY-MM-DD): a closed model priced earlier cannot have been served by it. */
  availableFrom: string;
}

export interface StandInChoice {
  modelId: string;
  candidate: StandInCandidate;
  /** True when no open model reaches the score and the best-scoring one is used instead. */
  below: boolean;
}

/**
 * The stand-ins for a closed model of MMLU `score`, best first: the open models at or above the
 * score, closest first (same capability, never a weaker model while a stronger one exists), then
 * those below it, highest first (marked `below`). Ties go to the smaller model, so the floor stays
 * a floor. One entry per catalog model. The floor takes the first one the era's chips can serve.
 */
export function rankStandIns(score: number, candidates: readonly StandInCandidate[], catalog: Catalog): StandInChoice[] {
  const size = (id: string) => activeSize(catalog.models.get(id));
  const tie = (a: StandInCandidate, b: StandInCandidate) => size(a.modelId) - size(b.modelId) || compareText(a.modelId, b.modelId);
  const above = candidates.filter((c) => c.score >= score).sort((a, b) => a.score - b.score || tie(a, b));
  const below = candidates.filter((c) => c.score < score).sort((a, b) => b.score - a.score || tie(a, b));
  const out: StandInChoice[] = [];
  for (const [list, isBelow] of [[above, false], [below, true]] as const) {
    for (const c of list) if (!out.some((o) => o.modelId === c.modelId)) out.push({ modelId: c.modelId, candidate: c, below: isBelow });
  }
  return out;
}

/** The first stand-in of rankStandIns, or null when no open model has a score. */
export function chooseStandIn(score: number, candidates: readonly StandInCandidate[], catalog: Catalog): StandInChoice | null {
  return rankStandIns(score, candidates, catalog)[0] ?? null;
}

function activeSize(model: ModelArchitecture | undefined): number {
  if (model === undefined) return Number.POSITIVE_INFINITY;
  return model.publishedParamsActive ?? model.publishedParamsTotal;
}

/** The architecture fields that set serving cost (not the id, name, sources or context window). */
function shapeOf(m: ModelArchitecture): string {
  const { numLayers, hiddenSize, numAttentionHeads, numKeyValueHeads, headDim, intermediateSize, ffnKind, moe, mla, slidingWindow, vocabSize, tieWordEmbeddings } = m;
  return JSON.stringify([numLayers, hiddenSize, numAttentionHeads, numKeyValueHeads, headDim, intermediateSize, ffnKind, moe, mla, slidingWindow, vocabSize, tieWordEmbeddings]);
}

/** Catalog models with the same architecture as `modelId` (Llama 3.3 70B and Llama 3.1 70B), itself excluded. */
export function sameArchitecture(modelId: string, catalog: Catalog): string[] {
  const model = catalog.models.get(modelId);
  if (model === undefined) return [];
  const shape = shapeOf(model);
  return [...catalog.models.values()].filter((m) => m.id !== modelId && shapeOf(m) === shape).map((m) => m.id).sort();
}

/** What a price point needs for the lookup below: its API model. */
export interface MappedPrice {
  apiModel: ApiModel;
}

export interface CatalogPriceMatch<P extends MappedPrice> {
  /** exact: price points of this model itself; sibling: of a model with the same architecture. */
  match: 'exact' | 'sibling';
  /** The catalog model whose API prices these are (differs from the asked id for a sibling). */
  pricedModelId: string;
  points: P[];
}

/**
 * The public API price points for a catalog model: its own (rows mapped to it exactly), else those
 * of its closest sibling (an API model served by this architecture, or a catalog model with the
 * same architecture that has exact prices). Stand-in rows never match: a closed model is not the
 * open model standing in for it. Null when nothing is priced.
 */
export function apiPricePointsFor<P extends MappedPrice>(modelId: string, points: readonly P[], catalog: Catalog): CatalogPriceMatch<P> | null {
  const exact = points.filter((p) => p.apiModel.catalog?.modelId === modelId && p.apiModel.catalog.kind === 'exact');
  if (exact.length > 0) return { match: 'exact', pricedModelId: modelId, points: exact };
  const direct = points.filter((p) => p.apiModel.catalog?.modelId === modelId);
  if (direct.length > 0) return { match: 'sibling', pricedModelId: modelId, points: direct };
  for (const other of sameArchitecture(modelId, catalog)) {
    const theirs = points.filter((p) => p.apiModel.catalog?.modelId === other);
    if (theirs.length > 0) return { match: 'sibling', pricedModelId: other, points: theirs };
  }
  return null;
}
