/**
 * Bulk API 2.0 ingest jobs: insert, update, upsert, delete and hardDelete from one CSV upload. After
 * UploadComplete the upload is parsed, then the rows are written in internal batches of 10,000, one SQLite
 * transaction per batch holding the rows' writes, their outcomes and the job's counters (so a crash loses
 * a whole batch or nothing, and the counts stay exact), each row through the same Dml calls the REST
 * resources use (so every validation and error applies) in its own savepoint: a failing row is recorded
 * with its error and leaves nothing behind. Jobs, their upload, rows and outcomes are kept in the database
 * (bulk/data.ts), not in memory; a job runs as its creator, and hardDelete needs Bulk API Hard Delete.
 */
import type { RequestContext } from '../context';
import { MultipleMatchesError, recordError, type ForeignKeyRef, type WriteValues } from '../dml';
import { SalesforceError } from '../errors';
import { lockTarget } from '../faults';
import { normalizeId } from '../ids';
import { liveForCollection } from '../rest/collections';
import { bodyObject, parseJsonBody, type OrgRuntime } from '../rest/context';
import { findFieldSchema, findObjectSchema, type FieldSchema, type ObjectSchema } from '../schema';
import { quoteIdent, type SqlValue } from '../sql';
import { parseDate, parseDateTime } from '../values';
import { COLUMN_DELIMITERS, CsvError, csvLine, lineBreak, parseCsv } from './csv';
import type { BulkData, JobRecord, RowOutcome } from './data';
import {
  baseInfo,
  csvFormat,
  invalidJobState,
  invalidProperty,
  isFinished,
  isRunning,
  JobStore,
  type JobRunner,
  type JobState,
} from './jobs';

export const INGEST_OPERATIONS = ['insert', 'update', 'upsert', 'delete', 'hardDelete'] as const;
export type IngestOperation = (typeof INGEST_OPERATIONS)[number];

/** Rows per internal batch (and per SQLite transaction), as the platform splits ingest data. */
const BATCH_SIZE = 10_000;
/** The value that sets a field to null; an empty value leaves the field as it is. */
const NULL_VALUE = '#N/A';
const NUMBER_TYPES = new Set(['Number', 'Currency', 'Percent', 'Summary']);
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const IN_CHUNK = 500;

/** A CSV column: a field, or a parent named by one of its unique fields (`Partner_Account__r.External_Key__c`). */
type Column =
  | { kind: 'field'; field: FieldSchema }
  | { kind: 'reference'; field: FieldSchema; target: ObjectSchema; idField: FieldSchema };

export interface IngestJob extends JobRecord {
  jobType: 'V2Ingest';
  operation: IngestOperation;
}

/** What writing one batch of a job needs, resolved from the stored job once per batch. */
interface Batch {
  job: IngestJob;
  object: ObjectSchema;
  externalIdField?: FieldSchema;
  columns: Column[];
  /** Index of the Id column, or -1. */
  idColumn: number;
  ctx: RequestContext;
}

export type ResultKind = 'successfulResults' | 'failedResults' | 'unprocessedrecords';

/**
 * A hardDelete job by a user without "Bulk API Hard Delete": refused at creation with the API's error
 * (errorCode FeatureNotEnabled, as the sf CLI's `data delete bulk --hard-delete` expects it).
 */
const hardDeleteNotPermitted = (): SalesforceError =>
  new SalesforceError(
    400,
    'FEATURENOTENABLED',
    'hardDelete operation requires special user profile permission, please contact your system administrator',
  );
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

export class IngestJobs {
  readonly store: JobStore<IngestJob>;

  constructor(
    private readonly org: OrgRuntime,
    private readonly runner: JobRunner,
    private readonly data: BulkData,
  ) {
    this.store = new JobStore<IngestJob>(org, data, 'V2Ingest');
  }

