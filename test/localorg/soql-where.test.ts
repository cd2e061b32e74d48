/**
 * SOQL WHERE: comparison operators, null semantics, LIKE, IN and NOT IN, semi- and anti-joins,
 * INCLUDES/EXCLUDES, AND/OR/NOT, string escapes and typed literals.
 */
import { modelWithField, salesOrg, SoqlOrg } from '../support/soql-fixtures';

const { org, accounts, contacts } = salesOrg();
const names = (where: string, object = 'Opportunity'): unknown[] =>
  org.column(`SELECT Name FROM ${object} WHERE ${where} ORDER BY Name`, 'Name');

describe('comparison operators', () => {
  it('compares numbers', () => {
    expect(names('Amount = 40000')).toEqual(['Globex Renewal']);
    expect(names('Amount > 2500.5')).toEqual(['Acme Big Deal', 'Globex Renewal']);
    expect(names('Amount >= 2500.5')).toEqual(['Acme Big Deal', 'Acme Small Deal', 'Globex Renewal']);
    expect(names('Amount < 2500.5')).toEqual(['No Account']);
    expect(names('Amount <= 700')).toEqual(['No Account']);
    // Null is a value for !=: the deals with no probability are "not 100".
    expect(names('Probability != 100')).toEqual([
      'Acme Small Deal',
      'Globex Expansion',
      'Globex Renewal',
      'No Account',
    ]);
    expect(names('Amount <> 700')).toEqual(['Acme Big Deal', 'Acme Small Deal', 'Globex Expansion', 'Globex Renewal']);
  });

  it('compares strings case-insensitively, also with < and >', () => {
    expect(names(`StageName = 'closed won'`)).toEqual(['Acme Big Deal']);
    expect(names(`Name = 'INITECH'`, 'Account')).toEqual(['initech']);
    expect(names(`Name > 'b'`, 'Account')).toEqual(['Globex', 'initech']);
    expect(names(`Name IN ('ACME', 'globex')`, 'Account')).toEqual(['Acme', 'Globex']);
  });

  it('compares booleans', () => {
    expect(names('IsWon = true')).toEqual(['Acme Big Deal']);
    expect(names('IsClosed = FALSE')).toEqual(['Acme Small Deal', 'Globex Expansion', 'No Account']);
  });

  it('compares Ids and references, 15 or 18 characters', () => {
    expect(names(`AccountId = '${accounts.globex.slice(0, 15)}'`)).toEqual(['Globex Expansion', 'Globex Renewal']);
    expect(names(`Id > '${contacts.hank}'`, 'Contact')).toEqual(['Loner']);
  });
});

describe('null', () => {
  it('finds empty fields with = null and filled ones with != null', () => {
    expect(names('Amount = null')).toEqual(['Globex Expansion']);
    expect(names('Amount != null')).toHaveLength(4);
    expect(names('Industry = null', 'Account')).toEqual(['initech']);
  });

  it('matches a null field with != (null is a value there), but not with NOT IN or ordering comparisons', () => {
    expect(names('Amount != 700')).toEqual(['Acme Big Deal', 'Acme Small Deal', 'Globex Expansion', 'Globex Renewal']);
    expect(names('Amount < 1000000')).not.toContain('Globex Expansion');
    expect(names(`Industry != 'Banking'`, 'Account')).toEqual(['Acme', 'initech']);
    expect(names(`Industry NOT IN ('Banking')`, 'Account')).toEqual(['Acme']);
  });

  it('treats null in an IN list as = null', () => {
    expect(names(`Industry IN ('Banking', null)`, 'Account')).toEqual(['Globex', 'initech']);
    expect(names(`Industry NOT IN ('Banking', null)`, 'Account')).toEqual(['Acme']);
  });

  it('matches checkboxes, which are never null, as false', () => {
    expect(names('IsWon = null')).toEqual(names('IsWon = false'));
    expect(names('IsWon != null')).toEqual(['Acme Big Deal']);
  });

  it('treats a field of an empty parent as null', () => {
    expect(names('Account.Name = null', 'Contact')).toEqual(['Loner']);
    expect(names(`Account.Industry != 'Banking'`, 'Contact')).toEqual(['Loner', 'Road Runner', 'Wile Coyote']);
  });
});

describe('LIKE', () => {
  it('matches % and _ wildcards case-insensitively', () => {
    expect(names(`Name LIKE 'acme%'`)).toEqual(['Acme Big Deal', 'Acme Small Deal']);
    expect(names(`Name LIKE '%DEAL'`)).toEqual(['Acme Big Deal', 'Acme Small Deal']);
    expect(names(`Name LIKE 'Globex _e%'`)).toEqual(['Globex Renewal']);
    expect(names(`Name LIKE 'Acme'`)).toEqual([]);
  });

  it('matches escaped wildcards literally', () => {
    const o = new SoqlOrg();
    o.insert('Account', { Name: '100% Pure' });
    o.insert('Account', { Name: '100 Percent' });
    o.insert('Account', { Name: 'snake_case' });
    o.insert('Account', { Name: 'snakeXcase' });
    expect(o.column(`SELECT Name FROM Account WHERE Name LIKE '100\\%%'`, 'Name')).toEqual(['100% Pure']);
    expect(o.column(`SELECT Name FROM Account WHERE Name LIKE 'snake\\_case'`, 'Name')).toEqual(['snake_case']);
    expect(o.column(`SELECT Name FROM Account WHERE Name LIKE 'snake_case'`, 'Name').sort()).toEqual([
      'snakeXcase',
      'snake_case',
    ]);
  });
});

