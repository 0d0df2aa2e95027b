// Starts `vite preview` (the production build in dist/, with the CSP headers of vite.config.ts) on a
// free localhost port for the end-to-end tests, and stops it afterwards.

import { fileURLToPath } from 'node:url';
import { preview } from 'vite';
import { freePort } from '../../tooling/chromium';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const port = await freePort();
  const server = await preview({ root, logLevel: 'warn', preview: { host: '127.0.0.1', port, strictPort: true, open: false } });
  project.provide('baseUrl', `http://127.0.0.1:${port}/`);
  return async () => {
    await server.close();
  };
}