  /** `POST jobs/ingest`. */
  create(ctx: RequestContext, bodyText: string): IngestJob {
    const props = bodyObject(parseJsonBody(bodyText));
    if (!props) throw invalidProperty('object', '');
    const obj = typeof props.object === 'string' ? findObjectSchema(this.org.schema, props.object) : undefined;
    if (!obj) throw new SalesforceError(400, 'INVALIDJOB', `Unable to find object: ${String(props.object ?? '')}`);
    if (obj.readOnly) {
      throw new SalesforceError(400, 'INVALIDENTITY', `Entity '${obj.name}' is not supported by the Bulk API.`);
    }
    const operation = props.operation;
    if (typeof operation !== 'string' || !(INGEST_OPERATIONS as readonly string[]).includes(operation)) {
      throw invalidProperty('operation', operation);
    }
    if (operation === 'hardDelete' && !this.org.dml.security.forContext(ctx).hasSystemPermission('BulkApiHardDelete')) {
      throw hardDeleteNotPermitted();
    }
    let externalIdField: FieldSchema | undefined;
    if (operation === 'upsert') {
      const name = props.externalIdFieldName;
      if (typeof name !== 'string' || name === '') {
        throw new SalesforceError(
          400,
          'INVALIDJOB',
          `External ID was blank for ${obj.name}. An External ID must be specified for upsert.`,
        );
      }
      externalIdField = findFieldSchema(obj, name);
      if (!externalIdField || !(externalIdField.model.externalId || externalIdField.name === 'Id')) {
        throw new SalesforceError(
          400,
          'INVALIDJOB',
          `Field name provided, ${name} does not match an External ID, Salesforce Id, or indexed field for ${obj.name}`,
        );
      }
    }
    const format = csvFormat(props);
    const now = this.org.now().toISOString();
    const job: IngestJob = {
      id: this.store.nextId(),
      jobType: 'V2Ingest',
      operation: operation as IngestOperation,
      object: obj.name,
      externalIdFieldName: externalIdField?.name ?? null,
      createdById: ctx.userId,
      createdDate: now,
      systemModstamp: now,
      state: 'Open',
      apiVersion: ctx.apiVersion,
      ...format,
      numberRecordsProcessed: 0,
      numberRecordsFailed: 0,
      totalProcessingTime: 0,
      errorMessage: null,
      query: null,
      header: [],
      rowCount: 0,
      position: 0,
      uploaded: false,
    };
    this.data.insertJob(job);
    return job;
  }

  /** `PUT jobs/ingest/{id}/batches`: the job's one CSV upload, kept in the database until it is parsed. */
  upload(job: IngestJob, text: string): void {
    if (job.state !== 'Open') {
      throw invalidJobState(`Job ${job.id} is in state ${job.state}: data can only be uploaded to an Open job`);
    }
    if (job.uploaded) {
      throw new SalesforceError(
        400,
        'BULK_API_ERROR',
        `Found multipe contents for job: <${job.id.slice(0, 15)}>, please 'Close' / 'Abort' / 'Delete' the current Job then create a new Job and make sure you only do 'PUT' once on a given Job.`,
      );
    }
    this.data.setUpload(job.id, text);
    job.uploaded = true;
  }

  /** `PATCH jobs/ingest/{id}` with `{ state }`: UploadComplete starts processing; Aborted stops it. */
  changeState(job: IngestJob, state: unknown): void {
    if (state === 'UploadComplete') {
      if (job.state !== 'Open') throw invalidJobState(`Job ${job.id} is in state ${job.state}, not Open`);
      this.setState(job, 'UploadComplete');
      const id = job.id;
      this.runner.run(
        () => this.step(id),
        (error) => this.crashed(id, error),
      );
      return;
    }
    if (state === 'Aborted') {
      if (isFinished(job.state)) throw invalidJobState(`Job ${job.id} is already in state ${job.state}`);
      this.setState(job, 'Aborted');
      return;
    }
    throw invalidProperty('state', state);
  }

  /** `DELETE jobs/ingest/{id}`: only once no more data can be uploaded; the job's rows go with it. */
  remove(job: IngestJob): void {
    if (job.state === 'Open') throw invalidJobState(`Job ${job.id} is Open: close or abort it before deleting it`);
    this.data.deleteJob(job.id);
  }

  info(job: IngestJob): Record<string, unknown> {
    return {
      ...this.shortInfo(job),
      jobType: 'V2Ingest',
      contentUrl: this.contentUrl(job),
      lineEnding: job.lineEnding,
      columnDelimiter: job.columnDelimiter,
      numberRecordsProcessed: job.numberRecordsProcessed,
      numberRecordsFailed: job.numberRecordsFailed,
      retries: 0,
      totalProcessingTime: job.totalProcessingTime,
      apiActiveProcessingTime: job.totalProcessingTime,
      apexProcessingTime: 0,
      ...(job.errorMessage ? { errorMessage: job.errorMessage } : {}),
    };
  }

  /** What create answers. */
  createdInfo(job: IngestJob): Record<string, unknown> {
    return {
      ...this.shortInfo(job),
      contentUrl: this.contentUrl(job),
      lineEnding: job.lineEnding,
      columnDelimiter: job.columnDelimiter,
    };
  }

