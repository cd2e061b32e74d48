/**
 * Writes through Bulk API 2.0, for sets too large for sObject Collections: upserts (or inserts) by external id,
 * and updates by Id. Ingest jobs of equal size, 100,000 records at most, one after the other (create, upload
 * the CSV, mark it UploadComplete, poll until it finishes), each job's successful, failed and unprocessed
 * results matched back to the input records by their key column (the external id, or Id for updates), which
 * every result row repeats. An update whose job counts agree with its failed and unprocessed rows does not read
 * its successful results: every other record succeeded, and its Id is the one it was sent with (a first rollup
 * writes 350,000 of them). Rows that failed with UNABLE_TO_LOCK_ROW go again in a new job, with backoff, under
 * the shared retry policy; a job that fails as a whole is an error naming the job and the org's message.
 */
import type { HttpRequest, HttpRequestOptions } from 'jsforce';
import { parse } from 'csv-parse/sync';
import type { OrgSession } from './connection';
import { expectMap, expectString, MalformedResponseError, optionalNumber, optionalString } from './response';
import {
  backoffDelay,
  DEFAULT_RETRY_POLICY,
  errorCodeOf,
  isTransientRecordError,
  withRetry,
  type RetryPolicy,
} from './retry';
import type { RecordOutcome } from './writer';

/** Records per ingest job at most: well under the 150 MB upload limit for this project's records. */
export const BULK_JOB_RECORDS = 100_000;

export interface BulkOptions {
  policy?: RetryPolicy;
  /** First wait between job status checks (100 ms); it grows up to 5 s, or less as the job nears its end. */
  pollIntervalMs?: number;
  /** How long a job may run before the upsert gives up on it. */
  pollTimeoutMs?: number;
  /** Records per job at most (default BULK_JOB_RECORDS); a write is split into jobs of equal size. */
  maxJobRecords?: number;
  /** Called after each job with the number of records it settled. */
  onProgress?: (settled: number) => void;
  /** Told about every retry, for verbose output. */
  onRetry?: (reason: string, attempt: number) => void;
  /**
   * `insert` creates every record (results still matched by the external id column): for records that give
   * audit fields, which an org takes on insert only. Default `upsert`.
   */
  operation?: 'upsert' | 'insert';
}

/** An ingest job's operation, as Bulk API 2.0 names it. */
type IngestOperation = 'upsert' | 'insert' | 'update';

/** The org has no Bulk API 2.0 (it answered 404 for `jobs/ingest`): write through collections instead. */
export class BulkUnavailableError extends Error {
  override name = 'BulkUnavailableError';
}

/** A job that failed or was aborted as a whole, or never finished. */
export class BulkJobError extends Error {
  override name = 'BulkJobError';
}

interface JobInfo {
  id: string;
  state: 'Open' | 'UploadComplete' | 'InProgress' | 'JobComplete' | 'Failed' | 'Aborted';
  errorMessage?: string;
  numberRecordsProcessed?: number;
  numberRecordsFailed?: number;
}

const JOB_STATES: ReadonlySet<string> = new Set([
  'Open',
  'UploadComplete',
  'InProgress',
  'JobComplete',
  'Failed',
  'Aborted',
]);
const isJobState = (state: string): state is JobInfo['state'] => JOB_STATES.has(state);

/** A job's info as the org answered it (create or status check), checked where it arrives. */
function jobInfo(value: unknown, where: string): JobInfo {
  const info = expectMap(value, where);
  const state = expectString(info, 'state', where);
  if (!isJobState(state)) throw new MalformedResponseError(`${where} has an unknown job state "${state}"`);
  return {
    id: expectString(info, 'id', where),
    state,
    errorMessage: optionalString(info, 'errorMessage', where),
    numberRecordsProcessed: optionalNumber(info, 'numberRecordsProcessed', where),
    numberRecordsFailed: optionalNumber(info, 'numberRecordsFailed', where),
  };
}

const NULL_VALUE = '#N/A';
const MAX_POLL_INTERVAL_MS = 5000;
const FIRST_POLL_MS = 100;

/**
 * The wait before the next status check of a job of `total` records: growing by half up to 5 s, but no longer than
 * the job's progress so far says it still needs (a job that is nearly done is checked when it should be done,
 * not seconds later: with many jobs, those seconds were most of a seed's time).
 */
export function nextPollInterval(previousMs: number, processed: number, total: number, elapsedMs: number): number {
  const grown = Math.min(previousMs * 1.5, MAX_POLL_INTERVAL_MS);
  if (processed <= 0 || processed >= total || elapsedMs <= 0) return grown;
  const remainingMs = ((total - processed) * elapsedMs) / processed;
  return Math.max(FIRST_POLL_MS, Math.min(grown, remainingMs));
}

