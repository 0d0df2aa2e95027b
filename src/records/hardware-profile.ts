// A hardware profile (one chip, card or wafer-scale system as sold), declared once: the schema
// below is the type, the parser (catalog files, uploads, links, stored custom chips), the limits
// and the messages. Units are SI and are part of every numeric field name.

import { parseRecord, type Migration, type RecordVersioning } from '../schema/migrate';
import { EVIDENCE_BASES } from '../messages/evidence';
import { s, type Infer, type Parsed } from '../schema/schema';
import { HARDWARE_V1_TO_V2 } from './hardware-migrations';
import { chipDesignSchema } from './chip-design';

/** Matrix-engine rate classes a datasheet quotes (mxfp4/nvfp4 run on the fp4 rate). */
export const RATE_CLASSES = ['fp32', 'tf32', 'bf16', 'fp16', 'fp8', 'fp6', 'fp4', 'int8', 'int4'] as const;
export type RateClass = (typeof RATE_CLASSES)[number];

/** Rate classes of which at least one must be present: the engine runs LLM GEMMs on these. */
export const CORE_RATE_CLASSES: readonly RateClass[] = ['bf16', 'fp16', 'fp8', 'int8'];

export const SOURCE_GROUPS = ['compute', 'memory', 'scaleUp', 'scaleOut', 'power', 'price', 'packaging', 'efficiency'] as const;
export type SourceGroup = (typeof SOURCE_GROUPS)[number];

/**
 * Calibration families the efficiency fit knows; another family parses with a warning. An NVIDIA
 * family is one CUDA compute capability, i.e. one kernel target (developer.nvidia.com/cuda-gpus):
 * hopper 9.0 (H100, H200, GH200), blackwell 10.0 (B200, GB200), blackwell-ultra 10.3 (B300,
 * GB300), blackwell-rtx 12.0 (RTX PRO 6000: no tcgen05), ada 8.9 (L40S), ampere 8.0 (A100).
 */
export const KNOWN_FAMILIES: readonly string[] = [
  'nvidia-ampere', 'nvidia-ada', 'nvidia-hopper', 'nvidia-blackwell', 'nvidia-blackwell-ultra', 'nvidia-blackwell-rtx', 'amd-cdna3', 'amd-cdna4',
  'intel-gaudi', 'google-tpu', 'aws-neuron', 'groq-lpu', 'cerebras-wse', 'sambanova-rdu',
  'etched-sohu', 'matx', 'tenstorrent', 'd-matrix', 'huawei-ascend', 'chip-design',
];

export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const ID_MAX_LENGTH = 64;
const ID_TEXT = 'lowercase kebab-case (a-z, 0-9, "-")';

/** Physical ranges. Lower bounds catch unit slips (e.g. "989.4" meant as TFLOP/s). */
export const HARDWARE_LIMITS = {
  releaseYear: { min: 1990, max: 2040, integer: true },
  flopsPerSecond: { min: 1e9, max: 1e19, unit: 'FLOP/s' },
  capacityBytes: { min: 1e3, max: 1e13, allowZero: true, unit: 'bytes' },
  bandwidthBytesPerSecond: { min: 1e8, max: 1e17, allowZero: true, unit: 'B/s' },
  latencySeconds: { min: 1e-9, max: 1e-2, unit: 's' },
  domainSize: { min: 1, max: 100_000, integer: true },
  tdpWatts: { min: 1, max: 1e6, unit: 'W' },
  listPriceUsd: { min: 1, max: 1e8, unit: 'USD' },
  rentalUsdPerChipHour: { min: 0.001, max: 1e5, unit: 'USD per chip-hour' },
  chipsPerServer: { min: 1, max: 100_000, integer: true },
  overheadMultiplier: { min: 1, max: 10 },
  overheadSeconds: { min: 0, max: 0.1, unit: 's' },
  memoryReserveFraction: { min: 0, max: 0.9 },
  /**
   * Above 1 where serving stacks beat the kernel-timed shares of peak (fitted: H200 and GH200, whose
   * tuned TensorRT-LLM kernels outrun the timed torch ones); the shares it multiplies stay <= 1.
   */
  softwareStackFactor: { min: 0.01, max: 1.5 },
} as const;

