// The workload panel in real Chromium: typed values that cannot be used are refused visibly and
// change nothing; serving options are offered and carried by links.

import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { LINK_VERSION } from '../../src/url/link-format';
import { chartDrawn, done, openPage, sharedBrowser } from './browser';

const browser = sharedBrowser();
const baseUrl = inject('baseUrl');

/** The compare view with every result current. */
async function settled(page: Page): Promise<void> {
  await chartDrawn(page, 'frontier');
  await page.waitForFunction(() => {
    const view = document.querySelector('[data-view="compare"]');
    return view !== null && view.querySelector('.stale') === null && document.querySelectorAll('[data-table="compare"] tbody tr').length > 0;
  }, undefined, { timeout: 60_000 });
  // The channels that trail the comparison (what limits each chip, the market check) have settled.
  await page.waitForFunction(() => /most sensitive to/.test(document.querySelector('[data-table="compare"]')?.textContent ?? '')
    && document.querySelector('[data-market-check] table') !== null, undefined, { timeout: 60_000 });
}

describe('workload fields refuse what they cannot use', () => {
  it.each([
    ['inputTokens', '-5', /outside the accepted range; enter a whole number from 1 to 1,000,000 tokens/],
    ['prefixCacheHitRate', '150', /outside the accepted range; enter a number from 0% to 99%/],
    ['maxTpotSeconds', '-5', /outside the accepted range; enter a number from 0\.1 to 60,000 ms/],
    ['outputTokens', '0', /outside the accepted range; enter a whole number from 1 to 1,000,000 tokens/],
  ])('%s = %s: a message beside the field, the typed text kept, the table as it was', async (field, text, message) => {
    const p = await openPage(browser(), baseUrl);
    await settled(p.page);
    const table = await p.page.locator('[data-table="compare"]').textContent();
    const url = p.page.url();
    const input = p.page.locator(`[data-field="${field}"]`);
    const before = await input.inputValue();
    await input.fill(text);
    await input.press('Enter');
    const error = p.page.locator(`[data-field-error="${field}"]`);
    await expect.poll(() => error.textContent()).toMatch(message);
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    expect(await input.inputValue()).toBe(text);
    // The message sits in the field's own row, next to the input.
    expect(await error.evaluate((e, id) => e.closest('.field')?.querySelector('input')?.getAttribute('data-field') === id, field)).toBe(true);
    // Nothing was dispatched: no recomputation, the same table, the same link.
    expect(await p.page.locator('[data-view="compare"] .stale').count()).toBe(0);
    expect(await p.page.locator('[data-table="compare"]').textContent()).toBe(table);
    expect(p.page.url()).toBe(url);
    // Moving away keeps the text for correction.
    await p.page.locator('[data-control="model"]').focus();
    expect(await input.inputValue()).toBe(text);
    // Escape abandons it: the value in use again, no message, nothing applied (also on leaving).
    await input.press('Escape');
    expect(await input.inputValue()).toBe(before);
    expect(await error.textContent()).toBe('');
    expect(await input.getAttribute('aria-invalid')).toBeNull();
    await p.page.locator('[data-control="model"]').focus();
    expect(await input.inputValue()).toBe(before);
    expect(p.page.url()).toBe(url);
    // Typing again drops the message that quoted the old text; a valid value then applies.
    // (Above 1: a bare 1 in a percent field is applied with a note on how it was read.)
    await input.fill(before === '' ? '100' : String(Number(before) + 2));
    expect(await error.textContent()).toBe('');
    await input.press('Enter');
    await expect.poll(() => error.textContent()).toBe('');
    expect(await input.getAttribute('aria-invalid')).toBeNull();
    await done(p);
  });
});

