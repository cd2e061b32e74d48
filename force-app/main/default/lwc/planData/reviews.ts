/* eslint-disable no-restricted-globals -- the babel parser reports property signatures (name, status) as uses of globals */
/**
 * Quarterly business reviews (Plan_Review__c): the documents that gather a quarter's data (the plan's
 * actions in the quarter, the partner's wins and stale deals, the review reminder Task, the plan's past
 * reviews), the frozen review pack (`ReviewSnapshot`, version 1, composed by the pure `composeSnapshot` and
 * read back by `parseSnapshot`), and the writes of "Prepare QBR": the review, the plan's review dates and the
 * owner's reminder Task. A snapshot copies every value it shows, so later rollups never change a review.
 */
import { gql, type DocumentNode, type GraphQLResult } from 'lightning/graphql';
import { getFieldValue, type FieldInputValue, type RecordRepresentation, type WireResult } from 'lightning/uiRecordApi';
import REVIEW_OBJECT from '@salesforce/schema/Plan_Review__c';
import REVIEW_NAME from '@salesforce/schema/Plan_Review__c.Name';
import REVIEW_PLAN from '@salesforce/schema/Plan_Review__c.Partner_Account_Plan__c';
import REVIEW_DATE from '@salesforce/schema/Plan_Review__c.Review_Date__c';
import REVIEW_PERIOD_LABEL from '@salesforce/schema/Plan_Review__c.Period_Label__c';
import REVIEW_PERIOD_START from '@salesforce/schema/Plan_Review__c.Period_Start__c';
import REVIEW_PERIOD_END from '@salesforce/schema/Plan_Review__c.Period_End__c';
import REVIEW_ATTAINMENT from '@salesforce/schema/Plan_Review__c.Overall_Attainment__c';
import REVIEW_TARGETS_BEHIND from '@salesforce/schema/Plan_Review__c.Targets_Behind__c';
import REVIEW_ACTIONS from '@salesforce/schema/Plan_Review__c.Actions_Logged__c';
import REVIEW_WON_AMOUNT from '@salesforce/schema/Plan_Review__c.Won_Amount__c';
import REVIEW_STALE_DEALS from '@salesforce/schema/Plan_Review__c.Stale_Deals__c';
import REVIEW_SNAPSHOT from '@salesforce/schema/Plan_Review__c.Snapshot__c';
import REVIEW_SUMMARY from '@salesforce/schema/Plan_Review__c.Summary__c';
import PLAN_CADENCE from '@salesforce/schema/Partner_Account_Plan__c.Review_Cadence__c';
import PLAN_LAST_REVIEW from '@salesforce/schema/Partner_Account_Plan__c.Last_Review_Date__c';
import PLAN_NEXT_REVIEW from '@salesforce/schema/Partner_Account_Plan__c.Next_Review_Date__c';
import TASK_OBJECT from '@salesforce/schema/Task';
import TASK_OWNER from '@salesforce/schema/Task.OwnerId';
import TASK_WHAT from '@salesforce/schema/Task.WhatId';
import TASK_SUBJECT from '@salesforce/schema/Task.Subject';
import TASK_ACTIVITY_DATE from '@salesforce/schema/Task.ActivityDate';
import TASK_STATUS from '@salesforce/schema/Task.Status';
import {
  label,
  nameOf,
  readConnection,
  val,
  type Labeled,
  type NameRef,
  type UiapiData,
  type Value,
} from './graphqlShapes';
import { createOne, errorMessage, updateOne } from './records';
import type { Loadable, SaveOutcome } from './types';
import type { ReviewAction, ReviewSnapshot, ReviewWin } from './reviewSnapshot';
import type { StaleDealsData } from './actions';

export { REVIEW_OBJECT, REVIEW_SUMMARY, PLAN_CADENCE, PLAN_LAST_REVIEW, PLAN_NEXT_REVIEW };

/** The most Summary__c holds (Long Text Area(32768)). */
export const SUMMARY_MAX_LENGTH = 32768;
export * from './reviewSnapshot';

/** Plan_Review__c.Name holds 80 characters. */
const REVIEW_NAME_MAX = 80;
/** Days without an APR action after which an open deal is stale (as in the coaching view). */
export const STALE_AFTER_DAYS = 14;

// ---------------------------------------------------------------------------------------------------
// GraphQL documents

export interface ReviewNode {
  Id: string;
  Name: Value<string>;
  Period_Label__c: Value<string>;
  Period_Start__c: Value<string>;
  Period_End__c: Value<string>;
  Review_Date__c: Value<string>;
  Overall_Attainment__c: Value<number>;
}