const L = HARDWARE_LIMITS;
const name = (maxLength = 200) => s.string({ maxLength, nonEmpty: true });
const sourceList = s.array(s.string({ maxLength: 600, nonEmpty: true }), 50);

export { EVIDENCE_BASES, type EvidenceBasis } from '../messages/evidence';

const evidenceSchema = s.object({
  basis: s.enum(EVIDENCE_BASES),
  /** Calibration rows behind the fit: the chip's own (measured) or its sibling's (family). */
  rows: s.number({ min: 0, max: 100_000, integer: true }),
  /** The chip whose fit is used (family basis), else null. */
  from: s.string({ maxLength: ID_MAX_LENGTH, pattern: ID_PATTERN, patternText: ID_TEXT }).nullable(),
});

const share = () => s.number({ min: 0.01, max: 1 });
const moeFactor = () => s.number({ min: 0.05, max: 3 });
const overhead = () => s.number(L.overheadSeconds);

/** What a vendor says its silicon reaches (Etched, MatX): kept as the "vendor claim" setting, never fitted. */
const claimedSchema = s.object({
  computeEfficiency: share(),
  memoryEfficiency: share(),
  kernelOverheadSeconds: overhead(),
  note: s.string({ maxLength: 2000, nonEmpty: true }),
});

const efficiencySchema = s.object({
  /** Share of peak matrix FLOP/s that large GEMMs reach (H200: GEMMs of M >= 2048, kernel timings). */
  computeEfficiency: share(),
  /** Share of peak HBM bandwidth that streaming weight reads reach (memory-bound GEMMs). */
  memoryEfficiency: share(),
  /** Share of peak scale-up bandwidth collectives reach. */
  linkEfficiency: share(),
  /** Share of link bandwidth expert-parallel all-to-alls reach (DeepEP: ~40-58 of 50 GB/s RDMA). */
  allToAllEfficiency: share(),
  /** Fixed cost per kernel launch (GPU) or per operator (ASIC), seconds. */
  kernelOverheadSeconds: overhead(),
  /** Fixed cost per model step (scheduler, sampling, launch gaps), seconds. */
  stepOverheadSeconds: overhead(),
  /** Decode attention time = overhead + KV bytes / (bandwidth x this share): bytes, not sequences, set it. */
  attentionMemoryEfficiency: share(),
  attentionOverheadSeconds: overhead(),
  /** Share of peak FLOP/s causal prefill attention reaches (flash attention). */
  attentionComputeEfficiency: share(),
  /** Grouped expert GEMMs: share of peak at many tokens per expert; half of it at `moeHalfTokensPerExpert`. */
  moeComputeEfficiency: share(),
  moeHalfTokensPerExpert: s.number({ min: 0, max: 100_000 }),
  /** Share of peak HBM bandwidth on the touched experts' weights. */
  moeMemoryEfficiency: share(),
  /** Fixed cost of one MoE layer's grouped GEMMs (routing, permute, launches), seconds. */
  moeLayerOverheadSeconds: overhead(),
  /** What today's serving stack reaches, multiplying the silicon shares above ("achieved" mode; 1 = the kernel-timed shares). */
  softwareStackFactor: s.number(L.softwareStackFactor),
  /**
   * What serving stacks reach on MoE expert layers beyond that, relative to the grouped-GEMM kernel
   * timings ("achieved" mode), for fine-grained MoE (many small experts) and coarse MoE (a few
   * large ones). Above 1 when stacks beat the timed kernels; the resulting shares never exceed 1.
   */
  moeSoftwareFactor: s.object({ fineGrained: moeFactor(), coarse: moeFactor() }).withDefault({ fineGrained: 1, coarse: 1 }),
  /** Fraction of memory capacity kept free (runtime, fragmentation, activations). */
  memoryReserveFraction: s.number(L.memoryReserveFraction),
  evidence: evidenceSchema,
  /** Vendor-claimed silicon shares (the "vendor claim" efficiency setting), when the vendor states them. */
  claimed: claimedSchema.optional(),
  note: s.string({ maxLength: 4000 }),
});

