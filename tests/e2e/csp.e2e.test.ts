// The Content-Security-Policy holds however the app is served: the dev server (`npm start`, the
// README's first command) and a static host serving dist/ with no headers at all (the policy
// travels in index.html). Under both, the app renders and an inline script does not run.

import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer, type ViteDevServer } from 'vite';
import { describe, expect, it } from 'vitest';
import { freePort } from '../../tooling/chromium';
import { chartDrawn, openPage, sharedBrowser, tryInlineScript } from './browser';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const browser = sharedBrowser();

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml' };

/** A static file server over dist/ that sends no Content-Security-Policy header. */
function staticServer(port: number): Promise<Server> {
  const dist = join(ROOT, 'dist');
  const server = createHttpServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    let file = join(dist, path);
    if (!file.startsWith(dist) || !existsSync(file) || statSync(file).isDirectory()) file = join(dist, 'index.html');
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

describe('Content-Security-Policy everywhere the app is served', () => {
  it('dist/index.html carries the policy as its first <head> element', () => {
    const html = readFileSync(join(ROOT, 'dist/index.html'), 'utf8');
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html);
    expect(meta).not.toBeNull();
    const policy = meta![1]!.replace(/&#39;/g, "'");
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toContain('unsafe-eval');
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
  });

  it('a static host without headers: the app renders, an inline script does not run', async () => {
    const port = await freePort();
    const server = await staticServer(port);
    try {
      const p = await openPage(browser(), `http://127.0.0.1:${port}/`);
      const response = await p.page.goto(`http://127.0.0.1:${port}/`);
      expect(response?.headers()['content-security-policy']).toBeUndefined();
      await chartDrawn(p.page, 'frontier');
      // The app itself breaks no rule of the policy (the probe below breaks it on purpose).
      expect(p.problems).toEqual([]);
      const probe = await tryInlineScript(p.page);
      expect(probe.inline).toBeUndefined();
      expect(probe.evaluated).toBeUndefined();
      expect(probe.violations).toEqual(expect.arrayContaining(['script-src-elem']));
      await p.page.context().close();
    } finally {
      server.close();
    }
  });

  it('the dev server (npm start): the app renders under the policy, an inline script does not run', async () => {
    const port = await freePort();
    let server: ViteDevServer | null = null;
    try {
      server = await createServer({
        root: ROOT, configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn',
        // Its own dependency cache, so the test never touches the shared node_modules/.vite.
        cacheDir: join(ROOT, '.e2e-artifacts/vite-dev-cache'),
        server: { host: '127.0.0.1', port, strictPort: true, open: false },
      });
      await server.listen();
      const p = await openPage(browser(), `http://127.0.0.1:${port}/`);
      const response = await p.page.goto(`http://127.0.0.1:${port}/`);
      expect(response?.headers()['content-security-policy'] ?? '').toContain("script-src 'self'");
      await chartDrawn(p.page, 'frontier');
      // The app itself breaks no rule of the policy (the probe below breaks it on purpose).
      expect(p.problems).toEqual([]);
      const probe = await tryInlineScript(p.page);
      expect(probe.inline).toBeUndefined();
      expect(probe.evaluated).toBeUndefined();
      await p.page.context().close();
    } finally {
      await server?.close();
    }
  }, 180_000);
});
