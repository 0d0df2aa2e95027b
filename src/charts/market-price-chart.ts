// Price over time (issue 14): API prices per request as $ per million tokens of the workload,
// coloured by capability tier (the sources' MMLU thresholds), each with its cost floor below it
// (the rule between them is the margin), the eras of the hardware as bands, and the floor of the
// decomposition's two models on the best chip of each date as step lines. Log y.

import { formatNumber } from '../format/units';
import type { TopLevelSpec } from 'vega-lite';
import type { CapabilityTier } from '../market/api-prices';
import type { FloorLinePoint } from '../market/floor-lines';
import type { MarketPoint } from '../market/points';
import { groupedInteger } from '../format/decimal';
import type { EraSummary } from '../market/report';
import { eraChipNames } from '../market/eras';
import { CHART_CONFIG, CHART_HEIGHT, FORMAT, USD_LOG_LABEL_EXPR, WIDE, sideLegend, type ChartLayout, type LayerEntry } from './chart-theme';

export interface MarketPriceChartInput {
  points: readonly MarketPoint[];
  tiers: readonly CapabilityTier[];
  eras: readonly EraSummary[];
  floorLines: readonly FloorLinePoint[];
  /** Names of the floor lines' models, by id. */
  modelNames: ReadonlyMap<string, string>;
  workload: { inputTokens: number; outputTokens: number };
  fromId: string | null;
  toId: string | null;
  layout?: ChartLayout;
}

/** Okabe-Ito colours (colour-blind safe), lowest tier first; grey for points without a score. */
const TIER_COLORS = ['#e69f00', '#56b4e9', '#009e73', '#cc79a7', '#0072b2', '#d55e00'];
export const NO_TIER = 'no MMLU score';

export function tierLabel(threshold: number | null, model: string | null): string {
  return threshold === null ? NO_TIER : `MMLU ≥ ${threshold} (${model})`;
}

export interface PriceRow {
  id: string;
  date: string;
  model: string;
  provider: string;
  tier: string;
  score: string;
  apiPerMillion: number;
  floorPerMillion: number | null;
  apiPerRequest: number;
  floorPerRequest: number | null;
  margin: string;
  servedAs: string;
  hardware: string;
  era: string;
  precision: string;
  pricing: string;
  serving: string;
  notes: string;
  sources: string;
  role: string;
  bandLow: number | null;
  bandHigh: number | null;
}

const perMillion = (usd: number, tokens: number) => (usd / tokens) * 1e6;

/** "api_prices.csv row 5 · market_history.csv rows 2, 39": the rows behind a point, for its tooltip. */
export function shortSources(sources: readonly string[]): string {
  const rows = new Map<string, number[]>();
  for (const s of sources) {
    for (const m of s.matchAll(/(api_prices|market_history)\.csv row (\d+)/g)) {
      const list = rows.get(m[1]!) ?? [];
      if (!list.includes(Number(m[2]))) list.push(Number(m[2]));
      rows.set(m[1]!, list);
    }
  }
  return [...rows.entries()].map(([file, n]) => `${file}.csv row${n.length > 1 ? 's' : ''} ${n.sort((a, b) => a - b).join(', ')}`).join(' · ');
}

export function priceRows(input: MarketPriceChartInput): PriceRow[] {
  const tokens = input.workload.inputTokens + input.workload.outputTokens;
  return input.points.map((p) => {
    const band = p.uncertainty?.floorUsdPerRequest ?? null;
    return {
      id: p.id,
      date: p.date,
      model: p.model,
      provider: p.provider,
      tier: tierLabel(p.tierThreshold, p.tier),
      score: p.capabilityScore === null ? '—' : `${p.capabilityScore} (${p.scoreBasis})`,
      apiPerMillion: perMillion(p.apiUsdPerRequest, tokens),
      floorPerMillion: p.floorUsdPerRequest === null ? null : perMillion(p.floorUsdPerRequest, tokens),
      apiPerRequest: p.apiUsdPerRequest,
      floorPerRequest: p.floorUsdPerRequest,
      margin: p.marginRatio === null ? '—' : `${formatNumber(p.marginRatio)}x`,
      servedAs: `${p.servedAsName}${p.weakerStandIn ? ' (weaker open stand-in: none of its MMLU serves here)' : p.standIn ? ' (open stand-in)' : ''}`,
      hardware: p.hardwareName ?? '—',
      era: p.era ?? '—',
      precision: p.precision ?? '—',
      pricing: p.pricing === null ? '—' : p.rentalUsdPerChipHour !== null ? `rental, $${p.rentalUsdPerChipHour}/GPU-hour` : 'TCO (owning cost)',
      serving: p.serving ?? '—',
      notes: p.notes.map((n) => n.text).join(' · ') || '—',
      sources: shortSources(p.sources),
      role: p.id === input.fromId ? 'from' : p.id === input.toId ? 'to' : '',
      bandLow: band === null ? null : perMillion(band.low, tokens),
      bandHigh: band === null ? null : perMillion(band.high, tokens),
    };
  });
}

