#!/usr/bin/env bash
# The one test command (README, .ci/run): types, unit/property/corpus tests, production build,
# end-to-end tests in real headless Chromium, and a quick benchmark run that proves it works.
# Ends with one "tests: N passed, N failed" line summing both vitest runs.
set -euo pipefail
cd "$(dirname "$0")/.."
usage='usage: npm test   (no options: types, unit, build, end-to-end and a quick benchmark; see README)'
if [ "$#" -gt 0 ]; then
  if [ "$1" = "--help" ] || [ "$1" = "-h" ]; then echo "$usage"; exit 0; fi
  echo "error: unknown option \"$1\" (npm test takes none)" >&2
  echo "$usage" >&2
  exit 2
fi
reports="$(mktemp -d)"
echo "== typecheck"
npx tsc --noEmit -p tsconfig.json
echo "== unit, property and corpus tests"
npx vitest run --reporter=default --reporter=json --outputFile.json="$reports/unit.json"
echo "== production build"
npx vite build --logLevel warn
echo "== end-to-end tests (headless Chromium)"
CHROMIUM_PATH="$(bash scripts/ensure-chromium.sh)"
export CHROMIUM_PATH
npx vitest run --config tests/e2e/vitest.e2e.config.ts --reporter=default --reporter=json --outputFile.json="$reports/e2e.json"
echo "== benchmark (quick mode; numbers are printed, not asserted)"
npx tsx bench/bench.ts --quick --no-build
node -e '
  const fs = require("fs");
  let passed = 0, failed = 0;
  for (const f of process.argv.slice(1)) {
    const r = JSON.parse(fs.readFileSync(f, "utf8"));
    passed += r.numPassedTests; failed += r.numFailedTests;
  }
  console.log(`tests: ${passed} passed, ${failed} failed`);
' "$reports/unit.json" "$reports/e2e.json"
