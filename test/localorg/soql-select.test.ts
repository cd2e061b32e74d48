/**
 * SOQL SELECT: the fields asked for in Salesforce's record shape, child-to-parent paths as nested
 * records, parent-to-child subqueries, value formats, the recycle bin, custom objects and metadata.
 */
import { recordUrl, salesOrg, NOW } from '../support/soql-fixtures';

const { org, users, accounts, contacts, opportunities } = salesOrg();

describe('SELECT fields', () => {
  it('returns only the selected fields, after attributes, under their API names whatever the case', () => {
    const records = org.records(`select NAME, industry from ACCOUNT where id = '${accounts.acme}'`);
    expect(records).toEqual([
      {
        attributes: { type: 'Account', url: recordUrl('Account', accounts.acme) },
        Name: 'Acme',
        Industry: 'Technology',
      },
    ]);
    expect(Object.keys(records[0])).toEqual(['attributes', 'Name', 'Industry']);
  });

  it('reads keywords in any case', () => {
    expect(
      org.column(
        `select name from account where name like 'g%' or industry in ('technology') order by name desc nulls last limit 5`,
        'Name',
      ),
    ).toEqual(['Globex', 'Acme']);
  });

  it('returns values in the REST formats: numbers, booleans, dates, datetimes, nulls', () => {
    const [big] = org.records(
      `SELECT Amount, Probability, IsWon, IsClosed, CloseDate, CreatedDate, NextStep FROM Opportunity WHERE Id = '${opportunities.big}'`,
    );
    expect(big).toMatchObject({
      Amount: 100000,
      Probability: 100,
      IsWon: true,
      IsClosed: true,
      CloseDate: '2026-03-15',
      CreatedDate: '2026-03-31T17:05:00.000+0000',
      NextStep: null,
    });
    const [small] = org.records(`SELECT Amount, IsWon FROM Opportunity WHERE Id = '${opportunities.small}'`);
    expect(small).toMatchObject({ Amount: 2500.5, IsWon: false });
  });

  it('accepts an object alias and the object name as a field prefix', () => {
    expect(org.records(`SELECT a.Name, a.Owner.Name FROM Account a WHERE a.Name = 'Acme'`)).toEqual([
      expect.objectContaining({ Name: 'Acme', Owner: expect.objectContaining({ Name: 'Bea Seller' }) }),
    ]);
    expect(org.column(`SELECT Account.Name FROM Account WHERE Account.Name = 'Globex'`, 'Name')).toEqual(['Globex']);
  });

  it('finds records by 15-character Ids and by 18-character Ids in any case', () => {
    for (const id of [accounts.globex.slice(0, 15), accounts.globex.toLowerCase(), accounts.globex]) {
      expect(org.column(`SELECT Name FROM Account WHERE Id = '${id}'`, 'Name')).toEqual(['Globex']);
    }
  });

  it('queries custom metadata types like any object', () => {
    const records = org.records(
      `SELECT DeveloperName, Active__c, Sort_Order__c FROM Plan_Metric__mdt WHERE DeveloperName = 'Average_Deal_Size'`,
    );
    expect(records).toEqual([
      expect.objectContaining({ DeveloperName: 'Average_Deal_Size', Active__c: true, Sort_Order__c: 50 }),
    ]);
    expect(records[0].attributes).toEqual({
      type: 'Plan_Metric__mdt',
      url: expect.stringMatching(/\/sobjects\/Plan_Metric__mdt\/m/),
    });
  });
});

