/**
 * The plans' lifecycle job (`npm run plans -- advance`): moves plans along by their dates and keeps their
 * review reminders. Accepted plans whose period has started become Active; Active plans whose period has ended
 * become Closed once a rollup ran after the period end (so the frozen actuals are final); each Accepted or
 * Active plan with a next review date gets its reminder Task for the owner. Idempotent: a second run changes
 * nothing. Reads, decides, then writes only the changes through sObject Collections with the shared retry
 * policy; a dry run writes nothing and reports what it would do.
 */
import type { OrgSession } from '../connection';
import { queryAll } from '../query';
import { norm } from '../rollup/soql';
import { failuresOf, writeRecords, type WriteFailure } from '../writer';
import { syncReminders } from './reminders';
import { addDaysIso } from './year';

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

/** What the job reads of an Accepted or Active plan. */
export interface AdvancePlan {
  id: string;
  name: string;
  status: 'Accepted' | 'Active';
  periodStart: string | null;
  periodEnd: string | null;
  /** The rollup's last stamp on the plan (ISO datetime), or null before any rollup wrote it. */
  lastCalculatedAt: string | null;
  nextReviewDate: string | null;
  ownerId: string;
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

interface PlanRow {
  Id: string;
  Name: string;
  Status__c: 'Accepted' | 'Active';
  Period_Start__c: string | null;
  Period_End__c: string | null;
  Last_Calculated_At__c: string | null;
  Next_Review_Date__c: string | null;
  OwnerId: string;
}

/** The Accepted and Active plans the running user sees (the job runs as an administrator: all of them). */
export async function readAdvancePlans(session: OrgSession): Promise<AdvancePlan[]> {
  const rows = await queryAll<PlanRow>(
    session,
    'SELECT Id, Name, Status__c, Period_Start__c, Period_End__c, Last_Calculated_At__c, Next_Review_Date__c, OwnerId' +
      " FROM Partner_Account_Plan__c WHERE Status__c IN ('Accepted', 'Active') ORDER BY Name, Id",
  );
  return rows.map((r) => ({
    id: norm(r.Id),
    name: r.Name,
    status: r.Status__c,
    periodStart: r.Period_Start__c,
    periodEnd: r.Period_End__c,
    lastCalculatedAt: r.Last_Calculated_At__c,
    nextReviewDate: r.Next_Review_Date__c,
    ownerId: norm(r.OwnerId),
  }));
}

const changeOf = (plan: AdvancePlan, from: string, to: PlanChange['to']): PlanChange => ({
  planId: plan.id,
  name: plan.name,
  from,
  to,
  periodStart: plan.periodStart,
  periodEnd: plan.periodEnd,
});

/**
 * Whether a plan whose period ended may close: a rollup stamped it on or after the day after its period end,
 * so its actuals are the final ones (the rollup leaves Closed plans alone). Null when it may, else why not.
 */
export function closingBlocker(plan: AdvancePlan): string | null {
  if (!plan.periodEnd) return 'no period end';
  const stamped = plan.lastCalculatedAt?.slice(0, 10) ?? null;
  if (stamped && stamped >= addDaysIso(plan.periodEnd, 1)) return null;
  return `waiting for a rollup after the period end (last rollup ${stamped ?? 'never'})`;
}

/**
 * The status changes of a run, pure: Accepted plans whose period has started go Active; Active plans (and those
 * just activated) whose period ended before `asOf` go Closed when closingBlocker allows, else are skipped.
 */
export function planStatusChanges(
  plans: AdvancePlan[],
  asOf: string,
): { activate: PlanChange[]; close: PlanChange[]; skipped: AdvanceReport['skipped'] } {
  const activate: PlanChange[] = [];
  const close: PlanChange[] = [];
  const skipped: AdvanceReport['skipped'] = [];
  for (const plan of plans) {
    let status: string = plan.status;
    if (status === 'Accepted' && plan.periodStart && plan.periodStart <= asOf) {
      activate.push(changeOf(plan, status, 'Active'));
      status = 'Active';
    }
    if (status !== 'Active' || !plan.periodEnd || plan.periodEnd >= asOf) continue;
    const blocker = closingBlocker(plan);
    if (blocker) skipped.push({ planId: plan.id, name: plan.name, reason: blocker });
    else close.push(changeOf(plan, 'Active', 'Closed'));
  }
  return { activate, close, skipped };
}

/** Writes status changes; returns those the org took and reports each refusal with its code and message. */
async function writeStatuses(
  session: OrgSession,
  changes: PlanChange[],
  report: AdvanceReport,
  onStep?: AdvanceOptions['onStep'],
): Promise<PlanChange[]> {
  if (changes.length === 0) return [];
  onStep?.(`${changes[0].to === 'Active' ? 'activate' : 'close'} plans`, changes.length);
  const records: Record<string, unknown>[] = changes.map((c) => ({ Id: c.planId, Status__c: c.to }));
  const outcomes = await writeRecords(session, { sobject: 'Partner_Account_Plan__c', operation: 'update', records });
  const labels = new Map(records.map((record, i) => [record, `plan ${changes[i].name} (${changes[i].planId})`]));
  report.failures.push(...failuresOf('Partner_Account_Plan__c', records, outcomes, (r) => labels.get(r) ?? ''));
  return changes.filter((_, i) => outcomes[i].success);
}

/**
 * Activates and closes plans by their dates as of `options.asOf` (default today, UTC), then creates the missing
 * review reminders of the plans still Accepted or Active. Runs as an administrator (it reads every plan and
 * writes Tasks for their owners). A dry run writes nothing and reports what it would do.
 */
export async function runPlanAdvance(session: OrgSession, options: AdvanceOptions = {}): Promise<AdvanceReport> {
  const asOf = options.asOf ?? new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new Error(`asOf must be a date like 2027-01-01, not "${asOf}"`);
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
  options.onStep?.('read plans');
  const plans = await readAdvancePlans(session);
  const { activate, close, skipped } = planStatusChanges(plans, asOf);
  report.skipped.push(...skipped);
  if (report.dryRun) {
    report.activated = activate;
    report.closed = close;
  } else {
    report.activated = await writeStatuses(session, activate, report, options.onStep);
    // A plan closes only from Active: one whose activation the org refused stays as it was.
    const active = new Set(report.activated.map((c) => c.planId));
    const closable = close.filter((c) => !activate.some((a) => a.planId === c.planId) || active.has(c.planId));
    report.closed = await writeStatuses(session, closable, report, options.onStep);
  }
  const closed = new Set(report.closed.map((c) => c.planId));
  await syncReminders(
    session,
    plans.filter((p) => !closed.has(p.id)),
    report,
    options.onStep,
  );
  report.apiRequests = session.requestCount() - before;
  return report;
}

/** The human summary of a run, one line each (the first 20 skipped plans and failures named). */
export function advanceSummaryLines(report: AdvanceReport): string[] {
  const would = report.dryRun ? 'would be ' : '';
  const lines = [
    `Advanced plans as of ${report.asOf}${report.dryRun ? ' (dry run: nothing written)' : ''}.`,
    `Plans: ${report.activated.length} ${would}activated, ${report.closed.length} ${would}closed, ${report.skipped.length} skipped.`,
    ...report.activated.map((c) => `  ${would}activated ${c.name} (${c.planId}): period from ${c.periodStart}`),
    ...report.closed.map((c) => `  ${would}closed ${c.name} (${c.planId}): period ended ${c.periodEnd}`),
    ...report.skipped.slice(0, 20).map((s) => `  skipped ${s.name} (${s.planId}): ${s.reason}`),
  ];
  if (report.skipped.length > 20)
    lines.push(`  ... and ${report.skipped.length - 20} more skipped (use --json for all).`);
  lines.push(
    `Review reminders: ${report.reminders.created.length} ${would}created, ${report.reminders.existing} already there.`,
    ...report.notes.map((note) => `note: ${note}`),
    ...report.failures
      .slice(0, 20)
      .map(
        (f) =>
          `  FAILED ${f.sobject} ${f.record}: ${f.errorCode} ${f.message}${f.fields.length ? ` [${f.fields.join(', ')}]` : ''}`,
      ),
  );
  if (report.failures.length > 20)
    lines.push(`  ... and ${report.failures.length - 20} more failures (use --json for all).`);
  return lines;
}
