/**
 * Runs a plan against SQLite and shapes rows as the REST API returns them. Record queries list the
 * matching rowids once, or count them (totalSize is exact either way) and find each page's rowids from the
 * last one read (rowid order, and ORDER BY on the object's own fields: ordered.ts); each page's rows are
 * then read by rowid, with one statement per child subquery for the whole page; aggregate and count
 * queries are computed at once.
 */
import { SalesforceError } from '../errors';
import type { SqlValue } from '../sql';
import type { Storage } from '../storage';
import { toApiValue } from '../values';
import { openOrdered } from './ordered';
import { MAX_AGGREGATE_ROWS, type Plan, type RecordShape } from './plan';

export type SfRecord = Record<string, unknown>;

export interface QueryCursor {
  readonly totalSize: number;
  /** Records not yet returned by next(). */
  readonly remaining: number;
  /** Returns up to n further records in Salesforce JSON shape; [] when exhausted. */
  next(n: number): SfRecord[];
  /** Aggregate results have no query locator: they are answered in one batch, whatever the batch size. */
  readonly singleBatch: boolean;
}

type Row = Record<string, unknown>;

/** A result computed in full: aggregate rows, or none with a count for `SELECT COUNT()`. */
class ListCursor implements QueryCursor {
  private position = 0;
  readonly singleBatch = true;

  constructor(
    private readonly records: SfRecord[],
    readonly totalSize = records.length,
  ) {}

  get remaining(): number {
    return this.records.length - this.position;
  }

  next(n: number): SfRecord[] {
    const page = this.records.slice(this.position, this.position + Math.max(0, n));
    this.position += page.length;
    return page;
  }
}

class RecordCursor implements QueryCursor {
  private position = 0;
  readonly singleBatch = false;

  constructor(
    private readonly rowids: number[],
    private readonly fetch: (rowids: number[]) => SfRecord[],
    private readonly guard: <T>(run: () => T) => T,
  ) {}

  get totalSize(): number {
    return this.rowids.length;
  }

  get remaining(): number {
    return this.rowids.length - this.position;
  }

  next(n: number): SfRecord[] {
    const page = this.rowids.slice(this.position, this.position + Math.max(0, n));
    this.position += page.length;
    return page.length ? this.guard(() => this.fetch(page)) : [];
  }
}

/** Reads a query in rowid order, a page at a time: no list of every match is built up front. */
class KeysetCursor implements QueryCursor {
  private position = 0;
  private lastRowid = 0;
  readonly singleBatch = false;

  constructor(
    readonly totalSize: number,
    private readonly nextIds: (after: number, n: number) => number[],
    private readonly fetch: (rowids: number[]) => SfRecord[],
    private readonly guard: <T>(run: () => T) => T,
  ) {}

  get remaining(): number {
    return this.totalSize - this.position;
  }

  next(n: number): SfRecord[] {
    const want = Math.min(Math.max(0, n), this.remaining);
    if (want === 0) return [];
    return this.guard(() => {
      const ids = this.nextIds(this.lastRowid, want);
      // Rows deleted since the count shorten the result; the locator then ends early.
      this.position = ids.length < want ? this.totalSize : this.position + ids.length;
      if (ids.length > 0) this.lastRowid = ids[ids.length - 1];
      return ids.length ? this.fetch(ids) : [];
    });
  }
}

function toRecord(row: Row, shape: RecordShape, sobjectsUrl: string): SfRecord | null {
  const id = row[shape.idColumn];
  if (id === null || id === undefined) return null;
  const urlType = shape.urlTypeColumn ? String(row[shape.urlTypeColumn]) : shape.type;
  const record: SfRecord = { attributes: { type: shape.type, url: `${sobjectsUrl}/${urlType}/${id}` } };
  for (const entry of shape.entries) {
    if (entry.kind === 'field') record[entry.name] = toApiValue(entry.field.model, row[entry.column] as SqlValue);
    else if (entry.kind === 'parent') record[entry.name] = toRecord(row, entry.shape, sobjectsUrl);
    else if (entry.kind === 'value') record[entry.name] = entry.format(entry.columns.map((c) => row[c]));
    else if (entry.kind === 'typeof') {
      // The variant whose join found the record: its type is the Id's.
      const variant = entry.variants.find((v) => row[v.idColumn] !== null && row[v.idColumn] !== undefined);
      record[entry.name] = variant ? toRecord(row, variant, sobjectsUrl) : null;
    }
    // Children are filled for the whole page afterwards; the key is set now to keep SELECT order.
    else record[entry.name] = null;
  }
  return record;
}

export function run(
  storage: Storage,
  plan: Plan,
  params: Record<string, unknown>,
  apiVersion: string,
  guard: <T>(run: () => T) => T,
): QueryCursor {
  switch (plan.kind) {
    case 'count':
      return new ListCursor([], storage.statement(plan.sql).pluck(true).get(params) as number);
    case 'aggregate': {
      const rows = storage.statement(plan.sql).all(params) as Row[];
      if (rows.length > MAX_AGGREGATE_ROWS) {
        throw new SalesforceError(
          400,
          'EXCEEDED_ID_LIMIT',
          'Aggregate query does not support queryMore(), use LIMIT to restrict the results to a single batch',
        );
      }
      const records = rows.map((row) => {
        const record: SfRecord = { attributes: { type: 'AggregateResult' } };
        for (const c of plan.columns) record[c.name] = c.format(row[c.column]);
        return record;
      });
      return new ListCursor(records);
    }
    case 'records': {
      const sobjectsUrl = `/services/data/v${apiVersion}/sobjects`;
      const page = storage.statement(plan.pageSql);
      const children = plan.shape.entries.flatMap((e) =>
        e.kind === 'child' ? [{ name: e.name, shape: e.child.shape, statement: storage.statement(e.child.sql) }] : [],
      );
      const fetch = (ids: number[]): SfRecord[] => {
        const rows = page.all({ ...params, __ids: JSON.stringify(ids) }) as Row[];
        const byRowid = new Map(rows.map((r) => [r.__r as number, r]));
        // Rows deleted since the query started are skipped.
        const parents = ids.flatMap((id) => {
          const row = byRowid.get(id);
          return row
            ? [{ id: row[plan.shape.idColumn] as string, record: toRecord(row, plan.shape, sobjectsUrl)! }]
            : [];
        });
        for (const child of children) {
          const found = new Map<string, SfRecord[]>();
          const childRows = child.statement.all({
            ...params,
            __parents: JSON.stringify(parents.map((p) => p.id)),
          }) as Row[];
          for (const row of childRows) {
            const list = found.get(row.__p as string) ?? [];
            list.push(toRecord(row, child.shape, sobjectsUrl)!);
            found.set(row.__p as string, list);
          }
          for (const p of parents) {
            const list = found.get(p.id);
            p.record[child.name] = list ? { totalSize: list.length, done: true, records: list } : null;
          }
        }
        return parents.map((p) => p.record);
      };
      if (plan.keyset) {
        const [count, max] = storage.statement(plan.keyset.countSql).raw(true).get(params) as [number, number];
        const nextIds = storage.statement(plan.keyset.nextIdsSql).pluck(true);
        const ids = (after: number, n: number): number[] =>
          nextIds.all({ ...params, __after: after, __max: max, __n: n }) as number[];
        return new KeysetCursor(count, ids, fetch, guard);
      }
      if (plan.ordered) return openOrdered(storage, plan.ordered, params, fetch, guard);
      const rowids = storage.statement(plan.idSql).pluck(true).all(params) as number[];
      return new RecordCursor(rowids, fetch, guard);
    }
  }
}
