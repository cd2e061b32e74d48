/**
 * Plan targets: the GraphQL documents that list them (a plan's, a pair's, a partner's, an account's),
 * their node shapes and the mapper to `PlanTarget`. The target selection is written once, as the
 * `TargetFields` fragment; `TargetWithPlanFields` adds the plan reached through the section.
 *
 * CurrencyIsoCode exists only in a multi-currency org, and the GraphQL schema refuses a field that does not
 * exist: the documents that components show values with come in two forms, `..._QUERY` without it and
 * `..._CURRENCY_QUERY` with it, and `targetCurrencyField` tells from the target's object info which to run.
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
import type { ObjectInfoRepresentation } from 'lightning/uiObjectInfoApi';
import type { WireResult } from 'lightning/uiRecordApi';
import type { Loadable, PlanStatus, PlanTarget } from './types';

/** A target as `TargetFields` selects it. */
export interface TargetNode {
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
  /** Only in the documents of `TargetFields` (internal users); optional so hand-built nodes may leave them out. */
  Parent_Target__c?: Value<string>;
  Split_Profile__c?: Value<string>;
  /** Only in the `_CURRENCY_QUERY` documents. */
  CurrencyIsoCode?: Value<string>;
}

/** A target as `TargetWithPlanFields` selects it: with its plan, reached through the section. */
export interface TargetWithPlanNode extends TargetNode {
  Plan_Section__r: {
    Partner_Account_Plan__c: Value<string>;
    Partner_Account_Plan__r: {
      Name: Value<string>;
      Status__c: Value<string>;
      Partner_Account__c: Value<string>;
      Partner_Account__r: NameRef;
      Fiscal_Year__c: Value<string>;
      Period_Start__c: Value<string>;
    } | null;
  } | null;
}

export type TargetsData = UiapiData<'Plan_Target__c', TargetNode>;
export type TargetsWithPlanData = UiapiData<'Plan_Target__c', TargetWithPlanNode>;

const CURRENCY_FIELD = /* GraphQL */ `
    CurrencyIsoCode {
      value
    }`;

/**
 * The target fields every reader of a plan may see, partner users included (Partner_User reads these and no
 * more): the editor's fragment adds the accountable people and the customer account, the portal asks for these.
 */
export const sharedTargetSelection = (currency: boolean): string => /* GraphQL */ `
    Id${currency ? CURRENCY_FIELD : ''}
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
    }`;

const targetFields = (currency: boolean): string => /* GraphQL */ `
  fragment TargetFields on Plan_Target__c {${sharedTargetSelection(currency)}
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
    Parent_Target__c {
      value
    }
    Split_Profile__c {
      value
    }
  }
`;

// Carries the definition of TargetFields too: a document that spreads this fragment appends this text only.
const targetWithPlanFields = (currency: boolean): string => /* GraphQL */ `
  fragment TargetWithPlanFields on Plan_Target__c {
    ...TargetFields
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
        Fiscal_Year__c {
          value
        }
        Period_Start__c {
          value
        }
      }
    }
  }
  ${targetFields(currency)}
`;

/** Every target of one plan (through its sections). Variables: `planId`. */
const planTargetsQuery = (currency: boolean): DocumentNode<TargetsData, { planId: string }> => gql`
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
              ...TargetFields
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
  ${targetFields(currency)}
`;

/**
 * The targets that define AE + partner-manager pairs: the user's own (as accountable AE or partner
 * manager) and, on a plan page, every target of that plan. Variables: `userId`, `planId` (null off a plan).
 */
const pairTargetsQuery = (
  currency: boolean,
): DocumentNode<TargetsWithPlanData, { userId: string; planId: string | null }> => gql`
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
              ...TargetWithPlanFields
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
  ${targetWithPlanFields(currency)}
`;

/** The targets of a partner account's plans that are not closed. Variables: `accountId`. */
const accountTargetsQuery = (currency: boolean): DocumentNode<TargetsWithPlanData, { accountId: string }> => gql`
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
              ...TargetWithPlanFields
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
  ${targetWithPlanFields(currency)}
`;

export const PLAN_TARGETS_QUERY = planTargetsQuery(false);
export const PLAN_TARGETS_CURRENCY_QUERY = planTargetsQuery(true);
export const PAIR_TARGETS_QUERY = pairTargetsQuery(false);
export const PAIR_TARGETS_CURRENCY_QUERY = pairTargetsQuery(true);
export const ACCOUNT_TARGETS_QUERY = accountTargetsQuery(false);
export const ACCOUNT_TARGETS_CURRENCY_QUERY = accountTargetsQuery(true);

