// The chip lab's "Design from silicon" mode (issue 15): sliders for die area, node, the area
// shares, clock and memory; the derived specs with their ranges and explanations beside the stock
// chip; and the $/M vs matrix-share sweep (computed in a worker). The lab chip is the design's
// derived profile, so the lab's table and charts below show it with the stock chip as the ghost.

import '../design.css';
import type { DesignSweep } from '../../app/design-channels';
import type { Snapshot } from '../../app/controller';
import type { Action } from '../../app-state/update';
import { labResults } from '../../app/selectors';
import { DESIGN_CHOICES, DESIGN_PARAMS, editDesign, type DesignChoiceId } from '../../app-state/design-params';
import { labOriginal } from '../../app-state/lookup';
import { matrixShareChart } from '../../charts/matrix-share-chart';
import { SILICON } from '../../design/constants';
import { deriveDesign, type DesignOutcome } from '../../design/derive';
import { ENTRY, flopsKey, sustainedKey } from '../../design/derivation';
import { designLabel } from '../../design/label';
import { DEFAULT_DESIGN_ID, DESIGN_PRESETS } from '../../design/presets';
import { DESIGN_UI as U } from '../../messages/design-ui';
import { optimumEdge } from '../../design/matrix-share';
import { MESSAGES, chipsText } from '../../messages/ui';
import type { ChipDesign } from '../../records/chip-design';
import type { HardwareProfile, SimulationResult } from '../../engine/types';
import { ChartHost } from '../chart-host';
import { designParamControl, designValueText } from '../design-param-control';
import { DESIGN_EXPLAIN_PREFIX } from '../design-explain';
import { el, replaceChildren, showFieldMessage, syncValue, uid } from '../dom';
import { formatValue } from '../explain-dialog';
import { formatUsd, formatUsdSignificant } from '../../format/units';
import { chartLayout } from '../layout';
import type { ViewContext } from './view';
import { saveLabChip } from '../lab-save';

const COUNTS = ['auto', '1', '2', '4', '8', '16', '32', '64', '72', '128', '256'];
const pct = (x: number) => `${(Math.round(x * 1000) / 10).toString()}%`;

export interface DesignPanel {
  /** Sidebar panel: the mode switch, and the design's controls when on. */
  controls: HTMLElement;
  /** Content section: derived specs and the sweep (hidden when the mode is off). */
  results: HTMLElement;
  sync(snapshot: Snapshot): void;
  resize(): void;
}

interface SpecRow {
  label: string;
  /** Derivation entry key (explained by the design), or an engine result key. */
  explain: string;
  derived: number | null;
  unit: string;
  low: number | null;
  high: number | null;
  stock: number | null;
  headline?: boolean;
  /** A range that is not "from the constants" (the column's): the prediction's, said in its cell. */
  rangeNote?: string;
}

