/**
 * ORDER BY results read a page at a time from the last key returned (ordered.ts): every page follows the
 * order a full sort gives (null placement, case-insensitive text, ties in insertion order, several fields),
 * with LIMIT and OFFSET, and a locator stays whole when records change between pages.
 */
import type { SfRecord } from '../../packages/localorg/soql';
import { NOW, SoqlOrg } from '../support/soql-fixtures';

interface Row {
  id: string;
  Name: string;
  CloseDate: string | null;
  Amount: number | null;
}

const o = new SoqlOrg();
const rows: Row[] = [];
o.storage.db.transaction(() => {
  for (let i = 0; i < 3000; i++) {
    // Repeated names in mixed case, dates and amounts with nulls: many ties on every field.
    const name = `${i % 3 === 0 ? 'deal' : 'Deal'} ${String(i % 97).padStart(2, '0')}`;
    const CloseDate = i % 11 === 0 ? null : `2026-0${1 + (i % 9)}-1${i % 10}`;
    const Amount = i % 13 === 0 ? null : (i * 37) % 500;
    const id = o.insert('Opportunity', { Name: name, StageName: 'Prospecting', CloseDate, Amount });
    rows.push({ id, Name: name, CloseDate, Amount });
  }
})();

type Field = 'Name' | 'CloseDate' | 'Amount';
interface Term {
  field: Field;
  desc?: boolean;
  nullsFirst?: boolean;
}

/** The order a full sort gives: Salesforce's null defaults, text without case, ties by insertion. */
function sorted(list: Row[], terms: Term[]): Row[] {
  const byRowid = new Map(rows.map((r, i) => [r.id, i]));
  const lastDesc = terms[terms.length - 1].desc ?? false;
  return [...list].sort((x, y) => {
    for (const { field, desc = false, nullsFirst = !desc } of terms) {
      const [a, b] = [x[field], y[field]];
      if (a === b) continue;
      if (a === null || b === null) return (a === null) === nullsFirst ? -1 : 1;
      const [p, q] = typeof a === 'string' ? [a.toLowerCase(), String(b).toLowerCase()] : [a, b];
      if (p !== q) return (p < q ? -1 : 1) * (desc ? -1 : 1);
    }
    return (byRowid.get(x.id)! - byRowid.get(y.id)!) * (lastDesc ? -1 : 1);
  });
}

const orderBy = (terms: Term[]): string =>
  terms
    .map(
      (t) =>
        `${t.field}${t.desc ? ' DESC' : ''}${t.nullsFirst === undefined ? '' : t.nullsFirst ? ' NULLS FIRST' : ' NULLS LAST'}`,
    )
    .join(', ');

/** Every record of a query, read in pages of `size`. */
function pages(soql: string, size: number): { totalSize: number; ids: string[]; records: SfRecord[] } {
  const cursor = o.cursor(soql);
  const records: SfRecord[] = [];
  for (let page = cursor.next(size); page.length; page = cursor.next(size)) records.push(...page);
  return { totalSize: cursor.totalSize, ids: records.map((r) => r.Id as string), records };
}

describe('ORDER BY read page by page', () => {
  const orders: Term[][] = [
    [{ field: 'CloseDate' }],
    [{ field: 'CloseDate', desc: true }],
    [{ field: 'CloseDate', nullsFirst: false }],
    [{ field: 'CloseDate', desc: true, nullsFirst: true }],
    [{ field: 'Name' }],
    [{ field: 'Name', desc: true }],
    [{ field: 'Name' }, { field: 'Amount', desc: true }],
    [
      { field: 'CloseDate', desc: true },
      { field: 'Amount', nullsFirst: false },
      { field: 'Name', desc: true },
    ],
    [{ field: 'Name' }, { field: 'CloseDate', desc: true, nullsFirst: true }],
  ];

  it.each(orders.map((terms) => [orderBy(terms), terms]))(
    'ORDER BY %s gives the full sort in pages of 700',
    (_, terms) => {
      const expected = sorted(rows, terms as Term[]).map((r) => r.id);
      const read = pages(`SELECT Id FROM Opportunity ORDER BY ${orderBy(terms as Term[])}`, 700);
      expect(read.totalSize).toBe(3000);
      expect(read.ids).toEqual(expected);
    },
  );

  it('applies WHERE and LIMIT across pages', () => {
    const terms: Term[] = [{ field: 'CloseDate', desc: true }, { field: 'Name' }];
    const matching = rows.filter((r) => r.Amount !== null && r.Amount > 100);
    const expected = sorted(matching, terms).slice(0, 1234);
    const read = pages(`SELECT Id FROM Opportunity WHERE Amount > 100 ORDER BY ${orderBy(terms)} LIMIT 1234`, 500);
    expect([read.totalSize, read.ids]).toEqual([1234, expected.map((r) => r.id)]);
  });

  it('returns the slice after OFFSET, as one batch', () => {
    const expected = sorted(rows, [{ field: 'CloseDate' }]).slice(1500, 1600);
    const read = pages('SELECT Id FROM Opportunity ORDER BY CloseDate LIMIT 100 OFFSET 1500', 2000);
    expect(read.ids).toEqual(expected.map((r) => r.id));
  });

  it('orders by a parent field as before', () => {
    const read = pages('SELECT Id, CloseDate FROM Opportunity ORDER BY Account.Name, CloseDate DESC', 900);
    expect(read.ids).toEqual(sorted(rows, [{ field: 'CloseDate', desc: true }]).map((r) => r.id));
  });
});

