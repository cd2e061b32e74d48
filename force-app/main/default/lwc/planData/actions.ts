/**
 * APR actions and the deals that lack them: the GraphQL documents (actions since a date, coaching notes,
 * an opportunity's latest actions, stale deals), their node shapes and the mappers to `AprAction` and
 * `StaleDeal`. The action selection is written once, as the `ActionFields` fragment.
 */
import { gql, type DocumentNode, type GraphQLResult } from 'lightning/graphql';
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
import type { AprAction, Loadable, StaleDeal } from './types';

/** An APR action as `ActionFields` selects it. */
export interface ActionNode {
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

/** An open opportunity as `StaleDealFields` selects it. */
export interface OpportunityNode {
  Id: string;
  Name: Value<string>;
  StageName: Labeled<string>;
  Amount: Value<number>;
  CloseDate: Value<string>;
  Last_APR_Action_Date__c: Value<string>;
  Account: NameRef;
}

export type ActionsData = UiapiData<'APR_Action__c', ActionNode>;
export type StaleDealsData = UiapiData<'Opportunity', OpportunityNode>;

const ACTION_FIELDS = /* GraphQL */ `
  fragment ActionFields on APR_Action__c {
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
`;

const STALE_DEAL_FIELDS = /* GraphQL */ `
  fragment StaleDealFields on Opportunity {
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
`;

/**
 * APR actions of some people on some partner accounts since a date, newest first.
 * Variables: `actorIds`, `partnerIds`, `since` (YYYY-MM-DD).
 */
export const ACTIONS_SINCE_QUERY: DocumentNode<
  ActionsData,
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
              ...ActionFields
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
  ${ACTION_FIELDS}
`;

/** The latest coaching sessions logged on some partner accounts. Variables: `partnerIds`. */
export const COACHING_NOTES_QUERY: DocumentNode<ActionsData, { partnerIds: string[] }> = gql`
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
              ...ActionFields
            }
          }
        }
      }
    }
  }
  ${ACTION_FIELDS}
`;

/** The latest APR actions on one opportunity. Variables: `opportunityId`. */
export const OPPORTUNITY_ACTIONS_QUERY: DocumentNode<ActionsData, { opportunityId: string }> = gql`
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
              ...ActionFields
            }
          }
        }
      }
    }
  }
  ${ACTION_FIELDS}
`;

/** All APR actions on one opportunity (up to 200), newest first. Variables: `opportunityId`. */
export const OPPORTUNITY_HISTORY_QUERY: DocumentNode<ActionsData, { opportunityId: string }> = gql`
  query opportunityHistory($opportunityId: ID) {
    uiapi {
      query {
        APR_Action__c(
          where: { Opportunity__c: { eq: $opportunityId } }
          orderBy: { Action_Date__c: { order: DESC }, CreatedDate: { order: DESC } }
          first: 200
        ) {
          edges {
            node {
              ...ActionFields
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
  ${ACTION_FIELDS}
`;

/**
 * Open opportunities of an AE with some partners whose last APR action is before a cutoff or missing,
 * the stalest first. Variables: `partnerIds`, `ownerId`, `cutoff` (YYYY-MM-DD).
 */
export const STALE_DEALS_QUERY: DocumentNode<
  StaleDealsData,
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
              ...StaleDealFields
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
  ${STALE_DEAL_FIELDS}
`;

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

/** APR actions from any of the action queries. */
export function readActions(result: GraphQLResult | undefined): Loadable<AprAction[]> {
  return readConnection(result, 'APR_Action__c', toAction);
}

export function readStaleDeals(result: GraphQLResult | undefined): Loadable<StaleDeal[]> {
  return readConnection(result, 'Opportunity', toStaleDeal);
}