/** The targets of a partner's accepted and active plans (no values shown: no currency). Variables: `partnerId`. */
export const PARTNER_ACTIVE_TARGETS_QUERY: DocumentNode<TargetsWithPlanData, { partnerId: string }> = gql`
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
              ...TargetWithPlanFields
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
  ${targetWithPlanFields(false)}
`;

function toTarget(node: TargetNode | TargetWithPlanNode): PlanTarget {
  // Only the plan-carrying documents select the section's plan.
  const section = 'Plan_Section__r' in node ? node.Plan_Section__r : null;
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
    parentTargetId: val(node.Parent_Target__c),
    splitProfile: val(node.Split_Profile__c),
    currencyIsoCode: val(node.CurrencyIsoCode),
    planId: section ? val(section.Partner_Account_Plan__c) : null,
    planName: plan ? val(plan.Name) : null,
    planStatus: plan ? (val(plan.Status__c) as PlanStatus | null) : null,
    partnerAccountId: plan ? val(plan.Partner_Account__c) : null,
    partnerName: plan ? nameOf(plan.Partner_Account__r) : null,
    planFiscalYear: plan ? val(plan.Fiscal_Year__c) : null,
    planPeriodStart: plan ? val(plan.Period_Start__c) : null,
  };
}

/** Targets from any of the target queries (plan, pair, partner or account). */
export function readTargets(result: GraphQLResult | undefined): Loadable<PlanTarget[]> {
  return readConnection(result, 'Plan_Target__c', toTarget);
}

/**
 * Whether targets have CurrencyIsoCode (a multi-currency org), from their object info: undefined until it
 * loads; false when it fails, so the targets still load (their values then read in the org's currency).
 */
export function targetCurrencyField(result: WireResult<ObjectInfoRepresentation> | undefined): boolean | undefined {
  if (!result || (!result.data && !result.error)) return undefined;
  return Boolean(result.data && result.data.fields.CurrencyIsoCode);
}

/** A target as `PAIRS_QUERY` selects it: who is accountable, and the partner of its plan. */
interface PairTargetNode {
  Id: string;
  Accountable_AE__c: Value<string>;
  Accountable_AE__r: NameRef;
  Accountable_Partner_Manager__c: Value<string>;
  Accountable_Partner_Manager__r: NameRef;
  Plan_Section__r: {
    Partner_Account_Plan__r: { Partner_Account__c: Value<string>; Partner_Account__r: NameRef } | null;
  } | null;
}

/** One target's accountable AE and partner manager and its plan's partner (`PAIRS_QUERY`). */
export interface PairTargetRow {
  aeId: string;
  aeName: string;
  partnerManagerId: string;
  partnerManagerName: string;
  partnerId: string | null;
  partnerName: string | null;
}

/**
 * Every AE + partner-manager pair the caller may see: the targets they can read that name both people, on
 * plans that are not closed, with only the fields that make a pair (the pair picker of managers and
 * leaders). No variables.
 */
export const PAIRS_QUERY: DocumentNode<UiapiData<'Plan_Target__c', PairTargetNode>, Record<string, never>> = gql`
  query coachingPairs {
    uiapi {
      query {
        Plan_Target__c(
          where: {
            and: [
              { Accountable_AE__c: { ne: null } }
              { Accountable_Partner_Manager__c: { ne: null } }
              { Plan_Section__r: { Partner_Account_Plan__r: { Status__c: { ne: "Closed" } } } }
            ]
          }
          first: 2000
        ) {
          edges {
            node {
              Id
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
              Plan_Section__r {
                Partner_Account_Plan__r {
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

function toPairTargetRow(node: PairTargetNode): PairTargetRow {
  const plan = node.Plan_Section__r ? node.Plan_Section__r.Partner_Account_Plan__r : null;
  const aeId = val(node.Accountable_AE__c) ?? '';
  const partnerManagerId = val(node.Accountable_Partner_Manager__c) ?? '';
  return {
    aeId,
    aeName: nameOf(node.Accountable_AE__r) ?? aeId,
    partnerManagerId,
    partnerManagerName: nameOf(node.Accountable_Partner_Manager__r) ?? partnerManagerId,
    partnerId: plan ? val(plan.Partner_Account__c) : null,
    partnerName: plan ? nameOf(plan.Partner_Account__r) : null,
  };
}

/** The rows of `PAIRS_QUERY`. */
export function readPairTargetRows(result: GraphQLResult | undefined): Loadable<PairTargetRow[]> {
  return readConnection(result, 'Plan_Target__c', toPairTargetRow);
}
