/**
 * The plan targets over the partner programme: per plan, from its own stream (`programme-targets-<n>-<fy>`, so
 * the plan stream's targets and statuses stay as they were), quarterly enablement and product targets and
 * yearly lead, campaign, fund, conversion and sales cycle targets, from the rates the programme generators use, so some
 * are met and some missed; the budget targets (campaign spend, paid fund claims) are the plan's marketing and
 * joint investment budgets.
 */
import type { IsoDate } from '../periods';
import { roundTarget, type SeedContext } from './context';
import { ref, type SeedRecord } from './records';
import { sectionKeyOf } from './sections';
import type { TargetPlan } from './targets';
import { PRODUCT_CATALOG, type SectionType } from './vocabulary';

/** Mean units a won deal's line items carry per currency unit of its amount (products picked evenly). */
const UNITS_PER_AMOUNT = PRODUCT_CATALOG.reduce((sum, p) => sum + 1 / (p.listPrice * 0.95), 0) / PRODUCT_CATALOG.length;

/** The metrics the programme's targets are set over. */
export const PROGRAMME_METRICS = [
  'Courses_Completed',
  'Certifications_Achieved',
  'Units_Sold',
  'Active_Certifications',
  'Partner_Sourced_Leads',
  'Campaign_Responses',
  'Campaign_Spend',
  'Claims_Paid',
  'Fund_Utilization',
  'Lead_Conversion_Rate',
  'Average_Sales_Cycle',
] as const;

export function programmeTargets(ctx: SeedContext, plan: TargetPlan): SeedRecord[] {
  const { profile, planKey, fy, period, accepted, budget, expectedWins, meanDeal } = plan;
  const rng = ctx.root.fork(`programme-targets-${profile.index}-${fy}`);
  const { people, leadsPerQuarter, campaignsPerQuarter, membersPerCampaign, lineItemShare } = ctx.scale.programme;
  const records: SeedRecord[] = [];
  const noise = (): number => 0.9 + rng.next() * 0.4;
  const target = (
    section: SectionType,
    metric: string,
    periodType: 'Quarter' | 'Year',
    [start, end]: [IsoDate, IsoDate],
    value: number,
    suffix: string,
  ): void => {
    records.push({
      sobject: 'Plan_Target__c',
      key: `${planKey}-tgt-${metric}-${suffix}`,
      fields: {
        Plan_Section__c: ref('Plan_Section__c', sectionKeyOf(planKey, section)),
        Metric__c: metric,
        Period_Type__c: periodType,
        Period_Start__c: start,
        Period_End__c: end,
        Target_Value__c: value,
        Baseline_Target_Value__c: accepted ? value : null,
        Revision_Reason__c: null,
        Accountable_AE__c: ref('User', profile.aeKey),
        Accountable_Partner_Manager__c: ref('User', profile.managerKey),
        Target_Account__c: null,
        Weight__c: 1,
      },
    });
  };
  for (let q = 1; q <= 4; q++) {
    const quarter = ctx.calendar.shiftQuarter(period.start, q - 1);
    const dates: [IsoDate, IsoDate] = [quarter.start, quarter.end];
    // Courses: about two a person a year; certifications: about two a person every three years.
    target(
      'Training and Certification',
      'Courses_Completed',
      'Quarter',
      dates,
      Math.max(1, Math.round(people * 0.5 * noise())),
      `q${q}`,
    );
    target(
      'Training and Certification',
      'Certifications_Achieved',
      'Quarter',
      dates,
      Math.max(1, Math.round((people * 2 * noise()) / 12)),
      `q${q}`,
    );
    const units = expectedWins * lineItemShare * meanDeal * UNITS_PER_AMOUNT;
    target('Sales Objectives', 'Units_Sold', 'Quarter', dates, Math.max(1, Math.round(units * noise())), `q${q}`);
  }
  const year: [IsoDate, IsoDate] = [period.start, period.end];
  // Certifications of the last two years are active: about two in three of each person's two.
  target(
    'Training and Certification',
    'Active_Certifications',
    'Year',
    year,
    Math.max(1, Math.round(people * 1.1 * noise())),
    'year',
  );
  target(
    'Marketing',
    'Partner_Sourced_Leads',
    'Year',
    year,
    Math.max(1, Math.round(leadsPerQuarter * 4 * (0.8 + rng.next() * 0.4))),
    'year',
  );
  const responses = campaignsPerQuarter * 4 * membersPerCampaign * 0.35;
  target('Marketing', 'Campaign_Responses', 'Year', year, Math.max(1, Math.round(responses * noise())), 'year');
  target('Marketing', 'Campaign_Spend', 'Year', year, roundTarget(budget * 0.4), 'year');
  target('Joint Investment', 'Claims_Paid', 'Year', year, Math.round(budget * 0.6), 'year');
  target('Joint Investment', 'Fund_Utilization', 'Year', year, 75, 'year');
  target('Sales Objectives', 'Lead_Conversion_Rate', 'Year', year, 30, 'year');
  // Lower is better: days from a deal's creation to its close. The seed's deals take about four months (see
  // opportunities.ts), so a target of 95 to 130 days is met by some partners and missed by others.
  target('Sales Objectives', 'Average_Sales_Cycle', 'Year', year, Math.round(95 + rng.next() * 35), 'year');
  return records;
}
