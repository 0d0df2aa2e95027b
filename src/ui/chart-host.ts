// A chart card: compiles a Vega-Lite spec (or takes a precompiled chart) and runs it in a Vega view
// with precompiled expression functions, else Vega's interpreter (no eval, strict CSP), streams new
// data into the live view when only the data changed (no rebuild), and exports PNG/SVG. Vega is
// loaded on first use so the page shell paints first, and Vega-Lite's compiler on the first chart
// that is not precompiled.

import type { TopLevelSpec } from 'vega-lite';
import { isCompiledChart, type ChartSpec } from '../charts/compiled-chart';
import { exportCaption, exportFileName, labelCaption, labelFileName, type ExportContext, type ExportLabel } from '../export/context';
import { pngWithCaption, svgWithCaption } from './chart-caption';
import { el, replaceChildren } from './dom';
import { downloadBlob, downloadUrl } from './download';
import { MESSAGES } from '../messages/ui';
import { textTooltip } from './tooltip';

type VegaView = import('vega').View;
type VegaRuntime = typeof import('./vega-runtime');
type VegaLiteCompiler = typeof import('./vega-lite-compiler');

let vega: Promise<VegaRuntime> | null = null;
let vegaLite: Promise<VegaLiteCompiler> | null = null;

export function loadVega(): Promise<VegaRuntime> {
  vega ??= import('./vega-runtime');
  return vega;
}

function loadVegaLite(): Promise<VegaLiteCompiler> {
  vegaLite ??= import('./vega-lite-compiler');
  return vegaLite;
}

/** The Vega spec to draw: a precompiled chart's, else Vega-Lite's compile of the spec. */
async function vegaSpecOf(spec: ChartSpec): Promise<object> {
  return isCompiledChart(spec) ? spec.vega : (await loadVegaLite()).compile(spec).spec;
}

let firstChartMarked = false;

/**
 * Full chart builds (compile, parse, first draw) run one at a time, each in its own task, so the
 * browser paints each chart as soon as it is drawn. Run together, their promise chains interleave
 * in one long task and the first chart waits for the last (compare view: 640 ms for both).
 */
let builds: Promise<void> = Promise.resolve();

/** Resolves in a new task (a message, not a timer: no 4 ms clamp). */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

function structureKey(spec: ChartSpec): string {
  if (isCompiledChart(spec)) return spec.structureKey;
  const { datasets: _d, ...rest } = spec as TopLevelSpec & { datasets?: unknown };
  return JSON.stringify(rest);
}

function datasetsOf(spec: ChartSpec): Readonly<Record<string, readonly unknown[]>> {
  return isCompiledChart(spec) ? spec.datasets : ((spec as { datasets?: Record<string, unknown[]> }).datasets ?? {});
}

function rowCount(spec: ChartSpec): number {
  return Object.values(datasetsOf(spec)).reduce((n, rows) => n + rows.length, 0);
}

export class ChartHost {
  readonly element: HTMLElement;
  private readonly chart: HTMLElement;
  private view: VegaView | null = null;
  private key: string | null = null;
  private pending: { spec: ChartSpec | null; empty: string } | null = null;
  private busy = false;
  private version = 0;
  private destroyed = false;
  private clickHandler: ((datum: Record<string, unknown>) => void) | null = null;

  /**
   * `context`: the workload the drawn chart belongs to, or for a chart not about one workload
   * (Accuracy, Market) its own label; exports carry it as a caption line and in the file name.
   * `renderer`: 'canvas' for charts redrawn on every slider move. Vega repaints a canvas in one
   * pass where the SVG renderer patches hundreds of elements the browser then restyles and lays
   * out (chip lab, 60 moves: slider-to-chart p95 64-74 -> 52-54 ms). The chart is one image to
   * assistive technology either way (role img with a label); SVG export renders its own copy.
   */
  constructor(private readonly name: string, label: string, private readonly context: () => ExportContext | ExportLabel | null = () => null,
    private readonly renderer: 'svg' | 'canvas' = 'svg') {
    this.chart = el('div', { class: 'chart', attrs: { role: 'img', 'aria-label': label, 'data-chart': name } });
    const button = (kind: 'png' | 'svg') => el('button', {
      class: 'secondary small', text: MESSAGES.export[kind], title: MESSAGES.export.chart(kind.toUpperCase()),
      attrs: { type: 'button', 'aria-label': `${MESSAGES.export.chart(kind.toUpperCase())}: ${label}`, 'data-export': `${name}-${kind}` },
      on: { click: () => void this.export(kind) },
    });
    this.chart.appendChild(el('p', { class: 'chart-empty', text: MESSAGES.lab.computing }));
    this.element = el('section', { class: 'card' }, [el('div', { class: 'card-head' }, [button('png'), button('svg')]), this.chart]);
  }

