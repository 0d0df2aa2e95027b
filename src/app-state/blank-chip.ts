// The chip lab's "blank" starting point: round, mid-range numbers of a 2025-class accelerator,
// every field marked as user-entered so the UI shows they are not anyone's datasheet.

import type { HardwareProfile } from '../engine/types';

const ENTERED = 'entered in the chip lab; not a datasheet value';

export function blankChip(): HardwareProfile {
  return {
    schemaVersion: 1,
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
    efficiency: {
      computeEfficiency: 0.65,
      memoryEfficiency: 0.85,
      linkEfficiency: 0.75,
      kernelOverheadSeconds: 4e-6,
      stepOverheadSeconds: 2e-4,
      attentionSaturationBatch: 16,
      softwareStackFactor: 1,
      memoryReserveFraction: 0.1,
      basis: 'assumed',
      note: 'Hopper-like defaults for a blank chip-lab chip',
    },
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
