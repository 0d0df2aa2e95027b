// The API price points of the Market view: every list-price row of api_prices.csv, plus the rows of
// Epoch's MMLU series for models no list-price row covers (Llama 2 7B and 13B), each with its
// capability score, tier, API model and the catalog model that serves it.

import type { Catalog } from '../catalog/catalog';
import { MARKET } from '../messages/market';
import { apiModelNamed, rankStandIns, type ApiModel, type ServedKind, type StandInCandidate, type StandInChoice } from './api-models';
import { capabilityTiers, isMmluSeries, tierOf, type ApiPriceRow, type CapabilityTier } from './api-prices';
import type { HistoryRow } from './market-history';
import { compareText } from '../format/compare-text';

export interface PricePoint {
  /** Stable id (date and slug of provider and model): what links and --from-point name. */
  id: string;
  row: ApiPriceRow;
  apiModel: ApiModel;
  /** MMLU, and where it comes from when api_prices.csv has none on this row. */
  capabilityScore: number | null;
  scoreBasis: string;
  tier: CapabilityTier | null;
  servedAsModelId: string;
  servedKind: ServedKind;
  /** Why this catalog model serves the point (sibling architecture, stand-in rule). */
  servedBasis: string;
  /** Closed models: the stand-ins in order of preference (the first is servedAsModelId). */
  standIns: StandInChoice[];
}

/** Lowercase words joined by '-' (ids of points and of estimate models). */
export function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** "2024-04-18-groq-llama-3-70b-instruct-llama3-70b-8192"; the provider is left out for Epoch's frontier label. */
export function pointId(row: ApiPriceRow): string {
  const provider = row.provider === 'cheapest qualifying model' ? '' : row.provider;
  return `${row.dateText}-${slug(`${provider} ${row.model}`)}`.slice(0, 96);
}

export interface PricePointsResult {
  points: PricePoint[];
  tiers: CapabilityTier[];
  /** Rows whose model the mapping (api-models.ts) does not know, and other problems. */
  problems: string[];
}

/** Score of a row: its own MMLU, else the market_history.csv MMLU row the mapping names, else another row of the same model. */
function scoreOf(row: ApiPriceRow, model: ApiModel, rows: readonly { row: ApiPriceRow; model: ApiModel }[], history: readonly HistoryRow[]): { score: number | null; basis: string } {
  if (row.mmlu !== null) return { score: row.mmlu, basis: MARKET.scoreOwnRow(row.row).text };
  if (model.scoreItem !== undefined) {
    const h = history.find((r) => r.kind === 'model_estimate' && r.item === model.scoreItem && r.number !== null);
    if (h !== undefined) return { score: h.number, basis: MARKET.scoreHistoryRow(h.row, h.item).text };
  }
  const same = rows.find((r) => r.model.key === model.key && r.row.mmlu !== null);
  if (same !== undefined) return { score: same.row.mmlu, basis: MARKET.scoreSameModel(same.row.row, same.row.model).text };
  return { score: null, basis: MARKET.scoreNone().text };
}

export function pricePoints(rows: readonly ApiPriceRow[], history: readonly HistoryRow[], catalog: Catalog): PricePointsResult {
  const problems: string[] = [];
  const tiers = capabilityTiers(rows);
  const mapped: { row: ApiPriceRow; model: ApiModel }[] = [];
  const used = rows.filter((r) => r.series === 'list_price' || isMmluSeries(r.series));
  for (const row of used) {
    const model = apiModelNamed(row.model);
    if (model === undefined) problems.push(`api_prices.csv row ${row.row}: "${row.model}" is not in the mapping of API models (src/market/api-models.ts)`);
    else mapped.push({ row, model });
  }
  // Epoch's series repeat models the list prices already cover (often with later prices): keep a
  // series row only for a model with no list-price row, once per date.
  const listed = new Set(mapped.filter((m) => m.row.series === 'list_price').map((m) => m.model.key));
  const seen = new Set<string>();
  const kept = mapped.filter(({ row, model }) => {
    if (row.series === 'list_price') return true;
    const key = `${model.key}|${row.dateText}`;
    if (listed.has(model.key) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });

  const scored = kept.map((m) => ({ ...m, ...scoreOf(m.row, m.model, mapped, history) }));
  // An open model is available from its release, else its first price row (a stand-in never serves
  // a price set before it existed): Llama 2 70B, out in July 2023, was priced from December only.
  const availableFrom = new Map<string, string>();
  for (const s of scored) {
    const c = s.model.catalog;
    if (c === null) continue;
    const from = s.model.releasedOn !== undefined && compareText(s.model.releasedOn, s.row.date) < 0 ? s.model.releasedOn : s.row.date;
    const first = availableFrom.get(c.modelId);
    if (first === undefined || compareText(from, first) < 0) availableFrom.set(c.modelId, from);
  }
  const candidates: StandInCandidate[] = [];
  for (const s of scored) {
    const c = s.model.catalog;
    if (c === null || s.score === null) continue;
    if (!candidates.some((x) => x.modelId === c.modelId && x.score === s.score)) {
      candidates.push({ modelId: c.modelId, score: s.score, label: s.row.model, availableFrom: availableFrom.get(c.modelId)! });
    }
  }

  const points: PricePoint[] = [];
  const ids = new Set<string>();
  for (const s of scored) {
    const served = servedAs(s.model, s.score, candidates.filter((x) => compareText(x.availableFrom, s.row.date) <= 0), catalog);
    if (served === null) {
      problems.push(`api_prices.csv row ${s.row.row}: no catalog model can serve "${s.row.model}" (closed, and no open model has a score to stand in)`);
      continue;
    }
    let id = pointId(s.row);
    for (let n = 2; ids.has(id); n++) id = `${pointId(s.row)}-${n}`;
    ids.add(id);
    points.push({
      id,
      row: s.row,
      apiModel: s.model,
      capabilityScore: s.score,
      scoreBasis: s.basis,
      tier: tierOf(s.score, tiers),
      ...served,
    });
  }
  points.sort((a, b) => compareText(a.row.date, b.row.date) || a.row.row - b.row.row);
  return { points, tiers, problems };
}

/** How a stand-in serves a point, in words. */
export function standInBasis(score: number, choice: StandInChoice, unservedAbove?: StandInChoice): string {
  const k = choice.candidate;
  if (choice.below && unservedAbove !== undefined) {
    const a = unservedAbove.candidate;
    return MARKET.standInBelowServable(score, a.label, a.score, k.label, k.score, k.modelId).text;
  }
  return (choice.below ? MARKET.standInBelow : MARKET.standIn)(score, k.label, k.score, k.modelId).text;
}

function servedAs(model: ApiModel, score: number | null, candidates: readonly StandInCandidate[], catalog: Catalog): Pick<PricePoint, 'servedAsModelId' | 'servedKind' | 'servedBasis' | 'standIns'> | null {
  const c = model.catalog;
  if (c !== null) {
    if (!catalog.models.has(c.modelId)) return null;
    return {
      servedAsModelId: c.modelId,
      servedKind: c.kind,
      servedBasis: (c.kind === 'exact' ? MARKET.servedExact() : MARKET.servedSibling(c.why ?? 'same architecture')).text,
      standIns: [],
    };
  }
  if (score === null) return null;
  const standIns = rankStandIns(score, candidates.filter((x) => catalog.models.has(x.modelId)), catalog);
  const choice = standIns[0];
  if (choice === undefined) return null;
  return { servedAsModelId: choice.modelId, servedKind: 'stand-in', servedBasis: standInBasis(score, choice), standIns };
}
