// Shared e2e helpers: one Chromium per file, pages that record console errors and page errors.

import { mkdirSync } from 'node:fs';
import { expect } from 'vitest';
import type { Browser, ConsoleMessage, Page } from 'playwright-core';
import { launchChromium } from '../../tooling/chromium';

export const ARTIFACTS = '.e2e-artifacts';

export const launch = launchChromium;

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

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: `${ARTIFACTS}/${name}.png`, fullPage: true });
}

/** Waits until the chart has drawn rows (data-rows > 0), returns its data-version. */
export async function chartDrawn(page: Page, name: string): Promise<number> {
  const sel = `[data-chart="${name}"]`;
  await page.waitForSelector(`${sel}[data-rows]:not([data-rows="0"])`, { timeout: 60_000 });
  return Number(await page.getAttribute(sel, 'data-version'));
}

/** Ends a test's page: no console errors, page errors or CSP violations may have happened. */
export async function done(p: WatchedPage): Promise<void> {
  expect(p.problems).toEqual([]);
  await p.page.context().close();
}