describe('a field\'s own text commits nothing', () => {
  it('Enter on a percent field showing 0.5 (0.5 %) keeps 0.5 %: the bare number is the text shown, not a share typed', async () => {
    const p = await openPage(browser(), baseUrl);
    await settled(p.page);
    const field = p.page.locator('[data-view="compare"] [data-field="prefixCacheHitRate"]');
    let url = p.page.url();
    await field.fill('0.5%');
    await field.press('Tab');
    await expect.poll(() => p.page.url()).not.toBe(url);
    url = p.page.url();
    expect(await field.inputValue()).toBe('0.5');
    await field.click();
    await field.press('Enter');
    // Nothing read as 50 %: no note, no new state, the same text.
    expect(await field.inputValue()).toBe('0.5');
    expect(await p.page.textContent('[data-view="compare"] [data-field-error="prefixCacheHitRate"]')).toBe('');
    expect(await p.page.locator('[data-view="compare"] .stale').count()).toBe(0);
    expect(p.page.url()).toBe(url);
    await done(p);
  });
});

describe('vendor claims', () => {
  it('marks "=1" as within the leader\'s modelling spread, not as indistinguishable predictions', async () => {
    const p = await openPage(browser(), baseUrl);
    await settled(p.page);
    const url = p.page.url();
    await p.page.locator('[data-view="compare"] select:has(option[value="claim"])').selectOption('claim');
    await expect.poll(() => p.page.url()).not.toBe(url);
    await expect.poll(() => p.page.locator('[data-table="compare"] caption [data-caption-key="range"]').textContent()).not.toMatch(/^\(low–high\): the 80% range/);
    await expect.poll(() => p.page.locator('[data-table="compare"] caption [data-caption-key="tied"]').count()).toBe(1);
    expect(await p.page.locator('[data-table="compare"] caption [data-caption-key="tied"]').textContent()).toMatch(/^=1: within the leader's modelling spread/);
    // A claim is no prediction: what latency-limited predictions have been worth is not quoted for it.
    expect(await p.page.locator('[data-table="compare"] caption [data-caption-key="latency-limited"]').count()).toBe(0);
    await done(p);
  });
});

describe('pricing assumptions', () => {
  it('a rental price typed under TCO, or an owning cost under Rental, is kept and said to be unused; a bare share reads as a share; a request past the context window is said at the lengths', async () => {
    const p = await openPage(browser(), baseUrl);
    await settled(p.page);
    await p.page.click('[data-view="compare"] [data-option="tco"]');
    await p.page.locator('[data-view="compare"] details:has([data-field="rentalUsdPerChipHour"]) > summary').click();
    const rental = p.page.locator('[data-view="compare"] [data-field="rentalUsdPerChipHour"]');
    await rental.fill('12');
    await rental.press('Enter');
    const unused = p.page.locator('[data-view="compare"] [data-field-unused="rentalUsdPerChipHour"]');
    await expect.poll(() => unused.isVisible()).toBe(true);
    expect(await unused.textContent()).toMatch(/^Not used now: Pricing is "Own it \(TCO\)"/);
    // Cost of capital 0.06 is 6 %/year, and the field says how it read it.
    const capital = p.page.locator('[data-view="compare"] [data-field="costOfCapitalPerYear"]');
    await capital.fill('0.06');
    await capital.press('Enter');
    await expect.poll(() => p.page.locator('[data-view="compare"] [data-field-error="costOfCapitalPerYear"]').textContent()).toMatch(/^Read as 6 %\/year \(a bare number up to 1 is a share\)/);
    // Back under Rental, an owning-cost edit says the ranking does not read it (and the rental override is used again).
    await p.page.click('[data-view="compare"] [data-option="rental"]');
    const electricity = p.page.locator('[data-view="compare"] [data-field="usdPerKwh"]');
    await electricity.fill('0.5');
    await electricity.press('Enter');
    const unusedPower = p.page.locator('[data-view="compare"] [data-field-unused="usdPerKwh"]');
    await expect.poll(() => unusedPower.isVisible()).toBe(true);
    expect(await unusedPower.textContent()).toMatch(/^Not used in the ranking now: Pricing is "Rental"/);
    expect(await unused.isVisible()).toBe(false);
    // A request past the model's context window is said once, beside the lengths.
    const input = p.page.locator('[data-view="compare"] [data-field="inputTokens"]');
    await input.fill('200k');
    await input.press('Enter');
    const window = p.page.locator('[data-view="compare"] [data-context-window]');
    await expect.poll(() => window.isVisible()).toBe(true);
    expect(await window.textContent()).toMatch(/^Input \+ output = 200,512 tokens exceeds Llama 3\.1 70B's context window of 131,072 tokens\. No chip can serve/);
    await input.fill('2048');
    await input.press('Enter');
    await expect.poll(() => window.isVisible()).toBe(false);
    // The box shows every digit the engine uses: 32768 once showed as 32770.
    await input.fill('32768');
    await input.press('Tab');
    await expect.poll(() => input.inputValue()).toBe('32768');
    await done(p);
  });
});

describe('serving options', () => {
  it('offers speculative decoding and disaggregated serving; they change the results and links carry them', async () => {
    const p = await openPage(browser(), baseUrl);
    await settled(p.page);
    const table = () => p.page.locator('[data-table="compare"]').textContent();
    const before = await table();
    await p.page.click('[data-view="compare"] [data-serving-options] > summary');
    await p.page.selectOption('[data-view="compare"] [data-control="speculative"]', 'mtp');
    await expect.poll(table, { timeout: 60_000 }).not.toBe(before);
    await settled(p.page);
    // Llama 3.1 70B ships no MTP module: each row says MTP was ignored rather than speeding it up.
    expect(await table()).toContain('ships no multi-token-prediction module');
    // ... and so does the serving option itself, where it was chosen.
    expect(await p.page.locator('[data-view="compare"] [data-serving-hint="mtp"]').textContent()).toContain('MTP is ignored');
    expect(await p.page.locator('[data-view="compare"] [data-field="acceptanceRate"]').inputValue()).toBe('70');
    await p.page.fill('[data-view="compare"] [data-field="acceptanceRate"]', '60');
    await p.page.press('[data-view="compare"] [data-field="acceptanceRate"]', 'Enter');
    await settled(p.page);
    const withMtp = await table();
    await p.page.selectOption('[data-view="compare"] [data-control="serving"]', 'disaggregated');
    await expect.poll(table, { timeout: 60_000 }).not.toBe(withMtp);
    await settled(p.page);
    const shown = await table();
    expect(await p.page.locator('[data-view="compare"] [data-serving-summary]').textContent()).toBe('(MTP, disaggregated)');
    // A fresh page from the link shows the same options and the same table.
    await expect.poll(() => p.page.url()).toContain(`#s=${LINK_VERSION}.`);
    const q = await openPage(browser(), p.page.url());
    await settled(q.page);
    expect(await q.page.inputValue('[data-view="compare"] [data-control="speculative"]')).toBe('mtp');
    expect(await q.page.inputValue('[data-view="compare"] [data-control="serving"]')).toBe('disaggregated');
    expect(await q.page.inputValue('[data-view="compare"] [data-field="acceptanceRate"]')).toBe('60');
    expect(await q.page.locator('[data-table="compare"]').textContent()).toBe(shown);
    await done(p);
    await done(q);
  });
});

describe('speculative decoding with a draft model', () => {
  it('speeds up a user at batch 1 and offers only smaller models of the target\'s vocabulary', async () => {
    const p = await openPage(browser(), baseUrl);
    await settled(p.page);
    const perUser = () => p.page.locator('[data-table="compare"] tr[data-hardware="nvidia-h200-sxm"] button[data-explain="tokensPerSecondPerUser"]').textContent();
    await p.page.click('[data-view="compare"] [data-serving-options] > summary');
    await p.page.selectOption('[data-view="compare"] [data-control="objective"]', 'min-latency');
    await settled(p.page);
    const plain = Number.parseFloat((await perUser()) ?? '');
    await p.page.selectOption('[data-view="compare"] [data-control="speculative"]', 'draft-model');
    await expect.poll(async () => Number.parseFloat((await perUser()) ?? ''), { timeout: 60_000 }).toBeGreaterThan(plain * 1.2);
    const drafts = await p.page.locator('[data-view="compare"] [data-control="draft-model"] option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(drafts).toContain('llama-3.2-1b');
    expect(drafts).not.toContain('llama-3.1-70b');
    expect(drafts).not.toContain('llama-3.1-405b');
    expect(await p.page.inputValue('[data-view="compare"] [data-control="draft-model"]')).toBe('llama-3.2-1b');
    await done(p);
  });
});

describe('wording', () => {
  it('one chip is "1 chip", in the chip list and in the table', async () => {
    const p = await openPage(browser(), baseUrl);
    await settled(p.page);
    expect(await p.page.locator('[data-chip-count="nvidia-h200-sxm"] option[value="1"]').textContent()).toBe('1 chip');
    await p.page.selectOption('[data-chip-count="nvidia-h200-sxm"]', '1');
    const cell = p.page.locator('[data-table="compare"] tr[data-hardware="nvidia-h200-sxm"] td.deployment');
    await expect.poll(() => cell.textContent(), { timeout: 60_000 }).toMatch(/^1 chip: /);
    expect(await p.page.locator('body').textContent()).not.toMatch(/\b1 chips\b/);
    await done(p);
  });
});

describe('questions menu', () => {
  it('a question sets up its scenario and says what to look at', async () => {
    const p = await openPage(browser(), baseUrl);
    await settled(p.page);
    const options = await p.page.locator('[data-question]').allTextContents();
    expect(options).toHaveLength(6);
    expect(options).toContain('Groq/Cerebras vs GPUs at 300 tok/s per user');
    // Keyboard: arrows move between the questions and ask none (a closed <select> asked one per key).
    const before = p.page.url();
    await p.page.focus('[data-control="questions"]');
    await p.page.keyboard.press('Enter');
    await expect.poll(() => p.page.evaluate(() => document.activeElement?.getAttribute('data-question'))).toBe(await p.page.locator('[data-question]').first().getAttribute('data-question'));
    await p.page.keyboard.press('ArrowDown');
    await p.page.keyboard.press('ArrowDown');
    expect(await p.page.evaluate(() => document.activeElement?.getAttribute('data-question'))).toBe(await p.page.locator('[data-question]').nth(2).getAttribute('data-question'));
    await p.page.keyboard.press('Escape');
    expect(await p.page.evaluate(() => document.activeElement?.getAttribute('data-control'))).toBe('questions');
    expect(await p.page.locator('[data-question]').first().isHidden()).toBe(true);
    const guide = p.page.locator('[data-question-guide]');
    expect(await guide.isHidden()).toBe(true);
    expect(p.page.url()).toBe(before);
    await p.page.click('[data-control="questions"]');
    await p.page.click('[data-question="fast-inference-300"]');
    await guide.waitFor();
    expect(await guide.textContent()).toContain('Question: Groq/Cerebras vs GPUs at 300 tok/s per user');
    expect(await guide.textContent()).toContain('300 tokens/s');
    // The guide can show before the fields are drawn (the controller draws within NOTIFY_WAIT_MS): wait on the field.
    await expect.poll(() => p.page.inputValue('[data-view="compare"] [data-field="maxTpotSeconds"]')).toBe('3.333');
    await p.page.waitForSelector('[data-table="compare"] tbody tr[data-hardware="groq-lpu"]', { timeout: 60_000 });
    await settled(p.page);
    expect(await p.page.locator('[data-table="compare"] tbody tr').count()).toBe(6);
    // The menu closed and gave focus back to its button; a question on another view switches to it.
    expect(await p.page.getAttribute('[data-control="questions"]', 'aria-expanded')).toBe('false');
    expect(await p.page.evaluate(() => document.activeElement?.getAttribute('data-control'))).toBe('questions');
    await p.page.click('[data-control="questions"]');
    await p.page.click('[data-question="distil-70b-to-8b"]');
    await expect.poll(() => p.page.getAttribute('[data-nav][aria-current="page"]', 'data-nav')).toBe('model-size');
    await chartDrawn(p.page, 'tokens-per-dollar-vs-model-size');
    expect(await guide.textContent()).toContain('Distil 70B to 8B');
    await p.page.focus('[data-control="question-dismiss"]');
    await p.page.keyboard.press('Enter');
    expect(await guide.isHidden()).toBe(true);
    // The guide takes its button with it: the focus goes to the results it was about, not the page's top.
    expect(await p.page.evaluate(() => document.activeElement?.hasAttribute('data-results'))).toBe(true);
    await done(p);
  });
});
