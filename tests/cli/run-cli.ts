// Runs a CLI in-process (main(argv, io)) and collects what it writes: no `npx tsx` spawn per test
// (simulate-cli.test.ts keeps the one spawn smoke test of the script entry).

import { main as design } from '../../src/cli/design';
import { main as market } from '../../src/cli/market';
import { main as simulate } from '../../src/cli/simulate';
import type { CliIO } from '../../src/cli/report';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

const MAINS = { simulate, design, market } as const satisfies Record<string, (argv: readonly string[], io: CliIO) => number | Promise<number>>;

export async function runScript(script: keyof typeof MAINS, ...args: string[]): Promise<CliRun> {
  let out = '';
  let err = '';
  const code = await MAINS[script](args, { stdout: { write: (t: string) => { out += t; } }, stderr: { write: (t: string) => { err += t; } } });
  return { code, out, err };
}

export function runCli(...args: string[]): Promise<CliRun> {
  return runScript('simulate', ...args);
}
