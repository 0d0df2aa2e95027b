// Parser for hardware profiles (bundled JSON files and user uploads). Never throws: every problem is
// reported with the field path and the accepted range, and valid fields survive bad neighbours.
// Fallback values filled in for bad fields are placeholders only: a profile with errors must not be
// simulated (the catalog and the scenario parser reject it).

import type { EfficiencyProfile, HardwareProfile, RateClass, SourceGroup } from '../engine/types';
import { RATE_CLASSES } from '../engine/types';
import {
  IssueLog,
  describeValue,
  isRecord,
  joinPath,
  own,
  readBoolean,
  readEnum,
  readNullableNumber,
  readNumber,
  readRecord,
  readString,
  type NumberRule,
  type ParseOutcome,
} from '../parse/fields';

export const SOURCE_GROUPS: readonly SourceGroup[] = [
  'compute', 'memory', 'scaleUp', 'scaleOut', 'power', 'price', 'packaging', 'efficiency',
];

/** Calibration families the efficiency fit knows; another family parses with a warning. */
export const KNOWN_FAMILIES: readonly string[] = [
  'nvidia-ampere', 'nvidia-ada', 'nvidia-hopper', 'nvidia-blackwell', 'amd-cdna3', 'amd-cdna4',
  'intel-gaudi', 'google-tpu', 'aws-neuron', 'groq-lpu', 'cerebras-wse', 'sambanova-rdu',
  'etched-sohu', 'matx', 'tenstorrent', 'd-matrix', 'huawei-ascend',
];

/** Rate classes of which at least one must be present: the engine runs LLM GEMMs on these. */
export const CORE_RATE_CLASSES: readonly RateClass[] = ['bf16', 'fp16', 'fp8', 'int8'];

export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const ID_MAX_LENGTH = 64;
const ESTIMATE_PATH_PATTERN = /^[A-Za-z0-9]+(?:\.[A-Za-z0-9]+)*$/;

/** Physical ranges. Lower bounds catch unit slips (e.g. "989.4" meant as TFLOP/s). */
export const HARDWARE_LIMITS = {
  releaseYear: { min: 1990, max: 2040, integer: true } satisfies NumberRule,
  flopsPerSecond: { min: 1e9, max: 1e19, unit: 'FLOP/s' } satisfies NumberRule,
  capacityBytes: { min: 1e3, max: 1e13, allowZero: true, unit: 'bytes' } satisfies NumberRule,
  bandwidthBytesPerSecond: { min: 1e8, max: 1e17, allowZero: true, unit: 'B/s' } satisfies NumberRule,
  latencySeconds: { min: 1e-9, max: 1e-2, unit: 's' } satisfies NumberRule,
  domainSize: { min: 1, max: 100_000, integer: true } satisfies NumberRule,
  tdpWatts: { min: 1, max: 1e6, unit: 'W' } satisfies NumberRule,
  listPriceUsd: { min: 1, max: 1e8, unit: 'USD' } satisfies NumberRule,
  rentalUsdPerChipHour: { min: 0.001, max: 1e5, unit: 'USD per chip-hour' } satisfies NumberRule,
  chipsPerServer: { min: 1, max: 100_000, integer: true } satisfies NumberRule,
  overheadMultiplier: { min: 1, max: 10 } satisfies NumberRule,
  overheadSeconds: { min: 0, max: 0.1, unit: 's' } satisfies NumberRule,
  attentionSaturationBatch: { min: 1, max: 1e6 } satisfies NumberRule,
  memoryReserveFraction: { min: 0, max: 0.9 } satisfies NumberRule,
} as const;

const NAME_MAX = 200;
const SOURCE_MAX = 600;
const ESTIMATE_BASIS_MAX = 1200;
const NOTE_MAX = 4000;

const TOP_LEVEL_KEYS = new Set([
  'id', 'name', 'vendor', 'kind', 'family', 'releaseYear', 'status', 'compute', 'memory', 'scaleUp',
  'scaleOut', 'power', 'price', 'packaging', 'efficiency', 'estimates', 'sources', 'notes',
]);

