/** Helpers for Bulk API 2.0 tests through jsforce's `conn.bulk2`. */
import type { Connection } from 'jsforce';

export type CsvRecord = Record<string, string>;

export interface IngestResults {
  successfulResults: CsvRecord[];
  failedResults: CsvRecord[];
  unprocessedRecords: CsvRecord[];
}

/** Polls quickly: the local org finishes small jobs in milliseconds. */
export function fastPolling(conn: Connection): void {
  conn.bulk2.pollInterval = 20;
  conn.bulk2.pollTimeout = 60_000;
}

/** `loadAndWaitForResults` with CSV text (which keeps columns exactly as written) or records. */
export async function load(
  conn: Connection,
  object: string,
  operation: 'insert' | 'update' | 'upsert' | 'delete' | 'hardDelete',
  input: string | Record<string, unknown>[],
  externalIdFieldName?: string,
): Promise<IngestResults> {
  const results = await conn.bulk2.loadAndWaitForResults({
    object,
    operation,
    input: input as never,
    ...(externalIdFieldName ? { externalIdFieldName } : {}),
  });
  return results as unknown as IngestResults;
}

/** Every record of a Bulk API 2.0 query, through jsforce's record stream. */
export async function bulkQuery(conn: Connection, soql: string, scanAll = false): Promise<CsvRecord[]> {
  const stream = await conn.bulk2.query(soql, { scanAll, pollInterval: 20, pollTimeout: 60_000 });
  return new Promise((resolve, reject) => {
    const rows: CsvRecord[] = [];
    stream.on('record', (row: CsvRecord) => rows.push(row));
    stream.on('end', () => resolve(rows));
    stream.on('error', reject);
  });
}
