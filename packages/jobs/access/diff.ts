/**
 * The access job's decisions, pure. For the people on targets: from the people named on each plan, plan
 * owners, active users and the existing shares of Accountable_On_Target__c, which shares to insert, set back
 * to Read or delete. For the partner: from each plan's status and partner account, the account's role group
 * and the existing shares of Shared_With_Partner__c, the same. A pair already right is left alone, so a second
 * run changes nothing.
 */
import type { PlanFacts, ReasonShare } from './read';
import {
  ACCESS_LEVEL,
  ACCESS_REASON,
  PARTNER_LEVEL_BY_STATUS,
  PARTNER_REASON,
  type AccessChange,
  type AccessReport,
  type ShareLevel,
} from './types';

export interface AccessFacts {
  /** Users named accountable on the targets of each plan, by plan Id. */
  people: Map<string, Set<string>>;
  owners: Map<string, string>;
  active: Set<string>;
  shares: ReasonShare[];
}

export interface PartnerFacts {
  plans: Map<string, PlanFacts>;
  /** The role group of each partner account's Executive partner role, by account Id. */
  groups: Map<string, string>;
  shares: ReasonShare[];
}

interface WantedShare {
  planId: string;
  userId: string;
  accessLevel: ShareLevel;
}

const pairKey = (planId: string, userId: string): string => `${planId}:${userId}`;

/**
 * The changes that make the existing shares of one reason match the wanted ones: an existing share of a
 * wanted pair is kept (its level set right), a second share of the same pair or one of an unwanted pair is
 * deleted, and a wanted pair without a share is inserted.
 */
function reconcile(
  reason: AccessChange['reason'],
  wanted: Map<string, WantedShare>,
  shares: ReasonShare[],
  counts: { unchanged: number },
): AccessChange[] {
  const changes: AccessChange[] = [];
  const kept = new Set<string>();
  for (const share of shares) {
    const key = pairKey(share.ParentId, share.UserOrGroupId);
    const want = wanted.get(key);
    const base = { reason, planId: share.ParentId, userId: share.UserOrGroupId, shareId: share.Id };
    if (!want || kept.has(key)) {
      changes.push({ action: 'delete', ...base });
    } else {
      kept.add(key);
      if (share.AccessLevel === want.accessLevel) counts.unchanged++;
      else changes.push({ action: 'update', ...base, accessLevel: want.accessLevel });
    }
  }
  for (const [key, want] of wanted) if (!kept.has(key)) changes.push({ action: 'insert', reason, ...want });
  return changes;
}

/** The changes that make the shares of Accountable_On_Target__c match the named people; fills the report's counts. */
export function diffAccess(facts: AccessFacts, report: AccessReport): AccessChange[] {
  const wanted = new Map<string, WantedShare>();
  for (const [planId, users] of facts.people) {
    const owner = facts.owners.get(planId);
    // A plan the running user cannot see (or that is gone) has no owner here: nothing to share.
    if (owner === undefined) continue;
    for (const userId of users) {
      // The owner has full access already, and the platform refuses a share to the owner.
      if (userId === owner) report.skipped.owners++;
      else if (!facts.active.has(userId)) report.skipped.inactive++;
      else wanted.set(pairKey(planId, userId), { planId, userId, accessLevel: ACCESS_LEVEL });
    }
  }
  report.wanted = wanted.size;
  return reconcile(ACCESS_REASON, wanted, facts.shares, report);
}

/**
 * The changes that make the shares of Shared_With_Partner__c match the plans' statuses: one share per plan
 * past Draft, to its partner account's role group, at the status's level. A plan whose account has no partner
 * roles yet (no partner user) is skipped and counted, with its account.
 */
export function diffPartnerAccess(facts: PartnerFacts, report: AccessReport): AccessChange[] {
  const partner = report.partner;
  const wanted = new Map<string, WantedShare>();
  const accountsWithoutRoles = new Set<string>();
  for (const [planId, plan] of facts.plans) {
    const accessLevel = plan.status ? PARTNER_LEVEL_BY_STATUS[plan.status] : undefined;
    if (!accessLevel || !plan.accountId) {
      partner.skipped.drafts++;
      continue;
    }
    const group = facts.groups.get(plan.accountId);
    if (!group) {
      accountsWithoutRoles.add(plan.accountId);
      partner.skipped.plansWithoutRoles++;
      continue;
    }
    wanted.set(pairKey(planId, group), { planId, userId: group, accessLevel });
  }
  partner.skipped.accountsWithoutRoles = accountsWithoutRoles.size;
  partner.wanted = wanted.size;
  return reconcile(PARTNER_REASON, wanted, facts.shares, partner);
}
