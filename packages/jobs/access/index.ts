/**
 * Plan access for the people on the plan and for the partner, without Apex: every user named accountable (AE
 * or partner manager) on a target of a plan reads the plan, and through it its sections and targets
 * (master-detail children, controlled by parent), by a `Partner_Account_Plan__Share` row of the sharing reason
 * `Accountable_On_Target__c`; a user no longer named loses that share. The partner account's users get the
 * plan by one row of `Shared_With_Partner__c` to the role group of the account's Executive partner role: Edit
 * while the plan is in Partner Review, Read once Accepted, Active, In Revision or Closed, none while it is a
 * Draft. Owners and the role hierarchy work as usual, and shares of a reason survive owner changes, unlike
 * Manual ones.
 *
 * A run reads (read.ts), decides (diff.ts, pure) and writes only the changes through sObject Collections with
 * the shared retry policy: inserts, then access levels set back to Read, then deletes of stale shares. It never
 * touches Owner, Manual or other reasons' rows. The platform lets only users with Modify All Data write shares
 * of a sharing reason, so it runs as an administrator. It also keeps each active internal user's planning role
 * (User.Partner_Planning_Role__c) in line with their permission sets (roles.ts).
 */
import type { OrgSession } from '../connection';
import { failuresOf, writeRecords, type WriteOperation } from '../writer';
import { diffAccess, diffPartnerAccess } from './diff';
import {
  checkShareObject,
  readActiveUsers,
  readNamedPeople,
  readPartnerGroups,
  readPlans,
  readReasonShares,
} from './read';
import { syncPlanningRoles } from './roles';
import {
  ACCESS_REASON,
  emptyAccessReport,
  PARTNER_REASON,
  PLAN_SHARE_OBJECT,
  type AccessChange,
  type AccessOptions,
  type AccessReport,
} from './types';

export {
  ACCESS_REASON,
  AccessSetupError,
  PARTNER_LEVEL_BY_STATUS,
  PARTNER_REASON,
  PLAN_SHARE_OBJECT,
  type AccessChange,
  type AccessOptions,
  type AccessReport,
  type PartnerAccessReport,
  type RoleChange,
  type RoleSyncReport,
} from './types';
export { NO_ROLE_FIELD_NOTE, ROLE_FIELD, roleOf } from './roles';

/** The note a run adds when the org refused the running user shares of the reason. */
export const MODIFY_ALL_DATA_NOTE =
  'Shares of a sharing reason need Modify All Data: run the access sync as an administrator (System Administrator profile).';

/** The notes of an org that cannot take partner shares: the partner part of the run is skipped. */
export const NO_PARTNER_REASON_NOTE = `${PLAN_SHARE_OBJECT} has no sharing reason ${PARTNER_REASON}: plans were not shared with partners (deploy force-app to this org).`;
export const NO_PARTNER_ROLES_NOTE =
  'This org has no partner roles (UserRole without PortalAccountId: partner users are not enabled): plans were not shared with partners.';

const RECORD_OF: Record<AccessChange['action'], (change: AccessChange) => Record<string, unknown>> = {
  insert: (c) => ({ ParentId: c.planId, UserOrGroupId: c.userId, AccessLevel: c.accessLevel, RowCause: c.reason }),
  update: (c) => ({ Id: c.shareId, AccessLevel: c.accessLevel }),
  delete: (c) => ({ Id: c.shareId }),
};
const OPERATION_OF: Record<AccessChange['action'], WriteOperation> = {
  insert: 'create',
  update: 'update',
  delete: 'delete',
};
const COUNT_OF = { insert: 'inserted', update: 'updated', delete: 'deleted' } as const;

/** How a failure names its share: the plan and the user, or the plan and the partner's role group. */
const labelOf = (c: AccessChange): string =>
  `plan ${c.planId} ${c.reason === PARTNER_REASON ? 'partner group' : 'user'} ${c.userId}`;

/** Writes one kind of change; counts the successes (by reason) and reports each failure with its share. */
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
  outcomes.forEach((outcome, i) => {
    if (outcome.success) (changes[i].reason === PARTNER_REASON ? report.partner : report)[COUNT_OF[action]]++;
  });
  const labels = new Map(records.map((record, i) => [record, labelOf(changes[i])]));
  report.failures.push(...failuresOf(PLAN_SHARE_OBJECT, records, outcomes, (r) => labels.get(r) ?? ''));
}

/** The partner shares' changes, or none (with a note) where the org cannot take them. */
async function partnerChanges(
  session: OrgSession,
  plans: Awaited<ReturnType<typeof readPlans>>,
  hasReason: boolean,
  report: AccessReport,
): Promise<AccessChange[]> {
  if (!hasReason) {
    report.notes.push(NO_PARTNER_REASON_NOTE);
    return [];
  }
  const groups = await readPartnerGroups(session);
  if (!groups) {
    report.notes.push(NO_PARTNER_ROLES_NOTE);
    return [];
  }
  const shares = await readReasonShares(session, PARTNER_REASON);
  report.partner.enabled = true;
  report.partner.shares = shares.length;
  return diffPartnerAccess({ plans, groups, shares }, report);
}

/**
 * Brings the shares of both reasons in line: the people named on each plan's targets, and each plan's partner
 * by its status.
 */
export async function runAccessSync(session: OrgSession, options: AccessOptions = {}): Promise<AccessReport> {
  const report = emptyAccessReport(options.dryRun ?? false);
  const { partnerReason } = await checkShareObject(session);
  const people = await readNamedPeople(session);
  const plans = await readPlans(session);
  const owners = new Map([...plans].map(([id, plan]) => [id, plan.ownerId]));
  const named = [...new Set([...people.values()].flatMap((users) => [...users]))];
  const active = await readActiveUsers(session, named);
  const shares = await readReasonShares(session, ACCESS_REASON);
  report.read = { plans: plans.size, plansWithPeople: people.size, people: named.length, shares: shares.length };
  report.changes = [
    ...diffAccess({ people, owners, active, shares }, report),
    ...(await partnerChanges(session, plans, partnerReason, report)),
  ];
  if (report.dryRun) {
    await syncPlanningRoles(session, options, report);
    return report;
  }
  for (const action of ['insert', 'update', 'delete'] as const) {
    await apply(
      session,
      action,
      report.changes.filter((c) => c.action === action),
      options,
      report,
    );
  }
  await syncPlanningRoles(session, options, report);
  if (report.failures.some((f) => f.errorCode === 'INSUFFICIENT_ACCESS_OR_READONLY'))
    report.notes.push(MODIFY_ALL_DATA_NOTE);
  return report;
}