/**
 * One CSV value: null (and empty text, which REST writes as null) is `#N/A`; a missing value is empty (an
 * update leaves that field as it is). Numbers in plain decimals: JavaScript writes 1e-7 where the org expects
 * 0.0000001.
 */
function csvValue(value: unknown): string {
  if (value === undefined) return '';
  if (value === null || value === '') return NULL_VALUE;
  const text =
    typeof value === 'number' && /e/i.test(String(value))
      ? value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 })
      : String(value);
  return `"${text.replace(/"/g, '""')}"`;
}

/** The records as CSV, with a column for every field any of them sets, in first-seen order. */
export function toCsv(records: Record<string, unknown>[]): string {
  const columns: string[] = [];
  const seen = new Set<string>();
  for (const record of records) {
    for (const key of Object.keys(record)) {
      if (key === 'attributes' || seen.has(key)) continue;
      seen.add(key);
      columns.push(key);
    }
  }
  const lines = [columns.join(',')];
  for (const record of records) lines.push(columns.map((c) => csvValue(record[c])).join(','));
  return `${lines.join('\n')}\n`;
}

/** `CODE:message:field,field --` from failedResults, split back into its parts. */
export function parseBulkError(text: string): { errorCode: string; message: string; fields: string[] } {
  const colon = text.indexOf(':');
  if (colon < 0) return { errorCode: text || 'UNKNOWN_EXCEPTION', message: text, fields: [] };
  const rest = text.slice(colon + 1).replace(/ ?--$/, '');
  const last = rest.lastIndexOf(':');
  const fields = last < 0 ? '' : rest.slice(last + 1).trim();
  return {
    errorCode: text.slice(0, colon),
    message: last < 0 ? rest : rest.slice(0, last),
    fields: fields === '' ? [] : fields.split(','),
  };
}

/** The org's answer for a row without its key: an upsert names the field, an update its call. */
const missingKey = (
  operation: IngestOperation,
  field: string,
): { errorCode: string; message: string; fields: string[] } =>
  operation === 'update'
    ? { errorCode: 'MISSING_ARGUMENT', message: 'Id not specified in an update call', fields: [] }
    : { errorCode: 'MISSING_ARGUMENT', message: `${field} not specified`, fields: [field] };

/**
 * The named columns of a result CSV, a row as an object keyed by them: comma-delimited, either line ending,
 * values never trimmed, blank lines skipped, rows of any length (a missing value or column reads as ''). Only
 * the columns read are kept: a seed's results repeat every field it sent, a million rows of them.
 */
function parseResults<C extends string>(text: string, columns: readonly C[]): Record<C, string>[] {
  const [header = [], ...rows] = parse(text, {
    skip_empty_lines: true,
    relax_column_count: true,
    bom: false,
  }) as string[][];
  const at = columns.map((name) => header.indexOf(name));
  return rows.map((row) => {
    const picked = {} as Record<C, string>;
    columns.forEach((name, k) => (picked[name] = row[at[k]] ?? ''));
    return picked;
  });
}

class BulkJobs {
  private readonly base: string;

  constructor(
    private readonly session: OrgSession,
    private readonly policy: RetryPolicy,
    private readonly options: Omit<BulkOptions, 'operation'>,
    private readonly operation: IngestOperation,
  ) {
    this.base = `/services/data/v${session.conn.version}/jobs/ingest`;
  }

  /**
   * One request, retried by the policy alone: jsforce's own retries would resend a PUT after a 5xx with its
   * body already consumed, and would wait outside the policy.
   */
  private request<T>(request: HttpRequest, options: Record<string, unknown> = {}): Promise<T> {
    const noTransportRetry: HttpRequestOptions = { retry: { maxRetries: 0 } };
    return this.session.conn.request<T>(request, { ...options, ...noTransportRetry });
  }

  private retrying<T>(what: string, operation: () => Promise<T>): Promise<T> {
    return withRetry(operation, this.policy, (error, attempt) =>
      this.options.onRetry?.(`${what}: ${(error as Error).message}`, attempt),
    );
  }

