/**
 * The access job's decision, pure: from the people named on each plan, plan owners, active users and the
 * existing shares of the sharing reason, which shares to insert, which to set back to Read and which to
 * delete. A pair already right is left alone, so a second run changes nothing.
 */
import type { ReasonShare } from './read';
import { ACCESS_LEVEL, type AccessChange, type AccessReport } from './types';

export interface AccessFacts {
  /** Users named accountable on the targets of each plan, by plan Id. */
  people: Map<string, Set<string>>;
  owners: Map<string, string>;
  active: Set<string>;
  shares: ReasonShare[];
}

const pairKey = (planId: string, userId: string): string => `${planId}:${userId}`;

/** The changes that make the shares of the reason match the named people; fills the report's counts. */
export function diffAccess(facts: AccessFacts, report: AccessReport): AccessChange[] {
  const wanted = new Map<string, { planId: string; userId: string }>();
  for (const [planId, users] of facts.people) {
    const owner = facts.owners.get(planId);
    // A plan the running user cannot see (or that is gone) has no owner here: nothing to share.
    if (owner === undefined) continue;
    for (const userId of users) {
      // The owner has full access already, and the platform refuses a share to the owner.
      if (userId === owner) report.skipped.owners++;
      else if (!facts.active.has(userId)) report.skipped.inactive++;
      else wanted.set(pairKey(planId, userId), { planId, userId });
    }
  }
  report.wanted = wanted.size;
  const changes: AccessChange[] = [];
  const kept = new Set<string>();
  for (const share of facts.shares) {
    const key = pairKey(share.ParentId, share.UserOrGroupId);
    const base = { planId: share.ParentId, userId: share.UserOrGroupId, shareId: share.Id };
    if (!wanted.has(key) || kept.has(key)) {
      changes.push({ action: 'delete', ...base });
    } else {
      kept.add(key);
      if (share.AccessLevel === ACCESS_LEVEL) report.unchanged++;
      else changes.push({ action: 'update', ...base });
    }
  }
  for (const [key, pair] of wanted) if (!kept.has(key)) changes.push({ action: 'insert', ...pair });
  return changes;
}
