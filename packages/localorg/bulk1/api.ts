/**
 * Bulk API 1.0 (`/services/async/XX.X/job...`), as jsforce's `conn.bulk` (and with it `find().update()` and
 * `destroy()` over 200 records) uses it: jobs created from XML or JSON, CSV or JSON batches, job and batch
 * info, batch lists, results, closing and aborting. Requests authenticate with the `X-SFDC-Session` header
 * (or a Bearer token) and count against the daily API allowance.
 *
 * Each batch runs as an internal Bulk API 2.0 job of the same user (bulk/ingest.ts for insert, update,
 * upsert, delete and hardDelete; bulk/query.ts for query and queryAll): the same row processing, validation,
 * permissions, sharing and background runner, and the same persistence. A Bulk API 1.0 job is visible only
 * to its creator and to users with Modify All Data or Manage Data Integrations (anyone else gets the answer
 * of a job that does not exist); hardDelete needs Bulk API Hard Delete.
 */
import { API_VERSION_MAJOR } from '@partner-planning/model';
import type { RequestContext } from '../context';
import { SalesforceError } from '../errors';
import { mediaType } from '../http';
import { normalizeId } from '../ids';
import { BulkData } from '../bulk/data';
import { CsvError, parseCsv } from '../bulk/csv';
import type { IngestJob, IngestJobs } from '../bulk/ingest';
import { INTERRUPTED_MESSAGES, type JobRecord } from '../bulk/jobs';
import type { QueryJob, QueryJobs } from '../bulk/query';
import type { OrgRuntime, Reply } from '../rest/context';
import { findObjectSchema } from '../schema';
import {
  batchInfoReply,
  batchListReply,
  Bulk1Error,
  errorReply,
  ingestResultsReply,
  jobInfoReply,
  resultListReply,
  type BatchStatus,
  type JobTotals,
  type RecordResult,
  type WireFormat,
} from './format';
import { checkJobRequest, jobRequest, jsonBatchToCsv, requestedState } from './requests';
import { Bulk1Store, type Batch1, type Job1 } from './store';

/** Bulk API 1.0's limit on one batch. */
const MAX_BATCH_RECORDS = 10_000;
const MAX_BATCH_BYTES = 10_000_000;
/** Versions 21.0–30.0 were retired in Summer '25: the first version served is 31.0. */
const FIRST_VERSION = 31;

export interface Bulk1Request {
  method: string;
  /** The path after `/services/async/`: the version, then `job/...`. */
  segments: string[];
  headers: Record<string, string | string[] | undefined>;
  bodyText: string;
}

const header = (req: Bulk1Request, name: string): string => {
  const value = req.headers[name];
  return typeof value === 'string' ? value : '';
};

/** The Bulk API 1.0 exception code for an error the org's shared code raised. */
function fromSalesforceError(error: SalesforceError): Bulk1Error {
  const codes: Record<string, string> = {
    REQUEST_LIMIT_EXCEEDED: 'ExceededQuota',
    FEATURENOTENABLED: 'FeatureNotEnabled',
    INVALIDJOB: 'InvalidJob',
    INVALIDENTITY: 'InvalidJob',
    INVALIDJOBSTATE: 'InvalidJobState',
    JSON_PARSER_ERROR: 'ClientInputError',
  };
  return new Bulk1Error(codes[error.errorCode] ?? 'InvalidBatch', error.message, error.status === 403 ? 403 : 400);
}

export class Bulk1Api {
  private readonly store: Bulk1Store;
  private readonly data: BulkData;

  constructor(
    private readonly org: OrgRuntime,
    private readonly ingest: IngestJobs,
    private readonly query: QueryJobs,
    /** Counts the request against the daily allowance; throws REQUEST_LIMIT_EXCEEDED past it. */
    private readonly countRequest: () => void,
  ) {
    this.data = new BulkData(org.storage);
    this.store = new Bulk1Store(org.storage, org.now());
  }

