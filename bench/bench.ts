// npm run bench: engine speed in Node and UI latency in headless Chromium on the production build.
// Prints a table (or one JSON object with --json). Numbers are measured, never asserted: CI runs
// `--quick` once to prove the benchmark works.
import { execSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { scriptArgs } from '../src/cli/script-args';
import { benchBrowser } from './browser-bench';
import { benchEngine } from './engine-bench';

const USAGE = `usage: npm run bench -- [--quick] [--json] [--no-build]
  --quick     fewer repetitions (CI proves the benchmark runs)
  --json      one JSON object instead of the table
  --no-build  measure the existing dist/ instead of building first
`;
const parsed = scriptArgs(process.argv.slice(2), { '--quick': {}, '--json': {}, '--no-build': {} }, USAGE, process);
const args = typeof parsed === 'number' ? new Set<string>() : parsed.switches;
const quick = args.has('--quick');
const json = args.has('--json');
const root = fileURLToPath(new URL('../', import.meta.url));

/** Issue 16's targets (on a quiet machine). */
const TARGETS: Record<string, string> = {
  engineSingleScenarioMs: '<= 2',
  engineCompareAllMs: '<= 20',
  sliderToChartP50Ms: '',
  sliderToChartP95Ms: '<= 16.7 (one 60 Hz frame)',
  sliderToSensitivityP50Ms: '<= 150',
  firstChartMs: '<= 500',
  initialJsGzipKB: '<= 350',
};

async function main(): Promise<void> {
  const engine = benchEngine(quick);
  if (!args.has('--no-build')) execSync('npx vite build --logLevel warn', { cwd: root, stdio: json ? 'ignore' : 'inherit' });
  if (!process.env.CHROMIUM_PATH) {
    process.env.CHROMIUM_PATH = execSync(`bash ${root}/scripts/ensure-chromium.sh`, { encoding: 'utf8' }).trim();
  }
  const browser = await benchBrowser(root, quick ? 10 : 60);
  const result = { ...engine, ...browser, quick };
  if (json) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  const rows = Object.entries(result).filter(([k]) => k in TARGETS) as [string, number][];
  const width = Math.max(...rows.map(([k]) => k.length));
  process.stdout.write(`${'metric'.padEnd(width)}  ${'value'.padStart(9)}  target\n`);
  for (const [key, value] of rows) process.stdout.write(`${key.padEnd(width)}  ${value.toFixed(2).padStart(9)}  ${TARGETS[key]}\n`);
  process.stdout.write(`(${engine.profiles} profiles; ${browser.sliderMoves} slider moves${quick ? '; quick mode' : ''})\n`);
}

if (typeof parsed === 'number') process.exitCode = parsed;
else {
  main().catch((error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
