/**
 * SOQL and writes at the edges of Salesforce's limits, never a 500: thousands of OR/AND terms and IN values
 * (SQLite refuses expressions deeper than 1000 and more than 32766 bound variables), the 100,000-character
 * statement limit (MALFORMED_QUERY), statements too complex for SQLite (QUERY_TOO_COMPLICATED), and dates
 * outside Salesforce's 1700-01-01..4000-12-31 range on writes. Long statements go through Composite
 * subrequests, as Salesforce suggests for SOQL longer than a URL allows.
 */
import { MAX_SOQL_LENGTH } from '../../packages/localorg/soql';
import { dataPath, rawRequest, startTestOrg, type RawResponse, type TestOrg } from '../support/localorg';

jest.setTimeout(60_000);

let t: TestOrg;
const NAMES = ['n0', 'n1', 'n2', 'n3', 'n4'];

beforeAll(async () => {
  t = await startTestOrg();
  for (const [i, Name] of NAMES.entries()) {
    await t.conn.sobject('Account').create({ Name, NumberOfEmployees: i, Partner_Type__c: 'Reseller' });
  }
});
afterAll(() => t.close());

/** One query as a Composite subrequest: the subrequest's status and body. */
async function query(soql: string, resource: 'query' | 'queryAll' = 'query'): Promise<RawResponse> {
  const response = await rawRequest(t.conn, 'POST', dataPath('/composite'), {
    body: {
      compositeRequest: [
        { method: 'GET', referenceId: 'q', url: dataPath(`/${resource}?q=${encodeURIComponent(soql)}`) },
      ],
    },
  });
  expect(response.status).toBe(200);
  const [sub] = (response.body as { compositeResponse: { httpStatusCode: number; body: unknown }[] }).compositeResponse;
  return { status: sub.httpStatusCode, headers: {}, body: sub.body };
}

const names = (response: RawResponse): string[] => {
  expect(response.status).toBe(200);
  return (response.body as { records: { Name: string }[] }).records.map((r) => r.Name).sort();
};

const terms = (count: number, term: (i: number) => string): string[] =>
  Array.from({ length: count }, (_, i) => term(i));

