/**
 * The history behind suggested action targets: how many APR actions of each type were logged and how many
 * deals were won (and for how much) in a date window. GraphQL aggregate queries (`uiapi { aggregate }`), so
 * the counts stay right at any data volume: one row per group, never a list of records cut off at a page.
 * Also the plans' Action Plan sections (where an accepted suggestion goes) and the write that accepts one.
 */
import { gql, type DocumentNode, type GraphQLResult } from 'lightning/graphql';
import { graphQLErrorMessage, readConnection, val, type Connection, type Value } from './graphqlShapes';
import { createTarget, type TargetInput } from './records';
import type { Loadable, SaveOutcome } from './types';

/** Actions of one type by one actor on one partner account in the window (Quantity__c summed, as metrics do). */
export interface ActionCount {
  actionType: string;
  actorId: string | null;
  partnerId: string | null;
  quantity: number;
}

/** Deals won in the window by one owner with one partner account. */
export interface WonDeals {
  partnerId: string | null;
  ownerId: string | null;
  deals: number;
  /** Sum of Amount; aggregate queries answer it in the corporate currency. */
  revenue: number;
}

/** The history of some partners and of the whole program (every partner) over one window. */
export interface ActionHistory {
  since: string;
  until: string;
  actions: ActionCount[];
  wonDeals: WonDeals[];
  programActions: { actionType: string; quantity: number }[];
  programWonDeals: { deals: number; revenue: number };
}

/** A plan's section where action targets go (Section_Type__c = Action Plan). */
export interface ActionPlanSection {
  id: string;
  planId: string;
}

interface Sum {
  sum: Value<number>;
}
interface Count {
  count: Value<number>;
}
interface AggregateRow<A> {
  aggregate: A;
}
interface AggregateData<K extends string, A> {
  uiapi: { aggregate: Record<K, Connection<AggregateRow<A>>> };
}

interface PartnerActionsRow {
  Action_Type__c: Value<string>;
  Actor__c: Value<string>;
  Partner_Account__c: Value<string>;
  Quantity__c: Sum;
}
interface PartnerDealsRow {
  Partner_Account__c: Value<string>;
  OwnerId: Value<string>;
  Id: Count;
  Amount: Sum;
}
interface ProgramActionsRow {
  Action_Type__c: Value<string>;
  Quantity__c: Sum;
}
interface ProgramDealsRow {
  Id: Count;
  Amount: Sum;
}

export type PartnerHistoryData = AggregateData<'APR_Action__c', PartnerActionsRow> &
  AggregateData<'Opportunity', PartnerDealsRow>;
export type ProgramHistoryData = AggregateData<'APR_Action__c', ProgramActionsRow> &
  AggregateData<'Opportunity', ProgramDealsRow>;

/**
 * The actions (by type, actor and partner) and won deals (by partner and owner) of some partner accounts
 * in a window. Variables: `partnerIds`, `since`, `until` (YYYY-MM-DD, inclusive).
 */
export const PARTNER_HISTORY_QUERY: DocumentNode<
  PartnerHistoryData,
  { partnerIds: string[]; since: string; until: string }
> = gql`
  query partnerActionHistory($partnerIds: [ID], $since: Date, $until: Date) {
    uiapi {
      aggregate {
        APR_Action__c(
          where: {
            and: [
              { Partner_Account__c: { in: $partnerIds } }
              { Action_Date__c: { gte: { value: $since } } }
              { Action_Date__c: { lte: { value: $until } } }
            ]
          }
          groupBy: { Action_Type__c: { group: true }, Actor__c: { group: true }, Partner_Account__c: { group: true } }
          first: 2000
        ) {
          edges {
            node {
              aggregate {
                Action_Type__c {
                  value
                }
                Actor__c {
                  value
                }
                Partner_Account__c {
                  value
                }
                Quantity__c {
                  sum {
                    value
                  }
                }
              }
            }
          }
          pageInfo {
            hasNextPage
          }
        }
        Opportunity(
          where: {
            and: [
              { IsWon: { eq: true } }
              { Partner_Account__c: { in: $partnerIds } }
              { CloseDate: { gte: { value: $since } } }
              { CloseDate: { lte: { value: $until } } }
            ]
          }
          groupBy: { Partner_Account__c: { group: true }, OwnerId: { group: true } }
          first: 2000
        ) {
          edges {
            node {
              aggregate {
                Partner_Account__c {
                  value
                }
                OwnerId {
                  value
                }
                Id {
                  count {
                    value
                  }
                }
                Amount {
                  sum {
                    value
                  }
                }
              }
            }
          }
          pageInfo {
            hasNextPage
          }
        }
      }
    }
  }
`;

/** The program's actions by type and its won deals (every partner account) in a window. Variables: `since`, `until`. */
export const PROGRAM_HISTORY_QUERY: DocumentNode<ProgramHistoryData, { since: string; until: string }> = gql`
  query programActionHistory($since: Date, $until: Date) {
    uiapi {
      aggregate {
        APR_Action__c(
          where: {
            and: [
              { Partner_Account__c: { ne: null } }
              { Action_Date__c: { gte: { value: $since } } }
              { Action_Date__c: { lte: { value: $until } } }
            ]
          }
          groupBy: { Action_Type__c: { group: true } }
          first: 2000
        ) {
          edges {
            node {
              aggregate {
                Action_Type__c {
                  value
                }
                Quantity__c {
                  sum {
                    value
                  }
                }
              }
            }
          }
        }
        Opportunity(
          where: {
            and: [
              { IsWon: { eq: true } }
              { Partner_Account__c: { ne: null } }
              { CloseDate: { gte: { value: $since } } }
              { CloseDate: { lte: { value: $until } } }
            ]
          }
        ) {
          edges {
            node {
              aggregate {
                Id {
                  count {
                    value
                  }
                }
                Amount {
                  sum {
                    value
                  }
                }
              }
            }
          }
        }
      }
    }
  }
`;

