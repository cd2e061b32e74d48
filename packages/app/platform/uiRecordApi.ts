/**
 * `lightning/uiRecordApi` over the org's User Interface API (`/ui-api/records`, through the app server's
 * proxy as the signed-in user): getRecord reads Record representations with `fields` and `optionalFields`
 * (the org leaves out optional fields the user cannot read), writes go to the same resource, and a failure
 * rejects as Lightning Data Service does: `{ ok: false, status, statusText, body }` with the UI API's error
 * body (a record write's Error with Output has `output.fieldErrors` per field). Every connected getRecord wire
 * refetches when its record is written here or named in notifyRecordUpdateAvailable, as LDS's cache does.
 */
import { request, type FailedResponse } from './api';
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

const RECORDS = '/ui-api/records';

/**
 * Runs a UI API call; a failure rejects with the error body LDS hands to components: the single error of
 * the UI API's error array (an Error Message, or an Error with Output for record writes).
 */
async function uiApi<T>(method: string, path: string, body?: unknown): Promise<T> {
  try {
    return await request<T>(method, path, body);
  } catch (error) {
    const failed = error as FailedResponse;
    if (Array.isArray(failed.body) && failed.body.length === 1) throw { ...failed, body: failed.body[0] as unknown };
    throw error;
  }
}

function readRecord(recordId: string, fields: string[], optionalFields: string[]): Promise<RecordRepresentation> {
  const params = new URLSearchParams();
  if (fields.length > 0) params.set('fields', fields.join(','));
  if (optionalFields.length > 0) params.set('optionalFields', optionalFields.join(','));
  return uiApi<RecordRepresentation>('GET', `${RECORDS}/${encodeURIComponent(recordId)}?${params.toString()}`);
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
    try {
      const record = await readRecord(recordId, fields.map(qualified), optionalFields.map(qualified));
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

export function createRecord(input: CreateRecordInput): Promise<RecordRepresentation> {
  return uiApi<RecordRepresentation>('POST', RECORDS, { apiName: input.apiName, fields: input.fields });
}

export async function updateRecord(input: UpdateRecordInput): Promise<RecordRepresentation> {
  const { Id: id, ...fields } = input.fields;
  const record = await uiApi<RecordRepresentation>('PATCH', `${RECORDS}/${encodeURIComponent(id)}`, { fields });
  await refreshWires([id]);
  return record;
}

export async function deleteRecord(recordId: string): Promise<void> {
  await uiApi<null>('DELETE', `${RECORDS}/${encodeURIComponent(recordId)}`);
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
