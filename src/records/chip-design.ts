// A chip design (issue 15), declared once: die area, process node, how the area is shared between
// matrix units, SRAM, vector/control and I/O, clock, memory and links. The derivation
// (src/design) turns it into an ordinary hardware profile; the profile embeds the design, so this
// schema is also part of the hardware-profile schema. Checks that need the silicon constants
// (reticle, shoreline, I/O area) live in src/design/check-design.ts.

import { DESIGN } from '../messages/design';
import { parseRecord, type Migration, type RecordVersioning } from '../schema/migrate';
import { s, type Infer, type Parsed } from '../schema/schema';
import { MATRIX_FORMATS, MEMORY_TYPES, PROCESS_NODES, SRAM_ORGANIZATIONS } from './silicon-constants';

export { MATRIX_FORMATS, MEMORY_TYPES, PROCESS_NODES, SRAM_ORGANIZATIONS };

/** Formats of which a design needs at least one: the engine's core rate classes. */
export const CORE_MATRIX_FORMATS = ['bf16', 'fp16', 'fp8', 'int8'] as const;

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Input ranges. Link ranges equal HARDWARE_LIMITS (tests/design/design-schema.test.ts ties them). */
export const DESIGN_LIMITS = {
  dieAreaMm2: { min: 1, max: 50_000, unit: 'mm²' },
  computeDies: { min: 1, max: 64, integer: true },
  clockGHz: { min: 0.1, max: 6, unit: 'GHz' },
  memoryCount: { min: 0, max: 128, integer: true },
  stackHeight: { min: 4, max: 16, integer: true },
  ioDieCount: { min: 1, max: 16, integer: true },
  spareFraction: { min: 0, max: 0.5 },
  bandwidthBytesPerSecond: { min: 1e8, max: 1e17, allowZero: true, unit: 'B/s' },
  latencySeconds: { min: 1e-9, max: 1e-2, unit: 's' },
  domainSize: { min: 1, max: 100_000, integer: true },
  tdpWatts: { min: 1, max: 1e6, unit: 'W' },
  vendorMarginFraction: { min: 0, max: 0.95 },
  chipsPerServer: { min: 1, max: 100_000, integer: true },
  releaseYear: { min: 1990, max: 2040, integer: true },
} as const;

const L = DESIGN_LIMITS;
const name = (maxLength = 200) => s.string({ maxLength, nonEmpty: true });
const id = () => s.string({ maxLength: 64, pattern: ID, patternText: 'lowercase kebab-case (a-z, 0-9, "-")' });
const share = () => s.number({ min: 0, max: 1 });

const areaSharesSchema = s.object({
  /** Matrix units with what each core needs beside them (register files, operand buffers). */
  matrix: s.fraction(),
  /** Shared SRAM outside the cores (L2, global buffer or scratchpad). */
  sram: share(),
  /** Vector units, on-chip network, command processors, control. */
  vectorAndControl: share(),
  /** Memory PHYs and controllers, link PHYs. */
  io: share(),
}).check((a, path, log) => {
  const sum = a.matrix + a.sram + a.vectorAndControl + a.io;
  if (Math.abs(sum - 1) > 1e-3) log.error(path, DESIGN.sharesSum(sum).text);
});

const memorySchema = s.object({
  type: s.enum([...MEMORY_TYPES, 'none'] as const),
  /** HBM stacks, LPDDR x16 channels or GDDR x32 devices per package. */
  count: s.number(L.memoryCount),
  /** HBM only: dies per stack (8 when absent). */
  stackHeight: s.number(L.stackHeight).optional(),
}).check((m, path, log) => {
  if (m.type === 'none' && m.count > 0) log.error(`${path}.count`, DESIGN.countWithoutMemory().text);
  if (m.type !== 'none' && m.count === 0) log.error(`${path}.count`, DESIGN.memoryWithoutCount(m.type).text);
  if (m.stackHeight !== undefined && !m.type.startsWith('HBM')) log.error(`${path}.stackHeight`, DESIGN.stackHeightNotHbm(m.type).text);
});

