// The app in real headless Chromium against the production build (vite preview, strict CSP).

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { ARTIFACTS, chartDrawn, csvCells, done, download, openLab, openPage, screenshot, sharedBrowser, type WatchedPage } from './browser';
import { LATENCY_LIMITED_ACCURACY } from '../../src/validation/latency-limited-accuracy';

const browser = sharedBrowser();
const baseUrl = inject('baseUrl');
const open: WatchedPage[] = [];

async function page(viewport?: { width: number; height: number }): Promise<WatchedPage> {
  const p = await openPage(browser(), baseUrl, viewport);
  open.push(p);
  return p;
}

async function tableRows(page: Page, table: string): Promise<number> {
  return page.locator(`[data-table="${table}"] tbody tr`).count();
}

describe('landing: compare vendors', () => {
  it('renders a non-empty ranked table and charts without errors, and reports the first-chart time', async () => {
    const p = await page();
    await chartDrawn(p.page, 'frontier');
    await chartDrawn(p.page, 'cost-per-million');
    expect(await tableRows(p.page, 'compare')).toBeGreaterThanOrEqual(3);
    const first = await p.page.locator('[data-table="compare"] tbody tr').first().getAttribute('data-hardware');
    expect(first).toBeTruthy();
    // Marks of the chart are drawn (SVG paths, not just an empty frame).
    expect(await p.page.locator('[data-chart="frontier"] svg path').count()).toBeGreaterThan(10);
    const firstChartMs = await p.page.evaluate(() => performance.getEntriesByName('first-chart')[0]?.startTime ?? -1);
    expect(firstChartMs).toBeGreaterThan(0);
    // JavaScript fetched before the first chart (page, chunks and the worker), gzip-compressed.
    const scripts = await p.page.evaluate((t) => performance.getEntriesByType('resource')
      .filter((e) => e.startTime <= t && new URL(e.name).pathname.endsWith('.js'))
      .map((e) => new URL(e.name).pathname), firstChartMs);
    const files = [...new Set(scripts)].map((path) => `dist${path}`).filter((f) => existsSync(f));
    const initialJsGzipKB = files.reduce((n, f) => n + gzipSync(readFileSync(f), { level: 9 }).length, 0) / 1024;
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(`${ARTIFACTS}/first-chart.json`, JSON.stringify({ firstChartMs, initialJsGzipKB, files }, null, 2));
    console.log(`first chart drawn ${Math.round(firstChartMs)} ms after navigation start; ${initialJsGzipKB.toFixed(1)} KB gzip of JavaScript before it (${files.length} files)`);
    await screenshot(p.page, 'compare-1280');
    await done(p);
  });

  it('shows each chip\'s evidence basis and a range on every number; the market check and what limits each chip follow', async () => {
    const p = await page();
    await chartDrawn(p.page, 'cost-per-million');
    const table = p.page.locator('[data-table="compare"]');
    const text = (await table.textContent()) ?? '';
    // Evidence basis of each chip (issue 11), under its name: measured chips (with their row counts)
    // and at least one on the prior or a claim.
    const evidence = await table.locator('tbody td.chip-cell [data-evidence]').evaluateAll((cells) => cells.map((c) => [c.getAttribute('data-evidence'), c.textContent]));
    expect(evidence.length).toBe(await tableRows(p.page, 'compare'));
    expect(evidence).toContainEqual(['measured', expect.stringMatching(/^measured: \d+ rows?$/)]);
    expect(evidence.some(([basis]) => basis === 'prior' || basis === 'claim')).toBe(true);
    // At 1280 px the deployment and what bounds it are in view, not behind a sideways scroll.
    const edges = await table.evaluate((t) => ({ wrap: t.parentElement!.getBoundingClientRect().right,
      deployment: Math.max(...[...t.querySelectorAll('td.deployment')].map((c) => c.getBoundingClientRect().right)) }));
    expect(edges.deployment).toBeLessThanOrEqual(edges.wrap);
    // $/M with its range "value (low–high)" in every feasible row.
    const usd = await table.locator('tbody tr td:nth-child(3)').allTextContents();
    expect(usd.filter((c) => /\$[\d.,]+ \(\$[\d.,]+–\$[\d.,]+\)/.test(c)).length).toBeGreaterThanOrEqual(3);
    // The market check (public API price per request) and the resource each chip's $/M depends on most.
    await p.page.waitForSelector('[data-market-check] table tbody tr', { timeout: 60_000 });
    expect(await p.page.locator('[data-market-check]').textContent()).toMatch(/per request/);
    await expect.poll(async () => (await table.textContent()) ?? '', { timeout: 60_000 }).toMatch(/most sensitive to/);
    // A rental price estimated from TCO carries its "≈" in the $/M chart as in the table.
    const estimated = usd.filter((c) => c.startsWith('≈')).map((c) => c.split(' ')[0]!);
    expect(estimated.length).toBeGreaterThan(0);
    const chartText = (await p.page.locator('[data-chart="cost-per-million"] svg text').allTextContents()).join('\n');
    for (const value of estimated) expect(chartText).toContain(value);
    // A rank marked "=1" is a chip whose $/M range overlaps the leader's, and only such a chip.
    const ranked = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.children[0]!.textContent ?? '', tr.children[2]!.textContent ?? ''] as [string, string]));
    const range = (cell: string) => /\((?:≈)?\$([\d.,]+)–(?:≈)?\$([\d.,]+)\)/.exec(cell)?.slice(1).map((v) => Number(v.replace(/,/g, '')));
    const leader = range(ranked.find(([rank]) => rank === '1')![1])!;
    const marked = ranked.filter(([rank, cell]) => /^\d+$|^\d+ =1$/.test(rank) && rank !== '1' && range(cell) !== undefined);
    expect(marked.some(([rank]) => rank.endsWith(' =1'))).toBe(true);
    for (const [rank, cell] of marked) expect(rank.endsWith(' =1'), `${rank} ${cell}`).toBe(range(cell)![0]! <= leader[1]!);
    await screenshot(p.page, 'compare-evidence-1280');
    await done(p);
  });

  it('sorting and chip selection update the table; numbers open their derivation', async () => {
    const p = await page();
    const drawn = await chartDrawn(p.page, 'frontier');
    const before = await tableRows(p.page, 'compare');
    await p.page.locator('.chip-picker input[type="checkbox"]:checked').first().uncheck();
    await p.page.waitForFunction((n) => document.querySelectorAll('[data-table="compare"] tbody tr').length === n - 1, before);
    // The charts below the table redraw for the new selection (and move the page) before the headings are clicked.
    await p.page.waitForFunction((v) => Number(document.querySelector('[data-chart="frontier"]')?.getAttribute('data-version')) > v, drawn, { timeout: 60_000 });
    await p.page.click('[data-table="compare"] th button:text("Output tokens/s per chip")');
    await expect.poll(() => p.page.getAttribute('[data-table="compare"] th[aria-sort]', 'aria-sort')).toBe('descending');
    expect(await p.page.locator('[data-table="compare"] caption > span').first().textContent()).toBe('Best deployment per chip, ranked by Output tokens/s per chip (highest first)');
    // Ranks marked "=1" are explained in the caption, where they are read.
    const tied = (await p.page.locator('[data-table="compare"] tbody td:first-child').allTextContents()).some((t) => t.includes('=1'));
    expect(await p.page.locator('[data-table="compare"] caption [data-caption-key="tied"]').count()).toBe(tied ? 1 : 0);
    // The load $/M is priced at is said where $/M is read, not only in the closed settings panels.
    expect(await p.page.locator('[data-table="compare"] caption [data-caption-key="load"]').textContent()).toMatch(/^\$\/M: every paid chip-hour serves at the speed shown, requests back to back/);
    // The ranges say what they cover where they are read, not only in the explain dialog.
    expect(await p.page.locator('[data-table="compare"] caption [data-caption-key="range"]').textContent()).toMatch(/^\(low–high\): the 80% range, from predictions the fit did not see/);
    // The TTFT range is said to be unchecked where it is read.
    expect(await p.page.locator('[data-table="compare"] caption [data-caption-key="ttft-range"]').textContent()).toMatch(/^TTFT range: .*unchecked/);
    // The default TPOT limit sets the batch ("batch: TPOT limit"): what such predictions have been worth is said where they are read.
    expect(await p.page.locator('[data-table="compare"] tbody').textContent()).toContain('TPOT limit');
    expect(await p.page.locator('[data-table="compare"] caption [data-caption-key="latency-limited"]').textContent())
      .toBe(`Bound by a TPOT or TTFT limit: where one set the batch, the engine promised a median ${Math.round(LATENCY_LIMITED_ACCURACY.medianSignedError * 100)}% more than measured `
        + `(typical error ${Math.round(LATENCY_LIMITED_ACCURACY.medianAbsError * 100)}%; ${LATENCY_LIMITED_ACCURACY.rows} calibration runs, each predicted without its own data). `
        + `Such a result's range comes from those runs' errors, so it reaches further down; it held ${Math.round(LATENCY_LIMITED_ACCURACY.rangeCoverage * 100)}% of them`);
    // Energy per token shows joules, the inverse of the rank value (tokens/s per kW): lowest first, and said so.
    await p.page.click('[data-table="compare"] th button:text("Energy per output token")');
    await expect.poll(() => p.page.getAttribute('[data-table="compare"] th[aria-sort]', 'aria-sort')).toBe('ascending');
    expect(await p.page.locator('[data-table="compare"] caption > span').first().textContent()).toBe('Best deployment per chip, ranked by Energy per output token (lowest first)');
    const joules = await p.page.$$eval('[data-table="compare"] tr', (trs) => {
      const i = [...trs[0]!.children].findIndex((th) => th.hasAttribute('aria-sort'));
      return trs.slice(1).map((tr) => Number.parseFloat(tr.children[i]?.textContent ?? '')).filter((v) => Number.isFinite(v));
    });
    expect(joules.length).toBeGreaterThan(3);
    expect(joules).toEqual([...joules].sort((a, b) => a - b));
    await p.page.click('[data-table="compare"] tbody tr:first-child button[data-explain="tpotSeconds"]');
    const dialog = p.page.locator('dialog[data-dialog="explain"][open]');
    await dialog.waitFor();
    expect(await dialog.locator('.formula').textContent()).toContain('TPOT');
    expect(await dialog.locator('table.inputs tbody tr').count()).toBeGreaterThan(3);
    // Short before the fold: the formula and the inputs that matter; the rest folded, each said once, no repository paths.
    const shown = await dialog.evaluate((d) => (d as HTMLElement).innerText);
    expect(shown.length).toBeLessThan(1600);
    expect(await dialog.locator('table.inputs').first().locator('tbody tr').count()).toBe(5);
    const all = (await dialog.textContent()) ?? '';
    const note = ((await dialog.locator('[data-explain-fold="calibration"] p').textContent()) ?? '').slice(0, 50);
    expect(note.length).toBeGreaterThan(20);
    expect(all.split(note).length - 1).toBe(1);
    expect(all).not.toMatch(/scripts\/|reference\/|\.jsonl|calibrate\.ts|hardware\.md/);
    await screenshot(p.page, 'explain-1280');
    await dialog.locator('[data-explain-related="usdPerMillionOutputTokens"]').focus();
    await p.page.keyboard.press('Enter');
    await expect.poll(() => dialog.locator('h2').textContent()).toContain('million');
    // The new explanation starts at its title, not at the first of the other numbers' buttons.
    expect(await p.page.evaluate(() => document.activeElement?.id)).toBe('explain-title');
    // The Deployment cell says why this layout won.
    await dialog.locator('[data-explain-related="deployment"]').click();
    await expect.poll(() => dialog.locator('h2').textContent()).toMatch(/^Deployment on /);
    expect(await dialog.textContent()).toContain('Why this layout');
    expect(await dialog.textContent()).toMatch(/most output tokens per second on these chips .*also the most per dollar/);
    await p.page.keyboard.press('Escape');
    await p.page.waitForSelector('dialog[data-dialog="explain"]:not([open])', { state: 'attached' });
    // The dialog shows a number as its cell does: "≈" on an estimated rental's price, and the same range.
    for (const row of [1, 2, 3]) {
      const button = p.page.locator(`[data-table="compare"] tbody tr:nth-child(${row}) button[data-explain="usdPerMillionOutputTokens"]`);
      if ((await button.count()) === 0) continue;
      const cellText = (await button.textContent()) ?? '';
      const [, value, low, high] = /^(≈?\$[\d.,]+) \((\$[\d.,]+)–(\$[\d.,]+)\)$/.exec(cellText) ?? [];
      expect(value, cellText).toBeDefined();
      await button.click();
      await dialog.waitFor();
      expect(await dialog.locator('.explain-value').textContent()).toBe(`${value}/Mtok`);
      expect(await dialog.locator('[data-explain-range]').textContent()).toMatch(new RegExp(`^80% range: \\${low}/Mtok – \\${high}/Mtok`));
      await p.page.keyboard.press('Escape');
      await p.page.waitForSelector('dialog[data-dialog="explain"]:not([open])', { state: 'attached' });
    }
    // No chip selected: every results area says so (not that no chip meets the latency limits).
    await p.page.locator('.chip-picker button:text("Clear")').click();
    const noChips = 'Select at least one chip to compare.';
    for (const area of ['[data-chart="cost-per-million"]', '[data-chart="frontier"]', '[data-market-check]']) {
      await expect.poll(async () => (await p.page.locator(area).textContent()) ?? '', { timeout: 60_000 }).toContain(noChips);
      expect((await p.page.locator(area).textContent()) ?? '').not.toMatch(/latency limits|No public API price/);
    }
    expect(await tableRows(p.page, 'compare')).toBe(0);
    await done(p);
  });

  it('exports CSV, JSON, PNG and SVG that say what they rank and for which workload, named by model and date', async () => {
    const p = await page();
    await chartDrawn(p.page, 'frontier');
    await p.page.waitForFunction(() => document.querySelector('[data-view="compare"] .stale') === null);
    const rows = await tableRows(p.page, 'compare');
    const day = new Date().toISOString().slice(0, 10);
    const csv = await download(p.page, '[data-export="tokencost-compare-csv"]');
    expect(csv.name).toBe(`tokencost-compare_llama-3.1-70b_2048in-512out_${day}.csv`);
    const lines = csv.data.toString('utf8').trim().split('\r\n');
    const header = lines[0]!.split(',');
    expect(lines[0]!.startsWith('rank,hardware_id,chip,feasible')).toBe(true);
    expect(header).toEqual(expect.arrayContaining(['model_id', 'model', 'input_tokens', 'output_tokens', 'max_ttft_s', 'max_tpot_s', 'pricing_mode', 'efficiency_mode', 'ranked_by']));
    expect(lines).toHaveLength(rows + 1);
    const first = Object.fromEntries(csvCells(lines[1]!).map((v, i) => [header[i], v]));
    expect(first).toMatchObject({ model_id: 'llama-3.1-70b', input_tokens: '2048', output_tokens: '512', pricing_mode: 'rental', ranked_by: 'usd_per_million_output_tokens (lowest first)' });
    const jsonFile = await download(p.page, '[data-export="tokencost-compare-json"]');
    expect(jsonFile.name).toBe(`tokencost-compare_llama-3.1-70b_2048in-512out_${day}.json`);
    const json = JSON.parse(jsonFile.data.toString('utf8')) as { kind: string; context: { model: { id: string } }; data: { ranked: unknown[] } };
    expect(json.kind).toBe('compare');
    expect(json.context.model.id).toBe('llama-3.1-70b');
    expect(json.data.ranked).toHaveLength(rows);
    const png = await download(p.page, '[data-export="frontier-png"]');
    expect(png.name).toBe(`tokencost-frontier_llama-3.1-70b_2048in-512out_${day}.png`);
    expect(png.data.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    // The caption line sits below the chart: the image is taller than the chart drawn on the page.
    const chartHeight = await p.page.locator('[data-chart="frontier"] svg').evaluate((e) => e.getBoundingClientRect().height);
    expect(png.data.readUInt32BE(20) / 2).toBeGreaterThan(chartHeight + 10);
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(`${ARTIFACTS}/export-frontier.png`, png.data);
    const svg = await download(p.page, '[data-export="cost-per-million-svg"]');
    expect(svg.name).toBe(`tokencost-cost-per-million_llama-3.1-70b_2048in-512out_${day}.svg`);
    const svgText = svg.data.toString('utf8');
    expect(svgText).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    expect(svgText).toContain('Llama 3.1 70B, fp8');
    expect(svgText).toContain('2,048 in / 512 out');
    expect(svgText).toContain('rental pricing');
    await done(p);
  });
});

