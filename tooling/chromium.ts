// Browser tooling shared by the end-to-end tests and the benchmark: Debian's Chromium driven by
// playwright-core (Playwright's own browser download does not work here), and a free local port.

import { createServer } from 'node:net';
import { chromium, type Browser } from 'playwright-core';

/**
 * The features Playwright turns off (playwright-core's chromiumSwitches). Chromium keeps only the
 * last --disable-features switch, so ours must repeat them; tests/e2e/harness.e2e.test.ts fails
 * when Playwright's list has one this does not.
 */
export const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync', 'DestroyProfileOnBrowserClose', 'HttpsUpgrades', 'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay', 'MediaRouter', 'PaintHolding', 'ThirdPartyStoragePartitioning', 'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin', 'OptimizationHints', 'NetworkTimeServiceQuerying', 'AimEnabled', 'PreconnectToSearch',
  'msForceBrowserSignIn', 'msEdgeUpdateLaunchServicesPreferredVersion',
];

/**
 * Browser-UI renderers headless Chromium (156) opens for every new window: the omnibox popups
 * (chrome://omnibox-popup.top-chrome/). They took about half a core during each measured page load,
 * so the first chart measured the browser's own start-up as much as the app (bench: first chart
 * ~600 -> ~440 ms with them off). The page's own work is the same either way.
 */
export const BROWSER_UI_FEATURES = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup'];

/** Flags that keep a headless Chromium off the (closed) network, quiet as root, and free of browser UI. */
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
  `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, ...BROWSER_UI_FEATURES].join(',')}`,
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
