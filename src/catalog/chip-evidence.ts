// The evidence a chip that is not the catalog's own carries: a chip edited in the lab, imported
// from a file, or given inline in a scenario. Evidence comes from calibration rows taken on a chip,
// so a chip that differs from every measured one never claims them (a file's own "measured" is
// not believed). One rule for the app, links and the CLI. Pure.
import { canonicalJson } from '../parse/canonical-json';
import { CALIBRATION_SUMMARY } from '../engine/calibration-summary';
import type { HardwareProfile } from '../engine/types';
import type { Catalog } from './catalog';

type Evidence = HardwareProfile['efficiency']['evidence'];

/**
 * What the chip's measured speed depends on: every figure but its names, notes, provenance, and what it costs
 * and draws (price, power and their overheads price a token; no calibration row measured them).
 * Key order is not a figure.
 */
function performanceFigures(p: HardwareProfile): string {
  const { id: _id, name: _name, price: _price, power: _power, estimates: _estimates, sources: _sources, entered: _entered, ...rest } = p;
  const { capexOverheadMultiplier: _capex, serverPowerOverheadMultiplier: _serverPower, ...packaging } = p.packaging;
  const { evidence: _evidence, note: _note, ...efficiency } = p.efficiency;
  return canonicalJson({ ...rest, packaging, efficiency });
}

/**
 * The evidence of the lab's chip. With all of its original's performance figures it is the
 * original, and has its evidence (a new price or TDP changes what a token costs, not what the
 * rows measured); once such a figure differs it is another chip: one edited from a measured chip
 * inherits that chip's fit ("family", from the original), never "measured" on rows taken on a
 * different chip. Weaker evidence (a design's prior) stays as it is.
 */
export function labChipEvidence(chip: HardwareProfile, original: HardwareProfile | undefined): Evidence {
  const current = chip.efficiency.evidence;
  if (original === undefined) return current;
  if (performanceFigures(chip) === performanceFigures(original)) return original.efficiency.evidence;
  return current.basis === 'measured' ? { basis: 'family', rows: current.rows, from: original.id } : current;
}

function sameEvidence(a: Evidence, b: Evidence): boolean {
  return a.basis === b.basis && a.rows === b.rows && a.from === b.from;
}

/** The chip with the evidence its edits leave it (labChipEvidence). */
export function withLabEvidence(chip: HardwareProfile, original: HardwareProfile | undefined): HardwareProfile {
  const evidence = labChipEvidence(chip, original);
  return sameEvidence(evidence, chip.efficiency.evidence) ? chip : { ...chip, efficiency: { ...chip.efficiency, evidence } };
}

/** The fitted factors a chip inherits from the chip it was edited from. */
function fittedFactors(p: HardwareProfile): string {
  return canonicalJson({ software: p.efficiency.softwareStackFactor, moe: p.efficiency.moeSoftwareFactor });
}

/**
 * An imported profile with the evidence the catalog backs: a copy of a catalog chip (same id) has
 * that chip's evidence while its figures are the same and inherits its fit once they differ, as a
 * lab edit does. A chip the catalog does not know inherits the fit it names (`source`: the catalog
 * chip its "family" basis is from) when it carries that chip's fitted software and MoE factors, as
 * the chip lab's export of a chip edited from it does (the lab's own rule, labChipEvidence); else
 * a measured or family basis stands only as a claim, since no row of the calibration data was
 * taken on it, and its fitted factors (fitted to some other chip's rows) give way to the prior's,
 * as every claim chip's do in achieved mode: a renamed H200 ran at H200's fitted 0.976 while
 * labelled "efficiencies on the prior".
 */
export function withImportedEvidence(profile: HardwareProfile, catalogChip: HardwareProfile | undefined, source?: HardwareProfile): HardwareProfile {
  const evidence = (e: Evidence) => ({ ...profile, efficiency: { ...profile.efficiency, evidence: e } });
  if (catalogChip !== undefined) return withLabEvidence(evidence(catalogChip.efficiency.evidence), catalogChip);
  const basis = profile.efficiency.evidence.basis;
  const fit = source?.efficiency.evidence;
  if (basis === 'family' && source !== undefined && fit !== undefined && (fit.basis === 'measured' || fit.basis === 'family')
    && fittedFactors(profile) === fittedFactors(source)) {
    return evidence(fit.basis === 'measured' ? { basis: 'family', rows: fit.rows, from: source.id } : { ...fit });
  }
  if (basis !== 'measured' && basis !== 'family') return profile;
  const { softwareStackFactor, moeSoftwareFactor } = CALIBRATION_SUMMARY.prior;
  return { ...profile, efficiency: { ...profile.efficiency, softwareStackFactor, moeSoftwareFactor: { ...moeSoftwareFactor }, evidence: { basis: 'claim', rows: 0, from: null } } };
}

/**
 * A profile from outside the catalog (a file, a scenario) with the evidence the catalog backs
 * (withImportedEvidence: the catalog chip of the same id, else the chip its "family" basis names),
 * and what the file claimed when that differs (the caller says so: nothing changes silently).
 */
export function evidenceBackedBy(profile: HardwareProfile, catalog: Catalog): {
  profile: HardwareProfile; claimed: Evidence | null;
  /** The stated and the prior software-stack factor, where the prior's replaced the file's. */
  priorFactor: { stated: number; prior: number } | null;
} {
  const from = profile.efficiency.evidence.from;
  const backed = withImportedEvidence(profile, catalog.hardware.get(profile.id), from === null ? undefined : catalog.hardware.get(from));
  const was = profile.efficiency.evidence;
  const stated = profile.efficiency.softwareStackFactor;
  const prior = backed.efficiency.softwareStackFactor;
  return { profile: backed, claimed: sameEvidence(was, backed.efficiency.evidence) ? null : was, priorFactor: stated === prior ? null : { stated, prior } };
}
