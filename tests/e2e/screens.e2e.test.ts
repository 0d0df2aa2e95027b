// Every view at 1280 and 420 px: drawn without console warnings (Vega's "Infinite extent" and the
// like), no sideways scrolling of the page (the model-size chart's table of numbers open too), and
// a screenshot per view (the top of a very long one) for people to look at
// (.e2e-artifacts/screens/ui-<view>-<width>.png; SCREENS_DIR copies them). Design mode has its own
// 420 px test (design.e2e.test.ts).

import { copyFileSync, mkdirSync } from 'node:fs';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { ARTIFACTS, chartDrawn, done, openPage, photograph, sharedBrowser } from './browser';

const browser = sharedBrowser();
const baseUrl = inject('baseUrl');
const DIR = `${ARTIFACTS}/screens`;

beforeAll(() => {
  mkdirSync(DIR, { recursive: true });
});

const VIEWS = [['compare', 'frontier'], ['model-size', 'tokens-per-dollar-vs-model-size'], ['chip-lab', 'lab-sensitivity'], ['accuracy', 'accuracy'], ['market', 'market-waterfall']] as const;

describe.each([1280, 420])('every view at %i px', (width) => {
  it('draws without console warnings, without sideways scrolling, and is photographed', async () => {
    const p = await openPage(browser(), baseUrl, { width, height: width === 420 ? 860 : 800 });
    const warnings: string[] = [];
    p.page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
    for (const [view, chart] of VIEWS) {
      await p.page.click(`[data-nav="${view}"]`);
      await chartDrawn(p.page, chart);
      await p.page.waitForFunction((v) => document.querySelector(`[data-view="${v}"] .stale`) === null && document.querySelector(`[data-view="${v}"] [aria-busy="true"]`) === null, view, { timeout: 60_000 });
      const overflow = () => p.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(await overflow(), view).toBeLessThanOrEqual(1);
      if (view === 'compare') {
        // At 1280 px the whole table fits its box. At 420 px it is wider: scrolled to its far end,
        // the rank and chip (with its evidence) of every row stay inside the box, and the last column comes into view.
        const edges = await p.page.evaluate(() => {
          const wrap = document.querySelector<HTMLElement>('[data-view="compare"] .table-wrap')!;
          wrap.scrollLeft = wrap.scrollWidth;
          const box = wrap.getBoundingClientRect();
          const row = wrap.querySelector('tbody tr')!;
          const cell = (i: number) => row.children[i]!.getBoundingClientRect();
          return { wider: wrap.scrollWidth > wrap.clientWidth, box: [box.left, box.right], rank: cell(0).left, chip: [cell(1).left, cell(1).right], last: cell(row.children.length - 1).right };
        });
        expect(edges.wider, 'compare table wider than its box').toBe(width === 420);
        expect(edges.rank).toBeGreaterThanOrEqual(edges.box[0]! - 1);
        expect(edges.chip[0]).toBeGreaterThanOrEqual(edges.box[0]! - 1);
        expect(edges.chip[1]).toBeLessThanOrEqual(edges.box[1]!);
        expect(edges.last).toBeLessThanOrEqual(edges.box[1]! + 1);
      }
      if (view === 'model-size') {
        // The chart's numbers as a table scroll inside their box, screen-reader text included.
        await p.page.click('[data-size-table] summary');
        await p.page.waitForSelector('[data-size-table] table tbody tr');
        expect(await overflow(), 'model-size table').toBeLessThanOrEqual(1);
      }
      const file = `${DIR}/ui-${view}-${width}.png`;
      await photograph(p.page, file);
      if (process.env.SCREENS_DIR) {
        mkdirSync(process.env.SCREENS_DIR, { recursive: true });
        copyFileSync(file, `${process.env.SCREENS_DIR}/ui-${view}-${width}.png`);
      }
    }
    expect(warnings).toEqual([]);
    await done(p);
  });
});
