import type { HardwareProfile, ModelArchitecture } from '../engine/types';
import { formatIssue } from '../parse/fields';
import { parseHardwareProfile } from '../records/hardware-profile';
import { parseModelArchitecture } from '../records/model-architecture';

export interface Catalog {
  hardware: ReadonlyMap<string, HardwareProfile>;
  models: ReadonlyMap<string, ModelArchitecture>;
}

export interface CatalogFile {
  /** File name without extension: must equal the id inside. */
  name: string;
  data: unknown;
}

/** Validates bundled files with the same parsers as user uploads; problems are returned, not thrown. */
export function buildCatalog(hardwareFiles: CatalogFile[], modelFiles: CatalogFile[]): { catalog: Catalog; problems: string[] } {
  const problems: string[] = [];
  const hardware = new Map<string, HardwareProfile>();
  for (const file of hardwareFiles) {
    const parsed = parseHardwareProfile(file.data);
    for (const issue of parsed.errors) problems.push(`hardware-profiles/${file.name}: ${formatIssue(issue)}`);
    if (parsed.value !== null) {
      if (parsed.value.id !== file.name) problems.push(`hardware-profiles/${file.name}: id "${parsed.value.id}" differs from the file name`);
      hardware.set(parsed.value.id, parsed.value);
    }
  }
  const models = new Map<string, ModelArchitecture>();
  for (const file of modelFiles) {
    const parsed = parseModelArchitecture(file.data);
    for (const issue of parsed.errors) problems.push(`models/${file.name}: ${formatIssue(issue)}`);
    if (parsed.value !== null) {
      if (parsed.value.id !== file.name) problems.push(`models/${file.name}: id "${parsed.value.id}" differs from the file name`);
      models.set(parsed.value.id, parsed.value);
    }
  }
  return { catalog: { hardware, models }, problems };
}
