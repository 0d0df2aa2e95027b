import { lintProfile } from '../catalog/lint-profile';
import { deriveDesign } from '../design/derive';
import { readDesign } from '../design/read-design';
import { parseHardwareProfile } from '../records/hardware-profile';
import { parseModelArchitecture } from '../records/model-architecture';
import { PRECISIONS, type EconomicsInput, type Objective, type PrecisionConfig } from '../engine/types';
import {
  IssueLog,
  describeValue,
  isRecord,
  joinPath,
  own,
  readEnum,
  readNullableNumber,
  readNumber,
  readRecord,
  type ParseOutcome,
} from '../parse/fields';
import { LIMITS } from './limits';
import { SCENARIO_VERSION, defaultScenario, type Scenario, type ScenarioSpeculation } from './scenario';

const KNOWN_KEYS = new Set([
  'version', 'hardware', 'chips', 'model', 'precision', 'workload', 'slo', 'objective', 'economics',
  'efficiencyMode', 'maxBatchPerReplica', 'speculative', 'serving',
]);

/**
 * The one parse step for a scenario from a file, a link or flags. Never throws: every bad field is
 * reported by name and replaced by its default, so the rest of the user's input survives.
 * `base` supplies the values of absent fields (defaults, or the state a link is applied to).
 */
