/**
 * Writing an internal batch of a Bulk API 2.0 ingest job: CSV values converted to field values, then the
 * rows written through the same Dml calls the REST resources use, so every validation and error applies.
 * Inserts, updates and the upserts whose external id is unique go through Dml's batch writes (createMany,
 * updateMany), each row succeeding or failing on its own; a row that names the same record (or the same new
 * key) as one still pending first lets the pending ones be written, so each row sees the ones before it, as
 * when rows are written one by one. Deletes, and the other upserts, are written one row at a time.
 */
import type { RequestContext } from '../context';
import { MultipleMatchesError, recordError, type BatchOutcome, type ForeignKeyRef, type WriteValues } from '../dml';
import { SalesforceError } from '../errors';
import { lockTarget } from '../faults';
import { normalizeId } from '../ids';
import { liveForCollection } from '../rest/collections';
import type { OrgRuntime } from '../rest/context';
import { findFieldSchema, type FieldSchema, type ObjectSchema } from '../schema';
import { AUDIT_FIELDS } from '../security';
import { quoteIdent, type Row, type SqlValue } from '../sql';
import { parseDate, parseDateTime } from '../values';
import { CsvError } from './csv';
import type { BulkData, JobRecord, RowOutcome } from './data';

/** The value that sets a field to null; an empty value leaves the field as it is. */
const NULL_VALUE = '#N/A';
const NUMBER_TYPES = new Set(['Number', 'Currency', 'Percent', 'Summary']);
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const IN_CHUNK = 500;

/** A CSV column: a field, or a parent named by one of its unique fields (`Partner_Account__r.External_Key__c`). */
export type Column =
  | { kind: 'field'; field: FieldSchema }
  | { kind: 'reference'; field: FieldSchema; target: ObjectSchema; idField: FieldSchema };

/** What writing one batch of a job needs, resolved from the stored job once per batch. */
export interface Batch {
  job: JobRecord;
  object: ObjectSchema;
  externalIdField?: FieldSchema;
  columns: Column[];
  /** Index of the Id column, or -1. */
  idColumn: number;
  ctx: RequestContext;
}

/** A row waiting for a batch write: its index in the job, and the Id a failure is reported with. */
interface Pending {
  index: number;
  knownId: string;
}

const notOfRequiredType = (field: FieldSchema, text: string): SalesforceError =>
  recordError('INVALID_TYPE_ON_FIELD_IN_RECORD', `${field.model.label}: value not of required type: ${text}`, [
    field.name,
  ]);

/** A CSV value converted to the field's stored form; `#N/A` is null. */
function fieldValue(field: FieldSchema, text: string): SqlValue {
  const type = field.model.type;
  if (text === NULL_VALUE) return type === 'Checkbox' ? 0 : null;
  if (type === 'Checkbox') {
    const lower = text.toLowerCase();
    if (lower === 'true' || lower === '1') return 1;
    if (lower === 'false' || lower === '0') return 0;
    throw notOfRequiredType(field, text);
  }
  if (NUMBER_TYPES.has(type)) {
    if (!NUMBER.test(text)) throw notOfRequiredType(field, text);
    return Number(text);
  }
  if (type === 'Date') {
    const date = parseDate(text);
    if (date === undefined) throw notOfRequiredType(field, text);
    return date;
  }
  if (type === 'DateTime') {
    const dateTime = parseDateTime(text);
    if (dateTime === undefined) throw notOfRequiredType(field, text);
    return dateTime;
  }
  return text;
}

function columnValue(column: Column, text: string): SqlValue | ForeignKeyRef {
  if (column.kind === 'field') return fieldValue(column.field, text);
  if (text === NULL_VALUE) return null;
  return { target: column.target, idField: column.idField, value: fieldValue(column.idField, text) };
}

/** `CODE:message:fields --`, as failedResults reports an error. */
function errorText(error: SalesforceError): string {
  const fields = error.fields.length > 0 ? `${error.fields.join(',')} ` : '';
  return `${error.errorCode}:${error.message}:${fields}--`;
}

/** Several matches are a row error here, not the single-record 300. */
const rowError = (error: MultipleMatchesError): SalesforceError =>
  recordError(error.errorCode, error.message, error.fields);

export class IngestWriter {
  constructor(
    private readonly org: OrgRuntime,
    private readonly data: BulkData,
  ) {}

  /** A header column resolved against the object; an unknown one refuses the upload with the API's message. */
  resolveColumn(obj: ObjectSchema, name: string): Column {
    const dot = name.indexOf('.');
    if (dot < 0) {
      const field = findFieldSchema(obj, name);
      if (!field) throw new CsvError(`InvalidBatch : Field name not found : ${name}`);
      return { kind: 'field', field };
    }
    const relationship = name.slice(0, dot);
    const parent = obj.parents.get(relationship.toLowerCase());
    if (!parent) throw new CsvError(`InvalidBatch : Unable to find relationship: ${relationship}`);
    const target = this.org.schema.objects.get(parent.target) as ObjectSchema;
    const idField = findFieldSchema(target, name.slice(dot + 1));
    if (!idField) throw new CsvError(`InvalidBatch : Field name not found : ${name}`);
    if (!(idField.model.externalId || idField.model.unique || idField.name === 'Id')) {
      throw new CsvError(
        `InvalidBatch : Field name provided, ${idField.name} does not match an External ID, Salesforce Id, or indexed field for ${target.name}`,
      );
    }
    return { kind: 'reference', field: parent.field, target, idField };
  }

