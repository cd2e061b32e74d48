/**
 * Upserts through Bulk API 2.0, for levels too large for sObject Collections: one ingest job per 100,000
 * records (create, upload the CSV, mark it UploadComplete, poll until it finishes), then its successful,
 * failed and unprocessed results matched back to the input records by their external id. Rows that failed
 * with UNABLE_TO_LOCK_ROW go again in a new job, with backoff, under the shared retry policy; a job that
 * fails as a whole is an error naming the job and the org's message.
 */
import type { HttpRequestOptions } from 'jsforce';
import { parseCsv } from '../../localorg/bulk/csv';
import type { OrgSession } from './connection';
import {
  backoffDelay,
  DEFAULT_RETRY_POLICY,
  errorCodeOf,
  isTransientRecordError,
  withRetry,
  type RetryPolicy,
} from './retry';
import type { RecordOutcome } from './writer';

/** Records per ingest job: well under the 150 MB upload limit for this project's records. */
export const BULK_JOB_RECORDS = 100_000;

export interface BulkOptions {
  policy?: RetryPolicy;
  /** First wait between job status checks; it doubles up to 5 s. */
  pollIntervalMs?: number;
  /** How long a job may run before the upsert gives up on it. */
  pollTimeoutMs?: number;
  /** Called after each job with the number of records it settled. */
  onProgress?: (settled: number) => void;
  /** Told about every retry, for verbose output. */
  onRetry?: (reason: string, attempt: number) => void;
}

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
}

const NULL_VALUE = '#N/A';
const MAX_POLL_INTERVAL_MS = 5000;

/** One CSV value: null (and empty text, which REST writes as null) is `#N/A`; a missing value is empty. */
function csvValue(value: unknown): string {
  if (value === undefined) return '';
  if (value === null || value === '') return NULL_VALUE;
  return `"${String(value).replace(/"/g, '""')}"`;
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

/** A result CSV as objects keyed by column name. */
function parseResults(text: string): Record<string, string>[] {
  const [header = [], ...rows] = parseCsv(text, ',', text.includes('\r\n') ? 'CRLF' : 'LF');
  return rows.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i] ?? ''])));
}

class BulkJobs {
  private readonly base: string;

  constructor(
    private readonly session: OrgSession,
    private readonly policy: RetryPolicy,
    private readonly options: BulkOptions,
  ) {
    this.base = `/services/data/v${session.conn.version}/jobs/ingest`;
  }

  private retrying<T>(what: string, operation: () => Promise<T>): Promise<T> {
    return withRetry(operation, this.policy, (error, attempt) =>
      this.options.onRetry?.(`${what}: ${(error as Error).message}`, attempt),
    );
  }

  /** Runs one upsert job to its end and returns its three result CSVs. */
  async run(
    sobject: string,
    externalIdField: string,
    csv: string,
  ): Promise<{ successful: string; failed: string; unprocessed: string; job: JobInfo }> {
    const conn = this.session.conn;
    const job = await this.retrying(`create ${sobject} job`, async () => {
      try {
        return await conn.request<JobInfo>({
          method: 'POST',
          url: this.base,
          body: JSON.stringify({
            object: sobject,
            operation: 'upsert',
            externalIdFieldName: externalIdField,
            contentType: 'CSV',
            lineEnding: 'LF',
            columnDelimiter: 'COMMA',
          }),
          headers: { 'Content-Type': 'application/json' },
        });
      } catch (error) {
        const code = errorCodeOf(error);
        if (code === 'NOT_FOUND' || code === 'ERROR_HTTP_404') {
          throw new BulkUnavailableError(`${this.base} answered ${(error as Error).message}`);
        }
        throw error;
      }
    });
    // jsforce would resend a PUT after a 5xx with its body already consumed: retries are ours alone.
    const noTransportRetry: HttpRequestOptions = { retry: { maxRetries: 0 } };
    await this.retrying(`upload ${sobject} job ${job.id}`, () =>
      conn.request(
        { method: 'PUT', url: `${this.base}/${job.id}/batches`, body: csv, headers: { 'Content-Type': 'text/csv' } },
        noTransportRetry,
      ),
    );
    await this.retrying(`close ${sobject} job ${job.id}`, () =>
      conn.request({
        method: 'PATCH',
        url: `${this.base}/${job.id}`,
        body: JSON.stringify({ state: 'UploadComplete' }),
        headers: { 'Content-Type': 'application/json' },
      }),
    );
    const finished = await this.poll(sobject, job.id);
    const text = (kind: string): Promise<string> =>
      this.retrying(`read ${kind} of ${sobject} job ${job.id}`, () =>
        conn.request<string>({ method: 'GET', url: `${this.base}/${job.id}/${kind}` }, { responseType: 'text/plain' }),
      );
    return {
      successful: await text('successfulResults'),
      failed: await text('failedResults'),
      unprocessed: await text('unprocessedrecords'),
      job: finished,
    };
  }

