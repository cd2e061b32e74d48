/**
 * Bulk API 2.0 ingest jobs: insert, update, upsert, delete and hardDelete from one CSV upload. The upload is
 * parsed as it arrives into the job's rows in the database (bulk/upload.ts), so a job's size does not grow
 * the server. After UploadComplete the rows are written in internal batches of 10,000, one per turn of the
 * event loop, one SQLite transaction per batch holding the rows' writes, their outcomes and the job's counters
 * (so a crash loses a whole batch or nothing, and the counts stay exact), through Dml's batch writes
 * (bulk/ingest-write.ts): a failing row is recorded with its error and leaves nothing behind. Jobs, their rows
 * and outcomes are kept in the database (bulk/data.ts), and results are read back a page at a time; a job
 * runs as its creator, and hardDelete needs Bulk API Hard Delete.
 */
import type { IncomingMessage } from 'node:http';
import type { RequestContext } from '../context';
import { SalesforceError } from '../errors';
import { bodyObject, parseJsonBody, type OrgRuntime } from '../rest/context';
import { findFieldSchema, findObjectSchema, type FieldSchema, type ObjectSchema } from '../schema';
import { COLUMN_DELIMITERS, CsvError, csvLine, lineBreak } from './csv';
import type { BulkData, JobRecord } from './data';
import { IngestWriter, type Batch } from './ingest-write';
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
import { receiveUpload, UploadReceiver } from './upload';

export const INGEST_OPERATIONS = ['insert', 'update', 'upsert', 'delete', 'hardDelete'] as const;
export type IngestOperation = (typeof INGEST_OPERATIONS)[number];

/**
 * Rows per internal batch, one turn of processing and one SQLite transaction, as the platform splits ingest data
 * (so a crash loses a whole batch or nothing).
 */
const BATCH_SIZE = 10_000;
/**
 * Rows read and written at a time within a batch: 200, as the platform runs a batch's records in chunks of 200.
 * A chunk's values then die young instead of outliving a few scavenges, which had the bulk seed's org holding
 * twice the old-generation garbage of the collections seed (whose requests carry 200 records).
 */
const CHUNK_SIZE = 200;

export interface IngestJob extends JobRecord {
  jobType: 'V2Ingest';
  operation: IngestOperation;
}

/**
 * Result lines per piece of a results response: a piece stays a small string (a 1,000-line piece passed V8's
 * large-object size and lived in the old generation until a full collection).
 */
const RESULT_LINES = 250;

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

export class IngestJobs {
  readonly store: JobStore<IngestJob>;
  private readonly writer: IngestWriter;
  /** Jobs whose upload is arriving now. */
  private readonly receiving = new Set<string>();

