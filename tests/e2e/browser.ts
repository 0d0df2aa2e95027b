// Shared e2e helpers: one Chromium per file, pages that record console errors and page errors.

import { mkdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Browser, ConsoleMessage, Page } from 'playwright-core';
import { launchChromium } from '../../tooling/chromium';

export const ARTIFACTS = '.e2e-artifacts';

export const launch = launchChromium;

/**
 * One Chromium for the calling test file: launched before its tests, closed after them. Call at
 * the file's top level; the returned function gives the browser inside tests.
 */
export function sharedBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (browser === undefined) throw new Error('the browser is launched in beforeAll, before any test');
    return browser;
  };
}

/**
 * Adds an inline script and a string timer to the page; reports whether either ran and which CSP
 * directives were violated.
 */
export function tryInlineScript(page: Page): Promise<{ inline?: number; evaluated?: number; violations: string[] }> {
  return page.evaluate(async () => {
    const violations: string[] = [];
    const w = window as unknown as { __inline?: number; __evaluated?: number };
    // Settled when each probe has either run or been reported as blocked: a state, not a delay.
    const settled = new Promise<void>((resolve) => {
      const check = () => {
        const inlineDone = w.__inline !== undefined || violations.includes('script-src-elem');
        const evalDone = w.__evaluated !== undefined || violations.includes('script-src');
        if (inlineDone && evalDone) resolve();
      };
      document.addEventListener('securitypolicyviolation', (e) => { violations.push(e.violatedDirective); check(); });
      (window as unknown as { __probeCheck: () => void }).__probeCheck = check;
    });
    const s = document.createElement('script');
    s.textContent = 'window.__inline = 1; window.__probeCheck()';
    document.head.appendChild(s);
    // A string timer is evaluated by the page itself, under its policy ('unsafe-eval' absent).
    (setTimeout as unknown as (code: string, ms: number) => void)('window.__evaluated = 1; window.__probeCheck()', 0);
    await settled;
    return { inline: w.__inline, evaluated: w.__evaluated, violations };
  });
}

export interface WatchedPage {
  page: Page;
  /** Console errors, page errors and CSP violations seen so far. */
  problems: string[];
}

export async function openPage(browser: Browser, url: string, viewport = { width: 1280, height: 800 }): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m: ConsoleMessage) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(url);
  return { page, problems };
}

/** Pixels photographed at most: 6,250 px deep at 1280 px wide, 19,000 px at 420. */
const SCREENSHOT_MAX_PIXELS = 8_000_000;

/**
 * The whole page, or its top part when it is very long. Rasterising a page of ~55,000 px (the
 * Accuracy view when it listed every calibration row) took 5.6-7.2 s a photograph; rows below the
 * cut are checked by assertions, not by eye.
 */
export async function photograph(page: Page, path: string): Promise<void> {
  const size = await page.evaluate(() => ({ width: document.documentElement.clientWidth, height: document.documentElement.scrollHeight }));
  await page.screenshot({ path, fullPage: true, clip: { x: 0, y: 0, width: size.width, height: Math.min(size.height, Math.floor(SCREENSHOT_MAX_PIXELS / size.width)) } });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await photograph(page, `${ARTIFACTS}/${name}.png`);
}

/** Waits until the chart has drawn rows (data-rows > 0), returns its data-version. */
export async function chartDrawn(page: Page, name: string): Promise<number> {
  const sel = `[data-chart="${name}"]`;
  await page.waitForSelector(`${sel}[data-rows]:not([data-rows="0"])`, { timeout: 60_000 });
  return Number(await page.getAttribute(sel, 'data-version'));
}

/** Ends a test's page: no console errors, page errors or CSP violations may have happened. */
/** The chip lab, its roofline drawn. */
export async function openLab(p: WatchedPage): Promise<void> {
  await p.page.click('[data-nav="chip-lab"]');
  await chartDrawn(p.page, 'lab-roofline');
}

export async function done(p: WatchedPage): Promise<void> {
  expect(p.problems).toEqual([]);
  await p.page.context().close();
}

/** A file the page downloads when `selector` is clicked: its suggested name and bytes. */
export async function download(page: Page, selector: string): Promise<{ name: string; data: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  const path = await file.path();
  return { name: file.suggestedFilename(), data: readFileSync(path) };
}

/** One CSV line into cells (quoted cells may hold commas and doubled quotes). */
export function csvCells(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted && c === '"' && line[i + 1] === '"') { cell += '"'; i++; }
    else if (c === '"') quoted = !quoted;
    else if (c === ',' && !quoted) { cells.push(cell); cell = ''; }
    else cell += c;
  }
  return [...cells, cell];
}
