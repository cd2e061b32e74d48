/**
 * Pure rules of the editor's target editing and of the plan's last lifecycle steps: which target actions the
 * status allows (edit, delete, split), which fields an edit may change, the edit form of a target and what
 * saving it changes, and whether Activate and Close are available (with the hint that says why not).
 */
import LOCALE from '@salesforce/i18n/locale';
import type { PlanHeader, PlanStatus, PlanTarget, TargetChanges } from 'c/planData';
import { canEditPlan, formatDate, formatLabel } from 'c/planInsights';
import { parseValue } from 'c/targetEdits';
import type { TargetFormField } from 'c/targetForm';
import type { TargetForm } from './editorModel';
import { LABELS } from './labels';

/** An accepted or active plan keeps its targets' metric, account, period, value and weight (Target_*_Locked). */
const isAccepted = (status: PlanStatus | null): boolean => status === 'Accepted' || status === 'Active';

/** What a target row offers, from the plan's status and the user's edit access. */
export interface TargetRowActions {
  edit: boolean;
  delete: boolean;
  split: boolean;
}

export function targetRowActions(status: PlanStatus | null, userCanEdit: boolean, busy: boolean): TargetRowActions {
  if (!userCanEdit || busy) return { edit: false, delete: false, split: false };
  return {
    // People stay editable on an accepted or active plan (no rule locks them); nothing on a closed one.
    edit: canEditPlan(status) || isAccepted(status),
    // Validation rules do not run on delete, so this is where deleting is limited to plans being drafted or
    // revised: never once the partner reviews it, nor on an accepted, active or closed plan.
    delete: status === 'Draft' || status === 'In Revision',
    split: canEditPlan(status),
  };
}

/** The form fields an edit may not change in this status (the accepted plan's locked ones). */
export function lockedTargetFields(status: PlanStatus | null): TargetFormField[] {
  return isAccepted(status)
    ? ['metric', 'periodType', 'period', 'periodStart', 'periodEnd', 'targetValue', 'targetAccountId', 'weight']
    : [];
}

/** The edit form of a target, with its saved values. */
export function editTargetForm(target: PlanTarget): TargetForm {
  return {
    mode: 'edit',
    sectionId: target.sectionId ?? '',
    targetId: target.id,
    metric: target.metric,
    periodType: target.periodType,
    periodStart: target.periodStart,
    periodEnd: target.periodEnd,
    targetValue: target.targetValue === null ? '' : String(target.targetValue),
    aeId: target.aeId,
    partnerManagerId: target.partnerManagerId,
    targetAccountId: target.targetAccountId,
    weight: target.weight === null ? '' : String(target.weight),
    messages: [],
    fieldErrors: {},
  };
}

const weightOf = (form: TargetForm): number | null => parseValue(form.weight ?? '');

/** What saving the form changes on the target: only the fields that differ (none locked by the status). */
export function targetFormChanges(form: TargetForm, target: PlanTarget, status: PlanStatus | null): TargetChanges {
  const locked = new Set<string>(lockedTargetFields(status));
  const changes: TargetChanges = {};
  const set = <K extends keyof TargetChanges>(field: TargetFormField, key: K, next: TargetChanges[K], now: unknown) => {
    if (!locked.has(field) && next !== now) changes[key] = next;
  };
  set('metric', 'metric', form.metric ?? undefined, target.metric);
  set('periodType', 'periodType', form.periodType, target.periodType);
  set('periodStart', 'periodStart', form.periodStart ?? undefined, target.periodStart);
  set('periodEnd', 'periodEnd', form.periodEnd ?? undefined, target.periodEnd);
  set('targetValue', 'targetValue', parseValue(form.targetValue), target.targetValue);
  set('weight', 'weight', weightOf(form), target.weight);
  set('aeId', 'aeId', form.aeId ?? null, target.aeId);
  set('partnerManagerId', 'partnerManagerId', form.partnerManagerId ?? null, target.partnerManagerId);
  set('targetAccountId', 'targetAccountId', form.targetAccountId ?? null, target.targetAccountId);
  return changes;
}

/** The new target's fields from the add form (blank people, account and weight left out). */
export function newTargetFields(form: TargetForm) {
  return {
    sectionId: form.sectionId,
    metric: form.metric as string,
    periodType: form.periodType,
    periodStart: form.periodStart as string,
    periodEnd: form.periodEnd as string,
    targetValue: parseValue(form.targetValue) as number,
    weight: weightOf(form),
    aeId: form.aeId ?? null,
    partnerManagerId: form.partnerManagerId ?? null,
    targetAccountId: form.targetAccountId ?? null,
  };
}

// ---------------------------------------------------------------------------------------------------
// Activate and Close

/** One of the two last lifecycle steps, as the header shows it. */
export interface EndStep {
  /** The status allows it (Accepted: Activate; Active: Close): the button is shown. */
  show: boolean;
  /** The owner may take it now. */
  allowed: boolean;
  /** Why it is disabled; null when it is not. */
  hint: string | null;
}

const NONE: EndStep = { show: false, allowed: false, hint: null };

/** Who to ask, by the owner's name ("Ask Dana Whitfield (plan owner) to …"); null when the name is unknown. */
export function askOwner(plan: PlanHeader, label: string): string | null {
  return plan.ownerName ? formatLabel(label, plan.ownerName) : null;
}

/** Activate: an accepted plan, by its owner, from the first day of its period (Activate_From_Period_Start). */
export function activateStep(plan: PlanHeader | null, userId: string, today: string): EndStep {
  if (!plan || plan.status !== 'Accepted') return NONE;
  if (plan.ownerId !== userId)
    return { show: true, allowed: false, hint: askOwner(plan, LABELS.askOwnerActivate) ?? LABELS.ownerActivates };
  if (plan.periodStart && today < plan.periodStart) {
    return { show: true, allowed: false, hint: formatLabel(LABELS.activatesOn, formatDate(plan.periodStart, LOCALE)) };
  }
  return { show: true, allowed: true, hint: null };
}

/** Close: an active plan, by its owner, once its period has ended (Close_After_Period_End). */
export function closeStep(plan: PlanHeader | null, userId: string, today: string): EndStep {
  if (!plan || plan.status !== 'Active') return NONE;
  if (plan.ownerId !== userId)
    return { show: true, allowed: false, hint: askOwner(plan, LABELS.askOwnerClose) ?? LABELS.ownerCloses };
  if (!plan.periodEnd || today <= plan.periodEnd) {
    return {
      show: true,
      allowed: false,
      hint: plan.periodEnd ? formatLabel(LABELS.closesAfter, formatDate(plan.periodEnd, LOCALE)) : null,
    };
  }
  return { show: true, allowed: true, hint: null };
}
