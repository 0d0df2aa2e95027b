// The derivation as the user reads it (CLI `design --format json`, the chip lab's explain entries):
// one entry per derived number with its value, its low-high range from the constants' ranges, the
// formula and every input with its source. Entry keys are profile field paths where one exists.

import type { ChipDesign } from '../records/chip-design';
import type { DesignNumbers } from './compute';
import { K, formatKey, type DesignConstant } from './inputs';
import type { Range } from './ranges';

export interface DerivationInput {
  name: string;
  value: number | string;
  unit: string;
  low?: number;
  high?: number;
  source?: string;
}

export interface DerivationEntry {
  key: string;
  label: string;
  value: number;
  low: number;
  high: number;
  unit: string;
  formula: string;
  inputs: DerivationInput[];
}

/** Integer formats do operations, not floating-point ones: int8 rates read OP/s. */
export function rateUnit(format: string): 'FLOP/s' | 'OP/s' {
  return format.startsWith('int') ? 'OP/s' : 'FLOP/s';
}

/** Keys of the entries that always exist (per-format FLOP/s keys are `compute.denseFlopsPerSecond.<format>`). */
export const ENTRY = {
  grossDies: 'die.grossDiesPerWafer',
  dieYield: 'die.yield',
  dieCost: 'die.costUsd',
  ioDieCost: 'ioDie.costUsd',
  clock: 'clock.powerLimitedGHz',
  sramCapacity: 'memory.sramCapacityBytes',
  sramBandwidth: 'memory.sramBandwidthBytesPerSecond',
  memoryCapacity: 'memory.hbmCapacityBytes',
  memoryBandwidth: 'memory.hbmBandwidthBytesPerSecond',
  shoreline: 'memory.shorelineMm',
  ioArea: 'io.areaMm2',
  power: 'power.derivedWatts',
  memoryCost: 'cost.memoryUsd',
  packageCost: 'cost.packageUsd',
  buildCost: 'cost.buildUsd',
  price: 'price.listPriceUsd',
} as const;

export const flopsKey = (format: string) => `compute.denseFlopsPerSecond.${format}`;
export const sustainedKey = (format: string) => `compute.sustainedFlopsPerSecond.${format}`;

/** Every number an entry reports, by entry key: what the ranges are computed on. */
export function entryMetrics(design: ChipDesign, n: DesignNumbers): Record<string, number> {
  const m: Record<string, number> = {
    [ENTRY.grossDies]: n.grossDiesPerWafer, [ENTRY.dieYield]: n.dieYield, [ENTRY.dieCost]: n.dieCostUsd,
    [ENTRY.sramCapacity]: n.sramCapacityBytes, [ENTRY.sramBandwidth]: n.sramBytesPerSecond,
    [ENTRY.memoryCapacity]: n.memoryCapacityBytes, [ENTRY.memoryBandwidth]: n.memoryBandwidthBytesPerSecond,
    [ENTRY.shoreline]: n.memoryEdgeNeededMm, [ENTRY.ioArea]: n.ioAreaNeededMm2, [ENTRY.power]: n.powerWatts,
    [ENTRY.memoryCost]: n.memoryCostUsd, [ENTRY.packageCost]: n.packageUsd, [ENTRY.buildCost]: n.buildCostUsd, [ENTRY.price]: n.priceUsd,
  };
  if (design.ioDies !== undefined) m[ENTRY.ioDieCost] = n.ioDieCostUsd;
  if (n.powerLimitedClockGHz !== null) m[ENTRY.clock] = n.powerLimitedClockGHz;
  for (const f of design.matrixFormats) {
    m[flopsKey(f)] = n.peakFlopsPerSecond[f] ?? 0;
    if (n.powerLimitedClockGHz !== null) m[sustainedKey(f)] = n.sustainedFlopsPerSecond[f] ?? 0;
  }
  return m;
}

function constantInput(c: DesignConstant | undefined): DerivationInput[] {
  if (c === undefined) return [];
  return [{ name: c.label, value: c.value, unit: c.unit, low: c.low, high: c.high, source: `${c.source} [reference/silicon-constants.json ${c.path}]` }];
}

const D = 'design file';

