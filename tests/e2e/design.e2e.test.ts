// Chip lab "Design from silicon" (issue 15) in real headless Chromium against the production build:
// start from a bundled design, the derived specs with their explanations, the matrix-share sweep
// from the worker, a slider that moves the chip, a refused edit that names its field, a link that
// reopens the design, and leaving design mode. Screenshots at 1280 and 420 px.

import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { DESIGN_PARAMS } from '../../src/app-state/design-params';
import { loadCatalogFromDisk } from '../../src/catalog/load-node';
import { designValueText } from '../../src/ui/design-param-control';
import { valueToPosition } from '../../src/app-state/slider-scale';
import { decodeLink } from '../../src/url/link';
import { LINK_VERSION } from '../../src/url/link-format';
import { chartDrawn, done, openPage, screenshot, sharedBrowser } from './browser';

const browser = sharedBrowser();
const baseUrl = inject('baseUrl');
const { catalog } = loadCatalogFromDisk();
const views = new Set(['compare', 'model-size', 'chip-lab', 'accuracy', 'market']);
const MATRIX_SHARE = DESIGN_PARAMS.find((d) => d.id === 'matrixShare')!;

const spec = (page: Page, key: string) => page.locator(`[data-table="design-specs"] tr[data-spec="${key}"] td:nth-child(2)`);
const BF16 = 'design:compute.denseFlopsPerSecond.bf16';

async function startDesign(page: Page): Promise<void> {
  await page.click('[data-nav="chip-lab"]');
  await chartDrawn(page, 'lab-roofline');
  expect(await page.locator('[data-design-results]').isHidden()).toBe(true);
  await page.click('[data-control="design-start"]');
  await chartDrawn(page, 'design-sweep');
}

