/**
 * The seed's plans: per partner, from its own plan stream (`plan-<n>`), a budget, the partner-level APR
 * actions, then for each fiscal year a plan (status from the year: closed, active or still in review),
 * its sections and its targets. The draws happen in exactly that order.
 */
import { addDays, type Period } from '../periods';
import type { Random } from '../random';
import { planKeyOf, winProbability, type PartnerProfile, type SeedContext } from './context';
import { partnerActions } from './partner-actions';
import { ref, type SeedRecord } from './records';
import { planSections } from './sections';
import { programmeTargets } from './programme-targets';
import { planTargets } from './targets';
import { DEAL_SIGMA, MEDIAN_DEAL } from './vocabulary';

export interface Plans {
  plans: SeedRecord[];
  sections: SeedRecord[];
  targets: SeedRecord[];
  /** Partner-level APR actions (no opportunity). */
  actions: SeedRecord[];
}

/** A partner's yearly plan budget from the first draw of its plan stream: about two median deals. */
const budgetOf = (tier: string, draw: number): number =>
  Math.round((MEDIAN_DEAL[tier] * 2 * (0.8 + draw * 0.4)) / 1000) * 1000;

/** The budget of a partner's plans, for the generators that spend it (campaigns, funds). */
export const planBudget = (ctx: SeedContext, profile: PartnerProfile): number =>
  budgetOf(profile.tier, ctx.root.fork(`plan-${profile.index}`).next());

/** Plans past review: accepted by the partner manager, with a baseline for their targets. */
const isAccepted = (status: string): boolean => status !== 'Draft' && status !== 'Partner Review';

/** The plan record of a partner for a fiscal year; `status` was drawn by the caller. */
function planRecord(
  ctx: SeedContext,
  profile: PartnerProfile,
  fy: number,
  period: Period,
  status: string,
  budget: number,
  actualCost: number,
): SeedRecord {
  const { asOf, calendar } = ctx;
  const accepted = isAccepted(status);
  const current = fy === ctx.currentFiscalYear;
  const lastReview = current ? addDays(calendar.quarterOf(asOf).start, 20) : null;
  return {
    sobject: 'Partner_Account_Plan__c',
    key: planKeyOf(ctx, profile.index, fy),
    fields: {
      Name: `${profile.name} ${calendar.label({ fiscalYear: fy })} Plan`,
      // The partner manager owns the plan (plans are Private); AEs get read shares.
      OwnerId: ref('User', profile.managerKey),
      Partner_Account__c: ref('Account', profile.key),
      Period_Start__c: period.start,
      Period_End__c: period.end,
      Fiscal_Year__c: calendar.label({ fiscalYear: fy }),
      Status__c: status,
      Vision__c: `${profile.name} becomes our leading ${profile.tier.toLowerCase()} partner in its region by ${calendar.label({ fiscalYear: fy })}, with joint pipeline in every key account.`,
      Strategic_Priorities__c:
        '1. Grow joint pipeline in target accounts\n2. Certify the partner sales team\n3. Run one joint campaign per quarter',
      Strengths__c: 'Strong relationships with regional IT buyers; experienced pre-sales team.',
      Weaknesses__c: 'Few certified engineers; long proposal turnaround.',
      Opportunities__c: 'Cloud migrations in mid-market banks and insurers.',
      Threats__c: 'Competing vendors offer higher partner margins.',
      Communication_Plan__c:
        'Weekly pipeline call between AE and partner; monthly partner-manager sync; quarterly business review.',
      Review_Cadence__c: 'Quarterly',
      Last_Review_Date__c: lastReview && lastReview <= asOf ? lastReview : null,
      Next_Review_Date__c: current ? addDays(calendar.quarterOf(asOf).end, 20) : null,
      Partner_Contact__c: ref('Contact', profile.contactKey),
      Executive_Sponsor__c: ref('User', profile.managerKey),
      Accepted_By__c: accepted ? ref('User', profile.managerKey) : null,
      Accepted_On__c: accepted ? `${addDays(period.start, -10)}T16:00:00.000Z` : null,
      Version__c: status === 'In Revision' ? 2 : 1,
      Budget__c: budget,
      Actual_Cost__c: actualCost,
    },
  };
}

/**
 * Past years are active, for `npm run plans -- advance` to close once a rollup has computed their final
 * actuals (a closed plan is read-only and the rollup leaves it alone); next year's plan is being drafted;
 * this year's is mostly active.
 */
function planStatus(ctx: SeedContext, rng: Random, fy: number): string {
  return fy < ctx.currentFiscalYear
    ? 'Active'
    : fy > ctx.currentFiscalYear
      ? rng.weighted([
          ['Draft', 6],
          ['Partner Review', 4],
        ] as const)
      : rng.weighted([
          ['Active', 8],
          ['In Revision', 1],
          ['Accepted', 1],
        ] as const);
}

/** The plans, sections, targets and partner-level actions of one partner, appended to `out`. */
function partnerPlans(ctx: SeedContext, profile: PartnerProfile, out: Plans): void {
  const { scale, calendar } = ctx;
  const rng = ctx.root.fork(`plan-${profile.index}`);
  const meanDeal = MEDIAN_DEAL[profile.tier] * Math.exp((DEAL_SIGMA * DEAL_SIGMA) / 2);
  const expectedWins =
    scale.opportunitiesPerQuarter *
    winProbability(scale.actionsPerOpportunity * profile.intensity, profile.intensity, 0);
  const budget = budgetOf(profile.tier, rng.next());
  const actions = partnerActions(ctx, profile, rng);
  for (const action of actions.records) out.actions.push(action);
  for (const fy of ctx.fiscalYears) {
    const planKey = planKeyOf(ctx, profile.index, fy);
    const period = calendar.yearPeriod(fy);
    const status = planStatus(ctx, rng, fy);
    const actualCost = (actions.byFiscalYear.get(fy) ?? []).reduce(
      (sum, a) => sum + ((a.fields.Cost__c as number | null) ?? 0),
      0,
    );
    out.plans.push(planRecord(ctx, profile, fy, period, status, budget, actualCost));
    out.sections.push(...planSections(ctx, profile, planKey, fy, budget));
    const plan = { profile, planKey, fy, period, accepted: isAccepted(status), budget, expectedWins, meanDeal };
    out.targets.push(...planTargets(ctx, rng, plan), ...programmeTargets(ctx, plan));
  }
}

export function generatePlans(ctx: SeedContext, profiles: PartnerProfile[]): Plans {
  const out: Plans = { plans: [], sections: [], targets: [], actions: [] };
  for (const profile of profiles) partnerPlans(ctx, profile, out);
  return out;
}