const memorySchema = s.object({
  /** Main off-chip memory (HBM, GDDR, LPDDR). 0 for SRAM-only parts. */
  hbmCapacityBytes: s.number(L.capacityBytes),
  hbmBandwidthBytesPerSecond: s.number(L.bandwidthBytesPerSecond),
  hbmType: name(),
  /** Largest on-chip SRAM tier (L2 for GPUs; all memory for Groq/Cerebras). */
  sramCapacityBytes: s.number(L.capacityBytes),
  sramBandwidthBytesPerSecond: s.number(L.bandwidthBytesPerSecond),
  /** True when weights and KV may be placed in SRAM (ASICs with scratchpads; not GPU caches). */
  sramHoldsWeights: s.boolean(),
}).check((m, path, log) => {
  const hasHbm = m.hbmCapacityBytes > 0;
  const hasSram = m.sramCapacityBytes > 0;
  if (hasHbm && m.hbmBandwidthBytesPerSecond === 0) {
    log.error(`${path}.hbmBandwidthBytesPerSecond`, 'must be greater than 0 when hbmCapacityBytes is greater than 0');
  }
  if (!hasHbm && m.hbmBandwidthBytesPerSecond > 0) {
    log.error(`${path}.hbmCapacityBytes`, 'must be greater than 0 when hbmBandwidthBytesPerSecond is greater than 0');
  }
  if (m.sramHoldsWeights && (!hasSram || m.sramBandwidthBytesPerSecond === 0)) {
    log.error(`${path}.sramHoldsWeights`, 'is true, so sramCapacityBytes and sramBandwidthBytesPerSecond must both be greater than 0');
  }
  if (!hasHbm && !hasSram) log.error(path, 'needs hbmCapacityBytes or sramCapacityBytes greater than 0 (somewhere to hold the weights)');
  else if (!hasHbm && !m.sramHoldsWeights) {
    log.error(`${path}.sramHoldsWeights`, 'must be true when hbmCapacityBytes is 0 (SRAM is the only place for the weights)');
  }
});

const scaleUpSchema = s.object({
  name: name(),
  /** Per chip, per direction. */
  bandwidthBytesPerSecondPerDirection: s.number(L.bandwidthBytesPerSecond),
  latencySeconds: s.number(L.latencySeconds),
  /** Chips in one scale-up (high-bandwidth) domain. */
  domainSize: s.number(L.domainSize),
}).check((u, path, log) => {
  if (u.domainSize > 1 && u.bandwidthBytesPerSecondPerDirection === 0) {
    log.error(`${path}.bandwidthBytesPerSecondPerDirection`, 'must be greater than 0 when domainSize is greater than 1');
  }
});

const computeSchema = s.object({
  /** Peak dense (never 2:4-sparse) matrix FLOP/s (or OP/s for int) per chip, per rate class. */
  denseFlopsPerSecond: s.partialRecord(RATE_CLASSES, s.number(L.flopsPerSecond), {
    what: `an object of rate classes (${RATE_CLASSES.join(', ')}) in FLOP/s`,
    unknownKeyText: (key) => `is not a rate class; expected one of ${RATE_CLASSES.join(', ')}`,
  }).check((rates, path, log) => {
    if (!CORE_RATE_CLASSES.some((c) => rates[c] !== undefined)) {
      log.error(path, `needs a valid dense rate for at least one of ${CORE_RATE_CLASSES.join(', ')} (FLOP/s, ${L.flopsPerSecond.min} to ${L.flopsPerSecond.max})`);
    }
  }),
});