describe('long conditions work as in Salesforce', () => {
  it.each([1000, 5000])('%i OR terms', async (count) => {
    const where = terms(count, (i) => `Name = 'x${i}'`);
    where[count - 1] = "Name = 'n1'";
    where[count >> 1] = "Name = 'n3'";
    expect(names(await query(`SELECT Name FROM Account WHERE ${where.join(' OR ')}`))).toEqual(['n1', 'n3']);
  });

  it.each([1000, 5000])('%i AND terms, and nested parentheses of one operator', async (count) => {
    const where = terms(count, (i) => `Name != 'x${i}'`);
    where[7] = "Name != 'n2'";
    expect(names(await query(`SELECT Name FROM Account WHERE ${where.join(' AND ')}`))).toEqual([
      'n0',
      'n1',
      'n3',
      'n4',
    ]);
    const nested = `${terms(1500, (i) => `(Name != 'y${i}' AND `).join('')}Name != 'n0'${')'.repeat(1500)}`;
    expect(names(await query(`SELECT Name FROM Account WHERE ${nested}`))).toEqual(['n1', 'n2', 'n3', 'n4']);
  });

  it('IN and NOT IN lists of 5,000 values, and 40,000 numbers (more than SQLite binds)', async () => {
    const values = terms(5000, (i) => `'x${i}'`);
    values[4321] = "'n4'";
    expect(names(await query(`SELECT Name FROM Account WHERE Name IN (${values.join(',')})`))).toEqual(['n4']);
    expect(names(await query(`SELECT Name FROM Account WHERE Name NOT IN (${values.join(',')})`))).toEqual([
      'n0',
      'n1',
      'n2',
      'n3',
    ]);
    const numbers = terms(40_000, (i) => String(i % 3 === 0 ? 2 : 7));
    expect(names(await query(`SELECT Name FROM Account WHERE NumberOfEmployees IN (${numbers.join(',')})`))).toEqual([
      'n2',
    ]);
  });

  it('date literal lists and long OR chains of date ranges', async () => {
    const today = terms(3000, () => 'TODAY').join(', ');
    expect(names(await query(`SELECT Name FROM Account WHERE CreatedDate IN (${today})`))).toEqual(NAMES);
    const ranges = terms(3000, () => 'CreatedDate = LAST_N_DAYS:2').join(' OR ');
    expect(names(await query(`SELECT Name FROM Account WHERE ${ranges}`))).toEqual(NAMES);
  });
});

describe('the 100,000-character statement limit', () => {
  const padded = (length: number): string => {
    const head = "SELECT Name FROM Account WHERE Name = 'n1'";
    return head + ' '.repeat(length - head.length);
  };

  it.each(['query', 'queryAll'] as const)('%s runs a statement of exactly 100,000 characters', async (resource) => {
    expect(names(await query(padded(MAX_SOQL_LENGTH), resource))).toEqual(['n1']);
  });

  it.each(['query', 'queryAll'] as const)('%s refuses one character more with MALFORMED_QUERY', async (resource) => {
    const response = await query(padded(MAX_SOQL_LENGTH + 1), resource);
    expect(response).toMatchObject({
      status: 400,
      body: [
        {
          errorCode: 'MALFORMED_QUERY',
          message: 'SOQL statements cannot be longer than 100000 characters',
          fields: [],
        },
      ],
    });
  });

  it('refuses a 308,000-character statement the same way', async () => {
    const where = terms(20_000, (i) => `Name = 'a-rather-long-value-${i}'`).join(' OR ');
    const soql = `SELECT Name FROM Account WHERE ${where}`;
    expect(soql.length).toBeGreaterThan(300_000);
    expect((await query(soql)).body).toEqual([
      { errorCode: 'MALFORMED_QUERY', message: 'SOQL statements cannot be longer than 100000 characters', fields: [] },
    ]);
  });
});

describe('statements too complex for the database answer 400, never 500', () => {
  const tooComplicated = {
    status: 400,
    body: [{ errorCode: 'QUERY_TOO_COMPLICATED', message: expect.stringContaining('Query is too complicated') }],
  };

  it('alternating AND/OR nested 1,500 deep', async () => {
    const nested = terms(1500, (i) => `(Name = 'x' ${i % 2 ? 'AND' : 'OR'} `).join('');
    expect(await query(`SELECT Id FROM Account WHERE ${nested}Name = 'y'${')'.repeat(1500)}`)).toMatchObject(
      tooComplicated,
    );
  });

  it('parentheses nested 7,000 deep (deeper than the SOQL parser recurses)', async () => {
    const soql = `SELECT Id FROM Account WHERE ${'(Id=null OR '.repeat(7000)}Id=null${')'.repeat(7000)}`;
    expect(soql.length).toBeLessThan(MAX_SOQL_LENGTH);
    expect(await query(soql)).toMatchObject(tooComplicated);
  });

  it('more parent relationships than the database joins', async () => {
    const rels = ['Manager', 'CreatedBy', 'LastModifiedBy'];
    const paths: string[] = [];
    const walk = (path: string[]): void => {
      if (path.length) paths.push([...path, 'Name'].join('.'));
      if (path.length < 4) for (const rel of rels) walk([...path, rel]);
    };
    walk([]);
    expect(await query(`SELECT ${paths.slice(0, 70).join(', ')} FROM User`)).toMatchObject(tooComplicated);
  });

  it('an ORDER BY of thousands of terms', async () => {
    const order = terms(2100, () => 'Name').join(', ');
    expect(await query(`SELECT Name FROM Account ORDER BY ${order}`)).toMatchObject(tooComplicated);
  });

  it('a LIKE pattern longer than the database matches', async () => {
    const soql = `SELECT Id FROM Account WHERE Name LIKE '${'%a'.repeat(30_000)}'`;
    expect(await query(soql)).toMatchObject(tooComplicated);
  });

  it('ROLLUP and CUBE take up to three fields, as documented', async () => {
    const fields = 'Name, Type, Industry, BillingCity';
    for (const kind of ['ROLLUP', 'CUBE']) {
      const response = await query(`SELECT COUNT(Id) FROM Account GROUP BY ${kind}(${fields})`);
      expect(response).toMatchObject({
        status: 400,
        body: [
          {
            errorCode: 'MALFORMED_QUERY',
            message: expect.stringContaining(`GROUP BY ${kind} can include up to 3 fields`),
          },
        ],
      });
    }
    const three = await query('SELECT COUNT(Id) n FROM Account GROUP BY CUBE(Name, Type, Industry)');
    expect(three.status).toBe(200);
  });

  it('a date literal beyond any date is a malformed query', async () => {
    const response = await query('SELECT Id FROM Account WHERE CreatedDate = LAST_N_DAYS:99999999999');
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject([
      {
        errorCode: 'MALFORMED_QUERY',
        message: expect.stringContaining('invalid date literal: LAST_N_DAYS:99999999999'),
      },
    ]);
  });
});

describe('dates outside 1700-01-01..4000-12-31', () => {
  const create = (fields: Record<string, unknown>) =>
    rawRequest(t.conn, 'POST', dataPath('/sobjects/Opportunity'), {
      body: { Name: 'Range', StageName: 'Prospecting', CloseDate: '2026-06-30', ...fields },
    });

  it.each([
    ['CloseDate', '0000-01-01'],
    ['CloseDate', '1699-12-31'],
    ['CloseDate', '4001-01-01'],
    ['CloseDate', '9999-12-31'],
  ])('refuse %s = %s with FIELD_INTEGRITY_EXCEPTION on the field', async (field, value) => {
    const response = await create({ [field]: value });
    expect(response.status).toBe(400);
    expect(response.body).toEqual([
      {
        errorCode: 'FIELD_INTEGRITY_EXCEPTION',
        message: `Close Date: invalid date: ${value} (valid from 1700-01-01T00:00:00.000Z to 4000-12-31T00:00:00.000Z)`,
        fields: [field],
      },
    ]);
  });

  it('accept the first and the last valid day', async () => {
    for (const value of ['1700-01-01', '4000-12-31']) {
      const response = await create({ CloseDate: value });
      expect(response.status).toBe(201);
    }
  });

  it('apply to datetimes, also when a time zone moves them out of range, and on update', async () => {
    const plan = (
      await t.conn.sobject('Partner_Account_Plan__c').create({
        Name: 'Range plan',
        Partner_Account__c: (await t.conn.sobject('Account').create({ Name: 'P', Partner_Type__c: 'Reseller' })).id,
        Period_Start__c: '2026-01-01',
        Period_End__c: '2026-12-31',
      })
    ).id!;
    // Last_Calculated_At__c: a datetime no lifecycle rule guards (Accepted_On__c changes only on acceptance).
    const setAccepted = (value: string) =>
      rawRequest(t.conn, 'PATCH', dataPath(`/sobjects/Partner_Account_Plan__c/${plan}`), {
        body: { Last_Calculated_At__c: value },
      });
    for (const value of ['1699-12-31T23:59:59.000Z', '1700-01-01T00:30:00+01:00', '4000-12-31T00:00:01Z']) {
      const refused = await setAccepted(value);
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject([
        { errorCode: 'FIELD_INTEGRITY_EXCEPTION', fields: ['Last_Calculated_At__c'] },
      ]);
    }
    expect((await setAccepted('1700-01-01T00:00:00Z')).status).toBe(204);
    expect((await setAccepted('4000-12-31T00:00:00Z')).status).toBe(204);
    const opportunity = (
      (await create({ CloseDate: '2026-06-30' })).body as {
        id: string;
      }
    ).id;
    const update = await rawRequest(t.conn, 'PATCH', dataPath(`/sobjects/Opportunity/${opportunity}`), {
      body: { CloseDate: '0001-01-01' },
    });
    expect(update.status).toBe(400);
    expect(update.body).toMatchObject([{ errorCode: 'FIELD_INTEGRITY_EXCEPTION', fields: ['CloseDate'] }]);
    const kept = await t.conn.sobject('Opportunity').retrieve(opportunity);
    expect(kept.CloseDate).toBe('2026-06-30');
  });
});
