/**
 * SOQL errors as Salesforce reports them: error code, HTTP status, and a message that points at the
 * offending token (`ERROR at Row:R:Column:C`); accepted clauses that change nothing locally.
 */
import { salesOrg } from '../support/soql-fixtures';

const { org } = salesOrg();

describe('unknown names', () => {
  it('INVALID_TYPE for an unknown object', () => {
    const error = org.error('SELECT Id FROM Foo');
    expect([error.status, error.errorCode]).toEqual([400, 'INVALID_TYPE']);
    expect(error.message).toBe(
      "\nSELECT Id FROM Foo\n               ^\nERROR at Row:1:Column:16\nsObject type 'Foo' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.",
    );
    expect(org.error(`SELECT Id FROM Account WHERE Id IN (SELECT AccountId FROM Bar)`).errorCode).toBe('INVALID_TYPE');
  });

  it('INVALID_FIELD for an unknown field, in any clause and through relationships', () => {
    const error = org.error('SELECT Id, Foo FROM Account');
    expect([error.status, error.errorCode]).toEqual([400, 'INVALID_FIELD']);
    expect(error.message).toBe(
      "\nSELECT Id, Foo FROM Account\n           ^\nERROR at Row:1:Column:12\nNo such column 'Foo' on entity 'Account'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.",
    );
    for (const soql of [
      'SELECT Account.Foo FROM Contact',
      `SELECT Id FROM Account WHERE Foo = 'x'`,
      'SELECT Id FROM Account ORDER BY Foo',
      'SELECT Foo, COUNT(Id) FROM Account GROUP BY Foo',
      'SELECT Id, (SELECT Foo FROM Contacts) FROM Account',
    ]) {
      expect([soql, org.error(soql).message]).toEqual([soql, expect.stringContaining("No such column 'Foo'")]);
    }
    expect(org.error('SELECT Account.Foo FROM Contact').message).toContain("on entity 'Account'");
  });

  it('INVALID_FIELD for an unknown relationship in a field path', () => {
    const error = org.error(`SELECT Id FROM Contact\nWHERE Acount.Name = 'x'`);
    expect([error.errorCode, error.message]).toEqual([
      'INVALID_FIELD',
      "\nWHERE Acount.Name = 'x'\n      ^\nERROR at Row:2:Column:7\nDidn't understand relationship 'Acount' in field path. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.",
    ]);
    // A lookup field is not a relationship name.
    expect(org.error('SELECT AccountId.Name FROM Contact').errorCode).toBe('INVALID_FIELD');
  });

  it('INVALID_TYPE for an unknown child relationship', () => {
    const error = org.error('SELECT Id, (SELECT Id FROM Contact) FROM Account');
    expect([error.errorCode, error.message]).toEqual([
      'INVALID_TYPE',
      expect.stringContaining("Didn't understand relationship 'Contact' in FROM part of query call."),
    ]);
  });
});

describe('syntax', () => {
  it.each([
    ['SELECT Id FROM Account WHERE', "unexpected token: '<EOF>'", 29],
    ['SELECT Id, FROM Account', "unexpected token: 'FROM'", 12],
    ['SELECT Id FROM Account Account Account', "unexpected token: 'Account'", 32],
    ['SELECT Id FROM Account WHERE Name = = 1', "unexpected token: '='", 37],
  ])('%s is MALFORMED_QUERY: %s', (soql, message, column) => {
    const error = org.error(soql);
    expect([error.status, error.errorCode]).toEqual([400, 'MALFORMED_QUERY']);
    expect(error.message).toContain(`ERROR at Row:1:Column:${column}\n${message}`);
  });

  it.each([
    ['SELECT FIELDS(ALL) FROM Account', 'The SOQL FIELDS function must have a LIMIT of at most 200'],
    ['SELECT TYPEOF Owner WHEN Account THEN Name END FROM Account', "Invalid type 'Account' in TYPEOF"],
    ['SELECT Id FROM Account USING SCOPE Mine', 'USING SCOPE'],
    ['SELECT convertCurrency(AnnualRevenue) FROM Account', 'convertCurrency() needs a multi-currency org'],
    ['SELECT Name n FROM Account', 'only aggregate expressions use field aliasing'],
    ['SELECT Name, name FROM Account', 'duplicate field selected: name'],
    [
      'SELECT Id, (SELECT Id, (SELECT Id FROM Opportunities) FROM ChildAccounts) FROM Account',
      'more than 1 level away from the root',
    ],
    [
      'SELECT Id FROM Account WHERE Id IN (SELECT Id FROM Contact WHERE Id IN (SELECT Id FROM Contact))',
      'Nesting of semi join',
    ],
    ['SELECT Id FROM Account WHERE Name IN (SELECT Name FROM Contact)', 'Id or reference'],
    ['SELECT Id FROM Account HAVING COUNT(Id) > 1', 'HAVING'],
    ['SELECT Id FROM Account LIMIT 99999999999999999999', 'LIMIT must be an integer from 0 to 2147483647'],
  ])('%s is refused: %s', (soql, message) => {
    const error = org.error(soql);
    expect([error.errorCode, error.message]).toEqual(['MALFORMED_QUERY', expect.stringContaining(message)]);
  });
});

describe('accepted clauses', () => {
  it.each([
    'SELECT Name FROM Account WITH SECURITY_ENFORCED',
    'SELECT Name FROM Account WITH USER_MODE',
    'SELECT Name FROM Account WITH SYSTEM_MODE',
    'SELECT Name FROM Account FOR VIEW',
    'SELECT Name FROM Account FOR REFERENCE',
    'SELECT Name FROM Account LIMIT 1 FOR UPDATE',
  ])('%s', (soql) => {
    expect(org.query(soql).totalSize).toBeGreaterThan(0);
  });
});

describe('internal failures', () => {
  it('become UNKNOWN_EXCEPTION without leaking SQLite details', () => {
    const broken = salesOrg().org;
    broken.storage.db.close();
    const error = broken.error('SELECT Id FROM Account');
    expect([error.status, error.errorCode]).toEqual([500, 'UNKNOWN_EXCEPTION']);
    expect(error.message).toMatch(
      /^An unexpected error occurred\. Please include this ErrorId if you contact support: \d+-\d+$/,
    );
    expect(JSON.stringify(error.toBody())).not.toMatch(/sqlite|database|stack/i);
  });
});
