/**
 * Fields the platform derives on the standard objects beyond people's names and opportunity stages:
 * a task's IsClosed and IsHighPriority, an activity's AccountId, a campaign member's HasResponded and
 * FirstRespondedDate, an event's start, end, duration and date, an opportunity product's TotalPrice
 * (Quantity * UnitPrice) or UnitPrice (from TotalPrice) and its Product2Id (its price book entry's product),
 * an opportunity's Amount and TotalOpportunityQuantity from its products (see products.ts), a price book
 * entry's standard price check, a role's or group's DeveloperName from its Name (the platform's groups are
 * refused), a user's licence, partner contact and role (partner-users.ts), and an account's partner flag.
 */
import { RESPONDED_MEMBER_STATUSES, TASK_STATUSES } from '@partner-planning/model';
import type { ObjectSchema } from '../schema';
import type { Row } from '../sql';
import type { Storage } from '../storage';
import { checkPartnerAccount, deriveUser } from '../partner-users';
import { assertGroupNameUnique, assertGroupWritable } from '../role-groups';
import { recordError } from './common';
import { assertEntryFits, assertStandardPrice, deriveOpportunityTotals } from './products';

/** What derivations read beyond the record: other records (an activity's account) and the save's moment. */
export interface DeriveEnv {
  storage: Storage;
  now: Date;
  /** The user saving (the platform's own writes: ''). */
  userId: string;
}

const CLOSED_TASK_STATUSES = new Set(TASK_STATUSES.filter((s) => s.closed).map((s) => s.value.toLowerCase()));
const RESPONDED = new Set(RESPONDED_MEMBER_STATUSES.map((s) => s.toLowerCase()));
const MINUTE = 60_000;

/** Fills the derived fields of a standard object's `row`; `given` names the fields the client set. */
export function deriveStandardFields(
  obj: ObjectSchema,
  row: Row,
  given: Set<string>,
  previous: Row | undefined,
  env: DeriveEnv,
): void {
  if (obj.model.kind !== 'standard') return;
  switch (obj.name) {
    case 'Task':
      row.IsClosed = typeof row.Status === 'string' && CLOSED_TASK_STATUSES.has(row.Status.toLowerCase()) ? 1 : 0;
      row.IsHighPriority = typeof row.Priority === 'string' && row.Priority.toLowerCase() === 'high' ? 1 : 0;
      row.AccountId = activityAccount(env.storage, row);
      return;
    case 'CampaignMember':
      row.HasResponded = typeof row.Status === 'string' && RESPONDED.has(row.Status.toLowerCase()) ? 1 : 0;
      // The day the member first responded stays, whatever the status becomes afterwards.
      if (row.HasResponded === 1 && (row.FirstRespondedDate === null || row.FirstRespondedDate === undefined))
        row.FirstRespondedDate = env.now.toISOString().slice(0, 10);
      return;
    case 'Event':
      deriveEventTimes(row, given);
      row.AccountId = activityAccount(env.storage, row);
      return;
    case 'Opportunity':
      // Product writes keep Amount and TotalOpportunityQuantity at their products' sums (products.ts): only a
      // save that sets one of them can move it away and needs it put back.
      if (given.has('Amount') || given.has('TotalOpportunityQuantity')) deriveOpportunityTotals(env.storage, row);
      return;
    case 'PricebookEntry':
      // The price book and product are create-only: only a new entry needs checking.
      if (previous === undefined) assertStandardPrice(env.storage, row);
      return;
    case 'OpportunityLineItem': {
      deriveLinePrices(row, given, previous);
      const entry = priceBookEntry(env.storage, row.PricebookEntryId);
      // The entry is create-only: only a new product is checked against it.
      if (previous === undefined && entry) assertEntryFits(env.storage, row, entry);
      row.Product2Id = typeof entry?.Product2Id === 'string' ? entry.Product2Id : (row.Product2Id ?? null);
      row.ListPrice = typeof entry?.UnitPrice === 'number' ? entry.UnitPrice : null;
      return;
    }
    case 'User':
      deriveUser(env, row, previous);
      return;
    case 'Account':
      checkPartnerAccount(env.storage, row, previous);
      return;
    case 'Group':
      assertGroupWritable(row, previous);
      if (row.DeveloperName === null || row.DeveloperName === undefined || row.DeveloperName === '')
        row.DeveloperName = developerName(String(row.Name ?? ''));
      assertGroupNameUnique(env.storage, row);
      return;
    case 'UserRole':
      // A role made through the API is an internal one (the platform makes partner roles itself).
      if (previous === undefined) row.PortalType = 'None';
      if (row.DeveloperName === null || row.DeveloperName === undefined || row.DeveloperName === '')
        row.DeveloperName = developerName(String(row.Name ?? ''));
      return;
  }
}

/**
 * An activity's account, as the platform sets Task.AccountId and Event.AccountId (the Task object reference):
 * a WhatId naming an account gives that account; an opportunity, or a custom object that is a master-detail
 * child of Account, gives its account (none if it has none). Any other WhatId, or none, leaves it to the
 * WhoId: a contact's account; a lead, or no WhoId, gives no account.
 */
