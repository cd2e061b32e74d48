/**
 * The partner API's `convertLead(leadConverts)` (jsforce's `conn.soap.convertLead`): converts a lead into an
 * account (new, or the one given), a contact (new, or the one given, which must belong to that account) and,
 * unless `doNotCreateOpportunity`, an opportunity named after the lead's company (or `opportunityName`). The
 * standard lead fields map to their account, contact and opportunity fields as Salesforce maps them; the lead
 * is marked converted with the converted status, date and records, and is read-only afterwards. Each convert
 * succeeds or fails alone, atomically (a failure leaves nothing created).
 */
import type { RequestContext } from '../context';
import { deserializeRecord } from '../dml';
import { normalizeId } from '../ids';
import type { OrgRuntime } from '../rest/context';
import type { ObjectSchema } from '../schema';
import type { Row } from '../sql';
import { today } from '../values';
import { child, textOf, type XmlFields } from '../xml';
import { errorsElement, perRequest, RecordCallError, type CallAnswer } from './record-calls';

/** The default lead process's converted status (LeadStatus.IsConverted): the only one a convert may set. */
const CONVERTED_STATUSES = new Set(['Closed - Converted']);

/** At most 100 leads per call, as the API documents. */
const MAX_CONVERTS = 100;

/** Lead field → account field, as the standard lead mapping sets them on a new account. */
const ACCOUNT_MAPPING: [string, string][] = [
  ['Company', 'Name'],
  ['Street', 'BillingStreet'],
  ['City', 'BillingCity'],
  ['State', 'BillingState'],
  ['PostalCode', 'BillingPostalCode'],
  ['Country', 'BillingCountry'],
  ['Phone', 'Phone'],
  ['Fax', 'Fax'],
  ['Website', 'Website'],
  ['Industry', 'Industry'],
  ['AnnualRevenue', 'AnnualRevenue'],
  ['NumberOfEmployees', 'NumberOfEmployees'],
  ['Rating', 'Rating'],
  ['LeadSource', 'AccountSource'],
];

/** Lead field → contact field. */
const CONTACT_MAPPING: [string, string][] = [
  ['Salutation', 'Salutation'],
  ['FirstName', 'FirstName'],
  ['LastName', 'LastName'],
  ['Title', 'Title'],
  ['Email', 'Email'],
  ['Phone', 'Phone'],
  ['MobilePhone', 'MobilePhone'],
  ['Fax', 'Fax'],
  ['Street', 'MailingStreet'],
  ['City', 'MailingCity'],
  ['State', 'MailingState'],
  ['PostalCode', 'MailingPostalCode'],
  ['Country', 'MailingCountry'],
  ['LeadSource', 'LeadSource'],
  ['Description', 'Description'],
  ['HasOptedOutOfEmail', 'HasOptedOutOfEmail'],
  ['DoNotCall', 'DoNotCall'],
];

/** One `<leadConverts>` element, as sent. */
interface LeadConvert {
  leadId: string;
  convertedStatus: string;
  accountId?: string;
  contactId?: string;
  ownerId?: string;
  opportunityName?: string;
  doNotCreateOpportunity: boolean;
  overwriteLeadSource: boolean;
}

export function leadConverts(call: unknown): LeadConvert[] {
  const value = call && typeof call === 'object' ? (call as Record<string, unknown>).leadConverts : undefined;
  const items = Array.isArray(value) ? value : value === undefined ? [] : [value];
  const text = (item: unknown, name: string): string | undefined => {
    const v = textOf(child(item, name))?.trim();
    return v ? v : undefined;
  };
  return items.map((item) => ({
    leadId: text(item, 'leadId') ?? '',
    convertedStatus: text(item, 'convertedStatus') ?? '',
    accountId: text(item, 'accountId'),
    contactId: text(item, 'contactId'),
    ownerId: text(item, 'ownerId'),
    opportunityName: text(item, 'opportunityName'),
    doNotCreateOpportunity: text(item, 'doNotCreateOpportunity') === 'true',
    overwriteLeadSource: text(item, 'overwriteLeadSource') === 'true',
  }));
}

function objectOf(org: OrgRuntime, name: string): ObjectSchema {
  const obj = org.schema.objects.get(name);
  if (!obj) throw new RecordCallError('INVALID_TYPE', `The org has no ${name} object`);
  return obj;
}

/** A live record of `obj` the caller can see, or the convert's error. */
function visibleRecord(org: OrgRuntime, ctx: RequestContext, obj: ObjectSchema, raw: string, what: string): Row {
  const id = normalizeId(raw);
  if (!id) throw new RecordCallError('MALFORMED_ID', `${what}: malformed id ${raw}`);
  const found = org.dml.lookup(obj, id, ctx);
  if (found.kind !== 'live')
    throw new RecordCallError('INVALID_CROSS_REFERENCE_KEY', `${what}: invalid cross reference id`);
  return found.row;
}

