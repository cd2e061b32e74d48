/**
 * The partner programme of one partner, around its deals: its people and their credentials, its referred
 * leads, joint campaigns and their members, activities with it, the products of its won deals and its market
 * development funds. Each part draws from its own labelled stream, so adding one shifts no other.
 */
import type { PartnerProfile, SeedContext } from './context';
import { partnerActivities } from './activities';
import { partnerCampaigns } from './campaigns';
import { partnerPeople } from './credentials';
import { partnerFunds } from './funds';
import { partnerLeads } from './leads';
import { partnerLineItems } from './line-items';
import { planBudget } from './plans';
import type { LeadConversion, SeedLevel, SeedRecord } from './records';

/** The order the programme's objects load in: each after the objects it refers to. */
export const PROGRAMME_OBJECTS = [
  'Contact',
  'Partner_Credential__c',
  'Lead',
  'Campaign',
  'CampaignMember',
  'Task',
  'Event',
  'OpportunityLineItem',
  'Fund_Allocation__c',
  'Fund_Request__c',
  'Fund_Claim__c',
] as const;

export function partnerProgramme(
  ctx: SeedContext,
  profile: PartnerProfile,
  opportunities: SeedRecord[],
): { records: SeedRecord[]; conversions: LeadConversion[] } {
  const budget = planBudget(ctx, profile);
  const people = partnerPeople(ctx, profile);
  const leads = partnerLeads(ctx, profile);
  const converted = new Set(leads.conversions.map((c) => c.leadKey));
  // Converted leads cannot join a campaign: the audience is the open leads and the partner's people.
  const audience = [
    ...leads.leads.filter((l) => !converted.has(l.key)).map((l) => ({ sobject: 'Lead' as const, key: l.key })),
    ...people.contacts.map((c) => ({ sobject: 'Contact' as const, key: c.key })),
  ];
  const campaigns = partnerCampaigns(ctx, profile, budget, audience);
  const activities = partnerActivities(
    ctx,
    profile,
    people.contacts.map((c) => c.key),
  );
  const funds = partnerFunds(ctx, profile, budget);
  return {
    records: [
      ...people.contacts,
      ...people.credentials,
      ...leads.leads,
      ...campaigns.campaigns,
      ...campaigns.members,
      ...activities.tasks,
      ...activities.events,
      ...partnerLineItems(ctx, profile, opportunities),
      ...funds.allocations,
      ...funds.requests,
      ...funds.claims,
    ],
    conversions: leads.conversions,
  };
}

/** Records grouped into the programme's levels, in load order. */
export function programmeLevels(records: SeedRecord[]): SeedLevel[] {
  return PROGRAMME_OBJECTS.map((sobject) => ({ sobject, records: records.filter((r) => r.sobject === sobject) }));
}
