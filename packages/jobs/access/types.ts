/**
 * The access job's vocabulary: the plan share object and the sharing reason it maintains, the options a
 * run takes, and the report it returns (counts, the changes it made or would make, and failures).
 */
import type { ProgressStep } from '@partner-planning/cli';
import type { RetryPolicy } from '../retry';
import type { WriteFailure } from '../writer';

export const PLAN_OBJECT = 'Partner_Account_Plan__c';
/** The platform's share object for plans, present where plans are Private (or Read). */
export const PLAN_SHARE_OBJECT = 'Partner_Account_Plan__Share';
/** The Apex sharing reason (objects/Partner_Account_Plan__c/sharingReasons) whose shares the job owns. */
export const ACCESS_REASON = 'Accountable_On_Target__c';
/** What the people on a plan get: reading the plan, and so its sections and targets (controlled by parent). */
export const ACCESS_LEVEL = 'Read';

export interface AccessOptions {
  /** Compute and report the changes, write nothing. */
  dryRun?: boolean;
  onStep?: (step: string, total: number) => ProgressStep;
  /** Retry policy for queries' writes (default: the shared policy). */
  policy?: RetryPolicy;
}

/** One share the run inserts, sets back to Read, or deletes. */
export interface AccessChange {
  action: 'insert' | 'update' | 'delete';
  planId: string;
  userId: string;
  /** The existing share (updates and deletes). */
  shareId?: string;
}

export interface AccessReport {
  read: {
    /** Plans in the org, and those with at least one person named on a target. */
    plans: number;
    plansWithPeople: number;
    /** Distinct users named accountable on targets. */
    people: number;
    /** Existing shares of the sharing reason. */
    shares: number;
  };
  /** Plan and user pairs that should have a share of the reason. */
  wanted: number;
  inserted: number;
  /** Shares of the reason whose access level someone changed, set back to Read. */
  updated: number;
  deleted: number;
  unchanged: number;
  /** Named people who get no share: owners of the plan (they have full access) and inactive users. */
  skipped: { owners: number; inactive: number };
  changes: AccessChange[];
  failures: WriteFailure[];
  notes: string[];
  dryRun: boolean;
}

export const emptyAccessReport = (dryRun: boolean): AccessReport => ({
  read: { plans: 0, plansWithPeople: 0, people: 0, shares: 0 },
  wanted: 0,
  inserted: 0,
  updated: 0,
  deleted: 0,
  unchanged: 0,
  skipped: { owners: 0, inactive: 0 },
  changes: [],
  failures: [],
  notes: [],
  dryRun,
});

/** The org cannot take the job's shares: no plan share object, or no sharing reason deployed. */
export class AccessSetupError extends Error {
  override name = 'AccessSetupError';
}
