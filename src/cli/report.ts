// Where the CLI writes: stdout for results, stderr for one-line errors and a bounded number of
// warnings. A user error ends the run through `fail` (exit code 2), never with a stack trace.

import { CLI } from '../messages/cli';

export interface CliIO {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

/** Warnings printed at most per run; the rest are counted in one line. */
export const MAX_WARNINGS = 20;

/** Thrown by `fail` to end the run with an exit code (caught by main). */
export class CliExit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

export class Reporter {
  private warnings = 0;

  constructor(readonly io: CliIO) {}

  fail(message: string): never {
    this.io.stderr.write(`${CLI.error(message)}\n`);
    throw new CliExit(2);
  }

  warn(message: string): void {
    this.warnings += 1;
    if (this.warnings <= MAX_WARNINGS) this.io.stderr.write(`${CLI.warning(message)}\n`);
  }

  /** Writes the count of warnings that were not printed. */
  finish(): void {
    if (this.warnings > MAX_WARNINGS) this.io.stderr.write(`${CLI.moreWarnings(this.warnings - MAX_WARNINGS)}\n`);
    this.warnings = 0;
  }
}