  constructor(
    private readonly org: OrgRuntime,
    private readonly runner: JobRunner,
    private readonly data: BulkData,
  ) {
    this.store = new JobStore<IngestJob>(org, data, 'V2Ingest');
    this.writer = new IngestWriter(org, data);
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

  /** `PUT jobs/ingest/{id}/batches` with the upload in hand (Bulk API 1.0's batches): parsed into the job's rows. */
  upload(job: IngestJob, text: string): void {
    const receiver = this.startUpload(job);
    try {
      receiver.write(text);
      Object.assign(job, receiver.finish());
    } catch (error) {
      receiver.abandon();
      throw error;
    } finally {
      this.receiving.delete(job.id);
    }
    job.uploaded = true;
  }

  /** `PUT jobs/ingest/{id}/batches`: the job's one CSV upload, parsed into the job's rows as it arrives. */
  async receive(job: IngestJob, req: IncomingMessage): Promise<void> {
    const receiver = this.startUpload(job);
    try {
      await receiveUpload(req, receiver);
    } finally {
      this.receiving.delete(job.id);
    }
  }

  private startUpload(job: IngestJob): UploadReceiver {
    if (job.state !== 'Open') {
      throw invalidJobState(`Job ${job.id} is in state ${job.state}: data can only be uploaded to an Open job`);
    }
    if (job.uploaded || this.receiving.has(job.id)) {
      throw new SalesforceError(
        400,
        'BULK_API_ERROR',
        `Found multipe contents for job: <${job.id.slice(0, 15)}>, please 'Close' / 'Abort' / 'Delete' the current Job then create a new Job and make sure you only do 'PUT' once on a given Job.`,
      );
    }
    this.receiving.add(job.id);
    return new UploadReceiver(this.data, job);
  }

  /** `PATCH jobs/ingest/{id}` with `{ state }`: UploadComplete starts processing; Aborted stops it. */
  changeState(job: IngestJob, state: unknown): void {
    if (state === 'UploadComplete') {
      if (job.state !== 'Open') throw invalidJobState(`Job ${job.id} is in state ${job.state}, not Open`);
      // Processing needs every row: the upload still arriving must end first.
      if (this.receiving.has(job.id)) throw invalidJobState(`Job ${job.id} is still receiving its data`);
      this.setState(job, 'UploadComplete');
      const id = job.id;
      this.runner.run(
        () => this.step(id),
        (error) => this.crashed(id, error),
        () => this.rowsLeft(id),
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

  /**
   * successfulResults (sf__Id, sf__Created), failedResults (sf__Id, sf__Error) or unprocessedrecords, as CSV
   * read from the database in pieces as the response is sent.
   */
  results(job: IngestJob, kind: ResultKind): Iterable<string> {
    if (!isFinished(job.state)) {
      throw invalidJobState(`Job ${job.id} is in state ${job.state}: results are available once it has finished`);
    }
    // An upload never processed (it did not parse, or the job stopped before it began) is returned as uploaded.
    if (kind === 'unprocessedrecords' && !job.started) return this.data.uploadParts(job.id);
    return this.resultLines(job, kind);
  }

  private *resultLines(job: IngestJob, kind: ResultKind): Generator<string> {
    const delimiter = COLUMN_DELIMITERS[job.columnDelimiter];
    const end = lineBreak(job.lineEnding);
    let lines: string[] = [];
    const line = (values: string[]): string | undefined => {
      lines.push(csvLine(values, delimiter));
      if (lines.length < RESULT_LINES) return undefined;
      const piece = lines.join(end) + end;
      lines = [];
      return piece;
    };
    const pieces: Iterable<string | undefined> =
      kind === 'successfulResults'
        ? this.successLines(job, line)
        : kind === 'failedResults'
          ? this.failureLines(job, line)
          : this.unprocessedLines(job, line);
    for (const piece of pieces) if (piece !== undefined) yield piece;
    if (lines.length > 0) yield lines.join(end) + end;
  }

  private *successLines(job: IngestJob, line: (values: string[]) => string | undefined): Generator<string | undefined> {
    yield line(['sf__Id', 'sf__Created', ...job.header]);
    for (const s of this.data.processed(job, true)) yield line([s.id, s.created ? 'true' : 'false', ...s.fields]);
  }

  private *failureLines(job: IngestJob, line: (values: string[]) => string | undefined): Generator<string | undefined> {
    yield line(['sf__Id', 'sf__Error', ...job.header]);
    for (const f of this.data.processed(job, false)) yield line([f.id, f.error, ...f.fields]);
  }

  private *unprocessedLines(
    job: IngestJob,
    line: (values: string[]) => string | undefined,
  ): Generator<string | undefined> {
    if (job.header.length > 0) yield line(job.header);
    for (const row of this.data.unprocessed(job)) yield line(row);
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
   * turn): check the upload first, then one internal batch per turn; true while rows remain.
   */
  private step(id: string): boolean {
    const job = this.store.find(id);
    if (!job || !isRunning(job.state)) return false;
    const started = Date.now();
    if (job.state === 'UploadComplete') return this.prepare(job, started);
    // The batch's transaction stands for its writes' savepoints (SQLite copies each page a savepoint changes);
    // when a row fails after writing, it is all rolled back and written again with a savepoint per chunk.
    const written = this.org.dml.withBatchTransaction(() => this.writeBatch(job, started));
    if (written !== undefined) return written;
    const again = this.store.find(id) as IngestJob;
    return this.org.storage.db.transaction(() => this.writeBatch(again, started))();
  }

  /** The rows a job has still to write (none once it is gone or has stopped). */
  private rowsLeft(id: string): number {
    const job = this.store.find(id);
    return job && isRunning(job.state) ? job.rowCount - job.position : 0;
  }

  /** Writes the job's next internal batch, its outcomes and the job's counters; true while rows remain. */
  private writeBatch(job: IngestJob, started: number): boolean {
    const object = this.objectOf(job);
    const columns = job.header.map((name) => this.writer.resolveColumn(object, name));
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
    const row = this.data.rowReader(job);
    for (let from = start; from < end; from += CHUNK_SIZE) {
      const to = Math.min(from + CHUNK_SIZE, end);
      const rows: string[][] = [];
      for (let index = from; index < to; index++) rows.push(row(index));
      this.writer.write(batch, from, rows);
    }
    job.position = end;
    job.numberRecordsProcessed = end;
    job.totalProcessingTime += Date.now() - started;
    if (end >= job.rowCount) {
      job.state = 'JobComplete';
      job.systemModstamp = this.org.now().toISOString();
    }
    this.data.saveJob(job);
    return end < job.rowCount;
  }

  /**
   * Checks the upload parsed when it arrived and resolves its header; a malformed CSV or an unknown column
   * fails the job (the upload is then returned as unprocessed records). Moves the job to InProgress.
   */
  private prepare(job: IngestJob, started: number): boolean {
    try {
      if (job.uploadError) throw new CsvError(job.uploadError);
      if (this.data.hasUnparsedParts(job.id)) this.parseKeptUpload(job);
      const object = this.objectOf(job);
      for (const name of job.header) this.writer.resolveColumn(object, name);
    } catch (error) {
      if (!(error instanceof CsvError)) throw error;
      this.fail(job, error.message);
      return false;
    }
    job.totalProcessingTime += Date.now() - started;
    job.started = true;
    this.setState(job, 'InProgress');
    return true;
  }

  /** An upload's text kept by an earlier version of the org, which stored its rows elsewhere or not at all. */
  private parseKeptUpload(job: IngestJob): void {
    const parts = [...this.data.uploadParts(job.id)];
    const receiver = new UploadReceiver(this.data, job);
    for (const part of parts) receiver.write(part);
    Object.assign(job, receiver.finish());
    if (job.uploadError) throw new CsvError(job.uploadError);
  }

  private objectOf(job: IngestJob): ObjectSchema {
    const object = findObjectSchema(this.org.schema, job.object);
    if (!object) throw new Error(`bulk job ${job.id}: the schema has no ${job.object} object`);
    return object;
  }
}
