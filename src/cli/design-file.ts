// Reading a design for the CLI (design, simulate --hardware-design): JSON from disk or the design
// a link carries, optional `--set path=value` overrides, then the one parse step (src/design/read-design.ts). Problems come
// back as lines naming the field; the caller exits with code 2.

import { readFileSync } from 'node:fs';
import { CLI } from '../messages/cli';
import { formatIssue, isRecord, type FieldIssue } from '../parse/fields';
import { readJsonText } from '../parse/json-text';
import type { ChipDesign } from '../records/chip-design';
import { readDesign } from '../design/read-design';

export type DesignFileOutcome = { design: ChipDesign; warnings: string[] } | { errors: string[] };

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/** "areaShares.matrix=0.6" -> the raw design with that field set (the value read as JSON, else as text). */
export function applySet(raw: unknown, assignment: string): { ok: true; value: unknown } | { ok: false; error: string } {
  const eq = assignment.indexOf('=');
  if (eq <= 0) return { ok: false, error: `--set needs PATH=VALUE, got "${assignment}"` };
  const path = assignment.slice(0, eq).split('.');
  if (path.some((p) => p === '' || FORBIDDEN.has(p))) return { ok: false, error: `--set: "${assignment.slice(0, eq)}" is not a field path` };
  const text = assignment.slice(eq + 1);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = text;
  }
  // 1e400 parses to Infinity: the field's message then quotes what was typed, not "Infinity".
  if (typeof value === 'number' && !Number.isFinite(value)) value = text;
  const root: Record<string, unknown> = isRecord(raw) ? structuredClone(raw) : {};
  let node = root;
  for (const key of path.slice(0, -1)) {
    const next = Object.hasOwn(node, key) ? node[key] : undefined;
    const child: Record<string, unknown> = isRecord(next) ? next : {};
    node[key] = child;
    node = child;
  }
  node[path.at(-1)!] = value;
  return { ok: true, value: root };
}

/** `flag` (--file, --hardware-design) names where the file came from when it cannot be read. */
export function loadDesignFile(file: string, flag: string, sets: readonly string[] = []): DesignFileOutcome {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return { errors: [`${flag}: cannot read design file "${file}"`] };
  }
  const read = readJsonText(text);
  if (!read.ok) return { errors: [read.kind === 'syntax' ? CLI.notJson(flag, file, read.error) : CLI.ambiguousJson(flag, file, read.error)] };
  const raw = read.value;
  // A scenario file (or a simulate JSON result) given as a design would fail on every design field.
  if (isRecord(raw) && !Object.hasOwn(raw, 'schemaVersion') && (Object.hasOwn(raw, 'version') || Object.hasOwn(raw, 'scenario'))) {
    return { errors: [`${flag}: "${file}" is a scenario or a result, not a chip design (a design has "schemaVersion": 1 and areaShares); give a scenario with --scenario`] };
  }
  return designWithSets(raw, sets, file);
}

/** A raw design (from a file or a link; `where` names it in messages) with the --set overrides, read. */
export function designWithSets(raw: unknown, sets: readonly string[], where: string): DesignFileOutcome {
  const setKeys = sets.map((s) => s.slice(0, Math.max(0, s.indexOf('='))));
  const twice = setKeys.find((key, i) => key !== '' && setKeys.indexOf(key) !== i);
  if (twice !== undefined) return { errors: [`--set ${twice} is given twice; give it once`] };
  const original = raw;
  for (const s of sets) {
    const applied = applySet(raw, s);
    if (!applied.ok) return { errors: [applied.error] };
    raw = applied.value;
  }
  const parsed = readDesign(raw);
  const setPaths = new Set(setKeys);
  // A refused value is blamed on what gave it: the --set that wrote the field; else, for a rule
  // across fields (the shares' sum, the I/O area) that the file alone keeps, the --set flags given;
  // else the file.
  const fileAlone = sets.length === 0 || parsed.value !== null ? [] : readDesign(original).errors.map((e) => `${e.path}|${formatIssue(e)}`);
  const origin = (e: FieldIssue) => (setPaths.has(e.path) ? `--set ${e.path}`
    : sets.length > 0 && !fileAlone.includes(`${e.path}|${formatIssue(e)}`) ? setKeys.map((k) => `--set ${k}`).join(', ') : where);
  // A --set of the field itself names the path once ("--set memory.count: 50 HBM3 stacks need ...").
  const text = (e: FieldIssue) => (setPaths.has(e.path) ? e.message : formatIssue(e));
  if (parsed.value === null) return { errors: parsed.errors.map((e) => `${origin(e)}: ${text(e)}`) };
  // A field the schema ignores is a note in a file, but a typo in a --set: the override would be lost.
  const lostSets = parsed.warnings.filter((w) => setPaths.has(w.path));
  if (lostSets.length > 0) return { errors: lostSets.map((w) => `--set ${w.path}: not a field of a design (a typo?); nothing was set`) };
  return { design: parsed.value, warnings: parsed.warnings.map((w) => `${where}: ${formatIssue(w)}`) };
}

/**
 * --hardware-design: the scenario's hardware as a design ({"design": {...}}, derived when the
 * scenario is read), with the file's notes (fields ignored ...). The derived profile itself would
 * carry its design and be read as one, with a warning for each of its other fields.
 */
export function hardwareFromDesignFile(file: string): { hardware: { design: ChipDesign }; warnings: string[] } | { errors: string[] } {
  const loaded = loadDesignFile(file, '--hardware-design');
  if ('errors' in loaded) return loaded;
  return { hardware: { design: loaded.design }, warnings: loaded.warnings };
}
