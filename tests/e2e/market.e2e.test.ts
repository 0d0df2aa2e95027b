// The Market view (issue 14) in headless Chromium against the production build (run `npx vite
// build` first): both charts render without page errors, a pair picked in the table or by clicking
// two points is decomposed, and a link reopens the same pair (its 420 px window: screens.e2e.test.ts).

import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { defaultAppState } from '../../src/app-state/defaults';
import { update } from '../../src/app-state/update';
import { loadCatalogFromDisk } from '../../src/catalog/load-node';
import { encodeLink } from '../../src/url/link';
import { LINK_VERSION } from '../../src/url/link-format';
import { chartDrawn, done, download, openPage, screenshot, sharedBrowser } from './browser';

const browser = sharedBrowser();
const baseUrl = inject('baseUrl');

const GPT3 = '2021-11-20-openai-gpt-3-175b-davinci';
const LLAMA_3B = '2024-11-12-together-ai-llama-3-2-3b-instruct';
const GPT4 = '2023-03-14-openai-gpt-4-0314-8k-context';
const GPT4O = '2024-05-13-openai-gpt-4o-2024-05-13';

/** The Market view with both results current (nothing stale). */
async function settled(page: Page): Promise<void> {
  await chartDrawn(page, 'market-prices');
  await chartDrawn(page, 'market-waterfall');
  await page.waitForFunction(() => {
    const view = document.querySelector('[data-view="market"]');
    return view !== null && view.querySelector('.stale') === null && document.querySelectorAll('[data-table="market-points"] tbody tr').length > 0;
  }, undefined, { timeout: 90_000 });
}

async function pair(page: Page): Promise<[string | null, string | null]> {
  const view = page.locator('[data-view="market"]');
  return [await view.getAttribute('data-from'), await view.getAttribute('data-to')];
}

