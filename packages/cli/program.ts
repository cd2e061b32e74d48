/**
 * The commander program every command builds on, and how a command's outcome reaches the user: results as
 * text or sf-style JSON (`{ status, result, warnings }`), every error in one format (`Error (Name): message`
 * on stderr, or `{ status, name, message, exitCode, warnings }` on stdout with --json), and the exit codes.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
/** Bad command-line input, as sf (oclif) reports it: told apart from a command that ran and failed. */
export const EXIT_USAGE = 2;

/** The option every command has. */
export interface JsonOption {
  json: boolean;
}

/** What a command returns: its own figures, and whether it succeeded (sf's `status`). */
export interface CommandResult {
  exitCode: number;
}

/** Bad command-line input found by commander: an unknown option, a missing or invalid value. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** A program with --help and --json whose errors reach runProgram instead of commander's own output and exit. */
export function commandProgram(
  name: string,
  description: string,
  jsonDescription = 'print one JSON result object, like sf commands',
): Command {
  return new Command(name)
    .description(description)
    .addOption(new Option('--json', jsonDescription).default(false))
    .exitOverride()
    .configureOutput({ outputError: () => undefined });
}

/** Prints an error in the one format, as text or JSON; returns its exit code. */
export function reportError(error: unknown, json: boolean): number {
  const e = error instanceof Error ? error : new Error(String(error));
  const exitCode = e instanceof UsageError ? EXIT_USAGE : EXIT_FAILURE;
  if (json) {
    process.stdout.write(
      `${JSON.stringify({ status: exitCode, name: e.name, message: e.message, exitCode, warnings: [] }, null, 2)}\n`,
    );
  } else {
    process.stderr.write(`Error (${e.name}): ${e.message}\n`);
    if (exitCode === EXIT_USAGE) process.stderr.write('See more help with --help\n');
  }
  return exitCode;
}

/**
 * Parses the command line and runs the program's action. A usage error, or an error the action throws, is
 * reported in the one format and ends the process with its exit code (servers a command started included).
 */
export async function runProgram(program: Command, argv: readonly string[] = process.argv): Promise<void> {
  try {
    await program.parseAsync(argv);
  } catch (error) {
    // --help (and --version) end parsing with a CommanderError whose exit code is 0: nothing went wrong.
    if (error instanceof CommanderError && error.exitCode === EXIT_OK) return;
    const failure = error instanceof CommanderError ? new UsageError(error.message.replace(/^error: /, '')) : error;
    // A usage error comes before the options are parsed, so --json is read from the command line itself.
    const json = program.opts<Partial<JsonOption>>().json === true || argv.slice(2).includes('--json');
    process.exit(reportError(failure, json));
  }
}

/**
 * Runs a command's body and prints its result, as text or as sf-style JSON `{ status, result, warnings }`;
 * the result's exitCode becomes the process's. A thrown error goes on to runProgram.
 */
export async function runAction<T extends CommandResult>(
  options: JsonOption,
  body: () => Promise<T>,
  printText: (result: T) => void,
): Promise<void> {
  const result = await body();
  if (options.json) {
    const { exitCode, ...rest } = result;
    process.stdout.write(`${JSON.stringify({ status: exitCode, result: rest, warnings: [] }, null, 2)}\n`);
  } else {
    printText(result);
  }
  process.exitCode = result.exitCode;
}

/** Option parser: a TCP port number, 0 to 65535 (0 lets the system pick a free one). */
export function portNumber(text: string): number {
  const port = Number(text);
  if (text.trim() === '' || !Number.isInteger(port) || port < 0 || port > 65535)
    throw new InvalidArgumentError('expected a port number 0-65535');
  return port;
}

/** Option parser: a whole number, 0 or more. */
export function wholeNumber(text: string): number {
  const n = Number(text);
  if (text.trim() === '' || !Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number');
  return n;
}
