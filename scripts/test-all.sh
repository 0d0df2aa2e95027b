#!/usr/bin/env bash
# The one test command (README, .ci/run): types, unit/property/corpus tests, production build,
# end-to-end tests in real headless Chromium, and a quick benchmark run that proves it works.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "== typecheck"
npx tsc --noEmit -p tsconfig.json
echo "== unit, property and corpus tests"
npx vitest run
echo "== production build"
npx vite build --logLevel warn
if [ -d tests/e2e ]; then
  echo "== end-to-end tests (headless Chromium)"
  CHROMIUM_PATH="$(bash scripts/ensure-chromium.sh)" npx vitest run --config tests/e2e/vitest.e2e.config.ts
fi
if [ -f bench/bench.ts ]; then
  echo "== benchmark (quick mode; numbers are printed, not asserted)"
  npx tsx bench/bench.ts --quick --no-build
fi