  /**
   * Runs one ingest job to its end and returns its failed and unprocessed results, and how to read its successful
   * ones (which the caller may not need).
   */
  async run(
    sobject: string,
    keyField: string,
    csv: string,
    records: number,
  ): Promise<{ successful: () => Promise<string>; failed: string; unprocessed: string; job: JobInfo }> {
    const job = await this.retrying(`create ${sobject} job`, async () => {
      try {
        const created = await this.request<unknown>({
          method: 'POST',
          url: this.base,
          body: JSON.stringify({
            object: sobject,
            operation: this.operation,
            ...(this.operation === 'upsert' ? { externalIdFieldName: keyField } : {}),
            contentType: 'CSV',
            lineEnding: 'LF',
            columnDelimiter: 'COMMA',
          }),
          headers: { 'Content-Type': 'application/json' },
        });
        return jobInfo(created, `the ${sobject} ingest job the org created`);
      } catch (error) {
        const code = errorCodeOf(error);
        if (code === 'NOT_FOUND' || code === 'ERROR_HTTP_404') {
          throw new BulkUnavailableError(`${this.base} answered ${(error as Error).message}`);
        }
        throw error;
      }
    });
    await this.retrying(`upload ${sobject} job ${job.id}`, () =>
      this.request({
        method: 'PUT',
        url: `${this.base}/${job.id}/batches`,
        body: csv,
        headers: { 'Content-Type': 'text/csv' },
      }),
    );
    await this.retrying(`close ${sobject} job ${job.id}`, () =>
      this.request({
        method: 'PATCH',
        url: `${this.base}/${job.id}`,
        body: JSON.stringify({ state: 'UploadComplete' }),
        headers: { 'Content-Type': 'application/json' },
      }),
    );
    const finished = await this.poll(sobject, job.id, records);
    const text = (kind: string): Promise<string> =>
      this.retrying(`read ${kind} of ${sobject} job ${job.id}`, () =>
        this.request<unknown>(
          { method: 'GET', url: `${this.base}/${job.id}/${kind}` },
          { responseType: 'text/plain' },
        ).then((body) => {
          // An empty body is no rows; anything but text (a JSON object) is not the CSV the API documents.
          if (body === undefined || body === null) return '';
          if (typeof body !== 'string')
            throw new MalformedResponseError(`the ${kind} of job ${job.id} is not CSV text`);
          return body;
        }),
      );
    // Independent reads: asked for together, they cost one round trip, not two.
    const [failed, unprocessed] = await Promise.all([text('failedResults'), text('unprocessedrecords')]);
    return { successful: () => text('successfulResults'), failed, unprocessed, job: finished };
  }

  private async poll(sobject: string, id: string, records: number): Promise<JobInfo> {
    const started = Date.now();
    const deadline = started + (this.options.pollTimeoutMs ?? 30 * 60_000);
    let interval = this.options.pollIntervalMs ?? FIRST_POLL_MS;
    for (;;) {
      await this.policy.sleep(interval);
      const info = await this.retrying(`check ${sobject} job ${id}`, async () =>
        jobInfo(await this.request<unknown>({ method: 'GET', url: `${this.base}/${id}` }), `the status of job ${id}`),
      );
      if (info.state === 'JobComplete') return info;
      if (info.state === 'Failed' || info.state === 'Aborted') {
        throw new BulkJobError(
          `Bulk API job ${id} for ${sobject} ${info.state === 'Failed' ? 'failed' : 'was aborted'}: ${info.errorMessage ?? 'no message from the org'}`,
        );
      }
      if (Date.now() > deadline) {
        throw new BulkJobError(`Bulk API job ${id} for ${sobject} did not finish in time (state ${info.state})`);
      }
      interval = nextPollInterval(interval, info.numberRecordsProcessed ?? 0, records, Date.now() - started);
    }
  }
}

/**
 * Upserts `records` by `externalIdField` through Bulk API 2.0; returns one outcome per record, in input
 * order. Throws BulkUnavailableError when the org has no Bulk API, BulkJobError when a job fails as a whole.
 */
export function upsertBulk(
  session: OrgSession,
  sobject: string,
  externalIdField: string,
  records: Record<string, unknown>[],
  options: BulkOptions = {},
): Promise<RecordOutcome[]> {
  return ingest(session, sobject, externalIdField, records, options.operation ?? 'upsert', options);
}

/**
 * Updates `records` (each with its `Id` and the fields to change) through Bulk API 2.0; returns one outcome
 * per record, in input order, as upsertBulk does.
 */
export function updateBulk(
  session: OrgSession,
  sobject: string,
  records: Record<string, unknown>[],
  options: Omit<BulkOptions, 'operation'> = {},
): Promise<RecordOutcome[]> {
  return ingest(session, sobject, 'Id', records, 'update', options);
}

/**
 * Whether a finished job's counts account for every record it was sent: the failed rows are all it failed, and
 * the unprocessed rows all it did not process. Then every other record succeeded.
 */
