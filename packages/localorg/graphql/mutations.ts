/**
 * UI API GraphQL mutations, as the GraphQL API's mutations schema defines them: under
 * `mutation { uiapi(input: { allOrNone }) { ... } }`, `XxxCreate(input: { Xxx: { fields } }) { Record { ... } }`,
 * `XxxUpdate(input: { Id, Xxx: { fields } }) { success Record { ... } }` and `XxxDelete(input: { Id }) { Id }`.
 * Each goes through the org's write path (Dml) as the caller, with their object permissions, field-level
 * security, sharing and validation rules. With `allOrNone` (the default, true) one failure rolls every
 * operation back and the answer has no data; with false, each failing operation answers null and its error.
 */
import type { FieldNode } from 'graphql';
import type { RequestContext } from '../context';
import { deserializeRecord, type Dml } from '../dml';
import { SalesforceError } from '../errors';
import { findObjectSchema, type ObjectSchema } from '../schema';
import type { Row } from '../sql';
import type { Storage } from '../storage';
import { errorBody, fieldUndefined, GraphQLRequestError, type GraphQLErrorBody, type GraphQLResponse } from './errors';
import type { Fragments } from './fragments';
import { argumentValue, fieldsOf, recordById, Schema, type GraphQLRuntime, type Variables } from './query';

/** What mutations need of the org, as the caller. */
export interface MutationOrg {
  storage: Storage;
  dml: Dml;
  ctx: RequestContext;
  runtime: GraphQLRuntime;
}

const OPERATION = /^(.+)(Create|Update|Delete)$/;

/** Rolls back the operations of an allOrNone request after its first failure. */
class RollBack extends Error {}

function inputOf(field: FieldNode, variables: Variables): Record<string, unknown> {
  const input = argumentValue(field, 'input', variables);
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    throw new GraphQLRequestError(`${field.name.value} needs an input object argument`, field);
  return input as Record<string, unknown>;
}

function liveRow(org: MutationOrg, obj: ObjectSchema, id: unknown): Row {
  const found = org.dml.lookup(obj, typeof id === 'string' ? id : '', org.ctx);
  if (found.kind === 'live') return found.row;
  if (found.kind === 'deleted') throw new SalesforceError(404, 'ENTITY_IS_DELETED', 'entity is deleted');
  throw new SalesforceError(404, 'INVALID_CROSS_REFERENCE_KEY', `invalid cross reference id: ${String(id)}`);
}

/** The record values of an input (`{ Account: { Name } }`), decoded as the REST API decodes a body. */
function valuesOf(org: MutationOrg, obj: ObjectSchema, input: Record<string, unknown>, field: FieldNode) {
  const body = input[obj.name];
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new GraphQLRequestError(`${field.name.value} needs input.${obj.name}, an object of field values`, field);
  const access = org.dml.security.forContext(org.ctx);
  return deserializeRecord(org.storage.schema, obj, body, JSON.stringify(body), (f) => access.canReadField(f));
}

/** Runs one operation and answers its payload. */
function operate(
  org: MutationOrg,
  schema: Schema,
  field: FieldNode,
  fragments: Fragments,
  variables: Variables,
): Record<string, unknown> {
  const alias = field.alias?.value ?? field.name.value;
  const match = OPERATION.exec(field.name.value);
  const obj = match ? findObjectSchema(org.storage.schema, match[1]) : undefined;
  const access = org.dml.security.forContext(org.ctx);
  if (!match || !obj || !access.canReadObject(obj))
    throw fieldUndefined(field.name.value, 'UIAPIMutations', field, ['uiapi']);
  const input = inputOf(field, variables);
  const record = (id: string, selection: FieldNode | undefined): Record<string, unknown> | null =>
    selection
      ? recordById(org.runtime, schema, obj.name, id, selection, fragments, variables, ['uiapi', alias, 'Record'])
      : null;
  const payload: Record<string, unknown> = {};
  if (match[2] === 'Delete') {
    const row = liveRow(org, obj, input.Id);
    org.dml.remove(org.ctx, obj, row);
    for (const f of fieldsOf(field.selectionSet)) payload[f.alias?.value ?? f.name.value] = row.Id;
    return payload;
  }
  let id: string;
  if (match[2] === 'Create') {
    id = org.dml.create(org.ctx, obj, valuesOf(org, obj, input, field));
  } else {
    const row = liveRow(org, obj, input.Id);
    org.dml.update(org.ctx, obj, row, valuesOf(org, obj, input, field));
    id = String(row.Id);
  }
  for (const f of fieldsOf(field.selectionSet)) {
    const key = f.alias?.value ?? f.name.value;
    if (f.name.value === 'Record') payload[key] = record(id, f);
    else if (f.name.value === 'success') payload[key] = true;
    else if (f.name.value !== '__typename')
      throw fieldUndefined(f.name.value, `${field.name.value}Payload`, f, ['uiapi', alias]);
  }
  return payload;
}

/** Runs the `uiapi` field of a mutation operation. */
export function runMutations(
  org: MutationOrg,
  root: FieldNode,
  fragments: Fragments,
  variables: Variables,
): GraphQLResponse {
  const options = argumentValue(root, 'input', variables);
  const allOrNone =
    typeof options === 'object' && options !== null && 'allOrNone' in options ? options.allOrNone !== false : true;
  const schema = new Schema(org.runtime);
  const fields = fieldsOf(root.selectionSet);
  const uiapi: Record<string, unknown> = {};
  const errors: GraphQLErrorBody[] = [];
  const run = (field: FieldNode): void => {
    const alias = field.alias?.value ?? field.name.value;
    try {
      // Each operation is atomic on its own (a savepoint): a failed one leaves nothing behind.
      uiapi[alias] = org.storage.db.transaction(() => operate(org, schema, field, fragments, variables))();
    } catch (error) {
      uiapi[alias] = null;
      errors.push({ ...errorBody(error), path: ['uiapi', alias] });
      if (allOrNone) throw new RollBack();
    }
  };
  if (!allOrNone) {
    for (const field of fields) run(field);
    return errors.length > 0 ? { data: { uiapi }, errors } : { data: { uiapi } };
  }
  try {
    org.storage.db.transaction(() => {
      for (const field of fields) run(field);
    })();
  } catch (error) {
    if (!(error instanceof RollBack)) throw error;
    return { data: null, errors };
  }
  return { data: { uiapi } };
}
