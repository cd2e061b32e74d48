/**
 * Bulk API 2.0 jobs of the local org: stored in the org's database (bulk/data.ts), so they survive a restart;
 * their Ids come from a persistent counter, so they never repeat. A job is visible and actionable only by
 * its creator, or by a user with Modify All Data or Manage Data Integrations; anyone else gets the 404 of a
 * job that does not exist. Jobs are processed in the background one internal batch per turn of the event
 * loop so that clients can poll while a job runs, as they do against an org.
 */
import type { RequestContext } from '../context';
import { SalesforceError } from '../errors';
import { makeId, normalizeId } from '../ids';
import type { OrgRuntime } from '../rest/context';
import { formatDateTime } from '../values';
import { COLUMN_DELIMITERS, type ColumnDelimiter, type LineEnding } from './csv';
import type { BulkData, JobRecord, JobState, JobType } from './data';

export type { JobRecord, JobState } from './data';

export const isFinished = (state: JobState): boolean =>
  state === 'JobComplete' || state === 'Failed' || state === 'Aborted';

/** States in which the background runner works on the job. */
export const isRunning = (state: JobState): boolean => state === 'UploadComplete' || state === 'InProgress';

/** The errorMessage of a job that was running when the org stopped (see BulkData.recoverInterrupted). */
export const INTERRUPTED_MESSAGES: Record<JobType, string> = {
  V2Ingest:
    'InternalServerError : The local org stopped while this job was running. numberRecordsProcessed and numberRecordsFailed count the records processed before it stopped; the others are in unprocessedrecords.',
  V2Query:
    'InternalServerError : The local org stopped while this job was running. Create a new query job to run the query again.',
};

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
export function baseInfo(job: JobRecord): Record<string, unknown> {
  return {
    id: job.id,
    operation: job.operation,
    object: job.object,
    createdById: job.createdById,
    createdDate: formatDateTime(job.createdDate),
    systemModstamp: formatDateTime(job.systemModstamp),
    state: job.state,
  };
}

/** A job's work, one internal batch per call; returns true while there is more to do. */
export type JobStep = () => boolean;

const JOB_KEY_PREFIX = '750';

const jobNotFound = (): SalesforceError =>
  new SalesforceError(404, 'NOT_FOUND', 'The requested resource does not exist');

/** The stored jobs of one type (ingest or query), as each caller may see them. */
export class JobStore<J extends JobRecord> {
  constructor(
    private readonly org: OrgRuntime,
    private readonly data: BulkData,
    private readonly jobType: JobType,
  ) {}

  /** A new job Id, from a counter that survives restarts. */
  nextId(): string {
    const row = this.org.storage
      .statement(
        `INSERT INTO _localorg_counters (prefix, next) VALUES ('bulkjob', 1) ON CONFLICT(prefix) DO UPDATE SET next = next + 1 RETURNING next`,
      )
      .get() as { next: number };
    return makeId(JOB_KEY_PREFIX, row.next);
  }

  /**
   * The job an Id names (15 or 18 characters) when the caller may see it; otherwise the 404 of a job that
   * does not exist, so that other users' jobs cannot even be told apart from missing ones.
   */
  get(ctx: RequestContext, rawId: string): J {
    const job = this.find(normalizeId(rawId) ?? '');
    if (!job || !this.visible(ctx, job)) throw jobNotFound();
    return job;
  }

  /** The jobs the caller may see, in creation order. */
  list(ctx: RequestContext): J[] {
    return this.data.jobs(this.jobType, this.seesAll(ctx) ? undefined : ctx.userId) as J[];
  }

  /** The job as stored now, whoever asks (the background runner). */
  find(id: string): J | undefined {
    const job = this.data.job(id);
    return job?.jobType === this.jobType ? (job as J) : undefined;
  }

  private visible(ctx: RequestContext, job: J): boolean {
    return job.createdById === ctx.userId || this.seesAll(ctx);
  }

  /** Modify All Data or Manage Data Integrations: every user's jobs, as in an org. */
  private seesAll(ctx: RequestContext): boolean {
    const access = this.org.dml.security.forContext(ctx);
    return access.hasSystemPermission('ModifyAllData') || access.hasSystemPermission('ManageDataIntegrations');
  }
}

interface RunningJob {
  step: JobStep;
  onError: (error: unknown) => void;
  remaining: () => number;
}

/** A job's work left; one that cannot say (its count failed to read) goes first, and its step reports why. */
function workLeft(job: RunningJob): number {
  try {
    return job.remaining();
  } catch {
    return 0;
  }
}

/**
 * Runs job steps in the background, one step per turn of the event loop, until they are done or the org
 * closes. Each turn steps the job with the least work left (the earliest started among equals), not each job
 * in turn: shortest-remaining-first ends jobs soonest on average, and a client that keeps a few jobs going
 * works on one job's results while the org writes the next, instead of every job ending together and the org
 * then waiting for the client.
 */
export class JobRunner {
  private closed = false;
  private readonly jobs = new Set<RunningJob>();
  private handle: NodeJS.Immediate | undefined;

  /** `remaining` is the job's work left in rows (0 when unknown: such a job goes first). */
  run(step: JobStep, onError: (error: unknown) => void, remaining: () => number = () => 0): void {
    if (this.closed) return;
    this.jobs.add({ step, onError, remaining });
    this.schedule();
  }

  close(): void {
    this.closed = true;
    if (this.handle) clearImmediate(this.handle);
    this.handle = undefined;
    this.jobs.clear();
  }

  private schedule(): void {
    if (this.handle || this.jobs.size === 0) return;
    this.handle = setImmediate(() => {
      this.handle = undefined;
      if (this.closed) return;
      this.turn();
      this.schedule();
    });
  }

  private turn(): void {
    let next: RunningJob | undefined;
    let least = 0;
    for (const job of this.jobs) {
      const left = workLeft(job);
      // A set keeps the order jobs were started in: among equals, the first started wins.
      if (next === undefined || left < least) {
        next = job;
        least = left;
      }
    }
    if (!next) return;
    let more = false;
    try {
      more = next.step();
    } catch (error) {
      next.onError(error);
    }
    if (!more) this.jobs.delete(next);
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
