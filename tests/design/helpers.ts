import { readFileSync } from 'node:fs';
import type { ChipDesign } from '../../src/records/chip-design';
import { readDesign } from '../../src/design/read-design';

export const DESIGN_DIR = new URL('../../hardware-profiles/designs/', import.meta.url);

export function rawDesign(id: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`${id}.json`, DESIGN_DIR), 'utf8')) as Record<string, unknown>;
}

export function design(id: string, edit: (raw: Record<string, unknown>) => void = () => {}): ChipDesign {
  const raw = rawDesign(id);
  edit(raw);
  const parsed = readDesign(raw);
  if (parsed.value === null) throw new Error(`${id}: ${JSON.stringify(parsed.errors)}`);
  return parsed.value;
}