describe('IN and NOT IN', () => {
  it('matches any value of a list, or none of them', () => {
    expect(names(`StageName IN ('Closed Won', 'Closed Lost')`)).toEqual(['Acme Big Deal', 'Globex Renewal']);
    expect(names(`StageName NOT IN ('Closed Won', 'Closed Lost')`)).toEqual([
      'Acme Small Deal',
      'Globex Expansion',
      'No Account',
    ]);
    expect(names('Amount IN (700, 40000)')).toEqual(['Globex Renewal', 'No Account']);
  });

  it('semi-joins on Ids and references, with the inner query filtered by its own parent paths', () => {
    expect(names(`Id IN (SELECT AccountId FROM Opportunity WHERE Owner.Name = 'Carl Chief')`, 'Account')).toEqual([
      'Globex',
    ]);
    expect(names(`AccountId IN (SELECT Id FROM Account WHERE Industry = 'Technology')`, 'Contact')).toEqual([
      'Road Runner',
      'Wile Coyote',
    ]);
  });

  it('anti-joins, ignoring the nulls the inner query returns', () => {
    expect(names(`Id NOT IN (SELECT AccountId FROM Opportunity)`, 'Account')).toEqual(['initech']);
    expect(names(`Id NOT IN (SELECT AccountId FROM Contact)`, 'Account')).toEqual(['initech']);
  });
});

describe('AND, OR, NOT', () => {
  it('combines conditions with parentheses', () => {
    expect(names(`(StageName = 'Closed Won' OR StageName = 'Closed Lost') AND Amount > 50000`)).toEqual([
      'Acme Big Deal',
    ]);
    expect(names(`StageName = 'Closed Won' OR (StageName = 'Prospecting' AND Amount < 3000)`)).toEqual([
      'Acme Big Deal',
      'Acme Small Deal',
    ]);
    expect(names(`NOT (Name LIKE 'Acme%' OR Name LIKE 'Globex%')`)).toEqual(['No Account']);
    expect(names(`NOT Name LIKE 'Acme%' AND Amount > 1000`)).toEqual(['Globex Renewal']);
    expect(names(`((Amount > 1000) AND (NOT IsWon = true))`)).toEqual(['Acme Small Deal', 'Globex Renewal']);
  });

  it('needs parentheses to mix AND and OR', () => {
    const error = org.error(`SELECT Id FROM Opportunity WHERE IsWon = true AND Amount > 1 OR Amount < 5`);
    expect(error.errorCode).toBe('MALFORMED_QUERY');
    expect(error.message).toContain("unexpected token: 'OR'");
  });
});

describe('INCLUDES and EXCLUDES', () => {
  const o = new SoqlOrg(
    modelWithField({
      objectApiName: 'Account',
      apiName: 'Regions__c',
      type: 'MultiselectPicklist',
      picklist: {
        restricted: true,
        values: ['EMEA', 'AMER', 'APAC'].map((v) => ({ value: v, label: v, isDefault: false })),
      },
    }),
  );
  o.insert('Account', { Name: 'Everywhere', Regions__c: 'AMER;APAC;EMEA' });
  o.insert('Account', { Name: 'Europe', Regions__c: 'EMEA' });
  o.insert('Account', { Name: 'Americas', Regions__c: 'AMER' });
  o.insert('Account', { Name: 'Nowhere', Regions__c: null });
  const regions = (where: string) => o.column(`SELECT Name FROM Account WHERE ${where} ORDER BY Name`, 'Name');

  it('INCLUDES matches any listed value; a;b means both a and b', () => {
    expect(regions(`Regions__c INCLUDES ('EMEA')`)).toEqual(['Europe', 'Everywhere']);
    expect(regions(`Regions__c INCLUDES ('emea;apac')`)).toEqual(['Everywhere']);
    expect(regions(`Regions__c INCLUDES ('AMER;APAC', 'EMEA')`)).toEqual(['Europe', 'Everywhere']);
  });

  it('EXCLUDES matches the records INCLUDES does not, among those with values', () => {
    expect(regions(`Regions__c EXCLUDES ('EMEA')`)).toEqual(['Americas']);
  });

  it('= compares the whole value', () => {
    expect(regions(`Regions__c = 'EMEA'`)).toEqual(['Europe']);
  });

  it('is only for multi-select picklists', () => {
    const error = o.error(`SELECT Id FROM Account WHERE Name INCLUDES ('x')`);
    expect(error.errorCode).toBe('INVALID_QUERY_FILTER_OPERATOR');
    expect(error.message).toContain('includes or excludes operator only valid on multipicklist field');
  });
});