describe('a locator over ordered records that change between pages', () => {
  const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000).toISOString();
  let minute = 0;
  const opportunity = o.object('Opportunity');
  /** Changes a record as DML does: its SystemModstamp moves. */
  const update = (id: string, values: Record<string, unknown>) =>
    o.storage.updateRow(opportunity, id, { ...values, SystemModstamp: later(++minute) });

  it('returns the values read at each page, in the order of the query', () => {
    const expected = sorted(rows, [{ field: 'CloseDate' }]);
    const cursor = o.cursor('SELECT Id, Amount FROM Opportunity ORDER BY CloseDate');
    const first = cursor.next(1000);
    const target = expected[2500];
    update(target.id, { Amount: 123456 });
    const rest: SfRecord[] = [];
    for (let page = cursor.next(1000); page.length; page = cursor.next(1000)) rest.push(...page);
    const all = [...first, ...rest];
    expect(all.map((r) => r.Id)).toEqual(expected.map((r) => r.id));
    expect(all[2500].Amount).toBe(123456);
    update(target.id, { Amount: target.Amount });
  });

  it('returns each record once when a change moves it across the page boundary', () => {
    const expected = sorted(rows, [{ field: 'Name' }]);
    const cursor = o.cursor('SELECT Id, Name FROM Opportunity ORDER BY Name');
    const first = cursor.next(1000);
    const back = expected[2900]; // not read yet, moves before the first page's last key
    const ahead = expected[10]; // read already, moves after it
    update(back.id, { Name: 'aaa first' });
    update(ahead.id, { Name: 'zzz last' });
    const rest: SfRecord[] = [];
    for (let page = cursor.next(700); page.length; page = cursor.next(700)) rest.push(...page);
    const ids = [...first, ...rest].map((r) => r.Id as string);
    expect(ids).toHaveLength(3000);
    expect(new Set(ids).size).toBe(3000);
    expect(ids.slice(0, 1000)).toEqual(expected.slice(0, 1000).map((r) => r.id));
    // Records that kept their key keep the query's order.
    const unchanged = ids.filter((id) => id !== back.id && id !== ahead.id);
    expect(unchanged).toEqual(expected.filter((r) => r !== back && r !== ahead).map((r) => r.id));
    update(back.id, { Name: back.Name });
    update(ahead.id, { Name: ahead.Name });
  });

  it('leaves out records added after the query and skips records deleted since', () => {
    const expected = sorted(rows, [{ field: 'CloseDate', desc: true }]).map((r) => r.id);
    const cursor = o.cursor('SELECT Id FROM Opportunity ORDER BY CloseDate DESC');
    const first = cursor.next(1500);
    const added = o.insert('Opportunity', { Name: 'Added', StageName: 'Prospecting', CloseDate: '2020-01-01' });
    const removed = expected[2000];
    o.storage.db.prepare('DELETE FROM "Opportunity" WHERE "Id" = ?').run(removed);
    const rest: SfRecord[] = [];
    for (let page = cursor.next(1500); page.length; page = cursor.next(1500)) rest.push(...page);
    expect([...first, ...rest].map((r) => r.Id)).toEqual(expected.filter((id) => id !== removed));
    expect(cursor.remaining).toBe(0);
    o.storage.db.prepare('DELETE FROM "Opportunity" WHERE "Id" = ?').run(added);
  });
});