describe('child-to-parent relationships', () => {
  it('nests parent fields under the relationship name, each level with its attributes', () => {
    const [record] = org.records(
      `SELECT Name, Account.Name, Account.Owner.Name, Owner.Manager.Name, Account.Industry FROM Opportunity WHERE Id = '${opportunities.big}'`,
    );
    expect(record).toEqual({
      attributes: { type: 'Opportunity', url: recordUrl('Opportunity', opportunities.big) },
      Name: 'Acme Big Deal',
      Account: {
        attributes: { type: 'Account', url: recordUrl('Account', accounts.acme) },
        Name: 'Acme',
        Owner: { attributes: { type: 'User', url: recordUrl('User', users.bea) }, Name: 'Bea Seller' },
        Industry: 'Technology',
      },
      Owner: {
        attributes: { type: 'User', url: recordUrl('User', users.bea) },
        Manager: { attributes: { type: 'User', url: recordUrl('User', users.carl) }, Name: 'Carl Chief' },
      },
    });
  });

  it('returns null for an empty lookup, at any level', () => {
    expect(
      org.records(`SELECT LastName, Account.Name FROM Contact WHERE Id = '${contacts.lone}'`)[0].Account,
    ).toBeNull();
    const [renewal] = org.records(`SELECT Owner.Manager.Name FROM Opportunity WHERE Id = '${opportunities.lost}'`);
    expect(renewal.Owner).toEqual({ attributes: { type: 'User', url: recordUrl('User', users.carl) }, Manager: null });
  });

  it('follows up to five relationships and refuses a sixth', () => {
    const five = org.records(
      `SELECT Account.Parent.Owner.Manager.Manager.Name FROM Contact WHERE Id = '${contacts.hank}'`,
    );
    // Hank's account's parent is owned by Bea, whose manager Carl has no manager.
    expect(five[0]).toMatchObject({
      Account: {
        Parent: { Owner: { Manager: { attributes: { url: recordUrl('User', users.carl) }, Manager: null } } },
      },
    });
    const error = org.error('SELECT Account.Parent.Owner.Manager.Manager.Manager.Name FROM Contact');
    expect(error.errorCode).toBe('MALFORMED_QUERY');
  });

  it('orders and filters by parent fields, keeping records whose parent is empty', () => {
    expect(org.column('SELECT LastName FROM Contact ORDER BY Account.Name DESC, LastName', 'LastName')).toEqual([
      'Scorpio',
      'Coyote',
      'Runner',
      'Loner',
    ]);
  });
});

describe('parent-to-child subqueries', () => {
  it('returns each parent its children, with their own WHERE, ORDER BY and LIMIT, or null when none', () => {
    const records = org.records(
      `SELECT Name, (SELECT Name, Amount FROM Opportunities WHERE Amount != null ORDER BY Amount DESC LIMIT 1), (SELECT LastName FROM Contacts ORDER BY LastName) FROM Account ORDER BY Name`,
    );
    expect(records.map((r) => r.Name)).toEqual(['Acme', 'Globex', 'initech']);
    expect(records[0].Opportunities).toEqual({
      totalSize: 1,
      done: true,
      records: [
        {
          attributes: { type: 'Opportunity', url: recordUrl('Opportunity', opportunities.big) },
          Name: 'Acme Big Deal',
          Amount: 100000,
        },
      ],
    });
    expect(records[1].Opportunities).toMatchObject({ totalSize: 1, records: [{ Name: 'Globex Renewal' }] });
    expect(records[0].Contacts).toMatchObject({
      totalSize: 2,
      done: true,
      records: [{ LastName: 'Coyote' }, { LastName: 'Runner' }],
    });
    expect(records[2].Opportunities).toBeNull();
    expect(records[2].Contacts).toBeNull();
    expect(Object.keys(records[0])).toEqual(['attributes', 'Name', 'Opportunities', 'Contacts']);
  });

  it('accepts parent paths inside a subquery and relationship names in any case', () => {
    const [acme] = org.records(
      `SELECT (SELECT Owner.Name FROM OPPORTUNITIES ORDER BY Name) FROM Account WHERE Name = 'Acme'`,
    );
    expect(acme.Opportunities).toMatchObject({
      totalSize: 2,
      records: [{ Owner: { Name: 'Bea Seller' } }, { Owner: { Name: 'Bea Seller' } }],
    });
  });
});

describe('the recycle bin', () => {
  const bin = salesOrg();
  bin.org.softDelete('Contact', bin.contacts.road);
  bin.org.softDelete('Account', bin.accounts.initech);

  it('hides deleted records from query, in subqueries and semi-joins too', () => {
    expect(bin.org.column('SELECT Name FROM Account ORDER BY Name', 'Name')).toEqual(['Acme', 'Globex']);
    const [acme] = bin.org.records(`SELECT (SELECT LastName FROM Contacts) FROM Account WHERE Name = 'Acme'`);
    expect(acme.Contacts).toMatchObject({ totalSize: 1, records: [{ LastName: 'Coyote' }] });
    expect(
      bin.org.column(
        `SELECT LastName FROM Contact WHERE AccountId IN (SELECT Id FROM Account) ORDER BY LastName`,
        'LastName',
      ),
    ).toEqual(['Coyote', 'Scorpio']);
  });

  it('shows them to queryAll, with IsDeleted', () => {
    const all = bin.org.records('SELECT Name, IsDeleted FROM Account ORDER BY Name', { includeDeleted: true });
    expect(all.map((r) => [r.Name, r.IsDeleted])).toEqual([
      ['Acme', false],
      ['Globex', false],
      ['initech', true],
    ]);
  });
});

