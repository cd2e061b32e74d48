/**
 * The Program Overview's GraphQL aggregate documents (`uiapi { aggregate { ... } }`) and the readers that
 * turn their rows into plain values. Every figure the overview shows is grouped and summed by the org, as
 * the caller (sharing and field-level security apply), so it runs the same in a real org and the local one.
 * The same documents are sent by the local-org test that checks them against a direct computation.
 *
 * The filters follow the shipped reports (Partner_Program_Reports): attainment counts the plans that are
 * open (Partner Review, Accepted, Active, In Revision), behind-pace counts the agreed ones (Accepted, Active,
 * In Revision); a split part (Parent_Target__c set) is its year target's breakdown and is left out of
 * attainment and sums, as weighted attainment counts the year once.
 */
import { gql, type DocumentNode, type GraphQLResult } from 'lightning/graphql';

export const OPEN_PLAN_STATUSES = ['Partner Review', 'Accepted', 'Active', 'In Revision'];
export const AGREED_PLAN_STATUSES = ['Accepted', 'Active', 'In Revision'];
export const COACHING_SESSION = 'Coaching Session';
export const STALE_DAYS = 14;

/** Each open plan with its partner and tier: one row per plan (its weighted attainment, as the rollup stored it). */
export const PLANS_BY_PARTNER_QUERY: DocumentNode = gql`
  query programPlansByPartner($statuses: [Picklist]) {
    uiapi {
      aggregate {
        Partner_Account_Plan__c(
          first: 2000
          where: { Status__c: { in: $statuses } }
          groupBy: {
            Partner_Account__c: { group: true }
            Partner_Account__r: { Name: { group: true }, Partner_Tier__c: { group: true } }
            Id: { group: true }
            Name: { group: true }
          }
        ) {
          edges {
            node {
              aggregate {
                Partner_Account__c {
                  value
                }
                Partner_Account__r {
                  Name {
                    value
                  }
                  Partner_Tier__c {
                    value
                  }
                }
                Id {
                  value
                }
                Name {
                  value
                }
                Overall_Attainment__c {
                  avg {
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

/** Open plans by partner tier: how many partners and plans, and their average, lowest and highest attainment. */
export const ATTAINMENT_BY_TIER_QUERY: DocumentNode = gql`
  query programAttainmentByTier($statuses: [Picklist]) {
    uiapi {
      aggregate {
        Partner_Account_Plan__c(
          first: 2000
          where: { Status__c: { in: $statuses } }
          groupBy: { Partner_Account__r: { Partner_Tier__c: { group: true } } }
        ) {
          edges {
            node {
              aggregate {
                Partner_Account__r {
                  Partner_Tier__c {
                    value
                  }
                }
                Id {
                  count {
                    value
                  }
                }
                Partner_Account__c {
                  countDistinct {
                    value
                  }
                }
                Overall_Attainment__c {
                  avg {
                    value
                  }
                  min {
                    value
                  }
                  max {
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

/**
 * The started year-level targets of open plans by accountable partner manager and metric: how many, their
 * average attainment (over those that have one), and the sums of target, expected-to-date and actual.
 */
export const TARGETS_BY_MANAGER_QUERY: DocumentNode = gql`
  query programTargetsByManager($statuses: [Picklist], $today: Date) {
    uiapi {
      aggregate {
        Plan_Target__c(
          first: 2000
          where: {
            and: [
              { Plan_Section__r: { Partner_Account_Plan__r: { Status__c: { in: $statuses } } } }
              { Parent_Target__c: { eq: null } }
              { Period_Start__c: { lte: { value: $today } } }
            ]
          }
          groupBy: {
            Accountable_Partner_Manager__c: { group: true }
            Accountable_Partner_Manager__r: { Name: { group: true } }
            Metric__c: { group: true }
          }
        ) {
          edges {
            node {
              aggregate {
                Accountable_Partner_Manager__c {
                  value
                }
                Accountable_Partner_Manager__r {
                  Name {
                    value
                  }
                }
                Metric__c {
                  value
                }
                Id {
                  count {
                    value
                  }
                }
                Attainment__c {
                  avg {
                    value
                  }
                  count {
                    value
                  }
                }
                Target_Value__c {
                  sum {
                    value
                  }
                }
                Expected_To_Date__c {
                  sum {
                    value
                  }
                }
                Actual_Value__c {
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

/** Targets behind pace on agreed plans, by accountable partner manager and plan (the drill-down to the plans). */
export const BEHIND_BY_MANAGER_QUERY: DocumentNode = gql`
  query programBehindByManager($statuses: [Picklist]) {
    uiapi {
      aggregate {
        Plan_Target__c(
          first: 2000
          where: {
            and: [
              { Pace_Status__c: { eq: "Behind" } }
              { Plan_Section__r: { Partner_Account_Plan__r: { Status__c: { in: $statuses } } } }
            ]
          }
          groupBy: {
            Accountable_Partner_Manager__c: { group: true }
            Accountable_Partner_Manager__r: { Name: { group: true } }
            Plan_Section__r: {
              Partner_Account_Plan__c: { group: true }
              Partner_Account_Plan__r: { Name: { group: true }, Partner_Account__r: { Name: { group: true } } }
            }
          }
        ) {
          edges {
            node {
              aggregate {
                Accountable_Partner_Manager__c {
                  value
                }
                Accountable_Partner_Manager__r {
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
                    Partner_Account__r {
                      Name {
                        value
                      }
                    }
                  }
                }
                Id {
                  count {
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

/** This fiscal quarter's APR actions by person and type (coaching sessions are notes, not actions: left out). */
export const ACTION_LEADERBOARD_QUERY: DocumentNode = gql`
  query programActionLeaderboard($excluded: [Picklist]) {
    uiapi {
      aggregate {
        APR_Action__c(
          first: 2000
          where: {
            and: [{ Action_Date__c: { eq: { literal: THIS_FISCAL_QUARTER } } }, { Action_Type__c: { nin: $excluded } }]
          }
          groupBy: { Actor__c: { group: true }, Actor__r: { Name: { group: true } }, Action_Type__c: { group: true } }
        ) {
          edges {
            node {
              aggregate {
                Actor__c {
                  value
                }
                Actor__r {
                  Name {
                    value
                  }
                }
                Action_Type__c {
                  value
                }
                Id {
                  count {
                    value
                  }
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
      }
    }
  }
`;

/** Open partner opportunities whose last APR action is before the cutoff, or that have none, by owner. */
export const STALE_DEALS_BY_OWNER_QUERY: DocumentNode = gql`
  query programStaleDealsByOwner($cutoff: Date) {
    uiapi {
      aggregate {
        Opportunity(
          first: 2000
          where: {
            and: [
              { IsClosed: { eq: false } }
              { Partner_Account__c: { ne: null } }
              {
                or: [{ Last_APR_Action_Date__c: { lt: { value: $cutoff } } }, { Last_APR_Action_Date__c: { eq: null } }]
              }
            ]
          }
          groupBy: { OwnerId: { group: true }, Owner: { Name: { group: true } } }
        ) {
          edges {
            node {
              aggregate {
                OwnerId {
                  value
                }
                Owner {
                  Name {
                    value
                  }
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

// ---------------------------------------------------------------------------------------------------
// Readers

/** What a wire has given: nothing yet, a failure, or the rows (and whether the org cut them off). */
export type Rows<T> = { kind: 'loading' } | { kind: 'error' } | { kind: 'ready'; value: T[]; truncated: boolean };

type Node = Record<string, unknown>;

/** The value at a path of an aggregate row: `at(row, 'Owner', 'Name', 'value')`; null when any step is missing. */
export function at(row: Node, ...keys: string[]): unknown {
  let value: unknown = row;
  for (const key of keys) {
    if (typeof value !== 'object' || value === null) return null;
    value = (value as Node)[key];
  }
  return value ?? null;
}

const text = (row: Node, ...keys: string[]): string | null => {
  const value = at(row, ...keys);
  return typeof value === 'string' && value !== '' ? value : null;
};

const num = (row: Node, ...keys: string[]): number | null => {
  const value = at(row, ...keys);
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
};

/**
 * The `aggregate` rows of one connection of a wire result, mapped. GraphQL errors are a failure whose text
 * is not shown (it can name fields and objects): the overview says what it could not load instead.
 */
export function readRows<T>(result: GraphQLResult | undefined, objectName: string, map: (row: Node) => T): Rows<T> {
  if (!result) return { kind: 'loading' };
  if (result.errors && result.errors.length > 0) return { kind: 'error' };
  const data = result.data as { uiapi?: { aggregate?: Record<string, unknown> } } | undefined;
  if (!data) return { kind: 'loading' };
  const connection = data.uiapi?.aggregate?.[objectName] as
    { edges?: { node: { aggregate: Node } }[]; pageInfo?: { hasNextPage?: boolean } } | undefined;
  const rows = connection?.edges ?? [];
  return {
    kind: 'ready',
    value: rows.map((e) => map(e.node.aggregate ?? {})),
    truncated: Boolean(connection?.pageInfo?.hasNextPage),
  };
}

export interface PlanRow {
  planId: string;
  planName: string;
  partnerId: string | null;
  partnerName: string | null;
  tier: string | null;
  attainment: number | null;
}

export const readPlans = (result: GraphQLResult | undefined): Rows<PlanRow> =>
  readRows(result, 'Partner_Account_Plan__c', (row) => ({
    planId: text(row, 'Id', 'value') ?? '',
    planName: text(row, 'Name', 'value') ?? '',
    partnerId: text(row, 'Partner_Account__c', 'value'),
    partnerName: text(row, 'Partner_Account__r', 'Name', 'value'),
    tier: text(row, 'Partner_Account__r', 'Partner_Tier__c', 'value'),
    attainment: num(row, 'Overall_Attainment__c', 'avg', 'value'),
  }));

export interface TierRow {
  tier: string | null;
  plans: number;
  partners: number;
  average: number | null;
  lowest: number | null;
  highest: number | null;
}

export const readTiers = (result: GraphQLResult | undefined): Rows<TierRow> =>
  readRows(result, 'Partner_Account_Plan__c', (row) => ({
    tier: text(row, 'Partner_Account__r', 'Partner_Tier__c', 'value'),
    plans: num(row, 'Id', 'count', 'value') ?? 0,
    partners: num(row, 'Partner_Account__c', 'countDistinct', 'value') ?? 0,
    average: num(row, 'Overall_Attainment__c', 'avg', 'value'),
    lowest: num(row, 'Overall_Attainment__c', 'min', 'value'),
    highest: num(row, 'Overall_Attainment__c', 'max', 'value'),
  }));

export interface ManagerMetricRow {
  managerId: string | null;
  managerName: string | null;
  metric: string | null;
  targets: number;
  averageAttainment: number | null;
  /** How many of the targets have an attainment (the average's weight). */
  withAttainment: number;
  target: number | null;
  expected: number | null;
  actual: number | null;
}

export const readManagerMetrics = (result: GraphQLResult | undefined): Rows<ManagerMetricRow> =>
  readRows(result, 'Plan_Target__c', (row) => ({
    managerId: text(row, 'Accountable_Partner_Manager__c', 'value'),
    managerName: text(row, 'Accountable_Partner_Manager__r', 'Name', 'value'),
    metric: text(row, 'Metric__c', 'value'),
    targets: num(row, 'Id', 'count', 'value') ?? 0,
    averageAttainment: num(row, 'Attainment__c', 'avg', 'value'),
    withAttainment: num(row, 'Attainment__c', 'count', 'value') ?? 0,
    target: num(row, 'Target_Value__c', 'sum', 'value'),
    expected: num(row, 'Expected_To_Date__c', 'sum', 'value'),
    actual: num(row, 'Actual_Value__c', 'sum', 'value'),
  }));

export interface BehindRow {
  managerId: string | null;
  managerName: string | null;
  planId: string | null;
  planName: string | null;
  partnerName: string | null;
  count: number;
}

export const readBehind = (result: GraphQLResult | undefined): Rows<BehindRow> =>
  readRows(result, 'Plan_Target__c', (row) => ({
    managerId: text(row, 'Accountable_Partner_Manager__c', 'value'),
    managerName: text(row, 'Accountable_Partner_Manager__r', 'Name', 'value'),
    planId: text(row, 'Plan_Section__r', 'Partner_Account_Plan__c', 'value'),
    planName: text(row, 'Plan_Section__r', 'Partner_Account_Plan__r', 'Name', 'value'),
    partnerName: text(row, 'Plan_Section__r', 'Partner_Account_Plan__r', 'Partner_Account__r', 'Name', 'value'),
    count: num(row, 'Id', 'count', 'value') ?? 0,
  }));

export interface ActionRow {
  actorId: string | null;
  actorName: string | null;
  actionType: string | null;
  actions: number;
  quantity: number;
}

export const readActions = (result: GraphQLResult | undefined): Rows<ActionRow> =>
  readRows(result, 'APR_Action__c', (row) => ({
    actorId: text(row, 'Actor__c', 'value'),
    actorName: text(row, 'Actor__r', 'Name', 'value'),
    actionType: text(row, 'Action_Type__c', 'value'),
    actions: num(row, 'Id', 'count', 'value') ?? 0,
    quantity: num(row, 'Quantity__c', 'sum', 'value') ?? 0,
  }));

export interface StaleRow {
  ownerId: string | null;
  ownerName: string | null;
  deals: number;
  amount: number | null;
}

export const readStale = (result: GraphQLResult | undefined): Rows<StaleRow> =>
  readRows(result, 'Opportunity', (row) => ({
    ownerId: text(row, 'OwnerId', 'value'),
    ownerName: text(row, 'Owner', 'Name', 'value'),
    deals: num(row, 'Id', 'count', 'value') ?? 0,
    amount: num(row, 'Amount', 'sum', 'value'),
  }));
