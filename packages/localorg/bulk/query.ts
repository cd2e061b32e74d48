/**
 * Bulk API 2.0 query jobs: the SOQL is checked when the job is created (so a bad query answers 400 at
 * once), then run in the background through the same SOQL engine as the REST API, its records written as
 * CSV lines with child-to-parent fields flattened into `Parent__r.Name` columns. Results are read in pages
 * of `maxRecords` rows, the next page named by the `Sforce-Locator` header. The job and its result lines are
 * in the database (bulk/data.ts); only the open cursor of a running job is in memory, so a query job running
 * when the org stops comes back Failed.
 */
import type { RequestContext } from '../context';
import { SalesforceError } from '../errors';
import { bodyObject, parseJsonBody, type OrgRuntime } from '../rest/context';
import { findFieldSchema, type FieldSchema, type ObjectSchema, type ParentRelationship } from '../schema';
import { executeSoql, type QueryCursor, type SfRecord } from '../soql';
import { QueryText } from '../soql/errors';
import { assertSoqlLength } from '../soql/limits';
import { parseSoql, type SoqlQuery } from '../soql/parse';
import { COLUMN_DELIMITERS, csvLine, lineBreak } from './csv';
import type { BulkData, JobRecord } from './data';
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

/** Records read from the cursor per turn of the event loop. */
const CHUNK = 10_000;
/** Rows per results page when the client gives no maxRecords: large, as the platform's default is. */
const DEFAULT_MAX_RECORDS = 1_000_000;

/** A result column: its header (`Owner.Name`) and the path of canonical names leading to its value. */
interface QueryColumn {
  header: string;
  path: string[];
  field: FieldSchema;
}

/** A query job; numberRecordsProcessed counts its CSV lines (records) written so far, header apart. */
export interface QueryJob extends JobRecord {
  jobType: 'V2Query';
  operation: 'query' | 'queryAll';
}

/** What a running query job holds in memory: its open cursor and how to write its records. */
interface Running {
  cursor: QueryCursor;
  columns: QueryColumn[];
}

const notSupported = (what: string): SalesforceError =>
  new SalesforceError(400, 'API_ERROR', `${what} not supported in Bulk Query`);

/** A value as Bulk API query results write it: empty for null, datetimes in UTC with `Z`. */
function csvText(field: FieldSchema, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (field.model.type === 'DateTime' && typeof value === 'string') return value.replace(/\+0000$/, 'Z');
  return String(value);
}

export class QueryJobs {
  readonly store: JobStore<QueryJob>;
  private readonly running = new Map<string, Running>();

  constructor(
    private readonly org: OrgRuntime,
    private readonly runner: JobRunner,
    private readonly data: BulkData,
  ) {
    this.store = new JobStore<QueryJob>(org, data, 'V2Query');
  }

  /** `POST jobs/query`. */
  create(ctx: RequestContext, bodyText: string): QueryJob {
    const props = bodyObject(parseJsonBody(bodyText));
    if (!props) throw invalidProperty('query', '');
    const operation = props.operation ?? 'query';
    if (operation !== 'query' && operation !== 'queryAll') throw invalidProperty('operation', operation);
    const soql = props.query;
    if (typeof soql !== 'string' || soql.trim() === '') throw invalidProperty('query', soql);
    assertSoqlLength(soql);
    const format = csvFormat(props);
    const parsed = parseSoql(new QueryText(soql));
    this.checkSupported(parsed);
    const cursor = executeSoql(this.org.storage, soql, {
      includeDeleted: operation === 'queryAll',
      now: ctx.now,
      apiVersion: ctx.apiVersion,
      fiscalYearStartMonth: this.org.fiscalYearStartMonth,
      // The job reads what its creator can see.
      access: this.org.dml.security.forContext(ctx).forQuery(),
    });
    // Aggregate and count queries read as a single batch: the checks above leave none, this keeps it so.
    if (cursor.singleBatch) throw notSupported('Aggregate queries are');
    const obj = this.org.schema.byLower.get(parsed.from.toLowerCase()) as ObjectSchema;
    const now = this.org.now().toISOString();
    const columns = this.columns(obj, parsed);
    const job: QueryJob = {
      id: this.store.nextId(),
      jobType: 'V2Query',
      operation,
      object: obj.name,
      externalIdFieldName: null,
      createdById: ctx.userId,
      createdDate: now,
      systemModstamp: now,
      state: 'UploadComplete',
      apiVersion: ctx.apiVersion,
      ...format,
      numberRecordsProcessed: 0,
      numberRecordsFailed: 0,
      totalProcessingTime: 0,
      errorMessage: null,
      query: soql,
      header: columns.map((column) => column.header),
      rowCount: 0,
      position: 0,
      uploaded: false,
    };
    this.data.insertJob(job);
    this.running.set(job.id, { cursor, columns });
    const id = job.id;
    this.runner.run(
      () => this.step(id),
      (error) => this.crashed(id, error),
    );
    return job;
  }

