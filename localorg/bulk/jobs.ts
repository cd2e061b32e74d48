/**
 * Bulk API 2.0 jobs of the local org: kept for the life of the server (their Ids come from a persistent
 * counter, so they never repeat; their rows are in the database, see bulk/data.ts), processed in the
 * background one internal batch per turn of the event loop so that clients can poll while a job runs, as
 * they do against an org.
 */
import { SalesforceError } from '../errors';
import { makeId, normalizeId } from '../ids';
import type { ObjectSchema } from '../schema';
import type { Storage } from '../storage';
import { formatDateTime } from '../values';
import { COLUMN_DELIMITERS, type ColumnDelimiter, type LineEnding } from './csv';

export type JobState = 'Open' | 'UploadComplete' | 'InProgress' | 'JobComplete' | 'Failed' | 'Aborted';

/** What ingest and query jobs share. */
export interface JobBase {
  id: string;
  operation: string;
  object: ObjectSchema;
  createdById: string;
  createdDate: Date;
  systemModstamp: Date;
  state: JobState;
  /** e.g. '66.0'. */
  apiVersion: string;
  lineEnding: LineEnding;
  columnDelimiter: ColumnDelimiter;
  numberRecordsProcessed: number;
  /** Milliseconds spent processing. */
  totalProcessingTime: number;
  errorMessage?: string;
}

export const isFinished = (state: JobState): boolean =>
  state === 'JobComplete' || state === 'Failed' || state === 'Aborted';

/** `Invalid value: 'X' supplied for property: 'Y'`, as the API answers a bad job property. */
export const invalidProperty = (property: string, value: unknown): SalesforceError =>
  new SalesforceError(400, 'API_ERROR', `Invalid value: '${String(value ?? '')}' supplied for property: '${property}'`);

export const invalidJobState = (message: string): SalesforceError =>
  new SalesforceError(400, 'INVALIDJOBSTATE', message);

/** The job properties every create request may set. */
export function csvFormat(body: Record<string, unknown>): { lineEnding: LineEnding; columnDelimiter: ColumnDelimiter } {
  const contentType = body.contentType ?? 'CSV';
  if (contentType !== 'CSV') throw invalidProperty('contentType', contentType);
  const lineEnding = body.lineEnding ?? 'LF';
  if (lineEnding !== 'LF' && lineEnding !== 'CRLF') throw invalidProperty('lineEnding', lineEnding);
  const columnDelimiter = body.columnDelimiter ?? 'COMMA';
  if (typeof columnDelimiter !== 'string' || !(columnDelimiter in COLUMN_DELIMITERS)) {
    throw invalidProperty('columnDelimiter', columnDelimiter);
  }
  return { lineEnding, columnDelimiter: columnDelimiter as ColumnDelimiter };
}

/** The fields of job info that every response about a job carries. */
export function baseInfo(job: JobBase): Record<string, unknown> {
  return {
    id: job.id,
    operation: job.operation,
    object: job.object.name,
    createdById: job.createdById,
    createdDate: formatDateTime(job.createdDate.toISOString()),
    systemModstamp: formatDateTime(job.systemModstamp.toISOString()),
    state: job.state,
  };
}

/** A job's work, one internal batch per call; returns true while there is more to do. */
export type JobStep = () => boolean;

const JOB_KEY_PREFIX = '750';

export class JobStore<J extends JobBase> {
  private readonly jobs = new Map<string, J>();

  constructor(private readonly storage: Storage) {}

  /** A new job Id, from a counter that survives restarts. */
  nextId(): string {
    const row = this.storage
      .statement(
        `INSERT INTO _localorg_counters (prefix, next) VALUES ('bulkjob', 1) ON CONFLICT(prefix) DO UPDATE SET next = next + 1 RETURNING next`,
      )
      .get() as { next: number };
    return makeId(JOB_KEY_PREFIX, row.next);
  }

  add(job: J): void {
    this.jobs.set(job.id, job);
  }

  /** The job an Id names (15 or 18 characters), or 404. */
  get(rawId: string): J {
    const id = normalizeId(rawId);
    const job = id ? this.jobs.get(id) : undefined;
    if (!job) throw new SalesforceError(404, 'NOT_FOUND', 'The requested resource does not exist');
    return job;
  }

  delete(job: J): void {
    this.jobs.delete(job.id);
  }

  /** Jobs in creation order. */
  all(): J[] {
    return [...this.jobs.values()];
  }
}

/** Runs job steps in the background, one per turn of the event loop, until they are done or the org closes. */
export class JobRunner {
  private closed = false;
  private readonly pending = new Set<NodeJS.Immediate>();

  run(step: JobStep, onError: (error: unknown) => void): void {
    const turn = (): void => {
      this.pending.delete(handle);
      if (this.closed) return;
      let more = false;
      try {
        more = step();
      } catch (error) {
        onError(error);
      }
      if (more) this.run(step, onError);
    };
    const handle = setImmediate(turn);
    this.pending.add(handle);
  }

  close(): void {
    this.closed = true;
    for (const handle of this.pending) clearImmediate(handle);
    this.pending.clear();
  }
}

/** A job list page (`GET jobs/ingest`, `GET jobs/query`): up to 1000 jobs, then a `queryLocator` link. */
export function jobListPage(
  jobs: Record<string, unknown>[],
  locator: string | null,
  nextUrl: (locator: string) => string,
): Record<string, unknown> {
  const PAGE = 1000;
  const start = locator && /^\d+$/.test(locator) ? Number(locator) : 0;
  const records = jobs.slice(start, start + PAGE);
  const more = start + PAGE < jobs.length;
  return { done: !more, records, nextRecordsUrl: more ? nextUrl(String(start + PAGE)) : null };
}
