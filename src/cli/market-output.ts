// `npm run market` output: a table a person reads in a terminal, one CSV row per point, or JSON.

import type { Decomposition } from '../market/decomposition';
import type { MarketPoint } from '../market/points';
import type { MarketReport } from '../market/report';
import { noPointsNote } from '../messages/market-no-points';
import { formatNumber, formatUsd, priceChangeText, priceFactorText } from '../format/units';

const usd = (v: number | null) => (v === null ? '—' : formatUsd(v));
const ratio = (v: number | null) => (v === null ? '—' : `${formatNumber(v, 3)}x`);

function grid(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

/** The floor with its range, as the page's band draws it: "$0.0066 ($0.0045–$0.0099)". */
function floorCell(p: MarketPoint): string {
  const r = p.uncertainty?.floorUsdPerRequest;
  return r === undefined || p.floorUsdPerRequest === null ? usd(p.floorUsdPerRequest) : `${usd(p.floorUsdPerRequest)} (${usd(r.low)}–${usd(r.high)})`;
}

function pointRow(p: MarketPoint): string[] {
  return [
    p.dateText, p.model.length > 40 ? `${p.model.slice(0, 39)}…` : p.model, p.capabilityScore === null ? '—' : String(p.capabilityScore),
    `${p.servedAsModelId}${p.weakerStandIn ? '*↓' : p.standIn ? '*' : ''}`, p.hardwareId ?? '—', p.precision ?? '—', p.pricing ?? '—',
    usd(p.apiUsdPerRequest), floorCell(p), ratio(p.marginRatio),
  ];
}

export function decompositionTable(d: Decomposition): string {
  // As the Market view writes them: ÷ for a factor that lowers the price, × for one that raises it.
  const factor = (v: number | null) => (v === null ? '—' : priceFactorText(v));
  const rows = d.factors.map((f) => [f.label, factor(f.ratio), factor(f.shapleyRatio), f.explanation]);
  return [
    `Decomposition: ${d.from.model} (${d.from.date}, ${usd(d.from.apiUsdPerRequest)}/request) → ${d.to.model} (${d.to.date}, ${usd(d.to.apiUsdPerRequest)}/request)`,
    `API price ${priceChangeText(d.totalRatio)}; the floor ${priceChangeText(d.floorRatio)}${d.threshold === null ? '' : ` (both points at MMLU ≥ ${d.threshold})`}.`,
    '',
    grid(['factor', 'waterfall', 'Shapley', 'what changes'], rows),
    '',
    d.dominant.text,
  ].join('\n');
}

export function marketTable(r: MarketReport): string {
  const empty = noPointsNote(r.notes);
  const parts = [
    `Workload: ${r.workload.inputTokens} input + ${r.workload.outputTokens} output tokens, ${r.workload.maxTtftSeconds === null ? 'no TTFT limit' : `TTFT ≤ ${formatNumber(r.workload.maxTtftSeconds * 1e3)} ms`}, ${r.workload.maxTpotSeconds === null ? 'no TPOT limit' : `TPOT ≤ ${formatNumber(r.workload.maxTpotSeconds * 1e3)} ms`}; prices and floors per request.`,
    '',
    // No rows: why (noPointsNote) in place of an empty header.
    ...(empty !== undefined ? [empty.text] : [
      grid(['date', 'model', 'MMLU', 'served as', 'chip', 'precision', 'priced', 'API', 'floor (low–high)', 'margin'], r.points.map(pointRow)),
      '* = open stand-in with the closest MMLU at or above the model\'s (the model is closed); *↓ = a weaker stand-in: none at the model\'s MMLU has a floor for this workload at that date, so this floor is not one of the same capability.',
    ]),
    '',
    // Each chip from its own first day (an era's chips arrive at different dates, as the page's era table lists them).
    `Eras: ${r.eras.map((e) => `${e.period}: ${e.chips.map((c) => `${c.short} from ${c.availableFrom}`).join(', ')}`).join('; ')}.`,
    '',
    // With no points there is nothing to decompose, for the reason already given.
    ...(empty !== undefined ? [] : [r.decomposition === null ? r.decompositionProblems.map((m) => m.text).join('\n') : decompositionTable(r.decomposition), '']),
    ...r.notes.filter((n) => n !== empty).map((n) => `note: ${n.text}`),
    ...r.problems.map((p) => `data: ${p}`),
  ];
  return `${parts.join('\n')}\n`;
}

/** The JSON of issue 14 (points, workload, decomposition) plus the era table, tiers, floor lines and notes. */
export function marketJson(r: MarketReport): string {
  return `${JSON.stringify({
    points: r.points,
    workload: r.workload,
    decomposition: r.decomposition,
    eras: r.eras,
    tiers: r.tiers,
    floorLines: r.floorLines,
    notes: r.notes,
    problems: [...r.problems, ...r.decompositionProblems.map((m) => m.text)],
  }, null, 2)}\n`;
}