describe('custom objects', () => {
  const plans = salesOrg();
  const { org: o } = plans;
  const plan = o.insert('Partner_Account_Plan__c', {
    Name: 'Acme FY26',
    Partner_Account__c: plans.accounts.acme,
    Period_Start__c: '2026-01-01',
    Period_End__c: '2026-12-31',
    Status__c: 'Active',
  });
  const sales = o.insert('Plan_Section__c', {
    Name: 'Sales',
    Partner_Account_Plan__c: plan,
    Section_Type__c: 'Sales Objectives',
  });
  const training = o.insert('Plan_Section__c', {
    Name: 'Training',
    Partner_Account_Plan__c: plan,
    Section_Type__c: 'Training and Certification',
  });
  const target = o.insert('Plan_Target__c', {
    Name: 'T-0001',
    Metric__c: 'Closed_Won_Amount',
    Plan_Section__c: sales,
    Target_Value__c: 250000,
    Period_Start__c: '2026-01-01',
    Period_End__c: '2026-03-31',
    Pace_Status__c: 'Behind',
  });
  o.insert('APR_Action__c', {
    Name: 'A-0001',
    Opportunity__c: plans.opportunities.big,
    Partner_Account__c: plans.accounts.acme,
    Plan_Target__c: target,
    Action_Date__c: '2026-03-02',
    Action_Type__c: 'Joint Call',
  });

  it('follows custom relationships (__r) through master-detail levels', () => {
    const [record] = o.records(
      `SELECT Metric__c, Plan_Section__r.Name, Plan_Section__r.Partner_Account_Plan__r.Name, Plan_Section__r.Partner_Account_Plan__r.Partner_Account__r.Name FROM Plan_Target__c`,
    );
    expect(record).toMatchObject({
      Metric__c: 'Closed_Won_Amount',
      Plan_Section__r: {
        attributes: { type: 'Plan_Section__c', url: recordUrl('Plan_Section__c', sales) },
        Name: 'Sales',
        Partner_Account_Plan__r: { Name: 'Acme FY26', Partner_Account__r: { Name: 'Acme' } },
      },
    });
  });

  it('returns custom child relationships (__r) as subqueries', () => {
    const [record] = o.records(
      `SELECT Name, (SELECT Name FROM Plan_Sections__r ORDER BY Name), (SELECT Id FROM APR_Actions__r) FROM Partner_Account_Plan__c`,
    );
    expect(record.Plan_Sections__r).toEqual({
      totalSize: 2,
      done: true,
      records: [
        { attributes: { type: 'Plan_Section__c', url: recordUrl('Plan_Section__c', sales) }, Name: 'Sales' },
        { attributes: { type: 'Plan_Section__c', url: recordUrl('Plan_Section__c', training) }, Name: 'Training' },
      ],
    });
    expect(record.APR_Actions__r).toBeNull();
    const [deal] = o.records(
      `SELECT (SELECT Action_Type__c, Plan_Target__r.Metric__c FROM APR_Actions__r) FROM Opportunity WHERE Id = '${plans.opportunities.big}'`,
    );
    expect(deal.APR_Actions__r).toMatchObject({
      totalSize: 1,
      records: [{ Action_Type__c: 'Joint Call', Plan_Target__r: { Metric__c: 'Closed_Won_Amount' } }],
    });
  });

  it('filters on custom fields, lookups and relationship paths', () => {
    expect(
      o.column(
        `SELECT Name FROM Plan_Section__c WHERE Partner_Account_Plan__r.Status__c = 'Active' AND Section_Type__c = 'sales objectives'`,
        'Name',
      ),
    ).toEqual(['Sales']);
    expect(
      o.column(
        `SELECT Name FROM Account WHERE Id IN (SELECT Partner_Account__c FROM APR_Action__c WHERE Action_Date__c = THIS_MONTH)`,
        'Name',
        { now: NOW },
      ),
    ).toEqual(['Acme']);
  });
});
