/**
 * Market development funds: per partner, from its own stream (`funds-<n>`), for each fiscal year with a plan an
 * allocation (the plan's joint investment budget, 60% of its budget), the partner's requests against it up
 * to today (most approved, some rejected, recent ones still submitted) and the claims of the approved ones
 * (paid after review, a few rejected). Some partners ask for more than their allocation, so their paid
 * claims can go over budget.
 */
import { addDays, daysBetween } from '../periods';
import { key, type PartnerProfile, type SeedContext } from './context';
import { pad, ref, type SeedRecord } from './records';
import { FUND_ACTIVITIES } from './vocabulary';

export interface PartnerFunds {
  allocations: SeedRecord[];
  requests: SeedRecord[];
  claims: SeedRecord[];
}

const hundreds = (value: number): number => Math.max(100, Math.round(value / 100) * 100);

/** `budget`: the plan's yearly budget. */
export function partnerFunds(ctx: SeedContext, profile: PartnerProfile, budget: number): PartnerFunds {
  const rng = ctx.root.fork(`funds-${profile.index}`);
  const { asOf, calendar } = ctx;
  const out: PartnerFunds = { allocations: [], requests: [], claims: [] };
  for (const fy of ctx.fiscalYears) {
    const period = calendar.yearPeriod(fy);
    const allocationKey = key(ctx, 'mdf', pad(profile.index + 1, 5), fy);
    const allocated = Math.round(budget * 0.6);
    out.allocations.push({
      sobject: 'Fund_Allocation__c',
      key: allocationKey,
      fields: {
        Partner_Account__c: ref('Account', profile.key),
        Amount__c: allocated,
        Start_Date__c: period.start,
        End_Date__c: period.end,
      },
    });
    if (period.start > asOf) continue;
    // How much of the allocation the partner asks for over the year: around it, sometimes well over.
    const appetite = rng.logNormal(1.15, 0.25);
    const count = Math.max(1, rng.poisson(ctx.scale.programme.fundRequestsPerYear));
    const lastDay = period.end < asOf ? period.end : asOf;
    for (let r = 0; r < count; r++) {
      const requestKey = `${allocationKey}-fr-${pad(r + 1, 2)}`;
      const requestDate = addDays(
        period.start,
        // Activities are planned early: requests fall in the first three quarters of the year.
        Math.floor(((r + rng.next()) * daysBetween(period.start, period.end) * 0.75) / count),
      );
      if (requestDate > lastDay) continue;
      const requested = hundreds((allocated * appetite * (0.7 + rng.next() * 0.6)) / count);
      const decided = daysBetween(requestDate, asOf) > 14;
      const status = !decided ? 'Submitted' : rng.chance(0.9) ? 'Approved' : 'Rejected';
      const approved = status === 'Approved' ? hundreds(requested * (0.9 + rng.next() * 0.1)) : null;
      out.requests.push({
        sobject: 'Fund_Request__c',
        key: requestKey,
        fields: {
          Fund_Allocation__c: ref('Fund_Allocation__c', allocationKey),
          Partner_Account__c: ref('Account', profile.key),
          Requested_Amount__c: requested,
          Approved_Amount__c: approved,
          Request_Date__c: requestDate,
          Status__c: status,
          Activity_Type__c: rng.weighted(FUND_ACTIVITIES),
        },
      });
      if (approved === null) continue;
      // The activity runs, then the partner claims what it spent, 20 to 60 days after the request.
      const claimDate = addDays(requestDate, rng.int(20, 60));
      if (claimDate > asOf) continue;
      const claimed = hundreds(approved * (0.9 + rng.next() * 0.1));
      const reviewed = daysBetween(claimDate, asOf) > 14;
      const claimStatus = !reviewed
        ? rng.pick(['Submitted', 'Approved'])
        : rng.weighted([
            ['Paid', 85],
            ['Rejected', 10],
            ['Approved', 5],
          ] as const);
      const paidDate = claimStatus === 'Paid' ? addDays(claimDate, rng.int(5, 14)) : null;
      out.claims.push({
        sobject: 'Fund_Claim__c',
        key: `${requestKey}-fc`,
        fields: {
          Fund_Request__c: ref('Fund_Request__c', requestKey),
          Partner_Account__c: ref('Account', profile.key),
          Claimed_Amount__c: claimed,
          Paid_Amount__c: claimStatus === 'Paid' ? claimed : null,
          Claim_Date__c: claimDate,
          Paid_Date__c: paidDate,
          Status__c: claimStatus,
        },
      });
    }
  }
  return out;
}
