// What the import dialog does with pasted text or a file: decide what it is (hardware profile,
// model architecture, Hugging Face config.json) and run it through the catalog's own validators.
// Never throws; every problem comes back as text.

import { importHuggingFaceConfig } from '../catalog/hf-import';
import { lintProfile } from '../catalog/lint-profile';
import { parseHardwareProfile } from '../records/hardware-profile';
import { parseModelArchitecture } from '../records/model-architecture';
import type { HardwareProfile, ModelArchitecture } from '../engine/types';
import { formatIssue, isRecord } from '../parse/fields';
import { readJsonText } from '../parse/json-text';

export const IMPORT_MAX_BYTES = 1_000_000;

export type ImportKind = 'hardware' | 'model' | 'hf-config';

export interface ImportOutcome {
  kind: ImportKind | null;
  hardware: HardwareProfile | null;
  model: ModelArchitecture | null;
  errors: string[];
  warnings: string[];
  /** Plausibility findings of a hardware profile (accepted, but worth a look). */
  lint: string[];
}

const HF_KEYS = ['model_type', 'architectures', 'hidden_size', 'text_config', 'num_hidden_layers'];
/** Fields only a model architecture file has (a file with none of them is not one). */
const MODEL_KEYS = ['numLayers', 'hiddenSize', 'numAttentionHeads', 'ffnKind', 'publishedParamsTotal'];

/** What the text is; null when it is none of the three (its errors then say what it looks like instead). */
export function detectKind(raw: Record<string, unknown>): ImportKind | null {
  const has = (k: string) => Object.prototype.hasOwnProperty.call(raw, k);
  if (has('compute') || has('memory') || has('scaleUp')) return 'hardware';
  if (HF_KEYS.some(has)) return 'hf-config';
  if (MODEL_KEYS.some(has)) return 'model';
  return null;
}

/** Why a JSON object is none of the three: this app's own exports and links are named as such. */
function notImportable(raw: Record<string, unknown>): string {
  if (raw.generatedBy === 'tokencost') {
    return `this is a tokencost export of ${typeof raw.kind === 'string' ? `"${raw.kind}" ` : ''}results, not a chip or a model: `
      + 'import a hardware profile, a model architecture or a Hugging Face config.json (the chip lab\'s JSON export holds its chip and imports as one)';
  }
  return 'not a hardware profile (it has no "compute", "memory" or "scaleUp"), a model architecture (no "numLayers" or "hiddenSize") '
    + 'or a Hugging Face config.json (no "model_type", "architectures" or "hidden_size")';
}

const EMPTY = 'there is nothing to import: paste a hardware profile, a model or a Hugging Face config.json, or choose a file';

const SHARED_LINK = 'this is a tokencost link (a whole scenario), not a chip or model file: paste it into the browser\'s address bar to open it';

function empty(errors: string[]): ImportOutcome {
  return { kind: null, hardware: null, model: null, errors, warnings: [], lint: [] };
}

export function interpretImport(text: string, fileName = ''): ImportOutcome {
  if (text.length > IMPORT_MAX_BYTES) return empty([`larger than ${IMPORT_MAX_BYTES / 1000} kB`]);
  if (text.trim() === '') return empty([EMPTY]);
  // A shared link pasted here: it is a whole scenario, opened from the address bar, not a chip or model file.
  if (/^\s*(https?:\/\/\S*)?#s=\S+\s*$/.test(text)) return empty([SHARED_LINK]);
  const read = readJsonText(text);
  if (!read.ok) return empty([read.kind === 'syntax' ? `not valid JSON: ${read.error}` : read.error]);
  if (!isRecord(read.value)) return empty(['expected a JSON object']);
  return interpretObject(read.value, fileName);
}

function interpretObject(file: Record<string, unknown>, fileName: string): ImportOutcome {
  // The chip lab's own JSON export carries the lab's chip: that is the profile to import.
  const labChip = file.generatedBy === 'tokencost' && file.kind === 'chip-lab' && isRecord(file.data) && isRecord(file.data.chip) ? file.data.chip : null;
  const raw = labChip ?? file;
  const kind = detectKind(raw);
  if (kind === null) return empty([notImportable(raw)]);
  if (kind === 'hardware') {
    const r = parseHardwareProfile(raw);
    const ok = r.value !== null && r.errors.length === 0;
    return {
      kind, hardware: ok ? r.value : null, model: null,
      errors: r.errors.map(formatIssue), warnings: r.warnings.map(formatIssue),
      lint: ok && r.value !== null ? lintProfile(r.value).map((f) => `${f.path}: ${f.message}`) : [],
    };
  }
  if (kind === 'hf-config') {
    const stem = fileName.replace(/\.json$/i, '').toLowerCase().replace(/[^a-z0-9.-]+/g, '-').replace(/^-+|-+$/g, '');
    const id = stem === '' || stem === 'config' ? 'imported-model' : stem.slice(0, 60);
    const r = importHuggingFaceConfig(raw, { id });
    const ok = r.value !== null && r.errors.length === 0;
    return { kind, hardware: null, model: ok ? r.value : null, errors: r.errors.map(formatIssue), warnings: r.warnings.map(formatIssue), lint: [] };
  }
  const r = parseModelArchitecture(raw);
  const ok = r.value !== null && r.errors.length === 0;
  return { kind, hardware: null, model: ok ? r.value : null, errors: r.errors.map(formatIssue), warnings: r.warnings.map(formatIssue), lint: [] };
}
