/**
 * sObject Tree (`POST /composite/tree/{Type}`): creates root records of one type with nested child
 * records (`"Contacts": { "records": [...] }`), up to 200 records and 5 levels, all or nothing. Children
 * get their parent's new Id in the relationship's field. Records are created level by level, and the
 * answer lists them in that order (`201 { hasErrors: false, results: [{ referenceId, id }] }`); on any
 * failure nothing is written and the answer lists the failing records (`400 { hasErrors: true, ... }`).
 */
import type { AnyJson, JsonArray } from '@salesforce/ts-types';
import { deserializeRecord, type WriteValues } from '../dml';
import { SalesforceError } from '../errors';
import type { ObjectSchema } from '../schema';
import { bodyArray, bodyObject, ok, parseJsonBody, type ApiRequest, type OrgRuntime, type Reply } from './context';
import { accessOf, objectNamed } from './sobjects';

export const MAX_TREE_RECORDS = 200;
export const MAX_TREE_DEPTH = 5;

interface TreeRecord {
  referenceId: string;
  obj: ObjectSchema;
  body: Record<string, unknown>;
  /** `attributes.type`, when it names another object than the resource or relationship does. */
  wrongType?: string;
  /** The parent record and the child's field that points at it. */
  parent?: { record: TreeRecord; field: string };
  depth: number;
  id?: string;
}

interface TreeError {
  referenceId: string;
  errors: { statusCode: string; message: string; fields: string[] }[];
}

const REFERENCE_ID = /^[A-Za-z0-9][A-Za-z0-9_]*$/;

const recordError = (referenceId: string, error: SalesforceError): TreeError => ({
  referenceId,
  errors: error.toBody().map((e) => ({ statusCode: e.errorCode, message: e.message, fields: e.fields ?? [] })),
});

const invalidInput = (message: string): SalesforceError => new SalesforceError(400, 'INVALID_INPUT', message);

const failed = (errors: TreeError[]): Reply => ok({ hasErrors: true, results: errors }, 400);

/** Reads the records of one level and, recursively, their children, breadth first. */
function collect(org: OrgRuntime, root: ObjectSchema, records: JsonArray): TreeRecord[] {
  const all: TreeRecord[] = [];
  let level: { obj: ObjectSchema; raw: AnyJson; parent?: TreeRecord['parent'] }[] = records.map((raw) => ({
    obj: root,
    raw,
  }));
  for (let depth = 1; level.length > 0; depth++) {
    if (depth > MAX_TREE_DEPTH) {
      throw invalidInput(`The request can’t contain records more than ${MAX_TREE_DEPTH} levels deep.`);
    }
    const next: typeof level = [];
    for (const { obj, raw, parent } of level) {
      const body = bodyObject(raw);
      if (!body) throw new SalesforceError(400, 'JSON_PARSER_ERROR', 'Each element of records must be an sObject');
      const attributes = bodyObject(body.attributes) ?? {};
      const record: TreeRecord = {
        referenceId: typeof attributes.referenceId === 'string' ? attributes.referenceId : '',
        obj,
        body: {},
        parent,
        depth,
      };
      for (const [key, value] of Object.entries(body)) {
        const rel = key === 'attributes' ? undefined : obj.children.get(key.toLowerCase());
        const children = bodyArray(bodyObject(value), 'records');
        if (rel && children) {
          const child = org.schema.objects.get(rel.childObject) as ObjectSchema;
          for (const c of children) next.push({ obj: child, raw: c, parent: { record, field: rel.field } });
        } else {
          record.body[key] = value;
        }
      }
      if (typeof attributes.type === 'string' && attributes.type.toLowerCase() !== obj.name.toLowerCase()) {
        record.wrongType = attributes.type;
      }
      all.push(record);
    }
    level = next;
  }
  return all;
}

/** Request-level problems of the records (reference ids, types), reported per record. */
function structuralErrors(records: TreeRecord[]): TreeError[] {
  const errors: TreeError[] = [];
  const seen = new Set<string>();
  for (const r of records) {
    const problem = (code: string, message: string) =>
      errors.push({ referenceId: r.referenceId, errors: [{ statusCode: code, message, fields: [] }] });
    if (r.referenceId === '') problem('INVALID_INPUT', 'Include a reference ID for each record in the request.');
    else if (!REFERENCE_ID.test(r.referenceId)) {
      problem(
        'INVALID_INPUT',
        `Provided referenceId ('${r.referenceId}') must start with a letter or a number, and it can contain only letters, numbers and underscores ('_').`,
      );
    } else if (seen.has(r.referenceId)) problem('INVALID_INPUT', 'Duplicate ReferenceId provided in the request.');
    else if (r.wrongType) problem('INVALID_TYPE', `Record type ${r.wrongType} does not match ${r.obj.name}.`);
    seen.add(r.referenceId);
  }
  return errors;
}

/** `POST composite/tree/{Type}`. */
export function tree(org: OrgRuntime, req: ApiRequest): Reply {
  const access = accessOf(org, req);
  const root = objectNamed(org, req.params[0], access);
  const list = bodyArray(bodyObject(parseJsonBody(req.bodyText)), 'records');
  if (!list) {
    throw new SalesforceError(400, 'JSON_PARSER_ERROR', 'The request body must be an object with a records array');
  }
  const records = collect(org, root, list);
  if (records.length > MAX_TREE_RECORDS) {
    throw new SalesforceError(
      400,
      'LIMIT_EXCEEDED',
      `The request can’t contain more than ${MAX_TREE_RECORDS} records.`,
    );
  }
  const structural = structuralErrors(records);
  if (structural.length > 0) return failed(structural);
  const values = new Map<TreeRecord, WriteValues>();
  const parseErrors: TreeError[] = [];
  for (const r of records) {
    try {
      values.set(
        r,
        deserializeRecord(org.schema, r.obj, r.body, req.bodyText, (f) => access.canReadField(f)),
      );
    } catch (error) {
      if (!(error instanceof SalesforceError)) throw error;
      parseErrors.push(recordError(r.referenceId, error));
    }
  }
  if (parseErrors.length > 0) return failed(parseErrors);

  const errors: TreeError[] = [];
  const rolledBack = new Error('rolled back');
  try {
    org.storage.db.transaction(() => {
      // Runs of records of one object at one depth are written as a batch: their parents are all written by then.
      for (let i = 0; i < records.length;) {
        let end = i + 1;
        while (end < records.length && records[end].obj === records[i].obj && records[end].depth === records[i].depth)
          end++;
        // A child of a failed record cannot be created; its parent's error is reported.
        const run = records.slice(i, end).filter((r) => !r.parent || r.parent.record.id !== undefined);
        const writes = run.map((r) => {
          const write = new Map(values.get(r));
          if (r.parent) write.set(r.obj.fields.get(r.parent.field)!, r.parent.record.id!);
          return write;
        });
        org.dml.createMany(req.ctx, records[i].obj, writes).forEach((outcome, k) => {
          if ('error' in outcome) errors.push(recordError(run[k].referenceId, outcome.error));
          else run[k].id = outcome.id;
        });
        i = end;
      }
      if (errors.length > 0) throw rolledBack;
    })();
  } catch (error) {
    if (error !== rolledBack) throw error;
    return failed(errors);
  }
  return ok({ hasErrors: false, results: records.map((r) => ({ referenceId: r.referenceId, id: r.id })) }, 201);
}
