// Custom chips over the cap of 20 loaded at once, in real Chromium: the user's saved chips are
// never lost to a link, the link's extra chips are named and can be swapped in, and an import
// beyond the cap says it was not added.

import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { defaultAppState } from '../../src/app-state/defaults';
import { update, type Action } from '../../src/app-state/update';
import { loadCatalogFromDisk } from '../../src/catalog/load-node';
import type { HardwareProfile } from '../../src/engine/types';
import { encodeLink } from '../../src/url/link';
import { chartDrawn, done, openPage, screenshot, sharedBrowser } from './browser';

const browser = sharedBrowser();
const baseUrl = inject('baseUrl');
const { catalog } = loadCatalogFromDisk();
const views = new Set(['compare', 'model-size', 'chip-lab', 'accuracy']);

function chip(id: string, name: string, tdp: number): HardwareProfile {
  const h100 = structuredClone(catalog.hardware.get('nvidia-h100-sxm')!);
  return { ...h100, id, name, power: { ...h100.power, tdpWatts: tdp } };
}

function stateWith(prefix: string, label: string, count: number, tdp: number) {
  const actions: Action[] = Array.from({ length: count }, (_, i) => ({ type: 'add-custom-chip', profile: chip(`${prefix}-${i}`, `${label} ${i}`, tdp + i) }));
  return actions.reduce((s, a) => update(s, a, { catalog, views }), defaultAppState(catalog));
}

async function savedIds(page: Page): Promise<string[]> {
  return page.evaluate(() => (JSON.parse(localStorage.getItem('tokencost.custom') ?? '{"chips":[]}') as { chips: { id: string }[] }).chips.map((c) => c.id));
}

describe('custom chips over the cap', () => {
  it('3 saved chips and a link with 20: yours stay, the link\'s extra 3 are named and swappable; remove one and reload loses nothing', async () => {
    const p = await openPage(browser(), baseUrl);
    await chartDrawn(p.page, 'frontier');
    const mine = stateWith('mine', 'Mine', 3, 600).customChips;
    await p.page.evaluate((chips) => localStorage.setItem('tokencost.custom', JSON.stringify({ version: 1, chips, models: [] })), mine);
    const link = await encodeLink(stateWith('theirs', 'Theirs', 20, 800), catalog);
    await p.page.goto(`${baseUrl}${link}`);
    await chartDrawn(p.page, 'frontier');
    const notice = p.page.locator('[data-link-messages]');
    await notice.waitFor();
    const text = await notice.textContent();
    expect(text).toContain('your own 3 saved in this browser come first');
    expect(text).toContain('Theirs 17, Theirs 18, Theirs 19');
    expect(text).not.toMatch(/could not be read/);
    for (const id of ['mine-0', 'mine-1', 'mine-2', 'theirs-0', 'theirs-16']) await p.page.waitForSelector(`input[data-chip="${id}"]`);
    expect(await p.page.locator('input[data-chip="theirs-17"]').count()).toBe(0);
    await screenshot(p.page, 'custom-over-cap-1280');

    // Remove one of the link's chips, then reload the page.
    await p.page.click('[data-remove-chip="theirs-0"]');
    await p.page.waitForSelector('input[data-chip="theirs-0"]', { state: 'detached' });
    await expect.poll(() => savedIds(p.page)).not.toContain('theirs-0');
    expect(await savedIds(p.page)).toEqual(expect.arrayContaining(['mine-0', 'mine-1', 'mine-2']));
    await p.page.reload();
    await chartDrawn(p.page, 'frontier');
    for (const id of ['mine-0', 'mine-1', 'mine-2']) await p.page.waitForSelector(`input[data-chip="${id}"]`);
    expect(await notice.isHidden()).toBe(true);
    await done(p);
  });

  it('"Swap them in" loads the link\'s chips into the comparison; yours stay saved and load back from the chip list', async () => {
    const p = await openPage(browser(), baseUrl);
    await chartDrawn(p.page, 'frontier');
    const mine = stateWith('mine', 'Mine', 3, 600).customChips;
    await p.page.evaluate((chips) => localStorage.setItem('tokencost.custom', JSON.stringify({ version: 1, chips, models: [] })), mine);
    await p.page.goto(`${baseUrl}${await encodeLink(stateWith('theirs', 'Theirs', 20, 800), catalog)}`);
    await chartDrawn(p.page, 'frontier');
    await p.page.click('[data-control="link-notice-swap"]');
    await expect.poll(() => p.page.locator('[data-swap-status]').textContent()).toContain('stay saved in this browser');
    await p.page.waitForSelector('[data-table="compare"] tbody tr[data-hardware="theirs-19"]', { timeout: 60_000 });
    expect(await p.page.locator('input[data-chip="mine-0"]').count()).toBe(0);
    expect(await savedIds(p.page)).toEqual(expect.arrayContaining(['mine-0', 'mine-1', 'mine-2', 'theirs-19']));
    const saved = p.page.locator('[data-saved-not-loaded]');
    await saved.waitFor();
    expect(await saved.textContent()).toContain('Mine 1');
    await p.page.click('[data-load-saved="mine-1"]');
    await p.page.waitForSelector('input[data-chip="mine-1"]');
    await p.page.waitForSelector('[data-table="compare"] tbody tr[data-hardware="mine-1"]', { timeout: 60_000 });
    await done(p);
  });

  it('importing a 21st custom chip says it was not added, and why', async () => {
    const p = await openPage(browser(), `${baseUrl}${await encodeLink(stateWith('full', 'Full', 20, 700), catalog)}`);
    await chartDrawn(p.page, 'frontier');
    const profile = JSON.parse(readFileSync('hardware-profiles/nvidia-h200-sxm.json', 'utf8')) as Record<string, unknown>;
    await p.page.click('[data-control="import-open"]');
    await p.page.fill('[data-control="import-text"]', JSON.stringify({ ...profile, id: 'one-too-many', name: 'One too many' }));
    await p.page.click('[data-control="import-submit"]');
    const report = p.page.locator('[data-import-report]');
    await expect.poll(() => report.textContent()).toContain('Not added: "One too many" is valid, but 20 custom chips are loaded');
    expect(await report.textContent()).not.toContain('Imported chip');
    await p.page.keyboard.press('Escape');
    expect(await p.page.locator('input[data-chip="one-too-many"]').count()).toBe(0);
    await done(p);
  });
});
