// How the strength of a chip's evidence is named wherever the chip is (tables, charts, legends,
// the chip picker, exports, the CLI): one mark and one sentence per basis.

import { quoted } from './cli';

/**
 * Evidence behind a chip's efficiencies: `measured` = fitted to the chip's own calibration rows;
 * `family` = a sibling's fit (same silicon generation and stack); `prior` = no software factor fitted
 * to the chip's own measurements (an SRAM chip's speeds fit only its fixed cost per operator), the
 * medians of the measured families; `claim` = announced or vendor-claimed figures only (also on the prior).
 */
export const EVIDENCE_BASES = ['measured', 'family', 'prior', 'claim'] as const;
export type EvidenceBasis = (typeof EVIDENCE_BASES)[number];

export const EVIDENCE_MARK: Readonly<Record<EvidenceBasis, string>> = { measured: '●', family: '◐', prior: '○', claim: '◇' };

export const EVIDENCE_LABEL: Readonly<Record<EvidenceBasis, string>> = {
  measured: 'measured',
  family: 'family fit',
  prior: 'prior (no software fit of its own)',
  claim: 'claims only',
};

/** A chip's evidence in a table cell, under its name: the basis and the rows behind it. */
export function evidenceCellText(e: { basis: EvidenceBasis; rows: number; from: string | null }): string {
  const rows = `${e.rows} row${e.rows === 1 ? '' : 's'}`;
  switch (e.basis) {
    case 'measured': return `${EVIDENCE_LABEL.measured}: ${rows}`;
    case 'family': return `${EVIDENCE_LABEL.family}: ${e.from ?? 'a sibling'}, ${rows}`;
    default: return EVIDENCE_LABEL[e.basis];
  }
}

/** One sentence on a chip's evidence: what its efficiencies rest on. */
export function evidenceSentence(e: { basis: EvidenceBasis; rows: number; from: string | null }): string {
  switch (e.basis) {
    case 'measured': return `${EVIDENCE_MARK.measured} measured: fitted to ${e.rows} published measurement${e.rows === 1 ? '' : 's'} of this chip`;
    case 'family': return `${EVIDENCE_MARK.family} family: this chip itself is unmeasured; it uses the fit of measured sibling chips (${e.from ?? 'a sibling chip'}, the one with most measurements, has ${e.rows})`;
    case 'prior': return `${EVIDENCE_MARK.prior} prior: no software factor fitted to this chip's own measurements; efficiencies are the medians of the measured families, with a wider range (an SRAM-resident chip's fixed cost per operator is fitted on single-stream speeds all the same)`;
    case 'claim': return `${EVIDENCE_MARK.claim} claim: announced or vendor-claimed figures only; efficiencies on the prior, widest range`;
  }
}

export const EVIDENCE_LEGEND = `Evidence: ${EVIDENCE_MARK.measured} measured · ${EVIDENCE_MARK.family} family fit · ${EVIDENCE_MARK.prior} prior (no software fit of its own) · ${EVIDENCE_MARK.claim} claims only`;

interface StatedEvidence { basis: string; rows: number; from: string | null }

function describeEvidence(e: StatedEvidence): string {
  if (e.basis === 'measured') return `"measured" (${e.rows} rows)`;
  if (e.basis === 'family') return `"family" (fit of ${e.from === null ? 'a sibling' : quoted(e.from)}, ${e.rows} rows)`;
  return `"${e.basis}"`;
}

/**
 * A chip from a file or a scenario whose stated evidence the catalog does not back (the CLI's
 * warning and the import dialog's note), and the prior factors it then runs on where they differ.
 */
export function evidenceNotBacked(id: string, inCatalog: boolean, claimed: StatedEvidence, backed: StatedEvidence,
  priorFactor: { stated: number; prior: number } | null): string {
  return `hardware.efficiency.evidence: ${quoted(id)} ${inCatalog ? "differs from the catalog's chip of that id" : 'is not a catalog chip'}, so its stated ${describeEvidence(claimed)} `
    + `counts as ${describeEvidence(backed)} (evidence comes from calibration rows taken on the chip)`
    + (priorFactor === null ? '' : `; its fitted software factors rest on no rows of it, so achieved mode uses the prior's (software-stack factor ${priorFactor.prior}, stated ${priorFactor.stated})`);
}
