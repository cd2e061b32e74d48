/**
 * What the access job reads, each through the retried query helpers: that the org has the plan share object
 * with the job's sharing reasons; the people named accountable on each plan's targets (one aggregate query per
 * 2000 plan and person groups, never a query per target); plans (owner, partner account, status); which named
 * users are active; the partner accounts' role groups (UserRole and Group, as in any org with partner users);
 * and the existing shares of the two reasons. Nothing else of the share object is read: Owner, Manual and
 * other reasons' rows are not the job's.
 */
import type { OrgSession } from '../connection';
import { aggregateAll, queryAll, queryIn } from '../query';
import { withRetry } from '../retry';
import { idLiteral, norm } from '../rollup/soql';
import { ACCESS_REASON, AccessSetupError, PARTNER_REASON, PLAN_OBJECT, PLAN_SHARE_OBJECT } from './types';

/**
 * Fails with what to do when the org has no plan share object or not the job's first sharing reason; says
 * whether it has the partner reason (an org on an older deploy lacks it: the partner shares are then skipped).
 */
export async function checkShareObject(session: OrgSession): Promise<{ partnerReason: boolean }> {
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
  return { partnerReason: rowCause.picklistValues.some((v) => v.value === PARTNER_REASON) };
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

/** What the job needs of a plan: its owner, partner account and status. */
export interface PlanFacts {
  ownerId: string;
  accountId: string | null;
  status: string | null;
}

/** Every plan the running user sees, by plan Id. */
export async function readPlans(session: OrgSession): Promise<Map<string, PlanFacts>> {
  const plans = await queryAll<{
    Id: string;
    OwnerId: string;
    Partner_Account__c: string | null;
    Status__c: string | null;
  }>(session, `SELECT Id, OwnerId, Partner_Account__c, Status__c FROM ${PLAN_OBJECT}`);
  return new Map(
    plans.map((p) => [
      norm(p.Id),
      {
        ownerId: norm(p.OwnerId),
        accountId: p.Partner_Account__c ? norm(p.Partner_Account__c) : null,
        status: p.Status__c,
      },
    ]),
  );
}

/**
 * The `RoleAndSubordinates` group of each partner account's Executive partner role, by account Id: sharing
 * with it reaches every partner user of the account (Executive, Manager and User roles lie under it). Null
 * where the org has no partner roles at all (UserRole without PortalAccountId: partner users not enabled).
 */
export async function readPartnerGroups(session: OrgSession): Promise<Map<string, string> | null> {
  const describe = await withRetry(() => session.conn.sobject('UserRole').describe());
  if (!describe.fields.some((f) => f.name === 'PortalAccountId')) return null;
  const roles = await queryAll<{ Id: string; PortalAccountId: string }>(
    session,
    "SELECT Id, PortalAccountId FROM UserRole WHERE PortalType = 'Partner' AND PortalRole = 'Executive'",
  );
  const accountOfRole = new Map(roles.map((r) => [norm(r.Id), norm(r.PortalAccountId)]));
  const groups = await queryIn<{ Id: string; RelatedId: string; Type: string }>(
    session,
    'SELECT Id, RelatedId, Type FROM Group',
    'RelatedId',
    [...accountOfRole.keys()],
  );
  const byAccount = new Map<string, string>();
  for (const group of groups) {
    const account = accountOfRole.get(norm(group.RelatedId));
    if (group.Type === 'RoleAndSubordinates' && account) byAccount.set(account, norm(group.Id));
  }
  return byAccount;
}

/** The active users among `ids`. */
export async function readActiveUsers(session: OrgSession, ids: string[]): Promise<Set<string>> {
  const users = await queryIn<{ Id: string; IsActive: boolean }>(session, 'SELECT Id, IsActive FROM User', 'Id', ids);
  return new Set(users.filter((u) => u.IsActive).map((u) => norm(u.Id)));
}

/** A live share of one of the job's sharing reasons. */
export interface ReasonShare {
  Id: string;
  ParentId: string;
  UserOrGroupId: string;
  AccessLevel: string;
}

/** The existing shares of one of the job's sharing reasons, and no other rows of the share object. */
export async function readReasonShares(
  session: OrgSession,
  reason: typeof ACCESS_REASON | typeof PARTNER_REASON,
): Promise<ReasonShare[]> {
  const shares = await queryAll<ReasonShare>(
    session,
    `SELECT Id, ParentId, UserOrGroupId, AccessLevel FROM ${PLAN_SHARE_OBJECT} WHERE RowCause = '${reason}'`,
  );
  return shares.map((s) => ({
    ...s,
    Id: norm(s.Id),
    ParentId: norm(s.ParentId),
    UserOrGroupId: norm(s.UserOrGroupId),
  }));
}
