/**
 * The partner's side of a plan: the plans a partner sees, the shared sections and targets of one plan (only
 * fields the Partner_User permission set reads: the UI API GraphQL schema is the user's own, and refuses a
 * field they cannot see), the running user (a partner user has a ContactId), and the partner's two decisions
 * on a plan in review: accept it, or request changes with a reason.
 */
import { gql, type DocumentNode } from 'lightning/graphql';
import { getFieldValue, type RecordRepresentation, type WireResult } from 'lightning/uiRecordApi';
import USER_NAME from '@salesforce/schema/User.Name';
import USER_CONTACT from '@salesforce/schema/User.ContactId';
import USER_TYPE from '@salesforce/schema/User.UserType';
import TASK_OBJECT from '@salesforce/schema/Task';
import TASK_OWNER from '@salesforce/schema/Task.OwnerId';
import TASK_WHAT from '@salesforce/schema/Task.WhatId';
import TASK_SUBJECT from '@salesforce/schema/Task.Subject';
import TASK_DESCRIPTION from '@salesforce/schema/Task.Description';
import TASK_PRIORITY from '@salesforce/schema/Task.Priority';
import TASK_ACTIVITY_DATE from '@salesforce/schema/Task.ActivityDate';
import TASK_SUBJECT_TEMPLATE from '@salesforce/label/c.Partner_Portal_Change_Task_Subject';
import { PLAN_FRAGMENT, SECTION_FRAGMENT, type PlansData, type SectionsData } from './plans';
import {
  PLAN_CHANGE_REASON,
  PLAN_CHANGES_REQUESTED_BY,
  PLAN_CHANGES_REQUESTED_ON,
  PLAN_STATUS,
  createOne,
  errorMessage,
  markPlanAccepted,
  snapshotBaselines,
  updateOne,
} from './records';
import { sharedTargetSelection, type TargetNode } from './targets';
import type { UiapiData } from './graphqlShapes';
import type { Loadable, PlanHeader, PlanTarget, RunningUser, SaveOutcome } from './types';

/** The statuses in which a plan is shared with its partner (the access job never shares a Draft). */
export const PARTNER_STATUSES = ['Partner Review', 'Accepted', 'Active', 'In Revision', 'Closed'];

/** The running user's record fields (getRecord on @salesforce/user/Id). */
export const USER_FIELDS: FieldId[] = [USER_NAME, USER_CONTACT, USER_TYPE];

/** Task.Subject holds 255 characters. */
const TASK_SUBJECT_MAX = 255;

/** The plans the user sees in a shared status, newest period first (sharing decides whose). */
export const PARTNER_PLANS_QUERY: DocumentNode<PlansData, Record<string, never>> = gql`
  query partnerPlans {
    uiapi {
      query {
        Partner_Account_Plan__c(
          where: { Status__c: { in: ["Partner Review", "Accepted", "Active", "In Revision", "Closed"] } }
          orderBy: { Period_Start__c: { order: DESC }, Name: { order: ASC } }
          first: 200
        ) {
          edges {
            node {
              ...PlanFields
            }
          }
          pageInfo {
            hasNextPage
            endCursor
          }
        }
      }
    }
  }
  ${PLAN_FRAGMENT}
`;

/** The sections of a plan that are visible to the partner, in order. Variables: `planId`. */
export const SHARED_SECTIONS_QUERY: DocumentNode<SectionsData, { planId: string }> = gql`
  query sharedSections($planId: ID) {
    uiapi {
      query {
        Plan_Section__c(
          where: { and: [{ Partner_Account_Plan__c: { eq: $planId } }, { Visible_To_Partner__c: { eq: true } }] }
          orderBy: { Sort_Order__c: { order: ASC, nulls: LAST }, Name: { order: ASC } }
          first: 200
        ) {
          edges {
            node {
              ...SectionFields
            }
          }
          pageInfo {
            hasNextPage
            endCursor
          }
        }
      }
    }
  }
  ${SECTION_FRAGMENT}
`;

/** A target as the shared-targets documents select it: what a partner user may read. */
export type SharedTargetNode = Pick<
  TargetNode,
  | 'Id'
  | 'Name'
  | 'Plan_Section__c'
  | 'Metric__c'
  | 'Period_Type__c'
  | 'Period_Start__c'
  | 'Period_End__c'
  | 'Target_Value__c'
  | 'Baseline_Target_Value__c'
  | 'Revision_Reason__c'
  | 'Actual_Value__c'
  | 'Attainment__c'
  | 'Expected_To_Date__c'
  | 'Pace_Status__c'
  | 'Weight__c'
  | 'CurrencyIsoCode'
>;