  /** Whether a Bulk API 2.0 ingest or query job runs one of this API's batches. */
  runsBatch(jobId: string): boolean {
    return this.store.runsBatch(jobId);
  }

  /** Answers one request; every refusal is Bulk API 1.0's error, in XML or JSON as the request speaks. */
  handle(req: Bulk1Request): Reply {
    let format: WireFormat = mediaType(header(req, 'content-type')).type === 'application/json' ? 'json' : 'xml';
    try {
      const ctx = this.authenticate(req);
      this.countRequest();
      const [, resource, jobId, sub, batchId, leaf, resultId, ...rest] = req.segments;
      if (resource !== 'job' || rest.length > 0)
        throw new Bulk1Error('InvalidUrl', 'The requested URL is not valid', 404);
      if (jobId === undefined) {
        if (req.method !== 'POST') throw methodNotAllowed(req.method, 'POST');
        return this.createJob(ctx, req, format);
      }
      const job = this.visibleJob(ctx, jobId);
      if (!req.bodyText) format = job.contentType === 'JSON' ? 'json' : 'xml';
      return this.org.storage.db.transaction(() =>
        this.route(ctx, req, job, format, { sub, batchId, leaf, resultId }),
      )();
    } catch (error) {
      if (error instanceof Bulk1Error) return errorReply(error, format);
      if (error instanceof SalesforceError) return errorReply(fromSalesforceError(error), format);
      throw error;
    }
  }

  private route(
    ctx: RequestContext,
    req: Bulk1Request,
    job: Job1,
    format: WireFormat,
    path: { sub?: string; batchId?: string; leaf?: string; resultId?: string },
  ): Reply {
    const { sub, batchId, leaf, resultId } = path;
    if (sub === undefined) {
      if (req.method === 'GET') return jobInfoReply(job, this.totals(job), format);
      if (req.method !== 'POST') throw methodNotAllowed(req.method, 'GET, POST');
      this.changeState(job, requestedState(req.bodyText, format));
      return jobInfoReply(job, this.totals(job), format);
    }
    if (sub !== 'batch') throw new Bulk1Error('InvalidUrl', 'The requested URL is not valid', 404);
    if (batchId === undefined) {
      if (req.method === 'GET')
        return batchListReply(
          this.store.batches(job.id).map((b) => [b, this.status(b)]),
          format,
        );
      if (req.method !== 'POST') throw methodNotAllowed(req.method, 'GET, POST');
      const batch = this.addBatch(ctx, job, req);
      return batchInfoReply(batch, this.status(batch), format, 201);
    }
    if (req.method !== 'GET') throw methodNotAllowed(req.method, 'GET');
    const batch = this.store.batch(job.id, normalizeId(batchId) ?? '');
    if (!batch) throw new Bulk1Error('InvalidBatch', `Invalid batch id: ${batchId}`);
    if (leaf === undefined) return batchInfoReply(batch, this.status(batch), format);
    if (leaf === 'request') {
      throw new Bulk1Error(
        'InvalidBatch',
        'Retrieving a batch request is not supported by the local org: the batch results list every record in the order it was sent.',
      );
    }
    if (leaf !== 'result') throw new Bulk1Error('InvalidUrl', 'The requested URL is not valid', 404);
    return this.results(batch, format, resultId);
  }

  private authenticate(req: Bulk1Request): RequestContext {
    const version = /^(\d+)\.0$/.exec(req.segments[0] ?? '');
    const major = version ? Number(version[1]) : 0;
    const newest = API_VERSION_MAJOR;
    if (major < FIRST_VERSION || major > newest) {
      throw new Bulk1Error(
        'InvalidVersion',
        `The local org serves Bulk API versions ${FIRST_VERSION}.0 to ${newest}.0`,
      );
    }
    const bearer = /^(?:Bearer|OAuth)\s+(\S+)$/i.exec(header(req, 'authorization'))?.[1];
    const token = header(req, 'x-sfdc-session') || bearer || '';
    const userId = token ? this.org.auth.userForToken(token) : undefined;
    if (!userId) throw new Bulk1Error('InvalidSessionId', 'Invalid session id');
    return { userId, apiVersion: `${major}.0`, now: this.org.now() };
  }

