/**
 * Types for the Lightning platform modules our components import. The platform provides these modules
 * at run time (and the local app provides local versions); `@salesforce/schema/*` and `@salesforce/label/*`
 * modules are generated per field and per label from force-app by `npm run build` (generated/types/).
 *
 * Only what the components use is declared, as precisely as the platform documents it. Wire adapters are
 * typed as `WireAdapterConstructor<Config, Value>` so that lwc 9's `@wire` typing checks both the config
 * object and the type of the decorated field or method parameter.
 */

/** What an `@salesforce/schema/Object.Field` import is. */
interface FieldId {
  fieldApiName: string;
  objectApiName: string;
}

/** What an `@salesforce/schema/Object` import is. */
interface ObjectId {
  objectApiName: string;
}

declare module '@salesforce/user/Id' {
  const userId: string;
  export default userId;
  // Only the default export (an ambient module exports every declaration otherwise).
  export {};
}

/** The user's locale settings (the platform serves them per user; jest supplies en-US / Los Angeles). */
declare module '@salesforce/i18n/timeZone' {
  const timeZone: string;
  export default timeZone;
  // Only the default export (an ambient module exports every declaration otherwise).
  export {};
}

declare module '@salesforce/i18n/locale' {
  const locale: string;
  export default locale;
  // Only the default export (an ambient module exports every declaration otherwise).
  export {};
}

declare module '@salesforce/i18n/currency' {
  const currency: string;
  export default currency;
  // Only the default export (an ambient module exports every declaration otherwise).
  export {};
}

/** `lightning/uiRecordApi`: records through Lightning Data Service (User Interface API). */
declare module 'lightning/uiRecordApi' {
  import type { WireAdapterConstructor } from 'lwc';

  /** The value of one field in a record; spanning fields hold a nested record. */
  export type FieldValue = string | number | boolean | null | RecordRepresentation;

  export interface FieldValueRepresentation {
    value: FieldValue;
    displayValue: string | null;
  }

  /** UI API Record. */
  export interface RecordRepresentation {
    id: string;
    apiName: string;
    fields: Record<string, FieldValueRepresentation>;
    childRelationships?: Record<string, unknown>;
    lastModifiedById?: string | null;
    lastModifiedDate?: string | null;
    recordTypeId?: string | null;
    systemModstamp?: string | null;
  }

  /** UI API Error with Output: validation rule and field errors of a failed create or update. */
  export interface RecordExceptionOutput {
    errors: { errorCode: string; message: string }[];
    fieldErrors: Record<string, { errorCode: string; field: string; fieldLabel?: string; message: string }[]>;
  }

  export interface ErrorBody {
    message?: string;
    errorCode?: string;
    enhancedErrorType?: string | null;
    output?: RecordExceptionOutput;
  }

  /** What LDS rejects with or emits as `error`: a fetch-like response with a UI API error body. */
  export interface FetchResponse {
    body?: ErrorBody | ErrorBody[];
    ok?: boolean;
    status?: number;
    statusText?: string;
  }

  /** The value an LDS wire adapter provisions. */
  export interface WireResult<T> {
    data?: T;
    error?: FetchResponse;
  }

  export interface GetRecordConfig {
    recordId: string | undefined;
    fields?: (FieldId | string)[];
    optionalFields?: (FieldId | string)[];
  }

  /** What createRecord and updateRecord write: field API names to values (dates as ISO strings). */
  export type FieldInputValue = string | number | boolean | null;

  export interface RecordInput {
    fields: Record<string, FieldInputValue>;
  }

  export interface CreateRecordInput extends RecordInput {
    apiName: string;
  }

  export interface UpdateRecordInput extends RecordInput {
    fields: Record<string, FieldInputValue> & { Id: string };
  }

  export const getRecord: WireAdapterConstructor<GetRecordConfig, WireResult<RecordRepresentation>>;
  export function createRecord(recordInput: CreateRecordInput): Promise<RecordRepresentation>;
  export function updateRecord(
    recordInput: UpdateRecordInput,
    clientOptions?: { ifUnmodifiedSince?: string },
  ): Promise<RecordRepresentation>;
  export function deleteRecord(recordId: string): Promise<void>;
  export function getFieldValue(
    record: RecordRepresentation | null | undefined,
    field: FieldId | string,
  ): FieldValue | undefined;
  export function getFieldDisplayValue(
    record: RecordRepresentation | null | undefined,
    field: FieldId | string,
  ): string | null | undefined;
  /** Tells LDS that records changed outside it, so wires showing them refetch. */
  export function notifyRecordUpdateAvailable(records: { recordId: string }[]): Promise<void>;
}

/** `lightning/uiObjectInfoApi`: object and field metadata, picklist values and their labels. */
declare module 'lightning/uiObjectInfoApi' {
  import type { WireAdapterConstructor } from 'lwc';
  import type { WireResult } from 'lightning/uiRecordApi';

  export interface FieldInfoRepresentation {
    apiName: string;
    label: string;
    dataType: string;
    required: boolean;
    createable: boolean;
    updateable: boolean;
    inlineHelpText: string | null;
    length?: number;
    precision?: number;
    scale?: number;
  }

  export interface ObjectInfoRepresentation {
    apiName: string;
    label: string;
    labelPlural: string;
    keyPrefix: string | null;
    defaultRecordTypeId: string;
    createable: boolean;
    updateable: boolean;
    fields: Record<string, FieldInfoRepresentation>;
  }

