/**
 * Reading through SOQL with the retry policy: every page of a large result, and aggregate results larger
 * than one response (aggregate queries have no query locator) by keyset paging on their first group key.
 */
import type { OrgSession } from './connection';
import { withRetry } from './retry';

interface QueryPage<T> {
  totalSize: number;
  done: boolean;
  nextRecordsUrl?: string;
  records: T[];
}

/** Every record of a query, page by page (each page retried on transient failures). */
export async function queryAll<T>(session: OrgSession, soql: string, onPage?: (records: T[]) => void): Promise<T[]> {
  const conn = session.conn;
  const base = `/services/data/v${conn.version}`;
  const records: T[] = [];
  let page = await withRetry(() => conn.request<QueryPage<T>>(`${base}/query?q=${encodeURIComponent(soql)}`));
  for (;;) {
    records.push(...page.records);
    onPage?.(page.records);
    if (page.done || !page.nextRecordsUrl) return records;
    const next = page.nextRecordsUrl;
    page = await withRetry(() => conn.request<QueryPage<T>>(next));
  }
}

/** The most aggregate rows a query may return: aggregate results cannot be paged with a locator. */
export const AGGREGATE_PAGE = 2000;

export class AggregateSplitError extends Error {
  override name = 'AggregateSplitError';
}

/**
 * Runs an aggregate query grouped and ordered by a key, 2000 groups at a time: a full page may cut the last key's
 * groups short, so its rows are dropped and the next page starts at that key (`key >= last`).
 * `build(cursor)` returns the SOQL for rows whose key is at or after the cursor (no cursor: from the start).
 */
export async function aggregateAll<T extends Record<string, unknown>>(
  session: OrgSession,
  keyAlias: string,
  build: (cursor: string | undefined) => string,
): Promise<{ rows: T[]; queries: number }> {
  const rows: T[] = [];
  let cursor: string | undefined;
  let queries = 0;
  for (;;) {
    const page = await queryAll<T>(session, build(cursor));
    queries++;
    if (page.length < AGGREGATE_PAGE) {
      rows.push(...page);
      return { rows, queries };
    }
    const last = String(page[page.length - 1][keyAlias]);
    const complete = page.filter((row) => String(row[keyAlias]) !== last);
    if (complete.length === 0) {
      throw new AggregateSplitError(`more than ${AGGREGATE_PAGE} groups for the single key ${last}`);
    }
    rows.push(...complete);
    cursor = last;
  }
}

/** A SOQL string literal: backslashes and quotes escaped. */
export const soqlString = (value: string): string => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/**
 * A query with `WHERE field IN (values)` for any number of values, in chunks: a query travels in the
 * URL, whose length the API limits (about 16 KB), so long IN lists are split.
 */
export async function queryIn<T>(
  session: OrgSession,
  select: string,
  field: string,
  values: string[],
  chunk = 100,
): Promise<T[]> {
  const records: T[] = [];
  const unique = [...new Set(values)];
  for (let i = 0; i < unique.length; i += chunk) {
    const list = unique
      .slice(i, i + chunk)
      .map(soqlString)
      .join(', ');
    records.push(...(await queryAll<T>(session, `${select} WHERE ${field} IN (${list})`)));
  }
  return records;
}
