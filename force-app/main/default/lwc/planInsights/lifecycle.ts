/**
 * The plan lifecycle rules of c/planInsights: the path shown for a status, which actions a status
 * allows, the partner's change request as both sides read it, and section
 * reordering.
 */
import CHANGE_REQUEST_REASON from '@salesforce/label/c.Plan_Editor_Change_Request_Reason';
import CHANGE_REQUESTED from '@salesforce/label/c.Plan_Editor_Change_Requested';
import type { PlanHeader, PlanStatus } from 'c/planData';
import { formatDateTime, formatLabel } from './format';

export const LIFECYCLE: PlanStatus[] = ['Draft', 'Partner Review', 'Accepted', 'Active', 'Closed'];

/** The path shown for a status: a plan in revision goes back before partner review. */
export function lifecycleSteps(status: PlanStatus | null): PlanStatus[] {
  return status === 'In Revision'
    ? ['Draft', 'In Revision', 'Partner Review', 'Accepted', 'Active', 'Closed']
    : [...LIFECYCLE];
}

/** Targets and sections can be changed while the plan is drafted, reviewed or revised. */
export const canEditPlan = (status: PlanStatus | null): boolean =>
  status === 'Draft' || status === 'Partner Review' || status === 'In Revision';
export const canSubmitForReview = (status: PlanStatus | null): boolean =>
  status === 'Draft' || status === 'In Revision';
export const canMarkAccepted = (status: PlanStatus | null): boolean => status === 'Partner Review';
export const canRevise = (status: PlanStatus | null): boolean => status === 'Accepted' || status === 'Active';

export interface ChangeRequestView {
  /** "Changes requested by <name> on <date and time>". */
  heading: string;
  reason: string;
}

/** The partner's change request on a plan in the revision it asked for; null when there is none. */
export function changeRequestView(plan: PlanHeader | null, locale: string, timeZone: string): ChangeRequestView | null {
  if (!plan || plan.status !== 'In Revision' || !plan.changesRequestedOn) return null;
  return {
    heading: formatLabel(
      CHANGE_REQUESTED,
      plan.changesRequestedByName ?? '—',
      formatDateTime(plan.changesRequestedOn, locale, timeZone),
    ),
    reason: formatLabel(CHANGE_REQUEST_REASON, plan.changeRequestReason ?? '—'),
  };
}

/** A copy of the list with the item at `index` moved by `delta` places (clamped). */
export function moveItem<T>(items: T[], index: number, delta: number): T[] {
  const target = Math.max(0, Math.min(items.length - 1, index + delta));
  const copy = [...items];
  const [item] = copy.splice(index, 1);
  copy.splice(target, 0, item);
  return copy;
}