describe('tokens per dollar vs model size', () => {
  it('draws one line per chip and follows the dense/MoE toggle', async () => {
    const p = await page();
    await p.page.click('[data-nav="model-size"]');
    await chartDrawn(p.page, 'tokens-per-dollar-vs-model-size');
    await screenshot(p.page, 'model-size-1280');
    await p.page.click('[data-view="model-size"] [data-option="moe"]');
    // Wait on what is drawn, not on a version bump: the dense sweep draws as its jobs finish, so a
    // later dense frame may land after the click. The MoE sweep runs 13 parametric and 12 catalog MoE
    // models on each of 12 chips (about 35 s of engine time on one core here); beside the other e2e
    // files in parallel it has taken over 60 s, so the wait allows several times its usual length.
    await p.page.waitForFunction(() => document.querySelector('[data-chart="tokens-per-dollar-vs-model-size"]')?.textContent?.includes('Mixture-of-experts') === true, undefined, { timeout: 200_000 });
    expect(await p.page.locator('[data-chart="tokens-per-dollar-vs-model-size"] svg path').count()).toBeGreaterThan(3);
    // Its export names the swept family, not the workload's model (which is not in the chart).
    const svg = await download(p.page, '[data-export="tokens-per-dollar-vs-model-size-svg"]');
    expect(svg.name).toMatch(/^tokencost-tokens-per-dollar-vs-model-size_parametric-moe_2048in-512out_/);
    expect(svg.data.toString('utf8').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')).toContain('Parametric mixture-of-experts models, fp8');
    await done(p);
  }, 240_000);
});

describe('chip lab', () => {
  async function openLabCharts(p: WatchedPage): Promise<void> {
    await openLab(p);
    await chartDrawn(p.page, 'lab-frontier');
  }

  it('moving a slider changes the charts and the table', async () => {
    const p = await page();
    await openLabCharts(p);
    await chartDrawn(p.page, 'lab-sensitivity');
    await screenshot(p.page, 'chip-lab-1280');
    const cell = p.page.locator('[data-table="lab"] tbody tr:first-child button[data-explain="usdPerMillionOutputTokens"]');
    const costBefore = await cell.textContent();
    const roofBefore = Number(await p.page.getAttribute('[data-chart="lab-roofline"]', 'data-version'));
    const frontierBefore = Number(await p.page.getAttribute('[data-chart="lab-frontier"]', 'data-version'));
    const slider = p.page.locator('[data-lab-slider="hbmBandwidth"]');
    await slider.focus();
    for (let i = 0; i < 40; i++) await p.page.keyboard.press('ArrowRight');
    await expect.poll(() => cell.textContent(), { timeout: 30_000 }).not.toBe(costBefore);
    await expect.poll(async () => Number(await p.page.getAttribute('[data-chart="lab-roofline"]', 'data-version'))).toBeGreaterThan(roofBefore);
    await expect.poll(async () => Number(await p.page.getAttribute('[data-chart="lab-frontier"]', 'data-version'))).toBeGreaterThan(frontierBefore);
    // The original chip stays as the second (ghost) row with the old cost.
    expect(await p.page.locator('[data-table="lab"] tbody tr:nth-child(2) button[data-explain="usdPerMillionOutputTokens"]').textContent()).toBe(costBefore);
    await screenshot(p.page, 'chip-lab-after-slider-1280');
    await done(p);
  });

  it('reads typed values with units and explains what it cannot read', async () => {
    const p = await page();
    await openLabCharts(p);
    const text = p.page.locator('[data-lab-text="hbmCapacity"]');
    await text.fill('192 GB');
    await text.press('Enter');
    await expect.poll(() => text.inputValue()).toBe('192 GB');
    await text.fill('4.8 TB/s');
    await text.press('Enter');
    const error = p.page.locator('[data-param="hbmCapacity"] .error');
    await expect.poll(() => error.textContent()).toContain('not a memory size');
    const price = p.page.locator('[data-lab-text="listPrice"]');
    await price.fill('$25k');
    await price.press('Enter');
    await expect.poll(() => price.inputValue()).toBe('$25,000');
    // Outside the profile's bounds: refused beside the box, the typed text kept, never clamped to $1.
    await price.fill('0');
    await price.press('Enter');
    await expect.poll(() => p.page.locator('[data-param="listPrice"] .error').textContent()).toContain('0 is outside the accepted range');
    expect(await price.inputValue()).toBe('0');
    expect(await price.getAttribute('aria-invalid')).toBe('true');
    // Another parameter's edit redraws the lab but leaves the refused text and its message.
    const drawn = Number(await p.page.getAttribute('[data-chart="lab-roofline"]', 'data-version'));
    await text.fill('141 GB');
    await text.press('Enter');
    await expect.poll(async () => Number(await p.page.getAttribute('[data-chart="lab-roofline"]', 'data-version'))).toBeGreaterThan(drawn);
    expect(await text.inputValue()).toBe('141 GB');
    expect(await price.inputValue()).toBe('0');
    expect(await p.page.locator('[data-param="listPrice"] .error').textContent()).toContain('0 is outside the accepted range');
    // Escape abandons the refused text: the box shows the price in use again, without the message.
    const url = p.page.url();
    await price.press('Escape');
    expect(await price.inputValue()).toBe('$25,000');
    expect(await p.page.locator('[data-param="listPrice"] .error').textContent()).toBe('');
    expect(await price.getAttribute('aria-invalid')).toBeNull();
    await text.focus();
    expect(await price.inputValue()).toBe('$25,000');
    expect(p.page.url()).toBe(url);
    await done(p);
  });

  it('adds the edited chip to the comparison', async () => {
    const p = await page();
    await openLabCharts(p);
    await p.page.fill('[data-control="lab-name"]', 'My <img src=x onerror="window.__xss=1"> chip');
    await p.page.press('[data-control="lab-name"]', 'Enter');
    await p.page.click('[data-control="lab-save"]');
    // The same chip again is not added twice, and the lab says why.
    await p.page.click('[data-control="lab-save"]');
    await expect.poll(() => p.page.locator('[data-lab-saved]').textContent()).toContain('Not added: this chip has the same figures as');
    await p.page.click('[data-nav="compare"]');
    const row = p.page.locator('[data-table="compare"] tbody tr[data-hardware="nvidia-h200-sxm-lab-2"]');
    await row.waitFor({ timeout: 60_000 });
    expect(await row.locator('.chip-cell').textContent()).toContain('<img src=x');
    expect(await p.page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await p.page.locator('[data-table="compare"] tbody tr[data-hardware="nvidia-h200-sxm-lab-3"]').count()).toBe(0);
    await p.page.click('[data-remove-chip="nvidia-h200-sxm-lab-2"]');
    await row.waitFor({ state: 'detached' });
    await done(p);
  });
});

describe('import', () => {
  it('imports a hardware profile through the catalog validator and shows problems as text', async () => {
    const p = await page();
    await chartDrawn(p.page, 'frontier');
    const profile = JSON.parse(readFileSync('hardware-profiles/nvidia-h200-sxm.json', 'utf8')) as Record<string, unknown>;
    profile.id = 'imported-chip';
    profile.name = 'Imported <script>window.__xss=2</script> chip';
    await p.page.click('[data-control="import-open"]');
    await p.page.fill('[data-control="import-text"]', '{ not json');
    await p.page.click('[data-control="import-submit"]');
    await expect.poll(() => p.page.locator('[data-import-report]').textContent()).toContain('not valid JSON');
    // A key given twice reads two ways: refused by name, the pasted text kept for the fix.
    const twice = JSON.stringify(profile).replace('"tdpWatts":', '"tdpWatts": 1, "tdpWatts":');
    await p.page.fill('[data-control="import-text"]', twice);
    await p.page.click('[data-control="import-submit"]');
    await expect.poll(() => p.page.locator('[data-import-report]').textContent()).toContain('"tdpWatts" is given twice in "power"');
    expect(await p.page.inputValue('[data-control="import-text"]')).toBe(twice);
    // Choosing a file takes the report on the text before it away; the file's text replaces the draft.
    const fileText = JSON.stringify(profile);
    await p.page.setInputFiles('[data-control="import-file"]', { name: 'chip.json', mimeType: 'application/json', buffer: Buffer.from(fileText) });
    await expect.poll(() => p.page.inputValue('[data-control="import-text"]')).toBe(fileText);
    expect(await p.page.locator('[data-import-report]').textContent()).toBe('');
    await p.page.fill('[data-control="import-text"]', JSON.stringify({ ...profile, power: { tdpWatts: -5 } }));
    await p.page.click('[data-control="import-submit"]');
    await expect.poll(() => p.page.locator('[data-import-report]').textContent()).toContain('power.tdpWatts');
    await p.page.fill('[data-control="import-text"]', JSON.stringify(profile));
    await p.page.click('[data-control="import-submit"]');
    await expect.poll(() => p.page.locator('[data-import-report]').textContent()).toContain('Imported chip');
    // A renamed H200 is not measured: its evidence and its fitted factor give way to the prior's, and the report says so.
    const stated = String((profile.efficiency as { softwareStackFactor: number }).softwareStackFactor);
    expect(await p.page.locator('[data-import-evidence]').textContent()).toMatch(/counts as "claim".*achieved mode uses the prior's \(software-stack factor 0\.\d+, stated /);
    expect(await p.page.locator('[data-import-evidence]').textContent()).toContain(`, stated ${stated})`);
    await screenshot(p.page, 'import-1280');
    // The same file again adds nothing and says so; other figures under the same name get a number.
    await p.page.click('[data-control="import-submit"]');
    await expect.poll(() => p.page.locator('[data-import-refused]').textContent()).toContain('has the same figures as "Imported <script>');
    await p.page.fill('[data-control="import-text"]', JSON.stringify({ ...profile, power: { tdpWatts: 650 } }));
    await p.page.click('[data-control="import-submit"]');
    await expect.poll(() => p.page.locator('[data-import-renamed]').textContent()).toContain('chip (2)"');
    await p.page.keyboard.press('Escape');
    const row = p.page.locator('[data-table="compare"] tbody tr[data-hardware="imported-chip"]');
    await row.waitFor({ timeout: 60_000 });
    expect(await row.textContent()).toContain('<script>');
    expect(await p.page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    await done(p);
  });

  it('imports a Hugging Face config.json as the workload model', async () => {
    const p = await page();
    await chartDrawn(p.page, 'frontier');
    const config = {
      model_type: 'llama', architectures: ['LlamaForCausalLM'], hidden_size: 4096, intermediate_size: 14336, num_hidden_layers: 32,
      num_attention_heads: 32, num_key_value_heads: 8, vocab_size: 128256, max_position_embeddings: 131072, tie_word_embeddings: false,
    };
    await p.page.click('[data-control="import-open"]');
    await p.page.fill('[data-control="import-text"]', JSON.stringify(config));
    await p.page.click('[data-control="import-submit"]');
    await expect.poll(() => p.page.locator('[data-import-report]').textContent()).toContain('Imported model');
    expect(await p.page.locator('[data-import-report]').textContent()).not.toMatch(/hardware-profiles\/|models\//);
    expect(await p.page.locator('[data-dialog="import"] .view-intro').textContent()).not.toMatch(/hardware-profiles\/|\(models\/\)/);
    await p.page.keyboard.press('Escape');
    await expect.poll(() => p.page.locator('[data-control="model"]').inputValue()).toBe('imported-model');
    // An imported model can be renamed where it is chosen.
    const name = p.page.locator('[data-view="compare"] [data-control="model-name"]');
    expect(await name.inputValue()).toBe('Imported llama model');
    await name.fill('My Llama 8B');
    await name.press('Enter');
    await expect.poll(() => p.page.locator('[data-view="compare"] [data-control="model"] option:checked').textContent()).toContain('My Llama 8B');
    // An emptied name is refused beside the field, and the emptied text stays through a redraw.
    await name.fill('');
    await name.press('Tab');
    const refusal = p.page.locator('[data-view="compare"] [data-field-error="model-name"]');
    await expect.poll(() => refusal.textContent()).toBe('Not applied: a model needs a name; it is still "My Llama 8B".');
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    await p.page.fill('[data-view="compare"] [data-field="outputTokens"]', '300');
    await p.page.press('[data-view="compare"] [data-field="outputTokens"]', 'Enter');
    await expect.poll(() => p.page.locator('[data-table="compare"]').getAttribute('aria-busy')).not.toBe('true');
    await p.page.waitForSelector('[data-table="compare"] tbody tr');
    expect(await name.inputValue()).toBe('');
    expect(await refusal.textContent()).toContain('needs a name');
    await name.fill('Llama 8B again');
    await name.press('Enter');
    await expect.poll(() => refusal.textContent()).toBe('');
    expect(await name.getAttribute('aria-invalid')).toBeNull();
    await done(p);
  });
});

describe('robustness', () => {
  it('falls back to the main thread when Web Workers are unavailable', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 800 } });
    const pg = await context.newPage();
    const problems: string[] = [];
    pg.on('pageerror', (e) => problems.push(e.message));
    pg.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
    await pg.addInitScript(() => { (window as unknown as { Worker: unknown }).Worker = undefined; });
    await pg.goto(baseUrl);
    await chartDrawn(pg, 'frontier');
    expect(await pg.locator('[data-status]').textContent()).toContain('Web Workers are unavailable');
    expect(problems).toEqual([]);
    await context.close();
  });
});
