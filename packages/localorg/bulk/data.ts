/**
 * Bulk API 2.0 jobs in the org's database: each job's properties (one row of `_localorg_bulk_jobs`, with
 * every property job info answers and the processing position), an ingest job's upload as it arrived, in
 * parts cut at record boundaries that say which rows they hold (so processing and results read the rows back
 * a part at a time, and an upload that does not parse is returned as uploaded), each processed row's outcome
 * in a narrow table of its own, and a query job's result lines. The upload is stored once: its rows are not
 * copied into a second table, and an outcome does not rewrite them. Nothing is kept in the server's memory (a
 * million-row load would otherwise hold every row as JavaScript strings), results are read back a page at a
 * time, and jobs survive a restart of the org on the same data folder.
 *
 * Tables are created if missing. A job interrupted by a stop or a crash (UploadComplete or InProgress at startup) becomes Failed with what
 * it had committed: rows are written one internal batch per transaction together with their outcomes and
 * the job's counters, so the counts recovered from the rows are exact. As in Salesforce ("Job and Batch
 * Lifespan"), jobs older than seven days are deleted, whatever their state: at startup, with their rows.
 */
import type { Storage } from '../storage';
import { COLUMN_DELIMITERS, csvLine, lineBreak, readAcceptedRows, type ColumnDelimiter, type LineEnding } from './csv';

export type JobState = 'Open' | 'UploadComplete' | 'InProgress' | 'JobComplete' | 'Failed' | 'Aborted';
export type JobType = 'V2Ingest' | 'V2Query';

/** A job's stored properties. */
export interface JobRecord {
  id: string;
  jobType: JobType;
  operation: string;
  /** The object's API name. */
  object: string;
  externalIdFieldName: string | null;
  createdById: string;
  /** ISO 8601 instants. */
  createdDate: string;
  systemModstamp: string;
  state: JobState;
  /** e.g. the project's API_VERSION (no "v"). */
  apiVersion: string;
  lineEnding: LineEnding;
  columnDelimiter: ColumnDelimiter;
  numberRecordsProcessed: number;
  numberRecordsFailed: number;
  /** Milliseconds spent processing. */
  totalProcessingTime: number;
  errorMessage: string | null;
  /** A query job's SOQL. */
  query: string | null;
  /** Ingest: the CSV header row; query: the result columns. */
  header: string[];
  /** Ingest: rows parsed from the upload. */
  rowCount: number;
  /** Ingest: rows handled so far; the rest are unprocessed when the job stops early. */
  position: number;
  /** Ingest: the job's one CSV upload was received. */
  uploaded: boolean;
  /** Ingest: why the upload could not be parsed (the job fails with it at UploadComplete). */
  uploadError?: string | null;
  /** Ingest: processing began (InProgress); until then unprocessedrecords returns the upload as uploaded. */
  started?: boolean;
}

/** What became of an ingest row. */
export type RowOutcome = { ok: true; id: string; created: boolean } | { ok: false; id: string; error: string };

const JOBS = '_localorg_bulk_jobs';
const OUTCOMES = '_localorg_bulk_ingest_outcomes';
/** Where earlier versions kept each parsed row (as JSON) with its outcome; moved into parts and outcomes. */
const LEGACY_ROWS = '_localorg_bulk_ingest_rows';
const QUERY = '_localorg_bulk_query_lines';
const PARTS = '_localorg_bulk_upload_parts';
/** Rows read per statement when results are listed, so that no statement stays open between pages. */
const PAGE = 1000;

/** A job row as SQLite returns it. */
interface JobRow {
  id: string;
  job_type: JobType;
  operation: string;
  object: string;
  external_id_field: string | null;
  created_by: string;
  created_date: string;
  system_modstamp: string;
  state: JobState;
  api_version: string;
  line_ending: LineEnding;
  column_delimiter: ColumnDelimiter;
  records_processed: number;
  records_failed: number;
  processing_time: number;
  error_message: string | null;
  query: string | null;
  header: string;
  row_count: number;
  position: number;
  uploaded: number;
  upload_error: string | null;
  started: number;
}

