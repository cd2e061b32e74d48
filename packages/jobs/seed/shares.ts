/**
 * The seed's plan shares: plans are Private, so each of a partner's plans is shared for reading with the AE
 * accountable for its targets and every AE who owns one of the partner's deals. No randomness.
 */
import { planKeyOf, type PartnerProfile, type SeedContext } from './context';
import type { PlanShare } from './records';

export function planShares(ctx: SeedContext, profile: PartnerProfile, aeKeys: Set<string>): PlanShare[] {
  return ctx.fiscalYears.map((fy) => ({
    planKey: planKeyOf(ctx, profile.index, fy),
    userKeys: [...aeKeys].sort(),
  }));
}