describe('chip lab: design from silicon', () => {
  it('derives the chip from the H100-like design, explains each spec, sweeps the matrix share in a worker', async () => {
    const p = await openPage(browser(), baseUrl);
    await startDesign(p.page);
    expect(await spec(p.page, BF16).textContent()).toBe('990 TFLOP/s');
    expect(await p.page.locator('[data-table="design-specs"] tbody tr').count()).toBeGreaterThanOrEqual(10);
    // The hand-edit panel steps aside; the lab table shows the derived chip and the stock chip.
    expect(await p.page.locator('[data-control="lab-name"]').isHidden()).toBe(true);
    await expect.poll(() => p.page.locator('[data-table="lab"] tbody tr').count()).toBe(2);
    expect(await p.page.locator('[data-table="lab"]').textContent()).toContain('H100-like design');
    await expect.poll(() => p.page.locator('[data-design-summary]').textContent(), { timeout: 60_000 }).toContain('Lowest $/M at');
    expect(await p.page.locator('[data-chart="design-sweep"] svg path').count()).toBeGreaterThan(5);
    await screenshot(p.page, 'design-1280');

    await p.page.click(`[data-explain-design="${BF16}"]`);
    const dialog = p.page.locator('dialog[data-dialog="explain"][open]');
    await dialog.waitFor();
    expect(await dialog.locator('.formula').textContent()).toContain('MAC density of the node');
    expect(await dialog.locator('.formula').textContent()).toContain('Range');
    expect(await dialog.locator('table.inputs').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('nodes.N4.matrixMacsPerCyclePerMm2')]));
    await screenshot(p.page, 'design-explain-1280');
    await p.page.keyboard.press('Escape');
    await p.page.waitForSelector('dialog[data-dialog="explain"]:not([open])', { state: 'attached' });
    await done(p);
  });

  it('a typed value applies on Enter; text that is no value, or a value the design refuses, stays in its box with the reason beside it', async () => {
    const p = await openPage(browser(), baseUrl);
    await startDesign(p.page);
    const clock = '[data-design-param="clockGHz"] [data-design-text]';
    const area = '[data-design-param="dieAreaMm2"] [data-design-text]';
    const error = p.page.locator('[data-design-param="dieAreaMm2"] .error');
    expect(await p.page.inputValue(area)).toBe('814 mm²');
    await p.page.fill(clock, '1500 MHz');
    await p.page.press(clock, 'Enter');
    await expect.poll(() => spec(p.page, BF16).textContent()).not.toBe('990 TFLOP/s');
    expect(await p.page.inputValue(clock)).toBe('1.5 GHz');
    const applied = await spec(p.page, BF16).textContent();

    await p.page.fill(area, 'big');
    await p.page.press(area, 'Enter');
    await expect.poll(() => error.textContent()).toMatch(/^"big" is not a number of mm²/);
    expect(await p.page.getAttribute(area, 'aria-invalid')).toBe('true');
    expect(await p.page.inputValue(area)).toBe('big');

    // 600 mm² leaves the I/O share too little area for the memory and link PHYs: refused, named, kept.
    await p.page.fill(area, '600 mm2');
    await p.page.press(area, 'Enter');
    await expect.poll(() => error.textContent()).toMatch(/^Not applied \(600 mm²\): I\/O share: /);
    expect(await p.page.inputValue(area)).toBe('600 mm2');
    // The slider still at 814 mm² (an area: the slider runs over positions, as for every non-count parameter).
    expect(await p.page.locator('[data-design-slider="dieAreaMm2"]').inputValue()).toBe(String(valueToPosition(814, DESIGN_PARAMS.find((d) => d.id === 'dieAreaMm2')!.slider)));
    // Add to comparison adds the design as last applied, and says the refused text is not in it.
    await p.page.click('[data-control="design-save"]');
    await expect.poll(() => p.page.locator('[data-design-saved]').textContent()).toMatch(/^Added ".*" to the comparison\. It has the values last applied: not the refused value marked beside its field\.$/);
    expect(await spec(p.page, BF16).textContent()).toBe(applied);

    // A share past what the die leaves is refused, not capped silently (the slider stops at that bound).
    const matrix = '[data-design-param="matrixShare"] [data-design-text]';
    await p.page.fill(matrix, '95%');
    await p.page.press(matrix, 'Enter');
    await expect.poll(() => p.page.locator('[data-design-param="matrixShare"] .error').textContent()).toMatch(/^Not applied \(95%\): this design takes at most \d+(\.\d)?% here; type that or less\.$/);
    expect(await p.page.inputValue(matrix)).toBe('95%');
    expect(await spec(p.page, BF16).textContent()).toBe(applied);
    // Escape abandons the typed share: the design's value again, no message; the other refused box keeps its text.
    // The slider speaks the design's value as the box writes it.
    const matrixBefore = await p.page.getAttribute('[data-design-slider="matrixShare"]', 'aria-valuetext');
    await p.page.press(matrix, 'Escape');
    expect(await p.page.inputValue(matrix)).toBe(matrixBefore);
    expect(await p.page.locator('[data-design-param="matrixShare"] .error').textContent()).toBe('');
    await p.page.focus(clock);
    expect(await p.page.inputValue(matrix)).toBe(matrixBefore);
    expect(await spec(p.page, BF16).textContent()).toBe(applied);
    expect(await p.page.inputValue(area)).toBe('600 mm2');
    // The design's own value typed back ends that box's refusal and is no edit: the other refused box keeps its text.
    await p.page.fill(matrix, '95%');
    await p.page.press(matrix, 'Enter');
    await expect.poll(() => p.page.locator('[data-design-param="matrixShare"] .error').textContent()).toMatch(/^Not applied \(95%\)/);
    await p.page.fill(area, '814 mm²');
    await p.page.press(area, 'Enter');
    await expect.poll(() => error.textContent()).toBe('');
    expect(await p.page.inputValue(matrix)).toBe('95%');
    expect(await p.page.locator('[data-design-param="matrixShare"] .error').textContent()).toMatch(/^Not applied \(95%\)/);

    // Another parameter applied: the design the refusals were about changed, so the boxes show its values again.
    await p.page.fill(clock, '1.6');
    await p.page.press(clock, 'Enter');
    await expect.poll(() => error.textContent()).toBe('');
    expect(await p.page.inputValue(area)).toBe('814 mm²');
    expect(await p.page.getAttribute(area, 'aria-invalid')).toBeNull();
    expect(await p.page.inputValue(matrix)).not.toBe('95%');
    await done(p);
  });

  it('a slider moves the derived chip; a refused edit names its field; the link reopens the design', async () => {
    const p = await openPage(browser(), baseUrl);
    await startDesign(p.page);
    const sweepBefore = Number(await p.page.getAttribute('[data-chart="design-sweep"]', 'data-version'));
    const slider = p.page.locator('[data-design-slider="matrixShare"]');
    await slider.focus();
    for (let i = 0; i < 60; i++) await p.page.keyboard.press('ArrowRight');
    await expect.poll(() => spec(p.page, BF16).textContent()).not.toBe('990 TFLOP/s');
    await expect.poll(async () => Number(await p.page.getAttribute('[data-chart="design-sweep"]', 'data-version')), { timeout: 60_000 }).toBeGreaterThan(sweepBefore);

    const stacks = p.page.locator('[data-design-slider="memoryCount"]');
    await stacks.focus();
    for (let i = 0; i < 6; i++) await p.page.keyboard.press('ArrowRight');
    await expect.poll(() => p.page.locator('[data-design-param="memoryCount"] .error').textContent()).toMatch(/^Not applied \(6\): (Memory stacks|I\/O share): /);
    expect(await p.page.inputValue('[data-design-param="memoryCount"] [data-design-text]')).toBe('5');
    // The refused step was the slider's: the box, showing the design's value, is not marked invalid.
    expect(await p.page.getAttribute('[data-design-param="memoryCount"] [data-design-text]', 'aria-invalid')).toBeNull();
    // An edit applied to another control changes the design the refusal was about: its message goes.
    const share = await p.page.inputValue('[data-design-param="matrixShare"] [data-design-text]');
    await slider.focus();
    await p.page.keyboard.press('ArrowLeft');
    await expect.poll(() => p.page.inputValue('[data-design-param="matrixShare"] [data-design-text]')).not.toBe(share);
    expect(await p.page.locator('[data-design-param="memoryCount"] .error').textContent()).toBe('');

    // The hash follows a slider's steps after a quiet pause (app/url-sync.ts): wait until it holds
    // the share the page shows, not just any link.
    const shown = await p.page.inputValue('[data-design-param="matrixShare"] [data-design-text]');
    await expect.poll(async () => {
      const design = (await decodeLink(p.page.url(), catalog, undefined, { views })).state.design;
      return design === null ? null : designValueText(MATRIX_SHARE, MATRIX_SHARE.get(design));
    }).toBe(shown);
    const link = p.page.url();
    expect(new URL(link).hash).toMatch(new RegExp(`^#s=${LINK_VERSION}\\.`));
    const q = await openPage(browser(), link);
    await chartDrawn(q.page, 'design-sweep');
    // The link reopens the same design: its derived FLOP/s are the ones this page settles on (more
    // matrix area: above 1 PFLOP/s).
    const bf16 = await spec(q.page, BF16).textContent();
    expect(bf16).toMatch(/^\d+(\.\d+)? PFLOP\/s$/);
    await expect.poll(() => spec(p.page, BF16).textContent()).toBe(bf16);
    expect(await q.page.inputValue('[data-design-param="matrixShare"] [data-design-text]')).toBe(await p.page.inputValue('[data-design-param="matrixShare"] [data-design-text]'));
    await done(q);

    // Another preset replaces the moved design: Undo, beside the preset menu, brings the design back.
    await p.page.selectOption('[data-control="design-preset"]', 'nvidia-b200-like');
    await expect.poll(() => p.page.locator('[data-control="design-preset"] + [data-lab-undo]').isVisible()).toBe(true);
    expect(await p.page.inputValue('[data-design-param="matrixShare"] [data-design-text]')).not.toBe(shown);
    await p.page.click('[data-control="lab-undo"]');
    await expect.poll(() => p.page.inputValue('[data-design-param="matrixShare"] [data-design-text]')).toBe(shown);
    await expect.poll(() => spec(p.page, BF16).textContent()).toBe(bf16);

    // Design mode held the lab's pricing at TCO (toggle locked, note says why); the Rental setting
    // was never changed, so leaving design mode prices by rental again.
    const pricing = (option: string) => p.page.locator(`[data-view="chip-lab"] section[aria-label="Pricing"] input[data-option="${option}"]`);
    expect(await pricing('tco').isChecked()).toBe(true);
    expect(await pricing('rental').isDisabled()).toBe(true);
    expect(await p.page.locator('[data-view="chip-lab"] [data-pricing-held]').textContent()).toContain('Your "Rental" setting');
    await p.page.click('[data-control="design-exit"]');
    await p.page.locator('[data-control="lab-name"]').waitFor();
    expect(await p.page.locator('[data-design-results]').isHidden()).toBe(true);
    expect(await pricing('rental').isChecked()).toBe(true);
    expect(await pricing('rental').isDisabled()).toBe(false);
    expect(await p.page.locator('[data-view="chip-lab"] [data-pricing-held]').isHidden()).toBe(true);
    await expect.poll(() => p.page.locator('[data-break-even]').textContent(), { timeout: 60_000 }).toContain('per chip-hour (rental)');
    await done(p);
  });

  it('a design that cannot hold the weights says so everywhere, not "within the latency limits"; memory back from none keeps a count', async () => {
    const p = await openPage(browser(), baseUrl);
    await startDesign(p.page);
    // HBM4 does not fit the H100-like die's edge: refused beside the memory menu, naming HBM4.
    await p.page.selectOption('[data-design-choice="memoryType"]', 'HBM4');
    const refusal = p.page.locator('[data-design-choice-error="memoryType"]');
    await expect.poll(() => refusal.textContent()).toMatch(/^Not applied \(HBM4\): /);
    expect(await p.page.inputValue('[data-design-choice="memoryType"]')).toBe('HBM3');
    expect(await p.page.getAttribute('[data-design-choice="memoryType"]', 'aria-invalid')).toBe('true');
    // GDDR7 on the H100-like design: too little memory for Llama 3.1 70B on 8 chips.
    await p.page.selectOption('[data-design-choice="memoryType"]', 'GDDR7');
    await expect.poll(() => p.page.locator('[data-chart="design-sweep"] .chart-empty').textContent(), { timeout: 60_000 }).toMatch(/No matrix share serves this workload on these chips\. At .*hold the weights/);
    await expect.poll(() => p.page.locator('[data-break-even]').textContent(), { timeout: 60_000 }).toMatch(/cannot serve the workload, at any price: .*hold the weights/);
    await p.page.click('[data-explain-design="usdPerMillionOutputTokens"]');
    const dialog = p.page.locator('dialog[data-dialog="explain"][open]');
    await dialog.waitFor();
    expect(await dialog.textContent()).toMatch(/cannot serve the workload \(.*hold the weights/);
    // Its title names the number as the table does, not by its key.
    expect(await dialog.locator('#explain-title').textContent()).toMatch(/^\$\/M output tokens/);
    await p.page.keyboard.press('Escape');
    await p.page.waitForSelector('dialog[data-dialog="explain"]:not([open])', { state: 'attached' });
    // Through no memory and back: the starting design's stacks, said beside the choice.
    await p.page.selectOption('[data-design-choice="sramOrganization"]', 'scratchpad');
    await p.page.selectOption('[data-design-choice="memoryType"]', 'none');
    await expect.poll(() => p.page.inputValue('[data-design-choice="memoryType"]')).toBe('none');
    await p.page.selectOption('[data-design-choice="memoryType"]', 'HBM3');
    await expect.poll(() => p.page.locator('[data-design-choice-note]').textContent()).toMatch(/Memory stacks set to 5/);
    await done(p);
  });

  it('fits a 420 px screen', async () => {
    const p = await openPage(browser(), baseUrl, { width: 420, height: 900 });
    await startDesign(p.page);
    await expect.poll(() => p.page.locator('[data-design-summary]').textContent(), { timeout: 60_000 }).toContain('Lowest $/M at');
    const overflow = await p.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(p.page, 'design-420');
    // A power-capped design: its sustained fp8 rate (what the simulation uses) is listed; its name follows a node change.
    await p.page.selectOption('[data-control="design-preset"]', 'nvidia-b200-like');
    await expect.poll(() => p.page.locator('[data-table="design-specs"] tr[data-spec="design:compute.sustainedFlopsPerSecond.fp8"]').count()).toBe(1);
    await p.page.selectOption('[data-design-choice="processNode"]', 'N3');
    await expect.poll(() => p.page.locator('[data-table="lab"]').textContent()).toContain('B200-like design (2 x 800 mm² N3)');
    await done(p);
  });
});
