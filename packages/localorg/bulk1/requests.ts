/**
 * Bulk API 1.0 request bodies: the jobInfo of a job creation or state change (XML or JSON) and its checks,
 * and JSON batches turned into the CSV the internal Bulk API 2.0 job reads (a null value is `#N/A`, which
 * sets the field to null; a missing key leaves the field as it is; a parent reference
 * `{"Parent__r": {"External_Key__c": "K1"}}` becomes the column `Parent__r.External_Key__c`).
 */
import { isJsonArray, type AnyJson } from '@salesforce/ts-types';
import { SalesforceError } from '../errors';
import { csvLine } from '../bulk/csv';
import { bodyObject, parseJsonBody } from '../rest/context';
import { findFieldSchema, findObjectSchema, type OrgSchema } from '../schema';
import type { UserAccess } from '../security';
import { child, parseXml, textOf, XmlError } from '../xml';
import { Bulk1Error, type WireFormat } from './format';
import type { Job1ContentType } from './store';

const OPERATIONS = ['insert', 'update', 'upsert', 'delete', 'hardDelete', 'query', 'queryAll'];

export interface JobRequest {
  operation: string;
  object: string;
  externalIdFieldName: string | null;
  contentType: Job1ContentType;
  concurrencyMode: 'Parallel' | 'Serial';
}

/** The jobInfo properties of a body, as strings (absent: undefined). */
function jobInfoProperties(bodyText: string, format: WireFormat): Record<string, string | undefined> {
  if (format === 'json') {
    let parsed: AnyJson;
    try {
      parsed = parseJsonBody(bodyText);
    } catch (error) {
      if (error instanceof SalesforceError) throw new Bulk1Error('ClientInputError', error.message);
      throw error;
    }
    const props = bodyObject(parsed);
    if (!props) throw new Bulk1Error('InvalidJob', 'The request body must be a JSON jobInfo object');
    return Object.fromEntries(
      Object.entries(props).map(([key, value]) => [
        key,
        value === null || value === undefined ? undefined : String(value),
      ]),
    );
  }
  let node: unknown;
  try {
    node = child(parseXml(bodyText), 'jobInfo');
  } catch (error) {
    if (error instanceof XmlError)
      throw new Bulk1Error('InvalidXML', `XML in the request body is invalid: ${error.message}`);
    throw error;
  }
  if (node === undefined) throw new Bulk1Error('InvalidXML', 'The request body has no jobInfo element');
  const names = [
    'operation',
    'object',
    'externalIdFieldName',
    'contentType',
    'concurrencyMode',
    'assignmentRuleId',
    'state',
  ];
  return Object.fromEntries(names.map((name) => [name, textOf(child(node, name))?.trim()]));
}

/** A job creation's properties, checked for form. */
export function jobRequest(bodyText: string, format: WireFormat): JobRequest {
  const props = jobInfoProperties(bodyText, format);
  const operation = props.operation ?? '';
  if (!OPERATIONS.includes(operation)) throw new Bulk1Error('InvalidJob', `Invalid operation: '${operation}'`);
  if (!props.object) throw new Bulk1Error('InvalidJob', 'The job has no object');
  // The platform's default content type is XML, which the local org does not read.
  const contentType = props.contentType ?? 'XML';
  if (contentType !== 'CSV' && contentType !== 'JSON') {
    throw new Bulk1Error(
      'InvalidJob',
      `contentType ${contentType} is not supported by the local org: create the job with contentType CSV or JSON.`,
    );
  }
  if (contentType === 'JSON' && operation.startsWith('query')) {
    throw new Bulk1Error(
      'InvalidJob',
      'Query jobs with contentType JSON are not supported by the local org: use CSV, or Bulk API 2.0 query jobs.',
    );
  }
  if (props.assignmentRuleId) {
    throw new Bulk1Error(
      'InvalidJob',
      'Assignment rules are not supported by the local org: create the job without assignmentRuleId.',
    );
  }
  const concurrencyMode = props.concurrencyMode ?? 'Parallel';
  if (concurrencyMode !== 'Parallel' && concurrencyMode !== 'Serial') {
    throw new Bulk1Error('InvalidJob', `Invalid concurrencyMode: '${concurrencyMode}'`);
  }
  return {
    operation,
    object: props.object,
    externalIdFieldName: props.externalIdFieldName || null,
    contentType,
    concurrencyMode,
  };
}

