// The ranked results table. Numbers with a recorded derivation are buttons that open it.

import type { ChipSeries } from '../charts/chip-series';
import { usdPerMillionText } from '../charts/cost-bars-chart';
import { evidenceCellText, evidenceSentence } from '../messages/evidence';
import { ENERGY_KEY, RANK_KEYS, joulesPerTokenRange, rankRange, type RankKey } from '../engine/analysis/rank';
import { CHIP_PARAMETER_LABELS } from '../engine/analysis/scale-parameter';
import type { ResourceLimit } from '../engine/analysis/limiting-resource';
import type { Range, SimulationResult } from '../engine/types';
import { isSpecMark, readableMark } from '../records/estimated-specs';
import { formatPredicted, formatSeconds, formatUnitRange, formatUsd } from '../format/units';
import { el, uid, type Child } from './dom';
import { DEPLOYMENT_KEY, deploymentLayout } from '../app/deployment-view';
import { MESSAGES } from '../messages/ui';
import { latencyBoundPrediction, latencyLimitedNote } from '../validation/latency-limited-accuracy';

const T = MESSAGES.table;

export interface TableRow {
  rank: number | null;
  /** false: the range overlaps the leader's (not distinguishable at this evidence). */
  distinguishable: boolean | null;
  chip: ChipSeries;
  result: SimulationResult;
}

export interface TableOptions {
  caption: string;
  rankBy: RankKey | null;
  onSort?: (key: RankKey) => void;
  onExplain: (hardwareId: string, key: string) => void;
  /** The resource each chip's $/M depends on most, once computed (engine/analysis/limiting-resource.ts). */
  limits?: ReadonlyMap<string, ResourceLimit>;
  /** How busy the priced chip-hours are, said where $/M is read (its settings sit in closed panels). */
  loadKey?: string;
}

interface Column {
  label: string;
  class?: string;
  sortKey?: RankKey;
  /** The cell shows the inverse of the rank value (joules per token for tokens/s per kW): its order is the reverse. */
  showsInverse?: true;
  explainKey?: string;
  cell(r: SimulationResult, options: TableOptions): string;
  /** A second, smaller line under the cell's value (outside its explain button). */
  detail?(r: SimulationResult, options: TableOptions): string;
}

/** "value (low–high)": every predicted number carries its range. */
function withRange(value: string, range: Range | null | undefined, format: (v: number) => string): string {
  return range === null || range === undefined ? value : `${value} (${format(range.low)}–${format(range.high)})`;
}

/**
 * As withRange for values with a unit. The value above names the unit both ends share, so the
 * range leaves it out ("47.8 ms (42.7–47.9)"); ends in other units keep theirs ("(950 ms–1.2 s)").
 */
function withUnitRange(value: string, range: Range | null | undefined, format: (v: number) => string): string {
  if (range === null || range === undefined) return value;
  const unit = / \S+$/.exec(value)?.[0];
  const [low, high] = [format(range.low), format(range.high)];
  if (unit !== undefined && low.endsWith(unit) && high.endsWith(unit)) return `${value} (${low.slice(0, -unit.length)}–${high.slice(0, -unit.length)})`;
  return `${value} (${formatUnitRange(range.low, range.high, format)})`;
}

function usdCell(r: SimulationResult): string {
  if (r.usdPerMillionOutputTokens === null) return T.noPrice;
  return withRange(usdPerMillionText(r, r.usdPerMillionOutputTokens), r.uncertainty?.usdPerMillionOutputTokens, formatUsd);
}

function perDollarCell(r: SimulationResult): string {
  if (r.costPerHourUsd === 0) return T.unbounded;
  return r.outputTokensPerSecondPerDollarPerHour === null ? '—'
    : withRange(formatPredicted(r.outputTokensPerSecondPerDollarPerHour), rankRange(r, 'outputTokensPerSecondPerDollarPerHour'), formatPredicted);
}

function perChipCell(r: SimulationResult): string {
  return withRange(formatPredicted(r.outputTokensPerSecondPerChip), rankRange(r, 'outputTokensPerSecondPerChip'), formatPredicted);
}

function energyCell(r: SimulationResult): string {
  if (r.energy === null) return '—';
  return withUnitRange(`${formatPredicted(r.energy.joulesPerOutputToken)} J`, joulesPerTokenRange(r), (v) => `${formatPredicted(v)} J`);
}