function activityAccount(storage: Storage, row: Row): string | null {
  const record = (id: unknown): { obj: ObjectSchema; row: Row } | undefined => {
    if (typeof id !== 'string' || id === '') return undefined;
    const obj = storage.schema.byKeyPrefix.get(id.slice(0, 3));
    const found = obj && storage.getRow(obj, id);
    return obj && found ? { obj, row: found } : undefined;
  };
  const account = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
  const what = record(row.WhatId);
  if (what?.obj.name === 'Account') return what.row.Id as string;
  if (what?.obj.name === 'Opportunity') return account(what.row.AccountId);
  const master =
    what &&
    [...what.obj.fields.values()].find(
      (f) => f.model.type === 'MasterDetail' && f.model.referenceTo?.includes('Account'),
    );
  if (what && master) return account(what.row[master.column]);
  const who = record(row.WhoId);
  return who?.obj.name === 'Contact' ? account(who.row.AccountId) : null;
}

/** An opportunity product's price book entry: the platform sets its Product2Id and ListPrice from it. */
function priceBookEntry(storage: Storage, entryId: unknown): Row | undefined {
  const entries = storage.schema.objects.get('PricebookEntry');
  if (typeof entryId !== 'string' || !entries) return undefined;
  return storage.getRow(entries, entryId);
}

/** Setup's API name for a label: letters, digits and single underscores, starting with a letter. */
function developerName(name: string): string {
  const cleaned = name
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 80);
  return /^[A-Za-z]/.test(cleaned) ? cleaned : `X${cleaned}`.slice(0, 80);
}

/**
 * StartDateTime and ActivityDateTime name the same instant (either may be given); the end comes from
 * EndDateTime or DurationInMinutes, whichever the client set (a moved start keeps the duration).
 */
function deriveEventTimes(row: Row, given: Set<string>): void {
  if (given.has('ActivityDateTime') && !given.has('StartDateTime')) row.StartDateTime = row.ActivityDateTime;
  row.ActivityDateTime = row.StartDateTime;
  const start = typeof row.StartDateTime === 'string' ? Date.parse(row.StartDateTime) : NaN;
  if (Number.isNaN(start))
    throw recordError('REQUIRED_FIELD_MISSING', 'Required fields are missing: [ActivityDateTime]', [
      'ActivityDateTime',
    ]);
  const end = typeof row.EndDateTime === 'string' ? Date.parse(row.EndDateTime) : NaN;
  const duration = typeof row.DurationInMinutes === 'number' ? row.DurationInMinutes : NaN;
  if (given.has('EndDateTime') && !Number.isNaN(end)) {
    row.DurationInMinutes = Math.round((end - start) / MINUTE);
  } else if (!Number.isNaN(duration)) {
    row.EndDateTime = new Date(start + duration * MINUTE).toISOString();
  } else if (!Number.isNaN(end)) {
    row.DurationInMinutes = Math.round((end - start) / MINUTE);
  } else {
    throw recordError('REQUIRED_FIELD_MISSING', 'Required fields are missing: [DurationInMinutes]', [
      'DurationInMinutes',
    ]);
  }
  if ((row.DurationInMinutes as number) < 0) {
    throw recordError('FIELD_INTEGRITY_EXCEPTION', 'End Date Time cannot be before Start Date Time', ['EndDateTime']);
  }
  row.ActivityDate = new Date(start).toISOString().slice(0, 10);
}

/**
 * Subtotal = Quantity * UnitPrice, and TotalPrice is the Subtotal less the Discount (a percent). A client
 * that gives TotalPrice instead gets the UnitPrice that makes it so; a new Discount without a TotalPrice
 * keeps the UnitPrice and changes the TotalPrice.
 */
function deriveLinePrices(row: Row, given: Set<string>, previous: Row | undefined): void {
  if (given.has('UnitPrice') && given.has('TotalPrice')) {
    throw recordError(
      'FIELD_INTEGRITY_EXCEPTION',
      'field integrity exception: TotalPrice (only one of unit price or total price may be specified)',
      ['TotalPrice'],
    );
  }
  // An update that changes no price keeps the prices, a total given earlier included (its unit price is rounded).
  if (previous !== undefined && !['Quantity', 'UnitPrice', 'TotalPrice', 'Discount'].some((f) => given.has(f))) return;
  const quantity = typeof row.Quantity === 'number' ? row.Quantity : null;
  if (quantity === null) return; // Quantity is required: assertRequired reports it.
  const kept = 1 - (typeof row.Discount === 'number' ? row.Discount : 0) / 100;
  if (given.has('TotalPrice') && typeof row.TotalPrice === 'number') {
    if (quantity === 0 || kept === 0)
      throw recordError('FIELD_INTEGRITY_EXCEPTION', 'field integrity exception: Quantity (zero)', ['Quantity']);
    row.UnitPrice = round2(row.TotalPrice / (quantity * kept));
    row.Subtotal = round2(row.TotalPrice / kept);
    return;
  }
  if (typeof row.UnitPrice !== 'number') {
    const which = previous === undefined ? 'unit price or total price must be specified' : 'unit price cannot be blank';
    throw recordError('FIELD_INTEGRITY_EXCEPTION', `field integrity exception: UnitPrice (${which})`, ['UnitPrice']);
  }
  row.Subtotal = round2(quantity * row.UnitPrice);
  row.TotalPrice = round2(row.Subtotal * kept);
}

/** Currency fields keep two decimals (scale 2). */
const round2 = (n: number): number => Math.round(n * 100) / 100;
