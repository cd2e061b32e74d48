/**
 * The deterministic partner-planning dataset: users, partner and customer accounts, contacts, a plan per
 * partner per fiscal year with the standard sections and quarterly targets, opportunities across the last
 * four quarters and the next two, and APR actions that correlate with outcomes (pairs that act more win
 * more, with noise). Pure: it writes nothing; records reference each other by external key.
 *
 * One generator per record type works over a shared context (context.ts): users and teams (users.ts),
 * accounts and contacts (accounts.ts), plans (plans.ts) with their sections (sections.ts), targets
 * (targets.ts) and partner-level APR actions (partner-actions.ts), then per chunk of partners the
 * opportunities (opportunities.ts), their APR actions (opportunity-actions.ts), the plan shares
 * (shares.ts) and the partner programme (programme.ts: people and credentials, leads, campaigns, activities,
 * line items over the product catalog of line-items.ts, funds); last the partner users (partner-users.ts) and the
 * comments on plans the partner sees (comments.ts). Each per-partner generator draws from its own labelled random stream, so the same seed gives
 * the same data however partners are chunked (test/scripts/seed-golden.test.ts holds the sequence).
 */
import { createContext } from './context';
import { generatePartners } from './accounts';
import { partnerOpportunities } from './opportunities';
import { productCatalog } from './line-items';
import { generatePlans } from './plans';
import { partnerProgramme, programmeLevels } from './programme';
import type { PartnerChunk, SeedDataset, SeedOptions, SeedRecord } from './records';
import { generateRoles } from './roles';
import { generateUsers } from './users';
import { planComments } from './comments';
import { generatePartnerUsers } from './partner-users';

export type {
  FieldValue,
  LeadConversion,
  PartnerChunk,
  PartnerUserSpec,
  PlanShare,
  Ref,
  SeedDataset,
  SeedLevel,
  SeedOptions,
  SeedRecord,
  UserRole,
  UserSpec,
} from './records';
export { winProbability } from './context';

export function generateDataset(options: SeedOptions): SeedDataset {
  const ctx = createContext(options);
  const team = generateUsers(ctx);
  const partners = generatePartners(ctx, team);
  const plans = generatePlans(ctx, partners.profiles);
  const { profiles } = partners;
  const catalog = productCatalog(ctx);
  const partnerUsers = generatePartnerUsers(ctx, profiles);
  return {
    options,
    keyPrefix: ctx.keyPrefix,
    users: team.users,
    roles: generateRoles(team.users),
    levels: [
      { sobject: 'Account', records: [...partners.partners, ...partners.customers] },
      { sobject: 'Contact', records: partners.contacts },
      { sobject: 'Partner_Account_Plan__c', records: plans.plans },
      { sobject: 'Plan_Section__c', records: plans.sections },
      { sobject: 'Plan_Target__c', records: plans.targets },
      { sobject: 'APR_Action__c', records: plans.actions },
      { sobject: 'Product2', records: catalog.products },
      { sobject: 'PricebookEntry', records: catalog.entries },
    ],
    partnerUsers,
    comments: planComments(ctx, profiles, plans.plans, partnerUsers),
    *chunks(partnersPerChunk: number): Generator<PartnerChunk> {
      for (let i = 0; i < profiles.length; i += partnersPerChunk) {
        const chunk: PartnerChunk = {
          opportunities: [],
          actions: [],
          planShares: [],
          programme: [],
          leadConversions: [],
        };
        const programme: SeedRecord[] = [];
        for (const profile of profiles.slice(i, i + partnersPerChunk)) {
          const { opportunities, actions, planShares } = partnerOpportunities(ctx, profile);
          chunk.opportunities.push(...opportunities);
          chunk.actions.push(...actions);
          chunk.planShares.push(...planShares);
          const partner = partnerProgramme(ctx, profile, opportunities);
          programme.push(...partner.records);
          chunk.leadConversions.push(...partner.conversions);
        }
        chunk.programme = programmeLevels(programme);
        yield chunk;
      }
    },
    estimate: {
      opportunities: Math.round(options.scale.partners * options.scale.opportunitiesPerQuarter * ctx.quarters.length),
      partnerCount: options.scale.partners,
    },
  };
}
