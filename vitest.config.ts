import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { VEGA_ALIAS } from './vite.config.ts';

export default defineConfig({
  // Charts are tested with the runtime the page runs (only the transforms src/ui/vega-runtime.ts registers).
  resolve: { alias: [VEGA_ALIAS] },
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    testTimeout: 60_000,
    // One test file per core. Vitest's default keeps a core for its main process, which idles
    // here: on the 2-core machine that ran the files one at a time (unit run 287 s -> 159 s).
    maxWorkers: availableParallelism(),
    // Files share a worker's module cache instead of re-importing the engine and catalog for each
    // one (unit run 59 s -> 37 s here). Safe because the engine is pure and the few tests that stub
    // globals or timers undo it in afterEach/finally; shuffled orders (--sequence.shuffle) pass.
    isolate: false,
    // vega-lite's own `import from 'vega'` goes through the alias too (the full vega would register every transform).
    server: { deps: { inline: ['vega-lite'] } },
  },
});
