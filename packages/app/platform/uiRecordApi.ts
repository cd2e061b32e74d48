/**
 * `lightning/uiRecordApi` over the REST API: getRecord reads with SOQL (so relationship fields work),
 * writes go through sObject rows, and errors come back in the UI API shape (`output.fieldErrors` per field,
 * `output.errors` for the rest). Every connected getRecord wire refetches when its record is written here
 * or named in notifyRecordUpdateAvailable, as Lightning Data Service's cache does.
 */
import { objectOfId, query, request, restErrors, soqlString, type SoqlRecord } from './api';
import { recordFieldDisplayValue, recordFieldValue } from './recordFields';

interface FieldId {
  objectApiName: string;
  fieldApiName: string;
}

export type FieldValue = string | number | boolean | null | RecordRepresentation;

export interface RecordRepresentation {
  id: string;
  apiName: string;
  fields: Record<string, { value: FieldValue; displayValue: string | null }>;
}

export type FieldInputValue = string | number | boolean | null;

export interface CreateRecordInput {
  apiName: string;
  fields: Record<string, FieldInputValue>;
}

export interface UpdateRecordInput {
  fields: Record<string, FieldInputValue> & { Id: string };
}

interface GetRecordConfig {
  recordId?: string;
  fields?: (FieldId | string)[];
  optionalFields?: (FieldId | string)[];
}

type DataCallback = (value: { data?: RecordRepresentation; error?: unknown }) => void;

const qualified = (field: FieldId | string): string =>
  typeof field === 'string' ? field : `${field.objectApiName}.${field.fieldApiName}`;

/** SOQL datetimes end in +0000; the UI API answers ISO 8601 with Z. */
function uiValue(value: unknown): FieldValue {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T.*\+0000$/.test(value)) return value.replace(/\+0000$/, 'Z');
  return value as FieldValue;
}

/** A SOQL record (with nested parent records) as a UI API record. */
function toRecord(apiName: string, record: SoqlRecord): RecordRepresentation {
  const fields: RecordRepresentation['fields'] = {};
  for (const [name, value] of Object.entries(record)) {
    if (name === 'attributes') continue;
    if (value && typeof value === 'object') {
      const parent = value as SoqlRecord;
      const nested = toRecord(parent.attributes?.type ?? '', parent);
      const nameField = nested.fields.Name;
      fields[name] = { value: nested, displayValue: nameField ? String(nameField.value ?? '') : null };
    } else {
      fields[name] = { value: uiValue(value), displayValue: null };
    }
  }
  return { id: String(record.Id), apiName, fields };
}