  /** Writes rows `start`… of the job, recording each row's outcome and counting failures on the job. */
  write(batch: Batch, start: number, rows: string[][]): void {
    const { operation } = batch.job;
    if (operation === 'insert') this.insertRows(batch, start, rows);
    else if (operation === 'update') this.updateRows(batch, start, rows);
    else if (operation === 'upsert') this.upsertRows(batch, start, rows);
    else rows.forEach((row, i) => this.deleteRow(batch, start + i, row));
  }

  private insertRows(batch: Batch, start: number, rows: string[][]): void {
    const pending: (Pending & { values: WriteValues })[] = [];
    rows.forEach((row, i) => {
      this.attempt(batch, start + i, '', () => {
        const values = this.rowValues(batch, row);
        this.checkLock(lockTarget(values, batch.ctx.userId));
        pending.push({ index: start + i, knownId: '', values });
      });
    });
    this.createPending(batch, pending);
  }

  private updateRows(batch: Batch, start: number, rows: string[][]): void {
    const { dml } = this.org;
    const { object: obj, ctx } = batch;
    let pending: (Pending & { current: Row; values: WriteValues })[] = [];
    const ids = new Set<string>();
    const flush = (): void => {
      this.updatePending(batch, pending);
      pending = [];
      ids.clear();
    };
    rows.forEach((row, i) => {
      const idText = batch.idColumn < 0 ? '' : row[batch.idColumn];
      const knownId = normalizeId(idText) ?? '';
      this.attempt(batch, start + i, knownId, () => {
        if (idText === '') throw recordError('MISSING_ARGUMENT', 'Id not specified in an update call');
        this.checkLock(knownId || idText);
        let current = liveForCollection(obj, dml.lookup(obj, idText, ctx), idText);
        if (ids.has(current.Id as string)) {
          flush();
          current = liveForCollection(obj, dml.lookup(obj, idText, ctx), idText);
        }
        const values = this.rowValues(batch, row);
        pending.push({ index: start + i, knownId, current, values });
        ids.add(current.Id as string);
      });
    });
    flush();
  }

  /**
   * Upserts by a unique external id (or any external id, for a user who sees all data) are sorted into
   * creates and updates and written in batches; by Id, or with audit fields (which Dml.upsert refuses), one
   * by one.
   */
  private upsertRows(batch: Batch, start: number, rows: string[][]): void {
    const { dml, storage } = this.org;
    const { object: obj, ctx } = batch;
    const field = batch.externalIdField as FieldSchema;
    const batched = field.name !== 'Id' && (field.model.unique || dml.security.forContext(ctx).allData);
    let creates: (Pending & { values: WriteValues })[] = [];
    let updates: (Pending & { current: Row; values: WriteValues })[] = [];
    const newKeys = new Set<string>();
    const updated = new Set<string>();
    const flush = (): void => {
      this.createPending(batch, creates);
      this.updatePending(batch, updates);
      creates = [];
      updates = [];
      newKeys.clear();
      updated.clear();
    };
    rows.forEach((row, i) => {
      const index = start + i;
      this.attempt(batch, index, '', () => {
        const values = this.rowValues(batch, row);
        const key = values.get(field);
        values.delete(field);
        if (typeof key === 'object' && key !== null) throw recordError('INVALID_FIELD', `${field.name} is not a value`);
        if ((key === undefined || key === null) && field.name !== 'Id') {
          throw recordError('MISSING_ARGUMENT', `${field.name} not specified`, [field.name]);
        }
        this.checkLock(lockTarget(values, ctx.userId));
        if (!batched || [...values.keys()].some((f) => AUDIT_FIELDS.has(f.name))) {
          flush();
          this.record(batch, index, { ok: true, ...this.upsertOne(batch, field, key ?? null, values) });
          return;
        }
        // Keys compare case-insensitively here, as most external ids do: a case-sensitive one only flushes early.
        const newKey = String(key).toLowerCase();
        if (newKeys.has(newKey)) flush();
        let ids = dml.findIds(obj, field, key as SqlValue);
        if (ids.length === 1 && updated.has(ids[0])) {
          flush();
          ids = dml.findIds(obj, field, key as SqlValue);
        }
        if (ids.length > 1) throw rowError(new MultipleMatchesError(field, ids));
        if (ids.length === 1) {
          updates.push({ index, knownId: '', current: storage.getRow(obj, ids[0]) as Row, values });
          updated.add(ids[0]);
        } else {
          values.set(field, key as SqlValue);
          creates.push({ index, knownId: '', values });
          newKeys.add(newKey);
        }
      });
    });
    flush();
  }

