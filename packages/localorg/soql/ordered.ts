/**
 * ORDER BY queries read a page at a time, in order, from the last key returned (a keyset over the ORDER BY
 * fields then rowid): the first page reads only the rows it returns, walking the field's index where there
 * is one, instead of listing and sorting every match first. Salesforce's order is kept exactly: the same
 * ORDER BY (directions, NULLS FIRST/LAST, case-insensitive text, rowid for ties) runs for every page, and
 * the key comparisons use the same columns, so they collate as the ORDER BY does.
 *
 * A locator keeps the records and order of the moment the query ran. Records added later are left out (a
 * rowid above the count's maximum). When the object's records change between pages (its SystemModstamp
 * moves), a key read from the table no longer tells where the query-time order continues: the cursor then
 * lists the rest once, in the current order, leaving out the records already returned.
 */
import type { SqlValue } from '../sql';
import { quoteIdent } from '../sql';
import { indexedInOrder, type Storage } from '../storage';
import type { QueryCursor, SfRecord } from './cursor';
import type { Compiled } from './expressions';
import type { OrderItem } from './parse';
import type { Scope } from './scope';

interface KeyTerm {
  sql: string;
  desc: boolean;
  nullsFirst: boolean;
}

export interface OrderedKeyset {
  /** The ORDER BY terms, then the rowid that breaks ties (never null). */
  terms: KeyTerm[];
  /** `SELECT rowid, key columns FROM ...`, without WHERE. */
  head: string;
  /** The query's WHERE clause ('' or ' WHERE ...'). */
  where: string;
  order: string;
  /** The query's LIMIT: the locator ends there. */
  limit?: number;
  countSql: string;
  /** The object's latest SystemModstamp (indexed): a change to any of its records moves it. */
  stampSql: string;
  /** Every match of the query-time rows (rowid <= @__max) in order, once records changed. */
  allIdsSql: string;
}

/**
 * The keyset reading of a query ordered by fields of its own object (plain columns, whose changes the
 * object's SystemModstamp tracks), the first one indexed; parent fields, formulas and unindexed fields keep
 * the full listing, sorted once.
 */
export function orderedKeyset(
  scope: Scope,
  from: string,
  where: string,
  orderBy: OrderItem[],
  compiled: Compiled[],
  order: string[],
  limit: number | undefined,
): OrderedKeyset | undefined {
  const a = scope.alias;
  const stamp = scope.obj.fields.get('SystemModstamp');
  if (!stamp || stamp.model.formula !== undefined) return undefined;
  const plain = compiled.every(
    (c) => c.ref && c.ref.rels.length === 0 && !c.fn && c.sql === `${a}.${quoteIdent(c.ref.field.column)}`,
  );
  // Without an index leading with the first field, each page would sort every match: list them once instead.
  if (!plain || compiled.length !== orderBy.length || !indexedInOrder(compiled[0].ref!.field)) return undefined;
  const terms: KeyTerm[] = [
    ...compiled.map((c, i) => ({ sql: c.sql, desc: orderBy[i].desc, nullsFirst: orderBy[i].nullsFirst })),
    { sql: `${a}.rowid`, desc: orderBy[orderBy.length - 1].desc, nullsFirst: false },
  ];
  const table = quoteIdent(scope.obj.table);
  const column = quoteIdent(stamp.column);
  const within = `${a}.rowid <= @__max`;
  return {
    terms,
    head: `SELECT ${terms.map((t, i) => `${t.sql} AS __k${i}`).join(', ')} FROM ${from}`,
    where,
    order: order.join(', '),
    limit,
    countSql: `SELECT COUNT(*), COALESCE(MAX(${a}.rowid), 0) FROM ${from}${where}`,
    stampSql: `SELECT MAX(${column}) FROM ${table}`,
    allIdsSql: `SELECT ${a}.rowid FROM ${from}${where ? `${where} AND ${within}` : ` WHERE ${within}`} ORDER BY ${order.join(', ')}`,
  };
}

type Key = SqlValue[];

/** Rows after `key` in term i's order: SQL over @__k<i>, or undefined when none can follow. */
function beyond(t: KeyTerm, i: number, value: SqlValue): string | undefined {
  if (value === null) return t.nullsFirst ? `${t.sql} IS NOT NULL` : undefined;
  const past = `${t.sql} ${t.desc ? '<' : '>'} @__k${i}`;
  return t.nullsFirst ? past : `(${past} OR ${t.sql} IS NULL)`;
}

const same = (t: KeyTerm, i: number, value: SqlValue): string =>
  value === null ? `${t.sql} IS NULL` : `${t.sql} = @__k${i}`;