export const hardwareProfileSchema = s.object({
  schemaVersion: s.literal(2),
  id: s.string({ maxLength: ID_MAX_LENGTH, pattern: ID_PATTERN, patternText: ID_TEXT }),
  name: name(),
  vendor: name(),
  /** gpu | tpu | asic | wafer: used for grouping and colour only. */
  kind: s.enum(['gpu', 'tpu', 'asic', 'wafer'] as const),
  /** Calibration family (e.g. nvidia-hopper): a chip without calibration rows takes its fitted siblings' factor. */
  family: s.string({ maxLength: ID_MAX_LENGTH, pattern: ID_PATTERN, patternText: 'lowercase kebab-case' }).check((family, path, log) => {
    if (!KNOWN_FAMILIES.includes(family)) {
      log.warn(path, `"${family}" is not a known calibration family (${KNOWN_FAMILIES.join(', ')}); no fitted efficiencies will apply`);
    }
  }),
  releaseYear: s.number(L.releaseYear),
  status: s.enum(['shipping', 'announced'] as const),
  compute: computeSchema,
  memory: memorySchema,
  scaleUp: scaleUpSchema,
  scaleOut: s.object({
    name: name(),
    bandwidthBytesPerSecondPerDirection: s.number(L.bandwidthBytesPerSecond),
    latencySeconds: s.number(L.latencySeconds),
  }),
  power: s.object({
    /** Board/module TDP per chip (system power for wafer systems). */
    tdpWatts: s.number(L.tdpWatts),
  }),
  price: s.object({
    /** Purchase price of one chip (or one wafer system), USD. */
    listPriceUsd: s.number(L.listPriceUsd),
    /** On-demand rental per chip-hour, USD; null when no market price is known. */
    rentalUsdPerChipHour: s.number(L.rentalUsdPerChipHour).nullable(),
  }),
  packaging: s.object({
    systemName: name(),
    chipsPerServer: s.number(L.chipsPerServer),
    /** Multiplier from chip price to all-in capex per chip (server, network, rack share). */
    capexOverheadMultiplier: s.number(L.overheadMultiplier),
    /** Host/server power on top of chip TDP, as a multiplier (CPUs, NICs, fans). */
    serverPowerOverheadMultiplier: s.number(L.overheadMultiplier),
  }),
  efficiency: efficiencySchema,
  /** Estimate marks: field path (e.g. "price.listPriceUsd") -> basis of the estimate. */
  estimates: s.record(s.string({ maxLength: 1200, nonEmpty: true }), {
    keyPattern: /^[A-Za-z0-9]+(?:\.[A-Za-z0-9]+)*$/,
    keyText: 'a dotted field path such as "price.listPriceUsd"',
    maxKeys: 200,
  }),
  /**
   * Values set in the chip lab: field path (e.g. "memory.hbmBandwidthBytesPerSecond") -> what was
   * set over what ("HBM bandwidth, replacing NVIDIA H200 SXM 141GB's 4.8 TB/s"), so explain cites
   * the lab, not the sources, for it (app-state/lab-entries.ts).
   */
  entered: s.record(s.string({ maxLength: 600, nonEmpty: true }), {
    keyPattern: /^[A-Za-z0-9]+(?:\.[A-Za-z0-9]+)*$/,
    keyText: 'a dotted field path such as "memory.hbmBandwidthBytesPerSecond"',
    maxKeys: 50,
  }).optional(),
  /** Sources per field group. */
  sources: s.partialRecord(SOURCE_GROUPS, sourceList, {
    unknownKeys: 'warn',
    unknownKeyText: () => `is not a source group (${SOURCE_GROUPS.join(', ')}) and was ignored`,
  }),
  notes: s.string({ maxLength: 4000 }).optional(),
  /** Where the numbers come from: 'design' = derived from silicon area by src/design (issue 15). */
  origin: s.enum(['design'] as const).optional(),
  /** The design the profile was derived from (with origin 'design'). */
  design: chipDesignSchema.optional(),
}, { what: 'a hardware profile (a JSON object)' });

export type HardwareProfile = Infer<typeof hardwareProfileSchema>;
export type EfficiencyProfile = HardwareProfile['efficiency'];

/** Numbered migrations of hardware profiles: migration N reads version N and writes N+1. */
export const HARDWARE_MIGRATIONS: readonly Migration[] = [HARDWARE_V1_TO_V2];

export const HARDWARE_VERSIONING: RecordVersioning = { current: 2, migrations: HARDWARE_MIGRATIONS, what: 'hardware profiles' };

/** Validates an untrusted value as a hardware profile (any schema version); never throws. */
export function parseHardwareProfile(raw: unknown): Parsed<HardwareProfile> {
  return parseRecord(hardwareProfileSchema, HARDWARE_VERSIONING, raw, 'a hardware profile');
}
