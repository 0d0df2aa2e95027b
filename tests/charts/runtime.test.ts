// Charts as the page runs them (vega View with the expression interpreter): no runtime warnings on
// a landing page, chip names keep their evidence marks when shortened.

import { describe, expect, it } from 'vitest';
import { transform } from 'vega-dataflow';
import { compile, type TopLevelSpec } from 'vega-lite';
import { View, expressionInterpreter, parse } from '../../src/ui/vega-runtime';
import { modelSizeChart } from '../../src/charts/model-size-chart';
import { sensitivityChart } from '../../src/charts/sensitivity-chart';
import { costBarsChart } from '../../src/charts/cost-bars-chart';
import { frontierChart } from '../../src/charts/frontier-chart';
import { renderSpec } from './render';
import { EVIDENCE_MARK } from '../../src/messages/evidence';
import { results, sensitivityResult, sizePoints } from './fixtures';

/** The visible text of an SVG (not the aria labels, which keep full names). */
function texts(svg: string): string[] {
  return [...svg.matchAll(/>([^<]+)<\/text>/g)].map((m) => m[1]!);
}

describe('charts at run time', () => {
  it('the frontier with an empty measured overlay logs no "Infinite extent" warning', async () => {
    for (const metric of ['perChip', 'usdPerMillion'] as const) {
      const spec = frontierChart({ series: results(), metric, maxTpotSeconds: 0.05, measured: { points: [], note: ['No published measurement matches this workload.'] } });
      const { warnings } = await renderSpec(spec);
      expect(warnings).toEqual([]);
    }
  });
});

describe('chip labels keep their marks when shortened', () => {
  // The marks as chipLabel writes them: estimate mark, a space, the evidence mark.
  const claim = `*${' '}${EVIDENCE_MARK.claim}`;
  const measured = `*${' '}${EVIDENCE_MARK.measured}`;

  it('the cost bars, the legend of the frontier: "…* ◇" rather than a cut-off name', async () => {
    const long = results().map((r, i) => ({ ...r, chip: { ...r.chip, label: `${i === 0 ? 'Etched Sohu (transformer ASIC, announced, not shipping, figures from the vendor only)' : 'A chip with a very long descriptive name here'}${i === 0 ? claim : measured}` } }));
    for (const layout of [{ compact: false }, { compact: true }]) {
      const bars = await renderSpec(costBarsChart({ series: long, layout }));
      expect(bars.warnings).toEqual([]);
      expect(texts(bars.svg).join('\n')).toContain(`…${claim}`);
      // Wide pages shorten both names (35 characters); narrow ones have room for the second.
      expect(texts(bars.svg).join('\n')).toContain(layout.compact ? `here${measured}` : `…${measured}`);
      expect(texts(bars.svg).join('\n')).not.toMatch(/vendor only/);
      const frontier = await renderSpec(frontierChart({ series: long, metric: 'perChip', maxTpotSeconds: null, layout }));
      expect(frontier.warnings).toEqual([]);
      expect(texts(frontier.svg).join('\n')).toContain(`…${claim}`);
    }
  });

  it('short labels and uniqueness suffixes are left as they are', async () => {
    const named = results().map((r, i) => ({ ...r, chip: { ...r.chip, label: i === 0 ? `H200${measured}` : `A chip with a very long descriptive name here${measured} (2)` } }));
    const { svg } = await renderSpec(costBarsChart({ series: named }));
    expect(texts(svg)).toContain(`H200${measured}`);
    expect(texts(svg).join('\n')).toContain(`…${measured} (2)`);
  });
});

describe('the chart runtime', () => {
  it('registers the transforms the charts compile to and not the rest of vega (nothing imports the full vega)', () => {
    for (const type of ['aggregate', 'filter', 'formula', 'stack', 'extent', 'collect', 'identifier']) expect(transform(type)).not.toBeNull();
    for (const type of ['geopoint', 'force', 'voronoi', 'wordcloud', 'label', 'crossfilter']) expect(transform(type)).toBeNull();
  });

  it('rejects a spec that needs a transform it lacks (what compileWarnings checks for every chart)', () => {
    const vega = compile({
      data: { values: [{ a: 1, b: 2 }, { a: 2, b: 3 }] }, mark: 'line',
      transform: [{ regression: 'b', on: 'a' }],
      encoding: { x: { field: 'a', type: 'quantitative' }, y: { field: 'b', type: 'quantitative' } },
    }).spec;
    expect(() => parse(vega, undefined, { ast: true })).toThrow(/regression/i);
  });
});

/** Whether anything drawn hangs below the SVG, with width "container" as on the page (autosize fit-x). */
async function clippedBelow(spec: TopLevelSpec): Promise<{ svgHeight: number; contentBottom: number }> {
  const view = new View(parse(compile(spec).spec, undefined, { ast: true }), { renderer: 'none', expr: expressionInterpreter });
  await view.runAsync();
  const svgHeight = Number(/height="([\d.]+)"/.exec(await view.toSVG())![1]);
  const bounds = (view as unknown as { scenegraph(): { root: { bounds: { y2: number } } } }).scenegraph().root.bounds;
  const contentBottom = bounds.y2 + view.origin()[1];
  view.finalize();
  return { svgHeight, contentBottom };
}

describe('the sensitivity chart', () => {
  it('labels zero change "0%", gains and losses with their sign', async () => {
    const { svg, warnings } = await renderSpec(sensitivityChart(sensitivityResult()));
    expect(warnings).toEqual([]);
    const labels = texts(svg).filter((t) => /%$/.test(t));
    expect(labels).toContain('0%');
    expect(labels).not.toContain('+0%');
    expect(labels.some((t) => /^[+−-]\d+%$/.test(t))).toBe(true);
  });
});

describe('side legends of many chips', () => {
  // Every catalog chip selected ("Select all"): 30 lines, 30 legend entries.
  const many = Array.from({ length: 30 }, (_, i) => {
    const r = results()[i % 2]!;
    return { ...r, chip: { ...r.chip, label: `Chip ${i} with a name* ${EVIDENCE_MARK.measured}` } };
  });

  it('the frontier and the model-size chart grow to hold every legend entry (nothing clipped)', async () => {
    for (const compact of [false, true]) {
      const frontier = await clippedBelow(frontierChart({ series: many, metric: 'perChip', maxTpotSeconds: 0.05, layout: { compact } }));
      expect(frontier.contentBottom).toBeLessThanOrEqual(frontier.svgHeight);
      const size = await clippedBelow(modelSizeChart({ chips: many.map((m) => m.chip), points: sizePoints(), family: 'dense', pricing: 'rental', layout: { compact } }));
      expect(size.contentBottom).toBeLessThanOrEqual(size.svgHeight);
    }
  });
});