export type SharedTargetsData = UiapiData<'Plan_Target__c', SharedTargetNode>;

const sharedTargetsQuery = (currency: boolean): DocumentNode<SharedTargetsData, { planId: string }> => gql`
  query sharedTargets($planId: ID) {
    uiapi {
      query {
        Plan_Target__c(
          where: {
            Plan_Section__r: {
              and: [{ Partner_Account_Plan__c: { eq: $planId } }, { Visible_To_Partner__c: { eq: true } }]
            }
          }
          orderBy: { Period_Start__c: { order: ASC }, Name: { order: ASC } }
          first: 2000
        ) {
          edges {
            node {
              ${sharedTargetSelection(currency)}
            }
          }
          pageInfo {
            hasNextPage
            endCursor
          }
        }
      }
    }
  }
`;

/** The targets of a plan's shared sections; `readTargets` maps them (the fields not selected read null). */
export const SHARED_TARGETS_QUERY = sharedTargetsQuery(false);
export const SHARED_TARGETS_CURRENCY_QUERY = sharedTargetsQuery(true);

/** The running user from getRecord on their own User record (`USER_FIELDS`). */
export function readRunningUser(
  userId: string,
  result: WireResult<RecordRepresentation> | undefined,
): Loadable<RunningUser> {
  if (!result) return { kind: 'loading' };
  if (result.error) return { kind: 'error', message: errorMessage(result.error) };
  if (!result.data) return { kind: 'loading' };
  const contact = getFieldValue(result.data, USER_CONTACT);
  const type = getFieldValue(result.data, USER_TYPE);
  const name = getFieldValue(result.data, USER_NAME);
  const contactId = typeof contact === 'string' && contact ? contact : null;
  const userType = typeof type === 'string' ? type : null;
  return {
    kind: 'ready',
    value: {
      id: userId,
      name: typeof name === 'string' ? name : null,
      contactId,
      userType,
      isPartner: contactId !== null || userType === 'PowerPartner',
    },
    truncated: false,
  };
}

export interface PartnerAcceptance {
  /** One outcome per target whose baseline was written. */
  baselines: SaveOutcome[];
  /** The plan's save; null when a baseline failed and the plan was left in review. */
  plan: SaveOutcome | null;
}

/**
 * The partner accepts the plan: baselines first, while the plan is in review (as the editor does), then one
 * save: Accepted, who (the user and their contact), when and the next version. A failed baseline leaves the
 * plan in review, so a second try takes the baselines again.
 */
export async function acceptAsPartner(
  plan: PlanHeader,
  targets: PlanTarget[],
  user: RunningUser,
  now: Date,
): Promise<PartnerAcceptance> {
  const baselines = await snapshotBaselines(targets);
  if (baselines.some((o) => !o.ok)) return { baselines, plan: null };
  return { baselines, plan: await markPlanAccepted(plan, user.id, now, user.contactId) };
}

export interface ChangeRequest {
  /** The plan's save (In Revision with the reason, who and when). */
  plan: SaveOutcome;
  /** The Task for the plan's owner; null when the plan's save failed (no task is created then). */
  task: SaveOutcome | null;
}

/**
 * The partner requests changes: Partner Review -> In Revision with the reason, who and when in one save
 * (Change_Request_Needs_Reason), then a Task for the plan's owner. A failed task is reported; the status
 * change stands.
 */
export async function requestChanges(
  plan: PlanHeader,
  reason: string,
  userId: string,
  now: Date,
  today: string,
): Promise<ChangeRequest> {
  const saved = await updateOne({
    Id: plan.id,
    [PLAN_STATUS.fieldApiName]: 'In Revision',
    [PLAN_CHANGE_REASON.fieldApiName]: reason,
    [PLAN_CHANGES_REQUESTED_BY.fieldApiName]: userId,
    [PLAN_CHANGES_REQUESTED_ON.fieldApiName]: now.toISOString(),
  });
  if (!saved.ok) return { plan: saved, task: null };
  const subject = TASK_SUBJECT_TEMPLATE.replace('{0}', plan.name).slice(0, TASK_SUBJECT_MAX);
  const fields: Record<string, string> = {
    [TASK_WHAT.fieldApiName]: plan.id,
    [TASK_SUBJECT.fieldApiName]: subject,
    [TASK_DESCRIPTION.fieldApiName]: reason,
    [TASK_PRIORITY.fieldApiName]: 'High',
    [TASK_ACTIVITY_DATE.fieldApiName]: today,
  };
  if (plan.ownerId) fields[TASK_OWNER.fieldApiName] = plan.ownerId;
  const task = await createOne(TASK_OBJECT.objectApiName, 'change-request-task', fields);
  return { plan: saved, task };
}
