// "How was this number computed?": the value, its formula and the inputs that matter first; more
// inputs, estimates, calibration and the chip's sources folded below, each said once. The
// Deployment cell opens "why this layout". Opened from any number button; state.explain drives it.

import { DEPLOYMENT_KEY, deploymentView, type LayoutRow } from '../app/deployment-view';
import { explainView, type InputRow } from '../app/explain-view';
import { profileOf, resultForExplain } from '../app/selectors';
import type { Snapshot } from '../app/controller';
import type { HardwareProfile, Objective, SimulationResult } from '../engine/types';
import { formatBytes, formatNumber, formatSeconds, formatSi, SI_PREFIXED_UNITS, formatUsd } from '../format/units';
import { el, replaceChildren } from './dom';
import { MESSAGES } from '../messages/ui';
import { designExplainEntry } from './design-explain';
import { ENERGY_KEY, RANK_KEYS, joulesPerTokenRange, rankRange, type RankKey } from '../engine/analysis/rank';
import type { ViewContext } from './views/view';

const E = MESSAGES.explain;
const D = MESSAGES.deployment;
const T = MESSAGES.table;

/** The table's names of the numbers a "How?" opens: the title of one an infeasible result has no derivation for. */
const NUMBER_NAMES: Readonly<Record<string, string>> = {
  usdPerMillionOutputTokens: T.usdPerMillion, outputTokensPerSecondPerDollarPerHour: T.perDollar, outputTokensPerSecondPerChip: T.perChip,
  tokensPerSecondPerUser: T.perUser, ttftSeconds: T.ttft, tpotSeconds: T.tpot, [ENERGY_KEY]: T.energy,
};

/** Count units read in the singular for one: "1 sequence", not "1 sequences". */
const SINGULAR: Readonly<Record<string, string>> = { sequences: 'sequence', chips: 'chip', tokens: 'token', dies: 'die', prompts: 'prompt' };

/** `digits`: significant figures of plain numbers (4 in the explain dialog, 3 where tables show results). */
export function formatValue(value: number | string, unit: string, digits = 4): string {
  if (typeof value === 'string') return unit === '' ? value : `${value} ${unit}`;
  if (unit === 's') return formatSeconds(value);
  if (unit === 'B') return formatBytes(value);
  if (SI_PREFIXED_UNITS.has(unit)) return formatSi(value, unit);
  if (unit.startsWith('USD')) return `${formatUsd(value)}${unit.slice(3)}`;
  if (unit === '') return formatNumber(value, digits);
  return `${formatNumber(value, digits)} ${value === 1 ? (SINGULAR[unit] ?? unit) : unit}`;
}

function related(result: SimulationResult, current: string, open: (key: string) => void): HTMLElement[] {
  const entries = [...result.explain.map((e) => ({ key: e.key, label: e.label })), ...(result.feasible ? [{ key: DEPLOYMENT_KEY, label: D.label }] : [])];
  const others = entries.filter((e) => e.key !== current);
  if (others.length === 0) return [];
  return [el('h3', { text: E.related }), el('div', { class: 'link-buttons related' }, others.map((e) => el('button', {
    class: 'secondary small', text: e.label, attrs: { type: 'button', 'data-explain-related': e.key },
    on: { click: () => open(e.key) },
  })))];
}

/** The Source column only where some input has one (derived values and the workload have none: "—"). */
function inputsTable(rows: readonly InputRow[]): HTMLElement {
  const sourced = rows.some((i) => i.source !== '');
  return el('table', { class: 'inputs' }, [
    el('thead', {}, [el('tr', {}, [el('th', { text: E.input }), el('th', { text: E.value }), ...(sourced ? [el('th', { text: E.source })] : [])])]),
    el('tbody', {}, rows.map((i) => el('tr', {}, [
      el('td', { text: i.name }),
      el('td', { class: 'v', text: formatValue(i.value, i.unit) }),
      ...(sourced ? [el('td', { class: 'src', text: i.source === '' ? '—' : i.source })] : []),
    ]))),
  ]);
}

function fold(title: string, children: (HTMLElement | string)[], data: string): HTMLElement {
  return el('details', { class: 'explain-more', attrs: { 'data-explain-fold': data } }, [el('summary', { text: title }), ...children]);
}

function numberBody(result: SimulationResult, key: string, profile: HardwareProfile | undefined): HTMLElement[] {
  const entry = result.explain.find((e) => e.key === key) ?? designExplainEntry(profile, key);
  // An infeasible result has no numbers to derive: say why it cannot serve the workload instead.
  if (entry === undefined) return [el('p', { text: !result.feasible && result.reason !== undefined ? E.infeasible(result.reason.text) : E.missing })];
  const v = explainView(entry, result, profile);
  // The number as the table shows it: "≈" on an estimated rental's price, and the range beside it.
  const estimated = key === 'usdPerMillionOutputTokens' && result.pricing.rentalEstimated ? '≈' : '';
  const range = key === ENERGY_KEY ? joulesPerTokenRange(result) : key in RANK_KEYS ? rankRange(result, key as RankKey) : null;
  const coverage = result.uncertainty?.coverage ?? null;
  const out: HTMLElement[] = ([
    el('p', { class: 'explain-value', text: `${estimated}${formatValue(entry.value, entry.unit)}` }),
    range === null ? null : el('p', { class: 'explain-range', attrs: { 'data-explain-range': '' },
      text: key === 'ttftSeconds' ? E.ttftRange(formatValue(range.low, entry.unit), formatValue(range.high, entry.unit))
        : E.range(formatValue(range.low, entry.unit), formatValue(range.high, entry.unit), coverage) }),
    el('h3', { text: E.formula }), el('p', { class: 'formula', text: entry.formula }),
  ] as (HTMLElement | null)[]).filter((e): e is HTMLElement => e !== null);
  if (v.keyInputs.length > 0) out.push(el('h3', { text: E.inputs }), inputsTable(v.keyInputs));
  if (v.moreInputs.length > 0) out.push(fold(E.moreInputs(v.moreInputs.length), [inputsTable(v.moreInputs)], 'inputs'));
  if (v.estimates.length > 0) out.push(fold(E.estimates(v.estimates.length), [el('ul', {}, v.estimates.map((m) => el('li', { text: m })))], 'estimates'));
  if (v.calibration !== null) out.push(fold(E.calibration(v.calibration.fitted), [el('p', { class: 'src', text: v.calibration.note })], 'calibration'));
  if (v.sources.length > 0) {
    out.push(fold(E.sources, [el('ul', {}, v.sources.map((s) => el('li', {}, [el('strong', { text: `${s.group}: ` }), s.items.join('; ')])))], 'sources'));
  }
  return out;
}

