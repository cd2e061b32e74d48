/**
 * Aggregate queries paged by their group key (GROUP BY x ORDER BY x LIMIT n, each page starting at the last
 * key read, as the rollup reads its counters): every group comes once in key order, and a page reads its groups
 * in the key's index order and stops at the LIMIT, instead of grouping and sorting every group after the key.
 */
import type { Statement } from 'better-sqlite3';
import { SoqlOrg } from '../support/soql-fixtures';

const o = new SoqlOrg();
const accounts: string[] = [];
const expected = new Map<string, number>();
o.storage.db.transaction(() => {
  for (let a = 0; a < 120; a++) accounts.push(o.insert('Account', { Name: `Account ${a}` }));
  for (let i = 0; i < 1500; i++) {
    const account = accounts[(i * 7) % accounts.length];
    o.insert('Opportunity', {
      Name: `Deal ${i}`,
      StageName: 'Prospecting',
      CloseDate: '2026-05-01',
      AccountId: account,
    });
    expected.set(account, (expected.get(account) ?? 0) + 1);
  }
})();

/** The grouped statements prepared while `run` runs, with SQLite's plan of each. */
function plansOf(run: () => void): { sql: string; plan: string[] }[] {
  const prepared: { sql: string; statement: Statement }[] = [];
  const original = o.storage.statement.bind(o.storage);
  const spy = jest.spyOn(o.storage, 'statement').mockImplementation((sql: string) => {
    const statement = original(sql);
    prepared.push({ sql, statement });
    return statement;
  });
  try {
    run();
  } finally {
    spy.mockRestore();
  }
  return prepared.flatMap(({ sql }) => {
    if (!/GROUP BY/.test(sql)) return [];
    // The plan does not depend on the values: every named parameter is bound to ''.
    const params = Object.fromEntries([...sql.matchAll(/@(\w+)/g)].map((m) => [m[1], '']));
    const plan = o.storage.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[];
    return [{ sql, plan: plan.map((r) => r.detail) }];
  });
}

/** Ids in SOQL's order: case-insensitive (an 18-character Id is unique without case). */
const byKey = (ids: string[]): string[] => [...ids].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()));

const page = (after: string | undefined): { AccountId: string; n: number }[] =>
  o.records(
    `SELECT AccountId, COUNT(Id) n FROM Opportunity WHERE AccountId != null${after ? ` AND AccountId > '${after}'` : ''} GROUP BY AccountId ORDER BY AccountId LIMIT 50`,
  ) as unknown as { AccountId: string; n: number }[];

describe('an aggregate query paged by its group key', () => {
  it('returns every group once, in key order, with its count', () => {
    const seen: { AccountId: string; n: number }[] = [];
    let after: string | undefined;
    for (;;) {
      const rows = page(after);
      seen.push(...rows);
      if (rows.length < 50) break;
      after = rows[rows.length - 1].AccountId;
    }
    expect(seen.map((r) => r.AccountId)).toEqual(byKey(accounts));
    expect(new Map(seen.map((r) => [r.AccountId, r.n]))).toEqual(expected);
  });

  it('reads the groups in index order and stops at the LIMIT: no sort of every group', () => {
    const plans = plansOf(() => page(accounts[10]));
    const [aggregate] = plans;
    expect(aggregate?.plan.join(' | ')).toMatch(/USING INDEX Opportunity__AccountId/);
    expect(aggregate?.plan.join(' | ')).not.toMatch(/TEMP B-TREE/);
  });

  it("keeps a ROLLUP's subtotal after the rows it totals", () => {
    const total = o.records(
      'SELECT AccountId, COUNT(Id) n FROM Opportunity WHERE AccountId != null GROUP BY ROLLUP(AccountId) ORDER BY AccountId DESC',
    ) as unknown as { AccountId: string | null; n: number }[];
    expect(total.map((r) => r.AccountId)).toEqual([...byKey(accounts).reverse(), null]);
    expect(total[total.length - 1]).toMatchObject({ AccountId: null, n: 1500 });
  });
});
