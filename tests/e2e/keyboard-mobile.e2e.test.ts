// Keyboard and narrow screens: a skip link reaches the results in a few key presses, every view
// stays in the navigation at 420 px, the controls are one button away, and the model-size chart
// has a table anyone can read without a mouse.

import { describe, expect, inject, it } from 'vitest';
import { chartDrawn, done, openLab, openPage, sharedBrowser } from './browser';

const browser = sharedBrowser();
const baseUrl = inject('baseUrl');

describe('keyboard', () => {
  it('the first Tab stop skips to the results: a number of the table is three key presses away', async () => {
    const p = await openPage(browser(), baseUrl);
    await chartDrawn(p.page, 'frontier');
    await p.page.waitForSelector('[data-table="compare"] tbody tr');
    await p.page.keyboard.press('Tab');
    expect(await p.page.evaluate(() => document.activeElement?.getAttribute('data-control'))).toBe('skip-to-results');
    expect(await p.page.locator('[data-control="skip-to-results"]').isVisible()).toBe(true);
    await p.page.keyboard.press('Enter');
    expect(await p.page.evaluate(() => document.activeElement?.hasAttribute('data-results'))).toBe(true);
    await p.page.keyboard.press('Tab');
    expect(await p.page.evaluate(() => document.activeElement?.closest('[data-table="compare"]') !== null)).toBe(true);
    await done(p);
  });

  it('a control a render rebuilds or hides keeps the keyboard where the user was, not at the top of the page', async () => {
    const p = await openPage(browser(), baseUrl);
    await openLab(p);
    const active = () => p.page.evaluate(() => {
      const a = document.activeElement;
      return a === null || a === document.body ? 'body' : a.getAttribute('data-control') ?? a.getAttribute('data-explain-design') ?? a.tagName;
    });
    // "Design from silicon" hides itself: the focus goes to the design's first control, not <body>.
    await p.page.focus('[data-control="design-start"]');
    await p.page.keyboard.press('Enter');
    await chartDrawn(p.page, 'design-sweep');
    await expect.poll(active).not.toBe('body');
    expect(await p.page.evaluate(() => document.activeElement?.closest('[data-view="chip-lab"]') !== null)).toBe(true);
    // A "How?" dialog closed with Escape gives the focus back to its button, rebuilt meanwhile or not.
    const how = 'design:compute.denseFlopsPerSecond.bf16';
    await p.page.focus(`[data-explain-design="${how}"]`);
    await p.page.keyboard.press('Enter');
    await p.page.waitForSelector('dialog[data-dialog="explain"][open]');
    await p.page.keyboard.press('Escape');
    await expect.poll(active).toBe(how);
    await done(p);
  });

  it('the chip lab\'s canvas charts have their numbers as tables (roofline operators, cost parts, sensitivity)', async () => {
    const p = await openPage(browser(), baseUrl);
    await openLab(p);
    const table = (key: string) => p.page.locator(`[data-chart-table="${key}"]`);
    await expect.poll(() => table('lab-sensitivity').isHidden(), { timeout: 60_000 }).toBe(false);
    for (const key of ['lab-roofline', 'lab-cost-breakdown', 'lab-sensitivity']) {
      await table(key).locator('summary').focus();
      await p.page.keyboard.press('Enter');
      expect(await table(key).locator('tbody tr').count(), key).toBeGreaterThan(1);
    }
    expect(await table('lab-roofline').locator('tbody').textContent()).toMatch(/attention-decode \(decode\).*(memory|compute)/);
    expect(await table('lab-cost-breakdown').locator('tbody th').allTextContents()).toContain('Rental · NVIDIA H200 SXM 141GB (lab) ●');
    expect(await table('lab-sensitivity').locator('tbody').textContent()).toMatch(/[−+]20%\$[\d.]+[+−][\d.]+%/);
    await done(p);
  });

  it('sorting by a heading from the keyboard keeps the focus on that heading (the rows are rebuilt)', async () => {
    const p = await openPage(browser(), baseUrl);
    await p.page.waitForSelector('[data-table="compare"] tbody tr');
    const heading = p.page.locator('[data-table="compare"] th button[data-focus-key="sort-outputTokensPerSecondPerChip"]');
    await heading.focus();
    await p.page.keyboard.press('Enter');
    await expect.poll(() => p.page.locator('[data-table="compare"] th[aria-sort] button').getAttribute('data-focus-key')).toBe('sort-outputTokensPerSecondPerChip');
    expect(await p.page.evaluate(() => document.activeElement?.getAttribute('data-focus-key'))).toBe('sort-outputTokensPerSecondPerChip');
    await done(p);
  });

  it('the model-size chart has a table of its numbers, reachable by keyboard', async () => {
    const p = await openPage(browser(), baseUrl);
    await p.page.click('[data-nav="model-size"]');
    await chartDrawn(p.page, 'tokens-per-dollar-vs-model-size');
    // The sweep does not use the workload's model: its menu says so instead of changing nothing.
    expect(await p.page.locator('[data-view="model-size"] [data-control="model"]').isDisabled()).toBe(true);
    expect(await p.page.locator('[data-view="model-size"] [data-model-unused]').textContent()).toMatch(/^Not used here/);
    const table = p.page.locator('[data-size-table]');
    await table.locator('summary').focus();
    await p.page.keyboard.press('Enter');
    await expect.poll(() => table.getAttribute('open')).toBe('');
    const rows = await table.locator('tbody tr').count();
    expect(rows).toBeGreaterThan(10);
    const headers = await table.locator('thead th').allTextContents();
    expect(headers.slice(0, 2)).toEqual(['Model', 'Total parameters']);
    expect(headers.some((h) => h.startsWith('NVIDIA H200'))).toBe(true);
    const first = table.locator('tbody tr').first().locator('td').nth(1);
    expect(await first.textContent()).toMatch(/^[\d,.]+on [\d,]+ chips?$|^—/);
    // Each number says on how many chips (the chart's subtitle sends the reader here for them).
    expect(await table.locator('[data-size-chips]').count()).toBeGreaterThan(0);
    // Predicted numbers at three significant figures in every row: 16,300, never 16,302.
    const cells = (await table.locator('[data-size-value]').allTextContents()).filter((t) => /^[\d,]{6,}$/.test(t));
    expect(cells.length).toBeGreaterThan(0);
    for (const c of cells) expect(c, c).toMatch(/^\d{1,3},\d00$|000$/);
    // While the numbers are recomputed (TCO) the table is marked busy, as the chart; under TCO no "≈" note.
    // (A dense table has no active-parameters column: the mixture-of-experts one adds it.)
    expect(await table.locator('thead th').allTextContents()).not.toContain('Active parameters (per token)');
    expect(await table.locator('caption').textContent()).toContain('estimated rental');
    await p.page.click('[data-view="model-size"] [data-option="tco"]');
    await expect.poll(() => table.getAttribute('aria-busy')).toBe('true');
    expect(await table.getAttribute('class')).toContain('stale');
    await expect.poll(() => table.locator('caption').textContent(), { timeout: 60_000 }).toContain('(Own it (TCO) pricing)');
    expect(await table.locator('caption').textContent()).not.toContain('estimated rental');
    expect(await table.getAttribute('aria-busy')).toBe('false');
    await done(p);
  });
});

