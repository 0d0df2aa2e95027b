// Sliding-window and chunked attention. Configs state which layers are windowed in several ways
// (layer_types, a Gemma 3 pattern, Qwen's max_window_layers, Llama 4's no_rope_layers, or only by
// family convention); all of them become one list of per-layer flags, which fitWindowPattern then
// fits to the single period/globalPerPeriod pattern that SlidingWindowConfig can express.

import type { SlidingWindowConfig } from '../../engine/types';
import { describeValue } from '../../parse/fields';
import { MODEL_LIMITS } from '../../records/model-architecture';
import type { Config } from './config-reader';
import type { Family } from './families';

const L = MODEL_LIMITS;

/**
 * Fits per-layer "windowed" flags to the SlidingWindowConfig pattern (in every `period` layers the
 * last `globalPerPeriod` are full). Returns null when no layer is windowed.
 */
export function fitWindowPattern(windowed: readonly boolean[]): { period: number; globalPerPeriod: number; exact: boolean } | null {
  const n = windowed.length;
  const windowedCount = windowed.filter(Boolean).length;
  if (n === 0 || windowedCount === 0) return null;
  if (windowedCount === n) return { period: 1, globalPerPeriod: 0, exact: true };
  for (let period = 2; period <= n; period++) {
    for (let global = 1; global < period; global++) {
      let ok = true;
      for (let i = 0; i < n && ok; i++) {
        const expectWindowed = i % period < period - global;
        if (windowed[i] !== expectWindowed) ok = false;
      }
      if (ok) return { period, globalPerPeriod: global, exact: true };
    }
  }
  // Not periodic in that form: keep the share of full-attention layers.
  const fullShare = (n - windowedCount) / n;
  let best = { period: 2, globalPerPeriod: 1, err: Infinity };
  for (let period = 2; period <= 12; period++) {
    for (let global = 1; global < period; global++) {
      const err = Math.abs(global / period - fullShare);
      if (err < best.err - 1e-12) best = { period, globalPerPeriod: global, err };
    }
  }
  return { period: best.period, globalPerPeriod: best.globalPerPeriod, exact: false };
}

export interface WindowContext {
  cfg: Config;
  rawModelType: string | undefined;
  layers: number;
  context: number | undefined;
}

/** The window size, the field to blame in warnings, and which layers use the window. */
interface WindowedLayers {
  window: number | undefined;
  windowPath: string;
  windowed: boolean[] | undefined;
}

/** Which layers are windowed when a config has a sliding_window but no layer_types. */
type DefaultLayers = (ctx: WindowContext) => boolean[] | undefined;

const everyLayer: DefaultLayers = ({ layers }) => Array.from({ length: layers }, () => true);

/** Gemma 2 and gpt-oss alternate, starting with a windowed layer. */
const alternating: DefaultLayers = ({ layers }) => Array.from({ length: layers }, (_, i) => i % 2 === 0);

/** Qwen windows nothing unless use_sliding_window, and then only layers from max_window_layers on. */
const qwenLayers: DefaultLayers = ({ cfg, layers }) => {
  const use = cfg.bool('use_sliding_window') ?? false;
  if (!use) return undefined;
  const maxWindowLayers = cfg.int(['max_window_layers'], { min: 0, max: L.numLayers.max }, false) ?? 0;
  return Array.from({ length: layers }, (_, i) => i >= maxWindowLayers);
};

const gemma3Layers: DefaultLayers = ({ cfg, layers }) => {
  const pattern = cfg.int(['sliding_window_pattern'], { min: 1, max: L.numLayers.max }, false);
  const p = pattern ?? 6;
  if (pattern === undefined) cfg.log.warn(cfg.pathOf('sliding_window_pattern'), 'is missing; using the Gemma 3 default 6 (5 local layers : 1 global)');
  return Array.from({ length: layers }, (_, i) => (i + 1) % p !== 0);
};

