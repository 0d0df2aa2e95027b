// What a link cut short may have lost: a link is a patch of its version's base written in the wire
// table's order (settings in their own order), so whatever it held after the last part that survived
// the cut is unknown. The notice names those parts, so a colleague knows which settings to ask about.
// Nothing is guessed about their values. Pure.

import { settingsField } from '../app-state/settings-fields';
import { isRecord } from '../parse/fields';

/** A setting's label as its field on the page reads, lower-cased to sit inside a sentence. */
function fieldLabel(id: string): string {
  const label = settingsField(id)!.label;
  return label.charAt(0).toLowerCase() + label.slice(1);
}

/** What each wire part (and each settings part) holds, in the words of the page. */
const PART_LABELS: Readonly<Record<string, string>> = {
  chips: 'custom chips',
  models: 'custom models',
  view: 'the open view',
  'settings.model': 'model',
  'settings.precision': 'precision',
  'settings.workload.inputTokens': fieldLabel('inputTokens'),
  'settings.workload.outputTokens': fieldLabel('outputTokens'),
  'settings.workload.prefixCacheHitRate': fieldLabel('prefixCacheHitRate'),
  'settings.workload.arrivals': 'arrivals',
  'settings.slo': 'latency limits',
  'settings.objective': 'objective',
  'settings.economics': 'pricing',
  'settings.efficiencyMode': 'efficiency',
  'settings.speculative': 'speculative decoding',
  'settings.serving': 'serving mode',
  'settings.layout': 'layout pins',
  'settings.engine': 'engine caps',
  picks: 'chips compared',
  rankBy: 'ranking column',
  frontierMetric: 'frontier axis',
  family: 'model-size family',
  sizes: 'model sizes',
  lab: 'chip lab',
  market: 'Market view selection',
  explain: 'open explanation',
  design: 'chip design',
};

/** A path's label: its own, else its nearest labelled parent's ("settings.economics.pue" is "pricing"). */
function labelOf(path: string): string | null {
  for (let p = path; p !== ''; p = p.slice(0, Math.max(0, p.lastIndexOf('.')))) {
    if (PART_LABELS[p] !== undefined) return PART_LABELS[p]!;
  }
  return null;
}

/**
 * Paths of `order` (a template whose key order is the wire's) that the cut may have taken: after the
 * last part `kept` holds, and inside that part when it is an object cut within (its later keys).
 */
function lostPaths(kept: unknown, order: unknown, prefix: string): string[] {
  if (!isRecord(order)) return [];
  const keys = Object.keys(order);
  const held = isRecord(kept) ? keys.filter((k) => Object.prototype.hasOwnProperty.call(kept, k)) : [];
  const last = held[held.length - 1];
  const from = last === undefined ? 0 : keys.indexOf(last) + 1;
  const path = (k: string) => (prefix === '' ? k : `${prefix}.${k}`);
  const inside = last !== undefined && isRecord((kept as Record<string, unknown>)[last]) && isRecord(order[last])
    ? lostPaths((kept as Record<string, unknown>)[last], order[last], path(last)) : [];
  return [...inside, ...keys.slice(from).flatMap((k) => (PART_LABELS[path(k)] === undefined && isRecord(order[k])
    ? lostPaths(undefined, order[k], path(k)) : [path(k)]))];
}

/**
 * The page's names of the parts a cut link may have held after its cut, in link order, each once.
 * `kept`: the readable part of the patch (json-prefix.ts); `order`: a wire in the link's key order.
 */
export function possiblyLostParts(kept: unknown, order: unknown): string[] {
  const labels = lostPaths(kept, order, '').map(labelOf).filter((l): l is string => l !== null);
  return [...new Set(labels)];
}
