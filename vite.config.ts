import { defineConfig } from 'vite';

// The production build runs under a strict Content-Security-Policy (no inline scripts, no eval):
// vega is used with its expression interpreter (vega-interpreter) instead of new Function.
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

export default defineConfig({
  base: './',
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: false, chunkSizeWarningLimit: 2000 },
  preview: { headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY } },
});