const GROUP_KEYS: Record<string, readonly string[]> = {
  compute: ['denseFlopsPerSecond'],
  memory: [
    'hbmCapacityBytes', 'hbmBandwidthBytesPerSecond', 'hbmType', 'sramCapacityBytes',
    'sramBandwidthBytesPerSecond', 'sramHoldsWeights',
  ],
  scaleUp: ['name', 'bandwidthBytesPerSecondPerDirection', 'latencySeconds', 'domainSize'],
  scaleOut: ['name', 'bandwidthBytesPerSecondPerDirection', 'latencySeconds'],
  power: ['tdpWatts'],
  price: ['listPriceUsd', 'rentalUsdPerChipHour'],
  packaging: ['systemName', 'chipsPerServer', 'capexOverheadMultiplier', 'serverPowerOverheadMultiplier'],
  efficiency: [
    'computeEfficiency', 'memoryEfficiency', 'linkEfficiency', 'kernelOverheadSeconds', 'stepOverheadSeconds',
    'attentionSaturationBatch', 'softwareStackFactor', 'memoryReserveFraction', 'basis', 'note',
  ],
};

/** Placeholder efficiencies for fields that failed to parse (never used for a valid profile). */
const FALLBACK_EFFICIENCY: EfficiencyProfile = {
  computeEfficiency: 0.6,
  memoryEfficiency: 0.8,
  linkEfficiency: 0.7,
  kernelOverheadSeconds: 5e-6,
  stepOverheadSeconds: 3e-4,
  attentionSaturationBatch: 16,
  softwareStackFactor: 1,
  memoryReserveFraction: 0.1,
  basis: 'assumed',
  note: '',
};

function warnUnknownKeys(log: IssueLog, record: Record<string, unknown>, path: string, known: readonly string[]): void {
  for (const key of Object.keys(record)) {
    if (!known.includes(key)) log.warn(joinPath(path, key), 'is not a known field and was ignored');
  }
}

function readName(log: IssueLog, record: Record<string, unknown>, key: string, path: string, maxLength = NAME_MAX): string {
  const value = readString(log, record, key, path, '', { maxLength });
  const raw = own(record, key);
  if (typeof raw === 'string' && raw.length <= maxLength && raw.trim() === '') {
    log.error(joinPath(path, key), 'must not be empty');
  }
  return value;
}

/** A number in the half-open interval (0, 1]. */
function readFraction(log: IssueLog, record: Record<string, unknown>, key: string, path: string, fallback: number): number {
  const raw = own(record, key);
  const fieldPath = joinPath(path, key);
  if (raw === undefined) {
    log.error(fieldPath, 'is missing; expected a number in (0, 1]');
    return fallback;
  }
  if (typeof raw !== 'number' || !Number.isFinite(raw) || raw <= 0 || raw > 1) {
    log.error(fieldPath, `must be a number in (0, 1], got ${describeValue(raw)}`);
    return fallback;
  }
  return raw;
}

function readId(log: IssueLog, record: Record<string, unknown>): string | null {
  const raw = own(record, 'id');
  if (raw === undefined) {
    log.error('id', `is missing; expected lowercase kebab-case (a-z, 0-9, "-"), at most ${ID_MAX_LENGTH} characters`);
    return null;
  }
  if (typeof raw !== 'string' || raw.length > ID_MAX_LENGTH || !ID_PATTERN.test(raw)) {
    const got = typeof raw === 'string' && raw.length > ID_MAX_LENGTH ? `${raw.length} characters` : describeValue(raw);
    log.error('id', `must be lowercase kebab-case (a-z, 0-9, "-"), at most ${ID_MAX_LENGTH} characters, got ${got}`);
    return null;
  }
  return raw;
}

function readCompute(log: IssueLog, root: Record<string, unknown>): { rates: Partial<Record<RateClass, number>>; usable: boolean } {
  const compute = readRecord(log, root, 'compute', '');
  warnUnknownKeys(log, compute, 'compute', GROUP_KEYS.compute!);
  const rates: Partial<Record<RateClass, number>> = {};
  const raw = own(compute, 'denseFlopsPerSecond');
  const path = 'compute.denseFlopsPerSecond';
  if (raw === undefined) {
    if (isRecord(own(root, 'compute'))) log.error(path, `is missing; expected an object of rate classes (${RATE_CLASSES.join(', ')}) in FLOP/s`);
  } else if (!isRecord(raw)) {
    log.error(path, `must be an object of rate classes (${RATE_CLASSES.join(', ')}) in FLOP/s, got ${describeValue(raw)}`);
  } else {
    for (const key of Object.keys(raw)) {
      const fieldPath = joinPath(path, key);
      if (!(RATE_CLASSES as readonly string[]).includes(key)) {
        log.error(fieldPath, `is not a rate class; expected one of ${RATE_CLASSES.join(', ')}`);
        continue;
      }
      const value = readNumber(log, raw, key, path, HARDWARE_LIMITS.flopsPerSecond, 0);
      if (value > 0) rates[key as RateClass] = value;
    }
  }
  const usable = CORE_RATE_CLASSES.some((c) => rates[c] !== undefined);
  if (!usable) {
    log.error(path, `needs a valid dense rate for at least one of ${CORE_RATE_CLASSES.join(', ')} (FLOP/s, ${HARDWARE_LIMITS.flopsPerSecond.min} to ${HARDWARE_LIMITS.flopsPerSecond.max})`);
  }
  return { rates, usable };
}