/** Every column but the upload, which only the ingest reads, when it parses or returns it. */
const JOB_COLUMNS =
  'id, job_type, operation, object, external_id_field, created_by, created_date, system_modstamp, state, api_version, line_ending, column_delimiter, records_processed, records_failed, processing_time, error_message, query, header, row_count, position, uploaded, upload_error, started';

function toRecord(row: JobRow): JobRecord {
  return {
    id: row.id,
    jobType: row.job_type,
    operation: row.operation,
    object: row.object,
    externalIdFieldName: row.external_id_field,
    createdById: row.created_by,
    createdDate: row.created_date,
    systemModstamp: row.system_modstamp,
    state: row.state,
    apiVersion: row.api_version,
    lineEnding: row.line_ending,
    columnDelimiter: row.column_delimiter,
    numberRecordsProcessed: row.records_processed,
    numberRecordsFailed: row.records_failed,
    totalProcessingTime: row.processing_time,
    errorMessage: row.error_message,
    query: row.query,
    header: JSON.parse(row.header) as string[],
    rowCount: row.row_count,
    position: row.position,
    uploaded: row.uploaded === 1,
    uploadError: row.upload_error,
    started: row.started === 1,
  };
}

/** The values of JOB_COLUMNS, in order. */
const toValues = (job: JobRecord): (string | number | null)[] => [
  job.id,
  job.jobType,
  job.operation,
  job.object,
  job.externalIdFieldName,
  job.createdById,
  job.createdDate,
  job.systemModstamp,
  job.state,
  job.apiVersion,
  job.lineEnding,
  job.columnDelimiter,
  job.numberRecordsProcessed,
  job.numberRecordsFailed,
  job.totalProcessingTime,
  job.errorMessage,
  job.query,
  JSON.stringify(job.header),
  job.rowCount,
  job.position,
  job.uploaded ? 1 : 0,
  job.uploadError ?? null,
  job.started ? 1 : 0,
];

/** Salesforce deletes Bulk API jobs, and their data, seven days after they were created. */
export const JOB_LIFESPAN_MS = 7 * 24 * 60 * 60 * 1000;

/** A stored piece of an upload that holds rows: its text, the index of its first row (-1: the header), how many. */
interface PartRow {
  text: string;
  first_row: number;
  row_count: number;
}

/** A processed row's outcome as stored. */
interface OutcomeRow {
  idx: number;
  ok: number;
  id: string;
  created: number | null;
  error: string | null;
}

/** Rows written per regenerated part when an earlier version's rows are moved into parts. */
const LEGACY_PART_ROWS = 500;