  export interface PicklistValueRepresentation {
    label: string;
    value: string;
    validFor: number[];
    attributes: unknown;
  }

  export interface PicklistValuesRepresentation {
    defaultValue: PicklistValueRepresentation | null;
    values: PicklistValueRepresentation[];
    controllerValues: Record<string, number>;
  }

  export const getObjectInfo: WireAdapterConstructor<
    { objectApiName: ObjectId | string },
    WireResult<ObjectInfoRepresentation>
  >;
  export const getPicklistValues: WireAdapterConstructor<
    { recordTypeId: string | undefined; fieldApiName: FieldId | string },
    WireResult<PicklistValuesRepresentation>
  >;
}

/**
 * `lightning/graphql`: the UI API GraphQL wire adapter (v2). The provisioned value carries `data`,
 * `errors` and a `refresh()` that refetches the query (v1's `refreshGraphQL(result)` lives in
 * `lightning/uiGraphQLApi`, which we do not use).
 */
declare module 'lightning/graphql' {
  import type { WireAdapterConstructor } from 'lwc';

  /** A parsed query; `TData` and `TVariables` are phantom types that tie the document to its shapes. */
  export interface DocumentNode<TData = unknown, TVariables = Record<string, unknown>> {
    readonly kind: 'Document';
    /** Never present at run time: only carries the result and variable types. */
    readonly __resultType?: TData;
    readonly __variablesType?: TVariables;
  }

  export interface GraphQLError {
    message: string;
    locations?: { line: number; column: number }[];
    path?: (string | number)[];
    extensions?: Record<string, unknown>;
  }

  export interface GraphQLResult<TData = unknown> {
    data?: TData;
    errors?: GraphQLError[];
    refresh?: () => Promise<void>;
  }

  export interface GraphQLConfig {
    query: DocumentNode | undefined;
    /** Query variables. `undefined` keeps the wire waiting, like an unset reactive `$` property. */
    variables?: Record<string, unknown> | undefined;
    operationName?: string;
  }

  /** Parses a query. Annotate the constant to tie the document to its data and variables types. */
  export function gql<TData = unknown, TVariables = Record<string, unknown>>(
    strings: TemplateStringsArray,
    ...values: unknown[]
  ): DocumentNode<TData, TVariables>;
  export const graphql: WireAdapterConstructor<GraphQLConfig, GraphQLResult>;
}

/** `lightning/navigation`: page references and the navigation mixin. */
declare module 'lightning/navigation' {
  import type { LightningElement, WireAdapterConstructor } from 'lwc';

  export interface PageReference {
    type: string;
    attributes?: Record<string, unknown>;
    state?: Record<string, unknown>;
  }

  const Navigate: unique symbol;
  const GenerateUrl: unique symbol;

  export interface NavigationMixinMethods {
    [Navigate](pageReference: PageReference, replace?: boolean): void;
    [GenerateUrl](pageReference: PageReference): Promise<string>;
  }

  // A mixin's constructor type has to accept any arguments.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  type Constructor<T> = new (...args: any[]) => T;

  export const NavigationMixin: {
    <Base extends Constructor<LightningElement>>(base: Base): Base & Constructor<NavigationMixinMethods>;
    readonly Navigate: typeof Navigate;
    readonly GenerateUrl: typeof GenerateUrl;
  };

  /**
   * The page the component is on, as a wire adapter (no config): its type, attributes and state (the
   * `c__` parameters of the address); a new value after each navigation.
   */
  export const CurrentPageReference: WireAdapterConstructor<Record<string, never>, PageReference>;

  // Only the exports above: the symbols and the constructor type are not module exports.
  export {};
}

/** `lightning/platformShowToastEvent`: toasts in Lightning Experience. */
declare module 'lightning/platformShowToastEvent' {
  export interface ToastOptions {
    title?: string;
    message: string;
    messageData?: (string | { url: string; label: string })[];
    variant?: 'info' | 'success' | 'warning' | 'error';
    mode?: 'dismissible' | 'pester' | 'sticky';
  }

  export class ShowToastEvent extends CustomEvent<ToastOptions> {
    constructor(toast: ToastOptions);
  }
}

/** `lightning/actions`: closes the modal of a screen quick action. */
declare module 'lightning/actions' {
  export class CloseActionScreenEvent extends CustomEvent<null> {
    constructor();
  }
}

/**
 * `lightning/refresh` (RefreshView API): a component fires RefreshEvent to ask the view it sits in to refresh;
 * components that registered a refresh handler refresh their data (the handler resolves true to let the
 * refresh go on to the components inside them).
 */
declare module 'lightning/refresh' {
  export class RefreshEvent extends CustomEvent<unknown> {
    constructor();
  }
  export function registerRefreshHandler(contextElement: object, providerMethod: () => Promise<boolean>): number;
  export function unregisterRefreshHandler(handle: number): void;
}

/** `lightning/confirm`: the platform's accessible confirm dialog. */
declare module 'lightning/confirm' {
  export interface ConfirmOptions {
    message: string;
    label?: string;
    variant?: 'header' | 'headerless';
    theme?: 'default' | 'shade' | 'inverse' | 'alt-inverse' | 'success' | 'info' | 'warning' | 'error' | 'offline';
  }

  export default class LightningConfirm {
    static open(options: ConfirmOptions): Promise<boolean>;
  }

  // Only the exports above: the class is the default export, not a named one.
  export {};
}