  /** A job in the job list. */
  listInfo(job: IngestJob): Record<string, unknown> {
    return { ...this.createdInfo(job), jobType: 'V2Ingest' };
  }

  /** What a state change answers. */
  shortInfo(job: IngestJob): Record<string, unknown> {
    return {
      ...baseInfo(job),
      ...(job.externalIdFieldName ? { externalIdFieldName: job.externalIdFieldName } : {}),
      concurrencyMode: 'Parallel',
      contentType: 'CSV',
      apiVersion: Number(job.apiVersion),
    };
  }

  private contentUrl(job: IngestJob): string {
    return `services/data/v${job.apiVersion}/jobs/ingest/${job.id}/batches`;
  }

  /** successfulResults (sf__Id, sf__Created), failedResults (sf__Id, sf__Error) or unprocessedrecords, as CSV. */
  results(job: IngestJob, kind: ResultKind): string {
    if (!isFinished(job.state)) {
      throw invalidJobState(`Job ${job.id} is in state ${job.state}: results are available once it has finished`);
    }
    const delimiter = COLUMN_DELIMITERS[job.columnDelimiter];
    const lines: string[] = [];
    if (kind === 'successfulResults') {
      lines.push(csvLine(['sf__Id', 'sf__Created', ...job.header], delimiter));
      for (const s of this.data.processed(job.id, true))
        lines.push(csvLine([s.id, s.created ? 'true' : 'false', ...s.fields], delimiter));
    } else if (kind === 'failedResults') {
      lines.push(csvLine(['sf__Id', 'sf__Error', ...job.header], delimiter));
      for (const f of this.data.processed(job.id, false)) lines.push(csvLine([f.id, f.error, ...f.fields], delimiter));
    } else {
      // An upload never parsed (a job aborted, failed or stopped before processing) is returned as uploaded.
      const upload = this.data.upload(job.id);
      if (upload !== null) return upload;
      if (job.header.length > 0) lines.push(csvLine(job.header, delimiter));
      for (const row of this.data.unprocessed(job.id)) lines.push(csvLine(row, delimiter));
    }
    const end = lineBreak(job.lineEnding);
    return lines.length > 0 ? lines.join(end) + end : '';
  }

  /** Changes the job's state in memory and in the database. */
  private setState(job: IngestJob, state: JobState): void {
    job.state = state;
    job.systemModstamp = this.org.now().toISOString();
    this.data.saveJob(job);
  }

  private fail(job: IngestJob, message: string): void {
    job.errorMessage = message;
    this.setState(job, 'Failed');
  }

  private crashed(id: string, error: unknown): void {
    // A bug in the local org: the job fails with a message, and the developer gets the stack.
    console.error('localorg: bulk ingest job failed unexpectedly', error);
    const job = this.store.find(id);
    if (job && isRunning(job.state)) {
      this.fail(job, 'UNKNOWN_EXCEPTION : An unexpected error occurred in the local org.');
    }
  }

  /**
   * One turn of processing, on the job as stored now (it may have been aborted or deleted since the last
   * turn): parse and check the upload first, then one internal batch per turn; true while rows remain.
   */
  private step(id: string): boolean {
    const job = this.store.find(id);
    if (!job || !isRunning(job.state)) return false;
    const started = Date.now();
    if (job.state === 'UploadComplete') return this.prepare(job, started);
    const object = this.objectOf(job);
    const columns = job.header.map((name) => this.resolveColumn(object, name));
    const batch: Batch = {
      job,
      object,
      externalIdField: job.externalIdFieldName ? findFieldSchema(object, job.externalIdFieldName) : undefined,
      columns,
      idColumn: columns.findIndex((column) => column.kind === 'field' && column.field.name === 'Id'),
      ctx: { userId: job.createdById, apiVersion: job.apiVersion, now: this.org.now() },
    };
    const start = job.position;
    const end = Math.min(start + BATCH_SIZE, job.rowCount);
    const rows = this.data.ingestRows(job.id, start, end);
    // The batch's writes, their outcomes and the job's counters commit together.
    this.org.storage.db.transaction(() => {
      rows.forEach((row, i) => this.processRow(batch, start + i, row));
      job.position = end;
      job.numberRecordsProcessed = end;
      job.totalProcessingTime += Date.now() - started;
      if (end >= job.rowCount) {
        job.state = 'JobComplete';
        job.systemModstamp = this.org.now().toISOString();
      }
      this.data.saveJob(job);
    })();
    return end < job.rowCount;
  }