export class BulkData {
  constructor(private readonly storage: Storage) {
    const db = storage.db;
    // Before the jobs table, jobs lived in memory: any row tables left by those versions belong to no job.
    const hadJobs = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(JOBS);
    if (!hadJobs) {
      db.exec(`DROP TABLE IF EXISTS ${LEGACY_ROWS}`);
      db.exec(`DROP TABLE IF EXISTS ${QUERY}`);
    }
    db.exec(
      `CREATE TABLE IF NOT EXISTS ${JOBS} (id TEXT PRIMARY KEY, job_type TEXT NOT NULL, operation TEXT NOT NULL, object TEXT NOT NULL, external_id_field TEXT, created_by TEXT NOT NULL, created_date TEXT NOT NULL, system_modstamp TEXT NOT NULL, state TEXT NOT NULL, api_version TEXT NOT NULL, line_ending TEXT NOT NULL, column_delimiter TEXT NOT NULL, records_processed INTEGER NOT NULL, records_failed INTEGER NOT NULL, processing_time INTEGER NOT NULL, error_message TEXT, query TEXT, header TEXT NOT NULL, row_count INTEGER NOT NULL, position INTEGER NOT NULL, uploaded INTEGER NOT NULL, upload TEXT)`,
    );
    db.exec(`CREATE INDEX IF NOT EXISTS ${JOBS}_creator ON ${JOBS} (created_by)`);
    const columns = db.prepare(`SELECT name FROM pragma_table_info('${JOBS}')`).pluck(true).all() as string[];
    if (!columns.includes('upload_error')) db.exec(`ALTER TABLE ${JOBS} ADD COLUMN upload_error TEXT`);
    db.exec(
      `CREATE TABLE IF NOT EXISTS ${PARTS} (job TEXT NOT NULL, idx INTEGER NOT NULL, text TEXT NOT NULL, PRIMARY KEY (job, idx))`,
    );
    const partColumns = db.prepare(`SELECT name FROM pragma_table_info('${PARTS}')`).pluck(true).all() as string[];
    if (!partColumns.includes('first_row')) {
      db.exec(`ALTER TABLE ${PARTS} ADD COLUMN first_row INTEGER`);
      db.exec(`ALTER TABLE ${PARTS} ADD COLUMN row_count INTEGER NOT NULL DEFAULT 0`);
    }
    db.exec(`CREATE INDEX IF NOT EXISTS ${PARTS}_rows ON ${PARTS} (job, first_row)`);
    // ok: 1 (written) or 0 (failed with error); a row not processed has no outcome.
    db.exec(
      `CREATE TABLE IF NOT EXISTS ${OUTCOMES} (job TEXT NOT NULL, idx INTEGER NOT NULL, ok INTEGER NOT NULL, id TEXT NOT NULL, created INTEGER, error TEXT, PRIMARY KEY (job, idx)) WITHOUT ROWID`,
    );
    db.exec(
      `CREATE TABLE IF NOT EXISTS ${QUERY} (job TEXT NOT NULL, idx INTEGER NOT NULL, line TEXT NOT NULL, PRIMARY KEY (job, idx)) WITHOUT ROWID`,
    );
    db.transaction(() => {
      // Earlier versions kept a whole upload in the jobs table; it becomes the upload's one part.
      db.exec(
        `INSERT OR IGNORE INTO ${PARTS} (job, idx, text) SELECT id, 0, upload FROM ${JOBS} WHERE upload IS NOT NULL`,
      );
      db.exec(`UPDATE ${JOBS} SET upload = NULL WHERE upload IS NOT NULL`);
      if (!columns.includes('started')) {
        db.exec(`ALTER TABLE ${JOBS} ADD COLUMN started INTEGER NOT NULL DEFAULT 0`);
        // Those versions dropped an upload's text when processing began.
        db.exec(
          `UPDATE ${JOBS} SET started = 1 WHERE job_type = 'V2Ingest' AND state <> 'Open' AND NOT EXISTS (SELECT 1 FROM ${PARTS} WHERE job = ${JOBS}.id)`,
        );
      }
      this.moveLegacyRows();
    })();
  }

