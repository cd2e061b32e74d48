/**
 * Single records through Lightning Data Service (`lightning/uiRecordApi`): the field lists the record
 * wires ask for, the mappers from UI API records to domain types, and every write the components make.
 * Writes run one request per record, in parallel, and report an outcome per record: nothing is silently
 * lost and a failure of one record never hides the success of another.
 */
import {
  createRecord,
  getFieldValue,
  notifyRecordUpdateAvailable,
  updateRecord,
  type ErrorBody,
  type FetchResponse,
  type FieldInputValue,
  type RecordRepresentation,
  type UpdateRecordInput,
  type WireResult,
} from 'lightning/uiRecordApi';
import UNKNOWN_ERROR from '@salesforce/label/c.Partner_Planning_Unknown_Error';

import PLAN_OBJECT from '@salesforce/schema/Partner_Account_Plan__c';
import PLAN_NAME from '@salesforce/schema/Partner_Account_Plan__c.Name';
import PLAN_PARTNER from '@salesforce/schema/Partner_Account_Plan__c.Partner_Account__c';
import PLAN_PARTNER_NAME from '@salesforce/schema/Partner_Account_Plan__c.Partner_Account__r.Name';
import PLAN_STATUS from '@salesforce/schema/Partner_Account_Plan__c.Status__c';
import PLAN_PERIOD_START from '@salesforce/schema/Partner_Account_Plan__c.Period_Start__c';
import PLAN_PERIOD_END from '@salesforce/schema/Partner_Account_Plan__c.Period_End__c';
import PLAN_FISCAL_YEAR from '@salesforce/schema/Partner_Account_Plan__c.Fiscal_Year__c';
import PLAN_VERSION from '@salesforce/schema/Partner_Account_Plan__c.Version__c';
import PLAN_OVERALL_ATTAINMENT from '@salesforce/schema/Partner_Account_Plan__c.Overall_Attainment__c';
import PLAN_ACCEPTED_BY from '@salesforce/schema/Partner_Account_Plan__c.Accepted_By__c';
import PLAN_ACCEPTED_BY_NAME from '@salesforce/schema/Partner_Account_Plan__c.Accepted_By__r.Name';
import PLAN_ACCEPTED_ON from '@salesforce/schema/Partner_Account_Plan__c.Accepted_On__c';
import PLAN_OWNER from '@salesforce/schema/Partner_Account_Plan__c.OwnerId';
import PLAN_OWNER_NAME from '@salesforce/schema/Partner_Account_Plan__c.Owner.Name';
import PLAN_ACCEPTED_BY_CONTACT from '@salesforce/schema/Partner_Account_Plan__c.Accepted_By_Contact__c';
import PLAN_ACCEPTED_BY_CONTACT_NAME from '@salesforce/schema/Partner_Account_Plan__c.Accepted_By_Contact__r.Name';
import PLAN_CHANGE_REASON from '@salesforce/schema/Partner_Account_Plan__c.Change_Request_Reason__c';
import PLAN_CHANGES_REQUESTED_ON from '@salesforce/schema/Partner_Account_Plan__c.Changes_Requested_On__c';
import PLAN_CHANGES_REQUESTED_BY from '@salesforce/schema/Partner_Account_Plan__c.Changes_Requested_By__c';
import PLAN_CHANGES_REQUESTED_BY_NAME from '@salesforce/schema/Partner_Account_Plan__c.Changes_Requested_By__r.Name';

import SECTION_OBJECT from '@salesforce/schema/Plan_Section__c';
import SECTION_PLAN from '@salesforce/schema/Plan_Section__c.Partner_Account_Plan__c';
import SECTION_NAME from '@salesforce/schema/Plan_Section__c.Name';
import SECTION_TYPE from '@salesforce/schema/Plan_Section__c.Section_Type__c';
import SECTION_SUMMARY from '@salesforce/schema/Plan_Section__c.Summary__c';
import SECTION_SORT_ORDER from '@salesforce/schema/Plan_Section__c.Sort_Order__c';

