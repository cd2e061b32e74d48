/**
 * Aggregate SOQL: COUNT(), aggregate functions and their names, GROUP BY (fields, parent paths, ROLLUP,
 * CUBE), HAVING, ordering, and the rules Salesforce enforces on aggregate queries.
 */
import { salesOrg, SoqlOrg } from '../support/soql-fixtures';

const { org, opportunities } = salesOrg();
const AGG = { type: 'AggregateResult' };

describe('COUNT()', () => {
  it('returns the count as totalSize and no records', () => {
    const cursor = org.cursor('SELECT COUNT() FROM Opportunity');
    expect([cursor.totalSize, cursor.remaining, cursor.next(2000)]).toEqual([5, 0, []]);
    expect(org.query(`SELECT COUNT() FROM Opportunity WHERE StageName LIKE 'Closed%'`)).toEqual({
      totalSize: 2,
      records: [],
    });
  });

  it('counts at most LIMIT records, and counts groups with GROUP BY', () => {
    expect(org.query('SELECT COUNT() FROM Opportunity LIMIT 3').totalSize).toBe(3);
    expect(org.query('SELECT COUNT() FROM Opportunity GROUP BY AccountId').totalSize).toBe(3);
  });

  it('counts deleted records only in queryAll', () => {
    const o = salesOrg();
    o.org.softDelete('Opportunity', o.opportunities.orphan);
    expect(o.org.query('SELECT COUNT() FROM Opportunity').totalSize).toBe(4);
    expect(o.org.query('SELECT COUNT() FROM Opportunity', { includeDeleted: true }).totalSize).toBe(5);
  });

  it('must be alone in the SELECT list', () => {
    expect(org.error('SELECT COUNT(), Name FROM Opportunity').errorCode).toBe('MALFORMED_QUERY');
  });
});

describe('aggregate functions without GROUP BY', () => {
  it('return one AggregateResult row, unaliased values named expr0, expr1, ... in SELECT order', () => {
    expect(
      org.records(
        'SELECT COUNT(Id), SUM(Amount) total, MAX(Amount), MIN(CloseDate), COUNT(Amount), COUNT_DISTINCT(AccountId) FROM Opportunity',
      ),
    ).toEqual([{ attributes: AGG, expr0: 5, total: 143200.5, expr1: 100000, expr2: '2025-12-20', expr3: 4, expr4: 2 }]);
  });

  it('ignore nulls, except COUNT(Id); AVG divides by the non-null count', () => {
    const [row] = org.records(
      `SELECT AVG(Amount) a, COUNT(Amount) n, COUNT(Id) all FROM Opportunity WHERE AccountId != null`,
    );
    expect(row).toEqual({ attributes: AGG, a: (100000 + 2500.5 + 40000) / 3, n: 3, all: 4 });
  });

  it('format MIN and MAX like the field, and return null sums and zero counts over no rows', () => {
    const [row] = org.records(
      `SELECT MAX(CreatedDate), MIN(Name), SUM(Amount), COUNT(Id) FROM Opportunity WHERE Name = 'nothing'`,
    );
    expect(row).toEqual({ attributes: AGG, expr0: null, expr1: null, expr2: null, expr3: 0 });
    const [max] = org.records('SELECT MAX(CreatedDate), MIN(Name) FROM Opportunity');
    expect(max).toEqual({ attributes: AGG, expr0: '2026-03-31T17:05:00.000+0000', expr1: 'Acme Big Deal' });
  });

  it('accept parent fields', () => {
    expect(org.records('SELECT SUM(Account.AnnualRevenue) r FROM Opportunity WHERE IsWon = true')).toEqual([
      { attributes: AGG, r: 5000000 },
    ]);
  });
});

