/**
 * Typed handles on the platform module mocks (test/lwc-mocks, mapped in jest.config.js) and the helpers
 * that drive them: emitting wire values, capturing toasts and quick-action closes, resetting between tests.
 * The component under test and the test share one instance of each mock module.
 */
import * as uiRecordApi from '../lwc-mocks/lightning/uiRecordApi';
import * as uiObjectInfoApi from '../lwc-mocks/lightning/uiObjectInfoApi';
import * as graphqlModule from '../lwc-mocks/lightning/graphql';
import * as navigation from '../lwc-mocks/lightning/navigation';
import LightningConfirm, { resetConfirmMock } from '../lwc-mocks/lightning/confirm';
import { SHOW_TOAST_EVENT, type ToastOptions } from '../lwc-mocks/lightning/platformShowToastEvent';
import { CLOSE_ACTION_SCREEN_EVENT } from '../lwc-mocks/lightning/actions';
import CURRENT_USER_ID from '../lwc-mocks/salesforce/userId';
import type { FetchResponse, RecordRepresentation } from 'lightning/uiRecordApi';
import type { DocumentNode } from 'lightning/graphql';
import type { PicklistOption } from 'c/planData';

export { CURRENT_USER_ID, LightningConfirm };
export const { getRecord, createRecord, updateRecord, deleteRecord, notifyRecordUpdateAvailable } = uiRecordApi;
export const { getObjectInfo, getPicklistValues } = uiObjectInfoApi;
export const { navigate, generateUrl } = navigation;

/** Emits the page the component is on (CurrentPageReference), e.g. with `c__` state from the address. */
export function emitPageReference(pageReference: {
  type: string;
  attributes?: Record<string, unknown>;
  state?: Record<string, unknown>;
}): void {
  navigation.CurrentPageReference.emit(pageReference);
}
export const graphqlAdapter = graphqlModule.graphql;

type Config = Record<string, unknown>;

/** Emits a record on the getRecord wires whose recordId is `record.id`. */
export function emitRecord(record: RecordRepresentation): void {
  getRecord.emit(record, (config: Config) => config.recordId === record.id);
}

/** Emits a getRecord error (a UI API error body) on the wires of a record Id. */
export function emitRecordError(recordId: string, message = 'The requested resource does not exist'): void {
  getRecord.emitError(
    { status: 404, body: [{ errorCode: 'NOT_FOUND', message }] },
    (config: Config) => config.recordId === recordId,
  );
}

/**
 * Emits object info for an object: its default record type (what picklist wires need) and the running
 * user's access: whether records may be created and edited, and which fields are editable.
 */
export function emitObjectInfo(
  objectApiName: string,
  access: { editable?: boolean; fields?: string[] } = {},
  defaultRecordTypeId = '012000000000000AAA',
): void {
  const editable = access.editable ?? true;
  const fields = Object.fromEntries(
    (access.fields ?? []).map((apiName) => [
      apiName,
      {
        apiName,
        label: apiName,
        dataType: 'String',
        required: false,
        createable: editable,
        updateable: editable,
        inlineHelpText: null,
      },
    ]),
  );
  getObjectInfo.emit(
    {
      apiName: objectApiName,
      label: objectApiName,
      labelPlural: objectApiName,
      keyPrefix: null,
      defaultRecordTypeId,
      createable: editable,
      updateable: editable,
      fields,
    },
    (config: Config) => {
      const id = config.objectApiName as { objectApiName?: string } | string;
      return (typeof id === 'string' ? id : id.objectApiName) === objectApiName;
    },
  );
}

/** Emits the values of a picklist field (`Object.Field__c`), in order. */
export function emitPicklist(qualifiedField: string, options: PicklistOption[]): void {
  const [objectApiName, fieldApiName] = qualifiedField.split('.');
  getPicklistValues.emit(
    {
      defaultValue: null,
      controllerValues: {},
      values: options.map((o) => ({ label: o.label, value: o.value, validFor: [], attributes: null })),
    },
    (config: Config) => {
      const field = config.fieldApiName as { objectApiName: string; fieldApiName: string };
      return field.objectApiName === objectApiName && field.fieldApiName === fieldApiName;
    },
  );
}

