// The derivation's arithmetic: a design and the values of its constants -> every derived number.
// Pure and total (no checks, no messages): the checks (check-design.ts) read the same numbers, and
// the uncertainty step (ranges.ts) reruns it with one constant at a time at its low or high end.
// Sources of the formulas: ../shared/reference/silicon.md steps 1-6 and reference/silicon-constants.json.

import type { ChipDesign } from '../records/chip-design';
import type { MatrixFormat } from '../records/silicon-constants';
import { grossDiesPerWafer, memoryEdgeMm } from './geometry';
import { K, formatKey, read, type ConstantValues } from './inputs';
import { dieYield, murphyYield } from './yield';

export interface DesignNumbers {
  /** 1 - spareFraction: the share of replicated units switched on. */
  activeFraction: number;
  matrixAreaMm2: number;
  macsPerCycle: number;
  /** Dense bf16-equivalent peak at the design's clock; every format scales from it. */
  peakBf16FlopsPerSecond: number;
  peakFlopsPerSecond: Partial<Record<MatrixFormat, number>>;
  sramAreaMm2: number;
  sramCapacityBytes: number;
  sramBytesPerSecondAtClock: number;
  memoryCapacityBytes: number;
  memoryBandwidthBytesPerSecond: number;
  memoryOnIoDies: boolean;
  memoryEdgeMm: number;
  memoryEdgeNeededMm: number;
  memoryUnitsThatFit: number;
  ioAreaMm2: number;
  ioAreaNeededMm2: number;
  matrixWatts: number;
  sramWatts: number;
  memoryWatts: number;
  linkWatts: number;
  /** Power at the design's clock with every engine at full rate. */
  powerWatts: number;
  /** Memory and link power: what no clock change saves. */
  fixedWatts: number;
  /** Clock within tdpWatts when the design draws more at its clock; null when it does not (or cannot). */
  powerLimitedClockGHz: number | null;
  clockGHz: number;
  sustainedFlopsPerSecond: Partial<Record<MatrixFormat, number>>;
  sramBytesPerSecond: number;
  /** The profile's power: tdpWatts when set, else the derived power. */
  tdpWatts: number;
  grossDiesPerWafer: number;
  dieYield: number;
  goodDiesPerWafer: number;
  dieCostUsd: number;
  computeSiliconUsd: number;
  ioGrossDiesPerWafer: number;
  ioDieYield: number;
  ioDieCostUsd: number;
  ioSiliconUsd: number;
  memoryCostUsd: number;
  hasInterposer: boolean;
  interposerAreaMm2: number;
  packageUsd: number;
  assemblyYield: number;
  testUsd: number;
  buildCostUsd: number;
  priceUsd: number;
}

/** Capacity of one memory unit: an HBM stack scales with its height (8-high in the table). */
function unitCapacityBytes(design: ChipDesign, k: ConstantValues): number {
  const per = read(k, K.memCapacity);
  return design.memory.type.startsWith('HBM') ? per * (design.memory.stackHeight ?? 8) / 8 : per;
}