function cell(v: number | null, format: (x: number) => string): string {
  return v === null ? '—' : format(v);
}

function layoutRow(r: LayoutRow): HTMLElement {
  return el('tr', { class: r.chosen ? 'chosen' : r.feasible ? '' : 'infeasible' }, [
    el('td', { text: r.layout }),
    el('td', { class: 'v', text: cell(r.batch, String) }),
    el('td', { class: 'v', text: cell(r.outputTokensPerSecondPerChip, (x) => formatNumber(x)) }),
    el('td', { class: 'v', text: cell(r.tokensPerSecondPerUser, (x) => formatNumber(x)) }),
    el('td', { class: 'v', text: cell(r.tpotSeconds, formatSeconds) }),
    el('td', { class: 'v', text: cell(r.usdPerMillionOutputTokens, formatUsd) }),
    el('td', { class: 'src', text: r.chosen ? D.chosenMark : r.reason ?? '' }),
  ]);
}

function deploymentBody(result: SimulationResult, objective: Objective): HTMLElement[] {
  const v = deploymentView(result, objective);
  const c = result.config;
  const out: HTMLElement[] = [
    el('p', { class: 'explain-value', text: MESSAGES.table.deploymentText(c.chips, v.chosen.layout, c.batch, c.paidChips) }),
    el('h3', { text: D.why }),
    el('p', { text: v.why }),
    el('p', { text: `${D.limitedBy(v.batchLimitedBy)} ${D.tried(v.layoutsTried, v.compared?.length ?? v.layoutsTried)}` }),
  ];
  if (v.experts !== null) out.push(el('p', { text: v.experts, attrs: { 'data-deployment': 'experts' } }));
  if (v.compared !== null) {
    // Seven columns do not fit a phone: the table scrolls sideways rather than breaking "$0.783" in two.
    out.push(el('h3', { text: D.compared }), el('div', { class: 'table-wrap' }, [el('table', { class: 'inputs layouts', attrs: { 'data-layouts': '' } }, [
      el('thead', {}, [el('tr', {}, D.columns.map((t) => el('th', { text: t })))]),
      el('tbody', {}, v.compared.map(layoutRow)),
    ])]));
  }
  return out;
}

export interface ExplainDialog {
  element: HTMLDialogElement;
  sync(snapshot: Snapshot): void;
}

export function mountExplainDialog(ctx: ViewContext): ExplainDialog {
  // Focusable from script: a new explanation replacing the one the focus was in starts at its title.
  const title = el('h2', { id: 'explain-title', attrs: { tabindex: '-1' } });
  const content = el('div', { class: 'dialog-body' });
  const close = el('button', { class: 'secondary', text: E.close, attrs: { type: 'button' } });
  const dialog = el('dialog', { attrs: { 'aria-labelledby': 'explain-title', 'data-dialog': 'explain' } }, [
    el('div', { class: 'dialog-head' }, [title, close]),
    content,
  ]);
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => ctx.dispatch({ type: 'close-explain' }));
  let shown = '';
  return {
    element: dialog,
    sync(snapshot) {
      const open = snapshot.state.explain;
      if (open === null) {
        shown = '';
        if (dialog.open) dialog.close();
        return;
      }
      const result = resultForExplain(snapshot, open.hardwareId);
      if (result === undefined) return;
      const key = `${open.hardwareId}|${open.key}|${result.tpotSeconds}|${result.usdPerMillionOutputTokens}`;
      if (key === shown && dialog.open) return;
      shown = key;
      const profile = profileOf(snapshot.state, ctx.catalog, open.hardwareId);
      const chip = profile?.name ?? open.hardwareId;
      const openKey = (k: string) => ctx.dispatch({ type: 'open-explain', hardwareId: open.hardwareId, key: k });
      const deployment = open.key === DEPLOYMENT_KEY;
      const entry = result.explain.find((e) => e.key === open.key) ?? designExplainEntry(profile, open.key);
      title.textContent = E.title(deployment ? D.label : entry?.label ?? NUMBER_NAMES[open.key] ?? open.key, chip);
      const focusInside = dialog.open && content.contains(document.activeElement);
      replaceChildren(content, [
        ...(deployment ? deploymentBody(result, snapshot.state.settings.objective) : numberBody(result, open.key, profile)),
        ...related(result, open.key, openKey),
      ]);
      content.scrollTop = 0;
      if (focusInside) title.focus();
      if (!dialog.open) dialog.showModal();
    },
  };
}
