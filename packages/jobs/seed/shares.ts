/**
 * The seed's Manual plan shares. Plans are Private: the people accountable on a plan's targets (its partner's
 * AE and partner manager) read it through the access job's shares (packages/jobs/access), which the seed runs
 * after loading. What the job does not cover is shared by hand: each of a partner's plans with the other AEs
 * who own the partner's deals. No randomness.
 */
import { ACCESS_REASON, AccessSetupError, PARTNER_REASON, PLAN_SHARE_OBJECT, runAccessSync } from '../access';
import type { Progress } from '../cli';
import type { OrgSession } from '../connection';
import type { RetryPolicy } from '../retry';
import { planKeyOf, type PartnerProfile, type SeedContext } from './context';
import type { SeedReport } from './load';
import type { PlanShare } from './records';

export function planShares(ctx: SeedContext, profile: PartnerProfile, aeKeys: Set<string>): PlanShare[] {
  // The accountable AE is named on every target of the partner's plans: the access job shares with them.
  const dealOwners = [...aeKeys].filter((aeKey) => aeKey !== profile.aeKey).sort();
  if (dealOwners.length === 0) return [];
  return ctx.fiscalYears.map((fy) => ({ planKey: planKeyOf(ctx, profile.index, fy), userKeys: dealOwners }));
}

/**
 * After loading: the access job shares each plan with the people accountable on its targets, and each plan
 * past Draft with its partner account's users (whose roles the seed's partner users made). Its counts go in
 * the report under the share object and each reason; an org that cannot take those shares gets a note.
 */
export async function shareWithAccountablePeople(
  session: OrgSession,
  report: SeedReport,
  run: { progress: Progress; policy?: RetryPolicy },
): Promise<void> {
  try {
    const access = await runAccessSync(session, {
      policy: run.policy,
      onStep: (step, total) => run.progress.step(step, total),
    });
    // A partner share's failure names its partner group (access/index.ts).
    const partnerFailures = access.failures.filter((f) => f.record.includes(' partner group ')).length;
    const failed = (reason: string): number =>
      reason === PARTNER_REASON ? partnerFailures : access.failures.length - partnerFailures;
    report.objects[`${PLAN_SHARE_OBJECT} (${ACCESS_REASON})`] = {
      created: access.inserted,
      updated: access.updated,
      failed: failed(ACCESS_REASON),
    };
    if (access.partner.enabled)
      report.objects[`${PLAN_SHARE_OBJECT} (${PARTNER_REASON})`] = {
        created: access.partner.inserted,
        updated: access.partner.updated,
        failed: failed(PARTNER_REASON),
      };
    report.failures.push(...access.failures);
    report.notes.push(...access.notes);
  } catch (error) {
    if (!(error instanceof AccessSetupError)) throw error;
    report.notes.push(`Plans were not shared with the people accountable on their targets: ${error.message}`);
  }
}
