/**
 * The seed's plan targets: per plan, quarterly sales, marketing, enablement and joint-call targets, yearly
 * revenue, win rate and marketing spend, and revenue targets at two key customer accounts, all from expected
 * rates so they are believable but not the outcome. Accepted plans of the current year have a few revised
 * targets (a baseline and a reason). They draw from the partner's plan stream, target by target.
 */
import type { IsoDate, Period } from '../periods';
import type { Random } from '../random';
import { roundTarget, type PartnerProfile, type SeedContext } from './context';
import { ref, type SeedRecord } from './records';
import { sectionKeyOf } from './sections';
import { REVISION_REASONS, type SectionType } from './vocabulary';

/** The plan the targets belong to, and the rates they are derived from. */
export interface TargetPlan {
  profile: PartnerProfile;
  planKey: string;
  fy: number;
  period: Period;
  accepted: boolean;
  budget: number;
  /** Wins expected per quarter, and the mean deal size, at the partner's intensity and tier. */
  expectedWins: number;
  meanDeal: number;
}

/** A revised target: money keeps its round figures, counts stay whole and at least 1. */
function revise(value: number, factor: number): number {
  return value >= 1000 ? roundTarget(value * factor) : Math.max(1, Math.round(value * factor));
}

export function planTargets(ctx: SeedContext, rng: Random, plan: TargetPlan): SeedRecord[] {
  const { scale, calendar } = ctx;
  const { profile, planKey, fy, period, accepted, budget, expectedWins, meanDeal } = plan;
  const records: SeedRecord[] = [];
  const target = (
    section: SectionType,
    metric: string,
    periodType: 'Quarter' | 'Year',
    start: IsoDate,
    end: IsoDate,
    value: number,
    suffix: string,
    weight: number,
    targetAccountKey?: string,
  ): void => {
    const revised = accepted && fy === ctx.currentFiscalYear && rng.chance(0.15);
    const baseline = accepted ? value : null;
    // Field order is draw order: the revised value, then the reason.
    records.push({
      sobject: 'Plan_Target__c',
      key: `${planKey}-tgt-${metric}-${suffix}`,
      fields: {
        Plan_Section__c: ref('Plan_Section__c', sectionKeyOf(planKey, section)),
        Metric__c: metric,
        Period_Type__c: periodType,
        Period_Start__c: start,
        Period_End__c: end,
        Target_Value__c: revised ? revise(value, 0.8 + rng.next() * 0.4) : value,
        Baseline_Target_Value__c: baseline,
        Revision_Reason__c: revised ? rng.pick(REVISION_REASONS) : null,
        Accountable_AE__c: ref('User', profile.aeKey),
        Accountable_Partner_Manager__c: ref('User', profile.managerKey),
        Target_Account__c: targetAccountKey ? ref('Account', targetAccountKey) : null,
        Weight__c: weight,
      },
    });
  };
  let yearRevenue = 0;
  for (let q = 1; q <= 4; q++) {
    const quarter = calendar.shiftQuarter(period.start, q - 1);
    const [start, end] = [quarter.start, quarter.end];
    const revenue = roundTarget(expectedWins * meanDeal * (0.95 + rng.next() * 0.3));
    yearRevenue += revenue;
    const suffix = `q${q}`;
    const quarterly = (section: SectionType, metric: string, value: number, weight: number): void =>
      target(section, metric, 'Quarter', start, end, value, suffix, weight);
    quarterly('Sales Objectives', 'Closed_Won_Revenue', revenue, 3);
    quarterly('Sales Objectives', 'Closed_Won_Deals', Math.max(1, Math.round(expectedWins * 1.1)), 2);
    quarterly(
      'Sales Objectives',
      'Deal_Registrations',
      Math.max(1, Math.round(scale.opportunitiesPerQuarter * 0.4)),
      1,
    );
    quarterly('Marketing', 'Campaign_Actions', 2, 1);
    quarterly('Training and Certification', 'Trainings_Delivered', Math.max(1, Math.round(1.5 * 1.2)), 1);
    quarterly('Training and Certification', 'Certifications_Earned', 2, 1);
    quarterly(
      'Action Plan',
      'Joint_Calls',
      Math.max(2, Math.round(scale.opportunitiesPerQuarter * scale.actionsPerOpportunity * 0.35)),
      1,
    );
  }
  const yearly = (
    section: SectionType,
    metric: string,
    value: number,
    suffix: string,
    weight: number,
    account?: string,
  ) => target(section, metric, 'Year', period.start, period.end, value, suffix, weight, account);
  yearly('Sales Objectives', 'Closed_Won_Revenue', yearRevenue, 'year', 3);
  yearly('Sales Objectives', 'Win_Rate', 35, 'year', 1);
  yearly('Joint Investment', 'Marketing_Spend', Math.round(budget * 0.4), 'year', 1);
  // Two key customer accounts per plan carry their own revenue targets.
  for (const c of [0, 1]) {
    const customerKey = profile.customerKeys[c % profile.customerKeys.length];
    yearly('Sales Objectives', 'Closed_Won_Revenue', roundTarget(yearRevenue * 0.15), `acct${c + 1}`, 2, customerKey);
  }
  return records;
}
