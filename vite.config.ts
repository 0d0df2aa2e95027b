import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

// The app runs under a strict Content-Security-Policy (no inline scripts, no eval): vega is used
// with its expression interpreter (vega-interpreter) instead of new Function. The policy is sent
// three ways, so no way of serving the app goes without it: as a <meta> tag in index.html (dev
// server, `vite build` output on any static host), and as a header of `npm start` and
// `vite preview`. A host that can set headers should send the same header (README "Hosting").
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Puts the policy in index.html as the first element of <head>, before any script. */
function cspMeta(): Plugin {
  return {
    name: 'tokencost-csp-meta',
    transformIndexHtml: {
      order: 'pre',
      handler: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }],
    },
  };
}

/**
 * 'vega' (imported by vega-lite) resolves to vega-util: the charts' runtime is assembled from vega's
 * parts in src/ui/vega-runtime.ts, without the transforms no chart uses (src/ui/vega-as-vega-util.ts).
 */
export const VEGA_ALIAS = { find: /^vega$/, replacement: fileURLToPath(new URL('./src/ui/vega-as-vega-util.ts', import.meta.url)) };

export default defineConfig({
  base: './',
  plugins: [cspMeta()],
  resolve: { alias: [VEGA_ALIAS] },
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: false, chunkSizeWarningLimit: 2000 },
  server: { headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY } },
  preview: { headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY } },
});