function readSlidingWindow(defaultLayers: DefaultLayers): (ctx: WindowContext) => WindowedLayers {
  return (ctx) => {
    const { cfg, layers } = ctx;
    let window: number | undefined;
    let windowPath = cfg.pathOf('sliding_window');
    let windowed: boolean[] | undefined;
    const swHit = cfg.find('sliding_window');
    if (swHit !== undefined && swHit.value !== null && swHit.value !== false) {
      window = cfg.int(['sliding_window'], L.windowTokens, false);
      windowPath = swHit.path;
    }
    // Read (so not reported as ignored) even where the window is off and they have no effect.
    cfg.find('use_sliding_window');
    cfg.find('max_window_layers');
    cfg.find('sliding_window_pattern');
    const typesHit = cfg.find('layer_types');
    if (window !== undefined) {
      if (typesHit !== undefined && Array.isArray(typesHit.value)) {
        const list = typesHit.value;
        if (list.length !== layers) cfg.log.warn(typesHit.path, `has ${list.length} entries for ${layers} layers; missing layers are taken as full attention`);
        const unknown = list.filter((t) => t !== 'sliding_attention' && t !== 'full_attention' && t !== 'chunked_attention');
        if (unknown.length > 0) cfg.log.warn(typesHit.path, `contains unknown layer types (${[...new Set(unknown.map((u) => describeValue(u)))].join(', ')}); taken as full attention`);
        windowed = Array.from({ length: layers }, (_, i) => list[i] === 'sliding_attention' || list[i] === 'chunked_attention');
      } else {
        windowed = defaultLayers(ctx);
      }
    } else if (typesHit !== undefined && Array.isArray(typesHit.value) && typesHit.value.some((t) => t === 'sliding_attention')) {
      cfg.log.warn(typesHit.path, 'lists sliding_attention layers but sliding_window is missing; taken as full attention');
    }
    return { window, windowPath, windowed };
  };
}

/** Llama 4: chunked attention in the RoPE layers; every no_rope_layer_interval-th layer is global (NoPE). */
function readChunkedAttention({ cfg, layers }: WindowContext): WindowedLayers {
  let windowed: boolean[] | undefined;
  const window = cfg.int(['attention_chunk_size'], L.windowTokens, false);
  const windowPath = cfg.find('attention_chunk_size')?.path ?? cfg.pathOf('attention_chunk_size');
  cfg.find('no_rope_layer_interval');
  if (window !== undefined) {
    const noRope = cfg.find('no_rope_layers');
    const interval = cfg.int(['no_rope_layer_interval'], { min: 1, max: L.numLayers.max }, false) ?? 4;
    if (noRope !== undefined && Array.isArray(noRope.value) && noRope.value.length > 0) {
      const list = noRope.value;
      if (list.length !== layers) cfg.log.warn(noRope.path, `has ${list.length} entries for ${layers} layers; missing layers are taken as full attention`);
      // 1 = the layer uses RoPE and chunked attention; 0 = NoPE global attention.
      windowed = Array.from({ length: layers }, (_, i) => list[i] === 1 || list[i] === true);
    } else {
      windowed = Array.from({ length: layers }, (_, i) => (i + 1) % interval !== 0);
    }
  }
  return { window, windowPath, windowed };
}

const WINDOW_READERS: Record<Family, (ctx: WindowContext) => WindowedLayers> = {
  // qwen2 and qwen3 are Llama-style apart from Qwen's own window fields.
  llama: readSlidingWindow((ctx) => (ctx.rawModelType === 'qwen2' || ctx.rawModelType === 'qwen3' ? qwenLayers(ctx) : everyLayer(ctx))),
  'qwen-moe': readSlidingWindow(qwenLayers),
  mixtral: readSlidingWindow(everyLayer),
  deepseek: readSlidingWindow(everyLayer),
  gptj: readSlidingWindow(everyLayer),
  'gpt-oss': readSlidingWindow(alternating),
  // Gemma 1 has no windowed layers, whatever sliding_window says.
  gemma: readSlidingWindow(() => undefined),
  gemma2: readSlidingWindow(alternating),
  gemma3: readSlidingWindow(gemma3Layers),
  llama4: readChunkedAttention,
};

/** The sliding-window (or chunked-attention) config of a family's layers; null when none applies. */
export function readWindow(family: Family, ctx: WindowContext): SlidingWindowConfig | null {
  const { window, windowPath, windowed } = WINDOW_READERS[family](ctx);
  if (window === undefined || windowed === undefined) return null;
  const { cfg, context } = ctx;
  if (context !== undefined && window >= context) {
    cfg.log.warn(windowPath, `is ${window}, not below the context length ${context}; every layer is taken as full attention`);
    return null;
  }
  const fit = fitWindowPattern(windowed);
  if (fit === null) return null;
  if (!fit.exact) {
    cfg.log.warn(windowPath, `layer pattern is not periodic; approximated as ${fit.globalPerPeriod} full-attention layer(s) in every ${fit.period}`);
  }
  return { windowTokens: window, period: fit.period, globalPerPeriod: fit.globalPerPeriod };
}
