/**
 * `npm run rollup`: computes every target's actual from the metric catalog, with pace and attainment,
 * weighted attainment of sections and plans, and APR counters on opportunities; writes only what changed.
 * Every run is recorded in the org's run history (Rollup_Run__c). `--every 15m` keeps rolling up, incremental
 * since the last successful run, until Ctrl+C or SIGTERM.
 *
 *   npm run rollup -- --target-org local
 */
import { Option } from 'commander';
import { runAction, runProgram } from '@partner-planning/cli';
import {
  asOfDate,
  parseInterval,
  runRecordedRollup,
  runSchedule,
  scriptProgram,
  withOrgSession,
  type CommonOptions,
  type RecordedRollup,
  type RunFacts,
  type RunSummary,
  type RunTrigger,
  type RollupReport,
} from '@partner-planning/jobs';

interface RollupCliOptions extends CommonOptions {
  plan?: string;
  since?: string;
  dryRun: boolean;
  asOf?: string;
  every?: number;
  triggeredBy?: RunTrigger;
}

interface RollupResult extends RollupReport, RunFacts {
  exitCode: number;
  asOf: string;
  dryRun: boolean;
  /** The run's history record. */
  run: RunSummary;
  warnings: string[];
}

const TRIGGERS: Record<string, RunTrigger> = { manual: 'Manual', schedule: 'Schedule', ci: 'CI' };

const program = scriptProgram(
  'rollup',
  'Compute target actuals, pace and attainment from the metric catalog; write only what changed.',
)
  .addOption(new Option('--plan <id>', 'roll up one plan only'))
  .addOption(
    new Option(
      '--since <datetime>',
      'only plans whose targets, sections or source records changed since then (ISO datetime), or "last": since the last successful run',
    ),
  )
  .addOption(new Option('--dry-run', 'print what would change and write nothing').default(false))
  .addOption(new Option('--as-of <date>', 'the day pace is measured on, YYYY-MM-DD (default: today)'))
  .addOption(
    new Option(
      '--every <interval>',
      'keep running: a run now and one every interval (30s, 15m, 1h...), each since the last successful run; Ctrl+C stops',
    ).argParser(parseInterval),
  )
  .addOption(
    new Option(
      '--triggered-by <what>',
      'recorded on the run (default: schedule with --every, ci when CI is set, else manual)',
    )
      .choices(Object.keys(TRIGGERS))
      .argParser((value) => TRIGGERS[value]),
  )
  .addHelpText(
    'after',
    `
Examples:
  npm run rollup -- --target-org local
  npm run rollup -- --target-org my-scratch --dry-run
  npm run rollup -- --target-org local --plan a5B0000000001AAA --json
  npm run rollup -- --target-org my-scratch --since last
  npm run rollup -- --target-org my-scratch --every 15m`,
  );

/** Checks the options before anything touches the org. */
function checkOptions(options: RollupCliOptions): void {
  if (options.plan && !/^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/.test(options.plan))
    throw new Error(`--plan must be a record Id, not "${options.plan}"`);
  if (options.plan && options.since) throw new Error('Use either --plan or --since, not both.');
  if (options.every !== undefined) {
    const clash = [
      options.plan && '--plan',
      options.since && options.since !== 'last' && '--since <datetime>',
      options.dryRun && '--dry-run',
      options.asOf && '--as-of',
    ].filter(Boolean);
    if (clash.length > 0)
      throw new Error(
        `--every runs since the last successful run, as of each run's day: it takes no ${clash.join(', ')}.`,
      );
  }
}

function triggerOf(options: RollupCliOptions): RunTrigger {
  if (options.triggeredBy) return options.triggeredBy;
  if (options.every !== undefined) return 'Schedule';
  return process.env.CI ? 'CI' : 'Manual';
}

/** One recorded run on a session of its own; `signal` abandons it (the record is marked Failed). */
async function rollup(options: RollupCliOptions, signal?: AbortSignal): Promise<RollupResult> {
  const asOf = asOfDate(options.asOf);
  return withOrgSession(options, async (session, progress) => {
    const recorded: RecordedRollup = await runRecordedRollup(session, {
      asOf,
      planId: options.plan,
      since: options.every !== undefined ? 'last' : options.since,
      dryRun: options.dryRun,
      now: new Date().toISOString(),
      onStep: (step, total) => progress.step(step, total),
      triggeredBy: triggerOf(options),
      signal,
    });
    const { report, run, warnings } = recorded;
    const failedMetrics = report.metrics.filter((m) => m.error).length;
    return {
      ...report,
      exitCode: failedMetrics > 0 || report.failures.length > 0 ? 1 : 0,
      asOf,
      dryRun: options.dryRun,
      run,
      warnings,
    };
  });
}