describe('GROUP BY', () => {
  it('names grouped fields after the field, a parent path after its last part', () => {
    expect(
      org.records(
        'SELECT Owner.Name, StageName, COUNT(Id) FROM Opportunity WHERE Amount != null GROUP BY Owner.Name, StageName ORDER BY Owner.Name, StageName',
      ),
    ).toEqual([
      { attributes: AGG, Name: 'Bea Seller', StageName: 'Closed Won', expr0: 1 },
      { attributes: AGG, Name: 'Bea Seller', StageName: 'Prospecting', expr0: 1 },
      { attributes: AGG, Name: 'Bea Seller', StageName: 'Qualification', expr0: 1 },
      { attributes: AGG, Name: 'Carl Chief', StageName: 'Closed Lost', expr0: 1 },
    ]);
  });

  it('groups null values together and formats grouped values like the field', () => {
    expect(
      org.records(
        'SELECT Account.Industry ind, IsWon, SUM(Amount) s FROM Opportunity GROUP BY Account.Industry, IsWon ORDER BY Account.Industry, IsWon',
      ),
    ).toEqual([
      { attributes: AGG, ind: null, IsWon: false, s: 700 },
      { attributes: AGG, ind: 'Banking', IsWon: false, s: 40000 },
      { attributes: AGG, ind: 'Technology', IsWon: false, s: 2500.5 },
      { attributes: AGG, ind: 'Technology', IsWon: true, s: 100000 },
    ]);
  });

  it('filters groups with HAVING, on aggregates and grouped fields', () => {
    expect(
      org
        .records(
          'SELECT AccountId, COUNT(Id) n FROM Opportunity GROUP BY AccountId HAVING COUNT(Id) > 1 ORDER BY COUNT(Id)',
        )
        .map((r) => r.n),
    ).toEqual([2, 2]);
    expect(
      org.column(
        `SELECT StageName FROM Opportunity GROUP BY StageName HAVING StageName LIKE 'Closed%' AND MAX(Amount) > 50000`,
        'StageName',
      ),
    ).toEqual(['Closed Won']);
  });

  it('orders by aggregates and limits the groups', () => {
    expect(
      org.column(
        'SELECT StageName, SUM(Amount) s FROM Opportunity GROUP BY StageName ORDER BY SUM(Amount) DESC NULLS LAST LIMIT 2',
        's',
      ),
    ).toEqual([100000, 40000]);
    expect(
      org.column('SELECT StageName, SUM(Amount) s FROM Opportunity GROUP BY StageName ORDER BY SUM(Amount) DESC', 's'),
    ).toEqual([100000, 40000, 2500.5, 700, null]);
  });

  it('adds subtotals and a grand total with ROLLUP, flagged by GROUPING()', () => {
    expect(
      org.records(
        'SELECT Owner.Name, IsWon, GROUPING(IsWon) g, COUNT(Id) n FROM Opportunity GROUP BY ROLLUP(Owner.Name, IsWon)',
      ),
    ).toEqual([
      { attributes: AGG, Name: 'Bea Seller', IsWon: false, g: 0, n: 2 },
      { attributes: AGG, Name: 'Bea Seller', IsWon: true, g: 0, n: 1 },
      { attributes: AGG, Name: 'Bea Seller', IsWon: null, g: 1, n: 3 },
      { attributes: AGG, Name: 'Carl Chief', IsWon: false, g: 0, n: 2 },
      { attributes: AGG, Name: 'Carl Chief', IsWon: null, g: 1, n: 2 },
      { attributes: AGG, Name: null, IsWon: null, g: 1, n: 5 },
    ]);
  });

  it('adds subtotals for every combination with CUBE', () => {
    const rows = org.records(
      'SELECT Owner.Name, IsWon, GROUPING(Owner.Name) go, COUNT(Id) n FROM Opportunity GROUP BY CUBE(Owner.Name, IsWon)',
    );
    expect(rows.filter((r) => r.go === 1)).toEqual([
      { attributes: AGG, Name: null, IsWon: false, go: 1, n: 4 },
      { attributes: AGG, Name: null, IsWon: true, go: 1, n: 1 },
      { attributes: AGG, Name: null, IsWon: null, go: 1, n: 5 },
    ]);
    expect(rows).toHaveLength(8);
  });

  it('counts deleted records only in queryAll', () => {
    const o = salesOrg();
    o.org.softDelete('Opportunity', o.opportunities.big);
    expect(o.org.records('SELECT COUNT(Id) n FROM Opportunity')[0].n).toBe(4);
    expect(o.org.records('SELECT COUNT(Id) n FROM Opportunity', { includeDeleted: true })[0].n).toBe(5);
    expect(opportunities.big).toBeDefined();
  });
});

describe('aggregate query rules', () => {
  it.each([
    ['SELECT Name, COUNT(Id) FROM Opportunity', 'Field must be grouped or aggregated: Name'],
    ['SELECT Name, StageName FROM Opportunity GROUP BY StageName', 'Field must be grouped or aggregated: Name'],
    [
      'SELECT StageName FROM Opportunity GROUP BY StageName ORDER BY Name',
      'Ordered field must be grouped or aggregated: Name',
    ],
    [
      'SELECT StageName FROM Opportunity GROUP BY StageName HAVING Name = null',
      'Field must be grouped or aggregated: Name',
    ],
    ['SELECT Amount, COUNT(Id) FROM Opportunity GROUP BY Amount', "field 'Amount' can not be grouped in a query call"],
    [
      'SELECT CreatedDate, COUNT(Id) FROM Opportunity GROUP BY CreatedDate',
      "field 'CreatedDate' can not be grouped in a query call",
    ],
    ['SELECT SUM(Name) FROM Opportunity', 'field Name does not support aggregate operator SUM'],
    ['SELECT AVG(CloseDate) FROM Opportunity', 'field CloseDate does not support aggregate operator AVG'],
    ['SELECT MAX(Amount) FROM Opportunity LIMIT 1', 'needs a GROUP BY'],
    [
      'SELECT AccountId, COUNT(Id), (SELECT Id FROM OpportunityLineItems) FROM Opportunity GROUP BY AccountId',
      'subqueries',
    ],
    ['SELECT Id, (SELECT COUNT(Id) FROM Contacts) FROM Account', 'only root queries support aggregate expressions'],
    ['SELECT COUNT(Id) n, SUM(Amount) n FROM Opportunity', 'duplicate alias: n'],
    ['SELECT Name FROM Opportunity WHERE COUNT(Id) > 1', 'Aggregate function COUNT(Id) is not allowed here'],
  ])('%s fails: %s', (soql, message) => {
    const error = org.error(soql);
    expect([error.errorCode, error.message]).toEqual(['MALFORMED_QUERY', expect.stringContaining(message)]);
  });

  it('refuses more than 2000 result rows: aggregate results cannot be paged', () => {
    const o = new SoqlOrg();
    o.storage.db.transaction(() => {
      for (let i = 0; i < 2001; i++) o.insert('Account', { Name: `Account ${i}` });
    })();
    expect(o.records('SELECT Name, COUNT(Id) FROM Account GROUP BY Name LIMIT 2000')).toHaveLength(2000);
    const error = o.error('SELECT Name, COUNT(Id) FROM Account GROUP BY Name');
    expect([error.status, error.errorCode, error.message]).toEqual([
      400,
      'EXCEEDED_ID_LIMIT',
      'Aggregate query does not support queryMore(), use LIMIT to restrict the results to a single batch',
    ]);
    expect(o.query('SELECT COUNT() FROM Account').totalSize).toBe(2001);
  });
});
