import { defineConfig } from 'vitest/config';
import { VEGA_ALIAS } from './vite.config';

export default defineConfig({
  // Charts are tested with the runtime the page runs (only the transforms src/ui/vega-runtime.ts registers).
  resolve: { alias: [VEGA_ALIAS] },
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    testTimeout: 60_000,
    // vega-lite's own `import from 'vega'` goes through the alias too (the full vega would register every transform).
    server: { deps: { inline: ['vega-lite'] } },
  },
});