async function readRecord(objectName: string, recordId: string, paths: string[]): Promise<RecordRepresentation> {
  const fields = [...new Set(['Id', ...paths])];
  const soql = `SELECT ${fields.join(', ')} FROM ${objectName} WHERE Id = ${soqlString(recordId)}`;
  const records = await query(soql);
  if (records.length === 0) {
    const notFound = {
      ok: false,
      status: 404,
      statusText: 'Not Found',
      body: { errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' },
    };
    throw notFound;
  }
  return toRecord(objectName, records[0]);
}

const adapters = new Map<string, Set<GetRecord>>();

/** The getRecord wire adapter. */
export class GetRecord {
  private config: GetRecordConfig = {};
  private connected = false;

  constructor(private readonly callback: DataCallback) {}

  update(config: GetRecordConfig): void {
    this.forget();
    this.config = config;
    this.remember();
    void this.fetch();
  }

  connect(): void {
    this.connected = true;
    this.remember();
  }

  disconnect(): void {
    this.connected = false;
    this.forget();
  }

  private remember(): void {
    const id = this.config.recordId;
    if (!id || !this.connected) return;
    const set = adapters.get(id) ?? new Set<GetRecord>();
    set.add(this);
    adapters.set(id, set);
  }

  private forget(): void {
    const id = this.config.recordId;
    if (id) adapters.get(id)?.delete(this);
  }

  async fetch(): Promise<void> {
    const { recordId, fields = [], optionalFields = [] } = this.config;
    if (!recordId || fields.length + optionalFields.length === 0) return;
    const required = fields.map(qualified);
    const optional = optionalFields.map(qualified);
    const objectName = [...required, ...optional][0].split('.')[0];
    const relative = (list: string[]): string[] => list.map((f) => f.split('.').slice(1).join('.'));
    try {
      let record: RecordRepresentation;
      try {
        record = await readRecord(objectName, recordId, relative([...required, ...optional]));
      } catch (error) {
        // An optional field the user cannot read is left out, never an error.
        if (optional.length === 0) throw error;
        record = await readRecord(objectName, recordId, relative(required));
      }
      if (this.config.recordId === recordId) this.callback({ data: record, error: undefined });
    } catch (error) {
      if (this.config.recordId === recordId) this.callback({ data: undefined, error });
    }
  }
}

export const getRecord = GetRecord;

function refreshWires(recordIds: string[]): Promise<void> {
  const work: Promise<void>[] = [];
  for (const id of recordIds) for (const adapter of adapters.get(id) ?? []) work.push(adapter.fetch());
  return Promise.all(work).then(() => undefined);
}

/** Rejects with the UI API's record error: a field's errors under its name, the others in `errors`. */
function uiError(error: unknown): never {
  const errors = restErrors(error);
  const output = {
    errors: [] as { errorCode: string; message: string }[],
    fieldErrors: {} as Record<string, { errorCode: string; field: string; message: string }[]>,
  };
  for (const e of errors) {
    const fields = e.fields ?? [];
    if (fields.length === 0) output.errors.push({ errorCode: e.errorCode, message: e.message });
    for (const field of fields) {
      output.fieldErrors[field] = [
        ...(output.fieldErrors[field] ?? []),
        { errorCode: e.errorCode, field, message: e.message },
      ];
    }
  }
  const status = (error as { status?: number } | undefined)?.status ?? 400;
  const rejected = {
    ok: false,
    status,
    statusText: 'Bad Request',
    body: { message: errors[0]?.message ?? '', errorCode: errors[0]?.errorCode ?? '', output },
  };
  throw rejected;
}

export async function createRecord(input: CreateRecordInput): Promise<RecordRepresentation> {
  let id: string;
  try {
    id = (await request<{ id: string }>('POST', `/sobjects/${input.apiName}`, input.fields)).id;
  } catch (error) {
    uiError(error);
  }
  return readRecord(input.apiName, id, Object.keys(input.fields));
}

export async function updateRecord(input: UpdateRecordInput): Promise<RecordRepresentation> {
  const { Id: id, ...fields } = input.fields;
  const objectName = await objectOfId(id);
  try {
    await request<null>('PATCH', `/sobjects/${objectName}/${id}`, fields);
  } catch (error) {
    uiError(error);
  }
  await refreshWires([id]);
  return readRecord(objectName, id, Object.keys(fields));
}

export async function deleteRecord(recordId: string): Promise<void> {
  const objectName = await objectOfId(recordId);
  try {
    await request<null>('DELETE', `/sobjects/${objectName}/${recordId}`);
  } catch (error) {
    uiError(error);
  }
}

export function notifyRecordUpdateAvailable(records: { recordId: string }[]): Promise<void> {
  return refreshWires(records.map((r) => r.recordId));
}

/** Follows spanning fields; undefined when a field is missing (as the platform's). */
export function getFieldValue(
  record: RecordRepresentation | null | undefined,
  field: FieldId | string,
): FieldValue | undefined {
  return recordFieldValue(record, field) as FieldValue | undefined;
}

export function getFieldDisplayValue(
  record: RecordRepresentation | null | undefined,
  field: FieldId | string,
): string | null | undefined {
  return recordFieldDisplayValue(record, field);
}
