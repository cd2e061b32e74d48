/**
 * The seed's partner-level APR actions (no opportunity): enablement, marketing, QBRs and coaching, quarter by
 * quarter up to the as-of date, in numbers that follow the partner's intensity. They draw from the partner's
 * plan stream, right after its budget and before its plans, so their order is part of the sequence.
 */
import { addDays, daysBetween } from '../periods';
import type { Random } from '../random';
import { key, planKeyOf, type PartnerProfile, type SeedContext } from './context';
import { pad, ref, type SeedRecord } from './records';

export interface PartnerActions {
  records: SeedRecord[];
  /** Fiscal year -> the actions dated in it, whose costs make the plan's actual cost. */
  byFiscalYear: Map<number, SeedRecord[]>;
}

function coachingNote(rng: Random, profile: PartnerProfile): string {
  return rng.pick([
    `Reviewed stalled deals with the AE for ${profile.name}; agreed to book joint calls on the two oldest.`,
    'Role-played the discovery call; next time lead with the customer business case.',
    'Pipeline coverage is thin for next quarter: plan a call blitz with the partner.',
    'Deal registrations are behind target: remind the partner reps of the registration benefits.',
    'Good quarter so far; keep the weekly cadence and prepare the QBR deck early.',
  ]);
}

/** The cost of a marketing action, or null for actions that cost nothing. */
function costOf(rng: Random, type: string): number | null {
  return type === 'Email Campaign'
    ? rng.int(5, 30) * 100
    : type === 'Call Blitz'
      ? rng.int(10, 50) * 100
      : type === 'Trade Show'
        ? rng.int(5, 25) * 1000
        : null;
}

export function partnerActions(ctx: SeedContext, profile: PartnerProfile, rng: Random): PartnerActions {
  const { asOf, calendar } = ctx;
  const records: SeedRecord[] = [];
  const byFiscalYear = new Map<number, SeedRecord[]>();
  for (const quarter of ctx.quarters) {
    if (quarter.start > asOf) continue;
    const last = quarter.end < asOf ? quarter.end : asOf;
    const span = daysBetween(quarter.start, last);
    const actions: [string, number, 'AE' | 'Partner Manager'][] = [
      ['Training Delivered', rng.poisson(1.5 * profile.intensity), 'Partner Manager'],
      ['Certification Earned', rng.poisson(1.0 * profile.intensity), 'Partner Manager'],
      ['Email Campaign', rng.poisson(1.0), 'Partner Manager'],
      ['Call Blitz', rng.poisson(0.7 * profile.intensity), 'AE'],
      ['Trade Show', rng.poisson(0.3), 'Partner Manager'],
      ['QBR', span > 45 ? 1 : 0, 'Partner Manager'],
      ['Coaching Session', rng.poisson(2 * profile.intensity), 'Partner Manager'],
    ];
    let n = 0;
    for (const [type, count, role] of actions) {
      for (let i = 0; i < count; i++) {
        const date = addDays(quarter.start, rng.int(0, span));
        const fy = calendar.yearOf(date);
        const cost = costOf(rng, type);
        // Field order is draw order: Quantity, then Outcome, then the coaching note.
        const record: SeedRecord = {
          sobject: 'APR_Action__c',
          key: key(ctx, 'act', 'p', pad(profile.index + 1, 5), `${quarter.fiscalYear}q${quarter.quarter}`, pad(++n, 3)),
          fields: {
            Partner_Account__c: ref('Account', profile.key),
            Partner_Account_Plan__c: ctx.fiscalYears.includes(fy)
              ? ref('Partner_Account_Plan__c', planKeyOf(ctx, profile.index, fy))
              : null,
            Actor__c: ref('User', role === 'AE' ? profile.aeKey : profile.managerKey),
            // Whoever logged an action owns it, so they can edit it (actions are public read only).
            OwnerId: ref('User', role === 'AE' ? profile.aeKey : profile.managerKey),
            Actor_Role__c: role,
            Action_Type__c: type,
            Action_Date__c: date,
            Quantity__c: type === 'Certification Earned' ? rng.int(1, 3) : 1,
            Outcome__c: rng.weighted([
              ['Positive', 6],
              ['Neutral', 3],
              ['Negative', 1],
            ] as const),
            Cost__c: cost,
            Notes__c: type === 'Coaching Session' ? coachingNote(rng, profile) : null,
            Next_Step__c: type === 'QBR' ? 'Share QBR summary and agree next-quarter priorities' : null,
          },
        };
        const fyActions = byFiscalYear.get(fy) ?? [];
        fyActions.push(record);
        byFiscalYear.set(fy, fyActions);
        records.push(record);
      }
    }
  }
  return { records, byFiscalYear };
}
