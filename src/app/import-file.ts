// What the import dialog does with pasted text or a file: decide what it is (hardware profile,
// model architecture, Hugging Face config.json) and run it through the catalog's own validators.
// Never throws; every problem comes back as text.

import { importHuggingFaceConfig } from '../catalog/hf-import';
import { lintProfile } from '../catalog/lint-profile';
import { parseHardwareProfile } from '../records/hardware-profile';
import { parseModelArchitecture } from '../records/model-architecture';
import type { HardwareProfile, ModelArchitecture } from '../engine/types';
import { formatIssue, isRecord } from '../parse/fields';

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

export function detectKind(raw: Record<string, unknown>): ImportKind {
  const has = (k: string) => Object.prototype.hasOwnProperty.call(raw, k);
  if (has('compute') || has('memory') || has('scaleUp')) return 'hardware';
  if (HF_KEYS.some(has)) return 'hf-config';
  return 'model';
}

function empty(errors: string[]): ImportOutcome {
  return { kind: null, hardware: null, model: null, errors, warnings: [], lint: [] };
}

export function interpretImport(text: string, fileName = ''): ImportOutcome {
  if (text.length > IMPORT_MAX_BYTES) return empty([`larger than ${IMPORT_MAX_BYTES / 1000} kB`]);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return empty([`not valid JSON: ${error instanceof Error ? error.message : String(error)}`]);
  }
  if (!isRecord(raw)) return empty(['expected a JSON object']);
  const kind = detectKind(raw);
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
