// The constants of the chip-design derivation (reference/silicon-constants.json), declared once:
// every constant carries its value, the low-high range its sources span, its unit and its source,
// so the derivation can cite each input and propagate the ranges into its outputs.

import { s, type Infer, type Parsed, parseWith } from '../schema/schema';

export const PROCESS_NODES = ['N7', 'N5', 'N4', 'N3', 'N2'] as const;
export type ProcessNode = (typeof PROCESS_NODES)[number];

export const MEMORY_TYPES = ['HBM3', 'HBM3E', 'HBM4', 'LPDDR5X', 'GDDR7'] as const;
export type MemoryType = (typeof MEMORY_TYPES)[number];

/** Matrix formats a design may run natively (fp32 is a vector rate, not a matrix format). */
export const MATRIX_FORMATS = ['tf32', 'bf16', 'fp16', 'fp8', 'fp6', 'fp4', 'int8', 'int4'] as const;
export type MatrixFormat = (typeof MATRIX_FORMATS)[number];

export const SRAM_ORGANIZATIONS = ['cache', 'scratchpad'] as const;
export type SramOrganization = (typeof SRAM_ORGANIZATIONS)[number];

const text = (maxLength: number) => s.string({ maxLength, nonEmpty: true });

export const constantSchema = s.object({
  value: s.number({ min: 0, max: 1e16, allowZero: true }),
  low: s.number({ min: 0, max: 1e16, allowZero: true }),
  high: s.number({ min: 0, max: 1e16, allowZero: true }),
  unit: text(200),
  source: text(1000),
  note: s.string({ maxLength: 1000 }).optional(),
}).check((c, path, log) => {
  if (!(c.low <= c.value && c.value <= c.high)) log.error(path, `needs low <= value <= high, got ${c.low}, ${c.value}, ${c.high}`);
});

export type Constant = Infer<typeof constantSchema>;

const C = constantSchema;

const nodeSchema = s.object({
  /** Dense bf16 multiply-accumulates per cycle per mm2 of matrix (core) area. */
  matrixMacsPerCyclePerMm2: C,
  sramBitcellUm2: C,
  waferPriceUsd: C,
  defectDensityPerCm2: C,
  /** Energy per dense bf16 FLOP of everything on the die except SRAM, DRAM and link traffic. */
  matrixEnergyPjPerFlop: C,
});

const sramSchema = s.object({ arrayEfficiency: C, bytesPerCyclePerByte: C, energyPjPerByte: C });

const memorySchema = s.object({
  bandwidthBytesPerSecondPerUnit: C,
  /** An 8-high stack for HBM; one channel or device for LPDDR and GDDR. */
  capacityBytesPer8High: C,
  energyPjPerBit: C,
  priceUsdPerGb: C,
  shorelineMmPerUnit: C,
  phyAreaMm2PerUnit: C,
});

const record = <T>(keys: readonly string[], value: T) => Object.fromEntries(keys.map((k) => [k, value])) as Record<string, T>;

export const siliconConstantsSchema = s.object({
  schemaVersion: s.literal(1),
  about: text(2000),
  nodes: s.object(record(PROCESS_NODES, nodeSchema) as { [K in ProcessNode]: typeof nodeSchema }),
  formats: s.object(record(MATRIX_FORMATS, C) as { [K in MatrixFormat]: typeof C }),
  sram: s.object(record(SRAM_ORGANIZATIONS, sramSchema) as { [K in SramOrganization]: typeof sramSchema }),
  memory: s.object(record(MEMORY_TYPES, memorySchema) as { [K in MemoryType]: typeof memorySchema }),
  links: s.object({ scaleUpPhyMm2PerGBps: C, scaleOutPhyMm2PerGBps: C, scaleUpEnergyPjPerBit: C }),
  die: s.object({
    reticleMm2: C, reticleAspect: C, waferDiameterMm: C, edgeExclusionMm: C, scribeLaneMm: C,
    memoryEdgeFraction: C, replicatedUnitMm2: C, minVectorAndControlShare: C,
  }),
  power: s.object({ dvfsExponent: C }),
  package: s.object({ interposerUsdPerMm2: C, organicPackageUsd: C, bondingYield: C, testAssemblyUsd: C }),
  system: s.object({ capexOverheadMultiplier: C, serverPowerOverheadMultiplier: C }),
  /** Published build-cost (teardown) estimates by catalog chip id, for the calibration table. */
  teardowns: s.record(C, { keyPattern: /^[a-z0-9]+(?:-[a-z0-9]+)*$/, keyText: 'a catalog chip id', maxKeys: 50 }),
}, { what: 'the silicon constants table' });

export type SiliconConstants = Infer<typeof siliconConstantsSchema>;

export function parseSiliconConstants(raw: unknown): Parsed<SiliconConstants> {
  return parseWith(siliconConstantsSchema, raw, 'the silicon constants table');
}
