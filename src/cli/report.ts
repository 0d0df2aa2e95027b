// Where the CLI writes: stdout for results, stderr for one-line errors and a bounded number of
// warnings. A user error ends the run through `fail` (exit code 2), never with a stack trace.

import { pathToFileURL } from 'node:url';
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

/** A CLI's work: writes to `io`, ends a user error through `report.fail`. */
export type CliBody = (argv: readonly string[], io: CliIO, report: Reporter) => void | Promise<void>;

/** Runs a CLI's body with its reporter; the exit code (0 ok, 2 invalid input). */
export async function runReported(body: CliBody, argv: readonly string[], io: CliIO): Promise<number> {
  const report = new Reporter(io);
  try {
    await body(argv, io, report);
    return 0;
  } catch (e) {
    if (e instanceof CliExit) return e.code;
    throw e;
  } finally {
    report.finish();
  }
}

/** Runs `main` with the process's arguments and streams when `moduleUrl` is the script node started (not when imported). */
export function runIfScript(moduleUrl: string, main: (argv: readonly string[], io: CliIO) => Promise<number>): void {
  const entry = process.argv[1];
  if (entry !== undefined && moduleUrl === pathToFileURL(entry).href) {
    // A reader that stops early (`| head`) closes the pipe: stop quietly, as other Unix tools do,
    // instead of an unhandled EPIPE stack trace.
    process.stdout.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(0);
      throw e;
    });
    void main(process.argv.slice(2), process).then((code) => { process.exitCode = code; });
  }
}
