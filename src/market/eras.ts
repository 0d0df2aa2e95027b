// The era table: which chips a provider could serve on from which date, derived from
// the availability rows of market_history.csv. The grouping into generations follows issue 14
// (A100; H100; H200 and MI300X; B200 and GB200; B300, GB300 and MI355X); the dates come from the data.
//
// A chip serves from the first day of the quarter after its first obtainable-capacity event
// (volume or customer shipments, cloud GA, launch, first deployments), since servers are built
// and racked in between (assumed: one quarter); a chip with only a release date counts from the
// quarter after it. Announcements, previews and "full production" do not count: nobody could rent
// capacity yet (market_history.md: 13-16 months from announcement to cloud GA for NVIDIA).

import { nextQuarterStart } from './dates';
import { citeHistoryRow, type HistoryRow } from './market-history';
import { compareText } from '../format/compare-text';

export interface EraChipDef {
  hardwareId: string;
  /** Name on charts ("H100"). */
  short: string;
  /** Availability items of market_history.csv that describe this chip. */
  items: readonly string[];
  /** Leading words of its rental_price items ("NVIDIA H100"). */
  rentalPrefix: string;
}

export interface EraDef {
  id: string;
  chips: readonly EraChipDef[];
}

export const ERA_DEFS: readonly EraDef[] = [
  { id: 'ampere', chips: [{ hardwareId: 'nvidia-a100-sxm', short: 'A100', items: ['NVIDIA A100 80GB SXM4'], rentalPrefix: 'NVIDIA A100' }] },
  { id: 'hopper', chips: [{ hardwareId: 'nvidia-h100-sxm', short: 'H100', items: ['NVIDIA H100 SXM'], rentalPrefix: 'NVIDIA H100' }] },
  {
    id: 'hopper-hbm3e-cdna3',
    chips: [
      { hardwareId: 'nvidia-h200-sxm', short: 'H200', items: ['NVIDIA H200'], rentalPrefix: 'NVIDIA H200' },
      { hardwareId: 'amd-mi300x', short: 'MI300X', items: ['AMD Instinct MI300X'], rentalPrefix: 'AMD MI300X' },
    ],
  },
  {
    id: 'blackwell',
    chips: [
      { hardwareId: 'nvidia-b200', short: 'B200', items: ['NVIDIA B200'], rentalPrefix: 'NVIDIA B200' },
      { hardwareId: 'nvidia-gb200-nvl72', short: 'GB200', items: ['NVIDIA GB200 NVL72'], rentalPrefix: 'NVIDIA GB200' },
    ],
  },
  {
    id: 'blackwell-ultra-cdna4',
    chips: [
      { hardwareId: 'nvidia-b300', short: 'B300', items: ['NVIDIA B300 / GB300'], rentalPrefix: 'NVIDIA B300' },
      { hardwareId: 'nvidia-gb300-nvl72', short: 'GB300', items: ['NVIDIA B300 / GB300', 'NVIDIA GB300 NVL72'], rentalPrefix: 'NVIDIA GB300' },
      { hardwareId: 'amd-mi355x', short: 'MI355X', items: ['AMD Instinct MI355X'], rentalPrefix: 'AMD MI355X' },
    ],
  },
];

/** Events after which capacity could be bought or rented. */
const OBTAINABLE = /volume|shipments|shipping|cloud GA|^cloud:|general availability|launched|commercial deployment|production cluster|production racks/i;

export interface EraChip {
  hardwareId: string;
  short: string;
  rentalPrefix: string;
  /** First day the chip serves in the floor (ISO). */
  availableFrom: string;
  /** The availability row the date comes from, cited. */
  basis: string;
}

export interface Era {
  id: string;
  /** "2024", or "2025-10" where another era starts in the same year. */
  period: string;
  /** "2024: H200, MI300X". */
  label: string;
  /** The first day any of its chips serves. */
  start: string;
  chips: EraChip[];
}

/** The availability of one chip: the earliest obtainable event of its items, else its release. */
function chipAvailability(def: EraChipDef, history: readonly HistoryRow[]): EraChip | null {
  const rows = history.filter((r) => r.kind === 'availability' && def.items.includes(r.item) && r.date !== null)
    .sort((a, b) => compareText(a.date!.start, b.date!.start));
  const first = rows.find((r) => OBTAINABLE.test(r.value)) ?? rows.find((r) => /release/i.test(r.value));
  if (first === undefined) return null;
  return {
    hardwareId: def.hardwareId, short: def.short, rentalPrefix: def.rentalPrefix,
    availableFrom: nextQuarterStart(first.date!.end), basis: citeHistoryRow(first),
  };
}

/** The era's chips by short name; one that serves later than the era starts says from when ("MI355X from 2026-01"). */
export function eraChipNames(era: { start: string; chips: readonly { short: string; availableFrom: string }[] }): string {
  return era.chips.map((c) => (c.availableFrom > era.start ? `${c.short} from ${c.availableFrom.slice(0, 7)}` : c.short)).join(', ');
}

export function deriveEras(history: readonly HistoryRow[]): { eras: Era[]; problems: string[] } {
  const problems: string[] = [];
  const eras: Era[] = [];
  for (const def of ERA_DEFS) {
    const chips: EraChip[] = [];
    for (const c of def.chips) {
      const chip = chipAvailability(c, history);
      if (chip === null) problems.push(`market_history.csv: no availability row for ${c.items.join(' / ')} (era table)`);
      else chips.push(chip);
    }
    if (chips.length === 0) continue;
    chips.sort((a, b) => compareText(a.availableFrom, b.availableFrom));
    const start = chips[0]!.availableFrom;
    eras.push({ id: def.id, period: '', label: '', start, chips });
  }
  eras.sort((a, b) => compareText(a.start, b.start));
  // Two eras starting in one year would both read "2025": those give the month too.
  const years = eras.map((e) => e.start.slice(0, 4));
  for (const era of eras) {
    const year = era.start.slice(0, 4);
    era.period = years.filter((y) => y === year).length > 1 ? era.start.slice(0, 7) : year;
    era.label = `${era.period}: ${eraChipNames(era)}`;
  }
  return { eras, problems };
}

/**
 * Every chip of the table serving by `date`, with its era: the best hardware available then is the
 * cheapest of them (an older generation can still win, e.g. an owned A100 against a scarce,
 * rented H100 in 2023).
 */
export function chipsAt(eras: readonly Era[], date: string): { era: Era; chip: EraChip }[] {
  return eras.flatMap((era) => era.chips.filter((c) => c.availableFrom <= date).map((chip) => ({ era, chip })));
}
