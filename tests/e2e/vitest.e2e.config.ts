import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// End-to-end tests: real headless Chromium (playwright-core) against `vite preview` of dist/.
// Run `npx vite build` first (scripts/test-all.sh does).
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    testTimeout: 90_000,
    hookTimeout: 90_000,
    // One file (one Chromium) per core; the tests wait on state, not time (e2e run 320 -> 279 s here).
    maxWorkers: availableParallelism(),
  },
});