function readMemory(log: IssueLog, root: Record<string, unknown>): { memory: HardwareProfile['memory']; usable: boolean } {
  const m = readRecord(log, root, 'memory', '');
  const path = 'memory';
  warnUnknownKeys(log, m, path, GROUP_KEYS.memory!);
  const L = HARDWARE_LIMITS;
  const memory: HardwareProfile['memory'] = {
    hbmCapacityBytes: readNumber(log, m, 'hbmCapacityBytes', path, L.capacityBytes, 0),
    hbmBandwidthBytesPerSecond: readNumber(log, m, 'hbmBandwidthBytesPerSecond', path, L.bandwidthBytesPerSecond, 0),
    hbmType: readName(log, m, 'hbmType', path),
    sramCapacityBytes: readNumber(log, m, 'sramCapacityBytes', path, L.capacityBytes, 0),
    sramBandwidthBytesPerSecond: readNumber(log, m, 'sramBandwidthBytesPerSecond', path, L.bandwidthBytesPerSecond, 0),
    sramHoldsWeights: readBoolean(log, m, 'sramHoldsWeights', path, false),
  };
  const hasHbm = memory.hbmCapacityBytes > 0;
  const hasSram = memory.sramCapacityBytes > 0;
  if (hasHbm && memory.hbmBandwidthBytesPerSecond === 0 && typeof own(m, 'hbmBandwidthBytesPerSecond') === 'number') {
    log.error('memory.hbmBandwidthBytesPerSecond', 'must be greater than 0 when hbmCapacityBytes is greater than 0');
  }
  if (!hasHbm && memory.hbmBandwidthBytesPerSecond > 0) {
    log.error('memory.hbmCapacityBytes', 'must be greater than 0 when hbmBandwidthBytesPerSecond is greater than 0');
  }
  if (memory.sramHoldsWeights && (!hasSram || memory.sramBandwidthBytesPerSecond === 0)) {
    log.error('memory.sramHoldsWeights', 'is true, so sramCapacityBytes and sramBandwidthBytesPerSecond must both be greater than 0');
  }
  const usable = hasHbm || (hasSram && memory.sramHoldsWeights);
  if (!hasHbm && !hasSram) {
    log.error('memory', 'needs hbmCapacityBytes or sramCapacityBytes greater than 0 (somewhere to hold the weights)');
  } else if (!hasHbm && !memory.sramHoldsWeights && typeof own(m, 'sramHoldsWeights') === 'boolean') {
    log.error('memory.sramHoldsWeights', 'must be true when hbmCapacityBytes is 0 (SRAM is the only place for the weights)');
  }
  return { memory, usable };
}

function readScaleUp(log: IssueLog, root: Record<string, unknown>): HardwareProfile['scaleUp'] {
  const s = readRecord(log, root, 'scaleUp', '');
  const path = 'scaleUp';
  warnUnknownKeys(log, s, path, GROUP_KEYS.scaleUp!);
  const L = HARDWARE_LIMITS;
  const scaleUp: HardwareProfile['scaleUp'] = {
    name: readName(log, s, 'name', path),
    bandwidthBytesPerSecondPerDirection: readNumber(log, s, 'bandwidthBytesPerSecondPerDirection', path, L.bandwidthBytesPerSecond, 0),
    latencySeconds: readNumber(log, s, 'latencySeconds', path, L.latencySeconds, 1e-5),
    domainSize: readNumber(log, s, 'domainSize', path, L.domainSize, 1),
  };
  if (scaleUp.domainSize > 1 && scaleUp.bandwidthBytesPerSecondPerDirection === 0 && typeof own(s, 'bandwidthBytesPerSecondPerDirection') === 'number') {
    log.error('scaleUp.bandwidthBytesPerSecondPerDirection', 'must be greater than 0 when domainSize is greater than 1');
  }
  return scaleUp;
}

function readScaleOut(log: IssueLog, root: Record<string, unknown>): HardwareProfile['scaleOut'] {
  const s = readRecord(log, root, 'scaleOut', '');
  const path = 'scaleOut';
  warnUnknownKeys(log, s, path, GROUP_KEYS.scaleOut!);
  const L = HARDWARE_LIMITS;
  return {
    name: readName(log, s, 'name', path),
    bandwidthBytesPerSecondPerDirection: readNumber(log, s, 'bandwidthBytesPerSecondPerDirection', path, L.bandwidthBytesPerSecond, 0),
    latencySeconds: readNumber(log, s, 'latencySeconds', path, L.latencySeconds, 1e-5),
  };
}

