/**
 * The shapes of the generated seed dataset: records that reference each other by external key, the users to
 * create, the per-chunk opportunities, actions and plan shares, and the options a dataset is generated from.
 */
import type { FiscalCalendar } from '../fiscal';
import type { IsoDate } from '../periods';
import type { Scale } from './scales';

export interface Ref {
  ref: { sobject: string; key: string };
}
export type FieldValue = string | number | boolean | null | Ref;

export interface SeedRecord {
  sobject: string;
  /** External_Key__c value (Username for users). */
  key: string;
  fields: Record<string, FieldValue>;
}

export type UserRole = 'AE' | 'Partner Manager' | 'Admin';

export interface UserSpec {
  key: string;
  role: UserRole;
  firstName: string;
  lastName: string;
  title: string;
  /** Key of the user's manager (partner managers report to the admin; AEs to their partner manager). */
  managerKey?: string;
}

/** A partner user to create: its seed key (the start of its username) and the contact it is made from. */
export interface PartnerUserSpec {
  key: string;
  partnerIndex: number;
  contactKey: string;
  /** 1 for the partner's director, 2 for its second user: the loader creates every 1 before any 2. */
  rank: 1 | 2;
}

/** A role of the seed's hierarchy, found again by its DeveloperName. */
export interface RoleSpec {
  /** Unique in the org: the seed finds the roles of an earlier run by it. */
  developerName: string;
  name: string;
  /** DeveloperName of the role above; none for the top role. */
  parent?: string;
  /** Keys of the seeded users in this role. */
  userKeys: string[];
}

export interface SeedOptions {
  seed: number;
  scale: Scale;
  /** The day the data is "as of": quarters, stages and actions are placed around it. */
  asOf: IsoDate;
  /** Organization.FiscalYearStartMonth (1 = January). */
  fiscalYearStartMonth: number;
  /** The org's fiscal calendar (naming, custom years); absent: standard years from that month, named by their end. */
  calendar?: FiscalCalendar;
}

/** Work of one group of partners that is generated and loaded together (bounded memory at large scale). */
export interface PartnerChunk {
  opportunities: SeedRecord[];
  actions: SeedRecord[];
  /** Users (AEs) each plan of these partners is shared with for reading: Private plans are otherwise unseen. */
  planShares: PlanShare[];
  /**
   * The partner programme around the deals (people, credentials, leads, campaigns and members, activities,
   * line items, funds), loaded after the opportunities, level by level (parents before children).
   */
  programme: SeedLevel[];
  /** Leads of this chunk that were converted, converted after their level is loaded. */
  leadConversions: LeadConversion[];
}

/** Records of one object, loaded together. */
export interface SeedLevel {
  sobject: string;
  records: SeedRecord[];
}

/** A lead converted into a contact at an existing customer account, without a new opportunity. */
export interface LeadConversion {
  leadKey: string;
  accountKey: string;
  ownerKey: string;
}

/** A plan and the keys of the users who should read it through a manual share. */
export interface PlanShare {
  planKey: string;
  userKeys: string[];
}

export interface SeedDataset {
  options: SeedOptions;
  keyPrefix: string;
  users: UserSpec[];
  /** The role hierarchy the users are put in (derived from their reporting lines, no randomness). */
  roles: RoleSpec[];
  /** Records loaded first, level by level (parents before children). */
  levels: SeedLevel[];
  /** Portal users of the partner accounts, created after the chunks (their contacts are loaded by then). */
  partnerUsers: PartnerUserSpec[];
  /** Plan comments, loaded once the partner users who wrote some of them exist. */
  comments: SeedRecord[];
  /** Opportunities and their actions, generated per chunk of partners on demand. */
  chunks(partnersPerChunk: number): Generator<PartnerChunk>;
  /** Number of opportunities and actions `chunks()` will produce (computed without generating them). */
  estimate: { opportunities: number; partnerCount: number };
}

/** The key of the org's standard price book: the loader finds its Id (`IsStandard = true`); the seed makes none. */
export const STANDARD_PRICEBOOK = 'standard';

/** A reference to another generated record, resolved to its Id when loading. */
export const ref = (sobject: string, key: string): Ref => ({ ref: { sobject, key } });

/** A number as a fixed-width key part: 7 -> 0007. */
export const pad = (n: number, width = 4): string => String(n).padStart(width, '0');
