// The physical checks of a design (issue 15, item 6): what cannot be built is an error naming the
// field (the reticle, the shoreline, the I/O area, the least vector-and-control share, a power
// limit below what memory and links draw); a power-limited clock is a warning.

import type { FieldIssue } from '../parse/fields';
import { DESIGN } from '../messages/design';
import type { ChipDesign } from '../records/chip-design';
import type { DesignNumbers } from './compute';
import { K, read, type ConstantValues } from './inputs';

export interface DesignChecks {
  errors: FieldIssue[];
  warnings: FieldIssue[];
}

export function checkDesign(design: ChipDesign, n: DesignNumbers, k: ConstantValues): DesignChecks {
  const errors: FieldIssue[] = [];
  const warnings: FieldIssue[] = [];
  const reticle = read(k, K.reticle);
  if (design.dieAreaMm2 > reticle) errors.push({ path: 'dieAreaMm2', message: DESIGN.beyondReticle(design.dieAreaMm2, reticle).text });
  if (design.ioDies !== undefined && design.ioDies.areaMm2 > reticle) {
    errors.push({ path: 'ioDies.areaMm2', message: DESIGN.ioDieBeyondReticle(design.ioDies.areaMm2, reticle).text });
  }
  const floor = read(k, K.minVector);
  if (design.areaShares.vectorAndControl < floor - 1e-9) {
    errors.push({ path: 'areaShares.vectorAndControl', message: DESIGN.vectorFloor(design.areaShares.vectorAndControl, floor).text });
  }
  if (design.memory.type === 'none' && n.sramCapacityBytes <= 0) errors.push({ path: 'areaShares.sram', message: DESIGN.noWeightsHome().text });
  if (design.memory.type !== 'none' && design.memory.count > n.memoryUnitsThatFit) {
    errors.push({
      path: 'memory.count',
      message: DESIGN.shoreline(design.memory.count, design.memory.type, n.memoryEdgeNeededMm, n.memoryEdgeMm, n.memoryUnitsThatFit, n.memoryOnIoDies).text,
    });
  }
  if (n.ioAreaNeededMm2 > n.ioAreaMm2 + 1e-9) {
    const onIoDies = design.ioDies !== undefined;
    errors.push({
      path: onIoDies ? 'ioDies.areaMm2' : 'areaShares.io',
      message: DESIGN.ioArea(n.ioAreaMm2, n.ioAreaNeededMm2, onIoDies ? 'I/O dies' : 'compute dies').text,
    });
  }
  if (design.tdpWatts !== undefined && design.tdpWatts <= n.fixedWatts) {
    errors.push({ path: 'tdpWatts', message: DESIGN.tdpBelowFixed(design.tdpWatts, n.fixedWatts).text });
  } else if (n.powerLimitedClockGHz !== null) {
    warnings.push({ path: 'tdpWatts', message: DESIGN.powerLimited(n.powerWatts, design.clockGHz, n.powerLimitedClockGHz).text });
  }
  return { errors, warnings };
}