  /** The job when the caller may see it; otherwise the answer of a job that does not exist. */
  private visibleJob(ctx: RequestContext, rawId: string): Job1 {
    const job = this.store.job(normalizeId(rawId) ?? '');
    const access = this.org.dml.security.forContext(ctx);
    const seesAll = access.hasSystemPermission('ModifyAllData') || access.hasSystemPermission('ManageDataIntegrations');
    if (!job || (job.createdById !== ctx.userId && !seesAll)) {
      throw new Bulk1Error('InvalidJob', `Invalid job id: ${rawId}`);
    }
    return job;
  }

  private createJob(ctx: RequestContext, req: Bulk1Request, format: WireFormat): Reply {
    const type = mediaType(header(req, 'content-type')).type;
    if (type !== 'application/xml' && type !== 'text/xml' && type !== 'application/json') {
      throw new Bulk1Error('ClientInputError', `Content-Type '${type}' is not supported: send XML or JSON`, 415);
    }
    if (header(req, 'sforce-enable-pkchunking')) {
      throw new Bulk1Error(
        'InvalidJob',
        'PK chunking is not supported by the local org: send the query without Sforce-Enable-PKChunking.',
      );
    }
    const props = jobRequest(req.bodyText, format);
    const access = this.org.dml.security.forContext(ctx);
    checkJobRequest(props, this.org.schema, access);
    const now = this.org.now().toISOString();
    const job = this.store.insertJob({
      object: findObjectSchema(this.org.schema, props.object)?.name ?? props.object,
      operation: props.operation,
      externalIdFieldName: props.externalIdFieldName,
      contentType: props.contentType,
      concurrencyMode: props.concurrencyMode,
      createdById: ctx.userId,
      createdDate: now,
      systemModstamp: now,
      state: 'Open',
      apiVersion: ctx.apiVersion,
    });
    return { ...jobInfoReply(job, this.totals(job), format), status: 201 };
  }

  private changeState(job: Job1, state: string): void {
    const now = this.org.now();
    if (state === 'Closed') {
      // Closing twice is harmless: clients close in their cleanup, whatever happened before.
      if (job.state === 'Open') this.store.setJobState(job, 'Closed', now);
      else if (job.state !== 'Closed') throw invalidJobState(job, 'closed');
      return;
    }
    if (state === 'Aborted') {
      if (job.state !== 'Open' && job.state !== 'Closed') throw invalidJobState(job, 'aborted');
      // Batches not processed yet stay so ("Not Processed"); records already written stay written.
      for (const batch of this.store.batches(job.id)) {
        const inner = batch.innerJobId ? this.innerJob(batch.innerJobId) : undefined;
        if (!inner || (inner.state !== 'UploadComplete' && inner.state !== 'InProgress')) continue;
        if (inner.jobType === 'V2Ingest') this.ingest.changeState(inner, 'Aborted');
        else this.query.changeState(inner, 'Aborted');
      }
      this.store.setJobState(job, 'Aborted', now);
      return;
    }
    throw new Bulk1Error('InvalidJobState', `Invalid job state: '${state}'. A job can be Closed or Aborted.`);
  }