const forQuery = (query: DocumentNode<unknown, unknown>) => (config: Config) => config.query === query;

/**
 * Emits GraphQL data on the wires of one query document (import the constant from c/planData). The data
 * must have the document's result type (`NoInfer`: the document alone decides it), so a fixture that
 * drifts from its query does not compile.
 */
export function emitGraphQL<D, V>(
  query: DocumentNode<D, V>,
  data: NoInfer<D>,
  refresh: jest.Mock = jest.fn(async () => undefined),
): jest.Mock {
  graphqlAdapter.emit({ data, errors: undefined, refresh }, forQuery(query));
  return refresh;
}

/** Emits GraphQL errors on the wires of one query document. */
export function emitGraphQLErrors<D, V>(query: DocumentNode<D, V>, messages: string[]): void {
  graphqlAdapter.emit(
    { data: undefined, errors: messages.map((message) => ({ message })), refresh: jest.fn(async () => undefined) },
    forQuery(query),
  );
}

/**
 * The last config a wire of this query received (its variables, typed as the document's), or undefined
 * if none is connected.
 */
export function graphQLVariables<D, V>(query: DocumentNode<D, V>): V | undefined {
  const adapter = graphqlAdapter as unknown as { _wireInstances?: Set<{ getConfig(): Config }> };
  for (const instance of adapter._wireInstances ?? []) {
    const config = instance.getConfig();
    if (config.query === query) return config.variables as V | undefined;
  }
  return undefined;
}

/** The text of a query document (the mock's `gql` keeps it). */
export function documentSource<D, V>(query: DocumentNode<D, V>): string {
  return (query as DocumentNode<D, V> & graphqlModule.MockDocument).source;
}

/** Collects the toasts a component shows. */
export function captureToasts(host: HTMLElement): ToastOptions[] {
  const toasts: ToastOptions[] = [];
  host.addEventListener(SHOW_TOAST_EVENT, (event) => toasts.push((event as CustomEvent<ToastOptions>).detail));
  return toasts;
}

/** Counts how often a component asked to close its quick action screen. */
export function captureCloseAction(host: HTMLElement): { count: number } {
  const counter = { count: 0 };
  host.addEventListener(CLOSE_ACTION_SCREEN_EVENT, () => counter.count++);
  return counter;
}

/** A UI API record error as LDS rejects with it: validation rule and field errors of a write. */
export function recordError(options: {
  fieldErrors?: Record<string, string>;
  errors?: string[];
  message?: string;
}): FetchResponse {
  const fieldErrors = Object.fromEntries(
    Object.entries(options.fieldErrors ?? {}).map(([field, message]) => [
      field,
      [{ errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', field, message }],
    ]),
  );
  return {
    ok: false,
    status: 400,
    statusText: 'Bad Request',
    body: {
      message: options.message ?? 'An error occurred while trying to update the record. Please try again.',
      enhancedErrorType: 'RecordError',
      output: {
        errors: (options.errors ?? []).map((message) => ({ errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', message })),
        fieldErrors,
      },
    },
  };
}

/** The `fields` of every updateRecord call so far, in call order. */
export function updatePayloads(): Record<string, unknown>[] {
  return updateRecord.mock.calls.map(([input]) => input.fields);
}

/** The inputs of every createRecord call so far, in call order. */
export function createPayloads(): { apiName: string; fields: Record<string, unknown> }[] {
  return createRecord.mock.calls.map(([input]) => input);
}

/** Restores every platform mock to its default behaviour; call from afterEach. */
export function resetPlatformMocks(): void {
  uiRecordApi.resetUiRecordApiMocks();
  navigation.resetNavigationMocks();
  resetConfirmMock();
}
