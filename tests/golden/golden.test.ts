// The committed golden outputs (tests/golden/*.csv) match what the CLI prints now. When an engine
// change moves them on purpose: `npm run golden:update`, read the printed moves and the diff, commit.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GOLDEN_CASES, goldenOutput, largestMoves, roundCell } from '../../src/cli/golden';

describe('golden outputs', () => {
  it('rounds numbers to 3 significant figures and leaves text alone', () => {
    expect(roundCell('1234.5678')).toBe('1230');
    expect(roundCell('0.000123456')).toBe('0.000123');
    expect(roundCell('nvidia-h200-sxm')).toBe('nvidia-h200-sxm');
    expect(roundCell('')).toBe('');
  });

  it('reports the largest relative moves', () => {
    const moves = largestMoves('hardwareId,x,y\na,100,1\nb,10,4\n', 'hardwareId,x,y\na,150,1\nb,10,1\n');
    expect(moves.map((m) => [m.row, m.column, m.change])).toEqual([['b', 'y', -0.75], ['a', 'x', 0.5]]);
  });

  it.each(GOLDEN_CASES.map((c) => [c.name, c] as const))('%s matches tests/golden (npm run golden:update after a deliberate change)', async (name, c) => {
    const committed = readFileSync(new URL(`./${name}.csv`, import.meta.url), 'utf8');
    expect(await goldenOutput(c)).toBe(committed);
  }, 60_000);
});