const formatsSchema = s.array(s.enum(MATRIX_FORMATS), MATRIX_FORMATS.length).check((formats, path, log) => {
  if (!CORE_MATRIX_FORMATS.some((f) => formats.includes(f))) log.error(path, DESIGN.noCoreFormat(CORE_MATRIX_FORMATS.join(', ')).text);
  const seen = new Set<string>();
  for (const f of formats) {
    if (seen.has(f)) log.error(path, DESIGN.duplicateFormat(f).text);
    seen.add(f);
  }
});

const linkSchema = {
  name: name().optional(),
  /** Per chip, per direction. */
  bandwidthBytesPerSecondPerDirection: s.number(L.bandwidthBytesPerSecond),
};

export const chipDesignSchema = s.object({
  schemaVersion: s.literal(1),
  id: id(),
  name: name(),
  vendor: name().optional(),
  kind: s.enum(['gpu', 'tpu', 'asic', 'wafer'] as const).optional(),
  releaseYear: s.number(L.releaseYear).optional(),
  /** Catalog id of the shipped chip this design approximates (the chip lab's ghost, calibration). */
  approximates: id().optional(),
  processNode: s.enum(PROCESS_NODES),
  /** Area of one compute die. */
  dieAreaMm2: s.number(L.dieAreaMm2),
  computeDies: s.number(L.computeDies),
  areaShares: areaSharesSchema,
  clockGHz: s.number(L.clockGHz),
  matrixFormats: formatsSchema,
  /** cache: GPU-style L2 (weights stream from DRAM); scratchpad: software-managed, may hold weights. */
  sramOrganization: s.enum(SRAM_ORGANIZATIONS).withDefault('cache'),
  memory: memorySchema,
  /** Separate I/O dies carrying the memory interfaces and links (MI300X). */
  ioDies: s.object({
    count: s.number(L.ioDieCount),
    areaMm2: s.number(L.dieAreaMm2),
    processNode: s.enum(PROCESS_NODES).withDefault('N7'),
  }).optional(),
  /** Share of the replicated units made but switched off to raise yield (H100: 12 of 144 SMs). */
  spareFraction: s.number(L.spareFraction).withDefault(0),
  scaleUp: s.object({
    ...linkSchema,
    domainSize: s.number(L.domainSize),
    latencySeconds: s.number(L.latencySeconds).withDefault(8e-6),
  }),
  scaleOut: s.object({
    ...linkSchema,
    latencySeconds: s.number(L.latencySeconds).withDefault(5e-6),
  }),
  /** Power limit; above it the derivation lowers the clock (powerLimitedClockGHz). */
  tdpWatts: s.number(L.tdpWatts).optional(),
  /** Price = build cost / (1 - margin). */
  vendorMarginFraction: s.number(L.vendorMarginFraction),
  chipsPerServer: s.number(L.chipsPerServer).withDefault(8),
  /** Why an input has its value (field path -> basis), e.g. area shares taken from a proxy die. */
  estimates: s.record(s.string({ maxLength: 1200, nonEmpty: true }), {
    keyPattern: /^[A-Za-z0-9]+(?:\.[A-Za-z0-9]+)*$/,
    keyText: 'a dotted field path such as "areaShares"',
    maxKeys: 50,
  }).optional(),
  notes: s.string({ maxLength: 4000 }).optional(),
}, { what: 'a chip design (a JSON object)' });

export type ChipDesign = Infer<typeof chipDesignSchema>;

/** Numbered migrations of design files: migration N reads version N and writes N+1. */
export const DESIGN_MIGRATIONS: readonly Migration[] = [];

export const DESIGN_VERSIONING: RecordVersioning = { current: 1, migrations: DESIGN_MIGRATIONS, what: 'chip designs' };

/** Validates the shape of an untrusted design (the physical checks need the constants: src/design). */
export function parseChipDesignShape(raw: unknown): Parsed<ChipDesign> {
  return parseRecord(chipDesignSchema, DESIGN_VERSIONING, raw, 'a chip design');
}