/** The values `mapping` copies from the lead, for the fields `target` has (nulls left out). */
function mapped(
  lead: Row,
  leadObj: ObjectSchema,
  target: ObjectSchema,
  mapping: [string, string][],
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [from, to] of mapping) {
    const source = leadObj.fields.get(from);
    const field = target.fields.get(to);
    const value = source ? lead[source.column] : undefined;
    if (!field || value === null || value === undefined) continue;
    values[to] = source?.model.type === 'Checkbox' ? value === 1 : value;
  }
  return values;
}

function convertOne(org: OrgRuntime, ctx: RequestContext, request: LeadConvert): XmlFields {
  const leadObj = objectOf(org, 'Lead');
  const lead = visibleRecord(org, ctx, leadObj, request.leadId, 'leadId');
  if (lead.IsConverted === 1)
    throw new RecordCallError('CANNOT_UPDATE_CONVERTED_LEAD', 'cannot reference converted lead');
  const status = leadObj.fields
    .get('Status')
    ?.model.picklist?.values.find((v) => v.value === request.convertedStatus && CONVERTED_STATUSES.has(v.value));
  if (!status) throw new RecordCallError('INVALID_STATUS', `invalid convertedStatus: ${request.convertedStatus}`);
  const account = objectOf(org, 'Account');
  const contact = objectOf(org, 'Contact');
  const opportunity = objectOf(org, 'Opportunity');
  const ownerId = request.ownerId ?? (lead.OwnerId as string);
  const create = (obj: ObjectSchema, values: Record<string, unknown>): string =>
    org.dml.create(ctx, obj, deserializeRecord(org.schema, obj, { ...values, OwnerId: ownerId }));

  let accountId: string;
  if (request.accountId) {
    accountId = visibleRecord(org, ctx, account, request.accountId, 'accountId').Id as string;
  } else {
    const values = mapped(lead, leadObj, account, ACCOUNT_MAPPING);
    // A lead without a company becomes an account named after the person, as for B2C leads.
    values.Name ??= [lead.FirstName, lead.LastName].filter(Boolean).join(' ');
    accountId = create(account, values);
  }
  let contactId: string;
  if (request.contactId) {
    const existing = visibleRecord(org, ctx, contact, request.contactId, 'contactId');
    if (existing.AccountId !== accountId) {
      throw new RecordCallError('INVALID_CROSS_REFERENCE_KEY', 'contactId: the contact does not belong to the account');
    }
    contactId = existing.Id as string;
  } else {
    contactId = create(contact, { ...mapped(lead, leadObj, contact, CONTACT_MAPPING), AccountId: accountId });
  }
  let opportunityId: string | null = null;
  if (!request.doNotCreateOpportunity) {
    const firstStage = opportunity.fields.get('StageName')?.model.picklist?.values[0]?.value ?? 'Prospecting';
    opportunityId = create(opportunity, {
      Name: request.opportunityName ?? (lead.Company as string | null) ?? String(lead.LastName),
      AccountId: accountId,
      StageName: firstStage,
      CloseDate: today(ctx.now),
      ...(lead.LeadSource ? { LeadSource: lead.LeadSource } : {}),
    });
  }
  // The conversion fields are the platform's to set: written directly, with the lead's audit fields.
  const stamp = ctx.now.toISOString();
  org.storage.updateRow(leadObj, lead.Id as string, {
    IsConverted: 1,
    Status: status.value,
    ConvertedDate: today(ctx.now),
    ConvertedAccountId: accountId,
    ConvertedContactId: contactId,
    ConvertedOpportunityId: opportunityId,
    LastModifiedDate: stamp,
    LastModifiedById: ctx.userId,
    SystemModstamp: stamp,
  });
  return [
    ['accountId', accountId],
    ['contactId', contactId],
    ['leadId', lead.Id as string],
    ['opportunityId', opportunityId],
    ['success', true],
  ];
}

/** The `<result>` elements of a convertLeadResponse, or the fault when the call itself is refused. */
export function convertLeadResults(org: OrgRuntime, ctx: RequestContext, requests: LeadConvert[]): CallAnswer {
  return perRequest(
    org,
    requests,
    MAX_CONVERTS,
    (request) => convertOne(org, ctx, request),
    (request, statusCode, message) => [
      ['accountId', null],
      ['contactId', null],
      errorsElement(statusCode, message),
      ['leadId', normalizeId(request.leadId) ?? null],
      ['opportunityId', null],
      ['success', false],
    ],
  );
}