  /** What Bulk API 2.0 queries cannot do (checked before the query runs). */
  private checkSupported(query: SoqlQuery): void {
    if (query.select.some((item) => item.kind === 'subquery')) throw notSupported('Aggregate Relationships');
    if (query.select.some((item) => item.kind === 'typeof')) throw notSupported('TYPEOF is');
    if (query.select.some((item) => item.kind === 'expr' && item.expr.kind === 'call')) {
      throw notSupported('Aggregate and other functions in SELECT are');
    }
    if (query.groupBy.length > 0) throw notSupported('GROUP BY is');
    if (query.offset !== undefined) throw notSupported('OFFSET is');
  }

  /** Result columns in SELECT order, with canonical names: `owner.name` is written `Owner.Name`. */
  private columns(obj: ObjectSchema, query: SoqlQuery): QueryColumn[] {
    const columns: QueryColumn[] = [];
    for (const item of query.select) {
      if (item.kind !== 'expr' || item.expr.kind !== 'field') continue;
      let segments = item.expr.path;
      if (query.alias && segments.length > 1 && segments[0].toLowerCase() === query.alias.toLowerCase()) {
        segments = segments.slice(1);
      }
      let current = obj;
      const path: string[] = [];
      for (const name of segments.slice(0, -1)) {
        // The query compiled, so every name resolves.
        const parent = current.parents.get(name.toLowerCase()) as ParentRelationship;
        path.push(parent.name);
        current = this.org.schema.objects.get(parent.target) as ObjectSchema;
      }
      const field = findFieldSchema(current, segments[segments.length - 1]) as FieldSchema;
      // Compound fields (BillingAddress) are REST and SOAP only: bulk queries select their components.
      if (field.model.type === 'Address') throw notSupported('Selecting compound data');
      path.push(field.name);
      columns.push({ header: path.join('.'), path, field });
    }
    return columns;
  }

  /** `PATCH jobs/query/{id}` with `{ state: 'Aborted' }`. */
  changeState(job: QueryJob, state: unknown): void {
    if (state !== 'Aborted') throw invalidProperty('state', state);
    if (isFinished(job.state)) throw invalidJobState(`Job ${job.id} is already in state ${job.state}`);
    this.setState(job, 'Aborted');
    this.running.delete(job.id);
  }

  /** `DELETE jobs/query/{id}`: the job's result lines go with it. */
  remove(job: QueryJob): void {
    this.running.delete(job.id);
    this.data.deleteJob(job.id);
  }

  info(job: QueryJob): Record<string, unknown> {
    return {
      ...this.shortInfo(job),
      jobType: 'V2Query',
      lineEnding: job.lineEnding,
      columnDelimiter: job.columnDelimiter,
      numberRecordsProcessed: job.numberRecordsProcessed,
      retries: 0,
      totalProcessingTime: job.totalProcessingTime,
    };
  }

  createdInfo(job: QueryJob): Record<string, unknown> {
    return { ...this.shortInfo(job), lineEnding: job.lineEnding, columnDelimiter: job.columnDelimiter };
  }