  /** Adds a batch; a body that cannot run makes a Failed batch, as the platform reports it. */
  private addBatch(ctx: RequestContext, job: Job1, req: Bulk1Request): Batch1 {
    if (job.state !== 'Open') {
      throw new Bulk1Error(
        'InvalidJobState',
        `Job ${job.id} is ${job.state}: batches can only be added to an Open job`,
      );
    }
    const type = mediaType(header(req, 'content-type')).type;
    const expected = job.contentType === 'JSON' ? 'application/json' : 'text/csv';
    if (type !== expected) {
      throw new Bulk1Error(
        'InvalidBatch',
        `Content-Type '${type}' does not match the job's contentType ${job.contentType}: send ${expected}`,
      );
    }
    // An empty upload is refused when the batch is created, not reported as a Failed batch.
    if (req.bodyText.trim() === '') throw new Bulk1Error('ClientInputError', 'Unable to find any data to create batch');
    const now = this.org.now();
    let inner: JobRecord;
    try {
      inner =
        job.operation === 'query' || job.operation === 'queryAll'
          ? this.queryBatch(ctx, job, req.bodyText)
          : this.ingestBatch(ctx, job, req.bodyText);
    } catch (error) {
      if (error instanceof CsvError) return this.store.insertBatch(job.id, null, error.message, now);
      if (error instanceof Bulk1Error)
        return this.store.insertBatch(job.id, null, `${error.exceptionCode} : ${error.message}`, now);
      if (error instanceof SalesforceError) {
        // A query the SOQL engine refuses fails its batch, as the platform reports it.
        const what = job.operation.startsWith('query') ? 'Failed to process query: ' : '';
        return this.store.insertBatch(job.id, null, `InvalidBatch : ${what}${error.errorCode}: ${error.message}`, now);
      }
      throw error;
    }
    return this.store.insertBatch(job.id, inner.id, null, now);
  }

  private ingestBatch(ctx: RequestContext, job: Job1, bodyText: string): JobRecord {
    if (Buffer.byteLength(bodyText) > MAX_BATCH_BYTES) {
      throw new Bulk1Error('InvalidBatch', `The batch is larger than ${MAX_BATCH_BYTES} bytes`);
    }
    const csv = job.contentType === 'JSON' ? jsonBatchToCsv(bodyText) : bodyText;
    const lineEnding = /\r\n/.test(csv) ? 'CRLF' : 'LF';
    const records = Math.max(0, parseCsv(csv, ',', lineEnding).length - 1);
    if (records > MAX_BATCH_RECORDS) {
      throw new Bulk1Error(
        'InvalidBatch',
        `Exceeded number of records: ${records}. Number of records should be less than or equal to ${MAX_BATCH_RECORDS}`,
      );
    }
    const inner = this.ingest.create(
      ctx,
      JSON.stringify({
        object: job.object,
        operation: job.operation,
        externalIdFieldName: job.externalIdFieldName ?? undefined,
        lineEnding,
      }),
    );
    this.ingest.upload(inner, csv);
    this.ingest.changeState(inner, 'UploadComplete');
    return inner;
  }

  private queryBatch(ctx: RequestContext, job: Job1, soql: string): JobRecord {
    return this.query.create(ctx, JSON.stringify({ operation: job.operation, query: soql }));
  }

  private innerJob(id: string): IngestJob | QueryJob | undefined {
    return this.ingest.store.find(id) ?? this.query.store.find(id);
  }

  /** A batch's state, read from its internal job. */
  private status(batch: Batch1): BatchStatus {
    const failed = (message: string): BatchStatus => ({
      state: 'Failed',
      stateMessage: message,
      processed: 0,
      failed: 0,
      time: 0,
      systemModstamp: batch.createdDate,
    });
    if (!batch.innerJobId) return failed(batch.failure ?? 'InvalidBatch : The batch could not be processed');
    const inner = this.innerJob(batch.innerJobId);
    if (!inner) return failed('InvalidBatch : The batch data is no longer available');
    const counts = {
      processed: inner.numberRecordsProcessed,
      failed: inner.numberRecordsFailed,
      time: inner.totalProcessingTime,
      systemModstamp: inner.systemModstamp,
    };
    switch (inner.state) {
      case 'InProgress':
        return { state: 'InProgress', stateMessage: null, ...counts };
      case 'JobComplete':
        return { state: 'Completed', stateMessage: null, ...counts };
      case 'Failed':
        return { state: 'Failed', stateMessage: batchMessage(inner), ...counts };
      case 'Aborted':
        return { state: 'Not Processed', stateMessage: null, ...counts };
      default:
        return { state: 'Queued', stateMessage: null, ...counts };
    }
  }