  /** Shows a spec (or the empty message when spec is null). Latest call wins. */
  show(spec: ChartSpec | null, empty = ''): void {
    this.pending = { spec, empty };
    if (!this.busy) void this.flush();
  }

  /** Calls `handler` with the data row of a clicked mark (kept across rebuilds). */
  onDatumClick(handler: (datum: Record<string, unknown>) => void): void {
    this.clickHandler = handler;
  }

  /** Dims the chart while a newer result is being computed. */
  setStale(stale: boolean): void {
    this.element.classList.toggle('stale', stale);
    this.element.setAttribute('aria-busy', stale ? 'true' : 'false');
  }

  /** Re-measures the container (after the card was hidden). */
  resize(): void {
    if (this.view !== null) void this.view.resize().runAsync();
  }

  destroy(): void {
    this.destroyed = true;
    this.view?.finalize();
    this.view = null;
  }

  private async flush(): Promise<void> {
    this.busy = true;
    try {
      while (this.pending !== null && !this.destroyed) {
        const { spec, empty } = this.pending;
        this.pending = null;
        await this.render(spec, empty);
      }
    } finally {
      this.busy = false;
    }
  }

  private async render(spec: ChartSpec | null, empty: string): Promise<void> {
    if (spec === null) {
      this.view?.finalize();
      this.view = null;
      this.key = null;
      replaceChildren(this.chart, [el('p', { class: 'chart-empty', text: empty })]);
      this.mark(0);
      return;
    }
    const key = structureKey(spec);
    // Same chart, new numbers: stream the data into the live view (no rebuild, no flicker).
    if (this.view !== null && key === this.key && (await this.stream(spec))) {
      this.mark(rowCount(spec));
      return;
    }
    const build = builds.then(() => this.build(spec, key));
    builds = build.then(nextTask);
    await build;
  }

  private async build(spec: ChartSpec, key: string): Promise<void> {
    try {
      const [{ parse, View, precompiledExpressions }, vegaSpec] = await Promise.all([loadVega(), vegaSpecOf(spec)]);
      if (this.destroyed) return;
      this.view?.finalize();
      const target = el('div');
      replaceChildren(this.chart, [target]);
      const runtime = parse(vegaSpec as Parameters<typeof parse>[0], undefined, { ast: true });
      const compiler = precompiledExpressions();
      const view = new View(runtime, { expr: compiler.expr, renderer: this.renderer, container: target, hover: true, tooltip: textTooltip });
      await view.runAsync();
      // Expressions without a precompiled function (npm run charts:compile) run interpreted, slower.
      this.chart.dataset.interpretedExpressions = String(compiler.interpreted());
      this.view = view;
      this.view.addEventListener('click', (_event, item) => {
        const datum = (item as { datum?: unknown } | null | undefined)?.datum;
        if (this.clickHandler !== null && typeof datum === 'object' && datum !== null) this.clickHandler(datum as Record<string, unknown>);
      });
      this.key = key;
      this.mark(rowCount(spec));
    } catch (error) {
      this.view = null;
      this.key = null;
      replaceChildren(this.chart, [el('p', { class: 'chart-empty', text: MESSAGES.status.failed(error instanceof Error ? error.message : String(error)) })]);
    }
  }

  private async stream(spec: ChartSpec): Promise<boolean> {
    const view = this.view;
    if (view === null) return false;
    try {
      for (const [name, values] of Object.entries(datasetsOf(spec))) view.data(name, values as object[]);
      await view.runAsync();
      return true;
    } catch {
      return false;
    }
  }

  /** Records what is drawn for tests and the first-chart timing (performance mark "first-chart"). */
  private mark(rows: number): void {
    this.version += 1;
    this.chart.dataset.rows = String(rows);
    this.chart.dataset.version = String(this.version);
    if (rows > 0 && !firstChartMarked) {
      firstChartMarked = true;
      performance.mark('first-chart');
    }
  }

  private async export(kind: 'png' | 'svg'): Promise<void> {
    if (this.view === null) return;
    const context = this.context();
    const label = context !== null && 'stem' in context ? context : null;
    const workload = label === null ? context as ExportContext | null : null;
    const file = label !== null ? labelFileName(this.name, label, kind) : exportFileName(this.name, workload, kind);
    const caption = label !== null ? labelCaption(label) : workload === null ? null : exportCaption(workload);
    if (kind === 'png') {
      const url = caption === null ? await this.view.toImageURL('png', 2) : pngWithCaption(await this.view.toCanvas(2), caption, 2);
      downloadUrl(url, file);
    } else {
      const svg = await this.view.toSVG();
      downloadBlob(new Blob([caption === null ? svg : svgWithCaption(svg, caption)], { type: 'image/svg+xml' }), file);
    }
  }
}