export function derivationEntries(design: ChipDesign, n: DesignNumbers, constants: readonly DesignConstant[], ranges: ReadonlyMap<string, Range>): DerivationEntry[] {
  const byKey = new Map(constants.map((c) => [c.key, c]));
  const c = (key: string) => constantInput(byKey.get(key));
  const given = (name: string, value: number | string, unit: string): DerivationInput => ({ name, value, unit, source: D });
  const metrics = entryMetrics(design, n);
  const entry = (key: string, label: string, unit: string, formula: string, inputs: DerivationInput[]): DerivationEntry => {
    const value = metrics[key] ?? Number.NaN;
    const r = ranges.get(key) ?? { low: value, high: value };
    // Dies are whole: the range's ends too (it is spread from the constants' ranges, not counted).
    if (key === ENTRY.grossDies) return { key, label, value, low: Math.floor(r.low), high: Math.floor(r.high), unit, formula, inputs };
    return { key, label, value, low: r.low, high: key === ENTRY.dieYield ? Math.min(1, r.high) : r.high, unit, formula, inputs };
  };
  const a = design.areaShares;
  const dieInputs = [given('compute die area', design.dieAreaMm2, 'mm²'), ...c(K.aspect), ...c(K.wafer), ...c(K.edge), ...c(K.scribe)];
  const out: DerivationEntry[] = [
    entry(ENTRY.grossDies, 'Gross dies per wafer', 'dies',
      'DPW = π (d/2)² / A − π d / √(2A), d = wafer diameter − 2 × edge exclusion, A = die with scribe lanes, sides at the reticle aspect (LLMCompass; Chiplet Actuary)',
      dieInputs),
    entry(ENTRY.dieYield, 'Die yield', '',
      design.spareFraction > 0
        ? 'Murphy Y = ((1 − e^−x)/x)², x = D0 × area outside the replicated units; × P(defects on the replicated units ≤ spare units), Poisson (silicon.md yield models, harvest note)'
        : 'Murphy Y = ((1 − e^−x)/x)², x = D0 × die area (silicon.md yield models)',
      [given('compute die area', design.dieAreaMm2, 'mm²'), ...c(K.defectDensity), given('replicated share (matrix + SRAM)', a.matrix + a.sram, ''),
        given('spare fraction', design.spareFraction, ''), ...c(K.unitArea)]),
    entry(ENTRY.dieCost, 'Cost per good compute die', 'USD', 'wafer price / (gross dies × yield)',
      [...c(K.waferPrice), { name: 'gross dies per wafer', value: n.grossDiesPerWafer, unit: 'dies' }, { name: 'die yield', value: n.dieYield, unit: '' }]),
  ];
  if (design.ioDies !== undefined) {
    out.push(entry(ENTRY.ioDieCost, 'Cost per good I/O die', 'USD', 'wafer price / (gross dies × Murphy yield) at the I/O dies\' node',
      [given('I/O die area', design.ioDies.areaMm2, 'mm²'), given('I/O dies', design.ioDies.count, ''), ...c(K.ioWaferPrice), ...c(K.ioDefectDensity),
        { name: 'gross I/O dies per wafer', value: n.ioGrossDiesPerWafer, unit: 'dies' }, { name: 'I/O die yield', value: n.ioDieYield, unit: '' }]));
  }
  for (const f of design.matrixFormats) {
    out.push(entry(flopsKey(f), `Peak dense ${f} at ${design.clockGHz} GHz`, rateUnit(f),
      '2 FLOP per MAC × compute dies × die area × matrix share × (1 − spare fraction) × MAC density of the node × clock × format ratio (silicon.md step 3)',
      [given('compute dies', design.computeDies, ''), given('compute die area', design.dieAreaMm2, 'mm²'), given('matrix share', a.matrix, ''),
        given('spare fraction', design.spareFraction, ''), ...c(K.macDensity), given('clock', design.clockGHz, 'GHz'), ...c(formatKey(f))]));
  }
  if (n.powerLimitedClockGHz !== null) {
    out.push(entry(ENTRY.clock, 'Clock within tdpWatts', 'GHz',
      'f × ((TDP − memory power − link power) / core power at f)^(1/k): core power ∝ f^k (CMOS P = aCV²f with V ∝ f)',
      [given('clock', design.clockGHz, 'GHz'), given('tdpWatts', design.tdpWatts ?? 0, 'W'), { name: 'core power at the clock', value: n.matrixWatts + n.sramWatts, unit: 'W' },
        { name: 'memory + link power', value: n.fixedWatts, unit: 'W' }, ...c(K.dvfs)]));
    for (const f of design.matrixFormats) {
      out.push(entry(sustainedKey(f), `Sustained dense ${f} within tdpWatts`, rateUnit(f), 'peak × power-limited clock / clock (what the profile carries)',
        [{ name: 'peak', value: n.peakFlopsPerSecond[f] ?? 0, unit: rateUnit(f) }, { name: 'power-limited clock', value: n.powerLimitedClockGHz, unit: 'GHz' }]));
    }
  }
  out.push(
    entry(ENTRY.sramCapacity, 'On-chip SRAM', 'B',
      'compute dies × die area × SRAM share × (1 − spare fraction) × array efficiency / bitcell area (silicon.md step 4)',
      [given('SRAM share', a.sram, ''), given('SRAM organisation', design.sramOrganization, ''), ...c(K.sramEfficiency), ...c(K.bitcell)]),
    entry(ENTRY.sramBandwidth, 'SRAM bandwidth', 'B/s', 'capacity × bytes per cycle per byte × clock (per mm² of SRAM: that constant × bits per mm² of the node)',
      [{ name: 'SRAM capacity', value: n.sramCapacityBytes, unit: 'B' }, ...c(K.sramBytesPerCycle), { name: 'clock', value: n.clockGHz, unit: 'GHz' }]),
  );
  if (design.memory.type !== 'none') {
    const unit = given(design.memory.type.startsWith('HBM') ? 'stacks' : 'channels or devices', design.memory.count, '');
    out.push(
      entry(ENTRY.memoryCapacity, `${design.memory.type} capacity`, 'B',
        design.memory.type.startsWith('HBM') ? 'stacks × capacity of an 8-high stack × stack height / 8' : 'units × capacity per unit',
        [unit, ...(design.memory.type.startsWith('HBM') ? [given('stack height', design.memory.stackHeight ?? 8, 'dies')] : []), ...c(K.memCapacity)]),
      entry(ENTRY.memoryBandwidth, `${design.memory.type} bandwidth`, 'B/s', 'units × bandwidth per unit (as shipped; the high end is the vendor pin rate)',
        [unit, ...c(K.memBandwidth)]),
      entry(ENTRY.shoreline, 'Die edge the memory needs', 'mm',
        `units × shoreline per unit ≤ ${n.memoryOnIoDies ? 'I/O dies' : 'compute dies'} × perimeter × share facing memory (sides at the reticle aspect)`,
        [unit, ...c(K.memShoreline), { name: 'edge facing memory', value: n.memoryEdgeMm, unit: 'mm' }, { name: 'units that fit', value: n.memoryUnitsThatFit, unit: '' }, ...c(K.memoryEdge)]),
    );
  }
  out.push(
    entry(ENTRY.ioArea, 'I/O area the PHYs need', 'mm²',
      'memory units × PHY + controller area + scale-up GB/s × PHY area per GB/s + scale-out GB/s × PHY area per GB/s (LLMCompass PHY areas)',
      [{ name: design.ioDies === undefined ? 'I/O area (io share of the compute dies)' : 'I/O dies area', value: n.ioAreaMm2, unit: 'mm²' }, ...c(K.memPhy), ...c(K.scaleUpPhy), ...c(K.scaleOutPhy)]),
    entry(ENTRY.power, `Power at ${design.clockGHz} GHz, every engine at full rate`, 'W',
      'E_FLOP × bf16 FLOP/s + E_SRAM × SRAM B/s + E_DRAM × 8 × DRAM B/s + E_link × 8 × 2 × scale-up B/s per direction',
      [{ name: 'matrix units', value: n.matrixWatts, unit: 'W' }, { name: 'SRAM', value: n.sramWatts, unit: 'W' }, { name: 'DRAM', value: n.memoryWatts, unit: 'W' },
        { name: 'scale-up links', value: n.linkWatts, unit: 'W' }, ...c(K.flopEnergy), ...c(K.sramEnergy), ...c(K.memEnergy), ...c(K.linkEnergy),
        ...(design.tdpWatts === undefined ? [] : [given('tdpWatts', design.tdpWatts, 'W')])]),
    entry(ENTRY.memoryCost, 'Memory cost', 'USD', 'capacity in GB × price per GB', [{ name: 'capacity', value: n.memoryCapacityBytes, unit: 'B' }, ...c(K.memPrice)]),
    entry(ENTRY.packageCost, n.hasInterposer ? 'Advanced packaging (interposer)' : 'Package', 'USD',
      n.hasInterposer ? 'interposer area (dies + memory stacks of shoreline² each) × price per mm²' : 'organic flip-chip package',
      n.hasInterposer ? [{ name: 'interposer area', value: n.interposerAreaMm2, unit: 'mm²' }, ...c(K.interposer)] : c(K.organic)),
    entry(ENTRY.buildCost, 'Build cost', 'USD', '(compute dies + I/O dies + memory + package) / assembly yield + test and assembly',
      [{ name: 'compute dies', value: n.computeSiliconUsd, unit: 'USD' }, { name: 'I/O dies', value: n.ioSiliconUsd, unit: 'USD' },
        { name: 'memory', value: n.memoryCostUsd, unit: 'USD' }, { name: 'package', value: n.packageUsd, unit: 'USD' },
        ...(n.hasInterposer ? c(K.bonding) : []), ...c(K.test)]),
    entry(ENTRY.price, 'Price', 'USD', 'build cost / (1 − vendor margin)',
      [{ name: 'build cost', value: n.buildCostUsd, unit: 'USD' }, given('vendor margin', design.vendorMarginFraction, '')]),
  );
  return out;
}