function readPrice(log: IssueLog, root: Record<string, unknown>): HardwareProfile['price'] {
  const p = readRecord(log, root, 'price', '');
  const path = 'price';
  warnUnknownKeys(log, p, path, GROUP_KEYS.price!);
  const listPriceUsd = readNumber(log, p, 'listPriceUsd', path, HARDWARE_LIMITS.listPriceUsd, 0);
  if (own(p, 'rentalUsdPerChipHour') === undefined && isRecord(own(root, 'price'))) {
    log.error('price.rentalUsdPerChipHour', 'is missing; expected a number from 0.001 to 100000 USD per chip-hour, or null when no market price is known');
  }
  const rentalUsdPerChipHour = readNullableNumber(log, p, 'rentalUsdPerChipHour', path, HARDWARE_LIMITS.rentalUsdPerChipHour, null);
  return { listPriceUsd, rentalUsdPerChipHour };
}

function readPackaging(log: IssueLog, root: Record<string, unknown>): HardwareProfile['packaging'] {
  const p = readRecord(log, root, 'packaging', '');
  const path = 'packaging';
  warnUnknownKeys(log, p, path, GROUP_KEYS.packaging!);
  const L = HARDWARE_LIMITS;
  return {
    systemName: readName(log, p, 'systemName', path),
    chipsPerServer: readNumber(log, p, 'chipsPerServer', path, L.chipsPerServer, 1),
    capexOverheadMultiplier: readNumber(log, p, 'capexOverheadMultiplier', path, L.overheadMultiplier, 1),
    serverPowerOverheadMultiplier: readNumber(log, p, 'serverPowerOverheadMultiplier', path, L.overheadMultiplier, 1),
  };
}

function readEfficiency(log: IssueLog, root: Record<string, unknown>): EfficiencyProfile {
  const e = readRecord(log, root, 'efficiency', '');
  const path = 'efficiency';
  warnUnknownKeys(log, e, path, GROUP_KEYS.efficiency!);
  const L = HARDWARE_LIMITS;
  const f = FALLBACK_EFFICIENCY;
  return {
    computeEfficiency: readFraction(log, e, 'computeEfficiency', path, f.computeEfficiency),
    memoryEfficiency: readFraction(log, e, 'memoryEfficiency', path, f.memoryEfficiency),
    linkEfficiency: readFraction(log, e, 'linkEfficiency', path, f.linkEfficiency),
    kernelOverheadSeconds: readNumber(log, e, 'kernelOverheadSeconds', path, L.overheadSeconds, f.kernelOverheadSeconds),
    stepOverheadSeconds: readNumber(log, e, 'stepOverheadSeconds', path, L.overheadSeconds, f.stepOverheadSeconds),
    attentionSaturationBatch: readNumber(log, e, 'attentionSaturationBatch', path, L.attentionSaturationBatch, f.attentionSaturationBatch),
    softwareStackFactor: readFraction(log, e, 'softwareStackFactor', path, f.softwareStackFactor),
    memoryReserveFraction: readNumber(log, e, 'memoryReserveFraction', path, L.memoryReserveFraction, f.memoryReserveFraction),
    basis: readEnum(log, e, 'basis', path, ['fitted', 'assumed'] as const, 'assumed'),
    note: readString(log, e, 'note', path, '', { maxLength: NOTE_MAX }),
  };
}

function readEstimates(log: IssueLog, root: Record<string, unknown>): Record<string, string> {
  const raw = readRecord(log, root, 'estimates', '');
  const out: Record<string, string> = {};
  for (const key of Object.keys(raw)) {
    const fieldPath = joinPath('estimates', key);
    if (key.length > 200 || !ESTIMATE_PATH_PATTERN.test(key)) {
      log.error(fieldPath, 'must be keyed by a dotted field path such as "price.listPriceUsd"');
      continue;
    }
    const basis = own(raw, key);
    if (typeof basis !== 'string' || basis.trim() === '' || basis.length > ESTIMATE_BASIS_MAX) {
      log.error(fieldPath, `must be a non-empty string (the basis of the estimate, at most ${ESTIMATE_BASIS_MAX} characters), got ${describeValue(basis)}`);
      continue;
    }
    out[key] = basis;
  }
  return out;
}

