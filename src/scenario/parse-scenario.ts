import { lintProfile } from '../catalog/lint-profile';
import { EFFICIENCY_MODES, type Objective } from '../engine/types';
import { IssueLog, describeValue, isRecord, joinPath, own, type FieldIssue, type ParseOutcome } from '../parse/fields';
import { deriveDesign } from '../design/derive';
import { readDesign } from '../design/read-design';
import { parseHardwareProfile } from '../records/hardware-profile';
import { parseModelArchitecture } from '../records/model-architecture';
import { runMigrations } from '../schema/migrate';
import { s, type Schema } from '../schema/schema';
import { LIMITS } from './limits';
import { SCENARIO_MIGRATIONS } from './migrations';
import { SCENARIO_VERSION, defaultScenario, type Scenario, type ScenarioSpeculation } from './scenario';
import { economicsSchema, engineSchema, layoutSchema, precisionSchema, sloSchema, workloadSchema } from './scenario-schema';

const KNOWN_KEYS = new Set([
  'version', 'hardware', 'chips', 'model', 'precision', 'workload', 'slo', 'objective', 'economics',
  'efficiencyMode', 'speculative', 'serving', 'layout', 'engine',
]);

/** Unknown keys reported at most this often (one line each), then counted (bounded output). */
export const MAX_UNKNOWN_KEY_WARNINGS = 19;

const chipsSchema = s.autoOr(s.number(LIMITS.chips));
const efficiencyModeSchema = s.enum(EFFICIENCY_MODES);
const servingSchema = s.enum(['co-located', 'disaggregated'] as const);

/** A plain part of the scenario read over `base` (the user's current values): bad fields keep theirs. */
function readPart<T>(log: IssueLog, raw: Record<string, unknown>, key: string, schema: Schema<T>, base: T): T {
  const value = own(raw, key);
  if (value === undefined) return base;
  return schema.read(value, key, log, base) ?? base;
}

/**
 * The one parse step for a scenario from a file, a link or flags. Never throws: every bad field is
 * reported by name and replaced by its value in `base`, so the rest of the user's input survives.
 * `base` supplies the values of absent fields (defaults, or the state a link is applied to).
 * Older versions are migrated first (migrations.ts).
 */