export function parseScenario(raw: unknown, base: Scenario = defaultScenario()): ParseOutcome<Scenario> & { value: Scenario } {
  const log = new IssueLog();
  const out: Scenario = structuredClone(base);
  if (!isRecord(raw)) {
    log.error('', `a scenario must be a JSON object, got ${describeValue(raw)}`);
    return { value: out, errors: log.errors, warnings: log.warnings };
  }
  for (const key of Object.keys(raw)) {
    if (!KNOWN_KEYS.has(key)) log.warn(key, 'is not a scenario field and was ignored');
  }
  const version = own(raw, 'version');
  if (version !== undefined && version !== SCENARIO_VERSION) {
    if (typeof version === 'number' && version > SCENARIO_VERSION) {
      log.error('version', `${version} was made by a newer version of this tool (this one reads version ${SCENARIO_VERSION})`);
    } else {
      log.error('version', `must be ${SCENARIO_VERSION}, got ${describeValue(version)}`);
    }
  }

  const hardware = own(raw, 'hardware');
  if (hardware !== undefined) {
    if (typeof hardware === 'string') out.hardware = hardware.slice(0, 100);
    else if (isRecord(hardware) && Object.keys(hardware).length === 1 && own(hardware, 'design') !== undefined) {
      // {"design": {...}}: a chip design, derived into its hardware profile (issue 15).
      const parsed = readDesign(own(hardware, 'design'));
      for (const e of parsed.errors) log.error(joinPath('hardware.design', e.path), e.message);
      for (const w of parsed.warnings) log.warn(joinPath('hardware.design', w.path), w.message);
      if (parsed.value !== null) out.hardware = deriveDesign(parsed.value).profile;
    } else if (isRecord(hardware)) {
      const parsed = parseHardwareProfile(hardware);
      for (const e of parsed.errors) log.error(joinPath('hardware', e.path), e.message);
      for (const w of parsed.warnings) log.warn(joinPath('hardware', w.path), w.message);
      if (parsed.value !== null && parsed.errors.length === 0) {
        out.hardware = parsed.value;
        // Uploaded profiles get the same plausibility lint as the catalog (sparse FLOP/s, GiB, ...).
        for (const f of lintProfile(parsed.value)) log.warn(joinPath('hardware', f.path), `${f.message} [${f.code}]`);
      }
    } else log.error('hardware', `must be a hardware id, a profile object or {"design": {...}}, got ${describeValue(hardware)}`);
  }

  const model = own(raw, 'model');
  if (model !== undefined) {
    if (typeof model === 'string') out.model = model.slice(0, 100);
    else if (isRecord(model)) {
      const parsed = parseModelArchitecture(model);
      for (const e of parsed.errors) log.error(joinPath('model', e.path), e.message);
      for (const w of parsed.warnings) log.warn(joinPath('model', w.path), w.message);
      if (parsed.value !== null && parsed.errors.length === 0) out.model = parsed.value;
    } else log.error('model', `must be a model id or an architecture object, got ${describeValue(model)}`);
  }

  const chips = own(raw, 'chips');
  if (chips === 'auto') out.chips = 'auto';
  else if (chips !== undefined) {
    out.chips = readNumber(log, raw, 'chips', '', LIMITS.chips, typeof base.chips === 'number' ? base.chips : 8);
    if (typeof chips !== 'number') log.errors[log.errors.length - 1]!.message += ' or "auto"';
  }

  if (own(raw, 'precision') !== undefined) out.precision = parsePrecision(log, readRecord(log, raw, 'precision', ''), out.precision);

  if (own(raw, 'workload') !== undefined) {
    const w = readRecord(log, raw, 'workload', '');
    out.workload = {
      inputTokens: readNumber(log, w, 'inputTokens', 'workload', LIMITS.inputTokens, out.workload.inputTokens, true),
      outputTokens: readNumber(log, w, 'outputTokens', 'workload', LIMITS.outputTokens, out.workload.outputTokens, true),
      prefixCacheHitRate: readNumber(log, w, 'prefixCacheHitRate', 'workload', LIMITS.prefixCacheHitRate, out.workload.prefixCacheHitRate, true),
      arrivals: readEnum(log, w, 'arrivals', 'workload', ['saturated', 'poisson'] as const, out.workload.arrivals ?? 'saturated', true),
    };
    warnUnknown(log, w, 'workload', ['inputTokens', 'outputTokens', 'prefixCacheHitRate', 'arrivals']);
  }

  if (own(raw, 'slo') !== undefined) {
    const s = readRecord(log, raw, 'slo', '', true);
    out.slo = {
      maxTtftSeconds: readNullableNumber(log, s, 'maxTtftSeconds', 'slo', LIMITS.maxTtftSeconds, out.slo.maxTtftSeconds),
      maxTpotSeconds: readNullableNumber(log, s, 'maxTpotSeconds', 'slo', LIMITS.maxTpotSeconds, out.slo.maxTpotSeconds),
    };
    warnUnknown(log, s, 'slo', ['maxTtftSeconds', 'maxTpotSeconds']);
  }

  if (own(raw, 'objective') !== undefined) out.objective = parseObjective(log, own(raw, 'objective'), out.objective);
  if (own(raw, 'economics') !== undefined) out.economics = parseEconomics(log, readRecord(log, raw, 'economics', ''), out.economics);
  out.efficiencyMode = readEnum(log, raw, 'efficiencyMode', '', ['spec', 'achieved'] as const, out.efficiencyMode, true);
  out.maxBatchPerReplica = readNumber(log, raw, 'maxBatchPerReplica', '', LIMITS.maxBatchPerReplica, out.maxBatchPerReplica, true);
  out.serving = readEnum(log, raw, 'serving', '', ['co-located', 'disaggregated'] as const, out.serving, true);
  if (own(raw, 'speculative') !== undefined) out.speculative = parseSpeculation(log, own(raw, 'speculative'), out.speculative);
  return { value: out, errors: log.errors, warnings: log.warnings };
}

