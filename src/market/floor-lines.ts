// The floor of one fixed model over time, on the best chip of each era: how far hardware, precision
// and serving software alone lowered the cost of the same model. Steps at every date the inputs
// change (an era starts, a chip arrives, a format or serving feature ships, a rental quote
// changes), drawn to the end of the year the last chip of the table arrives: past the last price.

import type { Catalog } from '../catalog/catalog';
import type { Evaluator } from './evaluate';
import { bestFloor } from './floor';
import type { MarketData } from './market-data';
import type { MarketOptions } from './options';

export interface FloorLinePoint {
  modelId: string;
  /** ISO day the step starts. */
  date: string;
  /** USD per million tokens of the workload (floor per request ÷ its tokens): the chart's unit. */
  usdPerMillionTokens: number;
  floorUsdPerRequest: number;
  hardwareId: string;
  era: string;
  precision: string;
  serving: string;
}

/** Dates the floor's inputs change, from the first era's start to the end of the last chip's year. */
export function changeDates(data: MarketData): { dates: string[]; end: string } {
  const dates = new Set<string>();
  let last = '';
  for (const era of data.eras) {
    dates.add(era.start);
    for (const chip of era.chips) {
      dates.add(chip.availableFrom);
      if (chip.availableFrom > last) last = chip.availableFrom;
      for (const q of data.rentals.get(chip.hardwareId) ?? []) dates.add(q.from);
    }
  }
  for (const s of [...data.precisionSteps, ...data.servingSteps]) if (s.date !== null) dates.add(s.date);
  const first = data.eras[0]?.start ?? '';
  const end = last === '' ? '' : `${last.slice(0, 4)}-12-31`;
  return { dates: [...dates].filter((d) => d >= first && d <= end).sort(), end };
}

/** One step line per model (its last point repeated at the end date); a date without a feasible chip is a gap. */
export function floorLine(data: MarketData, modelId: string, options: MarketOptions, catalog: Catalog, evaluate: Evaluator): FloorLinePoint[] {
  const { dates, end } = changeDates(data);
  const tokens = options.workload.inputTokens + options.workload.outputTokens;
  const out: FloorLinePoint[] = [];
  for (const date of dates) {
    const { floor } = bestFloor(data, date, modelId, options.workload, catalog, evaluate);
    if (floor === null) continue;
    const usd = floor.evaluation.floorUsdPerRequest;
    const point: FloorLinePoint = {
      modelId, date, usdPerMillionTokens: (usd / tokens) * 1e6, floorUsdPerRequest: usd, hardwareId: floor.setting.hardwareId,
      era: floor.setting.era.label, precision: floor.setting.precision.label, serving: floor.setting.serving.label,
    };
    const prev = out[out.length - 1];
    // Unchanged steps add nothing to a step line.
    if (prev === undefined || prev.usdPerMillionTokens !== point.usdPerMillionTokens || prev.hardwareId !== point.hardwareId) out.push(point);
  }
  const lastPoint = out[out.length - 1];
  if (lastPoint !== undefined && end !== '' && lastPoint.date < end) out.push({ ...lastPoint, date: end });
  return out;
}
