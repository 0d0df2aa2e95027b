// reference/api_prices.csv (a copy of ../shared/reference/api_prices.csv; how to read it:
// reference/api_prices.md) as typed rows. Pure and never throwing: text in, rows and problems out.

import { csvTable } from '../parse/csv';
import { parseDateText } from './dates';

export const API_PRICE_COLUMNS = [
  'date', 'provider', 'model', 'input_usd_per_mtok', 'output_usd_per_mtok', 'blended_usd_per_mtok',
  'blended_note', 'mmlu', 'series', 'source_ref',
] as const;

/** One price observation. Prices are USD per million tokens, as the file gives them. */
export interface ApiPriceRow {
  /** 1-based data row (header excluded): the row's stable id in reports. */
  row: number;
  /** As written: a day, or a month where only the month is known. */
  dateText: string;
  /** First day the date can mean (ISO). */
  date: string;
  provider: string;
  model: string;
  inputUsdPerMillionTokens: number | null;
  outputUsdPerMillionTokens: number | null;
  /** Epoch's 3:1 input:output blend (or a provider median) where the source gives one; never computed. */
  blendedUsdPerMillionTokens: number | null;
  blendedNote: string;
  mmlu: number | null;
  /** "list_price", or "epoch_cheapest_<bench>>=<threshold model>(score)". */
  series: string;
  sourceRef: string;
}

function number(text: string): number | null {
  if (text === '') return null;
  const v = Number(text);
  return Number.isFinite(v) && v >= 0 ? v : null;
}

export function parseApiPrices(text: string): { rows: ApiPriceRow[]; errors: string[] } {
  const table = csvTable(text, API_PRICE_COLUMNS);
  const errors = [...table.errors];
  const rows: ApiPriceRow[] = [];
  table.rows.forEach((cells, i) => {
    const where = `api_prices.csv row ${i + 1}`;
    const span = parseDateText(cells.date);
    if (span === null) {
      errors.push(`${where}: date "${cells.date}" is not YYYY-MM-DD or YYYY-MM`);
      return;
    }
    const row: ApiPriceRow = {
      row: i + 1,
      dateText: cells.date,
      date: span.start,
      provider: cells.provider,
      model: cells.model,
      inputUsdPerMillionTokens: number(cells.input_usd_per_mtok),
      outputUsdPerMillionTokens: number(cells.output_usd_per_mtok),
      blendedUsdPerMillionTokens: number(cells.blended_usd_per_mtok),
      blendedNote: cells.blended_note,
      mmlu: number(cells.mmlu),
      series: cells.series,
      sourceRef: cells.source_ref,
    };
    const hasPair = row.inputUsdPerMillionTokens !== null && row.outputUsdPerMillionTokens !== null;
    if (!hasPair && row.blendedUsdPerMillionTokens === null) {
      errors.push(`${where} (${row.model}): neither an input and output price nor a blended price`);
      return;
    }
    rows.push(row);
  });
  return { rows, errors };
}

/** A capability threshold of the sources: Epoch's "cheapest model at or above" MMLU series. */
export interface CapabilityTier {
  /** MMLU score a model must reach. */
  threshold: number;
  /** The model whose score set the threshold ("GPT-3.5 Turbo"). */
  model: string;
}

const TIER_SERIES = /^epoch_cheapest_MMLU>=(.+)\((\d+(?:\.\d+)?)\)$/;

/**
 * The MMLU tiers named by the series of the file (Epoch's thresholds: the score of GPT-3, GPT-3.5,
 * ...; api_prices.md), lowest first. Derived from the data so a new series is a new tier.
 */
export function capabilityTiers(rows: readonly ApiPriceRow[]): CapabilityTier[] {
  const byThreshold = new Map<number, string>();
  for (const r of rows) {
    const m = TIER_SERIES.exec(r.series);
    if (m) byThreshold.set(Number(m[2]), m[1]!);
  }
  return [...byThreshold.entries()].sort(([a], [b]) => a - b).map(([threshold, model]) => ({ threshold, model }));
}

/** The highest tier a score reaches; null below the lowest tier or without a score. */
export function tierOf(score: number | null, tiers: readonly CapabilityTier[]): CapabilityTier | null {
  if (score === null) return null;
  let found: CapabilityTier | null = null;
  for (const t of tiers) if (score >= t.threshold) found = t;
  return found;
}

/** True for the rows of an Epoch MMLU tier series (not the GPQA series: their points have no MMLU). */
export function isMmluSeries(series: string): boolean {
  return TIER_SERIES.test(series);
}
