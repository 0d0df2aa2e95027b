// The npm scripts' flags: --help answers without doing the work, unknown flags exit 2, and
// calibrate writes profiles only when asked (--write); charts:compile writes its templates only when run bare.

import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScriptArgs, scriptArgs } from '../../src/cli/script-args';
import { main as calibrate } from '../../scripts/calibrate';
import { main as compileCharts } from '../../scripts/compile-charts';
import { main as validate } from '../../scripts/validate';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';

const ROOT = new URL('../../', import.meta.url).pathname;

function io() {
  const out = { stdout: '', stderr: '' };
  return { out, io: { stdout: { write: (t: string) => { out.stdout += t; } }, stderr: { write: (t: string) => { out.stderr += t; } } } };
}

function profilesText(): string {
  const dir = join(ROOT, 'hardware-profiles');
  return readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
}

describe('script flags', () => {
  const FLAGS = { '--format': { value: true, choices: ['table', 'json'] }, '--write': {} } as const;

  it('reads switches and values (also --flag=value)', () => {
    expect(parseScriptArgs(['--write', '--format', 'json'], FLAGS)).toEqual({ help: false, values: new Map([['--format', 'json']]), switches: new Set(['--write']) });
    expect(parseScriptArgs(['--format=table'], FLAGS)).toMatchObject({ values: new Map([['--format', 'table']]) });
  });

  it.each([
    [['--bogus'], 'unknown option "--bogus" (see --help)'],
    [['--format'], '--format needs a value'],
    [['--format', 'xml'], '--format must be table or json, got "xml"'],
    [['--write=yes'], '--write takes no value, got "yes"'],
  ])('%j is an error', (argv, error) => {
    expect(parseScriptArgs(argv, FLAGS)).toEqual({ help: false, error });
    const r = io();
    expect(scriptArgs(argv, FLAGS, 'usage: x\n', r.io)).toBe(2);
    expect(r.out.stderr).toBe(`error: ${error}\nusage: x\n`);
  });

  it('--help wins and exits 0 with the usage', () => {
    const r = io();
    expect(scriptArgs(['--bogus-later', '--help'], FLAGS, 'usage: x\n', r.io)).toBe(2);
    expect(scriptArgs(['--help', '--bogus'], FLAGS, 'usage: x\n', r.io)).toBe(0);
    expect(r.out.stdout).toBe('usage: x\n');
  });

  it('npm run calibrate -- --help prints the usage, runs nothing and writes no profile; an unknown flag exits 2', async () => {
    const before = profilesText();
    const help = io();
    expect(await calibrate(['--help'], help.io)).toBe(0);
    expect(help.out.stdout).toContain('--write');
    expect(help.out.stdout).not.toContain('Calibration');
    const bad = io();
    expect(await calibrate(['--wirte'], bad.io)).toBe(2);
    expect(bad.out.stderr).toMatch(/^error: unknown option "--wirte"/);
    expect(profilesText()).toBe(before);
  });

  it('npm run charts:compile -- --help prints the usage and writes no template; an unknown flag exits 2', async () => {
    const file = join(ROOT, 'src/charts/compiled/cost-bars.json');
    const before = statSync(file).mtimeMs;
    const help = io();
    expect(await compileCharts(['--help'], help.io)).toBe(0);
    expect(help.out.stdout).toMatch(/^usage: npm run charts:compile/);
    const bad = io();
    expect(await compileCharts(['--force'], bad.io)).toBe(2);
    expect(bad.out.stderr).toMatch(/^error: unknown option "--force"/);
    expect(statSync(file).mtimeMs).toBe(before);
  });

  it('npm run validate -- --csv refuses a file that is not calibration data and names the file it read', () => {
    for (const path of ['package.json', 'README.md']) {
      const bad = io();
      expect(validate(['--csv', join(ROOT, path)], bad.io)).toBe(2);
      expect(bad.out.stderr).toMatch(/^error: --csv: ".*" is not calibration data \(column "source_kind" is missing, and \d+ more\)\nusage: npm run validate /);
      expect(bad.out.stdout).toBe('');
    }
    // The header alone, or no file at all: refused the same way (not a report of 0 rows, "NOT met").
    const headerOnly = join(mkdtempSync(join(tmpdir(), 'tokencost-')), 'header.csv');
    writeFileSync(headerOnly, `${readFileSync(join(ROOT, 'reference/calibration.csv'), 'utf8').split('\r\n')[0]}\r\n`);
    for (const [path, reason] of [[headerOnly, /is not calibration data \(no data rows below the header\)/], [join(ROOT, 'no-such.csv'), /cannot read file/]] as const) {
      const bad = io();
      expect(validate(['--csv', path], bad.io)).toBe(2);
      expect(bad.out.stderr).toMatch(reason);
      expect(bad.out.stderr).toMatch(/\nusage: npm run validate /);
    }
    // Two rows of the real file: read, run, and the report names that file, not the default.
    const lines = readFileSync(join(ROOT, 'reference/calibration.csv'), 'utf8').split('\r\n');
    const copy = join(mkdtempSync(join(tmpdir(), 'tokencost-')), 'two-rows.csv');
    writeFileSync(copy, `${lines.slice(0, 3).join('\r\n')}\r\n`);
    const ok = io();
    expect(validate(['--csv', copy], ok.io)).toBe(0);
    expect(ok.out.stdout.split('\n')[0]).toBe(`Validation against ${copy} (efficiency mode: achieved; error = predicted / measured - 1)`);
  });

  it('a flag given twice is refused (exit 2, naming it) before anything runs, whichever value came last', () => {
    for (const argv of [['--efficiency', 'spec', '--efficiency', 'achieved'], ['--format', 'json', '--format=table']]) {
      const bad = io();
      expect(validate(argv, bad.io)).toBe(2);
      expect(bad.out.stderr).toMatch(new RegExp(`^error: ${argv[0]} is given twice; give it once\n`));
      expect(bad.out.stdout).toBe('');
    }
  });
});
