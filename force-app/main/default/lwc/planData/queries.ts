/**
 * The UI API GraphQL documents the components use, the shapes they return, and the mappers from those
 * shapes to the domain types. Every list the components show is read here, through `lightning/graphql`.
 *
 * Conventions of the UI API GraphQL schema: each field is an object (`Name { value }`, picklists also
 * `displayValue`), parent relationships are objects (`Partner_Account__r { Name { value } }`) that are
 * null when the lookup is empty, and a list is a connection (`edges { node }`, `pageInfo`). `first` is
 * at most 2000; `pageInfo.hasNextPage` tells us when a list was cut off, which the components show.
 */
import { gql, type DocumentNode, type GraphQLResult } from 'lightning/graphql';
import REQUEST_FAILED from '@salesforce/label/c.Partner_Planning_Request_Failed';
import type { AprAction, Loadable, Metric, PlanSection, PlanStatus, PlanSummary, PlanTarget, StaleDeal } from './types';

// ---------------------------------------------------------------------------------------------------
// Response shapes

interface Value<T> {
  value: T | null;
}

interface Labeled<T> extends Value<T> {
  displayValue: string | null;
}

type NameRef = { Name: Value<string> } | null;

interface Connection<N> {
  edges: { node: N }[];
  pageInfo?: { hasNextPage: boolean; endCursor: string | null };
}

/** `{ uiapi: { query: { <Object>: Connection } } }` */
interface UiapiData<K extends string, N> {
  uiapi: { query: Record<K, Connection<N>> };
}

interface TargetNode {
  Id: string;
  Name: Value<string>;
  Plan_Section__c: Value<string>;
  Metric__c: Value<string>;
  Period_Type__c: Labeled<string>;
  Period_Start__c: Value<string>;
  Period_End__c: Value<string>;
  Target_Value__c: Value<number>;
  Baseline_Target_Value__c: Value<number>;
  Revision_Reason__c: Value<string>;
  Actual_Value__c: Value<number>;
  Attainment__c: Value<number>;
  Expected_To_Date__c: Value<number>;
  Pace_Status__c: Labeled<string>;
  Weight__c: Value<number>;
  Accountable_AE__c: Value<string>;
  Accountable_AE__r: NameRef;
  Accountable_Partner_Manager__c: Value<string>;
  Accountable_Partner_Manager__r: NameRef;
  Target_Account__c: Value<string>;
  Target_Account__r: NameRef;
  Plan_Section__r?: {
    Partner_Account_Plan__c: Value<string>;
    Partner_Account_Plan__r: {
      Name: Value<string>;
      Status__c: Value<string>;
      Partner_Account__c: Value<string>;
      Partner_Account__r: NameRef;
    } | null;
  } | null;
}

interface SectionNode {
  Id: string;
  Name: Value<string>;
  Section_Type__c: Labeled<string>;
  Summary__c: Value<string>;
  Sort_Order__c: Value<number>;
  Weighted_Attainment__c: Value<number>;
}

interface MetricNode {
  Id: string;
  DeveloperName: Value<string>;
  MasterLabel: Value<string>;
  Category__c: Value<string>;
  Unit__c: Value<string>;
  Sort_Order__c: Value<number>;
  Active__c: Value<boolean>;
  Source_Object__c: Value<string>;
  Filter__c: Value<string>;
  Description__c: Value<string>;
}

interface PlanNode {
  Id: string;
  Name: Value<string>;
  Status__c: Value<string>;
  Period_Start__c: Value<string>;
  Period_End__c: Value<string>;
  Partner_Account__c: Value<string>;
  Partner_Account__r: NameRef;
  Overall_Attainment__c: Value<number>;
}

interface ActionNode {
  Id: string;
  Name: Value<string>;
  Action_Type__c: Labeled<string>;
  Action_Date__c: Value<string>;
  Quantity__c: Value<number>;
  Outcome__c: Labeled<string>;
  Actor__c: Value<string>;
  Actor__r: NameRef;
  Actor_Role__c: Value<string>;
  Opportunity__c: Value<string>;
  Opportunity__r: { Name: Value<string>; IsWon: Value<boolean>; AccountId: Value<string> } | null;
  Partner_Account__c: Value<string>;
  Partner_Account_Plan__c: Value<string>;
  Plan_Target__c: Value<string>;
  Notes__c: Value<string>;
  Next_Step__c: Value<string>;
}

