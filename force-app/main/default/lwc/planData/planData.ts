/**
 * c/planData: the one place where components touch Salesforce data. Components wire the platform
 * adapters (imported from their lightning/* modules, as the LWC rules require) with the GraphQL documents
 * and field lists exported here, hand the provisioned values to the readers here, and write through the
 * functions here. They never see UI API records, GraphQL nodes or field API names.
 *
 * Platform modules used (what a local app has to provide):
 * - lightning/uiRecordApi: getRecord, createRecord, updateRecord, deleteRecord, getFieldValue,
 *   notifyRecordUpdateAvailable
 *   (the running user's ContactId and UserType through getRecord on @salesforce/user/Id)
 * - lightning/uiObjectInfoApi: getObjectInfo, getPicklistValues
 * - lightning/graphql: gql, graphql (results carry data, errors and refresh())
 */
import type { GraphQLResult } from 'lightning/graphql';
import type { WireResult } from 'lightning/uiRecordApi';
import type { ObjectInfoRepresentation, PicklistValuesRepresentation } from 'lightning/uiObjectInfoApi';
import type { PicklistOption } from './types';

export type { GraphQLResult } from 'lightning/graphql';
export type { RecordRepresentation, WireResult } from 'lightning/uiRecordApi';
export type { ObjectInfoRepresentation, PicklistValuesRepresentation } from 'lightning/uiObjectInfoApi';

export type {
  ActorRole,
  AprAction,
  Loadable,
  Metric,
  OpportunityInfo,
  PicklistOption,
  PlanComment,
  PlanHeader,
  PlanSection,
  PlanStatus,
  PlanSummary,
  PlanTarget,
  RunningUser,
  SaveOutcome,
  StaleDeal,
} from './types';
export type { Connection, Labeled, NameRef, UiapiData, Value } from './graphqlShapes';
export { graphQLErrorMessage } from './graphqlShapes';
export { plainMessage, plainMessages } from './plainErrors';
export * from './plans';
export * from './targets';
export * from './actions';
export * from './catalog';
export * from './records';
export * from './runs';
export * from './history';
export * from './comments';
export * from './portal';
export * from './profiles';
export * from './targetWrites';
export * from './templates';
export * from './blueprints';
export * from './reviews';

/** The picklist values of a getPicklistValues wire, in picklist order; empty until loaded. */
export function readPicklist(result: WireResult<PicklistValuesRepresentation> | undefined): PicklistOption[] {
  const values = result && result.data ? result.data.values : [];
  return values.map((v) => ({ label: v.label, value: v.value }));
}

/** The default record type of an object (what getPicklistValues needs), once object info is loaded. */
export function defaultRecordTypeId(result: WireResult<ObjectInfoRepresentation> | undefined): string | undefined {
  return result && result.data ? result.data.defaultRecordTypeId : undefined;
}

/**
 * Whether the running user may edit records of the object (and each named field): UI API's object info
 * carries the user's object permissions and field-level security. Unknown until it loads: not editable.
 */
export function canUpdate(result: WireResult<ObjectInfoRepresentation> | undefined, fields: string[] = []): boolean {
  const info = result && result.data;
  return (
    !!info && info.updateable && fields.every((name) => info.fields[name] !== undefined && info.fields[name].updateable)
  );
}

/** Refetches a GraphQL wire result (LDS does not re-run a query when records are created). */
export function refreshQuery(result: GraphQLResult | undefined): Promise<void> {
  return result && result.refresh ? result.refresh() : Promise.resolve();
}