/** What the caller may do: the object must be one they can read, hardDelete needs Bulk API Hard Delete. */
export function checkJobRequest(props: JobRequest, schema: OrgSchema, access: UserAccess): void {
  const obj = findObjectSchema(schema, props.object);
  // An object the caller cannot read does not exist for them.
  if (!obj || !access.canReadObject(obj)) throw new Bulk1Error('InvalidJob', `Unable to find object: ${props.object}`);
  if (obj.readOnly) throw new Bulk1Error('InvalidJob', `Entity '${obj.name}' is not supported by the Bulk API.`);
  if (props.operation === 'hardDelete' && !access.hasSystemPermission('BulkApiHardDelete')) {
    throw new Bulk1Error(
      'FeatureNotEnabled',
      'hardDelete operation requires special user profile permission, please contact your system administrator',
    );
  }
  if (props.operation !== 'upsert') return;
  const name = props.externalIdFieldName;
  if (!name) {
    throw new Bulk1Error(
      'InvalidJob',
      `External ID was blank for ${obj.name}. An External ID must be specified for upsert.`,
    );
  }
  const field = findFieldSchema(obj, name);
  if (!field || !access.canReadField(field) || !(field.model.externalId || field.name === 'Id')) {
    throw new Bulk1Error(
      'InvalidJob',
      `Field name provided, ${name} does not match an External ID, Salesforce Id, or indexed field for ${obj.name}`,
    );
  }
}

/** The state a job update asks for. */
export function requestedState(bodyText: string, format: WireFormat): string {
  return jobInfoProperties(bodyText, format).state ?? '';
}

const notRecords = (): Bulk1Error =>
  new Bulk1Error('InvalidBatch', 'A JSON batch is an array of records: objects of field names and values');

/** A JSON scalar as a CSV value: null is `#N/A` (set to null). */
function csvText(value: AnyJson): string {
  if (value === null) return '#N/A';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw notRecords();
}

/** A JSON batch as CSV with a header of every key (first appearance order) and LF line endings. */
export function jsonBatchToCsv(bodyText: string): string {
  let parsed: AnyJson;
  try {
    parsed = parseJsonBody(bodyText);
  } catch (error) {
    if (error instanceof SalesforceError) throw new Bulk1Error('InvalidBatch', error.message);
    throw error;
  }
  if (!isJsonArray(parsed)) throw notRecords();
  const rows = parsed.map((item) => {
    const record = bodyObject(item);
    if (!record) throw notRecords();
    const row = new Map<string, string>();
    for (const [key, value] of Object.entries(record)) {
      if (key === 'attributes') continue;
      const parent =
        value !== null && typeof value === 'object' && !Array.isArray(value) ? bodyObject(value) : undefined;
      if (parent) {
        for (const [subKey, subValue] of Object.entries(parent)) {
          if (subKey !== 'attributes') row.set(`${key}.${subKey}`, csvText(subValue ?? null));
        }
      } else {
        row.set(key, csvText(value ?? null));
      }
    }
    return row;
  });
  const header: string[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    for (const key of row.keys()) {
      if (!seen.has(key)) {
        seen.add(key);
        header.push(key);
      }
    }
  }
  const lines = [
    csvLine(header, ','),
    ...rows.map((row) =>
      csvLine(
        header.map((key) => row.get(key) ?? ''),
        ',',
      ),
    ),
  ];
  return `${lines.join('\n')}\n`;
}