export function computeDesign(design: ChipDesign, k: ConstantValues): DesignNumbers {
  const v = (key: string) => read(k, key);
  const dies = design.computeDies;
  const area = design.dieAreaMm2;
  const shares = design.areaShares;
  const f0 = design.clockGHz * 1e9;
  const activeFraction = 1 - design.spareFraction;

  // Step 3 (silicon.md): MACs per cycle = matrix area x MAC density of the node; FLOP = 2 per MAC.
  const matrixAreaMm2 = dies * area * shares.matrix;
  const macsPerCycle = matrixAreaMm2 * activeFraction * v(K.macDensity);
  const peakBf16FlopsPerSecond = 2 * macsPerCycle * f0;
  const peakFlopsPerSecond: Partial<Record<MatrixFormat, number>> = {};
  for (const f of design.matrixFormats) peakFlopsPerSecond[f] = peakBf16FlopsPerSecond * v(formatKey(f));

  // Step 4: capacity = SRAM area x array efficiency / bitcell area (1 mm2 = 1e6 um2).
  const sramAreaMm2 = dies * area * shares.sram;
  const sramBits = v(K.bitcell) > 0 ? (sramAreaMm2 * activeFraction * 1e6 * v(K.sramEfficiency)) / v(K.bitcell) : 0;
  const sramCapacityBytes = sramBits / 8;
  // Bandwidth: bytes per cycle per byte of capacity (A100 L2, Groq) x capacity x clock.
  const sramBytesPerSecondAtClock = sramCapacityBytes * v(K.sramBytesPerCycle) * f0;

  // Step 5: memory units x per-unit bandwidth and capacity; they sit on the die edge (shoreline).
  const hasMemory = design.memory.type !== 'none';
  const units = hasMemory ? design.memory.count : 0;
  const memoryCapacityBytes = units * unitCapacityBytes(design, k);
  const memoryBandwidthBytesPerSecond = units * v(K.memBandwidth);
  const io = design.ioDies;
  const memoryOnIoDies = io !== undefined;
  const edgeMm = io !== undefined
    ? memoryEdgeMm(io.areaMm2, io.count, v(K.aspect), v(K.memoryEdge))
    : memoryEdgeMm(area, dies, v(K.aspect), v(K.memoryEdge));
  const shoreline = v(K.memShoreline);
  const memoryEdgeNeededMm = units * shoreline;
  const memoryUnitsThatFit = shoreline > 0 ? Math.floor(edgeMm / shoreline + 1e-9) : 0;
  // PHY areas (LLMCompass): memory PHY + controller per unit, link PHYs per GB/s per direction.
  const ioAreaMm2 = io !== undefined ? io.count * io.areaMm2 : dies * area * shares.io;
  const ioAreaNeededMm2 = units * v(K.memPhy)
    + (design.scaleUp.bandwidthBytesPerSecondPerDirection / 1e9) * v(K.scaleUpPhy)
    + (design.scaleOut.bandwidthBytesPerSecondPerDirection / 1e9) * v(K.scaleOutPhy);

  // Power at the given clock: energy per operation x rate (silicon.md "HBM" power check).
  const matrixWatts = v(K.flopEnergy) * 1e-12 * peakBf16FlopsPerSecond;
  const sramWatts = v(K.sramEnergy) * 1e-12 * sramBytesPerSecondAtClock;
  const memoryWatts = v(K.memEnergy) * 1e-12 * 8 * memoryBandwidthBytesPerSecond;
  const linkWatts = v(K.linkEnergy) * 1e-12 * 8 * 2 * design.scaleUp.bandwidthBytesPerSecondPerDirection;
  const coreWatts = matrixWatts + sramWatts;
  const fixedWatts = memoryWatts + linkWatts;
  const powerWatts = coreWatts + fixedWatts;
  // Over tdpWatts the clock drops until core power fits: P_core ~ f^k (CMOS P = aCV^2f, V ~ f).
  let powerLimitedClockGHz: number | null = null;
  const tdp = design.tdpWatts;
  if (tdp !== undefined && powerWatts > tdp && tdp > fixedWatts && coreWatts > 0) {
    powerLimitedClockGHz = design.clockGHz * ((tdp - fixedWatts) / coreWatts) ** (1 / v(K.dvfs));
  }
  const clockGHz = powerLimitedClockGHz ?? design.clockGHz;
  const slow = clockGHz / design.clockGHz;
  const sustainedFlopsPerSecond: Partial<Record<MatrixFormat, number>> = {};
  for (const f of design.matrixFormats) sustainedFlopsPerSecond[f] = (peakFlopsPerSecond[f] ?? 0) * slow;

  // Steps 1-2: die cost = wafer price / good dies; yield from D0 (Murphy), spares absorb defects.
  const aspect = v(K.aspect);
  const gross = grossDiesPerWafer(area, aspect, v(K.wafer), v(K.edge), v(K.scribe));
  const yieldFraction = dieYield({
    areaMm2: area, defectsPerCm2: v(K.defectDensity), replicatedShare: shares.matrix + shares.sram,
    spareFraction: design.spareFraction, unitAreaMm2: v(K.unitArea),
  });
  const good = gross * yieldFraction;
  const dieCostUsd = good > 0 ? v(K.waferPrice) / good : Number.POSITIVE_INFINITY;
  let ioGross = 0;
  let ioYield = 1;
  let ioDieCostUsd = 0;
  if (io !== undefined) {
    ioGross = grossDiesPerWafer(io.areaMm2, aspect, v(K.wafer), v(K.edge), v(K.scribe));
    ioYield = murphyYield(v(K.ioDefectDensity) * io.areaMm2 / 100);
    const ioGood = ioGross * ioYield;
    ioDieCostUsd = ioGood > 0 ? v(K.ioWaferPrice) / ioGood : Number.POSITIVE_INFINITY;
  }
  // Step 5-6: memory $/GB; advanced packaging by interposer area (dies + stacks); test per package.
  const memoryCostUsd = (memoryCapacityBytes / 1e9) * v(K.memPrice);
  const hbm = design.memory.type.startsWith('HBM');
  const hasInterposer = hbm || dies > 1 || io !== undefined;
  const interposerAreaMm2 = hasInterposer ? dies * area + (io === undefined ? 0 : io.count * io.areaMm2) + (hbm ? units * shoreline ** 2 : 0) : 0;
  const packageUsd = hasInterposer ? interposerAreaMm2 * v(K.interposer) : v(K.organic);
  const assemblyYield = hasInterposer ? v(K.bonding) : 1;
  const computeSiliconUsd = dies * dieCostUsd;
  const ioSiliconUsd = io === undefined ? 0 : io.count * ioDieCostUsd;
  const testUsd = v(K.test);
  // A failed assembly scraps its dies and stacks too (Chiplet Actuary bonding yield).
  const buildCostUsd = (computeSiliconUsd + ioSiliconUsd + memoryCostUsd + packageUsd) / assemblyYield + testUsd;
  const priceUsd = buildCostUsd / (1 - design.vendorMarginFraction);

  return {
    activeFraction, matrixAreaMm2, macsPerCycle, peakBf16FlopsPerSecond, peakFlopsPerSecond,
    sramAreaMm2, sramCapacityBytes, sramBytesPerSecondAtClock,
    memoryCapacityBytes, memoryBandwidthBytesPerSecond, memoryOnIoDies, memoryEdgeMm: edgeMm, memoryEdgeNeededMm, memoryUnitsThatFit,
    ioAreaMm2, ioAreaNeededMm2,
    matrixWatts, sramWatts, memoryWatts, linkWatts, powerWatts, fixedWatts, powerLimitedClockGHz, clockGHz,
    sustainedFlopsPerSecond, sramBytesPerSecond: sramBytesPerSecondAtClock * slow,
    tdpWatts: tdp ?? powerWatts,
    grossDiesPerWafer: gross, dieYield: yieldFraction, goodDiesPerWafer: good, dieCostUsd, computeSiliconUsd,
    ioGrossDiesPerWafer: ioGross, ioDieYield: ioYield, ioDieCostUsd, ioSiliconUsd,
    memoryCostUsd, hasInterposer, interposerAreaMm2, packageUsd, assemblyYield, testUsd, buildCostUsd, priceUsd,
  };
}