  private async poll(sobject: string, id: string): Promise<JobInfo> {
    const deadline = Date.now() + (this.options.pollTimeoutMs ?? 30 * 60_000);
    let interval = this.options.pollIntervalMs ?? 200;
    for (;;) {
      await this.policy.sleep(interval);
      const info = await this.retrying(`check ${sobject} job ${id}`, () =>
        this.session.conn.request<JobInfo>(`${this.base}/${id}`),
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
      interval = Math.min(interval * 2, MAX_POLL_INTERVAL_MS);
    }
  }
}

/**
 * Upserts `records` by `externalIdField` through Bulk API 2.0; returns one outcome per record, in input
 * order. Throws BulkUnavailableError when the org has no Bulk API, BulkJobError when a job fails as a whole.
 */
export async function upsertBulk(
  session: OrgSession,
  sobject: string,
  externalIdField: string,
  records: Record<string, unknown>[],
  options: BulkOptions = {},
): Promise<RecordOutcome[]> {
  const policy = options.policy ?? DEFAULT_RETRY_POLICY;
  const jobs = new BulkJobs(session, policy, options);
  const outcomes: RecordOutcome[] = new Array(records.length);
  for (let start = 0; start < records.length; start += BULK_JOB_RECORDS) {
    let pending = records.slice(start, start + BULK_JOB_RECORDS).map((record, i) => ({ record, index: start + i }));
    for (let attempt = 0; pending.length > 0; attempt++) {
      const results = await jobs.run(
        sobject,
        externalIdField,
        toCsv(pending.map((p) => p.record)),
      );
      // Rows come back in no guaranteed order: match them by external id (a key may repeat in the input).
      const byKey = new Map<string, RecordOutcome[]>();
      const add = (key: string, outcome: RecordOutcome): void => {
        const list = byKey.get(key) ?? [];
        list.push(outcome);
        byKey.set(key, list);
      };
      for (const row of parseResults(results.successful)) {
        add(row[externalIdField], { success: true, id: row.sf__Id, created: row.sf__Created === 'true' });
      }
      for (const row of parseResults(results.failed)) {
        add(row[externalIdField], { success: false, id: row.sf__Id || undefined, ...parseBulkError(row.sf__Error) });
      }
      for (const row of parseResults(results.unprocessed)) {
        add(row[externalIdField], {
          success: false,
          errorCode: 'UNPROCESSED',
          message: `Bulk API job ${results.job.id} did not process this record`,
          fields: [],
        });
      }
      const retry: typeof pending = [];
      for (const p of pending) {
        const outcome = byKey.get(String(p.record[externalIdField]))?.shift() ?? {
          success: false,
          errorCode: 'UNKNOWN_EXCEPTION',
          message: `No result returned for this record by Bulk API job ${results.job.id}`,
          fields: [],
        };
        if (!outcome.success && isTransientRecordError(outcome.errorCode ?? '') && attempt < policy.retries) {
          retry.push(p);
        } else {
          outcomes[p.index] = outcome;
        }
      }
      options.onProgress?.(pending.length - retry.length);
      if (retry.length > 0) {
        options.onRetry?.(`${sobject}: ${retry.length} record(s) locked`, attempt + 1);
        await policy.sleep(backoffDelay(attempt, policy));
      }
      pending = retry;
    }
  }
  return outcomes;
}
