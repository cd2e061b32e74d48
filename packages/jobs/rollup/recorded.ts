/**
 * A rollup run with its history record: refuses to start while another run is Running in the org (checked
 * before and after creating its own record, so two processes starting together cannot both go on), picks
 * full or incremental (`since: 'last'`: since the last successful run), creates its Rollup_Run__c as Running,
 * runs the engine, and completes the record with the outcome and counts. Stopped through its signal, it marks
 * the record Failed and rejects at once. Without run history in the org it warns and runs all the same.
 * A dry run writes no record.
 */
import type { OrgSession } from '../connection';
import { runRollup } from './engine';
import {
  completeRun,
  readHistory,
  runningRuns,
  soqlDateTime,
  startRun,
  type History,
  type RunFields,
  type RunMode,
  type RunRecord,
  type RunStatus,
  type RunTrigger,
} from './history';
import { DATETIME } from './targets';
import type { RollupOptions, RollupReport } from './types';

export interface RecordedRollupOptions extends RollupOptions {
  /**
   * An ISO datetime, or `last`: since the start of the last successful full or incremental run (a full run
   * when there is none, or when it measured pace on another day: pace moves every day, so all plans change).
   */
  since?: string;
  triggeredBy: RunTrigger;
  /** Aborting it abandons the run: its record is marked Failed with the reason, and the call rejects. */
  signal?: AbortSignal;
  /** The engine to run (tests slow it down); runRollup by default. */
  engine?: (session: OrgSession, options: RollupOptions) => Promise<RollupReport>;
  /** The clock (tests move it); the system clock by default. */
  clock?: () => Date;
}

/** What the history record of a run says. */
export interface RunSummary {
  /** The record's Id; undefined when no record was written (dry run, or no history in the org). */
  id?: string;
  status: RunStatus;
  mode: RunMode;
  /** The incremental window start, for an incremental run. */
  since?: string;
  /** Why an incremental run (`since: 'last'`) ran in full. */
  fullBecause?: string;
  startedAt: string;
  finishedAt: string;
  targetsComputed: number;
  recordsWritten: number;
  recordsUnchanged: number;
  requests: number;
  failures: number;
  failedMetrics: string[];
}

export interface RecordedRollup {
  report: RollupReport;
  run: RunSummary;
  /** Problems with the history itself (no object, a record not saved); the rollup ran regardless. */
  warnings: string[];
}

/** Another run is Running in the org: this one did not start. */
export class RollupBusyError extends Error {
  override name = 'RollupBusyError';
  constructor(readonly running: RunRecord) {
    super(
      `Another rollup run (${running.name}, started ${running.startedAt}) is Running in this org; not starting a ` +
        'second one. Try again when it has finished (a run still Running after 60 minutes is taken as abandoned).',
    );
  }
}

/** The run was stopped (its signal aborted) before it finished. */
export class RollupStoppedError extends Error {
  override name = 'RollupStoppedError';
}

const sum = (counts: Record<string, number>): number => Object.values(counts).reduce((a, b) => a + b, 0);

/** Full, incremental or one plan, and the window start of an incremental run. */
function chooseMode(
  options: RecordedRollupOptions,
  history: History | undefined,
): { mode: RunMode; since?: string; fullBecause?: string } {
  if (options.planId) return { mode: 'Single Plan' };
  if (!options.since) return { mode: 'Full' };
  if (options.since !== 'last') return { mode: 'Incremental', since: options.since };
  const last = history?.lastSuccess;
  if (!history) return { mode: 'Full', fullBecause: 'the org has no run history to start from' };
  if (!last) return { mode: 'Full', fullBecause: 'no run has succeeded yet' };
  if (last.asOf !== options.asOf)
    return {
      mode: 'Full',
      fullBecause: `the last successful run (${last.name}) measured pace on ${last.asOf ?? 'no day'}, not ${options.asOf}`,
    };
  return { mode: 'Incremental', since: soqlDateTime(last.startedAt) };
}

/** Rejects as soon as the signal aborts, leaving the run itself to be abandoned. */
function untilAborted<T>(run: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return run;
  // The abandoned run keeps going until the process ends; its outcome no longer matters.
  run.catch(() => undefined);
  return new Promise<T>((resolve, reject) => {
    const stop = (): void => reject(new RollupStoppedError(`Stopped (${String(signal.reason)}) before it finished.`));
    if (signal.aborted) return stop();
    signal.addEventListener('abort', stop, { once: true });
    run.then(resolve, reject).finally(() => signal.removeEventListener('abort', stop));
  });
}

