/**
 * The access job's vocabulary: the plan share object and the two sharing reasons it maintains, the options a
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
/** The sharing reason of the shares that give the partner account's users its plans. */
export const PARTNER_REASON = 'Shared_With_Partner__c';

export type ShareLevel = 'Read' | 'Edit';
/**
 * What the partner's users get by the plan's status: they review (and accept, or send back) a plan in Partner
 * Review, read it once accepted, and see nothing of a Draft (absent from the map).
 */
export const PARTNER_LEVEL_BY_STATUS: Readonly<Record<string, ShareLevel>> = {
  'Partner Review': 'Edit',
  Accepted: 'Read',
  Active: 'Read',
  'In Revision': 'Read',
  Closed: 'Read',
};

export interface AccessOptions {
  /** Compute and report the changes, write nothing. */
  dryRun?: boolean;
  onStep?: (step: string, total: number) => ProgressStep;
  /** Retry policy for queries' writes (default: the shared policy). */
  policy?: RetryPolicy;
}

/** One share the run inserts, sets to its access level, or deletes. */
export interface AccessChange {
  action: 'insert' | 'update' | 'delete';
  /** The sharing reason of the share (its RowCause). */
  reason: typeof ACCESS_REASON | typeof PARTNER_REASON;
  planId: string;
  /** The user (people on targets), or the partner account's role group (partner shares). */
  userId: string;
  /** The access level an insert or update writes. */
  accessLevel?: ShareLevel;
  /** The existing share (updates and deletes). */
  shareId?: string;
}

/** The partner shares' part of a run. */
export interface PartnerAccessReport {
  /** False where the org has no Shared_With_Partner__c reason or no partner roles (see notes): nothing done. */
  enabled: boolean;
  /** Existing shares of the reason. */
  shares: number;
  /** Plans that should be shared with their partner (not Draft, with a partner account that has roles). */
  wanted: number;
  inserted: number;
  /** Shares whose access level no longer matched the plan's status (or was changed by someone). */
  updated: number;
  deleted: number;
  unchanged: number;
  skipped: {
    /** Draft plans (and plans without a partner account): the partner sees nothing of them yet. */
    drafts: number;
    /** Partner accounts of plans past Draft that have no partner roles yet (no partner user), and their plans. */
    accountsWithoutRoles: number;
    plansWithoutRoles: number;
  };
}

/** One user whose planning role (User.Partner_Planning_Role__c) the run sets (null: blank). */
export interface RoleChange {
  userId: string;
  from: string | null;
  to: string | null;
}

/** The planning roles' part of a run (roles.ts). */
export interface RoleSyncReport {
  /** False where the org has no User.Partner_Planning_Role__c (see notes): nothing done. */
  enabled: boolean;
  /** Active internal users read. */
  users: number;
  updated: number;
  unchanged: number;
  /** The users whose role changes (or would, in a dry run). */
  changes: RoleChange[];
}

/**
 * A run's report. The top-level counts are the people on targets' shares (reason Accountable_On_Target__c);
 * `partner` counts the partner shares; `changes` holds both; `roles` the users' planning roles; `failures`
 * all three.
 */
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
  partner: PartnerAccessReport;
  roles: RoleSyncReport;
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
  partner: {
    enabled: false,
    shares: 0,
    wanted: 0,
    inserted: 0,
    updated: 0,
    deleted: 0,
    unchanged: 0,
    skipped: { drafts: 0, accountsWithoutRoles: 0, plansWithoutRoles: 0 },
  },
  roles: { enabled: false, users: 0, updated: 0, unchanged: 0, changes: [] },
  changes: [],
  failures: [],
  notes: [],
  dryRun,
});

/** The org cannot take the job's shares: no plan share object, or no sharing reason deployed. */
export class AccessSetupError extends Error {
  override name = 'AccessSetupError';
}
