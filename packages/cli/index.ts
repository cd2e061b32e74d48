/**
 * The command-line builder every command of the project uses (the org, the scripts, the benchmark, the
 * builds): a commander program with --help and --json, one error format in text and sf-style JSON, the exit
 * codes (0 ok, 1 failure, 2 usage error), shared option parsers, and progress bars for long steps. It imports
 * none of our packages, so the local org can use it too.
 */
export {
  commandProgram,
  runProgram,
  runAction,
  reportError,
  portNumber,
  wholeNumber,
  UsageError,
  EXIT_OK,
  EXIT_FAILURE,
  EXIT_USAGE,
  type CommandResult,
  type JsonOption,
} from './program';
export { Progress, type ProgressStep } from './progress';
