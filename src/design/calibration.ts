// How close the calibration designs come to the chips they approximate (issue 15, item 3): derived
// peak bf16/fp8, SRAM, memory bandwidth, power and build cost against the catalog profile and the
// published teardown estimate. Values the catalog itself marks as estimates count as unpublished.

import type { HardwareProfile } from '../records/hardware-profile';
import type { Constant } from '../records/silicon-constants';
import { SILICON } from './constants';
import type { DesignOutcome } from './derive';
import { ENTRY, flopsKey } from './derivation';

export interface CalibrationRow {
  quantity: string;
  unit: string;
  derived: number;
  low: number;
  high: number;
  /** null when nothing is published (or the catalog only has an estimate). */
  published: number | null;
  /** derived / published - 1. */
  error: number | null;
  source: string;
}

type Spec = { quantity: string; unit: string; entry: string; path: string | null; read: (p: HardwareProfile) => number | undefined };

const SPECS: Spec[] = [
  { quantity: 'peak dense bf16', unit: 'FLOP/s', entry: flopsKey('bf16'), path: 'compute.denseFlopsPerSecond.bf16', read: (p) => p.compute.denseFlopsPerSecond.bf16 },
  { quantity: 'peak dense fp8', unit: 'FLOP/s', entry: flopsKey('fp8'), path: 'compute.denseFlopsPerSecond.fp8', read: (p) => p.compute.denseFlopsPerSecond.fp8 },
  { quantity: 'on-chip SRAM', unit: 'B', entry: ENTRY.sramCapacity, path: 'memory.sramCapacityBytes', read: (p) => p.memory.sramCapacityBytes || undefined },
  { quantity: 'memory bandwidth', unit: 'B/s', entry: ENTRY.memoryBandwidth, path: 'memory.hbmBandwidthBytesPerSecond', read: (p) => p.memory.hbmBandwidthBytesPerSecond || undefined },
  { quantity: 'power at the clock vs TDP', unit: 'W', entry: ENTRY.power, path: 'power.tdpWatts', read: (p) => p.power.tdpWatts },
  { quantity: 'build cost vs teardown estimate', unit: 'USD', entry: ENTRY.buildCost, path: null, read: () => undefined },
];

function isEstimate(p: HardwareProfile, path: string): boolean {
  return Object.keys(p.estimates).some((k) => path === k || path.startsWith(`${k}.`));
}

export function calibrationRows(outcome: DesignOutcome, published: HardwareProfile | undefined, teardowns: Readonly<Record<string, Constant>> = SILICON.teardowns): CalibrationRow[] {
  const id = outcome.profile.design?.approximates;
  const teardown = id === undefined || !Object.hasOwn(teardowns, id) ? undefined : teardowns[id];
  const rows: CalibrationRow[] = [];
  for (const spec of SPECS) {
    const entry = outcome.derivation.find((e) => e.key === spec.entry);
    if (entry === undefined) continue;
    let value: number | undefined;
    let source = '';
    if (spec.path === null) {
      value = teardown?.value;
      source = teardown?.source ?? 'no teardown estimate found';
    } else if (published !== undefined) {
      value = isEstimate(published, spec.path) ? undefined : spec.read(published);
      source = value === undefined ? `${published.id}: not published (catalog estimate or blank)` : `${published.id} (catalog profile)`;
    }
    const pub = value === undefined ? null : value;
    rows.push({ quantity: spec.quantity, unit: spec.unit, derived: entry.value, low: entry.low, high: entry.high, published: pub, error: pub === null ? null : entry.value / pub - 1, source });
  }
  return rows;
}
