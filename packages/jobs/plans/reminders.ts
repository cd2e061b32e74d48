/**
 * The review reminders of the advance job: for each Accepted or Active plan with a next review date on or after
 * the run's day, one Task for the plan's owner (reviewReminder of c/planYear: due a week before the review, its
 * Subject naming the review's date). A Task with the plan as WhatId and that Subject means the reminder is
 * there, so a second run creates nothing; a reminder the owner deleted is created again.
 */
import type { OrgSession } from '../connection';
import { queryAll, soqlString } from '../query';
import { idList, norm } from '../rollup/soql';
import { failuresOf, writeRecords } from '../writer';
import { reviewReminder } from './year';
import type { AdvancePlan, AdvanceReport, ReminderChange } from './advance';

/** The Subjects of reminder Tasks (reviewReminder's subject starts so). */
export const REMINDER_SUBJECT_LIKE = 'QBR reminder:%';

/** How many Ids one query names (the query travels in the URL, whose length the API limits). */
const CHUNK = 100;

/** The existing reminder Tasks of the plans, as `planId|Subject` keys. */
export async function readReminderKeys(session: OrgSession, planIds: string[]): Promise<Set<string>> {
  const keys = new Set<string>();
  for (let i = 0; i < planIds.length; i += CHUNK) {
    const tasks = await queryAll<{ WhatId: string; Subject: string | null }>(
      session,
      `SELECT WhatId, Subject FROM Task WHERE WhatId IN (${idList(planIds.slice(i, i + CHUNK))})` +
        ` AND Subject LIKE ${soqlString(REMINDER_SUBJECT_LIKE)}`,
    );
    for (const task of tasks) keys.add(`${norm(task.WhatId)}|${task.Subject ?? ''}`);
  }
  return keys;
}

/** The active users among `ids`. */
export async function readActiveUserIds(session: OrgSession, ids: string[]): Promise<Set<string>> {
  const active = new Set<string>();
  const users = ids.filter((id) => id.startsWith('005'));
  for (let i = 0; i < users.length; i += CHUNK) {
    const rows = await queryAll<{ Id: string; IsActive: boolean }>(
      session,
      `SELECT Id, IsActive FROM User WHERE Id IN (${idList(users.slice(i, i + CHUNK))})`,
    );
    for (const row of rows) if (row.IsActive) active.add(norm(row.Id));
  }
  return active;
}

/** The reminder of each plan that has a next review on or after `asOf`, for the plan's owner. */
export function wantedReminders(plans: AdvancePlan[], asOf: string): ReminderChange[] {
  const wanted: ReminderChange[] = [];
  for (const plan of plans) {
    if (!plan.nextReviewDate || plan.nextReviewDate < asOf) continue;
    const { subject, activityDate } = reviewReminder(plan.nextReviewDate, asOf);
    wanted.push({
      planId: plan.id,
      name: plan.name,
      ownerId: plan.ownerId,
      reviewDate: plan.nextReviewDate,
      subject,
      activityDate,
    });
  }
  return wanted;
}

/** The Task of a reminder: the plan's owner prepares the review. */
export const reminderTask = (r: ReminderChange): Record<string, unknown> => ({
  WhatId: r.planId,
  OwnerId: r.ownerId,
  Subject: r.subject,
  ActivityDate: r.activityDate,
  Status: 'Not Started',
  Priority: 'Normal',
  Description: `The quarterly business review of the plan "${r.name}" is on ${r.reviewDate}: prepare its QBR (Prepare QBR on the plan) before then.`,
});

/**
 * Creates the missing reminders of `plans` (those in Accepted or Active after the run's status changes):
 * counts the existing ones, skips plans whose owner is not an active user, and reports each created (or, in a
 * dry run, wanted) Task and each failure.
 */
export async function syncReminders(
  session: OrgSession,
  plans: AdvancePlan[],
  report: AdvanceReport,
  onStep?: (step: string, total?: number) => void,
): Promise<void> {
  const wanted = wantedReminders(plans, report.asOf);
  if (wanted.length === 0) return;
  onStep?.('read review reminders', wanted.length);
  const existing = await readReminderKeys(
    session,
    wanted.map((r) => r.planId),
  );
  const active = await readActiveUserIds(session, [...new Set(wanted.map((r) => r.ownerId))]);
  const missing: ReminderChange[] = [];
  for (const reminder of wanted) {
    if (existing.has(`${reminder.planId}|${reminder.subject}`)) report.reminders.existing++;
    else if (!active.has(reminder.ownerId))
      report.skipped.push({
        planId: reminder.planId,
        name: reminder.name,
        reason: `no review reminder: the owner ${reminder.ownerId} is not an active user`,
      });
    else missing.push(reminder);
  }
  if (report.dryRun || missing.length === 0) {
    report.reminders.created.push(...missing);
    return;
  }
  onStep?.('create review reminders', missing.length);
  const records = missing.map(reminderTask);
  const outcomes = await writeRecords(session, { sobject: 'Task', operation: 'create', records });
  outcomes.forEach((outcome, i) => {
    if (outcome.success) report.reminders.created.push({ ...missing[i], taskId: outcome.id });
  });
  const labels = new Map(
    records.map((record, i) => [record, `reminder of plan ${missing[i].name} (${missing[i].planId})`]),
  );
  report.failures.push(...failuresOf('Task', records, outcomes, (r) => labels.get(r) ?? ''));
}
