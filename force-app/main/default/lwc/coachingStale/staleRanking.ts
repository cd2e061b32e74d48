/**
 * Stale deals in the order a coach works them: the largest amount first (a deal without an amount last),
 * then the soonest close date, then by name; each with its days without an APR action.
 */
import type { StaleDeal } from 'c/planData';
import { daysBetween } from 'c/planInsights';

export interface RankedDeal extends StaleDeal {
  /** Days since the last APR action; null when the deal never had one. */
  daysIdle: number | null;
}

function compare(a: StaleDeal, b: StaleDeal): number {
  if (a.amount !== b.amount) {
    if (a.amount === null) return 1;
    if (b.amount === null) return -1;
    return b.amount - a.amount;
  }
  if (a.closeDate !== b.closeDate) {
    if (a.closeDate === null) return 1;
    if (b.closeDate === null) return -1;
    return a.closeDate.localeCompare(b.closeDate);
  }
  return a.name.localeCompare(b.name);
}

export function rankStaleDeals(deals: StaleDeal[], today: string): RankedDeal[] {
  return [...deals].sort(compare).map((d) => ({
    ...d,
    daysIdle: d.lastAprActionDate ? daysBetween(d.lastAprActionDate, today) : null,
  }));
}