  /**
   * Parses the upload and resolves its header; a malformed CSV or an unknown column fails the job, and the
   * upload is then returned whole as unprocessed records. The parsed rows replace the upload in one
   * transaction with the job's move to InProgress.
   */
  private prepare(job: IngestJob, started: number): boolean {
    let header: string[];
    let rows: string[][];
    try {
      [header = [], ...rows] = parseCsv(
        this.data.upload(job.id) ?? '',
        COLUMN_DELIMITERS[job.columnDelimiter],
        job.lineEnding,
      );
      const object = this.objectOf(job);
      for (const name of header) this.resolveColumn(object, name);
      rows.forEach((row, i) => {
        if (row.length !== header.length) {
          throw new CsvError(
            `InvalidBatch : Failed to parse CSV. Row ${i + 1} has ${row.length} values but the header has ${header.length} columns`,
          );
        }
      });
    } catch (error) {
      if (!(error instanceof CsvError)) throw error;
      this.fail(job, error.message);
      return false;
    }
    this.org.storage.db.transaction(() => {
      this.data.addIngestRows(job.id, rows);
      this.data.clearUpload(job.id);
      job.header = header;
      job.rowCount = rows.length;
      job.totalProcessingTime += Date.now() - started;
      this.setState(job, 'InProgress');
    })();
    return true;
  }

  private objectOf(job: IngestJob): ObjectSchema {
    const object = findObjectSchema(this.org.schema, job.object);
    if (!object) throw new Error(`bulk job ${job.id}: the schema has no ${job.object} object`);
    return object;
  }

  private resolveColumn(obj: ObjectSchema, name: string): Column {
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

  /** Writes one row (each Dml call is its own savepoint), recording its success or its error. */
  private processRow(batch: Batch, index: number, row: string[]): void {
    const { job } = batch;
    const idText = batch.idColumn < 0 ? '' : row[batch.idColumn];
    // The Id a failed update or delete is reported with; inserts and upserts have none to report.
    const knownId = job.operation === 'insert' || job.operation === 'upsert' ? '' : (normalizeId(idText) ?? '');
    let outcome: RowOutcome;
    try {
      const result = this.writeRow(batch, row, idText, knownId);
      outcome = { ok: true, id: result.id, created: result.created };
    } catch (error) {
      if (!(error instanceof SalesforceError)) throw error;
      outcome = { ok: false, id: knownId, error: errorText(error) };
      job.numberRecordsFailed++;
    }
    this.data.setOutcome(job.id, index, outcome);
  }

  private writeRow(batch: Batch, row: string[], idText: string, knownId: string): { id: string; created: boolean } {
    const { dml } = this.org;
    const { job, object: obj, ctx } = batch;
    if (job.operation === 'upsert') return this.upsertRow(batch, this.rowValues(batch, row));
    if (job.operation === 'insert') {
      const values = this.rowValues(batch, row);
      this.checkLock(lockTarget(values, ctx.userId));
      return { id: dml.create(ctx, obj, values), created: true };
    }
    const update = job.operation === 'update';
    if (idText === '')
      throw recordError('MISSING_ARGUMENT', `Id not specified in ${update ? 'an update' : 'a delete'} call`);
    this.checkLock(knownId || idText);
    const current = liveForCollection(obj, dml.lookup(obj, idText, ctx), idText);
    if (update) {
      dml.update(ctx, obj, current, this.rowValues(batch, row));
    } else if (job.operation === 'hardDelete') {
      dml.atomic(() => {
        dml.remove(ctx, obj, current);
        this.purge(obj, current.Id as string);
      });
    } else {
      dml.remove(ctx, obj, current);
    }
    return { id: current.Id as string, created: false };
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

  private upsertRow(batch: Batch, values: WriteValues): { id: string; created: boolean } {
    const field = batch.externalIdField as FieldSchema;
    const key = values.get(field);
    values.delete(field);
    if (typeof key === 'object' && key !== null) throw recordError('INVALID_FIELD', `${field.name} is not a value`);
    if ((key === undefined || key === null) && field.name !== 'Id') {
      throw recordError('MISSING_ARGUMENT', `${field.name} not specified`, [field.name]);
    }
    this.checkLock(lockTarget(values, batch.ctx.userId));
    try {
      return this.org.dml.upsert(batch.ctx, batch.object, field, key ?? null, values);
    } catch (error) {
      // Several matches are a row error here, not the single-record 300.
      if (error instanceof MultipleMatchesError) throw recordError(error.errorCode, error.message, error.fields);
      throw error;
    }
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
