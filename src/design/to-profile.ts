// A design's derived numbers as an ordinary hardware profile (origin "design", the design
// embedded), so compare, frontier, model size, links and the CLI use it unchanged.

import { CALIBRATION_SUMMARY } from '../engine/calibration-summary';
import { formatBytes, formatNumber, formatSi, SI_PREFIXED_UNITS, formatUsd } from '../format/units';
import type { ChipDesign } from '../records/chip-design';
import type { EfficiencyProfile, HardwareProfile } from '../records/hardware-profile';
import type { RateClass } from '../records/hardware-profile';
import type { DesignNumbers } from './compute';
import type { DerivationEntry } from './derivation';
import { designLabel } from './label';
import { K, read, type ConstantValues } from './inputs';

/**
 * Efficiencies of a design: the prior of chips without measurements (issue 11: the kernel-measured
 * silicon shares and the median software factor of the fitted families), so a design never looks
 * better than a measured chip because no chip exists to measure.
 */
export const DESIGN_EFFICIENCY: EfficiencyProfile = {
  ...CALIBRATION_SUMMARY.prior,
  evidence: { basis: 'prior', rows: 0, from: null },
  note: `A chip design derived from silicon area (issue 15), not a measured chip: the prior efficiencies. ${CALIBRATION_SUMMARY.prior.note}`,
};

const DERIVED = 'derived from silicon area (src/design, reference/silicon-constants.json; npm run design shows every input and source)';

function fmt(x: number, unit: string): string {
  if (unit === 'B') return formatBytes(x);
  if (SI_PREFIXED_UNITS.has(unit)) return formatSi(x, unit);
  if (unit === 'USD') return formatUsd(x);
  return `${formatNumber(x)} ${unit}`;
}

export function toProfile(design: ChipDesign, n: DesignNumbers, k: ConstantValues, entries: readonly DerivationEntry[]): HardwareProfile {
  const rates: Partial<Record<RateClass, number>> = {};
  for (const f of design.matrixFormats) rates[f] = n.sustainedFlopsPerSecond[f] ?? 0;
  const hasMemory = design.memory.type !== 'none';
  const sramHoldsWeights = (design.sramOrganization === 'scratchpad' || !hasMemory) && n.sramCapacityBytes > 0 && n.sramBytesPerSecond > 0;
  const range = (key: string) => {
    const e = entries.find((x) => x.key === key);
    return e === undefined ? '' : `: ${fmt(e.value, e.unit)}, range ${fmt(e.low, e.unit)} to ${fmt(e.high, e.unit)} from the constants' ranges`;
  };
  const estimates: Record<string, string> = {};
  for (const f of design.matrixFormats) {
    estimates[`compute.denseFlopsPerSecond.${f}`] = `${DERIVED}${range(`compute.denseFlopsPerSecond.${f}`)}${n.powerLimitedClockGHz === null ? '' : `; sustained at the power-limited clock ${fmt(n.powerLimitedClockGHz, 'GHz')}`}`;
  }
  estimates['memory.sramCapacityBytes'] = `${DERIVED}${range('memory.sramCapacityBytes')}`;
  estimates['memory.sramBandwidthBytesPerSecond'] = `${DERIVED}${range('memory.sramBandwidthBytesPerSecond')}`;
  if (hasMemory) {
    estimates['memory.hbmCapacityBytes'] = `${DERIVED}${range('memory.hbmCapacityBytes')}`;
    estimates['memory.hbmBandwidthBytesPerSecond'] = `${DERIVED}${range('memory.hbmBandwidthBytesPerSecond')}`;
  }
  estimates['power.tdpWatts'] = design.tdpWatts === undefined ? `${DERIVED}${range('power.derivedWatts')}` : 'tdpWatts of the design';
  estimates['price.listPriceUsd'] = `${DERIVED}: build cost / (1 - vendor margin ${design.vendorMarginFraction})${range('price.listPriceUsd')}`;
  estimates['scaleUp.latencySeconds'] = 'design input (default 8 us: NVLink-class collective alpha, MODEL.md section 3)';
  estimates['scaleOut.latencySeconds'] = 'design input (default 5 us: InfiniBand-class one-way latency)';
  const notes = `Derived from a chip design (issue 15): ${design.computeDies} x ${design.dieAreaMm2} mm2 at ${design.processNode}, `
    + `area shares matrix ${design.areaShares.matrix} / SRAM ${design.areaShares.sram} / vector+control ${design.areaShares.vectorAndControl} / I/O ${design.areaShares.io}, `
    + `${design.clockGHz} GHz, ${design.memory.count} ${design.memory.type}. ${design.notes ?? ''}`;
  return {
    schemaVersion: 2,
    id: design.id,
    name: designLabel(design),
    vendor: design.vendor ?? 'Chip design',
    kind: design.kind ?? 'asic',
    family: 'chip-design',
    releaseYear: design.releaseYear ?? 2026,
    status: 'announced',
    compute: { denseFlopsPerSecond: rates },
    memory: {
      hbmCapacityBytes: n.memoryCapacityBytes,
      hbmBandwidthBytesPerSecond: n.memoryBandwidthBytesPerSecond,
      hbmType: hasMemory ? design.memory.type : 'none (SRAM only)',
      sramCapacityBytes: n.sramCapacityBytes,
      sramBandwidthBytesPerSecond: n.sramBytesPerSecond,
      sramHoldsWeights,
    },
    scaleUp: {
      name: design.scaleUp.name ?? 'scale-up link of the design',
      bandwidthBytesPerSecondPerDirection: design.scaleUp.bandwidthBytesPerSecondPerDirection,
      latencySeconds: design.scaleUp.latencySeconds,
      domainSize: design.scaleUp.domainSize,
    },
    scaleOut: {
      name: design.scaleOut.name ?? 'scale-out network of the design',
      bandwidthBytesPerSecondPerDirection: design.scaleOut.bandwidthBytesPerSecondPerDirection,
      latencySeconds: design.scaleOut.latencySeconds,
    },
    power: { tdpWatts: n.tdpWatts },
    price: { listPriceUsd: n.priceUsd, rentalUsdPerChipHour: null },
    packaging: {
      systemName: `${designLabel(design).slice(0, 160)} (${design.chipsPerServer}-chip server)`,
      chipsPerServer: design.chipsPerServer,
      capexOverheadMultiplier: read(k, K.capexOverhead),
      serverPowerOverheadMultiplier: read(k, K.powerOverhead),
    },
    efficiency: { ...DESIGN_EFFICIENCY },
    estimates,
    sources: {
      compute: [DERIVED], memory: [DERIVED], scaleUp: ['design input'], scaleOut: ['design input'], power: [DERIVED], price: [DERIVED],
      packaging: ['capex 1.4x and server power 1.3x as the catalog\'s 8-GPU servers (hardware.md section 6, silicon-constants.json system)'],
      efficiency: ['documented defaults for designs (src/design/to-profile.ts DESIGN_EFFICIENCY)'],
    },
    notes: notes.slice(0, 4000),
    origin: 'design',
    design,
  };
}
