// The Accuracy view and the measured overlay of the comparison frontier, in headless Chromium against
// the production build (run `npx vite build` first).

import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { chartDrawn, done, download, openPage, screenshot, sharedBrowser, type WatchedPage } from './browser';
import { LAB_PARAMS } from '../../src/app-state/lab-params';
import { valueToPosition } from '../../src/app-state/slider-scale';

const browser = sharedBrowser();
const baseUrl = inject('baseUrl');

async function openAccuracy(p: WatchedPage): Promise<void> {
  await p.page.click('[data-nav="accuracy"]');
  await chartDrawn(p.page, 'accuracy');
  await p.page.waitForSelector('[data-table="accuracy-rows"] tbody tr[data-row]');
}

describe('accuracy view', () => {
  it('renders the summary, the chart and the row table without errors; the spec/achieved switch reruns it', async () => {
    const p = await openPage(browser(), baseUrl);
    // The production build ships the reports (`npm run validate` per mode): the view reads them, it does not recompute.
    const shipped: string[] = [];
    p.page.on('requestfinished', (r) => {
      const file = /validation-(achieved|spec)\.json$/.exec(r.url());
      if (file) void r.response().then((res) => shipped.push(`${file[1]} ${res?.status()}`));
    });
    await openAccuracy(p);
    await expect.poll(() => shipped).toEqual(['achieved 200']);
    const report = JSON.parse(readFileSync(new URL('../../dist/assets/validation-achieved.json', import.meta.url), 'utf8')) as
      { summary: { heldOut: { medianAbs: number; count: number } } };
    const held = report.summary.heldOut;
    // The first rows of each source, the rest one click away (and then all of them, focus on the first revealed).
    const rowLines = p.page.locator('[data-table="accuracy-rows"] tbody tr[data-row]');
    const rows = await rowLines.count();
    expect(rows).toBeGreaterThan(50);
    const titles = await p.page.locator('[data-table="accuracy-rows"] tr.section th').allTextContents();
    const total = titles.reduce((n, t) => n + Number(/· (\d+) rows/.exec(t)![1]), 0);
    expect(rows).toBeLessThan(total);
    const more = p.page.locator('[data-table="accuracy-rows"] [data-show-rows]');
    expect(await more.first().textContent()).toMatch(/^Show the other \d+ rows$/);
    while ((await more.count()) > 0) {
      await more.first().click();
      expect(await p.page.evaluate(() => document.activeElement?.matches('tr[data-row]'))).toBe(true);
    }
    expect(await rowLines.count()).toBe(total);
    // Revealed rows carry their column names like the first ones (a narrow screen stacks them as cards).
    expect(await p.page.locator('[data-table="accuracy-rows"] tr[data-row] td:not([data-label])').count()).toBe(0);
    // Chart marks: one symbol per drawable row.
    expect(Number(await p.page.getAttribute('[data-chart="accuracy"]', 'data-rows'))).toBeGreaterThan(50);
    const headline = p.page.locator('[data-accuracy="headline"]');
    const achieved = await headline.textContent();
    // The headline quotes rows no fit saw: held-out rows, cross-validation and the ranges' coverage.
    expect(achieved).toContain(`Held-out rows (never fitted)${(held.medianAbs * 100).toFixed(1)}% median`);
    expect(achieved).toContain(`${held.count} rows`);
    expect(achieved).toContain('Every target row, its submission left out of the fit');
    expect(await p.page.locator('[data-accuracy="coverage"]').textContent()).toMatch(/nominal 80/);
    expect(await p.page.locator('[data-accuracy="coverage-split"]').textContent()).toMatch(/^dense [\d.]+% of \d+ · MoE [\d.]+% of \d+ · held-out [\d.]+% of \d+$/);
    // Each target row's cross-validated error sits beside the full fit's, with its range's verdict.
    const cvCell = p.page.locator('[data-table="accuracy-rows"] tbody tr[data-row="452"] [data-cross-validated]');
    expect(await cvCell.textContent()).toMatch(/^left out: [+-][\d.]+%, (inside|outside) its 80% range$/);
    const verdicts = await p.page.locator('[data-table="accuracy-rows"] [data-cross-validated]').allTextContents();
    const inside = verdicts.filter((t) => t.endsWith(', inside its 80% range')).length;
    const outside = verdicts.filter((t) => t.endsWith(', outside its 80% range')).length;
    const coverage = JSON.parse(readFileSync(new URL('../../dist/assets/validation-achieved.json', import.meta.url), 'utf8')).summary.coverage as { actual: number; count: number };
    expect(inside + outside).toBe(coverage.count);
    expect(inside / (inside + outside)).toBeCloseTo(coverage.actual, 9);
    expect(await p.page.locator('[data-table="accuracy-summary"] tbody tr').count()).toBeGreaterThan(5);
    expect(await p.page.locator('[data-table="accuracy-relative"] tbody tr').count()).toBeGreaterThan(10);
    // The ratio table under the headline lists the ratios the headline quotes: cross-validated ones.
    expect(await p.page.locator('[data-table="accuracy-relative"] .card-title').textContent()).toMatch(/^MLPerf relative accuracy, cross-validated/);
    expect(await p.page.locator('[data-table="accuracy-claims"] li.claim').count()).toBeGreaterThan(3);
    // Excluded rows: collapsed by default, with reasons.
    const excluded = p.page.locator('details[data-accuracy="excluded"]');
    expect(await excluded.getAttribute('open')).toBeNull();
    await excluded.locator('summary').click();
    expect(await excluded.locator('tbody tr').first().textContent()).toMatch(/\w+/);
    // Each row says whether the fit used it or it is held out, where it is read.
    expect(await p.page.locator('[data-table="accuracy-rows"] tbody tr[data-row="5"] td[data-label="Use"]').textContent()).toBe('fit');
    expect(await p.page.locator(`[data-table="accuracy-rows"] tbody td[data-label="Use"]:text-is("held out")`).count()).toBeGreaterThanOrEqual(held.count);
    // Assumptions on demand.
    const first = p.page.locator('[data-table="accuracy-rows"] tbody tr[data-row="5"] td.assumptions');
    const disclosure = first.locator('button.disclosure');
    expect(await disclosure.getAttribute('aria-expanded')).toBe('false');
    expect(await first.textContent()).not.toContain('ASSUMED');
    await disclosure.click();
    expect(await disclosure.getAttribute('aria-expanded')).toBe('true');
    expect(await first.locator('ul').textContent()).toContain('ASSUMED');
    await disclosure.click();
    expect(await first.locator('ul').isHidden()).toBe(true);
    // Uncalibrated families are listed and marked.
    expect(await p.page.locator('[data-accuracy="calibration"] li.assumed').count()).toBeGreaterThan(3);
    await screenshot(p.page, 'accuracy-1280');
    // The chart's export is dated and says what it shows and in which mode.
    const svg = await download(p.page, '[data-export="accuracy-svg"]');
    expect(svg.name).toMatch(/^tokencost-accuracy_achieved_\d{4}-\d{2}-\d{2}\.svg$/);
    expect(svg.data.toString('utf8').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')).toContain("Predicted against measured, every row of reference/calibration.csv (log-log, y = x and ±20%) · efficiency: today's software");
    await p.page.click('[data-view="accuracy"] [data-option="spec"]');
    // Wait on what is drawn (a version bump alone could be a redraw of the achieved report).
    await p.page.waitForFunction(() => document.querySelector('[data-chart="accuracy"]')?.textContent?.includes('kernel benchmarks') === true, undefined, { timeout: 60_000 });
    await expect.poll(() => headline.textContent()).not.toBe(achieved);
    // The checks that need a fit are gone, and the headline says why.
    expect(await headline.textContent()).toContain('no factor is fitted in this mode');
    expect(await headline.textContent()).not.toContain('Every target row, its submission left out of the fit');
    // Nothing is fitted here: the held-out rows are named by the achieved fit, and no card speaks of "the fit".
    expect(await headline.textContent()).toContain('Held-out rows (those the achieved-mode fit never sees)');
    expect(await headline.textContent()).not.toContain('near-identical run in the fit');
    // Spec mode is not judged by achieved mode's targets.
    expect(await headline.textContent()).toContain('targets apply to achieved mode');
    expect(await headline.textContent()).not.toContain('outside target');
    await expect.poll(() => shipped).toEqual(['achieved 200', 'spec 200']);
    await done(p);
  });
});

describe('measured points on the comparison frontier', () => {
  it('says so when nothing matches the default workload, and draws measured points for an MLPerf workload', async () => {
    const p = await openPage(browser(), baseUrl);
    await chartDrawn(p.page, 'frontier');
    const frontier = p.page.locator('[data-chart="frontier"]');
    await expect.poll(() => frontier.textContent(), { timeout: 30_000 }).toContain('No published measurement matches');
    // No legend entry for measurements that are not drawn.
    expect(await frontier.textContent()).not.toContain('measured (published run)');
    await p.page.selectOption('[data-control="model"]', 'llama-2-70b');
    await p.page.fill('[data-view="compare"] [data-field="inputTokens"]', '270');
    await p.page.press('[data-view="compare"] [data-field="inputTokens"]', 'Enter');
    await p.page.fill('[data-view="compare"] [data-field="outputTokens"]', '294');
    await p.page.press('[data-view="compare"] [data-field="outputTokens"]', 'Enter');
    await expect.poll(() => frontier.textContent(), { timeout: 60_000 }).toContain('□ = measured');
    expect(await frontier.textContent()).toContain('measured (published run)');
    await screenshot(p.page, 'compare-measured-1280');
    await done(p);
  });
});

describe('chip lab: software-stack factor', () => {
  it('drags the factor to 100% ("what if the software closed the gap?") and says it does nothing at the silicon limit', async () => {
    const p = await openPage(browser(), baseUrl);
    await p.page.click('[data-nav="chip-lab"]');
    await chartDrawn(p.page, 'lab-frontier');
    const param = p.page.locator('[data-view="chip-lab"] [data-param="softwareStackFactor"]');
    expect(await param.locator('.help').textContent()).toContain('closed the gap');
    expect(await param.locator('.inactive').isHidden()).toBe(true);
    const cell = p.page.locator('[data-table="lab"] tbody tr:first-child button[data-explain="usdPerMillionOutputTokens"]');
    const before = await cell.textContent();
    // The lab starts from the H200, whose fitted factor may be 100% or more: typed down to 80% first,
    // then dragged up to 100%, and the price moves both ways.
    const text = p.page.locator('[data-lab-text="softwareStackFactor"]');
    await text.fill('80');
    await text.press('Enter');
    await expect.poll(() => cell.textContent(), { timeout: 30_000 }).not.toBe(before);
    const atStart = await cell.textContent();
    const slider = p.page.locator('[data-lab-slider="softwareStackFactor"]');
    // The slider runs over positions; the one for 100% (the slider spans 5%-150%).
    await slider.fill(String(valueToPosition(1, LAB_PARAMS.find((d) => d.id === 'softwareStackFactor')!.slider)));
    await expect.poll(() => p.page.locator('[data-lab-text="softwareStackFactor"]').inputValue()).toBe('100%');
    await expect.poll(() => cell.textContent(), { timeout: 30_000 }).not.toBe(atStart);
    await screenshot(p.page, 'chip-lab-software-factor-1280');
    await p.page.locator('[data-view="chip-lab"]').getByLabel('Efficiency', { exact: true }).selectOption('spec');
    await expect.poll(() => param.locator('.inactive').isVisible()).toBe(true);
    await done(p);
  });
});
