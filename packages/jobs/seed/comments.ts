/**
 * The seed's plan comments: the conversation on plans the partner sees, those in Partner Review, Accepted or
 * Active. Per plan, from its own stream (`comments-<n>-<fy>`, used only for the times), three or four comments
 * in the order they were written: the partner manager and the AE, the partner's users (their first user, and
 * the second where it has one), and an internal-only note between the internal people; some are about a target
 * of the plan (Sales Objectives and Action Plan targets, in sections the partner sees). Comments have no
 * External_Key__c: the loader finds them again by plan and body (natural-keys.ts), and each comment's author
 * and time are its CreatedById and CreatedDate (created.ts).
 */
import { addDays, daysBetween, type IsoDate } from '../periods';
import { createdAt } from './created';
import { planKeyOf, type PartnerProfile, type SeedContext } from './context';
import { ref, type PartnerUserSpec, type SeedRecord } from './records';

export const COMMENT = 'Plan_Comment__c';

/** Who wrote a comment: the plan's partner manager or AE, or the partner's first or second user. */
type Author = 'pm' | 'ae' | 'partner1' | 'partner2';

interface Line {
  author: Author;
  body: string;
  internal?: boolean;
  /** The target it is about, by the end of its key (`<plan key>-tgt-<metric>-<period>`). */
  target?: string;
}

/** The conversation of a plan in each status the partner sees, in the order it was written. */
function conversation(status: string, profile: PartnerProfile, fiscalYear: string): Line[] {
  switch (status) {
    case 'Partner Review':
      return [
        {
          author: 'pm',
          body: `The ${fiscalYear} plan is ready for your review. Revenue targets follow this year's run rate, plus the two named customer accounts.`,
        },
        {
          author: 'partner1',
          body: 'Thanks. We will go through the quarterly numbers with our sales leads this week and come back to you.',
        },
        {
          author: 'partner2',
          body: 'Second-quarter deal registrations look high for us with the summer holidays. Can we talk about them at the next call?',
          target: 'Deal_Registrations-q2',
        },
        {
          author: 'ae',
          body: `Their pipeline supports the second quarter. Keep the registration target for ${profile.name} unless they show us otherwise.`,
          internal: true,
          target: 'Deal_Registrations-q2',
        },
      ];
    case 'Accepted':
      return [
        {
          author: 'pm',
          body: 'Thanks for accepting the plan. I have booked the kick-off call with your team for the first week of the quarter.',
        },
        {
          author: 'partner1',
          body: 'Accepted on our side. Our channel sales director owns the joint calls with your account executive.',
          target: 'Joint_Calls-q1',
        },
        {
          author: 'ae',
          body: 'Their first-quarter revenue slipped in the last two years. Worth a pipeline review in week six.',
          internal: true,
          target: 'Closed_Won_Revenue-q1',
        },
      ];
    default:
      return [
        {
          author: 'ae',
          body: 'Yearly revenue is on plan so far. Two deals at the named accounts should close before the quarter ends.',
          target: 'Closed_Won_Revenue-year',
        },
        {
          author: 'partner1',
          body: 'We are adding two sales engineers to the joint call cadence from next month.',
          target: 'Joint_Calls-q3',
        },
        {
          author: 'pm',
          body: `Extra market development funds are possible for ${profile.name} if this quarter closes strong. Do not promise them yet.`,
          internal: true,
        },
        {
          author: 'partner2',
          body: 'Certification dates for the new engineers are booked. We will post the results here when they are in.',
        },
      ];
  }
}

/** The statuses whose plans carry comments. */
const DISCUSSED = new Set(['Partner Review', 'Accepted', 'Active']);

/**
 * The comments of every discussed plan. `plans` are the generated plan records (status as generated), in
 * partner and fiscal year order; `partnerUsers` the partner users by partner index. A comment by a partner's
 * second user goes to its first where the partner has one user.
 */
export function planComments(
  ctx: SeedContext,
  profiles: PartnerProfile[],
  plans: SeedRecord[],
  partnerUsers: PartnerUserSpec[],
): SeedRecord[] {
  const usersOf = new Map<number, string[]>();
  for (const user of partnerUsers)
    usersOf.set(user.partnerIndex, [...(usersOf.get(user.partnerIndex) ?? []), user.key]);
  const planByKey = new Map(plans.map((p) => [p.key, p]));
  const comments: SeedRecord[] = [];
  for (const profile of profiles) {
    const [first, second] = usersOf.get(profile.index) ?? [];
    const authors: Record<Author, string | undefined> = {
      pm: profile.managerKey,
      ae: profile.aeKey,
      partner1: first,
      partner2: second ?? first,
    };
    for (const fy of ctx.fiscalYears) {
      const planKey = planKeyOf(ctx, profile.index, fy);
      const plan = planByKey.get(planKey);
      const status = String(plan?.fields.Status__c ?? '');
      if (!plan || !DISCUSSED.has(status)) continue;
      const lines = conversation(status, profile, String(plan.fields.Fiscal_Year__c)).filter((l) => authors[l.author]);
      const rng = ctx.root.fork(`comments-${profile.index}-${fy}`);
      const days = commentDays(ctx.asOf, status, String(plan.fields.Period_Start__c), lines.length);
      lines.forEach((line, i) => {
        comments.push({
          sobject: COMMENT,
          key: `${planKey}-comment-${i + 1}`,
          fields: {
            Partner_Account_Plan__c: ref('Partner_Account_Plan__c', planKey),
            Plan_Target__c: line.target ? ref('Plan_Target__c', `${planKey}-tgt-${line.target}`) : null,
            Body__c: line.body,
            Internal_Only__c: line.internal === true,
            CreatedById: ref('User', authors[line.author] as string),
            CreatedDate: createdAt(rng, days[i], ctx.asOf),
          },
        });
      });
    }
  }
  return comments;
}

/**
 * The days `count` comments were written on, spread in order over the plan's discussion: the last three
 * weeks for a plan in review, since the plan was accepted (ten days before its period) for the others.
 */
function commentDays(asOf: IsoDate, status: string, periodStart: IsoDate, count: number): IsoDate[] {
  const from = status === 'Partner Review' ? addDays(asOf, -21) : addDays(periodStart, -10);
  const span = Math.max(1, daysBetween(from, asOf) - 1);
  return Array.from({ length: count }, (_, i) => addDays(from, Math.floor(((i + 1) * span) / (count + 1))));
}

/** Whether a comment was written by one of the partner users (keys of generatePartnerUsers). */
export const byPartnerUser = (comment: SeedRecord, partnerUserKeys: Set<string>): boolean => {
  const author = comment.fields.CreatedById;
  return typeof author === 'object' && author !== null && partnerUserKeys.has(author.ref.key);
};
