/**
 * Plan access kept in sync while the local app runs, as a scheduled job keeps it in a real org: the access job
 * (`runAccessSync` of @partner-planning/jobs, as the admin) every interval in the background, and on demand
 * before each rollup the header runs. Runs never overlap: a background tick while a run is going or queued is
 * skipped; an on-demand run waits for the one going (which may have read the plans before the latest change)
 * and then runs afresh. Failures are logged, and a failed tick never stops the schedule. Before each rollup the
 * plans' lifecycle job runs too (advanceBeforeRollup), logged the same way.
 */
import type { AccessReport, AdvanceReport } from '@partner-planning/jobs';

/** The background interval when none is given. */
export const ACCESS_SYNC_SECONDS = 15;

export interface AccessSyncOptions {
  /** Seconds between background runs; 0 runs only on demand. */
  intervalSeconds: number;
  /** One run of the access job as the admin. */
  run: () => Promise<AccessReport>;
  /** Where failures and the changes a run made are written (one line each). */
  log: (line: string) => void;
}

/**
 * What an on-demand run reports to the header: the shares it changed (both reasons: the people on targets and
 * the partner users), of which the partner shares, and its failures; or why the run failed.
 */
export interface AccessSyncSummary {
  inserted: number;
  updated: number;
  deleted: number;
  partner: { inserted: number; updated: number; deleted: number };
  failures: number;
  error?: string;
}

const summaryOf = (report: AccessReport): AccessSyncSummary => ({
  inserted: report.inserted + report.partner.inserted,
  updated: report.updated + report.partner.updated,
  deleted: report.deleted + report.partner.deleted,
  partner: { inserted: report.partner.inserted, updated: report.partner.updated, deleted: report.partner.deleted },
  failures: report.failures.length,
});

const NOTHING = { inserted: 0, updated: 0, deleted: 0 };

export class AccessSync {
  private timer: NodeJS.Timeout | undefined;
  /** The last run started or queued; the next one starts after it settles. */
  private tail: Promise<unknown> = Promise.resolve();
  /** Runs going or queued. */
  private pending = 0;
  /** Background ticks skipped because a run was going or queued. */
  skipped = 0;

  constructor(private readonly options: AccessSyncOptions) {}

  /** Starts the background schedule (the first run after one interval: start-up has just synced). */
  start(): void {
    if (this.options.intervalSeconds <= 0 || this.timer) return;
    this.timer = setInterval(() => this.tick(), this.options.intervalSeconds * 1000);
    // The schedule alone never keeps the process alive: the server does.
    this.timer.unref();
  }

  /** A background tick: a run, unless one is going or queued. Its failure is logged, never thrown. */
  tick(): Promise<void> {
    if (this.pending > 0) {
      this.skipped++;
      return Promise.resolve();
    }
    return this.runNow('scheduled').then(() => undefined);
  }

  /** A run after the one going (if any); resolves with its summary, a failure included (and logged). */
  runNow(trigger: 'scheduled' | 'before rollup'): Promise<AccessSyncSummary> {
    this.pending++;
    const run = this.tail.then(() => this.runOnce(trigger)).finally(() => this.pending--);
    this.tail = run;
    return run;
  }

  private async runOnce(trigger: string): Promise<AccessSyncSummary> {
    let report: AccessReport;
    try {
      report = await this.options.run();
    } catch (error) {
      const message = (error as Error).message ?? String(error);
      this.options.log(`Plan access sync (${trigger}) failed: ${message}`);
      return { ...NOTHING, partner: NOTHING, failures: 0, error: message };
    }
    const summary = summaryOf(report);
    if (summary.failures > 0)
      this.options.log(
        `Plan access sync (${trigger}): ${summary.failures} share(s) failed, the first: ${report.failures[0].message}`,
      );
    if (summary.inserted + summary.updated + summary.deleted > 0)
      this.options.log(
        `Plan access sync (${trigger}): ${summary.inserted} share(s) added, ${summary.updated} changed, ${summary.deleted} removed` +
          ` (partner users: ${summary.partner.inserted} added, ${summary.partner.updated} changed, ${summary.partner.deleted} removed)`,
      );
    return summary;
  }

  /** Stops the schedule; resolves once the run going (if any) has settled. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.tail.catch(() => undefined);
  }
}

/**
 * What the plans' lifecycle job, run before a rollup, reports to the header: plans activated and closed, review
 * reminders created, failures; or why the run failed.
 */
export interface AdvanceSummary {
  activated: number;
  closed: number;
  reminders: number;
  failures: number;
  error?: string;
}

/**
 * Runs the plans' lifecycle job once (as the admin, before each rollup: plans go Active and Closed by their
 * dates and get their review reminders), logging what it changed and its failures. A failed run is reported,
 * never thrown, so the rollup still runs.
 */
export async function advanceBeforeRollup(
  run: () => Promise<AdvanceReport>,
  log: (line: string) => void,
): Promise<AdvanceSummary> {
  let report: AdvanceReport;
  try {
    report = await run();
  } catch (error) {
    const message = (error as Error).message ?? String(error);
    log(`Plans advance (before rollup) failed: ${message}`);
    return { activated: 0, closed: 0, reminders: 0, failures: 0, error: message };
  }
  const summary = {
    activated: report.activated.length,
    closed: report.closed.length,
    reminders: report.reminders.created.length,
    failures: report.failures.length,
  };
  if (summary.failures > 0)
    log(`Plans advance (before rollup): ${summary.failures} write(s) failed, the first: ${report.failures[0].message}`);
  if (summary.activated + summary.closed + summary.reminders > 0)
    log(
      `Plans advance (before rollup): ${summary.activated} plan(s) activated, ${summary.closed} closed, ${summary.reminders} review reminder(s) created`,
    );
  return summary;
}
