/**
 * sObject Collections (`/composite/sobjects`): create, update, upsert, delete and retrieve up to 200
 * records in one call. Request-level problems answer 400; record-level problems come back per record
 * (`statusCode`, not `errorCode`), in request order. With allOrNone, one failure rolls back every record.
 */
import type { JsonMap } from '@salesforce/ts-types';
import type { RequestContext } from '../context';
import {
  deserializeRecord,
  MultipleMatchesError,
  recordError,
  type BatchOutcome,
  type Lookup,
  type WriteValues,
} from '../dml';
import { SalesforceError } from '../errors';
import { lockTarget } from '../faults';
import { withFormulaValues } from '../formula';
import { normalizeId } from '../ids';
import { renderRecord, selectFields } from '../records';
import { findFieldSchema, type ObjectSchema } from '../schema';
import type { Row } from '../sql';
import { bodyArray, bodyObject, ok, parseJsonBody, type ApiRequest, type OrgRuntime, type Reply } from './context';
import { accessOf, objectNamed } from './sobjects';

const MAX_RECORDS = 200;
const MAX_RETRIEVE_IDS = 2000;

interface SaveError {
  statusCode: string;
  message: string;
  fields: string[];
}

interface SaveResult {
  id?: string;
  success: boolean;
  errors: SaveError[];
  created?: boolean;
}

/** One record's work: `run` returns its success result and throws SalesforceError for a record-level failure. */
type Item = {
  /** The Id the request names (updates, deletes), reported even when the record fails. */
  knownId?: string;
  /** For fault injection: the record a new record would lock (its parent, else its owner). */
  lockTarget?: string;
  /** Upserts: whether the record would be created (no match), reported on its failure too. */
  wouldCreate?: () => boolean;
} & ({ run: () => SaveResult; batched?: undefined } | { batched: Batched; run?: undefined });

/** A record written with its neighbours of the same object and kind through Dml's batch path. */
type Batched =
  | { kind: 'create'; obj: ObjectSchema; values: WriteValues }
  /** `load` finds the record as the batch reaches it, so it sees the writes of the records before it. */
  | { kind: 'update'; obj: ObjectSchema; load: () => { current: Row; values: WriteValues } };

const exceeded = (max: number): SalesforceError =>
  new SalesforceError(
    400,
    'EXCEEDED_ID_LIMIT',
    `record limit reached. cannot submit more than ${max} records into this call`,
  );

const unsupportedType = (name: string): SalesforceError =>
  new SalesforceError(
    400,
    'INVALID_TYPE',
    `sObject type '${name}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.`,
  );

const failure = (id: string | undefined, error: SalesforceError, created?: boolean): SaveResult => ({
  ...(id ? { id } : {}),
  success: false,
  // One error per failing validation rule, when several fail.
  errors: error.toBody().map((e) => ({ statusCode: e.errorCode, message: e.message, fields: e.fields ?? [] })),
  // Every upsert result says whether it created (or would have created) the record, failures included.
  ...(created === undefined ? {} : { created }),
});

/**
 * Runs every item as if in its own savepoint (runs of records of one object and kind go through Dml's batch
 * path, which keeps that guarantee); with allOrNone, any failure rolls all of them back.
 */
function runItems(org: OrgRuntime, ctx: RequestContext, items: Item[], allOrNone: boolean): SaveResult[] {
  // One draw per record in request order, whatever is written in between (faults are a seeded sequence).
  const locks = items.map((item) => org.faults?.lock(item.knownId ?? item.lockTarget ?? ''));
  let results: SaveResult[] = [];
  const rolledBack = new Error('rolled back');
  const attempt = (): true => {
    results = itemResults(org, ctx, items, locks);
    if (allOrNone && results.some((r) => !r.success)) throw rolledBack;
    return true;
  };
  try {
    // Batches share the request's transaction; a record failing after a write redoes the request, each batch
    // then in a savepoint of its own.
    if (!org.dml.withBatchTransaction(attempt)) org.dml.atomic(attempt);
  } catch (error) {
    if (error !== rolledBack) throw error;
    results = results.map((r, i) =>
      r.success
        ? failure(
            items[i].knownId,
            new SalesforceError(
              400,
              'ALL_OR_NONE_OPERATION_ROLLED_BACK',
              'Record rolled back because not all records were valid and the request was using AllOrNone header',
            ),
            r.created,
          )
        : r,
    );
  }
  return results;
}

/** Every item's result in order: runs of records of one object and kind in one batch, the others one by one. */
function itemResults(
  org: OrgRuntime,
  ctx: RequestContext,
  items: Item[],
  locks: (SalesforceError | undefined)[],
): SaveResult[] {
  const results: SaveResult[] = [];
  for (let i = 0; i < items.length;) {
    const item = items[i];
    const locked = locks[i];
    if (locked) {
      results.push(failure(item.knownId, locked, item.wouldCreate?.()));
      i++;
    } else if (item.batched) {
      const { kind, obj } = item.batched;
      let end = i + 1;
      while (end < items.length && !locks[end] && items[end].batched?.kind === kind && items[end].batched?.obj === obj)
        end++;
      const group = items.slice(i, end);
      writeBatch(org, ctx, group).forEach((outcome, k) => {
        results.push(
          'error' in outcome
            ? failure(group[k].knownId, outcome.error, group[k].wouldCreate?.())
            : { id: outcome.id, success: true, errors: [] },
        );
      });
      i = end;
    } else {
      results.push(runOne(org, item));
      i++;
    }
  }
  return results;
}