function specRows(design: ChipDesign, out: DesignOutcome, stock: HardwareProfile | undefined, main: SimulationResult | null, ghost: SimulationResult | null): SpecRow[] {
  const entry = (key: string) => out.derivation.find((e) => e.key === key);
  const rows: SpecRow[] = [];
  const add = (key: string, label: string, stockValue: number | null | undefined) => {
    const e = entry(key);
    if (e !== undefined) rows.push({ label, explain: `${DESIGN_EXPLAIN_PREFIX}${key}`, derived: e.value, unit: e.unit, low: e.low, high: e.high, stock: stockValue ?? null });
  };
  // Peak and, when power caps the clock, sustained rates of the formats a workload runs at: the
  // sustained rate is what the derived profile carries and the simulation uses.
  for (const f of design.matrixFormats.filter((x) => x === 'bf16' || x === 'fp8')) {
    add(flopsKey(f), `Peak dense ${f} at ${design.clockGHz} GHz`, stock?.compute.denseFlopsPerSecond[f]);
    if (out.numbers.powerLimitedClockGHz !== null) add(sustainedKey(f), `Sustained dense ${f} within ${design.tdpWatts} W (used by the simulation)`, null);
  }
  add(ENTRY.sramCapacity, 'On-chip SRAM', stock?.memory.sramCapacityBytes || null);
  add(ENTRY.memoryCapacity, `${design.memory.type} capacity`, stock?.memory.hbmCapacityBytes || null);
  add(ENTRY.memoryBandwidth, `${design.memory.type} bandwidth`, stock?.memory.hbmBandwidthBytesPerSecond || null);
  // The stock chip has no such figure: its rated TDP stands beside it, and the label says so.
  add(ENTRY.power, 'Power at full rate (stock: its TDP)', stock?.power.tdpWatts);
  add(ENTRY.dieCost, 'Cost per good compute die', null);
  const teardown = stock === undefined || !Object.hasOwn(SILICON.teardowns, stock.id) ? null : SILICON.teardowns[stock.id]!.value;
  add(ENTRY.buildCost, 'Build cost', teardown);
  add(ENTRY.price, 'Price', stock?.price.listPriceUsd);
  type Key = 'usdPerMillionOutputTokens' | 'tokensPerSecondPerUser';
  const result = (r: SimulationResult | null, k: Key) => (r === null || !r.feasible ? null : r[k]);
  // The derived chip's range, as the comparison table gives it.
  const range = (k: Key) => (main === null || !main.feasible ? null : main.uncertainty?.[k] ?? null);
  const coverage = main?.uncertainty?.coverage ?? null;
  const row = (label: string, k: Key, unit: string): SpecRow => ({ label, explain: k, derived: result(main, k), unit,
    low: range(k)?.low ?? null, high: range(k)?.high ?? null, stock: result(ghost, k), headline: true,
    rangeNote: coverage === null ? U.spreadNote : U.predictionRangeNote(Math.round(coverage * 100)) });
  rows.push(row(U.costPerMillion, 'usdPerMillionOutputTokens', 'USD'), row(U.tokensPerUser, 'tokensPerSecondPerUser', 'tokens/s'));
  return rows;
}

