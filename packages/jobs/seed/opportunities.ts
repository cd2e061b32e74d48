/**
 * The seed's opportunities: per partner, from its own opportunity stream (`opps-<n>`), deals in every quarter
 * of the window at the partner's customers, owned mostly by its AE, with log-normal amounts by tier. Deals
 * whose close date has passed are won or lost, more often won the more APR actions they had; a few in the
 * current quarter slipped and are still open. Each deal's actions follow it in the stream. A deal is created
 * (CreatedDate, where the org lets the seed set it: see created.ts) before its first action.
 */
import { addDays, daysBetween } from '../periods';
import type { Random } from '../random';
import { key, winProbability, type PartnerProfile, type SeedContext } from './context';
import { customerName } from './accounts';
import { createdAt } from './created';
import { opportunityActions } from './opportunity-actions';
import { pad, ref, type PartnerChunk, type SeedRecord } from './records';
import { planShares } from './shares';
import { DEAL_SIGMA, MEDIAN_DEAL, OPEN_STAGES, PRODUCTS } from './vocabulary';

/** Later stages for deals closing soon, early stages for deals further out. */
function openStage(rng: Random, daysToClose: number): string {
  const reach = daysToClose < 30 ? [4, 7] : daysToClose < 90 ? [2, 6] : [0, 3];
  return OPEN_STAGES[rng.int(reach[0], reach[1])];
}

/** Opportunities and their actions for one partner, and the shares of its plans. */
export function partnerOpportunities(
  ctx: SeedContext,
  profile: PartnerProfile,
): Pick<PartnerChunk, 'opportunities' | 'actions' | 'planShares'> {
  const { asOf, scale } = ctx;
  const rng = ctx.root.fork(`opps-${profile.index}`);
  // Creation dates draw from a stream of their own: the deals themselves stay as they were without them.
  const born = ctx.root.fork(`opps-created-${profile.index}`);
  const opportunities: SeedRecord[] = [];
  const actions: SeedRecord[] = [];
  // The AE accountable for the plan's targets, and every AE who owns one of the partner's deals.
  const aes = new Set<string>([profile.aeKey]);
  // Deal names seen so far: the customers are this partner's alone, so names are told apart here.
  const seen = new Map<string, number>();
  for (const quarter of ctx.quarters) {
    const count = rng.poisson(scale.opportunitiesPerQuarter);
    for (let n = 0; n < count; n++) {
      const oppKey = key(
        ctx,
        'opp',
        pad(profile.index + 1, 5),
        `${quarter.fiscalYear}q${quarter.quarter}`,
        pad(n + 1, 3),
      );
      const closeDate = addDays(quarter.start, rng.int(0, daysBetween(quarter.start, quarter.end)));
      const customerKey = rng.pick(profile.customerKeys);
      const ownerKey = rng.chance(0.8) ? profile.aeKey : profile.secondAeKey;
      aes.add(ownerKey);
      const amount = Math.max(1000, Math.round(rng.logNormal(MEDIAN_DEAL[profile.tier], DEAL_SIGMA) / 100) * 100);
      const actionCount = rng.poisson(scale.actionsPerOpportunity * profile.intensity);
      // A few deals in the current quarter slip: past their close date but still open, and going stale.
      const slipped = closeDate < asOf && quarter.end >= asOf && rng.chance(0.25);
      const closed = closeDate < asOf && !slipped;
      const won = closed && rng.chance(winProbability(actionCount, profile.intensity, rng.normal() * 0.05));
      const stage = closed ? (won ? 'Closed Won' : 'Closed Lost') : openStage(rng, daysBetween(asOf, closeDate));
      // Opened before its first APR action (actions fall in the 90 days before the close date, or before the
      // as-of day for a deal still open): a sales cycle of three to eight months, about four.
      const lastAction = closeDate < asOf ? closeDate : asOf;
      const opened = addDays(lastAction, -Math.min(240, 90 + Math.round(born.logNormal(20, 0.8))));
      // Field order is draw order: the product name, then the type.
      const product = PRODUCTS[rng.int(0, PRODUCTS.length - 1)];
      // "Customer – Product FY2027 Q1", numbered when the customer has that product twice in a quarter.
      const base = `${customerName(profile.index, profile.customerKeys.indexOf(customerKey))} – ${product} ${ctx.calendar.label(quarter)}`;
      const repeat = (seen.get(base) ?? 0) + 1;
      seen.set(base, repeat);
      opportunities.push({
        sobject: 'Opportunity',
        key: oppKey,
        fields: {
          Name: repeat > 1 ? `${base} (${repeat})` : base,
          AccountId: ref('Account', customerKey),
          Partner_Account__c: ref('Account', profile.key),
          OwnerId: ref('User', ownerKey),
          StageName: stage,
          CloseDate: closeDate,
          Amount: amount,
          Type: rng.chance(0.6) ? 'New Customer' : 'Existing Customer - Upgrade',
          LeadSource: 'Partner Referral',
          CreatedDate: createdAt(born, opened, asOf),
        },
      });
      const acted = { key: oppKey, closeDate, ownerKey, actionCount, closed, won };
      for (const action of opportunityActions(ctx, rng, profile, acted)) actions.push(action);
    }
  }
  return { opportunities, actions, planShares: planShares(ctx, profile, aes) };
}
