/* eslint-disable no-restricted-globals -- the babel parser reports property signatures (name, status) as uses of globals */
/**
 * The domain shapes the components work with. The data module maps UI API records and GraphQL nodes to
 * these; components never see `{ value }` wrappers or field API names.
 */

/** Partner_Account_Plan__c.Status__c */
export type PlanStatus = 'Draft' | 'Partner Review' | 'Accepted' | 'Active' | 'In Revision' | 'Closed';

/** APR_Action__c.Actor_Role__c */
export type ActorRole = 'AE' | 'Partner Manager' | 'Partner Rep';

/** Something loaded from the server: still loading, failed, or there (possibly cut off at the page size). */
export type Loadable<T> =
  { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; value: T; truncated: boolean };

export interface PlanHeader {
  id: string;
  name: string;
  partnerAccountId: string | null;
  partnerName: string | null;
  status: PlanStatus | null;
  periodStart: string | null;
  periodEnd: string | null;
  fiscalYear: string | null;
  version: number | null;
  overallAttainment: number | null;
  acceptedById: string | null;
  acceptedByName: string | null;
  /** ISO date-time. */
  acceptedOn: string | null;
  /*
   * The partner's side (optional fields of the plan record: absent where the user may not read them, and in
   * headers built by hand). Accepted_By_Contact__c: the partner contact who accepted; the change request.
   */
  ownerId?: string | null;
  /** The owner's name: who to ask when the user may not change the plan. */
  ownerName?: string | null;
  acceptedByContactId?: string | null;
  acceptedByContactName?: string | null;
  changeRequestReason?: string | null;
  /** ISO date-time. */
  changesRequestedOn?: string | null;
  changesRequestedById?: string | null;
  changesRequestedByName?: string | null;
}

/** A Plan_Comment__c: author and time are the record's CreatedBy and CreatedDate. */
export interface PlanComment {
  id: string;
  body: string;
  internalOnly: boolean;
  /** ISO date-time. */
  createdDate: string | null;
  authorId: string | null;
  authorName: string | null;
  /** The target the comment is about, with what names it (metric DeveloperName and period); null for the plan. */
  targetId: string | null;
  targetMetric: string | null;
  targetPeriodTypeLabel: string | null;
  targetPeriodStart: string | null;
  targetPeriodEnd: string | null;
}

/** The running user as the comment and portal components need them: a partner user has a ContactId. */
export interface RunningUser {
  id: string;
  name: string | null;
  contactId: string | null;
  /** User.UserType: Standard for internal users, PowerPartner for partner users. */
  userType: string | null;
  isPartner: boolean;
}

export interface PlanSummary {
  id: string;
  name: string;
  status: PlanStatus | null;
  periodStart: string | null;
  periodEnd: string | null;
  partnerAccountId: string | null;
  partnerName: string | null;
  overallAttainment: number | null;
}

export interface PlanSection {
  id: string;
  name: string;
  sectionType: string | null;
  sectionTypeLabel: string | null;
  summary: string | null;
  sortOrder: number | null;
  weightedAttainment: number | null;
}

export interface PlanTarget {
  id: string;
  name: string;
  sectionId: string | null;
  /** DeveloperName of a Plan_Metric__mdt record. */
  metric: string;
  periodType: string | null;
  periodTypeLabel: string | null;
  periodStart: string | null;
  periodEnd: string | null;
  targetValue: number | null;
  baselineValue: number | null;
  revisionReason: string | null;
  actualValue: number | null;
  /** Percent points: 85.5 means 85.5 %. */
  attainment: number | null;
  expectedToDate: number | null;
  paceStatus: string | null;
  weight: number | null;
  aeId: string | null;
  aeName: string | null;
  partnerManagerId: string | null;
  partnerManagerName: string | null;
  targetAccountId: string | null;
  targetAccountName: string | null;
  /**
   * Parent_Target__c: the Year target a Quarter or Month target was split from; Split_Profile__c: on a Year
   * target, the Seasonal_Profile__mdt its parts were split by. Read by the editor's documents only (optional:
   * the portal's documents and targets built by hand have neither).
   */
  parentTargetId?: string | null;
  splitProfile?: string | null;
  /** CurrencyIsoCode (the plan's, inherited through the section) in a multi-currency org; null in a single-currency one. */
  currencyIsoCode: string | null;
  /** Filled by the queries that reach the plan through the section. */
  planId: string | null;
  planName: string | null;
  planStatus: PlanStatus | null;
  partnerAccountId: string | null;
  partnerName: string | null;
  /** The plan's fiscal year and period (Fiscal_Year__c, Period_Start__c), for fiscal period labels. */
  planFiscalYear: string | null;
  planPeriodStart: string | null;
}

/** A Plan_Metric__mdt record: a metric of the catalog. */
export interface Metric {
  name: string;
  label: string;
  category: string | null;
  unit: string | null;
  sortOrder: number | null;
  active: boolean;
  sourceObject: string | null;
  filter: string | null;
  description: string | null;
  /** Help_Text__c: what counts and how to read it, for the people who choose and read targets. */
  helpText: string | null;
  /** Direction__c, Shape__c, Ahead_Threshold__c, Behind_Threshold__c as stored (c/metricSemantics reads them). */
  direction: string | null;
  shape: string | null;
  aheadThreshold: number | null;
  behindThreshold: number | null;
}

export interface AprAction {
  id: string;
  name: string;
  actionType: string | null;
  actionTypeLabel: string | null;
  actionDate: string | null;
  quantity: number;
  outcome: string | null;
  outcomeLabel: string | null;
  actorId: string | null;
  actorName: string | null;
  actorRole: string | null;
  opportunityId: string | null;
  opportunityName: string | null;
  opportunityWon: boolean;
  opportunityAccountId: string | null;
  partnerAccountId: string | null;
  planId: string | null;
  targetId: string | null;
  notes: string | null;
  nextStep: string | null;
}

export interface OpportunityInfo {
  id: string;
  name: string;
  ownerId: string | null;
  ownerName: string | null;
  accountId: string | null;
  partnerAccountId: string | null;
  partnerName: string | null;
  isClosed: boolean;
  isWon: boolean;
  lastAprActionDate: string | null;
}

export interface StaleDeal {
  id: string;
  name: string;
  stageLabel: string | null;
  amount: number | null;
  closeDate: string | null;
  lastAprActionDate: string | null;
  accountName: string | null;
}

/** One picklist value with its label in the user's language. */
export interface PicklistOption {
  label: string;
  value: string;
}

/** The result of one create or update: what the server said about each field and the record. */
export interface SaveOutcome {
  /** Record Id for updates; the new Id for successful creates; the caller's key otherwise. */
  id: string;
  ok: boolean;
  /** Field API name to messages. */
  fieldErrors: Record<string, string[]>;
  /** Messages not tied to a shown field (validation rules without a field, sharing, locking...). */
  messages: string[];
}