  /**
   * Earlier versions kept each parsed row as JSON with its outcome, and the upload's text beside it until
   * processing began: that text stays as it is (parsed again when the job runs); a job that had begun gets
   * its rows back as parts of CSV text in the job's format, and the outcomes move over.
   */
  private moveLegacyRows(): void {
    const db = this.storage.db;
    if (!db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(LEGACY_ROWS)) return;
    const jobs = db.prepare(`SELECT DISTINCT job FROM ${LEGACY_ROWS}`).pluck(true).all() as string[];
    for (const id of jobs) {
      const job = this.job(id);
      if (!job || this.hasUploadParts(id)) continue;
      const delimiter = COLUMN_DELIMITERS[job.columnDelimiter];
      const end = lineBreak(job.lineEnding);
      this.addUploadPart(id, 0, csvLine(job.header, delimiter) + end, -1, 1);
      // A part's worth of rows at a time: a job's rows whole could be a 100 MB upload's, as JSON.
      const page = db.prepare(
        `SELECT idx, fields FROM ${LEGACY_ROWS} WHERE job = ? AND idx > ? ORDER BY idx LIMIT ${LEGACY_PART_ROWS}`,
      );
      for (let after = -1, first = 0, part = 1; ; part++) {
        const rows = page.all(id, after) as { idx: number; fields: string }[];
        if (rows.length === 0) break;
        const lines = rows.map((row) => csvLine(JSON.parse(row.fields) as string[], delimiter) + end);
        this.addUploadPart(id, part, lines.join(''), first, lines.length);
        first += rows.length;
        after = rows[rows.length - 1].idx;
      }
      db.prepare(
        `INSERT INTO ${OUTCOMES} (job, idx, ok, id, created, error) SELECT job, idx, ok, COALESCE(id, ''), created, error FROM ${LEGACY_ROWS} WHERE job = ? AND ok IS NOT NULL`,
      ).run(id);
    }
    db.exec(`DROP TABLE ${LEGACY_ROWS}`);
  }

  /**
   * Startup: jobs older than their lifespan are deleted with their rows; jobs that were being processed when
   * the org stopped (or crashed) become Failed with the message for their type, their counts taken from the
   * row outcomes that were committed.
   */
  recoverInterrupted(now: Date, messages: Record<JobType, string>): void {
    const db = this.storage.db;
    db.transaction(() => {
      const expired = db
        .prepare(`SELECT id FROM ${JOBS} WHERE created_date < ?`)
        .pluck(true)
        .all(new Date(now.getTime() - JOB_LIFESPAN_MS).toISOString()) as string[];
      for (const id of expired) this.deleteJob(id);
      const interrupted = db
        .prepare(`SELECT id, job_type FROM ${JOBS} WHERE state IN ('UploadComplete', 'InProgress')`)
        .all() as { id: string; job_type: JobType }[];
      for (const { id, job_type: jobType } of interrupted) {
        let processed: number;
        let failed = 0;
        if (jobType === 'V2Ingest') {
          const counts = db
            .prepare(`SELECT COUNT(*) AS processed, COALESCE(SUM(ok = 0), 0) AS failed FROM ${OUTCOMES} WHERE job = ?`)
            .get(id) as { processed: number; failed: number };
          processed = counts.processed;
          failed = counts.failed;
        } else {
          processed = (db.prepare(`SELECT COUNT(*) FROM ${QUERY} WHERE job = ?`).pluck(true).get(id) as number) ?? 0;
        }
        db.prepare(
          `UPDATE ${JOBS} SET state = 'Failed', error_message = ?, records_processed = ?, records_failed = ?, position = ?, system_modstamp = ? WHERE id = ?`,
        ).run(messages[jobType], processed, failed, processed, now.toISOString(), id);
      }
    })();
  }

  insertJob(job: JobRecord): void {
    const placeholders = JOB_COLUMNS.split(', ')
      .map(() => '?')
      .join(', ');
    this.storage.statement(`INSERT INTO ${JOBS} (${JOB_COLUMNS}) VALUES (${placeholders})`).run(...toValues(job));
  }

  /** Writes a job's properties back (the Id never changes). */
  saveJob(job: JobRecord): void {
    const [id, ...values] = toValues(job);
    const assignments = JOB_COLUMNS.split(', ')
      .slice(1)
      .map((column) => `${column} = ?`)
      .join(', ');
    this.storage.statement(`UPDATE ${JOBS} SET ${assignments} WHERE id = ?`).run(...values, id);
  }

  job(id: string): JobRecord | undefined {
    const row = this.storage.statement(`SELECT ${JOB_COLUMNS} FROM ${JOBS} WHERE id = ?`).get(id) as JobRow | undefined;
    return row ? toRecord(row) : undefined;
  }

