/**
 * The one-command scratch-org setup (`npm run setup:scratch`): runs the steps of steps.ts in order through a
 * CLI boundary, reports each (status, what it did, seconds, and for a failure the command, its exit code,
 * message and what to do), and stops at the first failure, marking the rest as not run. Rerunning is safe:
 * every step reuses, upserts or writes only what changed.
 */
import type { CommandRunner } from './commands';
import {
  SETUP_STEPS,
  StepError,
  type ScratchSetupOptions,
  type SetupContext,
  type SetupStep,
  type StepFailure,
  type StepStatus,
} from './steps';

export { spawnCommand, type CommandName, type CommandOutput, type CommandRunner } from './commands';
export { ADMIN_PERMISSION_SETS, SCRATCH_DEFINITION, type ScratchSetupOptions, type StepStatus } from './steps';

export interface StepReport {
  step: string;
  title: string;
  status: StepStatus;
  detail: string;
  seconds: number;
  failure?: StepFailure;
}

export interface ScratchSetupReport {
  alias: string;
  username?: string;
  instanceUrl?: string;
  loginUrl?: string;
  steps: StepReport[];
  /** The step that failed, when one did. */
  failedStep?: string;
  seconds: number;
}

/** Called when a step starts (1-based index) and when it has its report. */
export interface SetupListener {
  started?: (index: number, total: number, step: SetupStep) => void;
  finished?: (index: number, total: number, report: StepReport) => void;
}

const seconds = (since: number): number => Math.round((Date.now() - since) / 100) / 10;

/** Runs every step against the org the alias names (created when missing); never throws for a failed step. */
export async function runScratchSetup(
  options: ScratchSetupOptions,
  run: CommandRunner,
  listener: SetupListener = {},
  steps: readonly SetupStep[] = SETUP_STEPS,
): Promise<ScratchSetupReport> {
  const started = Date.now();
  const ctx: SetupContext = { options, run, org: {} };
  const reports: StepReport[] = [];
  let failedStep: string | undefined;
  for (const [i, step] of steps.entries()) {
    if (failedStep) {
      reports.push({
        step: step.name,
        title: step.title,
        status: 'not run',
        detail: `${failedStep} failed`,
        seconds: 0,
      });
      continue;
    }
    listener.started?.(i + 1, steps.length, step);
    const stepStarted = Date.now();
    let report: StepReport;
    try {
      const outcome = await step.run(ctx);
      report = { step: step.name, title: step.title, ...outcome, seconds: seconds(stepStarted) };
    } catch (error) {
      // A StepError carries the command and the hint; anything else (a program that cannot start) its message.
      const failure: StepFailure =
        error instanceof StepError
          ? error.failure
          : { command: '', exitCode: 1, message: (error as Error).message, hint: 'Fix the cause and rerun.' };
      report = {
        step: step.name,
        title: step.title,
        status: 'failed',
        detail: failure.message,
        seconds: seconds(stepStarted),
        failure,
      };
      failedStep = step.name;
    }
    reports.push(report);
    listener.finished?.(i + 1, steps.length, report);
  }
  return {
    alias: options.alias,
    ...ctx.org,
    steps: reports,
    failedStep,
    seconds: seconds(started),
  };
}
