/**
 * The partner's sourced leads: per partner, from its own stream (`leads-<n>`), the leads the partner referred
 * in the current fiscal year to date (LeadSource 'Partner Referral', PartnerAccountId the partner), owned by
 * its AE, about a third of them converted into a contact at one of the partner's customers. A lead is created
 * (CreatedDate, where the org lets the seed set it) on a day of its quarter; conversion happens through the
 * API's convertLead, which dates it the day of the load, so a converted lead was referred a few days to six
 * weeks before: the days to convert read as a real conversion would.
 */
import { addDays, daysBetween } from '../periods';
import { key, person, type PartnerProfile, type SeedContext } from './context';
import { createdAt } from './created';
import { pad, ref, type LeadConversion, type SeedRecord } from './records';
import { CUSTOMER_SUFFIXES, CUSTOMER_WORDS, INDUSTRIES } from './vocabulary';

export interface PartnerLeads {
  leads: SeedRecord[];
  conversions: LeadConversion[];
}

/** Share of referred leads that become customers' contacts. */
const CONVERSION_RATE = 0.35;

export function partnerLeads(ctx: SeedContext, profile: PartnerProfile): PartnerLeads {
  const rng = ctx.root.fork(`leads-${profile.index}`);
  // Creation dates draw from a stream of their own: the leads themselves stay as they were without them.
  const born = ctx.root.fork(`leads-created-${profile.index}`);
  const leads: SeedRecord[] = [];
  const conversions: LeadConversion[] = [];
  const started = ctx.quarters.filter((q) => q.fiscalYear === ctx.currentFiscalYear && q.start <= ctx.asOf);
  const perQuarter = ctx.scale.programme.leadsPerQuarter * Math.sqrt(profile.intensity);
  for (const quarter of started) {
    const count = rng.poisson(perQuarter);
    for (let n = 0; n < count; n++) {
      const leadKey = key(ctx, 'lead', pad(profile.index + 1, 5), `q${quarter.quarter}`, pad(n + 1, 3));
      const who = person(20_000 + profile.index * 37 + quarter.quarter * 7 + n);
      const company = `${rng.pick(CUSTOMER_WORDS)} ${rng.pick(CUSTOMER_SUFFIXES)}`;
      const converted = rng.chance(CONVERSION_RATE);
      // The partner's AE works its referrals (and is accountable for the lead targets).
      const ownerKey = profile.aeKey;
      const lastDay = quarter.end < ctx.asOf ? quarter.end : ctx.asOf;
      const referred = converted
        ? addDays(ctx.asOf, -born.int(3, 42))
        : addDays(quarter.start, born.int(0, daysBetween(quarter.start, lastDay)));
      leads.push({
        sobject: 'Lead',
        key: leadKey,
        fields: {
          FirstName: who.firstName,
          LastName: who.lastName,
          Company: company,
          Title: rng.pick(['IT Director', 'CIO', 'Head of Operations', 'CFO', 'Procurement Manager']),
          // The seed finds its leads again by email (Lead has no External_Key__c): the key is in it.
          Email: `${leadKey}@${company.toLowerCase().replace(/[^a-z0-9]+/g, '')}.example`,
          Industry: rng.pick(INDUSTRIES),
          LeadSource: 'Partner Referral',
          Status: converted ? 'Working - Contacted' : rng.pick(['Open - Not Contacted', 'Working - Contacted']),
          PartnerAccountId: ref('Account', profile.key),
          OwnerId: ref('User', ownerKey),
          CreatedDate: createdAt(born, referred, ctx.asOf),
        },
      });
      if (converted) conversions.push({ leadKey, accountKey: rng.pick(profile.customerKeys), ownerKey });
    }
  }
  return { leads, conversions };
}
