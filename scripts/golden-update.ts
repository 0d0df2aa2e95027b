// npm run golden:update: rewrites tests/golden/*.csv from the CLI and prints the largest relative
// moves against the committed files, for review.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { GOLDEN_CASES, goldenOutput, largestMoves } from '../src/cli/golden';

const DIR = fileURLToPath(new URL('../tests/golden/', import.meta.url));

async function run(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write('usage: npm run golden:update\n  Rewrites tests/golden/*.csv (CLI --hardware all results, 3 significant figures) and prints the largest moves.\n');
    return 0;
  }
  if (argv.length > 0) {
    process.stderr.write(`error: unknown option "${argv[0]}"\n`);
    return 2;
  }
  for (const c of GOLDEN_CASES) {
    const file = `${DIR}${c.name}.csv`;
    const text = await goldenOutput(c);
    const before = existsSync(file) ? readFileSync(file, 'utf8') : '';
    writeFileSync(file, text);
    const moves = before === '' ? [] : largestMoves(before, text, 5);
    process.stdout.write(`${c.name} (${c.what}): ${before === '' ? 'written' : before === text ? 'unchanged' : `${moves.length > 0 ? 'largest moves:' : 'changed (text only)'}`}\n`);
    for (const m of moves) process.stdout.write(`  ${m.row} ${m.column}: ${m.from} -> ${m.to} (${m.change >= 0 ? '+' : ''}${(m.change * 100).toFixed(1)}%)\n`);
  }
  return 0;
}

void run(process.argv.slice(2)).then((code) => { process.exitCode = code; });
