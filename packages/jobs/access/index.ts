/**
 * Plan access for the people on the plan, without Apex: every user named accountable (AE or partner manager)
 * on a target of a plan reads the plan, and through it its sections and targets (master-detail children,
 * controlled by parent), by a `Partner_Account_Plan__Share` row of the sharing reason
 * `Accountable_On_Target__c`; a user no longer named loses that share. Owners and the role hierarchy work as
 * usual, and shares of the reason survive owner changes, unlike Manual ones.
 *
 * A run reads (read.ts), decides (diff.ts, pure) and writes only the changes through sObject Collections with
 * the shared retry policy: inserts, then access levels set back to Read, then deletes of stale shares. It never
 * touches Owner, Manual or other reasons' rows. The platform lets only users with Modify All Data write shares
 * of a sharing reason, so it runs as an administrator.
 */
import type { OrgSession } from '../connection';
import { failuresOf, writeRecords, type WriteOperation } from '../writer';
import { diffAccess } from './diff';
import { checkShareObject, readActiveUsers, readNamedPeople, readPlanOwners, readReasonShares } from './read';
import {
  ACCESS_LEVEL,
  ACCESS_REASON,
  emptyAccessReport,
  PLAN_SHARE_OBJECT,
  type AccessChange,
  type AccessOptions,
  type AccessReport,
} from './types';

export {
  ACCESS_REASON,
  AccessSetupError,
  PLAN_SHARE_OBJECT,
  type AccessChange,
  type AccessOptions,
  type AccessReport,
} from './types';

/** The note a run adds when the org refused the running user shares of the reason. */
export const MODIFY_ALL_DATA_NOTE =
  'Shares of a sharing reason need Modify All Data: run the access sync as an administrator (System Administrator profile).';

const RECORD_OF: Record<AccessChange['action'], (change: AccessChange) => Record<string, unknown>> = {
  insert: (c) => ({ ParentId: c.planId, UserOrGroupId: c.userId, AccessLevel: ACCESS_LEVEL, RowCause: ACCESS_REASON }),
  update: (c) => ({ Id: c.shareId, AccessLevel: ACCESS_LEVEL }),
  delete: (c) => ({ Id: c.shareId }),
};
const OPERATION_OF: Record<AccessChange['action'], WriteOperation> = {
  insert: 'create',
  update: 'update',
  delete: 'delete',
};
const COUNT_OF = { insert: 'inserted', update: 'updated', delete: 'deleted' } as const;

/** Writes one kind of change; counts the successes and reports each failure with its plan and user. */
async function apply(
  session: OrgSession,
  action: AccessChange['action'],
  changes: AccessChange[],
  options: AccessOptions,
  report: AccessReport,
): Promise<void> {
  if (changes.length === 0) return;
  const records = changes.map(RECORD_OF[action]);
  const bar = options.onStep?.(`${action} ${PLAN_SHARE_OBJECT}`, records.length);
  const outcomes = await writeRecords(session, {
    sobject: PLAN_SHARE_OBJECT,
    operation: OPERATION_OF[action],
    records,
    policy: options.policy,
    onProgress: bar?.tick,
  });
  bar?.done();
  report[COUNT_OF[action]] += outcomes.filter((o) => o.success).length;
  const labels = new Map(records.map((record, i) => [record, `plan ${changes[i].planId} user ${changes[i].userId}`]));
  report.failures.push(...failuresOf(PLAN_SHARE_OBJECT, records, outcomes, (r) => labels.get(r) ?? ''));
}

/** Brings the shares of the reason in line with the people named on each plan's targets. */
export async function runAccessSync(session: OrgSession, options: AccessOptions = {}): Promise<AccessReport> {
  const report = emptyAccessReport(options.dryRun ?? false);
  await checkShareObject(session);
  const people = await readNamedPeople(session);
  const owners = await readPlanOwners(session);
  const named = [...new Set([...people.values()].flatMap((users) => [...users]))];
  const active = await readActiveUsers(session, named);
  const shares = await readReasonShares(session);
  report.read = { plans: owners.size, plansWithPeople: people.size, people: named.length, shares: shares.length };
  report.changes = diffAccess({ people, owners, active, shares }, report);
  if (report.dryRun) return report;
  for (const action of ['insert', 'update', 'delete'] as const) {
    await apply(
      session,
      action,
      report.changes.filter((c) => c.action === action),
      options,
      report,
    );
  }
  if (report.failures.some((f) => f.errorCode === 'INSUFFICIENT_ACCESS_OR_READONLY'))
    report.notes.push(MODIFY_ALL_DATA_NOTE);
  return report;
}
