/**
 * Reading through SOQL with the retry policy: every page of a large result, and aggregate results larger
 * than one response (aggregate queries have no query locator) by keyset paging on their first group key.
 */
import type { OrgSession } from './connection';
import { queryPage } from './response';
import { withRetry } from './retry';

/** Every record of a query, page by page (each page retried on transient failures). */
export async function queryAll<T>(session: OrgSession, soql: string, onPage?: (records: T[]) => void): Promise<T[]> {
  const conn = session.conn;
  const base = `/services/data/v${conn.version}`;
  const records: T[] = [];
  // Each page is checked where it arrives: a malformed one names the query instead of failing later.
  const fetchPage = async (url: string, which: string) =>
    queryPage<T>(await withRetry(() => conn.request<unknown>(url)), `the ${which} of the query ${short(soql)}`);
  let page = await fetchPage(`${base}/query?q=${encodeURIComponent(soql)}`, 'response');
  for (;;) {
    records.push(...page.records);
    onPage?.(page.records);
    if (page.done || !page.nextRecordsUrl) return records;
    const next = page.nextRecordsUrl;
    page = await fetchPage(next, `page ${next}`);
  }
}

/** A query for messages: its first 100 characters. */
const short = (soql: string): string => `"${soql.length > 100 ? `${soql.slice(0, 97)}...` : soql}"`;

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

/**
 * Runs an aggregate query restricted to batches of Ids (`field IN (...)`, at most `maxIds` a query, to keep the
 * URL short), instead of keyset paging: each batch is sized so its groups stay under one response, from
 * `weight(id)`, an estimate of the groups an Id has, scaled by the most groups per estimated group seen so
 * far. A batch that comes back full (2000 rows, so perhaps cut short) is split in half and both halves rerun;
 * a single Id with a full result throws AggregateSplitError. `build(ids)` returns the SOQL for those Ids,
 * ending in `LIMIT 2000`.
 */
export async function aggregateByIds<T>(
  session: OrgSession,
  ids: string[],
  build: (ids: string[]) => string,
  weight: (id: string) => number = () => 1,
  maxIds = 100,
): Promise<{ rows: T[]; queries: number }> {
  const rows: T[] = [];
  const budget = AGGREGATE_PAGE / 2;
  const unique = [...new Set(ids)];
  const estimate = (batch: string[]): number => batch.reduce((n, id) => n + Math.max(1, weight(id)), 0);
  let scale: number | undefined; // the most rows per estimated group seen so far (1 until a query answers)
  let queries = 0;
  let next = 0;
  const pending: string[][] = []; // halves of batches that came back full
  while (pending.length > 0 || next < unique.length) {
    let batch = pending.pop();
    if (!batch) {
      const factor = scale ?? 1;
      batch = [unique[next++]];
      let size = estimate(batch) * factor;
      while (next < unique.length && batch.length < maxIds) {
        const more = Math.max(1, weight(unique[next])) * factor;
        if (size + more > budget) break;
        batch.push(unique[next++]);
        size += more;
      }
    }
    const page = await queryAll<T>(session, build(batch));
    queries++;
    if (page.length >= AGGREGATE_PAGE) {
      if (batch.length === 1) {
        throw new AggregateSplitError(`more than ${AGGREGATE_PAGE - 1} groups for the single key ${batch[0]}`);
      }
      const half = Math.ceil(batch.length / 2);
      pending.push(batch.slice(half), batch.slice(0, half));
      scale = Math.max(scale ?? 0, AGGREGATE_PAGE / estimate(batch));
      continue;
    }
    rows.push(...page);
    // Sparse Ids make the next batches larger, but no smaller than 1/20 of an estimated group an Id.
    scale = Math.max(scale ?? 0, page.length / estimate(batch), 0.05);
  }
  return { rows, queries };
}