  private upsertOne(
    batch: Batch,
    field: FieldSchema,
    key: SqlValue,
    values: WriteValues,
  ): { id: string; created: boolean } {
    try {
      return this.org.dml.upsert(batch.ctx, batch.object, field, key, values);
    } catch (error) {
      if (error instanceof MultipleMatchesError) throw rowError(error);
      throw error;
    }
  }

  private deleteRow(batch: Batch, index: number, row: string[]): void {
    const { dml } = this.org;
    const { job, object: obj, ctx } = batch;
    const idText = batch.idColumn < 0 ? '' : row[batch.idColumn];
    const knownId = normalizeId(idText) ?? '';
    this.attempt(batch, index, knownId, () => {
      if (idText === '') throw recordError('MISSING_ARGUMENT', 'Id not specified in a delete call');
      this.checkLock(knownId || idText);
      const current = liveForCollection(obj, dml.lookup(obj, idText, ctx), idText);
      if (job.operation === 'hardDelete') {
        dml.atomic(() => {
          dml.remove(ctx, obj, current);
          this.purge(obj, current.Id as string);
        });
      } else {
        dml.remove(ctx, obj, current);
      }
      this.record(batch, index, { ok: true, id: current.Id as string, created: false });
    });
  }

  private createPending(batch: Batch, pending: (Pending & { values: WriteValues })[]): void {
    if (pending.length === 0) return;
    const outcomes = this.org.dml.createMany(
      batch.ctx,
      batch.object,
      pending.map((p) => p.values),
    );
    pending.forEach((p, k) => this.settle(batch, p, outcomes[k]));
  }

  private updatePending(batch: Batch, pending: (Pending & { current: Row; values: WriteValues })[]): void {
    if (pending.length === 0) return;
    const outcomes = this.org.dml.updateMany(
      batch.ctx,
      batch.object,
      pending.map(({ current, values }) => ({ current, values })),
    );
    pending.forEach((p, k) => this.settle(batch, p, outcomes[k]));
  }

  private settle(batch: Batch, pending: Pending, outcome: BatchOutcome): void {
    if ('error' in outcome) this.fail(batch, pending.index, pending.knownId, outcome.error);
    else this.record(batch, pending.index, { ok: true, id: outcome.id, created: outcome.created });
  }

  /** Runs a row's step; a record error fails the row with the Id it is reported with. */
  private attempt(batch: Batch, index: number, knownId: string, step: () => void): void {
    try {
      step();
    } catch (error) {
      if (!(error instanceof SalesforceError)) throw error;
      this.fail(batch, index, knownId, error);
    }
  }

  private fail(batch: Batch, index: number, knownId: string, error: SalesforceError): void {
    batch.job.numberRecordsFailed++;
    this.record(batch, index, { ok: false, id: knownId, error: errorText(error) });
  }

  private record(batch: Batch, index: number, outcome: RowOutcome): void {
    this.data.setOutcome(batch.job.id, index, outcome);
  }

  /** The values a row gives: empty values are left out, `#N/A` is null. */
  private rowValues(batch: Batch, row: string[]): WriteValues {
    const values: WriteValues = new Map();
    batch.columns.forEach((column, c) => {
      const text = row[c];
      if (text !== '') values.set(column.field, columnValue(column, text));
    });
    return values;
  }

  private checkLock(id: string): void {
    const locked = this.org.faults?.lock(id);
    if (locked) throw locked;
  }

  /** hardDelete: the deleted record and its cascade-deleted descendants skip the recycle bin. */
  private purge(obj: ObjectSchema, id: string): void {
    const { storage, schema } = this.org;
    let frontier: [ObjectSchema, string[]][] = [[obj, [id]]];
    while (frontier.length > 0) {
      const next: [ObjectSchema, string[]][] = [];
      for (const [parent, ids] of frontier) {
        for (let start = 0; start < ids.length; start += IN_CHUNK) {
          const chunk = ids.slice(start, start + IN_CHUNK);
          const placeholders = chunk.map(() => '?').join(', ');
          for (const rel of parent.children.values()) {
            if (!rel.cascadeDelete) continue;
            const child = schema.objects.get(rel.childObject) as ObjectSchema;
            const found = storage
              .statement(
                `SELECT "Id" FROM ${quoteIdent(child.table)} WHERE ${quoteIdent(rel.field)} IN (${placeholders}) AND "IsDeleted" = 1`,
              )
              .pluck(true)
              .all(...chunk) as string[];
            if (found.length > 0) next.push([child, found]);
          }
          storage
            .statement(`DELETE FROM ${quoteIdent(parent.table)} WHERE "Id" IN (${placeholders}) AND "IsDeleted" = 1`)
            .run(...chunk);
        }
      }
      frontier = next;
    }
  }
}