function countsAgree(job: JobInfo, sent: number, failed: number, unprocessed: number): boolean {
  return job.numberRecordsFailed === failed && job.numberRecordsProcessed === sent - unprocessed;
}

/**
 * `count` records as job slices of equal size, none above `max`: 100,001 records are two jobs of about 50,000,
 * not one of 100,000 and one of a single record that costs a whole job's round trips.
 */
export function jobSlices(count: number, max: number): { start: number; end: number }[] {
  const jobs = Math.ceil(count / max);
  const size = Math.ceil(count / Math.max(jobs, 1));
  const slices: { start: number; end: number }[] = [];
  for (let start = 0; start < count; start += size) slices.push({ start, end: Math.min(start + size, count) });
  return slices;
}

async function ingest(
  session: OrgSession,
  sobject: string,
  keyField: string,
  records: Record<string, unknown>[],
  operation: IngestOperation,
  options: Omit<BulkOptions, 'operation'>,
): Promise<RecordOutcome[]> {
  const policy = options.policy ?? DEFAULT_RETRY_POLICY;
  const jobs = new BulkJobs(session, policy, options, operation);
  const outcomes: RecordOutcome[] = new Array(records.length);
  const keyOf = (record: Record<string, unknown>): string => String(record[keyField] ?? '');
  for (const { start, end } of jobSlices(records.length, options.maxJobRecords ?? BULK_JOB_RECORDS)) {
    let pending: { record: Record<string, unknown>; index: number; attempts: number }[] = [];
    records.slice(start, end).forEach((record, i) => {
      // A row without its key could not be matched to its result: it is refused here, as the org would.
      if (keyOf(record) !== '') pending.push({ record, index: start + i, attempts: 0 });
      else outcomes[start + i] = { success: false, ...missingKey(operation, keyField) };
    });
    let lockRounds = 0;
    while (pending.length > 0) {
      // Results come back in no guaranteed order and are matched by external id, so a key goes at most once
      // per job; a repeated key waits for the next job, which also keeps the input's order of writes.
      const keys = new Set<string>();
      const batch: typeof pending = [];
      for (const p of pending) {
        if (keys.has(keyOf(p.record))) continue;
        keys.add(keyOf(p.record));
        batch.push(p);
      }
      const results = await jobs.run(sobject, keyField, toCsv(batch.map((p) => p.record)), batch.length);
      const failedRows = parseResults(results.failed, [keyField, 'sf__Id', 'sf__Error']);
      const unprocessedRows = parseResults(results.unprocessed, [keyField]);
      const inferred =
        operation === 'update' && countsAgree(results.job, batch.length, failedRows.length, unprocessedRows.length);
      const byKey = new Map<string, RecordOutcome>();
      for (const row of inferred ? [] : parseResults(await results.successful(), [keyField, 'sf__Id', 'sf__Created'])) {
        byKey.set(row[keyField], { success: true, id: row.sf__Id, created: row.sf__Created === 'true' });
      }
      for (const row of failedRows) {
        byKey.set(row[keyField], {
          success: false,
          id: row.sf__Id || undefined,
          ...parseBulkError(row.sf__Error),
        });
      }
      for (const row of unprocessedRows) {
        byKey.set(row[keyField], {
          success: false,
          errorCode: 'UNPROCESSED',
          message: `Bulk API job ${results.job.id} did not process this record`,
          fields: [],
        });
      }
      const locked = new Set<(typeof pending)[number]>();
      for (const p of batch) {
        const outcome =
          byKey.get(keyOf(p.record)) ??
          (inferred
            ? { success: true, id: keyOf(p.record), created: false }
            : {
                success: false,
                errorCode: 'UNKNOWN_EXCEPTION',
                message: `No result returned for this record by Bulk API job ${results.job.id}`,
                fields: [],
              });
        if (!outcome.success && isTransientRecordError(outcome.errorCode ?? '') && p.attempts < policy.retries) {
          p.attempts++;
          locked.add(p);
        } else {
          outcomes[p.index] = outcome;
        }
      }
      options.onProgress?.(batch.length - locked.size);
      if (locked.size > 0) {
        options.onRetry?.(`${sobject}: ${locked.size} record(s) locked`, lockRounds + 1);
        await policy.sleep(backoffDelay(lockRounds++, policy));
      }
      // Still to write: the locked rows and the rows that waited for their key's turn.
      const sent = new Set(batch);
      pending = pending.filter((p) => locked.has(p) || !sent.has(p));
    }
  }
  return outcomes;
}
