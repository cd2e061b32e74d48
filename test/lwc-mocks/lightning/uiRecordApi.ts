/**
 * Jest mock of `lightning/uiRecordApi`. Wire adapters are LDS test adapters (emit / emitError); the
 * imperative functions are jest.fn()s with platform-like defaults that tests override per case.
 */
import { createLdsTestWireAdapter } from '@salesforce/wire-service-jest-util';
import type { CreateRecordInput, FieldValue, RecordRepresentation, UpdateRecordInput } from 'lightning/uiRecordApi';
import { recordFieldDisplayValue, recordFieldValue, type FieldRef } from '../../../packages/app/platform/recordFields';

export const getRecord = createLdsTestWireAdapter(jest.fn());

/** The record the server would return: the input fields as a record with a new Id. */
export function echoRecord(apiName: string, id: string, fields: Record<string, unknown>): RecordRepresentation {
  const entries = Object.entries(fields).map(([name, value]) => [
    name,
    { value: value as FieldValue, displayValue: null },
  ]);
  return { id, apiName, fields: Object.fromEntries(entries) };
}

let created = 0;
export const createRecord = jest.fn(async (input: CreateRecordInput): Promise<RecordRepresentation> =>
  echoRecord(input.apiName, `a0X${String(++created).padStart(15, '0')}`, input.fields),
);
export const updateRecord = jest.fn(async (input: UpdateRecordInput): Promise<RecordRepresentation> =>
  echoRecord('', input.fields.Id, input.fields),
);
export const deleteRecord = jest.fn(async (_recordId: string): Promise<void> => undefined);
export const notifyRecordUpdateAvailable = jest.fn(
  async (_records: { recordId: string }[]): Promise<void> => undefined,
);

/** Same contract as the platform: follows spanning fields, undefined when a field is missing. */
export const getFieldValue = jest.fn(
  (record: RecordRepresentation | null | undefined, field: FieldRef): FieldValue | undefined =>
    recordFieldValue(record, field) as FieldValue | undefined,
);

export const getFieldDisplayValue = jest.fn(recordFieldDisplayValue);

/** Restores the default implementations (call in afterEach; jest.fn state is per module instance). */
export function resetUiRecordApiMocks(): void {
  created = 0;
  for (const fn of [createRecord, updateRecord, deleteRecord, notifyRecordUpdateAvailable]) fn.mockClear();
  createRecord.mockImplementation(async (input) =>
    echoRecord(input.apiName, `a0X${String(++created).padStart(15, '0')}`, input.fields),
  );
  updateRecord.mockImplementation(async (input) => echoRecord('', input.fields.Id, input.fields));
  deleteRecord.mockImplementation(async () => undefined);
  notifyRecordUpdateAvailable.mockImplementation(async () => undefined);
}