function parseSpeculation(log: IssueLog, raw: unknown, base: ScenarioSpeculation): ScenarioSpeculation {
  if (raw === null) return null;
  if (!isRecord(raw)) {
    log.error('speculative', `must be null or an object with method "mtp" or "draft-model", got ${describeValue(raw)}`);
    return base;
  }
  const method = readEnum(log, raw, 'method', 'speculative', ['mtp', 'draft-model'] as const, 'mtp');
  const draftTokens = readNumber(log, raw, 'draftTokens', 'speculative', LIMITS.draftTokens, 3, true);
  const acceptanceRate = readNumber(log, raw, 'acceptanceRate', 'speculative', LIMITS.acceptanceRate, 0.7, true);
  warnUnknown(log, raw, 'speculative', ['method', 'draftTokens', 'acceptanceRate', 'draftModel']);
  if (method === 'mtp') return { method, draftTokens, acceptanceRate };
  const draft = own(raw, 'draftModel');
  if (typeof draft === 'string') return { method, draftModel: draft.slice(0, 100), draftTokens, acceptanceRate };
  if (isRecord(draft)) {
    const parsed = parseModelArchitecture(draft);
    for (const e of parsed.errors) log.error(joinPath('speculative.draftModel', e.path), e.message);
    if (parsed.value !== null && parsed.errors.length === 0) return { method, draftModel: parsed.value, draftTokens, acceptanceRate };
    return base;
  }
  log.error('speculative.draftModel', `must be a model id or an architecture object, got ${describeValue(draft)}`);
  return base;
}

function warnUnknown(log: IssueLog, record: Record<string, unknown>, path: string, known: string[]): void {
  for (const key of Object.keys(record)) if (!known.includes(key)) log.warn(joinPath(path, key), 'is not a known field and was ignored');
}

function parsePrecision(log: IssueLog, p: Record<string, unknown>, base: PrecisionConfig): PrecisionConfig {
  warnUnknown(log, p, 'precision', ['weights', 'activations', 'kvCache']);
  return {
    weights: readEnum(log, p, 'weights', 'precision', PRECISIONS, base.weights, true),
    activations: readEnum(log, p, 'activations', 'precision', PRECISIONS, base.activations, true),
    kvCache: readEnum(log, p, 'kvCache', 'precision', PRECISIONS, base.kvCache, true),
  };
}

function parseObjective(log: IssueLog, raw: unknown, base: Objective): Objective {
  if (raw === 'max-throughput' || raw === 'min-latency') return raw;
  if (isRecord(raw)) {
    const batch = readNumber(log, raw, 'batch', 'objective', LIMITS.batch, -1);
    return batch > 0 ? { batch } : base;
  }
  log.error('objective', `must be "max-throughput", "min-latency" or {"batch": N}, got ${describeValue(raw)}`);
  return base;
}

function parseEconomics(log: IssueLog, e: Record<string, unknown>, base: EconomicsInput): EconomicsInput {
  warnUnknown(log, e, 'economics', Object.keys(base));
  const p = 'economics';
  return {
    pricing: readEnum(log, e, 'pricing', p, ['rental', 'tco'] as const, base.pricing, true),
    rentalUsdPerChipHour: readNullableNumber(log, e, 'rentalUsdPerChipHour', p, LIMITS.rentalUsdPerChipHour, base.rentalUsdPerChipHour),
    capexUsdPerChip: readNullableNumber(log, e, 'capexUsdPerChip', p, LIMITS.capexUsdPerChip, base.capexUsdPerChip),
    capexOverheadMultiplier: readNullableNumber(log, e, 'capexOverheadMultiplier', p, LIMITS.capexOverheadMultiplier, base.capexOverheadMultiplier),
    depreciationYears: readNumber(log, e, 'depreciationYears', p, LIMITS.depreciationYears, base.depreciationYears, true),
    costOfCapitalPerYear: readNumber(log, e, 'costOfCapitalPerYear', p, LIMITS.costOfCapitalPerYear, base.costOfCapitalPerYear, true),
    loadFactor: readNumber(log, e, 'loadFactor', p, LIMITS.loadFactor, base.loadFactor, true),
    pue: readNumber(log, e, 'pue', p, LIMITS.pue, base.pue, true),
    usdPerKwh: readNumber(log, e, 'usdPerKwh', p, LIMITS.usdPerKwh, base.usdPerKwh, true),
    hostingUsdPerKwMonth: readNumber(log, e, 'hostingUsdPerKwMonth', p, LIMITS.hostingUsdPerKwMonth, base.hostingUsdPerKwMonth, true),
  };
}