interface OpportunityNode {
  Id: string;
  Name: Value<string>;
  StageName: Labeled<string>;
  Amount: Value<number>;
  CloseDate: Value<string>;
  Last_APR_Action_Date__c: Value<string>;
  Account: NameRef;
}

// ---------------------------------------------------------------------------------------------------
// Documents

/** The sections of one plan, in sort order. Variables: `planId`. */
export const PLAN_SECTIONS_QUERY: DocumentNode<UiapiData<'Plan_Section__c', SectionNode>, { planId: string }> = gql`
  query planSections($planId: ID) {
    uiapi {
      query {
        Plan_Section__c(
          where: { Partner_Account_Plan__c: { eq: $planId } }
          orderBy: { Sort_Order__c: { order: ASC, nulls: LAST }, Name: { order: ASC } }
          first: 200
        ) {
          edges {
            node {
              Id
              Name {
                value
              }
              Section_Type__c {
                value
                displayValue
              }
              Summary__c {
                value
              }
              Sort_Order__c {
                value
              }
              Weighted_Attainment__c {
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

/** Every target of one plan (through its sections). Variables: `planId`. */
export const PLAN_TARGETS_QUERY: DocumentNode<UiapiData<'Plan_Target__c', TargetNode>, { planId: string }> = gql`
  query planTargets($planId: ID) {
    uiapi {
      query {
        Plan_Target__c(
          where: { Plan_Section__r: { Partner_Account_Plan__c: { eq: $planId } } }
          orderBy: { Period_Start__c: { order: ASC }, Name: { order: ASC } }
          first: 2000
        ) {
          edges {
            node {
              Id
              Name {
                value
              }
              Plan_Section__c {
                value
              }
              Metric__c {
                value
              }
              Period_Type__c {
                value
                displayValue
              }
              Period_Start__c {
                value
              }
              Period_End__c {
                value
              }
              Target_Value__c {
                value
              }
              Baseline_Target_Value__c {
                value
              }
              Revision_Reason__c {
                value
              }
              Actual_Value__c {
                value
              }
              Attainment__c {
                value
              }
              Expected_To_Date__c {
                value
              }
              Pace_Status__c {
                value
                displayValue
              }
              Weight__c {
                value
              }
              Accountable_AE__c {
                value
              }
              Accountable_AE__r {
                Name {
                  value
                }
              }
              Accountable_Partner_Manager__c {
                value
              }
              Accountable_Partner_Manager__r {
                Name {
                  value
                }
              }
              Target_Account__c {
                value
              }
              Target_Account__r {
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

/** The metric catalog (custom metadata), in catalog order. No variables. */
export const METRIC_CATALOG_QUERY: DocumentNode<UiapiData<'Plan_Metric__mdt', MetricNode>, Record<string, never>> = gql`
  query metricCatalog {
    uiapi {
      query {
        Plan_Metric__mdt(first: 200, orderBy: { Sort_Order__c: { order: ASC } }) {
          edges {
            node {
              Id
              DeveloperName {
                value
              }
              MasterLabel {
                value
              }
              Category__c {
                value
              }
              Unit__c {
                value
              }
              Sort_Order__c {
                value
              }
              Active__c {
                value
              }
              Source_Object__c {
                value
              }
              Filter__c {
                value
              }
              Description__c {
                value
              }
            }
          }
        }
      }
    }
  }
`;

/**
 * The targets that define AE + partner-manager pairs: the user's own (as accountable AE or partner
 * manager) and, on a plan page, every target of that plan. Variables: `userId`, `planId` (null off a plan).
 */
export const PAIR_TARGETS_QUERY: DocumentNode<
  UiapiData<'Plan_Target__c', TargetNode>,
  { userId: string; planId: string | null }
> = gql`
  query pairTargets($userId: ID, $planId: ID) {
    uiapi {
      query {
        Plan_Target__c(
          where: {
            or: [
              { Accountable_AE__c: { eq: $userId } }
              { Accountable_Partner_Manager__c: { eq: $userId } }
              { Plan_Section__r: { Partner_Account_Plan__c: { eq: $planId } } }
            ]
          }
          orderBy: { Period_Start__c: { order: ASC }, Name: { order: ASC } }
          first: 2000
        ) {
          edges {
            node {
              Id
              Name {
                value
              }
              Plan_Section__c {
                value
              }
              Metric__c {
                value
              }
              Period_Type__c {
                value
                displayValue
              }
              Period_Start__c {
                value
              }
              Period_End__c {
                value
              }
              Target_Value__c {
                value
              }
              Baseline_Target_Value__c {
                value
              }
              Revision_Reason__c {
                value
              }
              Actual_Value__c {
                value
              }
              Attainment__c {
                value
              }
              Expected_To_Date__c {
                value
              }
              Pace_Status__c {
                value
                displayValue
              }
              Weight__c {
                value
              }
              Accountable_AE__c {
                value
              }
              Accountable_AE__r {
                Name {
                  value
                }
              }
              Accountable_Partner_Manager__c {
                value
              }
              Accountable_Partner_Manager__r {
                Name {
                  value
                }
              }
              Target_Account__c {
                value
              }
              Target_Account__r {
                Name {
                  value
                }
              }
              Plan_Section__r {
                Partner_Account_Plan__c {
                  value
                }
                Partner_Account_Plan__r {
                  Name {
                    value
                  }
                  Status__c {
                    value
                  }
                  Partner_Account__c {
                    value
                  }
                  Partner_Account__r {
                    Name {
                      value
                    }
                  }
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
 * APR actions of some people on some partner accounts since a date, newest first.
 * Variables: `actorIds`, `partnerIds`, `since` (YYYY-MM-DD).
 */
export const ACTIONS_SINCE_QUERY: DocumentNode<
  UiapiData<'APR_Action__c', ActionNode>,
  { actorIds: string[]; partnerIds: string[]; since: string }
> = gql`
  query actionsSince($actorIds: [ID], $partnerIds: [ID], $since: Date) {
    uiapi {
      query {
        APR_Action__c(
          where: {
            and: [
              { Actor__c: { in: $actorIds } }
              { Partner_Account__c: { in: $partnerIds } }
              { Action_Date__c: { gte: { value: $since } } }
            ]
          }
          orderBy: { Action_Date__c: { order: DESC }, CreatedDate: { order: DESC } }
          first: 2000
        ) {
          edges {
            node {
              Id
              Name {
                value
              }
              Action_Type__c {
                value
                displayValue
              }
              Action_Date__c {
                value
              }
              Quantity__c {
                value
              }
              Outcome__c {
                value
                displayValue
              }
              Actor__c {
                value
              }
              Actor__r {
                Name {
                  value
                }
              }
              Actor_Role__c {
                value
              }
              Opportunity__c {
                value
              }
              Opportunity__r {
                Name {
                  value
                }
                IsWon {
                  value
                }
                AccountId {
                  value
                }
              }
              Partner_Account__c {
                value
              }
              Partner_Account_Plan__c {
                value
              }
              Plan_Target__c {
                value
              }
              Notes__c {
                value
              }
              Next_Step__c {
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

/** The latest coaching sessions logged on some partner accounts. Variables: `partnerIds`. */
export const COACHING_NOTES_QUERY: DocumentNode<UiapiData<'APR_Action__c', ActionNode>, { partnerIds: string[] }> = gql`
  query coachingNotes($partnerIds: [ID]) {
    uiapi {
      query {
        APR_Action__c(
          where: { and: [{ Action_Type__c: { eq: "Coaching Session" } }, { Partner_Account__c: { in: $partnerIds } }] }
          orderBy: { Action_Date__c: { order: DESC }, CreatedDate: { order: DESC } }
          first: 10
        ) {
          edges {
            node {
              Id
              Name {
                value
              }
              Action_Type__c {
                value
                displayValue
              }
              Action_Date__c {
                value
              }
              Quantity__c {
                value
              }
              Outcome__c {
                value
                displayValue
              }
              Actor__c {
                value
              }
              Actor__r {
                Name {
                  value
                }
              }
              Actor_Role__c {
                value
              }
              Opportunity__c {
                value
              }
              Opportunity__r {
                Name {
                  value
                }
                IsWon {
                  value
                }
                AccountId {
                  value
                }
              }
              Partner_Account__c {
                value
              }
              Partner_Account_Plan__c {
                value
              }
              Plan_Target__c {
                value
              }
              Notes__c {
                value
              }
              Next_Step__c {
                value
              }
            }
          }
        }
      }
    }
  }
`;

/**
 * Open opportunities of an AE with some partners whose last APR action is before a cutoff or missing,
 * the stalest first. Variables: `partnerIds`, `ownerId`, `cutoff` (YYYY-MM-DD).
 */
export const STALE_DEALS_QUERY: DocumentNode<
  UiapiData<'Opportunity', OpportunityNode>,
  { partnerIds: string[]; ownerId: string; cutoff: string }
> = gql`
  query staleDeals($partnerIds: [ID], $ownerId: ID, $cutoff: Date) {
    uiapi {
      query {
        Opportunity(
          where: {
            and: [
              { IsClosed: { eq: false } }
              { Partner_Account__c: { in: $partnerIds } }
              { OwnerId: { eq: $ownerId } }
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

/** The accepted and active plans of a partner account: where an action can count. Variables: `partnerId`. */
export const PARTNER_ACTIVE_PLANS_QUERY: DocumentNode<
  UiapiData<'Partner_Account_Plan__c', PlanNode>,
  { partnerId: string }
> = gql`
  query partnerActivePlans($partnerId: ID) {
    uiapi {
      query {
        Partner_Account_Plan__c(
          where: { and: [{ Partner_Account__c: { eq: $partnerId } }, { Status__c: { in: ["Active", "Accepted"] } }] }
          orderBy: { Period_Start__c: { order: DESC } }
          first: 50
        ) {
          edges {
            node {
              Id
              Name {
                value
              }
              Status__c {
                value
              }
              Period_Start__c {
                value
              }
              Period_End__c {
                value
              }
              Partner_Account__c {
                value
              }
              Partner_Account__r {
                Name {
                  value
                }
              }
              Overall_Attainment__c {
                value
              }
            }
          }
        }
      }
    }
  }
`;

/** The targets of a partner's accepted and active plans. Variables: `partnerId`. */
export const PARTNER_ACTIVE_TARGETS_QUERY: DocumentNode<
  UiapiData<'Plan_Target__c', TargetNode>,
  { partnerId: string }
> = gql`
  query partnerActiveTargets($partnerId: ID) {
    uiapi {
      query {
        Plan_Target__c(
          where: {
            Plan_Section__r: {
              Partner_Account_Plan__r: {
                and: [{ Partner_Account__c: { eq: $partnerId } }, { Status__c: { in: ["Active", "Accepted"] } }]
              }
            }
          }
          first: 2000
        ) {
          edges {
            node {
              Id
              Name {
                value
              }
              Plan_Section__c {
                value
              }
              Metric__c {
                value
              }
              Period_Type__c {
                value
                displayValue
              }
              Period_Start__c {
                value
              }
              Period_End__c {
                value
              }
              Target_Value__c {
                value
              }
              Baseline_Target_Value__c {
                value
              }
              Revision_Reason__c {
                value
              }
              Actual_Value__c {
                value
              }
              Attainment__c {
                value
              }
              Expected_To_Date__c {
                value
              }
              Pace_Status__c {
                value
                displayValue
              }
              Weight__c {
                value
              }
              Accountable_AE__c {
                value
              }
              Accountable_AE__r {
                Name {
                  value
                }
              }
              Accountable_Partner_Manager__c {
                value
              }
              Accountable_Partner_Manager__r {
                Name {
                  value
                }
              }
              Target_Account__c {
                value
              }
              Target_Account__r {
                Name {
                  value
                }
              }
              Plan_Section__r {
                Partner_Account_Plan__c {
                  value
                }
                Partner_Account_Plan__r {
                  Name {
                    value
                  }
                  Status__c {
                    value
                  }
                  Partner_Account__c {
                    value
                  }
                  Partner_Account__r {
                    Name {
                      value
                    }
                  }
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

/** The latest APR actions on one opportunity. Variables: `opportunityId`. */
export const OPPORTUNITY_ACTIONS_QUERY: DocumentNode<
  UiapiData<'APR_Action__c', ActionNode>,
  { opportunityId: string }
> = gql`
  query opportunityActions($opportunityId: ID) {
    uiapi {
      query {
        APR_Action__c(
          where: { Opportunity__c: { eq: $opportunityId } }
          orderBy: { Action_Date__c: { order: DESC }, CreatedDate: { order: DESC } }
          first: 5
        ) {
          edges {
            node {
              Id
              Name {
                value
              }
              Action_Type__c {
                value
                displayValue
              }
              Action_Date__c {
                value
              }
              Quantity__c {
                value
              }
              Outcome__c {
                value
                displayValue
              }
              Actor__c {
                value
              }
              Actor__r {
                Name {
                  value
                }
              }
              Actor_Role__c {
                value
              }
              Opportunity__c {
                value
              }
              Opportunity__r {
                Name {
                  value
                }
                IsWon {
                  value
                }
                AccountId {
                  value
                }
              }
              Partner_Account__c {
                value
              }
              Partner_Account_Plan__c {
                value
              }
              Plan_Target__c {
                value
              }
              Notes__c {
                value
              }
              Next_Step__c {
                value
              }
            }
          }
        }
      }
    }
  }
`;

/** The plans of a partner account that are not closed, newest period first. Variables: `accountId`. */
export const ACCOUNT_PLANS_QUERY: DocumentNode<
  UiapiData<'Partner_Account_Plan__c', PlanNode>,
  { accountId: string }
> = gql`
  query accountPlans($accountId: ID) {
    uiapi {
      query {
        Partner_Account_Plan__c(
          where: { and: [{ Partner_Account__c: { eq: $accountId } }, { Status__c: { ne: "Closed" } }] }
          orderBy: { Period_Start__c: { order: DESC } }
          first: 50
        ) {
          edges {
            node {
              Id
              Name {
                value
              }
              Status__c {
                value
              }
              Period_Start__c {
                value
              }
              Period_End__c {
                value
              }
              Partner_Account__c {
                value
              }
              Partner_Account__r {
                Name {
                  value
                }
              }
              Overall_Attainment__c {
                value
              }
            }
          }
        }
      }
    }
  }
`;

/** The targets of a partner account's plans that are not closed. Variables: `accountId`. */
export const ACCOUNT_TARGETS_QUERY: DocumentNode<UiapiData<'Plan_Target__c', TargetNode>, { accountId: string }> = gql`
  query accountTargets($accountId: ID) {
    uiapi {
      query {
        Plan_Target__c(
          where: {
            Plan_Section__r: {
              Partner_Account_Plan__r: {
                and: [{ Partner_Account__c: { eq: $accountId } }, { Status__c: { ne: "Closed" } }]
              }
            }
          }
          first: 2000
        ) {
          edges {
            node {
              Id
              Name {
                value
              }
              Plan_Section__c {
                value
              }
              Metric__c {
                value
              }
              Period_Type__c {
                value
                displayValue
              }
              Period_Start__c {
                value
              }
              Period_End__c {
                value
              }
              Target_Value__c {
                value
              }
              Baseline_Target_Value__c {
                value
              }
              Revision_Reason__c {
                value
              }
              Actual_Value__c {
                value
              }
              Attainment__c {
                value
              }
              Expected_To_Date__c {
                value
              }
              Pace_Status__c {
                value
                displayValue
              }
              Weight__c {
                value
              }
              Accountable_AE__c {
                value
              }
              Accountable_AE__r {
                Name {
                  value
                }
              }
              Accountable_Partner_Manager__c {
                value
              }
              Accountable_Partner_Manager__r {
                Name {
                  value
                }
              }
              Target_Account__c {
                value
              }
              Target_Account__r {
                Name {
                  value
                }
              }
              Plan_Section__r {
                Partner_Account_Plan__c {
                  value
                }
                Partner_Account_Plan__r {
                  Name {
                    value
                  }
                  Status__c {
                    value
                  }
                  Partner_Account__c {
                    value
                  }
                  Partner_Account__r {
                    Name {
                      value
                    }
                  }
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

// ---------------------------------------------------------------------------------------------------
// Mappers

const val = <T>(field: Value<T> | null | undefined): T | null => (field ? field.value : null);
function label(field: Labeled<string> | null | undefined): string | null {
  return field ? (field.displayValue ?? field.value) : null;
}
const nameOf = (ref: NameRef | undefined): string | null => (ref ? ref.Name.value : null);

/** The message to show for GraphQL errors (or a failed request). */
export function graphQLErrorMessage(result: GraphQLResult): string {
  const messages = (result.errors ?? []).map((e) => e.message).filter((m) => m);
  return messages.length > 0 ? messages.join(' ') : REQUEST_FAILED;
}

/**
 * Reads one connection out of a wire result: the raw nodes as a Loadable list. The wire gives
 * `undefined` data and no errors before the first response: that is loading. The cast is the one place
 * we trust the server to answer in the shape of the document we sent.
 */
function readNodes<N>(result: GraphQLResult | undefined, objectName: string): Loadable<N[]> {
  if (!result) return { kind: 'loading' };
  if (result.errors && result.errors.length > 0) return { kind: 'error', message: graphQLErrorMessage(result) };
  const data = result.data as UiapiData<string, N> | undefined;
  if (!data) return { kind: 'loading' };
  const connection = data.uiapi.query[objectName];
  if (!connection) return { kind: 'ready', value: [], truncated: false };
  return {
    kind: 'ready',
    value: connection.edges.map((edge) => edge.node),
    truncated: Boolean(connection.pageInfo && connection.pageInfo.hasNextPage),
  };
}

function toTarget(node: TargetNode): PlanTarget {
  const section = node.Plan_Section__r ?? null;
  const plan = section ? section.Partner_Account_Plan__r : null;
  return {
    id: node.Id,
    name: val(node.Name) ?? '',
    sectionId: val(node.Plan_Section__c),
    metric: val(node.Metric__c) ?? '',
    periodType: val(node.Period_Type__c),
    periodTypeLabel: label(node.Period_Type__c),
    periodStart: val(node.Period_Start__c),
    periodEnd: val(node.Period_End__c),
    targetValue: val(node.Target_Value__c),
    baselineValue: val(node.Baseline_Target_Value__c),
    revisionReason: val(node.Revision_Reason__c),
    actualValue: val(node.Actual_Value__c),
    attainment: val(node.Attainment__c),
    expectedToDate: val(node.Expected_To_Date__c),
    paceStatus: val(node.Pace_Status__c),
    weight: val(node.Weight__c),
    aeId: val(node.Accountable_AE__c),
    aeName: nameOf(node.Accountable_AE__r),
    partnerManagerId: val(node.Accountable_Partner_Manager__c),
    partnerManagerName: nameOf(node.Accountable_Partner_Manager__r),
    targetAccountId: val(node.Target_Account__c),
    targetAccountName: nameOf(node.Target_Account__r),
    planId: section ? val(section.Partner_Account_Plan__c) : null,
    planName: plan ? val(plan.Name) : null,
    planStatus: plan ? (val(plan.Status__c) as PlanStatus | null) : null,
    partnerAccountId: plan ? val(plan.Partner_Account__c) : null,
    partnerName: plan ? nameOf(plan.Partner_Account__r) : null,
  };
}

function toSection(node: SectionNode): PlanSection {
  return {
    id: node.Id,
    name: val(node.Name) ?? '',
    sectionType: val(node.Section_Type__c),
    sectionTypeLabel: label(node.Section_Type__c),
    summary: val(node.Summary__c),
    sortOrder: val(node.Sort_Order__c),
    weightedAttainment: val(node.Weighted_Attainment__c),
  };
}

function toMetric(node: MetricNode): Metric {
  const name = val(node.DeveloperName) ?? '';
  return {
    name,
    label: val(node.MasterLabel) ?? name,
    category: val(node.Category__c),
    unit: val(node.Unit__c),
    sortOrder: val(node.Sort_Order__c),
    active: val(node.Active__c) !== false,
    sourceObject: val(node.Source_Object__c),
    filter: val(node.Filter__c),
    description: val(node.Description__c),
  };
}

function toPlan(node: PlanNode): PlanSummary {
  return {
    id: node.Id,
    name: val(node.Name) ?? '',
    status: val(node.Status__c) as PlanStatus | null,
    periodStart: val(node.Period_Start__c),
    periodEnd: val(node.Period_End__c),
    partnerAccountId: val(node.Partner_Account__c),
    partnerName: nameOf(node.Partner_Account__r),
    overallAttainment: val(node.Overall_Attainment__c),
  };
}

function toAction(node: ActionNode): AprAction {
  const opportunity = node.Opportunity__r;
  return {
    id: node.Id,
    name: val(node.Name) ?? '',
    actionType: val(node.Action_Type__c),
    actionTypeLabel: label(node.Action_Type__c),
    actionDate: val(node.Action_Date__c),
    quantity: val(node.Quantity__c) ?? 1,
    outcome: val(node.Outcome__c),
    outcomeLabel: label(node.Outcome__c),
    actorId: val(node.Actor__c),
    actorName: nameOf(node.Actor__r),
    actorRole: val(node.Actor_Role__c),
    opportunityId: val(node.Opportunity__c),
    opportunityName: opportunity ? val(opportunity.Name) : null,
    opportunityWon: opportunity ? val(opportunity.IsWon) === true : false,
    opportunityAccountId: opportunity ? val(opportunity.AccountId) : null,
    partnerAccountId: val(node.Partner_Account__c),
    planId: val(node.Partner_Account_Plan__c),
    targetId: val(node.Plan_Target__c),
    notes: val(node.Notes__c),
    nextStep: val(node.Next_Step__c),
  };
}

function toStaleDeal(node: OpportunityNode): StaleDeal {
  return {
    id: node.Id,
    name: val(node.Name) ?? '',
    stageLabel: label(node.StageName),
    amount: val(node.Amount),
    closeDate: val(node.CloseDate),
    lastAprActionDate: val(node.Last_APR_Action_Date__c),
    accountName: nameOf(node.Account),
  };
}

export function readSections(result: GraphQLResult | undefined): Loadable<PlanSection[]> {
  const nodes = readNodes<SectionNode>(result, 'Plan_Section__c');
  return nodes.kind === 'ready' ? { ...nodes, value: nodes.value.map(toSection) } : nodes;
}

/** Targets from any of the target queries (plan, pair, partner or account). */
export function readTargets(result: GraphQLResult | undefined): Loadable<PlanTarget[]> {
  const nodes = readNodes<TargetNode>(result, 'Plan_Target__c');
  return nodes.kind === 'ready' ? { ...nodes, value: nodes.value.map(toTarget) } : nodes;
}

export function readMetrics(result: GraphQLResult | undefined): Loadable<Metric[]> {
  const nodes = readNodes<MetricNode>(result, 'Plan_Metric__mdt');
  return nodes.kind === 'ready' ? { ...nodes, value: nodes.value.map(toMetric) } : nodes;
}

/** Plans from the partner or account plan queries. */
export function readPlans(result: GraphQLResult | undefined): Loadable<PlanSummary[]> {
  const nodes = readNodes<PlanNode>(result, 'Partner_Account_Plan__c');
  return nodes.kind === 'ready' ? { ...nodes, value: nodes.value.map(toPlan) } : nodes;
}

/** APR actions from any of the action queries. */
export function readActions(result: GraphQLResult | undefined): Loadable<AprAction[]> {
  const nodes = readNodes<ActionNode>(result, 'APR_Action__c');
  return nodes.kind === 'ready' ? { ...nodes, value: nodes.value.map(toAction) } : nodes;
}

export function readStaleDeals(result: GraphQLResult | undefined): Loadable<StaleDeal[]> {
  const nodes = readNodes<OpportunityNode>(result, 'Opportunity');
  return nodes.kind === 'ready' ? { ...nodes, value: nodes.value.map(toStaleDeal) } : nodes;
}