import TARGET_OBJECT from '@salesforce/schema/Plan_Target__c';
import TARGET_SECTION from '@salesforce/schema/Plan_Target__c.Plan_Section__c';
import TARGET_METRIC from '@salesforce/schema/Plan_Target__c.Metric__c';
import TARGET_PERIOD_TYPE from '@salesforce/schema/Plan_Target__c.Period_Type__c';
import TARGET_PERIOD_START from '@salesforce/schema/Plan_Target__c.Period_Start__c';
import TARGET_PERIOD_END from '@salesforce/schema/Plan_Target__c.Period_End__c';
import TARGET_VALUE from '@salesforce/schema/Plan_Target__c.Target_Value__c';
import TARGET_AE from '@salesforce/schema/Plan_Target__c.Accountable_AE__c';
import TARGET_PARTNER_MANAGER from '@salesforce/schema/Plan_Target__c.Accountable_Partner_Manager__c';
import TARGET_BASELINE from '@salesforce/schema/Plan_Target__c.Baseline_Target_Value__c';
import TARGET_REVISION_REASON from '@salesforce/schema/Plan_Target__c.Revision_Reason__c';

import ACTION_OBJECT from '@salesforce/schema/APR_Action__c';
import ACTION_OPPORTUNITY from '@salesforce/schema/APR_Action__c.Opportunity__c';
import ACTION_PLAN from '@salesforce/schema/APR_Action__c.Partner_Account_Plan__c';
import ACTION_TARGET from '@salesforce/schema/APR_Action__c.Plan_Target__c';
import ACTION_PARTNER from '@salesforce/schema/APR_Action__c.Partner_Account__c';
import ACTION_ACTOR from '@salesforce/schema/APR_Action__c.Actor__c';
import ACTION_ACTOR_ROLE from '@salesforce/schema/APR_Action__c.Actor_Role__c';
import ACTION_TYPE from '@salesforce/schema/APR_Action__c.Action_Type__c';
import ACTION_DATE from '@salesforce/schema/APR_Action__c.Action_Date__c';
import ACTION_QUANTITY from '@salesforce/schema/APR_Action__c.Quantity__c';
import ACTION_OUTCOME from '@salesforce/schema/APR_Action__c.Outcome__c';
import ACTION_NEXT_STEP from '@salesforce/schema/APR_Action__c.Next_Step__c';
import ACTION_NOTES from '@salesforce/schema/APR_Action__c.Notes__c';

import OPPORTUNITY_NAME from '@salesforce/schema/Opportunity.Name';
import OPPORTUNITY_OWNER from '@salesforce/schema/Opportunity.OwnerId';
import OPPORTUNITY_OWNER_NAME from '@salesforce/schema/Opportunity.Owner.Name';
import OPPORTUNITY_ACCOUNT from '@salesforce/schema/Opportunity.AccountId';
import OPPORTUNITY_PARTNER from '@salesforce/schema/Opportunity.Partner_Account__c';
import OPPORTUNITY_PARTNER_NAME from '@salesforce/schema/Opportunity.Partner_Account__r.Name';
import OPPORTUNITY_IS_CLOSED from '@salesforce/schema/Opportunity.IsClosed';
import OPPORTUNITY_IS_WON from '@salesforce/schema/Opportunity.IsWon';
import OPPORTUNITY_LAST_ACTION from '@salesforce/schema/Opportunity.Last_APR_Action_Date__c';

import { plainMessages } from './plainErrors';
import type { ActorRole, Loadable, OpportunityInfo, PlanHeader, PlanStatus, PlanTarget, SaveOutcome } from './types';

export {
  PLAN_OBJECT,
  PLAN_STATUS,
  PLAN_CHANGE_REASON,
  PLAN_CHANGES_REQUESTED_BY,
  PLAN_CHANGES_REQUESTED_ON,
  SECTION_OBJECT,
  SECTION_TYPE,
  TARGET_OBJECT,
  TARGET_PERIOD_TYPE,
  ACTION_OBJECT,
  ACTION_TYPE,
  ACTION_OUTCOME,
  ACTION_ACTOR_ROLE,
};

// ---------------------------------------------------------------------------------------------------
// Record wires

/** The fields of the plan header (getRecord on the plan record page). */
export const PLAN_FIELDS: FieldId[] = [
  PLAN_NAME,
  PLAN_PARTNER,
  PLAN_PARTNER_NAME,
  PLAN_STATUS,
  PLAN_PERIOD_START,
  PLAN_PERIOD_END,
  PLAN_FISCAL_YEAR,
  PLAN_VERSION,
  PLAN_OVERALL_ATTAINMENT,
  PLAN_ACCEPTED_BY,
  PLAN_ACCEPTED_BY_NAME,
  PLAN_ACCEPTED_ON,
];