  /** Jobs of a type in creation order, all of them or those one user created. */
  jobs(jobType: JobType, createdById?: string): JobRecord[] {
    const rows = (
      createdById === undefined
        ? this.storage.statement(`SELECT ${JOB_COLUMNS} FROM ${JOBS} WHERE job_type = ? ORDER BY rowid`).all(jobType)
        : this.storage
            .statement(`SELECT ${JOB_COLUMNS} FROM ${JOBS} WHERE job_type = ? AND created_by = ? ORDER BY rowid`)
            .all(jobType, createdById)
    ) as JobRow[];
    return rows.map(toRecord);
  }

  /** Forgets what an upload left (its text and any outcomes), before a new upload or after one that did not finish. */
  discardUpload(job: string): void {
    this.storage.statement(`DELETE FROM ${OUTCOMES} WHERE job = ?`).run(job);
    this.clearUploadParts(job);
  }

  /**
   * Keeps a piece of an upload's text, numbered from 0: parsed, with the rows it holds (`firstRow` -1 when the
   * first is the header), or as it came (`firstRow` null) once the upload turned out not to parse.
   */
  addUploadPart(job: string, idx: number, text: string, firstRow: number | null, rowCount: number): void {
    this.storage
      .statement(`INSERT INTO ${PARTS} (job, idx, text, first_row, row_count) VALUES (?, ?, ?, ?, ?)`)
      .run(job, idx, text, firstRow, rowCount);
  }

  /** The upload did not parse: its parts are kept as text only, holding no rows. */
  forgetRows(job: string): void {
    this.storage.statement(`UPDATE ${PARTS} SET first_row = NULL, row_count = 0 WHERE job = ?`).run(job);
  }

  clearUploadParts(job: string): void {
    this.storage.statement(`DELETE FROM ${PARTS} WHERE job = ?`).run(job);
  }

  /** Whether any of the upload's text is kept. */
  hasUploadParts(job: string): boolean {
    return this.storage.statement(`SELECT 1 FROM ${PARTS} WHERE job = ? LIMIT 1`).get(job) !== undefined;
  }

  /** Whether upload text is kept that was never parsed (an earlier version kept uploads whole). */
  hasUnparsedParts(job: string): boolean {
    return (
      this.storage.statement(`SELECT 1 FROM ${PARTS} WHERE job = ? AND first_row IS NULL LIMIT 1`).get(job) !==
      undefined
    );
  }

  /** The kept upload text, a piece at a time. */
  *uploadParts(job: string): Generator<string> {
    const read = this.storage.statement(`SELECT text FROM ${PARTS} WHERE job = ? AND idx = ?`).pluck(true);
    for (let idx = 0; ; idx++) {
      const text = read.get(job, idx) as string | undefined;
      if (text === undefined) return;
      yield text;
    }
  }

  /** The upload has been received: its header, how many rows it gave, and why it did not parse, if it did not. */
  finishUpload(job: string, header: string[], rowCount: number, error: string | null): void {
    this.storage
      .statement(`UPDATE ${JOBS} SET header = ?, row_count = ?, upload_error = ?, uploaded = 1 WHERE id = ?`)
      .run(JSON.stringify(header), rowCount, error, job);
  }

  /**
   * Reads an ingest job's rows back from its upload by index (0 is the first row after the header), one part
   * at a time, keeping the last: rows read in order read each part once. The parts were parsed as they
   * arrived, so they are read back without checking them again.
   */
  rowReader(job: JobRecord): (index: number) => string[] {
    const find = this.storage.statement(
      `SELECT text, first_row, row_count FROM ${PARTS} WHERE job = ? AND first_row <= ? AND first_row + row_count > ? ORDER BY first_row DESC LIMIT 1`,
    );
    const delimiter = COLUMN_DELIMITERS[job.columnDelimiter];
    let first = 0;
    let rows: string[][] = [];
    return (index) => {
      if (index < first || index >= first + rows.length) {
        const part = find.get(job.id, index, index) as PartRow | undefined;
        if (!part) throw new Error(`bulk job ${job.id}: no stored upload holds row ${index}`);
        first = part.first_row;
        rows = readAcceptedRows(part.text, delimiter, job.lineEnding);
      }
      return rows[index - first];
    };
  }