export function parseScenario(input: unknown, base: Scenario = defaultScenario()): ParseOutcome<Scenario> & { value: Scenario } {
  const log = new IssueLog();
  const out: Scenario = structuredClone(base);
  if (!isRecord(input)) {
    log.error('', `a scenario must be a JSON object, got ${describeValue(input)}`);
    return { value: out, errors: log.errors, warnings: log.warnings };
  }
  const raw = migrated(log, input);
  const unknown = Object.keys(raw).filter((key) => !KNOWN_KEYS.has(key));
  for (const key of unknown.slice(0, MAX_UNKNOWN_KEY_WARNINGS)) log.warn(key, 'is not a scenario field and was ignored');
  if (unknown.length > MAX_UNKNOWN_KEY_WARNINGS) {
    log.warn('', `${unknown.length - MAX_UNKNOWN_KEY_WARNINGS} more unknown fields were ignored`);
  }

  const hardware = own(raw, 'hardware');
  if (hardware !== undefined) {
    if (typeof hardware === 'string') out.hardware = hardware.slice(0, 100);
    else if (isRecord(hardware) && own(hardware, 'design') !== undefined) {
      // {"design": {...}}: a chip design, derived into its hardware profile (issue 15).
      for (const key of Object.keys(hardware).filter((k) => k !== 'design').slice(0, MAX_UNKNOWN_KEY_WARNINGS)) {
        log.warn(joinPath('hardware', key), 'was ignored: a hardware given as {"design": {...}} is derived from the design alone');
      }
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

  out.chips = readPart(log, raw, 'chips', chipsSchema, out.chips);
  out.precision = readPart(log, raw, 'precision', precisionSchema, out.precision);
  out.workload = readPart(log, raw, 'workload', workloadSchema, out.workload);
  out.slo = readPart(log, raw, 'slo', sloSchema, out.slo);
  if (own(raw, 'objective') !== undefined) out.objective = parseObjective(log, own(raw, 'objective'), out.objective);
  out.economics = readPart(log, raw, 'economics', economicsSchema, out.economics);
  out.efficiencyMode = readPart(log, raw, 'efficiencyMode', efficiencyModeSchema, out.efficiencyMode);
  out.serving = readPart(log, raw, 'serving', servingSchema, out.serving);
  out.layout = readPart(log, raw, 'layout', layoutSchema, out.layout);
  out.engine = readPart(log, raw, 'engine', engineSchema, out.engine);
  if (own(raw, 'speculative') !== undefined) out.speculative = parseSpeculation(log, own(raw, 'speculative'), out.speculative);
  // A problem in a field a migration moved names what the file wrote, not only today's path.
  const renamed = renamedFrom(input);
  const written = (issue: FieldIssue): FieldIssue => {
    const old = renamed.get(issue.path);
    return old === undefined ? issue : { ...issue, message: `${issue.message} (written as ${old} in this older file)` };
  };
  return { value: out, errors: log.errors.map(written), warnings: log.warnings.map(written) };
}

/** New path -> old path of every field the migrations from the input's version moved. */
function renamedFrom(input: Record<string, unknown>): Map<string, string> {
  const version = own(input, 'version');
  if (typeof version !== 'number' || version >= SCENARIO_VERSION) return new Map();
  return new Map(SCENARIO_MIGRATIONS.filter((m) => m.from >= version).flatMap((m) => Object.entries(m.renamed ?? {})));
}

/** The input at the current version: older versions run their migrations, newer ones are an error. */
function migrated(log: IssueLog, raw: Record<string, unknown>): Record<string, unknown> {
  const version = own(raw, 'version');
  if (version === undefined || version === SCENARIO_VERSION) return raw;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    log.error('version', `must be an integer from 1 to ${SCENARIO_VERSION}, got ${describeValue(version)}`);
    return raw;
  }
  if (version > SCENARIO_VERSION) {
    log.error('version', `${version} was made by a newer version of this tool (this one reads versions up to ${SCENARIO_VERSION})`);
    return raw;
  }
  const result = runMigrations(raw, version, SCENARIO_VERSION, SCENARIO_MIGRATIONS);
  if (result.failedAt !== null) log.error('version', `could not be upgraded from version ${result.failedAt}`);
  return result.value;
}

function parseSpeculation(log: IssueLog, raw: unknown, base: ScenarioSpeculation): ScenarioSpeculation {
  if (raw === null) return null;
  if (!isRecord(raw)) {
    log.error('speculative', `must be null or an object with method "mtp" or "draft-model", got ${describeValue(raw)}`);
    return base;
  }
  const parts = s.object({
    method: s.enum(['mtp', 'draft-model'] as const),
    draftTokens: s.number(LIMITS.draftTokens).withDefault(3),
    acceptanceRate: s.number(LIMITS.acceptanceRate).withDefault(0.7),
    draftModel: s.string({ maxLength: 100 }).optional(),
  });
  const method = own(raw, 'method');
  if (method === undefined) {
    log.error('speculative.method', 'is missing; expected "mtp" (the model\'s own multi-token prediction) or "draft-model" (with speculative.draftModel)');
    return base;
  }
  // The draft model may be an inline architecture; it is checked on its own below.
  const { draftModel: draft, ...rest } = raw;
  const read = parts.read(rest, 'speculative', log);
  if (read === undefined) return base;
  if (read.method === 'mtp') {
    // MTP drafts with the model's own modules: a draft model beside it would be dropped without a word.
    if (draft !== undefined) log.warn('speculative.draftModel', 'was ignored: method "mtp" drafts with the model\'s own prediction modules; to draft with another model, set method "draft-model"');
    return { method: 'mtp', draftTokens: read.draftTokens, acceptanceRate: read.acceptanceRate };
  }
  if (draft === undefined) {
    log.error('speculative.draftModel', 'is missing; method "draft-model" needs the id of a smaller model of the same tokenizer (or an architecture object)');
    return base;
  }
  if (typeof draft === 'string') return { method: 'draft-model', draftModel: draft.slice(0, 100), draftTokens: read.draftTokens, acceptanceRate: read.acceptanceRate };
  if (isRecord(draft)) {
    const parsed = parseModelArchitecture(draft);
    for (const e of parsed.errors) log.error(joinPath('speculative.draftModel', e.path), e.message);
    if (parsed.value !== null && parsed.errors.length === 0) {
      return { method: 'draft-model', draftModel: parsed.value, draftTokens: read.draftTokens, acceptanceRate: read.acceptanceRate };
    }
    return base;
  }
  log.error('speculative.draftModel', `must be a model id or an architecture object, got ${describeValue(draft)}`);
  return base;
}

function parseObjective(log: IssueLog, raw: unknown, base: Objective): Objective {
  if (raw === 'max-throughput' || raw === 'min-latency') return raw;
  if (isRecord(raw)) {
    for (const key of Object.keys(raw).filter((k) => k !== 'batch').slice(0, MAX_UNKNOWN_KEY_WARNINGS)) {
      log.warn(`objective.${key}`, 'is not an objective field and was ignored (an object objective is {"batch": N})');
    }
    if (own(raw, 'batch') === undefined) {
      log.error('objective.batch', 'is missing; an object objective fixes the batch per replica: {"batch": N}');
      return base;
    }
    const batch = s.number(LIMITS.batch).read(own(raw, 'batch'), 'objective.batch', log);
    return batch === undefined ? base : { batch };
  }
  log.error('objective', `must be "max-throughput", "min-latency" or {"batch": N}, got ${describeValue(raw)}`);
  return base;
}