const COLUMNS: readonly Column[] = [
  { class: 'ranged', label: T.usdPerMillion, sortKey: 'usdPerMillionOutputTokens', explainKey: 'usdPerMillionOutputTokens', cell: usdCell },
  { class: 'ranged', label: T.perDollar, sortKey: 'outputTokensPerSecondPerDollarPerHour', explainKey: 'outputTokensPerSecondPerDollarPerHour', cell: perDollarCell },
  { class: 'ranged', label: T.perChip, sortKey: 'outputTokensPerSecondPerChip', explainKey: 'outputTokensPerSecondPerChip', cell: perChipCell },
  { class: 'ranged', label: T.perUser, sortKey: 'tokensPerSecondPerUser', explainKey: 'tokensPerSecondPerUser', cell: (r) => withRange(formatPredicted(r.tokensPerSecondPerUser), rankRange(r, 'tokensPerSecondPerUser'), formatPredicted) },
  // TTFT, TPOT and energy carry the ranges their rankings test ("=1"), from the throughput ranges they invert.
  { class: 'ranged', label: T.ttft, sortKey: 'ttftSeconds', explainKey: 'ttftSeconds', cell: (r) => withUnitRange(formatSeconds(r.ttftSeconds), rankRange(r, 'ttftSeconds'), formatSeconds) },
  { class: 'ranged', label: T.tpot, sortKey: 'tpotSeconds', explainKey: 'tpotSeconds', cell: (r) => withUnitRange(formatSeconds(r.tpotSeconds), rankRange(r, 'tpotSeconds'), formatSeconds) },
  {
    // What limits the batch shares the deployment's column: a column of its own pushed the table
    // past its box at 1280 px, hiding the chips' evidence and energy behind a sideways scroll.
    label: T.deploymentBoundBy, explainKey: DEPLOYMENT_KEY, class: 'deployment',
    cell: (r) => T.deploymentText(r.config.chips, deploymentLayout(r), r.config.batch, r.config.paidChips),
    detail: (r, o) => {
      const limit = o.limits?.get(r.hardwareId);
      return T.boundBy(r.memory.batchLimitedBy, limit === undefined ? null : limit.resource === null ? '' : CHIP_PARAMETER_LABELS[limit.resource]);
    },
  },
  { class: 'ranged', label: T.energy, sortKey: 'outputTokensPerSecondPerKw', showsInverse: true, explainKey: ENERGY_KEY, cell: energyCell },
];

/** The chip's marks explained: its evidence, the estimated specs behind its "*", then the other estimates the result uses. */
function chipTitle(chip: ChipSeries, result: SimulationResult): string {
  const lines = [chip.label, evidenceSentence(result.evidence)];
  const specs = chip.estimates.filter(isSpecMark);
  const others = result.estimateMarks.filter((m) => !isSpecMark(m));
  if (specs.length > 0) lines.push(T.estimatedSpecs(specs.map(readableMark)));
  if (others.length > 0) lines.push(T.otherEstimatesUsed(others.map(readableMark)));
  return lines.join('\n');
}

/** What "=1" means: overlapping predictions, or (no coverage claimed) overlapping modelling spreads. */
function tiedKey(coverage: number | null): string {
  return coverage === null ? T.withinSpread : T.notDistinguishable;
}

function notes(result: SimulationResult, distinguishable: boolean | null): string {
  const out: string[] = [];
  if (!result.feasible) out.push(`${T.infeasible}: ${result.reason?.text ?? ''}`);
  if (result.rankExcludedReason !== null) out.push(result.rankExcludedReason);
  if (result.pricing.rentalEstimateNote !== null) out.push(result.pricing.rentalEstimateNote);
  if (distinguishable === false) out.push(tiedKey(result.uncertainty?.coverage ?? null));
  out.push(...result.warnings.map((w) => w.text));
  return out.join(' · ');
}

/** A ranged cell's text as nodes: "(low–high)" in a span that never breaks inside, so it drops below its value whole. */
function cellContent(text: string, ranged: boolean): Child[] {
  const at = ranged ? text.indexOf(' (') : -1;
  return at < 0 ? [text] : [text.slice(0, at + 1), el('span', { class: 'range', text: text.slice(at + 1) })];
}

/** The order of a sorted column's cells as shown, top to bottom. */
function shownOrder(c: Column): 'ascending' | 'descending' {
  const order = RANK_KEYS[c.sortKey!];
  return c.showsInverse !== true ? order : order === 'ascending' ? 'descending' : 'ascending';
}

/**
 * What the table's listeners read besides their column (ui/dom.ts showTree): a row's chip and a
 * number's explain key. A table morphed onto one where these match keeps working listeners.
 */
export const RESULTS_TABLE_KEYS = ['data-hardware', 'data-explain'] as const;

