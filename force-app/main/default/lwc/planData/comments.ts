/**
 * Plan comments (Plan_Comment__c): the one thread internal and partner users share. The GraphQL document
 * that lists a plan's comments (newest first, with author, time and the target they are about), the mapper
 * to `PlanComment`, and `postComment`. What a partner user sees is the server's business: the restriction
 * rule Partner_Users_See_Shared_Comments hides internal-only comments from them in every API.
 */
import { gql, type DocumentNode, type GraphQLResult } from 'lightning/graphql';
import type { FieldInputValue } from 'lightning/uiRecordApi';
import COMMENT_OBJECT from '@salesforce/schema/Plan_Comment__c';
import COMMENT_PLAN from '@salesforce/schema/Plan_Comment__c.Partner_Account_Plan__c';
import COMMENT_TARGET from '@salesforce/schema/Plan_Comment__c.Plan_Target__c';
import COMMENT_BODY from '@salesforce/schema/Plan_Comment__c.Body__c';
import COMMENT_INTERNAL from '@salesforce/schema/Plan_Comment__c.Internal_Only__c';
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
import { createOne } from './records';
import type { Loadable, PlanComment, SaveOutcome } from './types';

export { COMMENT_BODY };

/** The most Body__c holds (Long Text Area(4000)). */
export const COMMENT_MAX_LENGTH = 4000;

/** A comment as `CommentFields` selects it. */
export interface CommentNode {
  Id: string;
  Body__c: Value<string>;
  Internal_Only__c: Value<boolean>;
  CreatedDate: Value<string>;
  CreatedById: Value<string>;
  CreatedBy: NameRef;
  Plan_Target__c: Value<string>;
  Plan_Target__r: {
    Metric__c: Value<string>;
    Period_Type__c: Labeled<string>;
    Period_Start__c: Value<string>;
    Period_End__c: Value<string>;
  } | null;
}

export type CommentsData = UiapiData<'Plan_Comment__c', CommentNode>;

/** The comments of one plan, newest first (the components filter a target's). Variables: `planId`. */
export const PLAN_COMMENTS_QUERY: DocumentNode<CommentsData, { planId: string }> = gql`
  query planComments($planId: ID) {
    uiapi {
      query {
        Plan_Comment__c(
          where: { Partner_Account_Plan__c: { eq: $planId } }
          orderBy: { CreatedDate: { order: DESC }, Id: { order: DESC } }
          first: 2000
        ) {
          edges {
            node {
              Id
              Body__c {
                value
              }
              Internal_Only__c {
                value
              }
              CreatedDate {
                value
              }
              CreatedById {
                value
              }
              CreatedBy {
                Name {
                  value
                }
              }
              Plan_Target__c {
                value
              }
              Plan_Target__r {
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

function toComment(node: CommentNode): PlanComment {
  const target = node.Plan_Target__r;
  return {
    id: node.Id,
    body: val(node.Body__c) ?? '',
    internalOnly: val(node.Internal_Only__c) === true,
    createdDate: val(node.CreatedDate),
    authorId: val(node.CreatedById),
    authorName: nameOf(node.CreatedBy),
    targetId: val(node.Plan_Target__c),
    targetMetric: target ? val(target.Metric__c) : null,
    targetPeriodTypeLabel: target ? label(target.Period_Type__c) : null,
    targetPeriodStart: target ? val(target.Period_Start__c) : null,
    targetPeriodEnd: target ? val(target.Period_End__c) : null,
  };
}

export function readComments(result: GraphQLResult | undefined): Loadable<PlanComment[]> {
  return readConnection(result, 'Plan_Comment__c', toComment);
}

export interface CommentInput {
  planId: string;
  body: string;
  /** The target the comment is about, if any (a target of the same plan: Comment_Target_In_Plan). */
  targetId: string | null;
  /** Only internal users may set it (Partners_Cannot_Post_Internal); left out of the request when false. */
  internalOnly: boolean;
}

/** Creates a comment (LDS createRecord); the outcome carries the server's field errors (Body__c...). */
export function postComment(input: CommentInput): Promise<SaveOutcome> {
  const fields: Record<string, FieldInputValue> = {
    [COMMENT_PLAN.fieldApiName]: input.planId,
    [COMMENT_BODY.fieldApiName]: input.body,
  };
  if (input.targetId) fields[COMMENT_TARGET.fieldApiName] = input.targetId;
  if (input.internalOnly) fields[COMMENT_INTERNAL.fieldApiName] = true;
  return createOne(COMMENT_OBJECT.objectApiName, 'new-comment', fields);
}