interface EraRow { start: string; end: string; label: string; shade: number }

/** Band per era, named by its chips (narrow charts: by its first chip, so neighbouring names do not overlap). */
function eraRows(eras: readonly EraSummary[], end: string, compact: boolean): EraRow[] {
  // An era that starts after the last date drawn has no band on this axis: its name would sit past the edge.
  return eras.filter((e) => e.start < end).map((e, i, shown) => ({
    start: e.start, end: shown[i + 1]?.start ?? end, shade: i % 2,
    label: compact ? (e.chips[0]?.short ?? e.label) : eraChipNames(e),
  }));
}

interface LineRow { date: string; perMillion: number; model: string; hardware: string; era: string; precision: string; serving: string }

export function marketPriceChart(input: MarketPriceChartInput): TopLevelSpec {
  const layout = input.layout ?? WIDE;
  const rows = priceRows(input);
  const lines: LineRow[] = input.floorLines.map((l) => ({
    date: l.date, perMillion: l.usdPerMillionTokens, model: `${input.modelNames.get(l.modelId) ?? l.modelId}`,
    hardware: l.hardwareId, era: l.era, precision: l.precision, serving: l.serving,
  }));
  const end = input.floorLines.reduce((m, l) => (l.date > m ? l.date : m), rows.reduce((m, r) => (r.date > m ? r.date : m), ''));
  const eras = eraRows(input.eras, end || '2026-12-31', layout.compact);
  const tierDomain = [...input.tiers.map((t) => tierLabel(t.threshold, t.model)), NO_TIER].filter((t) => rows.some((r) => r.tier === t));
  const tierRange = tierDomain.map((t) => (t === NO_TIER ? '#9aa0a6' : TIER_COLORS[input.tiers.findIndex((x) => tierLabel(x.threshold, x.model) === t) % TIER_COLORS.length]!));
  const values = [...rows.flatMap((r) => [r.apiPerMillion, r.floorPerMillion ?? r.apiPerMillion]), ...lines.map((l) => l.perMillion)].filter((v) => v > 0);
  const lo = values.length > 0 ? Math.min(...values) / 2 : 0.001;
  const hi = values.length > 0 ? Math.max(...values) * 2 : 100;
  const x = { field: 'date', type: 'temporal', title: null, axis: { format: '%Y', tickCount: 'year', grid: false } } as const;
  const y = {
    field: 'apiPerMillion', type: 'quantitative' as const,
    title: layout.compact ? '$ per million tokens, log' : `$ per million tokens (${groupedInteger(input.workload.inputTokens)} in + ${groupedInteger(input.workload.outputTokens)} out per request), log`,
    scale: { type: 'log' as const, domain: [lo, hi], nice: false }, axis: { labelExpr: USD_LOG_LABEL_EXPR },
  };
  const tooltip = [
    { field: 'model', title: 'API model' },
    { field: 'provider', title: 'Provider' },
    { field: 'date', type: 'temporal', title: 'Date', format: '%Y-%m-%d' },
    { field: 'tier', title: 'Capability tier' },
    { field: 'score', title: 'MMLU' },
    { field: 'apiPerRequest', title: 'API price per request ($)', format: FORMAT.tooltip },
    { field: 'floorPerRequest', title: 'Floor per request ($)', format: FORMAT.tooltip },
    { field: 'margin', title: 'Margin (API ÷ floor)' },
    { field: 'servedAs', title: 'Served as' },
    { field: 'hardware', title: 'Chip' },
    { field: 'era', title: 'Era' },
    { field: 'precision', title: 'Precision' },
    { field: 'pricing', title: 'Chip-hour priced by' },
    { field: 'serving', title: 'Serving' },
    { field: 'notes', title: 'Notes' },
    { field: 'sources', title: 'Sources' },
  ] as const;
  const hasBand = rows.some((r) => r.bandLow !== null);
  const layers: LayerEntry[] = [
    {
      data: { name: 'eras' },
      mark: { type: 'rect', opacity: 1 },
      encoding: {
        x: { ...x, field: 'start' }, x2: { field: 'end' },
        fill: { condition: { test: 'datum.shade === 1', value: '#eef1f4' }, value: '#f8f9fa' },
        tooltip: [{ field: 'label', title: 'Hardware era' }, { field: 'start', type: 'temporal', title: 'From', format: '%Y-%m' }],
      },
    },
    {
      data: { name: 'eras' },
      // One chip per line: a short era (2024: MI300X, H200) has no room for its names side by side.
      mark: { type: 'text', align: 'left', baseline: 'top', dx: 3, y: 3, fontSize: layout.compact ? 9 : 10, color: '#5f6368', limit: layout.compact ? 60 : 140, lineBreak: ', ' },
      encoding: { x: { ...x, field: 'start' }, text: { field: 'label' } },
    },
    {
      data: { name: 'points' },
      transform: [{ filter: 'isValid(datum.floorPerMillion)' }],
      mark: { type: 'rule', color: '#9aa0a6', strokeWidth: 1 },
      encoding: { x, y: { ...y, field: 'floorPerMillion' }, y2: { field: 'apiPerMillion' } },
    },
    ...(hasBand ? [{
      data: { name: 'points' },
      transform: [{ filter: 'isValid(datum.bandLow)' }],
      mark: { type: 'rule', color: '#202124', strokeWidth: 3, opacity: 0.35 },
      encoding: { x, y: { ...y, field: 'bandLow' }, y2: { field: 'bandHigh' } },
    } as LayerEntry] : []),
    // No pair decomposed (a limit no chip meets): no floor lines, and no empty "Floor of one model" legend.
    ...(lines.length === 0 ? [] : [{
      data: { name: 'lines' },
      mark: { type: 'line', interpolate: 'step-after', color: '#3c4043', strokeWidth: 1.5 },
      encoding: {
        x, y: { ...y, field: 'perMillion' },
        // The "from" model's line solid, the "to" model's dashed, whichever name sorts first (floor lines come in that order).
        strokeDash: {
          field: 'model', type: 'nominal', title: 'Floor of one model', legend: sideLegend(layout, 'Floor of one model'),
          scale: { domain: [...new Set(lines.map((l) => l.model))], range: [[1, 0], [6, 3]] },
        },
        tooltip: [{ field: 'model', title: 'Model' }, { field: 'date', type: 'temporal', title: 'From', format: '%Y-%m-%d' }, { field: 'perMillion', title: '$/M tokens', format: FORMAT.tooltipUsd }, { field: 'hardware', title: 'Chip' }, { field: 'precision', title: 'Precision' }, { field: 'serving', title: 'Serving' }],
      },
    } as LayerEntry]),
    {
      data: { name: 'points' },
      transform: [{ filter: 'isValid(datum.floorPerMillion)' }],
      mark: { type: 'point', shape: 'square', filled: true, size: layout.compact ? 30 : 40, color: '#202124', cursor: 'pointer' },
      encoding: { x, y: { ...y, field: 'floorPerMillion' }, tooltip: [...tooltip] },
    },
    {
      data: { name: 'points' },
      mark: { type: 'point', filled: true, size: layout.compact ? 60 : 80, opacity: 0.95, stroke: '#ffffff', strokeWidth: 0.7, cursor: 'pointer' },
      encoding: {
        x, y,
        color: { field: 'tier', type: 'nominal', scale: { domain: tierDomain, range: tierRange }, legend: sideLegend(layout, 'API price by tier') },
        tooltip: [...tooltip],
      },
    },
    {
      data: { name: 'points' },
      transform: [{ filter: "datum.role !== ''" }],
      mark: { type: 'point', filled: false, size: 260, stroke: '#202124', strokeWidth: 2 },
      encoding: { x, y },
    },
    // "from"/"to" drawn twice, the first as a white halo: among dense points (a narrow chart) the label stays readable.
    {
      data: { name: 'points' },
      transform: [{ filter: "datum.role !== ''" }],
      mark: { type: 'text', dy: -14, fontSize: 11, fontWeight: 600, color: '#ffffff', stroke: '#ffffff', strokeWidth: 4, strokeJoin: 'round' },
      encoding: { x, y, text: { field: 'role' } },
    },
    {
      data: { name: 'points' },
      transform: [{ filter: "datum.role !== ''" }],
      mark: { type: 'text', dy: -14, fontSize: 11, fontWeight: 600, color: '#202124' },
      encoding: { x, y, text: { field: 'role' } },
    },
  ];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: layout.compact ? 'API price vs cost floor' : 'API price against the cost floor of serving it, per million tokens of a request',
      subtitle: layout.compact
        ? ['Dots: API prices by tier. Squares: floors.', 'Grey rule: the margin. Click two points.']
        : ['Dots: API prices by capability tier. Black squares: the cost floor on the best chip of that date;',
          'the grey rule between them is the margin. Lines: the floor of the two picked models over time.',
          'Shaded bands: hardware eras. Click two points to decompose the fall between them.'],
    },
    width: 'container',
    height: layout.compact ? 360 : CHART_HEIGHT + 120,
    config: CHART_CONFIG,
    // Every dataset must be used by a layer: the lines only when there are some.
    datasets: {
      eras: eras as unknown as Record<string, unknown>[], points: rows as unknown as Record<string, unknown>[],
      ...(lines.length === 0 ? {} : { lines: lines as unknown as Record<string, unknown>[] }),
    },
    layer: layers,
  } as TopLevelSpec;
}