/**
 * The plan's owner (and their name, for whom to ask), who accepted it for the partner and the partner's change request: optional, so a user
 * without access to one of them (field-level security, a contact they cannot read) still gets the plan.
 */
export const PLAN_OPTIONAL_FIELDS: FieldId[] = [
  PLAN_OWNER,
  PLAN_OWNER_NAME,
  PLAN_ACCEPTED_BY_CONTACT,
  PLAN_ACCEPTED_BY_CONTACT_NAME,
  PLAN_CHANGE_REASON,
  PLAN_CHANGES_REQUESTED_ON,
  PLAN_CHANGES_REQUESTED_BY,
  PLAN_CHANGES_REQUESTED_BY_NAME,
];

/** The fields of the opportunity an action is logged on. */
export const OPPORTUNITY_FIELDS: FieldId[] = [
  OPPORTUNITY_NAME,
  OPPORTUNITY_OWNER,
  OPPORTUNITY_ACCOUNT,
  OPPORTUNITY_PARTNER,
  OPPORTUNITY_IS_CLOSED,
  OPPORTUNITY_IS_WON,
  OPPORTUNITY_LAST_ACTION,
];

/** Read when the user may see them (relationship names need read access to the parent). */
export const OPPORTUNITY_OPTIONAL_FIELDS: FieldId[] = [OPPORTUNITY_OWNER_NAME, OPPORTUNITY_PARTNER_NAME];

const str = (record: RecordRepresentation, field: FieldId): string | null => {
  const value = getFieldValue(record, field);
  return typeof value === 'string' ? value : null;
};
const num = (record: RecordRepresentation, field: FieldId): number | null => {
  const value = getFieldValue(record, field);
  return typeof value === 'number' ? value : null;
};

/** The message to show for an error emitted by a wire or thrown by a write. */
export function errorMessage(error: unknown): string {
  const parsed = parseRecordError(error);
  const fieldMessages = Object.values(parsed.fieldErrors).flat();
  return [...parsed.messages, ...fieldMessages].join(' ') || UNKNOWN_ERROR;
}

/** The record of a getRecord wire, or the loading / error state it is in. */
function recordState(
  result: WireResult<RecordRepresentation> | undefined,
): { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; record: RecordRepresentation } {
  if (!result) return { kind: 'loading' };
  if (result.error) return { kind: 'error', message: errorMessage(result.error) };
  if (!result.data) return { kind: 'loading' };
  return { kind: 'ready', record: result.data };
}

export function readPlanHeader(result: WireResult<RecordRepresentation> | undefined): Loadable<PlanHeader> {
  const state = recordState(result);
  if (state.kind !== 'ready') return state;
  const r = state.record;
  const value: PlanHeader = {
    id: r.id,
    name: str(r, PLAN_NAME) ?? '',
    partnerAccountId: str(r, PLAN_PARTNER),
    partnerName: str(r, PLAN_PARTNER_NAME),
    status: str(r, PLAN_STATUS) as PlanStatus | null,
    periodStart: str(r, PLAN_PERIOD_START),
    periodEnd: str(r, PLAN_PERIOD_END),
    fiscalYear: str(r, PLAN_FISCAL_YEAR),
    version: num(r, PLAN_VERSION),
    overallAttainment: num(r, PLAN_OVERALL_ATTAINMENT),
    acceptedById: str(r, PLAN_ACCEPTED_BY),
    acceptedByName: str(r, PLAN_ACCEPTED_BY_NAME),
    acceptedOn: str(r, PLAN_ACCEPTED_ON),
    ownerId: str(r, PLAN_OWNER),
    ownerName: str(r, PLAN_OWNER_NAME),
    acceptedByContactId: str(r, PLAN_ACCEPTED_BY_CONTACT),
    acceptedByContactName: str(r, PLAN_ACCEPTED_BY_CONTACT_NAME),
    changeRequestReason: str(r, PLAN_CHANGE_REASON),
    changesRequestedOn: str(r, PLAN_CHANGES_REQUESTED_ON),
    changesRequestedById: str(r, PLAN_CHANGES_REQUESTED_BY),
    changesRequestedByName: str(r, PLAN_CHANGES_REQUESTED_BY_NAME),
  };
  return { kind: 'ready', value, truncated: false };
}

