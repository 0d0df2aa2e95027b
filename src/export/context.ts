// What every export says about itself: the workload it was computed for (model, precision,
// tokens, latency limits, serving options), how it is priced, what it ranks by, and when. Shared
// by the CSV columns, the JSON header, the caption line of exported charts and the file names,
// so two scenarios never export to the same name and no file loses its context.

import { formatNumber, formatSeconds } from '../format/units';
import { EVIDENCE_MARK } from '../messages/evidence';
import type { Scenario } from '../scenario/scenario';
import type { Cell } from './csv';

/** The scenario fields an export describes (the workload without its chip). */
export type ExportSettings = Omit<Scenario, 'version' | 'hardware' | 'chips' | 'model'>;

export interface ExportContext {
  modelId: string;
  modelName: string;
  settings: ExportSettings;
  /** The result column the rows are ordered by; null when not ranked (chip lab, model sizes). */
  rankedBy: string | null;
  /** YYYY-MM-DD, the day of the export. */
  date: string;
  /** The one chip every chart of a view is about (the chip lab's); absent where rows name their chips. */
  subject?: string;
}

export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function speculation(s: ExportSettings): string {
  const spec = s.speculative;
  if (spec === null) return 'none';
  const how = spec.method === 'mtp' ? 'mtp' : `draft-model ${typeof spec.draftModel === 'string' ? spec.draftModel : spec.draftModel.id}`;
  return `${how}; ${spec.draftTokens} tokens; acceptance ${spec.acceptanceRate}`;
}

/** The objective as exports and CLI outputs write it: "max-throughput", or "batch 64". */
export function objectiveText(s: Pick<ExportSettings, 'objective'>): string {
  return typeof s.objective === 'object' ? `batch ${s.objective.batch}` : s.objective;
}

/** CSV columns of the context, appended to every row (raw numbers in SI units, as the result columns). */
export function contextHeader(includeModel = true): string[] {
  return [
    ...(includeModel ? ['model_id', 'model'] : []),
    'weights', 'activations', 'kv_cache', 'input_tokens', 'output_tokens', 'prefix_cache_hit_rate', 'arrivals',
    'max_ttft_s', 'max_tpot_s', 'objective', 'serving', 'speculative', 'pricing_mode', 'efficiency_mode', 'ranked_by', 'exported_on',
  ];
}

export function contextCells(c: ExportContext, includeModel = true): Cell[] {
  const s = c.settings;
  return [
    ...(includeModel ? [c.modelId, c.modelName] : []),
    s.precision.weights, s.precision.activations, s.precision.kvCache, s.workload.inputTokens, s.workload.outputTokens,
    s.workload.prefixCacheHitRate, s.workload.arrivals ?? 'saturated', s.slo.maxTtftSeconds, s.slo.maxTpotSeconds,
    objectiveText(s), s.serving, speculation(s), s.economics.pricing, s.efficiencyMode, c.rankedBy, c.date,
  ];
}

/** The context as a JSON object (the header of JSON exports). */
export function contextJson(c: ExportContext): Record<string, unknown> {
  return { model: { id: c.modelId, name: c.modelName }, rankedBy: c.rankedBy, exportedOn: c.date, settings: c.settings };
}

/** A file-name-safe piece of text: lower case, [a-z0-9.-] only, bounded. */
function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9.-]+/g, '-').replace(/\.{2,}/g, '.').replace(/^[-.]+|[-.]+$/g, '').slice(0, 60) || 'model';
}

/** "tokencost-compare_llama-3.1-70b_2048in-512out_2026-05-01.csv". */
export function exportFileName(kind: string, c: ExportContext | null, extension: string): string {
  if (c === null) return `tokencost-${slug(kind)}.${extension}`;
  const w = c.settings.workload;
  return `tokencost-${slug(kind)}_${slug(c.modelId)}_${w.inputTokens}in-${w.outputTokens}out_${c.date}.${extension}`;
}

export const EFFICIENCY_CAPTION: Readonly<Record<ExportSettings['efficiencyMode'], string>> = {
  achieved: "today's software",
  spec: 'silicon limit (kernel benchmarks)',
  claim: "vendors' claimed efficiencies",
};

/** A latency limit as captions write it: "≤ 2 s", or "no limit". */
export function limit(seconds: number | null): string {
  return seconds === null ? 'no limit' : `≤ ${formatSeconds(seconds)}`;
}

/** What the marks on chip names and prices mean, for an exported chart's caption. */
export const MARKS_CAPTION = `marks: * estimated spec, ${EVIDENCE_MARK.measured} measured, ${EVIDENCE_MARK.family} family fit, ${EVIDENCE_MARK.prior} prior, ${EVIDENCE_MARK.claim} claims only, ≈ rental estimated from TCO`;

/** The caption line of an exported chart: what was computed, how it is priced, and when. */
export function exportCaption(c: ExportContext): string {
  const s = c.settings;
  const p = s.precision;
  const precision = p.weights === p.activations && p.weights === p.kvCache ? p.weights : `${p.weights}/${p.activations}/${p.kvCache} (weights/activations/KV)`;
  const parts = [
    ...(c.subject === undefined ? [] : [c.subject]),
    `${c.modelName}, ${precision}`,
    `${formatNumber(s.workload.inputTokens, 6)} in / ${formatNumber(s.workload.outputTokens, 6)} out${s.workload.prefixCacheHitRate > 0 ? `, ${formatNumber(s.workload.prefixCacheHitRate * 100)}% prefix cache` : ''}`,
    `TTFT ${limit(s.slo.maxTtftSeconds)}, TPOT ${limit(s.slo.maxTpotSeconds)}`,
    `${s.economics.pricing === 'rental' ? 'rental' : 'TCO'} pricing, ${EFFICIENCY_CAPTION[s.efficiencyMode]}`,
  ];
  if (s.speculative !== null) parts.push(`speculative ${speculation(s)}`);
  if (s.serving === 'disaggregated') parts.push('disaggregated prefill/decode');
  if (s.workload.arrivals === 'poisson') parts.push('Poisson arrivals');
  if (typeof s.objective === 'object' || s.objective === 'min-latency') parts.push(objectiveText(s));
  // A chart's chip names and prices carry marks; the file says what they mean.
  parts.push(MARKS_CAPTION);
  parts.push(`tokencost, ${c.date}`);
  return parts.join(' · ');
}

/**
 * What an exported chart that is not about one workload says of itself (the Accuracy and Market
 * views): a caption line and the pieces of its file name, dated like the others.
 */
export interface ExportLabel {
  /** File-name pieces after the chart's name ("achieved" -> tokencost-accuracy_achieved_DATE.png). */
  stem: string[];
  /** What the chart shows and under which settings, without the date (added). */
  caption: string[];
  date: string;
}

export function labelFileName(kind: string, label: ExportLabel, extension: string): string {
  return `tokencost-${[slug(kind), ...label.stem.map(slug), label.date].join('_')}.${extension}`;
}

export function labelCaption(label: ExportLabel): string {
  return [...label.caption, `tokencost, ${label.date}`].join(' · ');
}
