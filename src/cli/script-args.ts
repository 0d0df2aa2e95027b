// Flags of the npm scripts (validate, calibrate, bench): one small declarative parser, so every
// script answers --help, names an unknown flag and exits 2 on it, and never acts on a typo.

import { CLI, quoted } from '../messages/cli';
import type { CliIO } from './report';

export interface ScriptFlag {
  /** Takes a value (--format json); otherwise a switch (--write). */
  value?: boolean;
  /** Accepted values, when fixed. */
  choices?: readonly string[];
}

export type ScriptArgs = { help: true } | { help: false; values: Map<string, string>; switches: Set<string> } | { help: false; error: string };

export function parseScriptArgs(argv: readonly string[], flags: Readonly<Record<string, ScriptFlag>>): ScriptArgs {
  const values = new Map<string, string>();
  const switches = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (name === '--help' || name === '-h') return { help: true };
    const flag = Object.hasOwn(flags, name) ? flags[name] : undefined;
    if (flag === undefined) return { help: false, error: CLI.unknownOption(name) };
    // The last of two values would win silently, as simulate, market and design never let it.
    if (values.has(name) || switches.has(name)) return { help: false, error: CLI.givenTwice(name) };
    if (!flag.value) {
      if (eq > 0) return { help: false, error: `${name} takes no value, got ${quoted(arg.slice(eq + 1))}` };
      switches.add(name);
      continue;
    }
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined) return { help: false, error: CLI.needsValue(name) };
    if (flag.choices !== undefined && !flag.choices.includes(value)) return { help: false, error: CLI.badChoice(name, flag.choices, value) };
    values.set(name, value);
  }
  return { help: false, values, switches };
}

/**
 * Parses, or answers: --help prints the usage (exit 0); a bad flag prints one error line and the
 * usage line (exit 2). Returns the parsed flags, or the exit code when the script should stop.
 */
export function scriptArgs(argv: readonly string[], flags: Readonly<Record<string, ScriptFlag>>, usage: string, io: CliIO): { values: Map<string, string>; switches: Set<string> } | number {
  const parsed = parseScriptArgs(argv, flags);
  if (parsed.help) {
    io.stdout.write(usage);
    return 0;
  }
  if ('error' in parsed) {
    // The usage line only: the full help is one --help away.
    io.stderr.write(`${CLI.error(parsed.error)}\n${usage.split('\n')[0]}\n`);
    return 2;
  }
  return parsed;
}