describe('420 px', () => {
  it('every view stays in the navigation, and the controls are one button away from the results', async () => {
    const p = await openPage(browser(), baseUrl, { width: 420, height: 860 });
    await chartDrawn(p.page, 'frontier');
    for (const view of ['compare', 'model-size', 'chip-lab', 'accuracy']) {
      const box = await p.page.locator(`[data-nav="${view}"]`).boundingBox();
      expect(box, view).not.toBeNull();
      expect(box!.x, view).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width, view).toBeLessThanOrEqual(420);
    }
    const jump = p.page.locator('[data-view="compare"] [data-control="jump-controls"]');
    const jumpBox = await jump.boundingBox();
    expect(jumpBox!.y).toBeLessThan(860);
    await jump.click();
    await expect.poll(async () => (await p.page.locator('[data-view="compare"] .workload').boundingBox())!.y).toBeLessThan(860);
    const panel = await p.page.locator('[data-view="compare"] .workload').boundingBox();
    expect(panel!.y).toBeGreaterThanOrEqual(-1);
    await p.page.click('[data-view="compare"] [data-control="jump-results"]');
    await expect.poll(async () => Math.abs((await p.page.locator('[data-table="compare"]').boundingBox())!.y)).toBeLessThan(5);
    await done(p);
  });

  it('the explain dialog\'s layouts table scrolls sideways at 420 px instead of breaking its numbers', async () => {
    const p = await openPage(browser(), baseUrl, { width: 420, height: 860 });
    await chartDrawn(p.page, 'frontier');
    await p.page.locator('[data-table="compare"] tbody tr:nth-child(1) button[data-explain="usdPerMillionOutputTokens"]').click();
    await p.page.locator('dialog[data-dialog="explain"] [data-explain-related="deployment"]').click();
    const table = p.page.locator('[data-layouts]');
    await table.waitFor();
    const sizes = await table.evaluate((t) => ({ table: t.scrollWidth, wrap: t.parentElement!.clientWidth, page: document.documentElement.scrollWidth,
      // Lines of text in each $/M cell: the boxes a range over its text takes.
      usdLines: [...t.querySelectorAll('tbody tr td:nth-child(6)')].map((c) => { const r = document.createRange(); r.selectNodeContents(c); return r.getClientRects().length; }) }));
    expect(sizes.page).toBeLessThanOrEqual(420);
    expect(sizes.table).toBeGreaterThan(sizes.wrap);
    // One line per $/M cell: "$0.783" is never broken into "$0.78" and "3".
    expect(sizes.usdLines.length).toBeGreaterThan(1);
    expect(new Set(sizes.usdLines)).toEqual(new Set([1]));
    await done(p);
  });
});
