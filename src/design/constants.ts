// The silicon constants table (reference/silicon-constants.json), read once through its schema.
// It is bundled data, not user input: an invalid table is a programming error, and the corpus test
// (tests/design/silicon-constants.test.ts) keeps it valid.

import raw from '../../reference/silicon-constants.json';
import { formatIssue } from '../parse/fields';
import { parseSiliconConstants, type SiliconConstants } from '../records/silicon-constants';

function load(): SiliconConstants {
  const parsed = parseSiliconConstants(raw);
  if (parsed.value === null) throw new Error(`reference/silicon-constants.json: ${parsed.errors.map(formatIssue).join('; ')}`);
  return parsed.value;
}

export const SILICON: SiliconConstants = load();
