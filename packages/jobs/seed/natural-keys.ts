/**
 * Loading the seed's records of standard objects that have no External_Key__c (products, price book entries,
 * line items, leads, campaigns and their members, tasks, events, plan comments): each is found again by the fields that
 * identify it (a product's code, a lead's email, a member's campaign and person...). A record that exists is
 * left as it is (a converted lead cannot be edited, and an activity or a membership that happened does not
 * change); the missing ones are created. Also the two platform steps of the programme: finding the org's
 * standard price book, and converting leads through the API's convertLead.
 */
import type { JsonMap } from '@salesforce/ts-types';
import type { OrgSession } from '../connection';
import { queryIn } from '../query';
import { expectString, queryPage } from '../response';
import type { RetryPolicy } from '../retry';
import { writeRecords, type RecordOutcome } from '../writer';

/** The fields that identify a seeded record of an object without External_Key__c; the first narrows the query. */
export const NATURAL_KEYS: Record<string, string[]> = {
  Product2: ['ProductCode'],
  PricebookEntry: ['Product2Id', 'Pricebook2Id'],
  OpportunityLineItem: ['OpportunityId', 'Product2Id'],
  Lead: ['Email'],
  Campaign: ['Name'],
  CampaignMember: ['CampaignId', 'LeadId', 'ContactId'],
  Task: ['WhatId', 'WhoId', 'Subject', 'ActivityDate'],
  Event: ['WhatId', 'WhoId', 'Subject', 'StartDateTime'],
  Plan_Comment__c: ['Partner_Account_Plan__c', 'Body__c'],
};

/** A value as a key part: Ids to 15 characters, date-times to one format, blanks to ''. */
function part(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  if (/^\d{4}-\d\d-\d\dT/.test(text)) return new Date(text).toISOString();
  if (/^[a-zA-Z0-9]{18}$/.test(text)) return text.slice(0, 15);
  return text.toLowerCase();
}

const keyOf = (fields: string[], record: Record<string, unknown>): string =>
  fields.map((f) => part(record[f])).join('|');

/** Outcome of a natural-key load: `existed` when the record was found and left as it is. */
export type NaturalOutcome = RecordOutcome & { existed?: boolean };

/** Finds the records that exist, creates the others; one outcome per payload, in order. */
export async function loadByNaturalKey(
  session: OrgSession,
  sobject: string,
  payloads: Record<string, unknown>[],
  options: { policy?: RetryPolicy; onProgress: (settled: number) => void },
): Promise<NaturalOutcome[]> {
  const fields = NATURAL_KEYS[sobject];
  const first = fields[0];
  const values = payloads.map((p) => p[first]).filter((v): v is string => typeof v === 'string');
  const existing = await queryIn<Record<string, unknown> & { Id: string }>(
    session,
    `SELECT Id, ${fields.join(', ')} FROM ${sobject}`,
    first,
    values,
  );
  const found = new Map(existing.map((r) => [keyOf(fields, r), r.Id]));
  const outcomes: NaturalOutcome[] = new Array(payloads.length);
  const missing: number[] = [];
  payloads.forEach((p, i) => {
    const id = found.get(keyOf(fields, p));
    if (id) outcomes[i] = { success: true, id, created: false, existed: true };
    else missing.push(i);
  });
  options.onProgress(payloads.length - missing.length);
  const created = await writeRecords(session, {
    sobject,
    operation: 'create',
    records: missing.map((i) => payloads[i]),
    policy: options.policy,
    onProgress: options.onProgress,
  });
  created.forEach((outcome, n) => {
    outcomes[missing[n]] = { ...outcome, created: outcome.success };
  });
  return outcomes;
}

/**
 * The org's standard price book, where a product's first price goes. Every org has one (the local org
 * too); an org without products enabled has none, and the seed then prices no products.
 */
export async function standardPricebook(session: OrgSession): Promise<string | { error: string }> {
  const where = 'the standard price book query response';
  const standard = await session.conn.query<JsonMap>('SELECT Id FROM Pricebook2 WHERE IsStandard = true LIMIT 1');
  const row = queryPage<JsonMap>(standard, where).records[0];
  if (row) return expectString(row, 'Id', `${where}: records[0]`);
  return { error: 'the org has no standard price book' };
}

/** Converted status of the default lead process. */
const CONVERTED_STATUS = 'Closed - Converted';
/** convertLead takes at most 100 leads a call. */
const CONVERT_BATCH = 100;

export interface Conversion {
  leadId: string;
  accountId: string;
  ownerId: string;
  /** For failure reports. */
  label: string;
}

/** Converts the leads not converted yet into contacts at their accounts, without opportunities. */
export async function convertLeads(
  session: OrgSession,
  conversions: Conversion[],
): Promise<{ converted: number; failures: { label: string; message: string }[] }> {
  const failures: { label: string; message: string }[] = [];
  const state = await queryIn<{ Id: string; IsConverted: boolean }>(
    session,
    'SELECT Id, IsConverted FROM Lead',
    'Id',
    conversions.map((c) => c.leadId),
  );
  const done = new Set(state.filter((l) => l.IsConverted).map((l) => l.Id.slice(0, 15)));
  const todo = conversions.filter((c) => !done.has(c.leadId.slice(0, 15)));
  let converted = 0;
  for (let i = 0; i < todo.length; i += CONVERT_BATCH) {
    const batch = todo.slice(i, i + CONVERT_BATCH);
    const answer: unknown = await session.conn.soap.convertLead(
      batch.map((c) => ({
        leadId: c.leadId,
        accountId: c.accountId,
        ownerId: c.ownerId,
        convertedStatus: CONVERTED_STATUS,
        doNotCreateOpportunity: true,
      })),
    );
    const results = (Array.isArray(answer) ? answer : [answer]) as { success?: unknown; errors?: unknown }[];
    results.forEach((r, n) => {
      if (String(r?.success) === 'true') converted++;
      else failures.push({ label: batch[n].label, message: JSON.stringify(r?.errors ?? 'no result') });
    });
  }
  return { converted, failures };
}