  setOutcome(job: string, idx: number, outcome: RowOutcome): void {
    this.storage
      .statement(`INSERT OR REPLACE INTO ${OUTCOMES} (job, idx, ok, id, created, error) VALUES (?, ?, ?, ?, ?, ?)`)
      .run(
        job,
        idx,
        outcome.ok ? 1 : 0,
        outcome.id,
        outcome.ok ? (outcome.created ? 1 : 0) : null,
        outcome.ok ? null : outcome.error,
      );
  }

  /** Processed rows that were written (`ok`) or failed, in upload order, with their fields; read a page at a time. */
  *processed(
    job: JobRecord,
    ok: boolean,
  ): Generator<{ fields: string[]; id: string; created: boolean; error: string }> {
    const page = this.storage.statement(
      `SELECT idx, id, created, error FROM ${OUTCOMES} WHERE job = ? AND ok = ? AND idx > ? ORDER BY idx LIMIT ${PAGE}`,
    );
    const row = this.rowReader(job);
    for (let after = -1; ;) {
      const outcomes = page.all(job.id, ok ? 1 : 0, after) as OutcomeRow[];
      for (const outcome of outcomes) {
        yield { fields: row(outcome.idx), id: outcome.id, created: outcome.created === 1, error: outcome.error ?? '' };
      }
      if (outcomes.length < PAGE) return;
      after = outcomes[outcomes.length - 1].idx;
    }
  }

  /** Rows never processed (the job stopped before them: rows are processed in order), in upload order. */
  *unprocessed(job: JobRecord): Generator<string[]> {
    const row = this.rowReader(job);
    for (let index = job.position; index < job.rowCount; index++) yield row(index);
  }

  /** Every row's outcome in upload order (`ok` null: not processed), as Bulk API 1.0 batch results list them. */
  *outcomes(job: JobRecord): Generator<{ ok: boolean | null; id: string | null; created: boolean; error: string }> {
    const rows = this.storage
      .statement(`SELECT idx, ok, id, created, error FROM ${OUTCOMES} WHERE job = ? ORDER BY idx`)
      .iterate(job.id) as IterableIterator<OutcomeRow>;
    const notProcessed = { ok: null, id: null, created: false, error: '' };
    let next = 0;
    for (const row of rows) {
      for (; next < row.idx; next++) yield notProcessed;
      next = row.idx + 1;
      yield { ok: row.ok === 1, id: row.id, created: row.created === 1, error: row.error ?? '' };
    }
    for (; next < job.rowCount; next++) yield notProcessed;
  }

  /** Appends result lines to a query job, numbered on from `start`. */
  addQueryLines(job: string, start: number, lines: string[]): void {
    const insert = this.storage.statement(`INSERT INTO ${QUERY} (job, idx, line) VALUES (?, ?, ?)`);
    this.storage.db.transaction(() => {
      lines.forEach((line, i) => insert.run(job, start + i, line));
    })();
  }

  /** Up to `count` result lines of a query job from line `start`. */
  queryLines(job: string, start: number, count: number): string[] {
    return this.storage
      .statement(`SELECT line FROM ${QUERY} WHERE job = ? AND idx >= ? AND idx < ? ORDER BY idx`)
      .pluck(true)
      .all(job, start, start + count) as string[];
  }

  /** Forgets a job and its rows (the job was deleted). */
  deleteJob(job: string): void {
    this.storage.statement(`DELETE FROM ${OUTCOMES} WHERE job = ?`).run(job);
    this.storage.statement(`DELETE FROM ${QUERY} WHERE job = ?`).run(job);
    this.storage.statement(`DELETE FROM ${PARTS} WHERE job = ?`).run(job);
    this.storage.statement(`DELETE FROM ${JOBS} WHERE id = ?`).run(job);
  }
}