/** Writes a run of items of one object and kind (see runItems) in one batch; outcomes in the items' order. */
function writeBatch(org: OrgRuntime, ctx: RequestContext, group: Item[]): BatchOutcome[] {
  const batched = group.flatMap((item) => (item.batched ? [item.batched] : []));
  const obj = batched[0].obj;
  const creates = batched.flatMap((b) => (b.kind === 'create' ? [b.values] : []));
  if (creates.length === batched.length) return org.dml.createMany(ctx, obj, creates);
  const loads = batched.flatMap((b) => (b.kind === 'update' ? [b.load] : []));
  return org.dml.updateEach(ctx, obj, loads.length, (k) => loads[k]());
}

function runOne(org: OrgRuntime, item: Item & { run: () => SaveResult }): SaveResult {
  try {
    return org.dml.atomic(item.run);
  } catch (error) {
    if (error instanceof SalesforceError) return failure(item.knownId, error, item.wouldCreate?.());
    throw error;
  }
}

interface CollectionBody {
  allOrNone: boolean;
  records: JsonMap[];
}

function collectionBody(req: ApiRequest): CollectionBody {
  const parsed = bodyObject(parseJsonBody(req.bodyText));
  const list = bodyArray(parsed, 'records');
  if (!parsed || !list) {
    throw new SalesforceError(400, 'JSON_PARSER_ERROR', 'The request body must be an object with a records array');
  }
  if (list.length > MAX_RECORDS) throw exceeded(MAX_RECORDS);
  const records = list.map((r) => {
    const record = bodyObject(r);
    if (!record) throw new SalesforceError(400, 'JSON_PARSER_ERROR', 'Each element of records must be an sObject');
    return record;
  });
  return { allOrNone: parsed.allOrNone === true, records };
}

/** The object named by a record's `attributes.type` (every collection record must carry one). */
function recordType(org: OrgRuntime, req: ApiRequest, record: JsonMap): ObjectSchema {
  const type = bodyObject(record.attributes)?.type;
  if (typeof type !== 'string' || type === '') {
    throw new SalesforceError(400, 'INVALID_TYPE', 'Each record must contain an attributes map with a type');
  }
  const obj = org.schema.byLower.get(type.toLowerCase());
  // An object the caller cannot read does not exist for them.
  if (!obj || !accessOf(org, req).canReadObject(obj)) throw unsupportedType(type);
  return obj;
}

/** A collection record's values; fields the caller cannot read do not exist for them. */
function recordValues(
  org: OrgRuntime,
  req: ApiRequest,
  obj: ObjectSchema,
  record: Record<string, unknown>,
): WriteValues {
  const access = accessOf(org, req);
  return deserializeRecord(org.schema, obj, record, req.bodyText, (field) => access.canReadField(field));
}

/** The live row an update or delete names, or the record-level error the API reports. */
export function liveForCollection(obj: ObjectSchema, found: Lookup, raw: string): Row {
  switch (found.kind) {
    case 'live':
      return found.row;
    case 'deleted':
      throw recordError('ENTITY_IS_DELETED', 'entity is deleted');
    case 'malformed':
      throw recordError('MALFORMED_ID', `malformed id ${raw}`);
    case 'wrongType':
      throw recordError('MALFORMED_ID', `${obj.model.label} ID: id value of incorrect type: ${found.id}`, ['Id']);
    default:
      throw recordError('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id');
  }
}

/** `POST composite/sobjects`: create. */
export function collectionCreate(org: OrgRuntime, req: ApiRequest): Reply {
  const { allOrNone, records } = collectionBody(req);
  const items: Item[] = records.map((record) => {
    const obj = recordType(org, req, record);
    const values = recordValues(org, req, obj, record);
    return { lockTarget: lockTarget(values, req.ctx.userId), batched: { kind: 'create', obj, values } };
  });
  return ok(runItems(org, req.ctx, items, allOrNone));
}

/** `PATCH composite/sobjects`: update; each record carries its `id`. */
export function collectionUpdate(org: OrgRuntime, req: ApiRequest): Reply {
  const { allOrNone, records } = collectionBody(req);
  const items: Item[] = records.map((record) => {
    const obj = recordType(org, req, record);
    const values = recordValues(org, req, obj, record);
    const idField = obj.fields.get('Id');
    const rawId = idField ? values.get(idField) : undefined;
    if (typeof rawId !== 'string' || rawId === '') {
      return {
        run: () => {
          throw recordError('MISSING_ARGUMENT', 'Id not specified in an update call');
        },
      };
    }
    const load = () => ({ current: liveForCollection(obj, org.dml.lookup(obj, rawId, req.ctx), rawId), values });
    return { knownId: normalizeId(rawId), batched: { kind: 'update', obj, load } };
  });
  return ok(runItems(org, req.ctx, items, allOrNone));
}

