/**
 * The partner's joint campaigns: per partner, from its own stream (`campaigns-<n>`), campaigns in the quarters
 * of the window (Partner_Account__c the partner, owned by its partner manager) that share the plan's marketing
 * budget; those that have started have an actual cost, some over their budget, and members (the partner's open
 * leads and its people), about a third of whom responded, each added (CreatedDate, where the org lets the seed
 * set it) in the campaign's first ten days.
 */
import { addDays, daysBetween } from '../periods';
import { key, type PartnerProfile, type SeedContext } from './context';
import { createdAt } from './created';
import { pad, ref, type SeedRecord } from './records';
import { CAMPAIGN_KINDS } from './vocabulary';

export interface PartnerCampaigns {
  campaigns: SeedRecord[];
  members: SeedRecord[];
}

/** Share of a campaign's members who respond. */
const RESPONSE_RATE = 0.35;

/**
 * `budget` is the plan's yearly budget (the marketing section gets 40% of it); `audience` the keys of the
 * leads and contacts a campaign may reach (sobject and key).
 */
export function partnerCampaigns(
  ctx: SeedContext,
  profile: PartnerProfile,
  budget: number,
  audience: { sobject: 'Lead' | 'Contact'; key: string }[],
): PartnerCampaigns {
  const rng = ctx.root.fork(`campaigns-${profile.index}`);
  // Members' creation dates draw from a stream of their own: the campaigns stay as they were without them.
  const born = ctx.root.fork(`campaign-members-created-${profile.index}`);
  const { asOf } = ctx;
  const { campaignsPerQuarter, membersPerCampaign } = ctx.scale.programme;
  const campaigns: SeedRecord[] = [];
  const members: SeedRecord[] = [];
  const perCampaignBudget = Math.max(1000, Math.round((budget * 0.4) / (4 * campaignsPerQuarter) / 100) * 100);
  for (const quarter of ctx.quarters) {
    const count = rng.poisson(campaignsPerQuarter);
    for (let n = 0; n < count; n++) {
      const campaignKey = key(
        ctx,
        'campaign',
        pad(profile.index + 1, 5),
        `${quarter.fiscalYear}q${quarter.quarter}`,
        n + 1,
      );
      const kind = rng.weighted(CAMPAIGN_KINDS);
      const start = addDays(quarter.start, rng.int(0, daysBetween(quarter.start, quarter.end) - 14));
      const end = addDays(start, kind === 'Email' || kind === 'Webinar' ? 14 : 30);
      const started = start <= asOf;
      const budgeted = Math.round((perCampaignBudget * (0.7 + rng.next() * 0.6)) / 100) * 100;
      // Actual cost spreads around the budget: most within it, about one in four over.
      const actual = started ? Math.round((budgeted * rng.logNormal(0.92, 0.15)) / 100) * 100 : null;
      campaigns.push({
        sobject: 'Campaign',
        key: campaignKey,
        fields: {
          // The seed finds its campaigns again by name (Campaign has no External_Key__c): the name is unique.
          Name: `${profile.name} ${kind} ${ctx.calendar.label(quarter)}${n > 0 ? ` (${n + 1})` : ''}`,
          Type: kind,
          Status: !started ? 'Planned' : end < asOf ? 'Completed' : 'In Progress',
          StartDate: start,
          EndDate: end,
          IsActive: end >= asOf,
          BudgetedCost: budgeted,
          ActualCost: actual,
          Partner_Account__c: ref('Account', profile.key),
          OwnerId: ref('User', profile.managerKey),
        },
      });
      if (!started || audience.length === 0) continue;
      const reach = Math.min(audience.length, Math.max(1, rng.poisson(membersPerCampaign)));
      const pool = [...audience];
      for (let m = 0; m < reach; m++) {
        const [who] = pool.splice(rng.int(0, pool.length - 1), 1);
        members.push({
          sobject: 'CampaignMember',
          key: `${campaignKey}-member-${pad(m + 1, 3)}`,
          fields: {
            CampaignId: ref('Campaign', campaignKey),
            LeadId: who.sobject === 'Lead' ? ref('Lead', who.key) : null,
            ContactId: who.sobject === 'Contact' ? ref('Contact', who.key) : null,
            Status: rng.chance(RESPONSE_RATE) ? 'Responded' : 'Sent',
            // Added to the campaign in its first ten days.
            CreatedDate: createdAt(born, addDays(start, born.int(0, 10)), asOf),
          },
        });
      }
    }
  }
  return { campaigns, members };
}