/** Rows after `key` among those equal to it on terms before `from`. */
function after(terms: KeyTerm[], key: Key, from: number): string | undefined {
  const options: string[] = [];
  for (let i = from; i < terms.length; i++) {
    const next = beyond(terms[i], i, key[i]);
    if (next)
      options.push([...terms.slice(from, i).map((t, j) => same(t, from + j, key[from + j])), next].join(' AND '));
  }
  return options.length ? `(${options.map((o) => `(${o})`).join(' OR ')})` : undefined;
}

/**
 * The conditions to read in turn for the rows after `key` (from the start without one): ties on the first
 * field, then its further values, then its nulls, so that each step is a range of that field's index.
 */
function steps(terms: KeyTerm[], key: Key | undefined): string[] {
  const [first] = terms;
  const nulls = `${first.sql} IS NULL`;
  const values = `${first.sql} IS NOT NULL`;
  if (!key) return first.nullsFirst ? [nulls, values] : [values, nulls];
  const ties = after(terms, key, 1);
  const list = ties ? [`${same(first, 0, key[0])} AND ${ties}`] : [];
  if (key[0] === null) return first.nullsFirst ? [...list, values] : list;
  return [...list, `${first.sql} ${first.desc ? '<' : '>'} @__k0`, ...(first.nullsFirst ? [] : [nulls])];
}

export class OrderedCursor implements QueryCursor {
  private position = 0;
  private key?: Key;
  /** Rowids already returned, by bit. */
  private readonly returned: Uint8Array;
  /** The rest of the result, listed once records changed between pages. */
  private rest?: { ids: number[]; at: number };
  readonly singleBatch = false;

  constructor(
    readonly totalSize: number,
    private readonly max: number,
    private readonly plan: OrderedKeyset,
    private readonly storage: Storage,
    private readonly params: Record<string, unknown>,
    private readonly stamp: string,
    private readonly fetch: (rowids: number[]) => SfRecord[],
    private readonly guard: <T>(run: () => T) => T,
  ) {
    this.returned = new Uint8Array((max >> 3) + 1);
  }

  get remaining(): number {
    return this.totalSize - this.position;
  }

  /** The rowids of the next `n` rows after the last key, step by step. */
  private page(n: number): number[] {
    const { plan } = this;
    const bound: Record<string, unknown> = { ...this.params, __max: this.max };
    this.key?.forEach((v, i) => (bound[`__k${i}`] = v));
    const ids: number[] = [];
    for (const step of steps(plan.terms, this.key)) {
      // `+rowid`: the bound must not lead SQLite to read in rowid order instead of the field's index.
      const conditions = `${plan.where ? `${plan.where} AND ` : ' WHERE '}+${plan.terms.at(-1)!.sql} <= @__max AND ${step}`;
      const sql = `${plan.head}${conditions} ORDER BY ${plan.order} LIMIT @__n`;
      const rows = this.storage
        .statement(sql)
        .raw(true)
        .all({ ...bound, __n: n - ids.length }) as Key[];
      for (const row of rows) ids.push(row[row.length - 1] as number);
      if (rows.length) this.key = rows[rows.length - 1];
      if (ids.length >= n) break;
    }
    return ids;
  }

  private changed(): boolean {
    return JSON.stringify(this.storage.statement(this.plan.stampSql).raw(true).get()) !== this.stamp;
  }

  next(n: number): SfRecord[] {
    const want = Math.min(Math.max(0, n), this.remaining);
    if (want === 0) return [];
    return this.guard(() => {
      if (!this.rest && this.position > 0 && this.changed()) {
        const all = this.storage
          .statement(this.plan.allIdsSql)
          .pluck(true)
          .all({ ...this.params, __max: this.max });
        this.rest = { ids: (all as number[]).filter((id) => !(this.returned[id >> 3] & (1 << (id & 7)))), at: 0 };
      }
      let ids: number[];
      if (this.rest) {
        ids = this.rest.ids.slice(this.rest.at, this.rest.at + want);
        this.rest.at += ids.length;
      } else ids = this.page(want);
      for (const id of ids) this.returned[id >> 3] |= 1 << (id & 7);
      // Rows deleted since the count shorten the result; the locator then ends early.
      this.position = ids.length < want ? this.totalSize : this.position + ids.length;
      return ids.length ? this.fetch(ids) : [];
    });
  }
}

/** Opens the cursor: the count and the object's change stamp are taken now, the rows page by page. */
export function openOrdered(
  storage: Storage,
  plan: OrderedKeyset,
  params: Record<string, unknown>,
  fetch: (rowids: number[]) => SfRecord[],
  guard: <T>(run: () => T) => T,
): QueryCursor {
  const [count, max] = storage.statement(plan.countSql).raw(true).get(params) as [number, number];
  const stamp = JSON.stringify(storage.statement(plan.stampSql).raw(true).get());
  const total = plan.limit === undefined ? count : Math.min(count, plan.limit);
  return new OrderedCursor(total, max, plan, storage, params, stamp, fetch, guard);
}