interface ActionPlanSectionNode {
  Id: string;
  Partner_Account_Plan__c: Value<string>;
}
export type ActionPlanSectionsData = {
  uiapi: { query: Record<'Plan_Section__c', Connection<ActionPlanSectionNode>> };
};

/** The Action Plan sections of some plans, first in section order. Variables: `planIds`. */
export const ACTION_PLAN_SECTIONS_QUERY: DocumentNode<ActionPlanSectionsData, { planIds: string[] }> = gql`
  query actionPlanSections($planIds: [ID]) {
    uiapi {
      query {
        Plan_Section__c(
          where: { and: [{ Partner_Account_Plan__c: { in: $planIds } }, { Section_Type__c: { eq: "Action Plan" } }] }
          orderBy: { Sort_Order__c: { order: ASC, nulls: LAST }, Name: { order: ASC } }
          first: 200
        ) {
          edges {
            node {
              Id
              Partner_Account_Plan__c {
                value
              }
            }
          }
        }
      }
    }
  }
`;

type Rows<A> = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; rows: A[] };

/** The rows of one aggregate connection; a cut-off grouping is an error, as its totals would be wrong. */
function aggregateRows<A>(result: GraphQLResult | undefined, objectName: string, tooMany: string): Rows<A> {
  if (!result) return { kind: 'loading' };
  if (result.errors && result.errors.length > 0) return { kind: 'error', message: graphQLErrorMessage(result) };
  const data = result.data as { uiapi: { aggregate: Record<string, Connection<AggregateRow<A>> | undefined> } };
  if (!data) return { kind: 'loading' };
  const connection = data.uiapi.aggregate[objectName];
  if (!connection) return { kind: 'ready', rows: [] };
  if (connection.pageInfo && connection.pageInfo.hasNextPage) return { kind: 'error', message: tooMany };
  return { kind: 'ready', rows: connection.edges.map((edge) => edge.node.aggregate) };
}

const sumOf = (field: Sum | undefined): number => (field ? (val(field.sum) ?? 0) : 0);

/**
 * The history of both queries as one value: loading until both answered, the first error otherwise.
 * `tooMany` is the message for a grouping the server cut off.
 */
export function readActionHistory(
  partnerResult: GraphQLResult | undefined,
  programResult: GraphQLResult | undefined,
  window: { since: string; until: string },
  tooMany: string,
): Loadable<ActionHistory> {
  const parts = [
    aggregateRows<PartnerActionsRow>(partnerResult, 'APR_Action__c', tooMany),
    aggregateRows<PartnerDealsRow>(partnerResult, 'Opportunity', tooMany),
    aggregateRows<ProgramActionsRow>(programResult, 'APR_Action__c', tooMany),
    aggregateRows<ProgramDealsRow>(programResult, 'Opportunity', tooMany),
  ] as const;
  for (const part of parts) if (part.kind === 'error') return part;
  const [actions, deals, programActions, programDeals] = parts;
  if (
    actions.kind !== 'ready' ||
    deals.kind !== 'ready' ||
    programActions.kind !== 'ready' ||
    programDeals.kind !== 'ready'
  )
    return { kind: 'loading' };
  const programTotal = programDeals.rows[0];
  return {
    kind: 'ready',
    truncated: false,
    value: {
      ...window,
      actions: actions.rows
        .filter((r) => val(r.Action_Type__c) !== null)
        .map((r) => ({
          actionType: val(r.Action_Type__c) as string,
          actorId: val(r.Actor__c),
          partnerId: val(r.Partner_Account__c),
          quantity: sumOf(r.Quantity__c),
        })),
      wonDeals: deals.rows.map((r) => ({
        partnerId: val(r.Partner_Account__c),
        ownerId: val(r.OwnerId),
        deals: val(r.Id.count) ?? 0,
        revenue: sumOf(r.Amount),
      })),
      programActions: programActions.rows
        .filter((r) => val(r.Action_Type__c) !== null)
        .map((r) => ({ actionType: val(r.Action_Type__c) as string, quantity: sumOf(r.Quantity__c) })),
      programWonDeals: programTotal
        ? { deals: val(programTotal.Id.count) ?? 0, revenue: sumOf(programTotal.Amount) }
        : { deals: 0, revenue: 0 },
    },
  };
}

export function readActionPlanSections(result: GraphQLResult | undefined): Loadable<ActionPlanSection[]> {
  return readConnection(result, 'Plan_Section__c', (node: ActionPlanSectionNode) => ({
    id: node.Id,
    planId: val(node.Partner_Account_Plan__c) ?? '',
  }));
}

/** An action target to create from an accepted suggestion: a target of the suggestion's pair. */
export type ActionTargetInput = TargetInput & { aeId: string; partnerManagerId: string };

/** Creates the action target (LDS createRecord); the outcome carries the server's field errors. */
export function createActionTarget(input: ActionTargetInput): Promise<SaveOutcome> {
  return createTarget(input, 'new-action-target');
}
