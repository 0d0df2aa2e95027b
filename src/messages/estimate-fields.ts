// What a reader calls each profile field that can be an estimate: tooltips name "HBM bandwidth",
// not memory.hbmBandwidthBytesPerSecond (the CLI and exports keep the paths, which --format json uses).

const NAMES: Readonly<Record<string, string>> = {
  'compute.denseFlopsPerSecond.bf16': 'dense bf16 rate',
  'compute.denseFlopsPerSecond.fp16': 'dense fp16 rate',
  'compute.denseFlopsPerSecond.fp8': 'dense fp8 rate',
  'compute.denseFlopsPerSecond.fp4': 'dense fp4 rate',
  'compute.denseFlopsPerSecond.int8': 'dense int8 rate',
  'memory.hbmCapacityBytes': 'HBM capacity',
  'memory.hbmBandwidthBytesPerSecond': 'HBM bandwidth',
  'memory.sramCapacityBytes': 'on-chip SRAM',
  'memory.sramBandwidthBytesPerSecond': 'SRAM bandwidth',
  'memory.sramHoldsWeights': 'weights in SRAM',
  'scaleUp.bandwidthBytesPerSecondPerDirection': 'scale-up link bandwidth',
  'scaleUp.domainSize': 'scale-up domain size',
  'scaleUp.latencySeconds': 'scale-up link latency',
  'scaleOut.bandwidthBytesPerSecondPerDirection': 'scale-out bandwidth',
  'scaleOut.latencySeconds': 'scale-out latency',
  'power.tdpWatts': 'power (TDP)',
  'price.listPriceUsd': 'purchase price',
  'price.rentalUsdPerChipHour': 'rental price',
  'packaging.chipsPerServer': 'chips per server',
  releaseYear: 'release year',
};

/** The reader's name of an estimated profile field; the path itself when it has none. */
export function estimateFieldName(path: string): string {
  return NAMES[path] ?? path;
}
