/**
 * The seed's APR actions on opportunities: the joint calls, meetings, demos and deal registrations logged in
 * the 90 days before a deal's close date (never after the as-of date), by its AE or the partner manager,
 * linked to the plan and target of the quarter they fall in. Won deals have more positive outcomes. They
 * draw from the partner's opportunity stream right after their opportunity.
 */
import { addDays, type IsoDate } from '../periods';
import type { Random } from '../random';
import { planKeyOf, type PartnerProfile, type SeedContext } from './context';
import { pad, ref, type SeedRecord } from './records';
import { OPPORTUNITY_ACTIONS } from './vocabulary';

/** The opportunity the actions are logged on, as its generator decided it. */
export interface ActedOpportunity {
  key: string;
  closeDate: IsoDate;
  ownerKey: string;
  actionCount: number;
  closed: boolean;
  won: boolean;
}

export function opportunityActions(
  ctx: SeedContext,
  rng: Random,
  profile: PartnerProfile,
  opportunity: ActedOpportunity,
): SeedRecord[] {
  const { asOf, calendar } = ctx;
  const { key: oppKey, closeDate, ownerKey, closed, won } = opportunity;
  const actions: SeedRecord[] = [];
  // Actions happen in the 90 days before the close date, never after today.
  const last = closeDate < asOf ? closeDate : asOf;
  const first = addDays(last, -90);
  for (let a = 0; a < opportunity.actionCount; a++) {
    const date = addDays(first, rng.int(0, 90));
    const type = a === 0 && rng.chance(0.5) ? 'Deal Registration' : rng.weighted(OPPORTUNITY_ACTIONS);
    const byAe = rng.chance(0.55);
    const dateQuarter = calendar.quarterOf(date);
    const fy = dateQuarter.fiscalYear;
    const planKey = planKeyOf(ctx, profile.index, fy);
    const metric = type === 'Joint Call' ? 'Joint_Calls' : type === 'Deal Registration' ? 'Deal_Registrations' : null;
    const inWindow = ctx.fiscalYears.includes(fy);
    actions.push({
      sobject: 'APR_Action__c',
      key: `${oppKey}-act-${pad(a + 1, 2)}`,
      fields: {
        Opportunity__c: ref('Opportunity', oppKey),
        Partner_Account__c: ref('Account', profile.key),
        Partner_Account_Plan__c: inWindow ? ref('Partner_Account_Plan__c', planKey) : null,
        Plan_Target__c:
          inWindow && metric ? ref('Plan_Target__c', `${planKey}-tgt-${metric}-q${dateQuarter.quarter}`) : null,
        Actor__c: ref('User', byAe ? ownerKey : profile.managerKey),
        OwnerId: ref('User', byAe ? ownerKey : profile.managerKey),
        Actor_Role__c: byAe ? 'AE' : 'Partner Manager',
        Action_Type__c: type,
        Action_Date__c: date,
        Quantity__c: 1,
        Outcome__c: won
          ? rng.weighted([
              ['Positive', 7],
              ['Neutral', 3],
            ] as const)
          : rng.weighted([
              ['Positive', 3],
              ['Neutral', 4],
              ['Negative', 2],
              ['Pending', 1],
            ] as const),
        Next_Step__c: closed ? null : 'Follow up with the customer sponsor',
      },
    });
  }
  return actions;
}
