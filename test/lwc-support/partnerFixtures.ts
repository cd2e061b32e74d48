/**
 * Builders of the partner side's typed test data: the running user's record (internal or partner), plan
 * comments as PLAN_COMMENTS_QUERY selects them, and targets as the shared-targets documents select them.
 */
import type { RecordRepresentation } from 'lightning/uiRecordApi';
import type { CommentNode, SharedTargetNode } from 'c/planData';
import CURRENT_USER_ID from '../lwc-mocks/salesforce/userId';
import { id, recordOf, targetNode, type TargetSpec } from './fixtures';

/** The partner contact the partner user of these tests is. */
export const PARTNER_CONTACT = { id: id('003', 1), name: 'Dana Reyes' };

/** The running user's record: a partner user (ContactId, PowerPartner) or an internal one. */
export function userRecord(
  kind: 'partner' | 'internal',
  name = kind === 'partner' ? 'Dana Reyes' : 'Alex Morgan',
): RecordRepresentation {
  return recordOf('User', CURRENT_USER_ID, {
    Name: name,
    ContactId: kind === 'partner' ? PARTNER_CONTACT.id : null,
    UserType: kind === 'partner' ? 'PowerPartner' : 'Standard',
  });
}

export interface CommentSpec {
  id: string;
  body: string;
  createdDate: string;
  authorId?: string;
  authorName?: string | null;
  internalOnly?: boolean;
  targetId?: string | null;
  targetMetric?: string;
  targetPeriodType?: string;
  targetPeriodStart?: string;
  targetPeriodEnd?: string;
}

export const commentId = (n: number): string => id('a0C', n);

export function commentNode(spec: CommentSpec): CommentNode {
  const targetId = spec.targetId ?? null;
  return {
    Id: spec.id,
    Body__c: { value: spec.body },
    Internal_Only__c: { value: spec.internalOnly ?? false },
    CreatedDate: { value: spec.createdDate },
    CreatedById: { value: spec.authorId ?? id('005', 12) },
    CreatedBy: spec.authorName === null ? null : { Name: { value: spec.authorName ?? 'Priya Mehta' } },
    Plan_Target__c: { value: targetId },
    Plan_Target__r: targetId
      ? {
          Metric__c: { value: spec.targetMetric ?? 'Joint_Calls' },
          Period_Type__c: {
            value: spec.targetPeriodType ?? 'Quarter',
            displayValue: spec.targetPeriodType ?? 'Quarter',
          },
          Period_Start__c: { value: spec.targetPeriodStart ?? '2026-04-01' },
          Period_End__c: { value: spec.targetPeriodEnd ?? '2026-06-30' },
        }
      : null,
  };
}

/** A target as the shared-targets documents select it: none of the internal fields (accountable people...). */
export function sharedTargetNode(spec: TargetSpec): SharedTargetNode {
  const node = targetNode(spec);
  return {
    Id: node.Id,
    Name: node.Name,
    Plan_Section__c: node.Plan_Section__c,
    Metric__c: node.Metric__c,
    Period_Type__c: node.Period_Type__c,
    Period_Start__c: node.Period_Start__c,
    Period_End__c: node.Period_End__c,
    Target_Value__c: node.Target_Value__c,
    Baseline_Target_Value__c: node.Baseline_Target_Value__c,
    Revision_Reason__c: node.Revision_Reason__c,
    Actual_Value__c: node.Actual_Value__c,
    Attainment__c: node.Attainment__c,
    Expected_To_Date__c: node.Expected_To_Date__c,
    Pace_Status__c: node.Pace_Status__c,
    Weight__c: node.Weight__c,
    ...(node.CurrencyIsoCode ? { CurrencyIsoCode: node.CurrencyIsoCode } : {}),
  };
}
