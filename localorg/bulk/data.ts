/**
 * The rows of Bulk API 2.0 jobs, kept in the org's database rather than in the server's memory: an ingest
 * job's uploaded rows with each row's result, a query job's result lines. A large load (a million rows)
 * would otherwise hold every row as JavaScript strings for the life of the server. Jobs themselves live
 * in memory for the life of the server, so the rows of an earlier run are cleared on startup.
 */
import type { Storage } from '../storage';

/** What became of an ingest row. */
export type RowOutcome = { ok: true; id: string; created: boolean } | { ok: false; id: string; error: string };

const INGEST = '_localorg_bulk_ingest_rows';
const QUERY = '_localorg_bulk_query_lines';

export class BulkData {
  constructor(private readonly storage: Storage) {
    const db = storage.db;
    db.exec(`DROP TABLE IF EXISTS ${INGEST}`);
    db.exec(`DROP TABLE IF EXISTS ${QUERY}`);
    // ok: null until the row is processed, then 1 (written) or 0 (failed with error).
    db.exec(
      `CREATE TABLE ${INGEST} (job TEXT NOT NULL, idx INTEGER NOT NULL, fields TEXT NOT NULL, ok INTEGER, id TEXT, created INTEGER, error TEXT, PRIMARY KEY (job, idx)) WITHOUT ROWID`,
    );
    db.exec(
      `CREATE TABLE ${QUERY} (job TEXT NOT NULL, idx INTEGER NOT NULL, line TEXT NOT NULL, PRIMARY KEY (job, idx)) WITHOUT ROWID`,
    );
  }

  /** Stores an ingest job's parsed rows, numbered from 0. */
  addIngestRows(job: string, rows: string[][]): void {
    const insert = this.storage.statement(`INSERT INTO ${INGEST} (job, idx, fields) VALUES (?, ?, ?)`);
    this.storage.db.transaction(() => {
      rows.forEach((row, idx) => insert.run(job, idx, JSON.stringify(row)));
    })();
  }

  /** Rows `from` (inclusive) to `to` (exclusive) of an ingest job, in order. */
  ingestRows(job: string, from: number, to: number): string[][] {
    const rows = this.storage
      .statement(`SELECT fields FROM ${INGEST} WHERE job = ? AND idx >= ? AND idx < ? ORDER BY idx`)
      .pluck(true)
      .all(job, from, to) as string[];
    return rows.map((fields) => JSON.parse(fields) as string[]);
  }

  setOutcome(job: string, idx: number, outcome: RowOutcome): void {
    this.storage
      .statement(`UPDATE ${INGEST} SET ok = ?, id = ?, created = ?, error = ? WHERE job = ? AND idx = ?`)
      .run(
        outcome.ok ? 1 : 0,
        outcome.id,
        outcome.ok ? (outcome.created ? 1 : 0) : null,
        outcome.ok ? null : outcome.error,
        job,
        idx,
      );
  }

  /** Processed rows that were written (`ok`) or failed, in upload order, with their fields. */
  *processed(job: string, ok: boolean): Generator<{ fields: string[]; id: string; created: boolean; error: string }> {
    const rows = this.storage
      .statement(`SELECT fields, id, created, error FROM ${INGEST} WHERE job = ? AND ok = ? ORDER BY idx`)
      .iterate(job, ok ? 1 : 0) as IterableIterator<{
      fields: string;
      id: string;
      created: number | null;
      error: string | null;
    }>;
    for (const row of rows) {
      yield {
        fields: JSON.parse(row.fields) as string[],
        id: row.id,
        created: row.created === 1,
        error: row.error ?? '',
      };
    }
  }

  /** Rows never processed (the job stopped before them), in upload order. */
  *unprocessed(job: string): Generator<string[]> {
    const rows = this.storage
      .statement(`SELECT fields FROM ${INGEST} WHERE job = ? AND ok IS NULL ORDER BY idx`)
      .pluck(true)
      .iterate(job) as IterableIterator<string>;
    for (const fields of rows) yield JSON.parse(fields) as string[];
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

  /** Forgets a job's rows (the job was deleted). */
  deleteJob(job: string): void {
    this.storage.statement(`DELETE FROM ${INGEST} WHERE job = ?`).run(job);
    this.storage.statement(`DELETE FROM ${QUERY} WHERE job = ?`).run(job);
  }
}
