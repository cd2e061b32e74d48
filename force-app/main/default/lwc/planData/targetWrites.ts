/**
 * The plan editor's target and lifecycle writes beyond the grid's value edits (records.ts has those): a
 * target's fields from the edit form (one updateRecord of what changed, or one createRecord), deleting
 * targets, splitting a year target into its quarters or months, and the plan's last two steps, Activate and
 * Close. All through Lightning Data Service, one request per record, one outcome per record.
 */
import { createRecord, deleteRecord, type FieldInputValue } from 'lightning/uiRecordApi';

import TARGET_OBJECT from '@salesforce/schema/Plan_Target__c';
import TARGET_SECTION from '@salesforce/schema/Plan_Target__c.Plan_Section__c';
import TARGET_METRIC from '@salesforce/schema/Plan_Target__c.Metric__c';
import TARGET_PERIOD_TYPE from '@salesforce/schema/Plan_Target__c.Period_Type__c';
import TARGET_PERIOD_START from '@salesforce/schema/Plan_Target__c.Period_Start__c';
import TARGET_PERIOD_END from '@salesforce/schema/Plan_Target__c.Period_End__c';
import TARGET_VALUE from '@salesforce/schema/Plan_Target__c.Target_Value__c';
import TARGET_WEIGHT from '@salesforce/schema/Plan_Target__c.Weight__c';
import TARGET_AE from '@salesforce/schema/Plan_Target__c.Accountable_AE__c';
import TARGET_PARTNER_MANAGER from '@salesforce/schema/Plan_Target__c.Accountable_Partner_Manager__c';
import TARGET_ACCOUNT from '@salesforce/schema/Plan_Target__c.Target_Account__c';
import TARGET_REVISION_REASON from '@salesforce/schema/Plan_Target__c.Revision_Reason__c';
import TARGET_PARENT from '@salesforce/schema/Plan_Target__c.Parent_Target__c';
import TARGET_SPLIT_PROFILE from '@salesforce/schema/Plan_Target__c.Split_Profile__c';
import PLAN_STATUS from '@salesforce/schema/Partner_Account_Plan__c.Status__c';

import { parseRecordError, updateOne } from './records';
import type { PlanTarget, SaveOutcome } from './types';

/** The fields of a target the editor writes, by their domain names (PlanTarget's). */
export interface TargetFieldValues {
  metric: string;
  periodType: string | null;
  periodStart: string;
  periodEnd: string;
  targetValue: number | null;
  weight: number | null;
  aeId: string | null;
  partnerManagerId: string | null;
  targetAccountId: string | null;
  revisionReason: string;
  parentTargetId: string | null;
  splitProfile: string | null;
}

export type TargetChanges = Partial<TargetFieldValues>;

/** The field API name of each domain name: also how a server field error finds its input. */
export const TARGET_FIELD_API: Record<keyof TargetFieldValues, string> = {
  metric: TARGET_METRIC.fieldApiName,
  periodType: TARGET_PERIOD_TYPE.fieldApiName,
  periodStart: TARGET_PERIOD_START.fieldApiName,
  periodEnd: TARGET_PERIOD_END.fieldApiName,
  targetValue: TARGET_VALUE.fieldApiName,
  weight: TARGET_WEIGHT.fieldApiName,
  aeId: TARGET_AE.fieldApiName,
  partnerManagerId: TARGET_PARTNER_MANAGER.fieldApiName,
  targetAccountId: TARGET_ACCOUNT.fieldApiName,
  revisionReason: TARGET_REVISION_REASON.fieldApiName,
  parentTargetId: TARGET_PARENT.fieldApiName,
  splitProfile: TARGET_SPLIT_PROFILE.fieldApiName,
};

/** The record fields of the given changes (only the keys present). */
function fieldInputs(changes: TargetChanges): Record<string, FieldInputValue> {
  const fields: Record<string, FieldInputValue> = {};
  for (const [key, value] of Object.entries(changes)) {
    if (value !== undefined) fields[TARGET_FIELD_API[key as keyof TargetFieldValues]] = value;
  }
  return fields;
}

const success = (id: string): SaveOutcome => ({ id, ok: true, fieldErrors: {}, messages: [] });
const failure = (id: string, error: unknown): SaveOutcome => ({ id, ok: false, ...parseRecordError(error) });

/** Updates the changed fields of a target: one updateRecord with only them. */
export function updateTarget(targetId: string, changes: TargetChanges): Promise<SaveOutcome> {
  return updateOne({ Id: targetId, ...fieldInputs(changes) });
}

export type NewTarget = Pick<TargetFieldValues, 'metric' | 'periodStart' | 'periodEnd' | 'targetValue'> &
  Partial<Omit<TargetFieldValues, 'revisionReason'>> & { sectionId: string };

/** Creates a target with every field given (blank ones left out); `key` names it in a failure's outcome. */
export async function createPlanTarget(target: NewTarget, key = 'new-target'): Promise<SaveOutcome> {
  const { sectionId, ...values } = target;
  const fields: Record<string, FieldInputValue> = { [TARGET_SECTION.fieldApiName]: sectionId };
  for (const [name, value] of Object.entries(fieldInputs(values))) {
    if (value !== null && value !== '') fields[name] = value;
  }
  try {
    const record = await createRecord({ apiName: TARGET_OBJECT.objectApiName, fields });
    return success(record.id);
  } catch (error) {
    return failure(key, error);
  }
}

/**
 * Deletes targets, one deleteRecord each, in parallel. Salesforce runs no validation rule on delete: the
 * editor decides when a plan's targets may be deleted (Draft and In Revision only).
 */
