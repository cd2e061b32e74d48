/**
 * Where an APR action counts (the plan and target it counts toward) and the role of whoever logged it.
 */
import type { ActorRole, Metric, OpportunityInfo, PlanSummary, PlanTarget } from 'c/planData';
import { daysBetween, periodContains } from './dates';
import { metricsForActionType } from './metrics';

/** The partner's plan an action on `date` counts toward: Active before Accepted, then the latest period. */
export function resolvePlan(plans: PlanSummary[], date: string): PlanSummary | null {
  const candidates = plans.filter(
    (p) => (p.status === 'Active' || p.status === 'Accepted') && periodContains(p.periodStart, p.periodEnd, date),
  );
  candidates.sort((a, b) => {
    if (a.status !== b.status) return a.status === 'Active' ? -1 : 1;
    return (b.periodStart ?? '').localeCompare(a.periodStart ?? '');
  });
  return candidates[0] ?? null;
}

function periodLength(t: PlanTarget): number {
  return t.periodStart && t.periodEnd ? daysBetween(t.periodStart, t.periodEnd) : Number.MAX_SAFE_INTEGER;
}

/**
 * The target an action counts toward: in the resolved plan, a target whose metric counts the action type
 * and whose period contains the date. Preference: a metric for exactly that type, a target the actor is
 * accountable for, then the shortest period (a month before its quarter before its year).
 */
export function resolveTarget(options: {
  targets: PlanTarget[];
  metrics: Metric[];
  planId: string | null;
  actionType: string | null;
  date: string | null;
  actorId: string | null;
}): PlanTarget | null {
  const { targets, metrics, planId, actionType, date, actorId } = options;
  if (!planId || !actionType || !date) return null;
  const names = metricsForActionType(metrics, actionType);
  const candidates = targets.filter(
    (t) => t.planId === planId && names.includes(t.metric) && periodContains(t.periodStart, t.periodEnd, date),
  );
  const accountable = (t: PlanTarget): number => {
    const mine = actorId !== null && (t.aeId === actorId || t.partnerManagerId === actorId);
    return mine ? 0 : 1;
  };
  candidates.sort(
    (a, b) =>
      names.indexOf(a.metric) - names.indexOf(b.metric) ||
      accountable(a) - accountable(b) ||
      periodLength(a) - periodLength(b),
  );
  return candidates[0] ?? null;
}

export type RoleReason = 'owner' | 'partnerManager' | 'other';

/**
 * The role of an actor on an opportunity: AE when they own it, Partner Manager when they are an
 * accountable partner manager on the partner's plan targets, Partner Rep otherwise.
 */
export function inferRole(
  actorId: string | null,
  opportunity: OpportunityInfo | null,
  partnerTargets: PlanTarget[],
): { role: ActorRole; reason: RoleReason } {
  if (actorId && opportunity && opportunity.ownerId === actorId) return { role: 'AE', reason: 'owner' };
  if (actorId && partnerTargets.some((t) => t.partnerManagerId === actorId))
    return { role: 'Partner Manager', reason: 'partnerManager' };
  return { role: 'Partner Rep', reason: 'other' };
}
