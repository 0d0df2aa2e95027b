// A design -> its derivation and its hardware profile (issue 15). Pure: the design is not changed.

import type { FieldIssue } from '../parse/fields';
import type { ChipDesign } from '../records/chip-design';
import type { HardwareProfile } from '../records/hardware-profile';
import { checkDesign } from './check-design';
import { computeDesign, type DesignNumbers } from './compute';
import { derivationEntries, entryMetrics, type DerivationEntry } from './derivation';
import { designConstants, nominalValues } from './inputs';
import { metricRanges } from './ranges';
import { toProfile } from './to-profile';

export interface DesignOutcome {
  numbers: DesignNumbers;
  /** One entry per derived number, with its range from the constants' ranges. */
  derivation: DerivationEntry[];
  profile: HardwareProfile;
  /** Physical problems (empty for a design that went through readDesign) and notes. */
  errors: FieldIssue[];
  warnings: FieldIssue[];
}

export function deriveDesign(design: ChipDesign): DesignOutcome {
  const constants = designConstants(design);
  const k = nominalValues(constants);
  const numbers = computeDesign(design, k);
  const ranges = metricRanges(design, constants, (n) => entryMetrics(design, n));
  const derivation = derivationEntries(design, numbers, constants, ranges);
  const checks = checkDesign(design, numbers, k);
  return { numbers, derivation, profile: toProfile(design, numbers, k, derivation), errors: checks.errors, warnings: checks.warnings };
}