export async function deleteTargets(targetIds: string[]): Promise<SaveOutcome[]> {
  const settled = await Promise.allSettled(targetIds.map((id) => deleteRecord(id)));
  return settled.map((s, i) => (s.status === 'fulfilled' ? success(targetIds[i]) : failure(targetIds[i], s.reason)));
}

/** Accepted -> Active (the server refuses it before the period starts: Activate_From_Period_Start). */
export function activatePlan(planId: string): Promise<SaveOutcome> {
  return updateOne({ Id: planId, [PLAN_STATUS.fieldApiName]: 'Active' });
}

/** Active -> Closed (refused until the period has ended: Close_After_Period_End); a closed plan is read-only. */
export function closePlan(planId: string): Promise<SaveOutcome> {
  return updateOne({ Id: planId, [PLAN_STATUS.fieldApiName]: 'Closed' });
}

// ---------------------------------------------------------------------------------------------------
// Annual split

/** One part of a split year (c/planYear's PartSpec). */
export interface SplitPart {
  periodType: 'Quarter' | 'Month';
  start: string;
  end: string;
  targetValue: number;
}

/** The writes that make a year target and its parts agree with a split. */
export interface YearSplitWrites {
  /** The year's own changes (value, profile); empty when they are as split. */
  year: { id: string; changes: TargetChanges };
  /** Existing parts (or matching standalone targets) that take the new values and the year as parent. */
  updates: { id: string; changes: TargetChanges }[];
  creates: NewTarget[];
  /** Parts of the year that are not in the split (the other granularity): deleted only once confirmed. */
  deletes: PlanTarget[];
}

const isPartOf = (t: PlanTarget, year: PlanTarget): boolean => t.parentTargetId === year.id;

/**
 * A standalone target the split adopts as a part when its period matches: same section, metric and customer
 * account as the year, of the part's period type (a quarter target typed by hand before the split).
 */
const adoptable = (t: PlanTarget, year: PlanTarget): boolean =>
  !t.parentTargetId &&
  t.id !== year.id &&
  t.sectionId === year.sectionId &&
  t.metric === year.metric &&
  (t.targetAccountId ?? null) === (year.targetAccountId ?? null);

/**
 * What saving a split writes: the year's value and profile; each part matched by period to an existing part
 * (or an adoptable standalone target) is updated, the others created with the year's metric, people, customer
 * account and weight; the year's parts left over are to be deleted. `reason` goes with every value change of a
 * baselined target (Revision_Reason_Required).
 */
export function yearSplitWrites(options: {
  year: PlanTarget;
  yearValue: number;
  profile: string;
  parts: SplitPart[];
  targets: PlanTarget[];
  reason: string | null;
}): YearSplitWrites {
  const { year, yearValue, profile, parts, targets, reason } = options;
  const withReason = (t: PlanTarget, changes: TargetChanges): TargetChanges => {
    const needsReason = changes.targetValue !== undefined && t.baselineValue !== null && reason;
    return needsReason ? { ...changes, revisionReason: reason } : changes;
  };
  const yearChanges: TargetChanges = {};
  if (year.targetValue !== yearValue) yearChanges.targetValue = yearValue;
  if ((year.splitProfile ?? null) !== profile) yearChanges.splitProfile = profile;

  const used = new Set<string>();
  const updates: YearSplitWrites['updates'] = [];
  const creates: NewTarget[] = [];
  for (const part of parts) {
    const samePeriod = (t: PlanTarget): boolean =>
      !used.has(t.id) && t.periodType === part.periodType && t.periodStart === part.start && t.periodEnd === part.end;
    const match =
      targets.find((t) => isPartOf(t, year) && samePeriod(t)) ??
      targets.find((t) => adoptable(t, year) && samePeriod(t));
    if (match) {
      used.add(match.id);
      const changes: TargetChanges = {};
      if (match.targetValue !== part.targetValue) changes.targetValue = part.targetValue;
      if (match.parentTargetId !== year.id) changes.parentTargetId = year.id;
      if (Object.keys(changes).length > 0) updates.push({ id: match.id, changes: withReason(match, changes) });
    } else {
      creates.push({
        sectionId: year.sectionId as string,
        metric: year.metric,
        periodType: part.periodType,
        periodStart: part.start,
        periodEnd: part.end,
        targetValue: part.targetValue,
        aeId: year.aeId,
        partnerManagerId: year.partnerManagerId,
        targetAccountId: year.targetAccountId,
        weight: year.weight,
        parentTargetId: year.id,
      });
    }
  }
  const deletes = targets.filter((t) => isPartOf(t, year) && !used.has(t.id));
  return { year: { id: year.id, changes: withReason(year, yearChanges) }, updates, creates, deletes };
}

/**
 * Saves a split: the year first (its parts' periods must lie in it, and a refusal there stops the rest), then
 * the parts' updates and creates in parallel, then the deletes (when `deleteLeftovers`). One outcome per write.
 */
export async function saveYearSplit(writes: YearSplitWrites, deleteLeftovers: boolean): Promise<SaveOutcome[]> {
  const outcomes: SaveOutcome[] = [];
  if (Object.keys(writes.year.changes).length > 0) {
    const year = await updateTarget(writes.year.id, writes.year.changes);
    outcomes.push(year);
    if (!year.ok) return outcomes;
  }
  const parts = await Promise.all([
    ...writes.updates.map((u) => updateTarget(u.id, u.changes)),
    ...writes.creates.map((c, i) => createPlanTarget(c, `new-part-${i + 1}`)),
  ]);
  outcomes.push(...parts);
  if (deleteLeftovers && writes.deletes.length > 0) {
    outcomes.push(...(await deleteTargets(writes.deletes.map((t) => t.id))));
  }
  return outcomes;
}
