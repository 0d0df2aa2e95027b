// Runs the simulate CLI in-process (main(argv, io)) and collects what it writes.

import { main } from '../../src/cli/simulate';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

export async function runCli(...args: string[]): Promise<CliRun> {
  let out = '';
  let err = '';
  const code = await main(args, { stdout: { write: (t: string) => { out += t; } }, stderr: { write: (t: string) => { err += t; } } });
  return { code, out, err };
}
