// The rental price of a chip-hour at a date, from the rental_price rows of market_history.csv: the
// most recent price quoted on or before the date; the lowest where several share that date (a
// provider buying at volume takes the cheapest contract on offer). Breakeven levels and proposals
// are analyses, not prices, and ranges without a value say too little: neither is used. Where no
// row applies the floor is priced by the engine's TCO (issue 14: "rental price where
// market_history.csv has one, else TCO").

import { citeHistoryRow, type HistoryRow } from './market-history';
import { compareText } from '../format/compare-text';

export interface RentalQuote {
  usdPerChipHour: number;
  cite: string;
  /** ISO day the quote applies from. */
  from: string;
}

const NOT_A_PRICE = /breakeven|proposal/i;

/** Usable quotes for a chip: rows whose item starts with `prefix` ("NVIDIA H100"). */
export function rentalQuotes(history: readonly HistoryRow[], prefix: string): RentalQuote[] {
  return history
    .filter((r) => r.kind === 'rental_price' && r.unit === 'USD/GPU-hour' && r.number !== null && r.date !== null
      && r.item.startsWith(prefix) && !NOT_A_PRICE.test(r.item))
    .map((r) => ({ usdPerChipHour: r.number!, cite: citeHistoryRow(r), from: r.date!.start }))
    .sort((a, b) => compareText(a.from, b.from) || a.usdPerChipHour - b.usdPerChipHour);
}

/** The quote in force at `date`, or null (then TCO). */
export function rentalAt(quotes: readonly RentalQuote[], date: string): RentalQuote | null {
  let latest: RentalQuote | null = null;
  for (const q of quotes) {
    if (q.from > date) break;
    if (latest === null || q.from > latest.from) latest = q;
  }
  return latest;
}
