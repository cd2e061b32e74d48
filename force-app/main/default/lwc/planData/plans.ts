/**
 * Plans and their sections: the GraphQL documents that list them, their node shapes and the mappers to
 * `PlanSummary` and `PlanSection`. Each selection is written once, as the `PlanFields` and
 * `SectionFields` fragments.
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
import type { Loadable, PlanSection, PlanStatus, PlanSummary } from './types';

/** A section as `SectionFields` selects it. */
export interface SectionNode {
  Id: string;
  Name: Value<string>;
  Section_Type__c: Labeled<string>;
  Summary__c: Value<string>;
  Sort_Order__c: Value<number>;
  Weighted_Attainment__c: Value<number>;
}

/** A plan as `PlanFields` selects it. */
export interface PlanNode {
  Id: string;
  Name: Value<string>;
  Status__c: Value<string>;
  Period_Start__c: Value<string>;
  Period_End__c: Value<string>;
  Partner_Account__c: Value<string>;
  Partner_Account__r: NameRef;
  Overall_Attainment__c: Value<number>;
}

export type SectionsData = UiapiData<'Plan_Section__c', SectionNode>;
export type PlansData = UiapiData<'Partner_Account_Plan__c', PlanNode>;

const SECTION_FIELDS = /* GraphQL */ `
  fragment SectionFields on Plan_Section__c {
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
`;

const PLAN_FIELDS = /* GraphQL */ `
  fragment PlanFields on Partner_Account_Plan__c {
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
`;

/** The fragments, for documents of other modules (the partner's: portal.ts). */
export { PLAN_FIELDS as PLAN_FRAGMENT, SECTION_FIELDS as SECTION_FRAGMENT };

/** The sections of one plan, in sort order. Variables: `planId`. */
export const PLAN_SECTIONS_QUERY: DocumentNode<SectionsData, { planId: string }> = gql`
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
  ${SECTION_FIELDS}
`;

/** The plans of a partner account that are not closed, newest period first. Variables: `accountId`. */
export const ACCOUNT_PLANS_QUERY: DocumentNode<PlansData, { accountId: string }> = gql`
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
              ...PlanFields
            }
          }
        }
      }
    }
  }
  ${PLAN_FIELDS}
`;

/** The accepted and active plans of a partner account: where an action can count. Variables: `partnerId`. */
export const PARTNER_ACTIVE_PLANS_QUERY: DocumentNode<PlansData, { partnerId: string }> = gql`
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
              ...PlanFields
            }
          }
        }
      }
    }
  }
  ${PLAN_FIELDS}
`;

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

export function readSections(result: GraphQLResult | undefined): Loadable<PlanSection[]> {
  return readConnection(result, 'Plan_Section__c', toSection);
}

/** Plans from the partner or account plan queries. */
export function readPlans(result: GraphQLResult | undefined): Loadable<PlanSummary[]> {
  return readConnection(result, 'Partner_Account_Plan__c', toPlan);
}