describe('string literals', () => {
  const o = new SoqlOrg();
  o.insert('Account', { Name: "O'Brien" });
  o.insert('Account', { Name: 'back\\slash' });
  o.insert('Account', { Name: 'two\nlines' });

  it('reads escape sequences', () => {
    expect(o.column(`SELECT Name FROM Account WHERE Name = 'O\\'Brien'`, 'Name')).toEqual(["O'Brien"]);
    expect(o.column(`SELECT Name FROM Account WHERE Name = 'back\\\\slash'`, 'Name')).toEqual(['back\\slash']);
    expect(o.column(`SELECT Name FROM Account WHERE Name = 'two\\nlines'`, 'Name')).toEqual(['two\nlines']);
    expect(o.column(`SELECT Name FROM Account WHERE Name LIKE 'back\\\\%'`, 'Name')).toEqual(['back\\slash']);
  });

  it('refuses an unknown escape sequence', () => {
    const error = o.error(`SELECT Name FROM Account WHERE Name = 'a\\qb'`);
    expect(error.errorCode).toBe('MALFORMED_QUERY');
    expect(error.message).toContain("Illegal character sequence '\\q' in string literal");
  });
});

describe('typed literals', () => {
  it('compares dates and datetimes, with time zone offsets', () => {
    expect(names('CloseDate = 2026-03-15')).toEqual(['Acme Big Deal']);
    expect(names('CloseDate > 2026-03-31')).toEqual(['Acme Small Deal', 'Globex Expansion']);
    expect(names('CreatedDate = 2026-03-31T17:05:00Z')).toHaveLength(5);
    expect(names('CreatedDate = 2026-03-31T19:05:00+02:00')).toHaveLength(5);
    expect(names('CreatedDate = 2026-03-31T17:05:00.000-00:00')).toHaveLength(5);
    expect(names('CreatedDate > 2026-03-31T17:05:00-01:00')).toHaveLength(0);
  });

  it('refuses a literal of the wrong type for the field', () => {
    const cases: [string, string][] = [
      [`CloseDate = '2026-03-15'`, "field 'CloseDate' must be of type date and should not be enclosed in quotes"],
      [
        'CloseDate = 2026-03-15T00:00:00Z',
        "field 'CloseDate' must be of type date and should not be enclosed in quotes",
      ],
      ['CreatedDate > 2026-03-15', "field 'CreatedDate' must be of type dateTime and should not be enclosed in quotes"],
      ['Amount = 2026-03-15', "field 'Amount' must be of type double and should not be enclosed in quotes"],
      [`Amount > '5'`, "field 'Amount' must be of type double and should not be enclosed in quotes"],
      ['Name = 5', "field 'Name' must be of type string and should be enclosed in quotes"],
      [`IsWon = 'true'`, "field 'IsWon' must be of type boolean and should not be enclosed in quotes"],
      ['Name = TODAY', "field 'Name' must be of type string and should be enclosed in quotes"],
      [`Amount LIKE '5%'`, "field 'Amount' must be of type double and should not be enclosed in quotes"],
    ];
    for (const [where, message] of cases) {
      const error = org.error(`SELECT Id FROM Opportunity WHERE ${where}`);
      expect([where, error.errorCode, error.message]).toEqual([
        where,
        'INVALID_FIELD',
        expect.stringContaining(message),
      ]);
    }
  });

  it('refuses a malformed Id, and a field that cannot be filtered', () => {
    const bad = org.error(`SELECT Id FROM Opportunity WHERE AccountId = '001xyz'`);
    expect([bad.errorCode, bad.message]).toEqual([
      'INVALID_QUERY_FILTER_OPERATOR',
      expect.stringContaining('invalid ID field: 001xyz'),
    ]);
    const longText = org.error(`SELECT Id FROM Account WHERE Description = 'x'`);
    expect([longText.errorCode, longText.message]).toEqual([
      'INVALID_FIELD',
      expect.stringContaining("field 'Description' can not be filtered in a query call"),
    ]);
  });

  it('refuses invalid dates and bind variables', () => {
    expect(org.error('SELECT Id FROM Opportunity WHERE CloseDate = 2026-02-30').errorCode).toBe('MALFORMED_QUERY');
    expect(org.error('SELECT Id FROM Opportunity WHERE CreatedDate = 2026-03-31T25:00:00Z').errorCode).toBe(
      'MALFORMED_QUERY',
    );
    const bind = org.error('SELECT Id FROM Opportunity WHERE Name = :name');
    expect([bind.errorCode, bind.message]).toEqual([
      'MALFORMED_QUERY',
      expect.stringContaining('Bind variables only allowed in Apex code'),
    ]);
  });
});
