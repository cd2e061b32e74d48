/**
 * The partner API's `merge(mergeRequests)` (jsforce's `conn.soap.merge`): merges up to two records into a
 * master record of the same type (accounts, contacts and leads, as the API allows). The master takes the field
 * values the request gives (and `fieldsToNull`), the related records of the merged ones move to the master,
 * and the merged records go to the recycle bin. Each request succeeds or fails alone, atomically.
 */
import type { RequestContext } from '../context';
import { deserializeRecord } from '../dml';
import { normalizeId } from '../ids';
import type { OrgRuntime } from '../rest/context';
import type { FieldSchema, ObjectSchema } from '../schema';
import type { Row } from '../sql';
import { child, textOf, type XmlFields } from '../xml';
import { errorsElement, perRequest, RecordCallError, type CallAnswer } from './record-calls';

const MERGEABLE = new Set(['Account', 'Contact', 'Lead']);
/** A merge combines at most three records: the master and two more. */
const MAX_MERGED = 2;
const MAX_REQUESTS = 200;

interface MergeRequest {
  type: string;
  masterId: string;
  /** Field values for the master, as text from the SOAP sObject. */
  values: Map<string, string>;
  fieldsToNull: string[];
  mergeIds: string[];
}

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);
const text = (node: unknown): string => (textOf(node) ?? '').trim();

export function mergeRequests(call: unknown): MergeRequest[] {
  const items = asList(call && typeof call === 'object' ? (call as Record<string, unknown>).mergeRequests : undefined);
  return items.map((item) => {
    const master = child(item, 'masterRecord');
    const values = new Map<string, string>();
    let type = '';
    let masterId = '';
    const fieldsToNull: string[] = [];
    for (const [name, value] of Object.entries(master && typeof master === 'object' ? master : {})) {
      if (name.startsWith('@')) continue;
      if (name === 'type') type = text(value);
      else if (name === 'Id') masterId = text(asList(value)[0]);
      else if (name === 'fieldsToNull') fieldsToNull.push(...asList(value).map(text));
      else values.set(name, textOf(asList(value)[0]) ?? '');
    }
    const mergeIds = asList(
      item && typeof item === 'object' ? (item as Record<string, unknown>).recordToMergeIds : undefined,
    ).map(text);
    return { type, masterId, values, fieldsToNull, mergeIds };
  });
}

/** A SOAP text value as the JSON value the write path reads for the field's type. */
function jsonValue(field: FieldSchema | undefined, value: string): unknown {
  const type = field?.model.type;
  if (type === 'Checkbox') return value === 'true';
  if (type === 'Number' || type === 'Currency' || type === 'Percent') return value === '' ? null : Number(value);
  return value;
}

function liveRecord(org: OrgRuntime, ctx: RequestContext, obj: ObjectSchema, raw: string): Row {
  const id = normalizeId(raw);
  if (!id) throw new RecordCallError('MALFORMED_ID', `malformed id ${raw}`);
  const found = org.dml.lookup(obj, id, ctx);
  if (found.kind === 'wrongType') throw new RecordCallError('INVALID_ID_FIELD', `${raw} is not a ${obj.name} Id`);
  if (found.kind !== 'live') throw new RecordCallError('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id');
  return found.row;
}

function mergeOne(org: OrgRuntime, ctx: RequestContext, request: MergeRequest): XmlFields {
  const obj = org.schema.objects.get(request.type);
  if (!obj || !MERGEABLE.has(obj.name)) {
    throw new RecordCallError('INVALID_TYPE', `Merge is not supported for ${request.type || 'records without a type'}`);
  }
  if (request.mergeIds.length === 0 || request.mergeIds.length > MAX_MERGED) {
    throw new RecordCallError(
      'INVALID_FIELD',
      `A merge combines the master with one or two records, not ${request.mergeIds.length}`,
    );
  }
  const master = liveRecord(org, ctx, obj, request.masterId);
  const merged = request.mergeIds.map((raw) => liveRecord(org, ctx, obj, raw));
  const mergedIds = merged.map((row) => row.Id as string);
  if (mergedIds.includes(master.Id as string) || new Set(mergedIds).size !== mergedIds.length) {
    throw new RecordCallError('INVALID_ID_FIELD', 'The records to merge must be distinct and not the master record');
  }
  const body: Record<string, unknown> = {};
  for (const [name, value] of request.values) body[name] = jsonValue(obj.fieldsByLower.get(name.toLowerCase()), value);
  for (const name of request.fieldsToNull) body[name] = null;
  if (Object.keys(body).length > 0) {
    org.dml.update(ctx, obj, master, deserializeRecord(org.schema, obj, body));
  }
  const updatedRelatedIds = org.dml.reparent(ctx, obj, mergedIds, master.Id as string);
  for (const row of merged) {
    org.dml.remove(ctx, obj, org.storage.getRow(obj, row.Id as string) as Row);
    // The deleted record remembers what it was merged into, as queryAll shows it.
    const masterField = obj.fields.get('MasterRecordId');
    if (masterField) org.storage.updateRow(obj, row.Id as string, { [masterField.column]: master.Id as string });
  }
  return [
    ['id', master.Id as string],
    ...mergedIds.map((id): [string, string] => ['mergedRecordIds', id]),
    ['success', true],
    ...updatedRelatedIds.map((id): [string, string] => ['updatedRelatedIds', id]),
  ];
}

/** The `<result>` elements of a mergeResponse, or the fault when the call itself is refused. */
export function mergeResults(org: OrgRuntime, ctx: RequestContext, requests: MergeRequest[]): CallAnswer {
  return perRequest(
    org,
    requests,
    MAX_REQUESTS,
    (request) => mergeOne(org, ctx, request),
    (request, statusCode, message) => [
      errorsElement(statusCode, message),
      ['id', normalizeId(request.masterId) ?? null],
      ['success', false],
    ],
  );
}