describe('market view', () => {
  it('renders both charts, the answer, the factors and the points without errors; the default pair is GPT-3 (2021) to Llama 3.2 3B', async () => {
    const p = await openPage(browser(), baseUrl);
    await p.page.click('[data-nav="market"]');
    await settled(p.page);
    expect(await pair(p.page)).toEqual([GPT3, LLAMA_3B]);
    expect(Number(await p.page.getAttribute('[data-chart="market-prices"]', 'data-rows'))).toBeGreaterThan(12);
    expect(await p.page.locator('[data-table="market-points"] tbody tr').count()).toBeGreaterThanOrEqual(12);
    expect(await p.page.locator('[data-table="market-factors"] tbody tr').count()).toBe(5);
    expect(await p.page.locator('[data-market="answer"]').textContent()).toMatch(/explains (the most|more than the whole fall)|moved the price the most/);
    expect(await p.page.locator('[data-chart="market-waterfall"]').textContent()).toContain('Shapley');
    // The table writes each factor as the waterfall does: what it did to the price ("÷4.53", "×1.56").
    const factors = await p.page.locator('[data-table="market-factors"] tbody tr td:nth-child(2)').allTextContents();
    const chartText = (await p.page.locator('[data-chart="market-waterfall"] svg text').allTextContents()).join('\n');
    for (const f of factors) {
      expect(f).toMatch(/^[÷×][\d.,]+$/);
      expect(chartText).toContain(f);
    }
    // Its exports are dated and say which request and pair they show.
    const svg = await download(p.page, '[data-export="market-waterfall-svg"]');
    expect(svg.name).toMatch(/^tokencost-market-waterfall_1000in-250out_\d{4}-\d{2}-\d{2}\.svg$/);
    // The caption wraps into lines of SVG text: read it as words.
    const text = svg.data.toString('utf8').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(text).toContain('What moved the price of a request: GPT-3 175B davinci');
    expect(text).toContain('floor request 1,000 in / 250 out, TTFT ≤ 2 s, TPOT ≤ 50 ms, 56% prefix-cache hits');
    expect(text).toMatch(/tokencost, \d{4}-\d{2}-\d{2}/);
    // The points table as a file: the CLI's CSV, one row per point shown, named by the request.
    const csv = await download(p.page, '[data-export="tokencost-market-points-csv"]');
    expect(csv.name).toMatch(/^tokencost-market-points_1000in-250out_\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = csv.data.toString('utf8').trim().split('\r\n');
    expect(lines[0]).toMatch(/^id,date,provider,model,/);
    expect(lines.length - 1).toBe(await p.page.locator('[data-table="market-points"] tbody tr').count());
    const json = JSON.parse((await download(p.page, '[data-export="tokencost-market-points-json"]')).data.toString('utf8'));
    expect(json.points.length).toBe(lines.length - 1);
    expect([json.decomposition.from.id, json.decomposition.to.id]).toEqual([GPT3, LLAMA_3B]);
    await screenshot(p.page, 'market-1280');
    await done(p);
  });

  it('decomposes a pair picked in the table, and a link reopens the same pair', async () => {
    const p = await openPage(browser(), baseUrl);
    await p.page.click('[data-nav="market"]');
    await settled(p.page);
    // An empty latency limit is no limit here too, as in the Compare view (not a refused value).
    const ttft = p.page.locator('[data-view="market"] [data-field="maxTtftSeconds"]');
    await ttft.fill('');
    await ttft.press('Enter');
    expect(await p.page.locator('[data-view="market"] [data-field-error="maxTtftSeconds"]').textContent()).toBe('');
    const before = Number(await p.page.getAttribute('[data-chart="market-waterfall"]', 'data-version'));
    await p.page.click(`[data-point="${GPT4}"] [data-pick="from"]`);
    await p.page.click(`[data-point="${GPT4O}"] [data-pick="to"]`);
    await p.page.waitForFunction(([v, from, to]) => {
      const view = document.querySelector('[data-view="market"]');
      return Number(document.querySelector('[data-chart="market-waterfall"]')?.getAttribute('data-version')) > Number(v)
        && view?.getAttribute('data-from') === from && view?.getAttribute('data-to') === to && view.querySelector('.stale') === null;
    }, [before, GPT4, GPT4O] as const, { timeout: 90_000 });
    expect(await p.page.locator('[data-chart="market-waterfall"]').textContent()).toContain('GPT-4 (0314, 8K context)');
    const link = p.page.url();
    expect(link).toContain(`#s=${LINK_VERSION}.`);
    const again = await openPage(browser(), link);
    await settled(again.page);
    expect(await pair(again.page)).toEqual([GPT4, GPT4O]);
    expect(await again.page.locator('[data-market="from"]').textContent()).toContain('GPT-4 (0314');
    expect(await again.page.inputValue('[data-view="market"] [data-field="maxTtftSeconds"]')).toBe('');
    expect(await again.page.getAttribute('[data-view="market"] [data-field="maxTtftSeconds"]', 'placeholder')).toBe('no limit');
    await done(again);
    await done(p);
  });

  it('picks the pair by clicking two points of the chart', async () => {
    const p = await openPage(browser(), baseUrl);
    await p.page.click('[data-nav="market"]');
    await settled(p.page);
    const [defaultFrom] = await pair(p.page);
    const landing = p.page.url();
    // The API price dots: the symbol layer drawn with the tier colours (filled, white stroke).
    const dots = p.page.locator('[data-chart="market-prices"] g.mark-symbol path[stroke="#ffffff"]');
    const count = await dots.count();
    expect(count).toBeGreaterThan(12);
    const chartTop = async () => (await p.page.locator('[data-chart="market-prices"]').boundingBox())!.y;
    const top = await chartTop();
    await dots.nth(Math.floor(count / 3)).click({ force: true });
    await p.page.waitForFunction((from) => document.querySelector('[data-view="market"]')?.getAttribute('data-from') !== from, defaultFrom, { timeout: 90_000 });
    await settled(p.page);
    // The answer and notes that change with the pick are below the chart: the next click's target has not moved.
    expect(await chartTop()).toBe(top);
    await dots.nth(Math.floor((2 * count) / 3)).click({ force: true });
    await settled(p.page);
    const [from, to] = await pair(p.page);
    expect(from).not.toBe(defaultFrom);
    expect(to).not.toBeNull();
    // The picked pair is in the link now.
    expect(p.page.url()).not.toBe(landing);
    expect(p.page.url()).toContain(`#s=${LINK_VERSION}.`);
    await done(p);
  });

  it('a linked tier that is none of the sources\' keeps its filter visible as a menu entry of its own', async () => {
    const { catalog } = loadCatalogFromDisk();
    const state = update(defaultAppState(catalog), { type: 'market-set-tier', tier: 50 }, { catalog, views: new Set(['compare', 'model-size', 'chip-lab', 'accuracy']) });
    const p = await openPage(browser(), `${baseUrl}${await encodeLink({ ...state, view: 'market' }, catalog)}`);
    await settled(p.page);
    const select = p.page.locator('[data-view="market"] aside select').first();
    expect(await select.inputValue()).toBe('50');
    expect(await select.locator('option:checked').textContent()).toBe('MMLU ≥ 50 (not a tier of the sources)');
    await done(p);
  });

  it('at 420 px the chart comes first, with a jump to the workload and pair and one back', async () => {
    const p = await openPage(browser(), baseUrl, { width: 420, height: 900 });
    await p.page.click('[data-nav="market"]');
    await settled(p.page);
    const down = p.page.locator('[data-view="market"] [data-control="jump-controls"]');
    expect(await down.isVisible()).toBe(true);
    await down.click();
    await p.page.waitForFunction(() => document.activeElement?.matches('[data-view="market"] aside') === true);
    await p.page.click('[data-view="market"] [data-control="jump-results"]');
    await p.page.waitForFunction(() => document.activeElement?.querySelector('[data-chart="market-prices"]') != null);
    await screenshot(p.page, 'market-420');
    await done(p);
  });
});