function summaryLines(result: RollupResult): string[] {
  const run = result.run;
  const lines = [
    `Rolled up ${result.org} as of ${result.asOf} in ${result.seconds}s${result.dryRun ? ' (dry run: nothing written)' : ''}.`,
    `Read ${result.read.targets} targets, ${result.read.sections} sections, ${result.read.plans} plans, ${result.read.opportunities} opportunities with APR actions.`,
    ...Object.keys(result.changed).map(
      (sobject) =>
        `${sobject.padEnd(24)} ${String(result.changed[sobject]).padStart(7)} changed ${String(result.written[sobject]).padStart(7)} written`,
    ),
    `Metrics: ${result.metrics.filter((m) => !m.error).length} computed, ${result.metrics.filter((m) => m.error).length} failed; ${result.aggregateQueries} aggregate queries.`,
    ...result.metrics.filter((m) => m.error).map((m) => `  FAILED metric ${m.name} (${m.targets} targets): ${m.error}`),
    ...result.failures.slice(0, 20).map((f) => `  FAILED ${f.sobject} ${f.record}: ${f.errorCode} ${f.message}`),
    `API requests: ${result.apiRequests}${result.apiUsage ? ` (org usage ${result.apiUsage.used}/${result.apiUsage.limit} today)` : ''}.`,
    `Run ${run.id ?? '(not recorded)'}: ${run.status}, ${run.mode.toLowerCase()}${run.since ? ` since ${run.since}` : ''}${run.fullBecause ? ` (${run.fullBecause})` : ''}.`,
    ...result.warnings.map((w) => `Warning: ${w}`),
    ...result.notes.map((n) => `Note: ${n}`),
  ];
  if (result.dryRun) {
    for (const change of result.changes.slice(0, 50)) {
      lines.push(
        `  ${change.sobject} ${change.id} ${change.field}: ${JSON.stringify(change.from)} -> ${JSON.stringify(change.to)}`,
      );
    }
    if (result.changes.length > 50)
      lines.push(`  ... and ${result.changes.length - 50} more changes (use --json for all).`);
  }
  return lines;
}

const printSummary = (result: RollupResult): void => {
  process.stdout.write(`${summaryLines(result).join('\n')}\n`);
};

/** Ctrl+C and SIGTERM abort the controller, which abandons and marks a run in progress; a second one exits. */
function stopOnSignals(controller: AbortController): void {
  for (const name of ['SIGINT', 'SIGTERM'] as const)
    process.on(name, () => {
      // A second signal while the first is being handled (a hung connection): leave at once.
      if (controller.signal.aborted) process.exit(130);
      controller.abort(name);
    });
}

/** `--every`: runs until stopped, one line (or JSON line) per run, skipped tick and stop; exits 0 when stopped. */
async function every(options: RollupCliOptions & { every: number }): Promise<void> {
  const controller = new AbortController();
  stopOnSignals(controller);
  const line = (text: string, json: Record<string, unknown>): void => {
    process.stdout.write(options.json ? `${JSON.stringify({ at: new Date().toISOString(), ...json })}\n` : `${text}\n`);
  };
  line(`Rolling up every ${options.every / 1000}s; Ctrl+C stops.`, {
    event: 'started',
    everySeconds: options.every / 1000,
  });
  const outcome = await runSchedule({
    intervalMs: options.every,
    signal: controller.signal,
    run: (_tick, signal) => rollup(options, signal),
    onResult: (result, tick) => {
      const { exitCode, changes: _changes, ...rest } = result;
      line(`[${new Date().toISOString()}] run ${tick}\n${summaryLines(result).join('\n')}`, {
        event: 'run',
        tick,
        status: exitCode,
        result: rest,
      });
    },
    onError: (error, tick) => {
      const e = error instanceof Error ? error : new Error(String(error));
      line(`[${new Date().toISOString()}] run ${tick} did not complete: ${e.name}: ${e.message}`, {
        event: 'error',
        tick,
        name: e.name,
        message: e.message,
      });
    },
    onSkip: (tick, running) =>
      line(`[${new Date().toISOString()}] tick ${tick} skipped: run ${running} is still going.`, {
        event: 'skipped',
        tick,
        running,
      }),
  });
  line(`Stopped (${String(controller.signal.reason)}) after ${outcome.runs} runs, ${outcome.skipped} skipped ticks.`, {
    event: 'stopped',
    signal: String(controller.signal.reason),
    ...outcome,
  });
  // An abandoned run may still have requests in flight: they end with the process.
  process.exit(0);
}

program.action(async (options: RollupCliOptions) => {
  checkOptions(options);
  if (options.every !== undefined) return every({ ...options, every: options.every });
  const controller = new AbortController();
  stopOnSignals(controller);
  await runAction(options, () => rollup(options, controller.signal), printSummary);
});

void runProgram(program);
