/**
 * What the access job reads, each through the retried query helpers: that the org has the plan share object
 * with the job's sharing reason; the people named accountable on each plan's targets (one aggregate query per
 * 2000 plan and person groups, never a query per target); plan owners; which named users are active; and the
 * existing shares of the reason. Nothing else of the share object is read: Owner, Manual and other reasons'
 * rows are not the job's.
 */
import type { OrgSession } from '../connection';
import { aggregateAll, queryAll, queryIn } from '../query';
import { withRetry } from '../retry';
import { idLiteral, norm } from '../rollup/soql';
import { ACCESS_REASON, AccessSetupError, PLAN_OBJECT, PLAN_SHARE_OBJECT } from './types';

/** Fails with what to do when the org has no plan share object or not the job's sharing reason. */
export async function checkShareObject(session: OrgSession): Promise<void> {
  const global = await withRetry(() => session.conn.describeGlobal());
  if (!global.sobjects.some((s) => s.name === PLAN_SHARE_OBJECT)) {
    throw new AccessSetupError(
      `This org has no ${PLAN_SHARE_OBJECT}: plans are not Private there (or the running user cannot read them), so there is no access to keep in sync.`,
    );
  }
  const describe = await withRetry(() => session.conn.sobject(PLAN_SHARE_OBJECT).describe());
  const rowCause = describe.fields.find((f) => f.name === 'RowCause');
  if (!rowCause?.picklistValues?.some((v) => v.value === ACCESS_REASON)) {
    throw new AccessSetupError(
      `${PLAN_SHARE_OBJECT} has no sharing reason ${ACCESS_REASON}: deploy force-app (objects/${PLAN_OBJECT}/sharingReasons) to this org first.`,
    );
  }
}

/** The users named accountable (AE or partner manager) on any target of each plan, by plan Id. */
export async function readNamedPeople(session: OrgSession): Promise<Map<string, Set<string>>> {
  const plan = 'Plan_Section__r.Partner_Account_Plan__c';
  const { rows } = await aggregateAll<{ planId: string; ae: string | null; pm: string | null }>(
    session,
    'planId',
    (cursor) =>
      `SELECT ${plan} planId, Accountable_AE__c ae, Accountable_Partner_Manager__c pm FROM Plan_Target__c` +
      ` WHERE (Accountable_AE__c != null OR Accountable_Partner_Manager__c != null)` +
      `${cursor ? ` AND ${plan} >= ${idLiteral(cursor)}` : ''}` +
      ` GROUP BY ${plan}, Accountable_AE__c, Accountable_Partner_Manager__c ORDER BY ${plan} LIMIT 2000`,
  );
  const people = new Map<string, Set<string>>();
  for (const row of rows) {
    const named = people.get(norm(row.planId)) ?? new Set<string>();
    for (const user of [row.ae, row.pm]) if (user) named.add(norm(user));
    people.set(norm(row.planId), named);
  }
  return people;
}

/** Every plan's owner, by plan Id. */
export async function readPlanOwners(session: OrgSession): Promise<Map<string, string>> {
  const plans = await queryAll<{ Id: string; OwnerId: string }>(session, `SELECT Id, OwnerId FROM ${PLAN_OBJECT}`);
  return new Map(plans.map((p) => [norm(p.Id), norm(p.OwnerId)]));
}

/** The active users among `ids`. */
export async function readActiveUsers(session: OrgSession, ids: string[]): Promise<Set<string>> {
  const users = await queryIn<{ Id: string; IsActive: boolean }>(session, 'SELECT Id, IsActive FROM User', 'Id', ids);
  return new Set(users.filter((u) => u.IsActive).map((u) => norm(u.Id)));
}

/** A live share of the job's sharing reason. */
export interface ReasonShare {
  Id: string;
  ParentId: string;
  UserOrGroupId: string;
  AccessLevel: string;
}

/** The existing shares of the job's sharing reason, and no other rows of the share object. */
export async function readReasonShares(session: OrgSession): Promise<ReasonShare[]> {
  const shares = await queryAll<ReasonShare>(
    session,
    `SELECT Id, ParentId, UserOrGroupId, AccessLevel FROM ${PLAN_SHARE_OBJECT} WHERE RowCause = '${ACCESS_REASON}'`,
  );
  return shares.map((s) => ({
    ...s,
    Id: norm(s.Id),
    ParentId: norm(s.ParentId),
    UserOrGroupId: norm(s.UserOrGroupId),
  }));
}