export function readOpportunity(result: WireResult<RecordRepresentation> | undefined): Loadable<OpportunityInfo> {
  const state = recordState(result);
  if (state.kind !== 'ready') return state;
  const r = state.record;
  const value: OpportunityInfo = {
    id: r.id,
    name: str(r, OPPORTUNITY_NAME) ?? '',
    ownerId: str(r, OPPORTUNITY_OWNER),
    ownerName: str(r, OPPORTUNITY_OWNER_NAME),
    accountId: str(r, OPPORTUNITY_ACCOUNT),
    partnerAccountId: str(r, OPPORTUNITY_PARTNER),
    partnerName: str(r, OPPORTUNITY_PARTNER_NAME),
    isClosed: getFieldValue(r, OPPORTUNITY_IS_CLOSED) === true,
    isWon: getFieldValue(r, OPPORTUNITY_IS_WON) === true,
    lastAprActionDate: str(r, OPPORTUNITY_LAST_ACTION),
  };
  return { kind: 'ready', value, truncated: false };
}

// ---------------------------------------------------------------------------------------------------
// Errors

export interface RecordErrors {
  fieldErrors: Record<string, string[]>;
  messages: string[];
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/**
 * Splits what LDS rejects with (a fetch response whose body is a UI API error, an array of errors, or an
 * Error with Output holding record exceptions) into field errors and other messages.
 */
export function parseRecordError(error: unknown): RecordErrors {
  const out: RecordErrors = { fieldErrors: {}, messages: [] };
  const addBody = (body: ErrorBody): void => {
    const output = body.output;
    const outputErrors = output ? output.errors : [];
    const fieldErrors = output ? output.fieldErrors : {};
    for (const e of outputErrors) if (e.message) out.messages.push(e.message);
    for (const [field, errors] of Object.entries(fieldErrors)) {
      out.fieldErrors[field] = [...(out.fieldErrors[field] ?? []), ...errors.map((e) => e.message)];
    }
    const hasDetail = outputErrors.length > 0 || Object.keys(fieldErrors).length > 0;
    if (!hasDetail && body.message) out.messages.push(body.message);
  };
  if (isObject(error) && 'body' in error) {
    const body = (error as FetchResponse).body;
    if (Array.isArray(body)) body.forEach(addBody);
    else if (isObject(body)) addBody(body);
    else if (typeof (error as FetchResponse).statusText === 'string')
      out.messages.push(String((error as FetchResponse).statusText));
  } else if (error instanceof Error) {
    out.messages.push(error.message);
  } else if (typeof error === 'string') {
    out.messages.push(error);
  }
  if (out.messages.length === 0 && Object.keys(out.fieldErrors).length === 0) out.messages.push(UNKNOWN_ERROR);
  // Field errors are validation messages written for people; other messages may carry internals.
  out.messages = plainMessages(out.messages);
  return out;
}

const success = (id: string): SaveOutcome => ({ id, ok: true, fieldErrors: {}, messages: [] });
const failure = (id: string, error: unknown): SaveOutcome => ({ id, ok: false, ...parseRecordError(error) });

// ---------------------------------------------------------------------------------------------------
// Writes

/** Runs one updateRecord per input, in parallel, and returns one outcome per input, in input order. */
export async function updateRecords(inputs: UpdateRecordInput[]): Promise<SaveOutcome[]> {
  const settled = await Promise.allSettled(inputs.map((input) => updateRecord(input)));
  return settled.map((s, i) => {
    const id = inputs[i].fields.Id;
    return s.status === 'fulfilled' ? success(id) : failure(id, s.reason);
  });
}

/** One updateRecord, as an outcome. */
export async function updateOne(fields: UpdateRecordInput['fields']): Promise<SaveOutcome> {
  const [outcome] = await updateRecords([{ fields }]);
  return outcome;
}

/** Draft or In Revision -> Partner Review. */
export function submitForPartnerReview(planId: string): Promise<SaveOutcome> {
  return updateOne({ Id: planId, [PLAN_STATUS.fieldApiName]: 'Partner Review' });
}

/** Accepted or Active -> In Revision. The reason is written later, on each target that changes. */
export function startRevision(planId: string): Promise<SaveOutcome> {
  return updateOne({ Id: planId, [PLAN_STATUS.fieldApiName]: 'In Revision' });
}

/**
 * Snapshots the baseline of every target whose baseline differs from its target value
 * (Baseline_Target_Value__c = Target_Value__c). Targets already baselined at their value need no write.
 * Called while the plan is still in Partner Review, before `markPlanAccepted`: once the plan is accepted the
 * server only lets a blank baseline be filled in (Baseline_Only_Completed), and a plan left in review by a
 * failure has its baselines taken again at its next acceptance.
 */
export function snapshotBaselines(targets: PlanTarget[]): Promise<SaveOutcome[]> {
  const inputs = targets
    .filter((t) => t.baselineValue !== t.targetValue)
    .map((t) => ({ fields: { Id: t.id, [TARGET_BASELINE.fieldApiName]: t.targetValue } }));
  return updateRecords(inputs);
}

/**
 * Partner Review -> Accepted: stamps who and when, and bumps the version, in one save as the server's lifecycle
 * rules require (Acceptance_Needs_Stamp, Acceptance_Starts_New_Version: the stored version plus one). A partner
 * user's acceptance also names their contact (Partner_Acceptance_Stamp); an internal one leaves it blank.
 */
export function markPlanAccepted(
  plan: PlanHeader,
  userId: string,
  now: Date,
  partnerContactId: string | null = null,
): Promise<SaveOutcome> {
  const fields: UpdateRecordInput['fields'] = {
    Id: plan.id,
    [PLAN_STATUS.fieldApiName]: 'Accepted',
    [PLAN_ACCEPTED_BY.fieldApiName]: userId,
    [PLAN_ACCEPTED_ON.fieldApiName]: now.toISOString(),
    [PLAN_VERSION.fieldApiName]: (plan.version ?? 0) + 1,
  };
  // An internal acceptance clears the contact a partner's earlier acceptance left (only then: a user may lack
  // edit access to a field they never need to write).
  if (partnerContactId || plan.acceptedByContactId) {
    fields[PLAN_ACCEPTED_BY_CONTACT.fieldApiName] = partnerContactId;
  }
  return updateOne(fields);
}

export interface TargetEdit {
  targetId: string;
  targetValue: number | null;
  /** Written with the value when the target has a baseline (the Revision_Reason_Required rule). */
  revisionReason?: string;
}

/** Saves edited target values: one updateRecord per target, in parallel. */
export function saveTargetEdits(edits: TargetEdit[]): Promise<SaveOutcome[]> {
  return updateRecords(
    edits.map((edit) => {
      const fields: UpdateRecordInput['fields'] = { Id: edit.targetId, [TARGET_VALUE.fieldApiName]: edit.targetValue };
      if (edit.revisionReason !== undefined) fields[TARGET_REVISION_REASON.fieldApiName] = edit.revisionReason;
      return { fields };
    }),
  );
}

/** Rewrites Sort_Order__c as 10, 20, 30... in the given order, writing only the sections that move. */
export function saveSectionOrder(sections: { id: string; sortOrder: number | null }[]): Promise<SaveOutcome[]> {
  const inputs = sections
    .map((s, i) => ({ id: s.id, current: s.sortOrder, next: (i + 1) * 10 }))
    .filter((s) => s.current !== s.next)
    .map((s) => ({ fields: { Id: s.id, [SECTION_SORT_ORDER.fieldApiName]: s.next } }));
  return updateRecords(inputs);
}

export interface SectionInput {
  // eslint-disable-next-line no-restricted-globals -- a property signature, not the global
  name: string;
  sectionType: string | null;
  summary: string | null;
}

export function updateSection(sectionId: string, input: SectionInput): Promise<SaveOutcome> {
  return updateOne({
    Id: sectionId,
    [SECTION_NAME.fieldApiName]: input.name,
    [SECTION_TYPE.fieldApiName]: input.sectionType,
    [SECTION_SUMMARY.fieldApiName]: input.summary,
  });
}

/** One createRecord, as an outcome; `key` names the record in a failure's outcome. */
export async function createOne(
  apiName: string,
  key: string,
  fields: Record<string, FieldInputValue>,
): Promise<SaveOutcome> {
  try {
    const record = await createRecord({ apiName, fields });
    return success(record.id);
  } catch (error) {
    return failure(key, error);
  }
}

/** Creates sections in parallel; `sortOrder` places them. One outcome per input, in input order. */
export function createSections(
  planId: string,
  sections: (SectionInput & { sortOrder: number })[],
): Promise<SaveOutcome[]> {
  return Promise.all(
    sections.map((s, i) => {
      const fields: Record<string, FieldInputValue> = {
        [SECTION_PLAN.fieldApiName]: planId,
        [SECTION_NAME.fieldApiName]: s.name,
        [SECTION_TYPE.fieldApiName]: s.sectionType,
        [SECTION_SORT_ORDER.fieldApiName]: s.sortOrder,
      };
      if (s.summary) fields[SECTION_SUMMARY.fieldApiName] = s.summary;
      return createOne(SECTION_OBJECT.objectApiName, `new-section-${i}`, fields);
    }),
  );
}

export interface TargetInput {
  sectionId: string;
  metric: string;
  periodType: string | null;
  periodStart: string;
  periodEnd: string;
  targetValue: number;
  /** The accountable AE and partner manager, when the new target has them (an accepted suggestion's pair). */
  aeId?: string;
  partnerManagerId?: string;
}

/** Creates a target (LDS createRecord); `key` names it in the outcome's errors. */
export function createTarget(input: TargetInput, key = 'new-target'): Promise<SaveOutcome> {
  const fields: Record<string, FieldInputValue> = {
    [TARGET_SECTION.fieldApiName]: input.sectionId,
    [TARGET_METRIC.fieldApiName]: input.metric,
    [TARGET_PERIOD_START.fieldApiName]: input.periodStart,
    [TARGET_PERIOD_END.fieldApiName]: input.periodEnd,
    [TARGET_VALUE.fieldApiName]: input.targetValue,
  };
  if (input.periodType) fields[TARGET_PERIOD_TYPE.fieldApiName] = input.periodType;
  if (input.aeId) fields[TARGET_AE.fieldApiName] = input.aeId;
  if (input.partnerManagerId) fields[TARGET_PARTNER_MANAGER.fieldApiName] = input.partnerManagerId;
  return createOne(TARGET_OBJECT.objectApiName, key, fields);
}

export interface AprActionInput {
  actionType: string;
  actionDate: string;
  actorId: string;
  actorRole: ActorRole | null;
  quantity: number;
  opportunityId: string | null;
  partnerAccountId: string | null;
  planId: string | null;
  targetId: string | null;
  outcome: string | null;
  nextStep: string | null;
  notes: string | null;
}

/** Creates an APR action. Empty optional fields are left out of the request. */
export function logAprAction(input: AprActionInput): Promise<SaveOutcome> {
  const fields: Record<string, FieldInputValue> = {
    [ACTION_TYPE.fieldApiName]: input.actionType,
    [ACTION_DATE.fieldApiName]: input.actionDate,
    [ACTION_ACTOR.fieldApiName]: input.actorId,
    [ACTION_QUANTITY.fieldApiName]: input.quantity,
  };
  const optional: [FieldId, string | null][] = [
    [ACTION_ACTOR_ROLE, input.actorRole],
    [ACTION_OPPORTUNITY, input.opportunityId],
    [ACTION_PARTNER, input.partnerAccountId],
    [ACTION_PLAN, input.planId],
    [ACTION_TARGET, input.targetId],
    [ACTION_OUTCOME, input.outcome],
    [ACTION_NEXT_STEP, input.nextStep],
    [ACTION_NOTES, input.notes],
  ];
  for (const [field, value] of optional) {
    if (value !== null && value !== '') fields[field.fieldApiName] = value;
  }
  return createOne(ACTION_OBJECT.objectApiName, 'new-action', fields);
}

/** Tells LDS that records changed on the server (roll-ups, triggers), so wires showing them refetch. */
export function notifyRecordsChanged(recordIds: (string | null | undefined)[]): Promise<void> {
  const ids = recordIds.filter((id): id is string => Boolean(id));
  return ids.length > 0 ? notifyRecordUpdateAvailable(ids.map((recordId) => ({ recordId }))) : Promise.resolve();
}