export function renderResultsTable(rows: readonly TableRow[], options: TableOptions): HTMLElement {
  const notesId = uid('notes');
  const rankColumn = COLUMNS.find((c) => c.sortKey !== undefined && c.sortKey === options.rankBy);
  const head = el('tr', {}, [
    el('th', { class: 'rank-col', text: T.rank, attrs: { scope: 'col' } }),
    el('th', { text: T.chip, attrs: { scope: 'col' } }),
    ...COLUMNS.map((c) => {
      const th = el('th', { attrs: { scope: 'col', 'aria-sort': c === rankColumn ? shownOrder(c) : null } });
      if (c.sortKey !== undefined && options.onSort !== undefined) {
        const key = c.sortKey;
        th.appendChild(el('button', { text: c.label, title: T.sortBy(c.label), attrs: { type: 'button', 'data-focus-key': `sort-${key}` }, on: { click: () => options.onSort!(key) } }));
      } else th.textContent = c.label;
      return th;
    }),
  ]);
  const footnotes: HTMLElement[] = [];
  const body = rows.map(({ rank, chip, result, distinguishable }) => {
    const note = notes(result, distinguishable);
    // The note's reference sits by the chip's name, where it is seen even when the table scrolls
    // sideways; a reference, not a link: the URL hash belongs to the app state (shareable links).
    let noteRef: HTMLElement | null = null;
    if (note !== '') {
      footnotes.push(el('li', {}, [el('strong', { text: `${chip.label}: ` }), note]));
      noteRef = el('sup', { class: 'note-ref', text: `[${footnotes.length}]`, attrs: { 'aria-describedby': `${notesId}-${footnotes.length}` } });
      footnotes[footnotes.length - 1]!.id = `${notesId}-${footnotes.length}`;
    }
    const swatch = el('span', { class: 'swatch', attrs: { 'aria-hidden': 'true' } });
    swatch.style.background = chip.color;
    const explained = new Set([...result.explain.map((e) => e.key), DEPLOYMENT_KEY]);
    const cells = COLUMNS.map((c) => {
      if (!result.feasible) return el('td', { text: '—' });
      const text = c.cell(result, options);
      const content = cellContent(text, c.class === 'ranged');
      const detail = c.detail === undefined ? null : el('span', { class: 'cell-detail', text: c.detail(result, options) });
      if (c.explainKey === undefined || !explained.has(c.explainKey)) return el('td', { class: c.class }, [...content, detail]);
      const key = c.explainKey;
      return el('td', { class: c.class }, [el('button', {
        class: 'num', title: T.explainHint,
        attrs: { type: 'button', 'data-explain': key, 'aria-label': `${c.label} ${text} on ${chip.label}: ${T.explainHint}` },
        on: { click: () => options.onExplain(result.hardwareId, key) },
      }, content), detail]);
    });
    return el('tr', { class: result.feasible ? '' : 'infeasible', attrs: { 'data-hardware': result.hardwareId } }, [
      // "=1": could be the leader at this evidence. Not "≈", which marks an estimated rental price.
      el('td', { text: rank === null ? '–' : `${rank}${distinguishable === false ? ' =1' : ''}`, title: distinguishable === false ? tiedKey(result.uncertainty?.coverage ?? null) : undefined }),
      el('td', { class: 'chip-cell', title: chipTitle(chip, result) }, [swatch, chip.label, noteRef,
        // The evidence under the name, which stays in view when the table scrolls sideways.
        el('span', { class: 'cell-detail', text: evidenceCellText(result.evidence), attrs: { 'data-evidence': result.evidence.basis } })]),
      ...cells,
    ]);
  });
  // One calibration sets every prediction's coverage; null where every range is a spread around a limit.
  const ranged = rows.filter((r) => r.result.feasible && r.result.uncertainty !== null).map((r) => r.result.uncertainty!.coverage);
  const rangeCoverage = ranged.length === 0 ? undefined : ranged.find((c) => c !== null) ?? null;
  return el('div', {}, [
    el('div', { class: 'table-wrap' }, [
      // The rank and chip columns stay in view while the metrics scroll sideways (at 420 px).
      el('table', { class: 'results sticky-lead' }, [el('caption', {}, [
        el('span', { text: rankColumn === undefined ? options.caption : T.rankedBy(options.caption, rankColumn.label, shownOrder(rankColumn)) }),
        options.loadKey === undefined ? null : el('span', { class: 'caption-key', text: options.loadKey, attrs: { 'data-caption-key': 'load' } }),
        // What the ranges are, where they are read (not only in the explain dialog and the export).
        rangeCoverage === undefined ? null : el('span', { class: 'caption-key', text: T.rangeKey(rangeCoverage), attrs: { 'data-caption-key': 'range' } }),
        // The "=1" marks say what they mean where they are read, not only in the notes below.
        rows.some((r) => r.distinguishable === false) ? el('span', { class: 'caption-key', text: tiedKey(rangeCoverage ?? null), attrs: { 'data-caption-key': 'tied' } }) : null,
        // The TTFT range looks like the others but no measurement checks it: said where it is read.
        rows.some((r) => rankRange(r.result, 'ttftSeconds') !== null) ? el('span', { class: 'caption-key', text: T.ttftRangeKey, attrs: { 'data-caption-key': 'ttft-range' } }) : null,
        // A predicted speed the latency limit set is worth less than the others: said where it is read.
        rows.some((r) => latencyBoundPrediction(r.result)) ? el('span', {
          class: 'caption-key', attrs: { 'data-caption-key': 'latency-limited' },
          text: latencyLimitedNote(),
        }) : null,
      ]), el('thead', {}, [head]), el('tbody', {}, body)]),
    ]),
    footnotes.length === 0 ? null : el('ol', { class: 'footnotes', attrs: { 'aria-label': T.notes } }, footnotes),
  ]);
}