  /** A job in the job list. */
  listInfo(job: QueryJob): Record<string, unknown> {
    return { ...this.createdInfo(job), jobType: 'V2Query' };
  }

  shortInfo(job: QueryJob): Record<string, unknown> {
    return { ...baseInfo(job), concurrencyMode: 'Parallel', contentType: 'CSV', apiVersion: Number(job.apiVersion) };
  }

  /**
   * `GET jobs/query/{id}/results?locator=&maxRecords=`: a CSV page with its header row, its record count and
   * the locator of the next page ('null' after the last). A locator is the page's start, base64-encoded.
   */
  results(
    job: QueryJob,
    locator: string | null,
    maxRecordsText: string | null,
  ): { csv: string; count: number; next: string } {
    if (job.state !== 'JobComplete') {
      throw invalidJobState(`Job ${job.id} is in state ${job.state}: results are available once it is JobComplete`);
    }
    const maxRecords = maxRecordsText === null ? DEFAULT_MAX_RECORDS : Number(maxRecordsText);
    if (!Number.isInteger(maxRecords) || maxRecords < 1) throw invalidProperty('maxRecords', maxRecordsText);
    let start = 0;
    if (locator !== null && locator !== '') {
      start = Number(Buffer.from(locator, 'base64').toString('utf8'));
      if (!Number.isInteger(start) || start < 0 || start > job.numberRecordsProcessed) {
        throw invalidProperty('locator', locator);
      }
    }
    const page = this.data.queryLines(job.id, start, maxRecords);
    const end = start + page.length;
    const delimiter = COLUMN_DELIMITERS[job.columnDelimiter];
    const newline = lineBreak(job.lineEnding);
    const header = csvLine(job.header, delimiter);
    return {
      csv: [header, ...page].join(newline) + newline,
      count: page.length,
      next: end < job.numberRecordsProcessed ? Buffer.from(String(end)).toString('base64').replace(/=+$/, '') : 'null',
    };
  }

  /** Changes the job's state in memory and in the database. */
  private setState(job: QueryJob, state: JobState): void {
    job.state = state;
    job.systemModstamp = this.org.now().toISOString();
    this.data.saveJob(job);
  }

  private crashed(id: string, error: unknown): void {
    console.error('localorg: bulk query job failed unexpectedly', error);
    this.running.delete(id);
    const job = this.store.find(id);
    if (job && isRunning(job.state)) {
      job.errorMessage = 'UNKNOWN_EXCEPTION : An unexpected error occurred in the local org.';
      this.setState(job, 'Failed');
    }
  }

  /**
   * Reads one chunk of records into CSV lines, on the job as stored now (it may have been aborted or deleted
   * since the last turn); true while records remain.
   */
  private step(id: string): boolean {
    const job = this.store.find(id);
    const run = this.running.get(id);
    if (!job || !run || !isRunning(job.state)) {
      this.running.delete(id);
      return false;
    }
    const started = Date.now();
    const delimiter = COLUMN_DELIMITERS[job.columnDelimiter];
    const lines = run.cursor.next(CHUNK).map((record) => this.line(run.columns, record, delimiter));
    const done = run.cursor.remaining === 0;
    // The lines and the job's count commit together.
    this.org.storage.db.transaction(() => {
      this.data.addQueryLines(job.id, job.numberRecordsProcessed, lines);
      job.numberRecordsProcessed += lines.length;
      job.totalProcessingTime += Date.now() - started;
      if (done || job.state === 'UploadComplete') this.setState(job, done ? 'JobComplete' : 'InProgress');
      else this.data.saveJob(job);
    })();
    if (done) this.running.delete(id);
    return !done;
  }

  private line(columns: QueryColumn[], record: SfRecord, delimiter: string): string {
    const values = columns.map((column) => {
      let value: unknown = record;
      for (const name of column.path) {
        if (value === null || value === undefined) break;
        value = (value as SfRecord)[name];
      }
      return csvText(column.field, value);
    });
    return csvLine(values, delimiter);
  }
}