export interface QuarterActionNode {
  Id: string;
  Action_Type__c: Labeled<string>;
  Quantity__c: Value<number>;
  Actor__c: Value<string>;
  Actor__r: NameRef;
}

export interface WinNode {
  Id: string;
  Name: Value<string>;
  Amount: Value<number>;
  CloseDate: Value<string>;
  Account: NameRef;
}

export type ReviewsData = UiapiData<'Plan_Review__c', ReviewNode>;
export type QuarterActionsData = UiapiData<'APR_Action__c', QuarterActionNode>;
export type WinsData = UiapiData<'Opportunity', WinNode>;
export type ReviewTasksData = UiapiData<'Task', { Id: string }>;

/** A plan's reviews, newest first. Variables: `planId`. */
export const PLAN_REVIEWS_QUERY: DocumentNode<ReviewsData, { planId: string }> = gql`
  query planReviews($planId: ID) {
    uiapi {
      query {
        Plan_Review__c(
          where: { Partner_Account_Plan__c: { eq: $planId } }
          orderBy: { Review_Date__c: { order: DESC }, CreatedDate: { order: DESC } }
          first: 200
        ) {
          edges {
            node {
              Id
              Name {
                value
              }
              Period_Label__c {
                value
              }
              Period_Start__c {
                value
              }
              Period_End__c {
                value
              }
              Review_Date__c {
                value
              }
              Overall_Attainment__c {
                value
              }
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

/** The plan's APR actions dated in a period. Variables: `planId`, `start`, `end` (YYYY-MM-DD). */
export const QUARTER_ACTIONS_QUERY: DocumentNode<QuarterActionsData, { planId: string; start: string; end: string }> =
  gql`
    query quarterActions($planId: ID, $start: Date, $end: Date) {
      uiapi {
        query {
          APR_Action__c(
            where: {
              and: [
                { Partner_Account_Plan__c: { eq: $planId } }
                { Action_Date__c: { gte: { value: $start } } }
                { Action_Date__c: { lte: { value: $end } } }
              ]
            }
            first: 2000
          ) {
            edges {
              node {
                Id
                Action_Type__c {
                  value
                  displayValue
                }
                Quantity__c {
                  value
                }
                Actor__c {
                  value
                }
                Actor__r {
                  Name {
                    value
                  }
                }
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

/** The partner's opportunities won in a period, largest first. Variables: `partnerId`, `start`, `end`. */
export const PARTNER_WINS_QUERY: DocumentNode<WinsData, { partnerId: string; start: string; end: string }> = gql`
  query partnerWins($partnerId: ID, $start: Date, $end: Date) {
    uiapi {
      query {
        Opportunity(
          where: {
            and: [
              { IsWon: { eq: true } }
              { Partner_Account__c: { eq: $partnerId } }
              { CloseDate: { gte: { value: $start } } }
              { CloseDate: { lte: { value: $end } } }
            ]
          }
          orderBy: { Amount: { order: DESC, nulls: LAST }, CloseDate: { order: ASC } }
          first: 200
        ) {
          edges {
            node {
              Id
              Name {
                value
              }
              Amount {
                value
              }
              CloseDate {
                value
              }
              Account {
                Name {
                  value
                }
              }
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

/**
 * The partner's open opportunities whose last APR action is before the cutoff or missing, the stalest first
 * (the coaching view's stale deals, for the whole partner). Variables: `partnerId`, `cutoff`.
 */
export const PARTNER_STALE_DEALS_QUERY: DocumentNode<StaleDealsData, { partnerId: string; cutoff: string }> = gql`
  query partnerStaleDeals($partnerId: ID, $cutoff: Date) {
    uiapi {
      query {
        Opportunity(
          where: {
            and: [
              { IsClosed: { eq: false } }
              { Partner_Account__c: { eq: $partnerId } }
              {
                or: [{ Last_APR_Action_Date__c: { lt: { value: $cutoff } } }, { Last_APR_Action_Date__c: { eq: null } }]
              }
            ]
          }
          orderBy: { Last_APR_Action_Date__c: { order: ASC, nulls: FIRST }, CloseDate: { order: ASC } }
          first: 200
        ) {
          edges {
            node {
              Id
              Name {
                value
              }
              StageName {
                value
                displayValue
              }
              Amount {
                value
              }
              CloseDate {
                value
              }
              Last_APR_Action_Date__c {
                value
              }
              Account {
                Name {
                  value
                }
              }
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

/** The plan's Tasks with a subject (the review reminder that identifies). Variables: `planId`, `subject`. */
export const REVIEW_TASKS_QUERY: DocumentNode<ReviewTasksData, { planId: string; subject: string }> = gql`
  query reviewTasks($planId: ID, $subject: String) {
    uiapi {
      query {
        Task(where: { and: [{ WhatId: { eq: $planId } }, { Subject: { eq: $subject } }] }, first: 1) {
          edges {
            node {
              Id
            }
          }
        }
      }
    }
  }
`;

export interface PlanReviewSummary {
  id: string;
  name: string;
  periodLabel: string | null;
  periodStart: string | null;
  periodEnd: string | null;
  reviewDate: string | null;
  overallAttainment: number | null;
}

export function readReviews(result: GraphQLResult | undefined): Loadable<PlanReviewSummary[]> {
  return readConnection(result, 'Plan_Review__c', (node: ReviewNode) => ({
    id: node.Id,
    name: val(node.Name) ?? '',
    periodLabel: val(node.Period_Label__c),
    periodStart: val(node.Period_Start__c),
    periodEnd: val(node.Period_End__c),
    reviewDate: val(node.Review_Date__c),
    overallAttainment: val(node.Overall_Attainment__c),
  }));
}

export function readQuarterActions(result: GraphQLResult | undefined): Loadable<ReviewAction[]> {
  return readConnection(result, 'APR_Action__c', (node: QuarterActionNode) => ({
    actionType: val(node.Action_Type__c),
    actionTypeLabel: label(node.Action_Type__c),
    quantity: val(node.Quantity__c) ?? 1,
    actorId: val(node.Actor__c),
    actorName: nameOf(node.Actor__r),
  }));
}

export function readWins(result: GraphQLResult | undefined): Loadable<ReviewWin[]> {
  return readConnection(result, 'Opportunity', (node: WinNode) => ({
    id: node.Id,
    name: val(node.Name) ?? '',
    accountName: nameOf(node.Account),
    amount: val(node.Amount),
    closeDate: val(node.CloseDate),
  }));
}

/** The Ids of the matching Tasks. */
export function readReviewTasks(result: GraphQLResult | undefined): Loadable<string[]> {
  return readConnection(result, 'Task', (node: { Id: string }) => node.Id);
}

// ---------------------------------------------------------------------------------------------------
// Record wires

/** The plan's review fields, read beside PLAN_FIELDS (optional: a user who cannot read one still gets the plan). */
export const PLAN_REVIEW_FIELDS: FieldId[] = [PLAN_CADENCE, PLAN_LAST_REVIEW, PLAN_NEXT_REVIEW];

export interface ReviewSchedule {
  cadence: string | null;
  lastReviewDate: string | null;
  nextReviewDate: string | null;
}

const str = (record: RecordRepresentation, field: FieldId): string | null => {
  const value = getFieldValue(record, field);
  return typeof value === 'string' ? value : null;
};
const num = (record: RecordRepresentation, field: FieldId): number | null => {
  const value = getFieldValue(record, field);
  return typeof value === 'number' ? value : null;
};

/** The plan's cadence and review dates from its getRecord (undefined until loaded). */
export function readReviewSchedule(result: WireResult<RecordRepresentation> | undefined): ReviewSchedule | null {
  const record = result && result.data;
  if (!record) return null;
  return {
    cadence: str(record, PLAN_CADENCE),
    lastReviewDate: str(record, PLAN_LAST_REVIEW),
    nextReviewDate: str(record, PLAN_NEXT_REVIEW),
  };
}

/** The fields of a review record (getRecord on its page). */
export const REVIEW_FIELDS: FieldId[] = [
  REVIEW_NAME,
  REVIEW_PLAN,
  REVIEW_DATE,
  REVIEW_PERIOD_LABEL,
  REVIEW_PERIOD_START,
  REVIEW_PERIOD_END,
  REVIEW_ATTAINMENT,
  REVIEW_TARGETS_BEHIND,
  REVIEW_ACTIONS,
  REVIEW_WON_AMOUNT,
  REVIEW_STALE_DEALS,
  REVIEW_SNAPSHOT,
  REVIEW_SUMMARY,
];

export interface PlanReview extends PlanReviewSummary {
  planId: string | null;
  targetsBehind: number | null;
  actionsLogged: number | null;
  wonAmount: number | null;
  staleDeals: number | null;
  snapshot: string | null;
  summary: string | null;
}

export function readReview(result: WireResult<RecordRepresentation> | undefined): Loadable<PlanReview> {
  if (!result) return { kind: 'loading' };
  if (result.error) return { kind: 'error', message: errorMessage(result.error) };
  const r = result.data;
  if (!r) return { kind: 'loading' };
  const value: PlanReview = {
    id: r.id,
    name: str(r, REVIEW_NAME) ?? '',
    planId: str(r, REVIEW_PLAN),
    periodLabel: str(r, REVIEW_PERIOD_LABEL),
    periodStart: str(r, REVIEW_PERIOD_START),
    periodEnd: str(r, REVIEW_PERIOD_END),
    reviewDate: str(r, REVIEW_DATE),
    overallAttainment: num(r, REVIEW_ATTAINMENT),
    targetsBehind: num(r, REVIEW_TARGETS_BEHIND),
    actionsLogged: num(r, REVIEW_ACTIONS),
    wonAmount: num(r, REVIEW_WON_AMOUNT),
    staleDeals: num(r, REVIEW_STALE_DEALS),
    snapshot: str(r, REVIEW_SNAPSHOT),
    summary: str(r, REVIEW_SUMMARY),
  };
  return { kind: 'ready', value, truncated: false };
}

// ---------------------------------------------------------------------------------------------------
// Prepare QBR: the writes

export interface PrepareInput {
  snapshot: ReviewSnapshot;
  /** "FY2027 Q2 review". */
  reviewName: string;
  today: string;
  /** The plan's next review (nextReviewDate); null when none falls in the plan's period. */
  nextReviewDate: string | null;
  /** The reminder for the next review (reviewReminder); null with no next review. */
  reminder: { subject: string; activityDate: string } | null;
  ownerId: string | null;
  /** Whether the reminder already exists on the plan (REVIEW_TASKS_QUERY); unknown = null (then it is created). */
  reminderExists: boolean | null;
}

export interface PrepareOutcome {
  review: SaveOutcome;
  /** The plan's review dates; null when the review failed. */
  plan: SaveOutcome | null;
  /** The reminder Task; null when none was needed, already existed, or an earlier step failed. */
  task: SaveOutcome | null;
}

/**
 * Creates the review (its figures and the JSON pack copied in), then sets the plan's last and next review
 * dates, then creates the owner's reminder for the next review unless it exists. A failure after the review
 * is created is reported; the review stands.
 */
export async function prepareReview(input: PrepareInput): Promise<PrepareOutcome> {
  const { snapshot } = input;
  const h = snapshot.headline;
  const fields: Record<string, FieldInputValue> = {
    [REVIEW_PLAN.fieldApiName]: snapshot.plan.id,
    [REVIEW_NAME.fieldApiName]: input.reviewName.slice(0, REVIEW_NAME_MAX),
    [REVIEW_DATE.fieldApiName]: input.today,
    [REVIEW_PERIOD_LABEL.fieldApiName]: snapshot.period.label.slice(0, 40),
    [REVIEW_PERIOD_START.fieldApiName]: snapshot.period.start,
    [REVIEW_PERIOD_END.fieldApiName]: snapshot.period.end,
    [REVIEW_ATTAINMENT.fieldApiName]: h.overallAttainment,
    [REVIEW_TARGETS_BEHIND.fieldApiName]: h.targetsBehind,
    [REVIEW_ACTIONS.fieldApiName]: h.actionsLogged,
    [REVIEW_WON_AMOUNT.fieldApiName]: h.wonAmount,
    [REVIEW_STALE_DEALS.fieldApiName]: h.staleDeals,
    [REVIEW_SNAPSHOT.fieldApiName]: JSON.stringify(snapshot),
  };
  const review = await createOne(REVIEW_OBJECT.objectApiName, 'new-review', fields);
  if (!review.ok) return { review, plan: null, task: null };
  const plan = await updateOne({
    Id: snapshot.plan.id,
    [PLAN_LAST_REVIEW.fieldApiName]: input.today,
    [PLAN_NEXT_REVIEW.fieldApiName]: input.nextReviewDate,
  });
  if (!plan.ok || !input.reminder || input.reminderExists === true) return { review, plan, task: null };
  const taskFields: Record<string, FieldInputValue> = {
    [TASK_WHAT.fieldApiName]: snapshot.plan.id,
    [TASK_SUBJECT.fieldApiName]: input.reminder.subject,
    [TASK_ACTIVITY_DATE.fieldApiName]: input.reminder.activityDate,
    [TASK_STATUS.fieldApiName]: 'Not Started',
  };
  if (input.ownerId) taskFields[TASK_OWNER.fieldApiName] = input.ownerId;
  const task = await createOne(TASK_OBJECT.objectApiName, 'review-reminder', taskFields);
  return { review, plan, task };
}

/** Writes a review's narrative (the one field Review_Frozen leaves editable besides the name). */
export function saveReviewSummary(reviewId: string, summary: string): Promise<SaveOutcome> {
  return updateOne({ Id: reviewId, [REVIEW_SUMMARY.fieldApiName]: summary.trim() === '' ? null : summary });
}