  private totals(job: Job1): JobTotals {
    const totals: JobTotals = {
      queued: 0,
      inProgress: 0,
      completed: 0,
      failed: 0,
      total: 0,
      processed: 0,
      recordsFailed: 0,
      time: 0,
    };
    for (const batch of this.store.batches(job.id)) {
      const status = this.status(batch);
      totals.total++;
      if (status.state === 'Queued') totals.queued++;
      else if (status.state === 'InProgress') totals.inProgress++;
      else if (status.state === 'Completed') totals.completed++;
      else if (status.state === 'Failed') totals.failed++;
      totals.processed += status.processed;
      totals.recordsFailed += status.failed;
      totals.time += status.time;
    }
    return totals;
  }

  private results(batch: Batch1, format: WireFormat, resultId: string | undefined): Reply {
    const status = this.status(batch);
    if (status.state === 'Queued' || status.state === 'InProgress') {
      throw new Bulk1Error('InvalidBatch', 'Batch not completed');
    }
    const inner = batch.innerJobId ? this.innerJob(batch.innerJobId) : undefined;
    if (!inner) throw new Bulk1Error('InvalidBatch', status.stateMessage ?? 'Batch failed');
    if (inner.jobType === 'V2Query') {
      if (status.state !== 'Completed') throw new Bulk1Error('InvalidBatch', status.stateMessage ?? 'Batch failed');
      if (resultId === undefined) return resultListReply([inner.id], format);
      if (normalizeId(resultId) !== inner.id) throw new Bulk1Error('InvalidBatch', `Invalid result id: ${resultId}`);
      const page = this.query.results(inner, null, null);
      return { status: 200, body: page.csv, headers: { 'Content-Type': 'text/csv' } };
    }
    if (resultId !== undefined) throw new Bulk1Error('InvalidUrl', 'The requested URL is not valid', 404);
    // A batch's rows are written in one transaction: an aborted or failed batch wrote none, and has no results.
    if (status.processed === 0 && status.state !== 'Completed') {
      throw new Bulk1Error('InvalidBatch', status.stateMessage ?? 'Batch not processed: its job was aborted');
    }
    const outcomes = this.data.outcomes(inner);
    function* records(): Generator<RecordResult> {
      for (const row of outcomes) {
        if (row.ok === null) {
          // Not reached while a batch is one transaction; kept so that results always align with the records.
          yield {
            id: null,
            success: false,
            created: false,
            error: 'NOT_PROCESSED:The batch stopped before this record was processed:--',
          };
        } else {
          yield { id: row.id || null, success: row.ok, created: row.created, error: row.error };
        }
      }
    }
    return ingestResultsReply(records(), format);
  }
}

/** A failed internal job's message, in a batch's terms where the Bulk API 2.0 one would mislead. */
function batchMessage(inner: IngestJob | QueryJob): string | null {
  if (inner.errorMessage !== INTERRUPTED_MESSAGES[inner.jobType]) return inner.errorMessage;
  const written =
    inner.jobType === 'V2Ingest' ? ' A batch is written in one transaction: none of its records were written.' : '';
  return `InternalServerError : The local org stopped while this batch was running.${written} Add the batch again.`;
}

const methodNotAllowed = (method: string, allowed: string): Bulk1Error =>
  new Bulk1Error('InvalidUrl', `HTTP method '${method}' is not allowed here: use ${allowed}`, 405);

const invalidJobState = (job: Job1, to: string): Bulk1Error =>
  new Bulk1Error('InvalidJobState', `Job ${job.id} is ${job.state} and cannot be ${to}`);