/** `replaceLab`: how "Design from silicon" replaces a hand-edited lab (with the chip panel's Undo offer). */
export function mountDesignPanel(ctx: ViewContext, replaceLab: (action: Action, near: HTMLElement) => void): DesignPanel {
  const { dispatch } = ctx;
  let current: Snapshot | null = null;

  const presetId = uid('design-preset');
  const preset = el('select', { id: presetId, attrs: { 'data-control': 'design-preset' } },
    [...DESIGN_PRESETS.values()].map((d) => el('option', { text: designLabel(d), attrs: { value: d.id } })));
  preset.value = DEFAULT_DESIGN_ID;
  /** Starts the preset chosen; `near`: where an Undo for replaced edits shows. */
  const startDesign = (near: HTMLElement) => {
    const d = DESIGN_PRESETS.get(preset.value);
    if (d !== undefined) replaceLab({ type: 'design-start', design: d }, near);
  };
  preset.addEventListener('change', () => { if (current?.state.design != null) startDesign(preset); });
  const start = el('button', { class: 'primary', text: U.start, attrs: { type: 'button', 'data-control': 'design-start' }, on: { click: () => startDesign(start) } });
  const exit = el('button', { class: 'secondary', text: U.exit, attrs: { type: 'button', 'data-control': 'design-exit' }, on: { click: () => dispatch({ type: 'design-exit' }) } });
  const saved = el('p', { class: 'marks-legend', attrs: { 'aria-live': 'polite', 'data-design-saved': '' } });
  const save = el('button', { class: 'primary', text: MESSAGES.controls.addToComparison, attrs: { type: 'button', 'data-control': 'design-save' }, on: { click: () => { saved.textContent = saveLabChip(ctx, save.closest('[data-view]') ?? document); } } });
  const intro = el('p', { class: 'intro' });
  const choiceNote = el('div', { class: 'hint', attrs: { 'aria-live': 'polite', 'data-design-choice-note': '' } });

  const choice = (field: DesignChoiceId, label: string, text: (v: string) => string = (v) => v) => {
    const id = uid(`design-${field}`);
    // A refused choice is said beside its own menu, naming what was chosen.
    const error = el('div', { class: 'error', id: `${id}-error`, attrs: { 'aria-live': 'polite', 'data-design-choice-error': field } });
    const select = el('select', { id, attrs: { 'data-design-choice': field, 'aria-describedby': `${id}-error` } }, DESIGN_CHOICES[field].map((v) => el('option', { text: text(v), attrs: { value: v } })));
    select.addEventListener('change', () => {
      const design = current?.state.design;
      if (design == null) return;
      const edited = editDesign(design, { kind: 'choice', field, value: select.value });
      if (edited.ok) {
        clearRefusals();
        // Memory back from none: the stack count it takes is said, not just shown on its slider.
        const count = edited.design.memory.count;
        if (field === 'memoryType' && design.memory.count === 0 && count > 0) choiceNote.textContent = U.memoryCountBack(count);
        dispatch({ type: 'design-choose', field, value: select.value });
      } else {
        clearRefusals();
        showFieldMessage(select, error, U.refusedValue(text(select.value), edited.error));
        select.value = field === 'processNode' ? design.processNode : field === 'memoryType' ? design.memory.type : design.sramOrganization;
      }
    });
    return { select, error, element: el('div', { class: 'field-wide' }, [el('label', { text: label, attrs: { for: id } }), select, error]) };
  };
  const node = choice('processNode', U.node);
  const memory = choice('memoryType', U.memoryType);
  const sram = choice('sramOrganization', U.sram, (v) => U.sramChoices[v] ?? v);

  const params = DESIGN_PARAMS.map((def) => {
    const control = designParamControl(def, (value, typed) => {
      const design = current?.state.design;
      if (design == null) return false;
      const edited = editDesign(design, { kind: 'param', param: def.id, value });
      if (!edited.ok) {
        control.refuse(U.refusedValue(designValueText(def, value), edited.error));
        return false;
      }
      // A slider stops at the bound the die leaves (matrix share); a typed value past it is refused, not capped.
      const stored = def.get(edited.design);
      if (typed && designValueText(def, stored) !== designValueText(def, value)) {
        control.refuse(U.refusedValue(designValueText(def, value), U.typedBeyondBound(designValueText(def, stored), stored < value)));
        return false;
      }
      clearRefusals();
      return dispatch({ type: 'design-set', param: def.id, value });
    });
    return { def, control };
  });
  // An applied edit changes the design the earlier refusals were about: their messages go.
  function clearRefusals(): void {
    for (const c of [node, memory, sram]) showFieldMessage(c.select, c.error, '');
    choiceNote.textContent = '';
    for (const p of params) p.control.refuse('');
  }
  const rest = el('p', { class: 'rest' });
  const countId = uid('design-chips');
  const count = el('select', {
    id: countId, attrs: { 'data-control': 'design-chips' },
    on: { change: () => dispatch({ type: 'lab-set-chips', chips: count.value === 'auto' ? 'auto' : Number(count.value) }) },
  }, COUNTS.map((c) => el('option', { text: c === 'auto' ? MESSAGES.controls.auto : chipsText(Number(c)), attrs: { value: c } })));

  const onBlock = el('div', { class: 'design-on' }, [
    node.element, memory.element, sram.element, choiceNote,
    el('div', { class: 'lab-params' }, params.map((p) => p.control.element)),
    rest,
    el('div', { class: 'field' }, [el('label', { text: MESSAGES.controls.chipCount, attrs: { for: countId } }), count]),
    el('div', { class: 'toolbar' }, [save, exit]),
    saved,
  ]);
  const controls = el('section', { class: 'panel design-panel', attrs: { 'aria-label': U.title, 'data-panel': 'design' } }, [
    el('h2', { text: U.title }), intro,
    el('div', { class: 'field-wide' }, [el('label', { text: U.startFrom, attrs: { for: presetId } }), preset]),
    start, onBlock,
  ]);

  const tableSlot = el('div', { class: 'table-wrap' });
  const pricingNote = el('p', { class: 'design-note' });
  const specs = el('section', { class: 'card', attrs: { 'data-table': 'design-specs' } }, [tableSlot, pricingNote]);
  const sweep = new ChartHost('design-sweep', U.sweepLabel);
  const summary = el('p', { class: 'design-summary', attrs: { 'aria-live': 'polite', 'data-design-summary': '' } });
  sweep.element.appendChild(summary);
  const results = el('div', { class: 'design-results', attrs: { 'data-design-results': '' } }, [el('div', { class: 'grid-2' }, [specs, sweep.element])]);

  let outcome: { design: ChipDesign; out: DesignOutcome } | null = null;
  let drawn: unknown[] = [];
  return {
    controls,
    results,
    resize() {
      sweep.resize();
    },
    sync(snapshot) {
      current = snapshot;
      const { state } = snapshot;
      const design = state.design;
      const on = design !== null;
      intro.textContent = on ? U.onIntro : U.offIntro;
      start.hidden = on;
      onBlock.hidden = !on;
      results.hidden = !on;
      if (design === null) return;
      syncValue(preset, DESIGN_PRESETS.has(design.id) ? design.id : preset.value);
      syncValue(node.select, design.processNode);
      syncValue(memory.select, design.memory.type);
      syncValue(sram.select, design.sramOrganization);
      syncValue(count, String(state.lab.chips));
      for (const p of params) p.control.sync(design);
      rest.textContent = U.vectorShare(pct(design.areaShares.vectorAndControl));
      const setPrice = state.settings.economics.capexUsdPerChip;
      pricingNote.textContent = U.pricing(setPrice === null ? null : formatUsd(setPrice));

      if (outcome?.design !== design) outcome = { design, out: deriveDesign(design) };
      const stock = labOriginal(state, ctx.catalog);
      const lab = labResults(snapshot);
      const rows = specRows(design, outcome.out, stock, lab?.main?.result ?? null, lab?.ghost?.result ?? null);
      // Three significant figures, as the results table beside it writes them.
      const cell = (v: number | null, unit: string) => (v === null ? '—' : formatValue(v, unit, 3));
      replaceChildren(tableSlot, [el('table', { class: 'design-specs' }, [
        el('caption', { text: U.specsCaption(stock?.name ?? '—') }),
        el('thead', {}, [el('tr', {}, [...U.columns.map((c, i) => el('th', { text: c, class: i === 2 ? 'range' : undefined })), el('th', {})])]),
        el('tbody', {}, rows.map((r) => el('tr', { class: r.headline ? 'headline' : undefined, attrs: { 'data-spec': r.explain } }, [
          el('td', { text: r.label }),
          el('td', { text: cell(r.derived, r.unit) }),
          el('td', { class: 'range', text: r.low === null || r.high === null ? '' : `${cell(r.low, r.unit)} – ${cell(r.high, r.unit)}${r.rangeNote === undefined ? '' : ` (${r.rangeNote})`}` }),
          el('td', { text: cell(r.stock, r.unit) }),
          el('td', {}, [el('button', {
            class: 'secondary small', text: U.how, attrs: { type: 'button', 'aria-label': U.howLabel(r.label), 'data-explain-design': r.explain },
            on: { click: () => dispatch({ type: 'open-explain', hardwareId: state.lab.chip.id, key: r.explain }) },
          })]),
        ]))),
      ])]);

      const result = snapshot.results.get('design-sweep');
      const value = (result?.value as DesignSweep | undefined) ?? null;
      sweep.setStale(snapshot.pending.has('design-sweep'));
      const layout = chartLayout();
      const inputs = [value, layout.compact];
      if (inputs.every((x, i) => x === drawn[i])) return;
      drawn = inputs;
      if (value === null) {
        sweep.show(null, U.sweepComputing);
        summary.textContent = '';
        return;
      }
      const opt = value.optimum;
      const why = value.points.find((p) => p.matrixShare === value.current && p.reason !== null) ?? value.points.find((p) => p.reason !== null);
      sweep.show(opt === null ? null : matrixShareChart({ points: value.points, current: value.current, optimum: opt, layout }),
        U.sweepEmpty(pct(why?.matrixShare ?? value.current), why?.reason ?? null));
      const here = value.points.find((p) => p.matrixShare === value.current)?.usdPerMillionOutputTokens ?? null;
      const near = value.nearLowest;
      const flat = near === null || near.from === near.to ? null : { from: pct(near.from.matrixShare), to: pct(near.to.matrixShare) };
      const infeasible = value.points.find((p) => p.reason !== null);
      summary.textContent = opt === null ? '' : U.sweepSummary(pct(opt.matrixShare), formatUsdSignificant(opt.usdPerMillionOutputTokens ?? 0), pct(value.current), here === null ? null : formatUsdSignificant(here), flat, optimumEdge(value.points, opt))
        + (infeasible === undefined ? '' : ` ${U.sweepInfeasible(pct(infeasible.matrixShare), infeasible.reason ?? '')}`);
    },
  };
}