/** The record's figures for a finished report. */
function outcomeOf(report: RollupReport): Omit<RunSummary, 'mode' | 'since' | 'startedAt' | 'finishedAt' | 'requests'> {
  const failed = report.metrics.filter((m) => m.error);
  const read = report.read.targets + report.read.sections + report.read.plans + report.read.opportunities;
  const failures = failed.length + report.failures.length;
  return {
    status: failures > 0 ? 'Partial' : 'Succeeded',
    targetsComputed: report.read.targets - failed.reduce((n, m) => n + m.targets, 0),
    recordsWritten: sum(report.written),
    recordsUnchanged: Math.max(0, read - sum(report.changed)),
    failures,
    failedMetrics: failed.map((m) => `${m.name}: ${m.error ?? 'failed'}`),
  };
}

/** Runs the rollup and records it in the org's run history. */
export async function runRecordedRollup(session: OrgSession, options: RecordedRollupOptions): Promise<RecordedRollup> {
  const clock = options.clock ?? (() => new Date());
  const engine = options.engine ?? runRollup;
  if (options.since && options.since !== 'last' && !DATETIME.test(options.since))
    throw new Error(`--since must be "last" or an ISO datetime such as 2026-11-01T00:00:00Z, not "${options.since}"`);
  if (options.signal?.aborted)
    throw new RollupStoppedError(`Stopped (${String(options.signal.reason)}) before it started.`);
  const requestsBefore = session.requestCount();
  const warnings: string[] = [];
  const startedAt = clock();
  const history = await readHistory(session, startedAt);
  if (!history && !options.dryRun)
    warnings.push('The org has no Rollup Run object this user can read: this run is not recorded.');
  if (history && !options.dryRun && history.running.length > 0) throw new RollupBusyError(history.running[0]);
  const { mode, since, fullBecause } = chooseMode(options, history);

  let id: string | undefined;
  if (history && !options.dryRun) {
    const created = await startRun(session, {
      Status__c: 'Running',
      Mode__c: mode,
      Triggered_By__c: options.triggeredBy,
      Started_At__c: startedAt.toISOString(),
      As_Of__c: options.asOf,
      Since__c: since ?? null,
    });
    if ('error' in created) warnings.push(`The run's Rollup Run record was not created (${created.error}).`);
    else id = created.id;
  }
  const complete = async (fields: RunFields): Promise<void> => {
    if (!id) return;
    const error = await completeRun(session, id, { Finished_At__c: clock().toISOString(), ...fields });
    if (error) warnings.push(`The run's Rollup Run record was not completed (${error}).`);
  };
  if (id) {
    // Two processes may both have found no Running run: the one whose record came first goes on.
    const first = (await runningRuns(session, startedAt))[0];
    if (first && first.id !== id) {
      await complete({ Status__c: 'Skipped', Error_Message__c: `${first.name} was already running.` });
      throw new RollupBusyError(first);
    }
  }

  let report: RollupReport;
  try {
    report = await untilAborted(engine(session, { ...options, since }), options.signal);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const detail = error instanceof RollupStoppedError ? `${message} Figures may be partly written.` : message;
    await complete({
      Status__c: 'Failed',
      Error_Message__c: detail,
      Requests__c: session.requestCount() - requestsBefore + 1,
    });
    throw error;
  }
  const outcome = outcomeOf(report);
  // The completing update is one more request of the run.
  const requests = session.requestCount() - requestsBefore + (id ? 1 : 0);
  const firstWriteFailures = report.failures
    .slice(0, 10)
    .map((f) => `${f.sobject} ${f.record}: ${f.errorCode} ${f.message}`);
  await complete({
    Status__c: outcome.status,
    Targets_Computed__c: outcome.targetsComputed,
    Records_Written__c: outcome.recordsWritten,
    Records_Unchanged__c: outcome.recordsUnchanged,
    Requests__c: requests,
    Failures__c: outcome.failures,
    Failed_Metrics__c: outcome.failedMetrics.join('\n') || null,
    Error_Message__c: firstWriteFailures.join('\n') || null,
  });
  return {
    report,
    run: {
      id,
      mode,
      since,
      fullBecause,
      startedAt: startedAt.toISOString(),
      finishedAt: clock().toISOString(),
      requests,
      ...outcome,
    },
    warnings,
  };
}
