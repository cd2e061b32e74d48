/**
 * Bulk API 1.0 jobs and batches in the org's database (`_localorg_bulk1_jobs`, `_localorg_bulk1_batches`), so
 * they survive a restart as Bulk API 2.0 jobs do. A batch's rows are not kept here: each batch runs as an
 * internal Bulk API 2.0 job (bulk/ingest.ts or bulk/query.ts) of the same user, whose Id the batch records
 * and whose rows, outcomes and state are the batch's. A batch refused before it could run (a malformed body,
 * too many records) has no internal job and records its Failed state message instead.
 *
 * Job Ids come from the Bulk API 2.0 job counter (both are 750 Ids, so they never collide); batch Ids are 751.
 * As in Salesforce, jobs are deleted seven days after their creation (at start), with their batches.
 */
import { makeId } from '../ids';
import { JOB_LIFESPAN_MS } from '../bulk/data';
import type { Storage } from '../storage';

export type Job1State = 'Open' | 'Closed' | 'Aborted' | 'Failed';
export type Job1ContentType = 'CSV' | 'JSON';

export interface Job1 {
  id: string;
  object: string;
  operation: string;
  externalIdFieldName: string | null;
  contentType: Job1ContentType;
  concurrencyMode: 'Parallel' | 'Serial';
  createdById: string;
  /** ISO 8601 instants. */
  createdDate: string;
  systemModstamp: string;
  state: Job1State;
  apiVersion: string;
}

export interface Batch1 {
  id: string;
  jobId: string;
  /** The internal Bulk API 2.0 job that runs the batch, or null when it was refused before running. */
  innerJobId: string | null;
  createdDate: string;
  /** Failed before running: the state message. */
  failure: string | null;
}

const JOBS = '_localorg_bulk1_jobs';
const BATCHES = '_localorg_bulk1_batches';

interface JobRow {
  id: string;
  object: string;
  operation: string;
  external_id_field: string | null;
  content_type: Job1ContentType;
  concurrency_mode: 'Parallel' | 'Serial';
  created_by: string;
  created_date: string;
  system_modstamp: string;
  state: Job1State;
  api_version: string;
}

interface BatchRow {
  id: string;
  job: string;
  inner_job: string | null;
  created_date: string;
  failure: string | null;
}

const toJob = (row: JobRow): Job1 => ({
  id: row.id,
  object: row.object,
  operation: row.operation,
  externalIdFieldName: row.external_id_field,
  contentType: row.content_type,
  concurrencyMode: row.concurrency_mode,
  createdById: row.created_by,
  createdDate: row.created_date,
  systemModstamp: row.system_modstamp,
  state: row.state,
  apiVersion: row.api_version,
});

const toBatch = (row: BatchRow): Batch1 => ({
  id: row.id,
  jobId: row.job,
  innerJobId: row.inner_job,
  createdDate: row.created_date,
  failure: row.failure,
});

export class Bulk1Store {
  constructor(
    private readonly storage: Storage,
    now: Date,
  ) {
    storage.db.exec(
      `CREATE TABLE IF NOT EXISTS ${JOBS} (id TEXT PRIMARY KEY, object TEXT NOT NULL, operation TEXT NOT NULL, external_id_field TEXT, content_type TEXT NOT NULL, concurrency_mode TEXT NOT NULL, created_by TEXT NOT NULL, created_date TEXT NOT NULL, system_modstamp TEXT NOT NULL, state TEXT NOT NULL, api_version TEXT NOT NULL)`,
    );
    storage.db.exec(
      `CREATE TABLE IF NOT EXISTS ${BATCHES} (id TEXT PRIMARY KEY, job TEXT NOT NULL, inner_job TEXT, created_date TEXT NOT NULL, failure TEXT)`,
    );
    storage.db.exec(`CREATE INDEX IF NOT EXISTS ${BATCHES}_job ON ${BATCHES} (job)`);
    storage.db.exec(`CREATE INDEX IF NOT EXISTS ${BATCHES}_inner_job ON ${BATCHES} (inner_job)`);
    // Jobs past their lifespan go with their batches (their internal jobs expire with the Bulk API 2.0 jobs).
    const cutoff = new Date(now.getTime() - JOB_LIFESPAN_MS).toISOString();
    storage.db.transaction(() => {
      storage.db
        .prepare(`DELETE FROM ${BATCHES} WHERE job IN (SELECT id FROM ${JOBS} WHERE created_date < ?)`)
        .run(cutoff);
      storage.db.prepare(`DELETE FROM ${JOBS} WHERE created_date < ?`).run(cutoff);
    })();
  }

  private nextId(counter: string, prefix: string): string {
    const row = this.storage
      .statement(
        `INSERT INTO _localorg_counters (prefix, next) VALUES (?, 1) ON CONFLICT(prefix) DO UPDATE SET next = next + 1 RETURNING next`,
      )
      .get(counter) as { next: number };
    return makeId(prefix, row.next);
  }

  insertJob(job: Omit<Job1, 'id'>): Job1 {
    // The Bulk API 2.0 job counter: Bulk API 1.0 and 2.0 job Ids share the 750 prefix.
    const created = { ...job, id: this.nextId('bulkjob', '750') };
    this.storage
      .statement(
        `INSERT INTO ${JOBS} (id, object, operation, external_id_field, content_type, concurrency_mode, created_by, created_date, system_modstamp, state, api_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        created.id,
        created.object,
        created.operation,
        created.externalIdFieldName,
        created.contentType,
        created.concurrencyMode,
        created.createdById,
        created.createdDate,
        created.systemModstamp,
        created.state,
        created.apiVersion,
      );
    return created;
  }

  job(id: string): Job1 | undefined {
    const row = this.storage.statement(`SELECT * FROM ${JOBS} WHERE id = ?`).get(id) as JobRow | undefined;
    return row ? toJob(row) : undefined;
  }

  setJobState(job: Job1, state: Job1State, now: Date): void {
    job.state = state;
    job.systemModstamp = now.toISOString();
    this.storage
      .statement(`UPDATE ${JOBS} SET state = ?, system_modstamp = ? WHERE id = ?`)
      .run(state, job.systemModstamp, job.id);
  }

  insertBatch(jobId: string, innerJobId: string | null, failure: string | null, now: Date): Batch1 {
    const batch: Batch1 = {
      id: this.nextId('bulk1batch', '751'),
      jobId,
      innerJobId,
      createdDate: now.toISOString(),
      failure,
    };
    this.storage
      .statement(`INSERT INTO ${BATCHES} (id, job, inner_job, created_date, failure) VALUES (?, ?, ?, ?, ?)`)
      .run(batch.id, jobId, innerJobId, batch.createdDate, failure);
    return batch;
  }

  batch(jobId: string, id: string): Batch1 | undefined {
    const row = this.storage.statement(`SELECT * FROM ${BATCHES} WHERE id = ? AND job = ?`).get(id, jobId) as
      BatchRow | undefined;
    return row ? toBatch(row) : undefined;
  }

  /** Whether a Bulk API 2.0 job runs one of the batches. */
  runsBatch(innerJobId: string): boolean {
    return this.storage.statement(`SELECT 1 FROM ${BATCHES} WHERE inner_job = ?`).get(innerJobId) !== undefined;
  }

  /** A job's batches in creation order. */
  batches(jobId: string): Batch1[] {
    const rows = this.storage
      .statement(`SELECT * FROM ${BATCHES} WHERE job = ? ORDER BY rowid`)
      .all(jobId) as BatchRow[];
    return rows.map(toBatch);
  }
}