/** `PATCH composite/sobjects/{Type}/{ExternalIdField}`: upsert records of one type by an external id. */
export function collectionUpsert(org: OrgRuntime, req: ApiRequest): Reply {
  const obj = objectNamed(org, req.params[0], accessOf(org, req));
  const field = findFieldSchema(obj, req.params[1]);
  if (!field || !field.model.externalId || !accessOf(org, req).canReadField(field)) {
    throw new SalesforceError(
      404,
      'NOT_FOUND',
      `Provided external ID field does not exist or is not accessible: ${req.params[1]}`,
    );
  }
  const { allOrNone, records } = collectionBody(req);
  const items: Item[] = records.map((record) => {
    if (recordType(org, req, record) !== obj) {
      throw new SalesforceError(
        400,
        'INVALID_TYPE',
        `Record type does not match the sObject type of the request: ${obj.name}`,
      );
    }
    const values: WriteValues = recordValues(org, req, obj, record);
    const key = values.get(field);
    values.delete(field);
    const sqlKey = key === undefined || key === null || key === '' || typeof key === 'object' ? undefined : key;
    return {
      lockTarget: lockTarget(values, req.ctx.userId),
      wouldCreate: () => sqlKey === undefined || org.dml.findIds(obj, field, sqlKey).length === 0,
      run: () => {
        if (sqlKey === undefined) {
          throw recordError('MISSING_ARGUMENT', `${field.name} not specified`, [field.name]);
        }
        try {
          const result = org.dml.upsert(req.ctx, obj, field, sqlKey, values);
          return { id: result.id, success: true, errors: [], created: result.created };
        } catch (error) {
          // Several matches are a per-record error here, not the single-record 300.
          if (error instanceof MultipleMatchesError) throw recordError(error.errorCode, error.message, error.fields);
          throw error;
        }
      },
    };
  });
  return ok(runItems(org, req.ctx, items, allOrNone));
}

/** `DELETE composite/sobjects?ids=...&allOrNone=...`. */
export function collectionDelete(org: OrgRuntime, req: ApiRequest): Reply {
  const ids = (req.query.get('ids') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (ids.length === 0) throw new SalesforceError(400, 'MISSING_ARGUMENT', 'Required parameter ids is missing');
  if (ids.length > MAX_RECORDS) throw exceeded(MAX_RECORDS);
  const items: Item[] = ids.map((raw) => {
    const id = normalizeId(raw);
    return {
      knownId: id,
      run: () => {
        const obj = id ? org.schema.byKeyPrefix.get(id.slice(0, 3)) : undefined;
        if (!id || !obj) throw recordError('MALFORMED_ID', `malformed id ${raw}`);
        const row = liveForCollection(obj, org.dml.lookup(obj, id, req.ctx), raw);
        org.dml.remove(req.ctx, obj, row);
        return { id, success: true, errors: [] };
      },
    };
  });
  return ok(runItems(org, req.ctx, items, req.query.get('allOrNone') === 'true'));
}

/** `GET composite/sobjects/{Type}?ids=&fields=` and its POST form `{ ids, fields }`: records or null, in order. */
export function collectionRetrieve(org: OrgRuntime, req: ApiRequest): Reply {
  const access = accessOf(org, req);
  const obj = objectNamed(org, req.params[0], access);
  let ids: string[];
  let fieldList: string | undefined;
  if (req.method === 'POST') {
    const parsed = bodyObject(parseJsonBody(req.bodyText));
    ids = (bodyArray(parsed, 'ids') ?? []).map(String);
    fieldList = bodyArray(parsed, 'fields')?.map(String).join(',');
  } else {
    ids = (req.query.get('ids') ?? '').split(',').filter((s) => s.trim() !== '');
    fieldList = req.query.get('fields') ?? undefined;
  }
  if (ids.length === 0) throw new SalesforceError(400, 'MISSING_ARGUMENT', 'Required parameter ids is missing');
  if (ids.length > MAX_RETRIEVE_IDS) throw exceeded(MAX_RETRIEVE_IDS);
  const fields = selectFields(obj, fieldList, (field) => access.canReadField(field));
  if (!fields) throw new SalesforceError(400, 'MISSING_ARGUMENT', 'Required parameter fields is missing');
  const records = ids.map((raw) => {
    // Records the caller cannot see come back as null, like missing ones.
    const found = org.dml.lookup(obj, raw.trim(), req.ctx);
    if (found.kind !== 'live') return null;
    return renderRecord(obj, withFormulaValues(org.storage, obj, found.row, req.ctx), req.ctx.apiVersion, fields);
  });
  return ok(records);
}
