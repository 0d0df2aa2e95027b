// Presets for the questions users bring (issue 13 item 17): each sets up a whole scenario (view,
// workload, chips, ranking) from the defaults, keeping the user's custom chips and models. What
// to look at afterwards is in src/messages/questions.ts under the same id.

import type { Catalog } from '../catalog/catalog';
import type { RankKey } from '../engine/analysis/rank';
import type { AppState, ChipCount, WorkloadSettings } from './app-state';
import { defaultChipCount, defaultSettings } from './defaults';

export interface Question {
  id: string;
  view: 'compare' | 'model-size';
  model: string;
  settings?: (s: WorkloadSettings) => WorkloadSettings;
  /** Chips compared, with how many each may use (default: the chip's usual count). */
  picks: readonly (readonly [string, ChipCount?])[];
  rankBy: RankKey;
  family?: 'dense' | 'moe';
}

const tokens = (inputTokens: number, outputTokens: number, prefixCacheHitRate = 0) =>
  (s: WorkloadSettings): WorkloadSettings => ({ ...s, workload: { ...s.workload, inputTokens, outputTokens, prefixCacheHitRate } });

export const QUESTIONS: readonly Question[] = [
  {
    id: 'asic-vs-b200',
    view: 'compare', model: 'llama-3.1-70b', rankBy: 'usdPerMillionOutputTokens',
    picks: [['nvidia-b200'], ['etched-sohu'], ['matx-one'], ['nvidia-gb200-nvl72']],
  },
  {
    id: 'fast-inference-300',
    view: 'compare', model: 'llama-3.1-70b', rankBy: 'usdPerMillionOutputTokens',
    // 300 tokens/s per user = at most 1/300 s per output token.
    settings: (s) => ({ ...s, slo: { ...s.slo, maxTpotSeconds: 1 / 300 } }),
    picks: [['groq-lpu', 'auto'], ['cerebras-cs3', 'auto'], ['sambanova-sn40l', 'auto'], ['nvidia-h200-sxm'], ['nvidia-b200'], ['nvidia-gb200-nvl72']],
  },
  {
    id: 'nvl72-vs-box',
    view: 'compare', model: 'deepseek-v3', rankBy: 'usdPerMillionOutputTokens',
    picks: [['nvidia-gb200-nvl72', 72], ['nvidia-b200', 8], ['nvidia-b300', 8]],
  },
  {
    id: 'distil-70b-to-8b',
    view: 'model-size', model: 'llama-3.1-70b', rankBy: 'usdPerMillionOutputTokens', family: 'dense',
    picks: [['nvidia-h100-sxm'], ['nvidia-h200-sxm'], ['nvidia-b200'], ['amd-mi300x'], ['google-tpu-v6e']],
  },
  {
    id: 'prompt-caching-rag',
    view: 'compare', model: 'llama-3.1-70b', rankBy: 'usdPerMillionOutputTokens',
    // A RAG request: a long retrieved context, a short answer; most of the prompt (system prompt,
    // shared documents) served from the prefix cache.
    settings: tokens(8192, 256, 0.75),
    picks: [['nvidia-h100-sxm'], ['nvidia-h200-sxm'], ['nvidia-b200'], ['amd-mi300x'], ['google-tpu-v6e'], ['aws-trainium2']],
  },
  {
    id: 'long-context-128k',
    view: 'compare', model: 'llama-3.1-70b', rankBy: 'usdPerMillionOutputTokens',
    // 120k tokens of chat history plus the answer, inside the model's 128k window; a first token
    // within 30 s is what long-context chat tolerates.
    settings: (s) => ({ ...tokens(120_000, 1_000)(s), slo: { maxTtftSeconds: 30, maxTpotSeconds: 0.05 } }),
    picks: [['nvidia-h200-sxm'], ['nvidia-b200'], ['nvidia-gb200-nvl72'], ['amd-mi300x'], ['amd-mi355x'], ['google-tpu-v6e'], ['cerebras-cs3', 'auto']],
  },
];

const BY_ID: ReadonlyMap<string, Question> = new Map(QUESTIONS.map((q) => [q.id, q]));

export function question(id: string): Question | undefined {
  return BY_ID.get(id);
}

/** The state a question sets up: defaults plus the question's settings; custom chips and models are kept. */
export function askQuestion(state: AppState, q: Question, catalog: Catalog, views: ReadonlySet<string>): AppState {
  if (!catalog.models.has(q.model)) return state;
  const settings = (q.settings ?? ((s) => s))({ ...defaultSettings(), model: q.model });
  const picks: AppState['compare']['picks'] = [];
  for (const [id, chips] of q.picks) {
    const chip = catalog.hardware.get(id);
    if (chip === undefined || picks.some((p) => p.id === id)) continue;
    picks.push({ id, chips: chips ?? defaultChipCount(chip) });
  }
  if (picks.length === 0) return state;
  return {
    ...state,
    view: views.has(q.view) ? q.view : state.view,
    settings,
    compare: { ...state.compare, picks, rankBy: q.rankBy },
    modelSize: { ...state.modelSize, family: q.family ?? state.modelSize.family },
    explain: null,
  };
}
