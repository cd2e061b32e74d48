/**
 * How fresh the actuals are, from the rollup's run history: as of the start of the last successful run;
 * stale when that is more than STALE_AFTER_HOURS old; failed when a run after it failed, was partial, or is
 * still Running past the rollup's one-hour timeout (its process died). Pure: the caller passes the time.
 */
import type { RollupRun } from 'c/planData';

/**
 * Actuals older than this are stale. A day: pace and expected-to-date move daily, and the shipped schedules
 * (the hourly CI workflow, `--every 15m`) refresh them many times a day, so a day without a successful run
 * means the schedule stopped.
 */
export const STALE_AFTER_HOURS = 24;

/** The rollup takes a Running run older than this as abandoned (packages/jobs RUNNING_TIMEOUT_MS). */
export const RUNNING_TIMEOUT_MINUTES = 60;

const HOUR_MS = 3_600_000;

export type FreshnessProblem = 'stale' | 'failed' | 'partial' | 'unfinished';

export interface Freshness {
  /** When the actuals are as of (the last successful run's start); null when no run has succeeded. */
  asOf: string | null;
  /** What is wrong, most serious first: the last run failed (or is partial or unfinished), the actuals are stale. */
  problems: { kind: FreshnessProblem; run: RollupRun | null }[];
}

/** When a run started, in ms; NaN without a run or a start. */
function startOf(run: RollupRun | null | undefined): number {
  return run && run.startedAt ? Date.parse(run.startedAt) : Number.NaN;
}

/** The freshness of the actuals at `now`, given the last successful run and the latest runs (newest first). */
export function rollupFreshness(lastSuccess: RollupRun | null, recent: RollupRun[], now: Date): Freshness {
  const problems: Freshness['problems'] = [];
  const successStart = startOf(lastSuccess);
  // The newest run that is over: not Running, or Running so long that its process must have died.
  const latest = recent.find(
    (run) => run.status !== 'Running' || now.getTime() - startOf(run) > RUNNING_TIMEOUT_MINUTES * 60_000,
  );
  const afterSuccess = latest && (Number.isNaN(successStart) || startOf(latest) > successStart);
  if (latest && afterSuccess) {
    if (latest.status === 'Failed') problems.push({ kind: 'failed', run: latest });
    else if (latest.status === 'Partial') problems.push({ kind: 'partial', run: latest });
    else if (latest.status === 'Running') problems.push({ kind: 'unfinished', run: latest });
  }
  if (!Number.isNaN(successStart) && now.getTime() - successStart > STALE_AFTER_HOURS * HOUR_MS)
    problems.push({ kind: 'stale', run: lastSuccess });
  return { asOf: lastSuccess ? lastSuccess.startedAt : null, problems };
}