function readSources(log: IssueLog, root: Record<string, unknown>): Partial<Record<SourceGroup, string[]>> {
  const raw = readRecord(log, root, 'sources', '');
  const out: Partial<Record<SourceGroup, string[]>> = {};
  for (const key of Object.keys(raw)) {
    const fieldPath = joinPath('sources', key);
    if (!(SOURCE_GROUPS as readonly string[]).includes(key)) {
      log.warn(fieldPath, `is not a source group (${SOURCE_GROUPS.join(', ')}) and was ignored`);
      continue;
    }
    const list = own(raw, key);
    if (!Array.isArray(list)) {
      log.error(fieldPath, `must be a list of source strings, got ${describeValue(list)}`);
      continue;
    }
    const items: string[] = [];
    list.forEach((item: unknown, index: number) => {
      if (typeof item !== 'string' || item.trim() === '' || item.length > SOURCE_MAX) {
        log.error(`${fieldPath}.${index}`, `must be a non-empty string of at most ${SOURCE_MAX} characters, got ${describeValue(item)}`);
      } else items.push(item);
    });
    out[key as SourceGroup] = items;
  }
  return out;
}

function parseRecord(log: IssueLog, root: Record<string, unknown>): HardwareProfile | null {
  for (const key of Object.keys(root)) {
    if (!TOP_LEVEL_KEYS.has(key)) log.warn(key, 'is not a hardware profile field and was ignored');
  }
  const id = readId(log, root);
  const name = readName(log, root, 'name', '');
  const vendor = readName(log, root, 'vendor', '');
  const kind = readEnum(log, root, 'kind', '', ['gpu', 'tpu', 'asic', 'wafer'] as const, 'asic');
  const family = readString(log, root, 'family', '', '', { maxLength: ID_MAX_LENGTH });
  const rawFamily = own(root, 'family');
  if (typeof rawFamily === 'string' && rawFamily.length <= ID_MAX_LENGTH) {
    if (!ID_PATTERN.test(rawFamily)) log.error('family', `must be lowercase kebab-case, got ${describeValue(rawFamily)}`);
    else if (!KNOWN_FAMILIES.includes(rawFamily)) {
      log.warn('family', `"${rawFamily}" is not a known calibration family (${KNOWN_FAMILIES.join(', ')}); no fitted efficiencies will apply`);
    }
  }
  const releaseYear = readNumber(log, root, 'releaseYear', '', HARDWARE_LIMITS.releaseYear, 2024);
  const status = readEnum(log, root, 'status', '', ['shipping', 'announced'] as const, 'announced');
  const compute = readCompute(log, root);
  const memory = readMemory(log, root);
  const scaleUp = readScaleUp(log, root);
  const scaleOut = readScaleOut(log, root);
  const powerRecord = readRecord(log, root, 'power', '');
  warnUnknownKeys(log, powerRecord, 'power', GROUP_KEYS.power!);
  const tdpWatts = readNumber(log, powerRecord, 'tdpWatts', 'power', HARDWARE_LIMITS.tdpWatts, 0);
  const price = readPrice(log, root);
  const packaging = readPackaging(log, root);
  const efficiency = readEfficiency(log, root);
  const estimates = readEstimates(log, root);
  const sources = readSources(log, root);
  const notes = readString(log, root, 'notes', '', '', { optional: true, maxLength: NOTE_MAX });

  if (id === null || !compute.usable || !memory.usable) return null;
  const profile: HardwareProfile = {
    id,
    name,
    vendor,
    kind,
    family,
    releaseYear,
    status,
    compute: { denseFlopsPerSecond: compute.rates },
    memory: memory.memory,
    scaleUp,
    scaleOut,
    power: { tdpWatts },
    price,
    packaging,
    efficiency,
    estimates,
    sources,
  };
  if (own(root, 'notes') !== undefined) profile.notes = notes;
  return profile;
}

/** Validates an untrusted value as a hardware profile; never throws. */
export function parseHardwareProfile(raw: unknown): ParseOutcome<HardwareProfile> {
  const log = new IssueLog();
  try {
    if (!isRecord(raw)) {
      log.error('', `a hardware profile must be a JSON object, got ${describeValue(raw)}`);
      return { value: null, errors: log.errors, warnings: log.warnings };
    }
    const value = parseRecord(log, raw);
    return { value, errors: log.errors, warnings: log.warnings };
  } catch (error) {
    // Exotic inputs (throwing getters, proxies) must not escape as exceptions.
    log.error('', `could not be read as a hardware profile (${error instanceof Error ? error.message.slice(0, 80) : 'unknown failure'})`);
    return { value: null, errors: log.errors, warnings: log.warnings };
  }
}
