// The Chromium the tests and the benchmark drive: Playwright's own feature switches survive ours
// (Chromium keeps only the last --disable-features), and a new window opens no browser-UI renderers
// that would compete with the page for the CPU (tooling/chromium.ts).

import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BROWSER_UI_FEATURES } from '../../tooling/chromium';
import { sharedBrowser } from './browser';

const browser = sharedBrowser();

/** Command lines of this process's Chromium children (Linux /proc). */
function childChromiumCommandLines(): string[][] {
  const lines: string[][] = [];
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      if (parent === process.pid && args.some((a) => a === '--remote-debugging-pipe')) lines.push(args);
    } catch {
      // The process ended while the list was read.
    }
  }
  return lines;
}

describe('the test browser', () => {
  it('keeps every feature Playwright turns off, and turns the omnibox popups off', () => {
    browser();
    const [args] = childChromiumCommandLines();
    expect(args).toBeDefined();
    const switches = args!.filter((a) => a.startsWith('--disable-features=')).map((a) => a.slice('--disable-features='.length).split(','));
    // Playwright's switch comes first, ours last; Chromium applies only the last.
    expect(switches.length).toBeGreaterThanOrEqual(2);
    const applied = new Set(switches.at(-1));
    expect(switches[0]!.filter((f) => !applied.has(f))).toEqual([]);
    expect(BROWSER_UI_FEATURES.filter((f) => !applied.has(f))).toEqual([]);
  });

  it('opens a window without browser-UI renderers', async () => {
    const context = await browser().newContext();
    await context.newPage();
    const session = await browser().newBrowserCDPSession();
    const { targetInfos } = await session.send('Target.getTargets');
    expect(targetInfos.filter((t) => t.type !== 'page').map((t) => t.url)).toEqual([]);
    await session.detach();
    await context.close();
  });
});
