import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { preview } from 'vite';
import { freePort, launchChromium } from '../tooling/chromium';

export interface BrowserBench {
  sliderToChartP50Ms: number;
  sliderToChartP95Ms: number;
  sliderMoves: number;
  /** Sensitivity and break-even wait for a pause in the drag (src/app/channels.ts): time until they settle. */
  sliderToSensitivityP50Ms: number;
  firstChartMs: number;
  initialJsGzipKB: number;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/**
 * One slider move measured inside the page: from dispatching the input event to the moment the
 * lab table's $/M cell and the live charts (frontier, roofline, cost breakdown) all show the new
 * result (MutationObserver on their data-version, set after vega has drawn).
 */
async function moveSlider(page: Page, step: number, waitForSensitivity: boolean): Promise<number> {
  // Passed as source text: tsx's keepNames helpers (__name) do not exist inside the page.
  return page.evaluate(`(async () => {
    const q = (s) => document.querySelector(s);
    const slider = q('[data-lab-slider="hbmBandwidth"]');
    const names = ['lab-frontier', 'lab-roofline', 'lab-cost-breakdown'${waitForSensitivity ? ", 'lab-sensitivity'" : ''}];
    const charts = names.map((n) => q('[data-chart="' + n + '"]'));
    const cell = () => q('[data-table="lab"] tbody tr:first-child button[data-explain="usdPerMillionOutputTokens"]')?.textContent;
    const before = charts.map((c) => c.dataset.version);
    const cellBefore = cell();
    // With the sensitivity chart, wait until nothing in the view is marked as recomputing (aria-busy / stale).
    const settled = () => ${waitForSensitivity ? "document.querySelectorAll('.stale, [aria-busy=\"true\"]').length === 0" : 'true'};
    const done = () => charts.every((c, i) => c.dataset.version !== before[i]) && cell() !== cellBefore && settled();
    const start = performance.now();
    const finished = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (done()) { observer.disconnect(); resolve(performance.now() - start); }
      });
      observer.observe(document.body, { subtree: true, attributes: true, childList: true, characterData: true });
    });
    slider.value = String(Number(slider.value) + (${step}));
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    return finished;
  })()`);
}

/** Production build served by `vite preview` (with its CSP) and driven in headless Chromium. */
export async function benchBrowser(root: string, moves: number): Promise<BrowserBench> {
  const port = await freePort();
  const server = await preview({ root, logLevel: 'silent', preview: { host: '127.0.0.1', port, strictPort: true, open: false } });
  const browser = await launchChromium();
  try {
    // bypassCSP only lets the harness evaluate its measuring script; the app code is the same.
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, bypassCSP: true })).newPage();
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction("performance.getEntriesByName('first-chart').length > 0", undefined, { timeout: 60_000 });
    const firstChartMs = await page.evaluate<number>("performance.getEntriesByName('first-chart')[0].startTime");
    const scripts = await page.evaluate<string[]>(`performance.getEntriesByType('resource')
      .filter((e) => e.startTime <= ${firstChartMs} && new URL(e.name).pathname.endsWith('.js'))
      .map((e) => new URL(e.name).pathname)`);
    const files = [...new Set(scripts)].map((p) => `${root}/dist${p}`).filter((f) => existsSync(f));
    const initialJsGzipKB = files.reduce((n, f) => n + gzipSync(readFileSync(f), { level: 9 }).length, 0) / 1024;

    await page.click('[data-nav="chip-lab"]');
    await page.waitForSelector('[data-chart="lab-sensitivity"][data-rows]:not([data-rows="0"])', { timeout: 60_000 });
    for (let i = 0; i < 3; i++) await moveSlider(page, i % 2 === 0 ? 60 : -60, false); // warm-up
    const times: number[] = [];
    for (let i = 0; i < moves; i++) times.push(await moveSlider(page, i % 2 === 0 ? 60 : -60, false));
    // Each move to a position not visited before: the controller reuses the sensitivity result of
    // a state it has already computed, and a move back to one would not recompute it.
    const sensitivity: number[] = [];
    for (let i = 0; i < Math.max(3, Math.floor(moves / 10)); i++) sensitivity.push(await moveSlider(page, 20, true));
    return {
      sliderToChartP50Ms: percentile(times, 50),
      sliderToChartP95Ms: percentile(times, 95),
      sliderMoves: times.length,
      sliderToSensitivityP50Ms: percentile(sensitivity, 50),
      firstChartMs,
      initialJsGzipKB,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
