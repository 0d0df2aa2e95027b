// The chip lab's "blank" starting point: round, mid-range numbers of a 2025-class accelerator,
// every field marked as user-entered so the UI shows they are not anyone's datasheet.

import { CALIBRATION_SUMMARY } from '../engine/calibration-summary';
import type { HardwareProfile } from '../engine/types';

const ENTERED = 'entered in the chip lab; not a datasheet value';

export function blankChip(): HardwareProfile {
  return {
    schemaVersion: 2,
    id: 'custom-chip',
    name: 'Custom chip',
    vendor: 'Custom',
    kind: 'asic',
    family: 'custom',
    releaseYear: 2026,
    status: 'announced',
    compute: { denseFlopsPerSecond: { bf16: 1e15, fp16: 1e15, fp8: 2e15, int8: 2e15 } },
    memory: {
      hbmCapacityBytes: 192e9,
      hbmBandwidthBytesPerSecond: 6e12,
      hbmType: 'HBM3e',
      sramCapacityBytes: 100e6,
      sramBandwidthBytesPerSecond: 0,
      sramHoldsWeights: false,
    },
    scaleUp: { name: 'custom scale-up link', bandwidthBytesPerSecondPerDirection: 450e9, latencySeconds: 8e-6, domainSize: 8 },
    scaleOut: { name: 'custom network', bandwidthBytesPerSecondPerDirection: 50e9, latencySeconds: 5e-6 },
    power: { tdpWatts: 800 },
    price: { listPriceUsd: 25_000, rentalUsdPerChipHour: 2.5 },
    packaging: { systemName: 'custom 8-chip server', chipsPerServer: 8, capexOverheadMultiplier: 1.4, serverPowerOverheadMultiplier: 1.3 },
    // A chip nobody has measured gets the prior of the measured families, never perfect software.
    efficiency: { ...CALIBRATION_SUMMARY.prior, evidence: { basis: 'prior', rows: 0, from: null } },
    estimates: {
      compute: ENTERED,
      memory: ENTERED,
      'price.listPriceUsd': ENTERED,
      'price.rentalUsdPerChipHour': ENTERED,
      'power.tdpWatts': ENTERED,
    },
    sources: { compute: [ENTERED], memory: [ENTERED], power: [ENTERED], price: [ENTERED], packaging: [ENTERED], efficiency: [ENTERED] },
  };
}
