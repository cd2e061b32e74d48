/**
 * Ordering and paging: ORDER BY with directions and null placement, LIMIT, OFFSET, and a cursor read in
 * pages of 2000 records, child subqueries included.
 */
import { salesOrg, SoqlOrg } from '../support/soql-fixtures';

const { org } = salesOrg();

describe('ORDER BY', () => {
  it('puts nulls first ascending and last descending by default', () => {
    expect(org.column('SELECT Amount FROM Opportunity ORDER BY Amount', 'Amount')).toEqual([
      null,
      700,
      2500.5,
      40000,
      100000,
    ]);
    expect(org.column('SELECT Amount FROM Opportunity ORDER BY Amount DESC', 'Amount')).toEqual([
      100000,
      40000,
      2500.5,
      700,
      null,
    ]);
  });

  it('honours NULLS FIRST and NULLS LAST', () => {
    expect(org.column('SELECT Amount FROM Opportunity ORDER BY Amount ASC NULLS LAST', 'Amount')).toEqual([
      700,
      2500.5,
      40000,
      100000,
      null,
    ]);
    expect(org.column('SELECT Amount FROM Opportunity ORDER BY Amount DESC NULLS FIRST', 'Amount')).toEqual([
      null,
      100000,
      40000,
      2500.5,
      700,
    ]);
  });

  it('sorts strings case-insensitively, on several fields and parent paths', () => {
    expect(org.column('SELECT Name FROM Account ORDER BY Name DESC', 'Name')).toEqual(['initech', 'Globex', 'Acme']);
    expect(
      org.column('SELECT Name FROM Opportunity ORDER BY Account.Name DESC NULLS LAST, CloseDate DESC', 'Name'),
    ).toEqual(['Globex Expansion', 'Globex Renewal', 'Acme Small Deal', 'Acme Big Deal', 'No Account']);
  });

  it('refuses fields that cannot be sorted', () => {
    const error = org.error('SELECT Id FROM Account ORDER BY Description');
    expect([error.errorCode, error.message]).toEqual([
      'MALFORMED_QUERY',
      expect.stringContaining("field 'Description' can not be sorted in a query call"),
    ]);
  });
});

describe('LIMIT and OFFSET', () => {
  it('skips OFFSET records and returns at most LIMIT', () => {
    const ordered = 'SELECT Name FROM Opportunity ORDER BY Name';
    expect(org.column(`${ordered} LIMIT 2`, 'Name')).toEqual(['Acme Big Deal', 'Acme Small Deal']);
    expect(org.column(`${ordered} LIMIT 2 OFFSET 2`, 'Name')).toEqual(['Globex Expansion', 'Globex Renewal']);
    expect(org.column(`${ordered} OFFSET 4`, 'Name')).toEqual(['No Account']);
    expect(org.query(`${ordered} LIMIT 0`)).toEqual({ totalSize: 0, records: [] });
  });

  it('refuses an OFFSET above 2000', () => {
    const error = org.error('SELECT Id FROM Opportunity OFFSET 2001');
    expect([error.status, error.errorCode, error.message]).toEqual([
      400,
      'NUMBER_OUTSIDE_VALID_RANGE',
      'Maximum SOQL offset allowed is 2000',
    ]);
    expect(org.query('SELECT Id FROM Opportunity OFFSET 2000').totalSize).toBe(0);
  });

  it('allows OFFSET in a subquery only under a parent query with LIMIT 1', () => {
    const [acme] = org.records(
      `SELECT (SELECT LastName FROM Contacts ORDER BY LastName OFFSET 1) FROM Account WHERE Name = 'Acme' LIMIT 1`,
    );
    expect(acme.Contacts).toMatchObject({ totalSize: 1, records: [{ LastName: 'Runner' }] });
    expect(org.error('SELECT (SELECT LastName FROM Contacts OFFSET 1) FROM Account').errorCode).toBe('MALFORMED_QUERY');
  });
});

describe('a cursor over 5,000 records', () => {
  const o = new SoqlOrg();
  const parent = o.insert('Account', { Name: 'Parent' });
  o.storage.db.transaction(() => {
    for (let i = 0; i < 5000; i++) {
      const account = o.insert('Account', {
        Name: `Account ${String(i).padStart(4, '0')}`,
        ParentId: parent,
        NumberOfEmployees: i % 7,
      });
      if (i % 1000 === 0) o.insert('Contact', { LastName: `Contact ${i}`, AccountId: account });
    }
  })();

  it('returns pages of 2000 in order, with an exact totalSize and remaining count', () => {
    const cursor = o.cursor(
      `SELECT Name, Parent.Name, (SELECT LastName FROM Contacts) FROM Account WHERE ParentId != null ORDER BY Name DESC`,
    );
    expect([cursor.totalSize, cursor.remaining]).toEqual([5000, 5000]);
    const pages = [cursor.next(2000), cursor.next(2000), cursor.next(2000)];
    expect(pages.map((p) => p.length)).toEqual([2000, 2000, 1000]);
    expect([cursor.remaining, cursor.next(2000)]).toEqual([0, []]);
    const records = pages.flat();
    expect(records[0]).toMatchObject({ Name: 'Account 4999', Parent: { Name: 'Parent' }, Contacts: null });
    expect(records[4999]).toMatchObject({
      Name: 'Account 0000',
      Contacts: { totalSize: 1, records: [{ LastName: 'Contact 0' }] },
    });
    expect(new Set(records.map((r) => r.Name)).size).toBe(5000);
    expect(records.filter((r) => r.Contacts !== null)).toHaveLength(5);
  });

  it('pages in any size', () => {
    const cursor = o.cursor('SELECT Id FROM Account WHERE NumberOfEmployees = 3');
    const total = cursor.totalSize;
    let read = 0;
    for (let page = cursor.next(250); page.length; page = cursor.next(250)) read += page.length;
    expect([total, read]).toEqual([714, 714]);
  });

  it('returns only the first 2000 records when OFFSET is used', () => {
    expect(o.query('SELECT Id FROM Account ORDER BY Name OFFSET 10').totalSize).toBe(2000);
    expect(o.query('SELECT Id FROM Account ORDER BY Name LIMIT 100 OFFSET 10').totalSize).toBe(100);
  });
});
