/**
 * SOSL through jsforce's `conn.search` (GET /search?q=...): the search-term syntax (words, phrases, wildcards,
 * AND / OR / AND NOT, escapes), the search groups, RETURNING with field lists, WHERE, ORDER BY, LIMIT and
 * OFFSET run by the SOQL engine, the overall LIMIT, the response shape of the REST API guide, and the
 * documented errors (MALFORMED_SEARCH, INVALID_SEARCH, SOQL's located INVALID_FIELD / INVALID_TYPE).
 */
import { API_VERSION, apiError, startTestOrg, type TestOrg } from '../support/localorg';

type Rec = Record<string, unknown>;

let t: TestOrg;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestOrg();
  const accounts = {
    acme: { Name: 'Acme Widgets', Website: 'acme.example.com', Phone: '(415) 555-0100' },
    globex: { Name: 'Globex Smith-Jones', Phone: '(212) 555-0199', Description: 'Reseller of acme parts' },
    initech: { Name: 'Initech', Website: 'https://initrode.example', Description: 'Maker of TPS reports' },
    umbrella: { Name: 'Umbrella Corporation', Description: 'Café owners' },
  };
  for (const [key, fields] of Object.entries(accounts)) ids[key] = (await t.conn.sobject('Account').create(fields)).id!;
  ids.joe = (
    await t.conn.sobject('Contact').create({
      FirstName: 'Joe',
      LastName: 'Smyth',
      Email: 'joe.smyth@acme.example.com',
      AccountId: ids.acme,
    })
  ).id!;
  ids.mary = (
    await t.conn
      .sobject('Contact')
      .create({ FirstName: 'Mary', LastName: 'Smith', Title: 'Buyer', AccountId: ids.globex })
  ).id!;
});
afterAll(() => t.close());

const search = async (sosl: string): Promise<Rec[]> =>
  ((await t.conn.search(sosl)) as unknown as { searchRecords: Rec[] }).searchRecords;
const idsOf = async (sosl: string): Promise<string[]> => (await search(sosl)).map((r) => r.Id as string).sort();
const names = async (sosl: string): Promise<unknown[]> => (await search(sosl)).map((r) => r.Name);

describe('the response', () => {
  it('is { searchRecords } with attributes and the Id only when RETURNING names no fields', async () => {
    const body = (await t.conn.search('FIND {Initech}')) as unknown;
    expect(body).toEqual({
      searchRecords: [
        {
          attributes: { type: 'Account', url: `/services/data/v${API_VERSION}/sobjects/Account/${ids.initech}` },
          Id: ids.initech,
        },
      ],
    });
  });

  it('lists the fields RETURNING names, object by object in RETURNING order', async () => {
    const records = await search('FIND {acme} RETURNING Contact(Name, Email), Account(Name, Phone ORDER BY Name)');
    expect(records).toEqual([
      {
        attributes: { type: 'Contact', url: `/services/data/v${API_VERSION}/sobjects/Contact/${ids.joe}` },
        Name: 'Joe Smyth',
        Email: 'joe.smyth@acme.example.com',
      },
      expect.objectContaining({ attributes: expect.objectContaining({ type: 'Account' }), Name: 'Acme Widgets' }),
      expect.objectContaining({ Name: 'Globex Smith-Jones', Phone: '(212) 555-0199' }),
    ]);
  });

  it('is an empty list when nothing matches', async () => {
    expect(await search('FIND {nothingmatchesthis}')).toEqual([]);
  });
});

describe('search terms', () => {
  it('match whole words, case- and accent-insensitively', async () => {
    expect(await idsOf('FIND {INITECH} RETURNING Account')).toEqual([ids.initech]);
    expect(await idsOf('FIND {cafe} RETURNING Account')).toEqual([ids.umbrella]);
    expect(await idsOf('FIND {Initec} RETURNING Account')).toEqual([]);
  });

  it('side by side must all match (in any searched field); a quoted phrase must match in order', async () => {
    expect(await names('FIND {reseller parts} RETURNING Account(Name)')).toEqual(['Globex Smith-Jones']);
    expect(await names('FIND {"acme parts"} RETURNING Account(Name)')).toEqual(['Globex Smith-Jones']);
    expect(await names('FIND {"parts acme"} RETURNING Account(Name)')).toEqual([]);
    expect(await names('FIND {"Joe Smyth"} RETURNING Contact(Name)')).toEqual(['Joe Smyth']);
  });

  it('take * (zero or more characters, middle or end) and ? (one character)', async () => {
    expect(await names('FIND {Sm?th} RETURNING Contact(Name ORDER BY Name)')).toEqual(['Joe Smyth', 'Mary Smith']);
    expect(await names('FIND {Smi*} RETURNING Contact(Name)')).toEqual(['Mary Smith']);
    expect(await names('FIND {Um*ella} RETURNING Account(Name)')).toEqual(['Umbrella Corporation']);
    expect(await names('FIND {"Acme Wid*"} RETURNING Account(Name)')).toEqual(['Acme Widgets']);
    expect(await names('FIND {Smx?h} RETURNING Contact(Name)')).toEqual([]);
  });

  it('combine with AND, OR, AND NOT and parentheses (AND NOT binding tighter than OR)', async () => {
    expect(await names('FIND {initech OR umbrella} RETURNING Account(Name ORDER BY Name)')).toEqual([
      'Initech',
      'Umbrella Corporation',
    ]);
    expect(await names('FIND {acme AND NOT widgets} RETURNING Account(Name)')).toEqual(['Globex Smith-Jones']);
    expect(await names('FIND {acme and not widgets or initech} RETURNING Account(Name ORDER BY Name)')).toEqual([
      'Globex Smith-Jones',
      'Initech',
    ]);
    expect(await names('FIND {(acme OR initech) AND reports} RETURNING Account(Name)')).toEqual(['Initech']);
    expect(await names('FIND {"and" OR "or" OR Initech} RETURNING Account(Name)')).toEqual(['Initech']);
  });

  it('search reserved characters escaped with a backslash as text', async () => {
    expect(await names('FIND {Smith\\-Jones} RETURNING Account(Name)')).toEqual(['Globex Smith-Jones']);
    expect(await names('FIND {\\(415\\) 555*} IN PHONE FIELDS RETURNING Account(Name)')).toEqual(['Acme Widgets']);
  });
});

describe('search groups', () => {
  it('IN NAME FIELDS searches names (and Website on Account), not descriptions', async () => {
    expect(await names('FIND {acme} IN NAME FIELDS RETURNING Account(Name), Contact(Name)')).toEqual(['Acme Widgets']);
    expect(await names('FIND {initrode} IN NAME FIELDS RETURNING Account(Name)')).toEqual(['Initech']);
    expect(await names('FIND {reports} IN NAME FIELDS RETURNING Account(Name)')).toEqual([]);
  });

  it('IN EMAIL FIELDS and IN PHONE FIELDS search only those fields', async () => {
    expect(await names('FIND {acme} IN EMAIL FIELDS RETURNING Account(Name), Contact(Name)')).toEqual(['Joe Smyth']);
    expect(await names('FIND {212*} IN PHONE FIELDS RETURNING Account(Name), Contact(Name)')).toEqual([
      'Globex Smith-Jones',
    ]);
    expect(await names('FIND {buyer} IN PHONE FIELDS RETURNING Contact(Name)')).toEqual([]);
  });

  it('ALL FIELDS is the default and searches text, long text, email, phone and URL fields', async () => {
    expect(await names('FIND {buyer} RETURNING Contact(Name)')).toEqual(['Mary Smith']);
    expect(await names('FIND {buyer} IN ALL FIELDS RETURNING Contact(Name)')).toEqual(['Mary Smith']);
    expect(await names('FIND {tps} IN SIDEBAR FIELDS RETURNING Account(Name)')).toEqual(['Initech']);
  });
});

describe('RETURNING clauses, through the SOQL engine', () => {
  it('filter with WHERE, sort with ORDER BY, page with LIMIT and OFFSET, and follow parent paths', async () => {
    const sosl =
      "FIND {acme OR initech OR umbrella} RETURNING Account(Name WHERE Name != 'Initech' ORDER BY Name DESC)";
    expect(await names(sosl)).toEqual(['Umbrella Corporation', 'Globex Smith-Jones', 'Acme Widgets']);
    expect(await names('FIND {acme OR initech} RETURNING Account(Name ORDER BY Name LIMIT 2 OFFSET 1)')).toEqual([
      'Globex Smith-Jones',
      'Initech',
    ]);
    const contacts = await search('FIND {Smyth} RETURNING Contact(Name, Account.Name)');
    expect(contacts).toEqual([
      expect.objectContaining({ Name: 'Joe Smyth', Account: expect.objectContaining({ Name: 'Acme Widgets' }) }),
    ]);
  });

  it('stop at the overall LIMIT across objects', async () => {
    const records = await search('FIND {acme} RETURNING Contact(Name), Account(Name ORDER BY Name) LIMIT 2');
    expect(records.map((r) => r.Name)).toEqual(['Joe Smyth', 'Acme Widgets']);
  });

  it('without RETURNING, search every searchable object', async () => {
    expect(await idsOf('FIND {acme}')).toEqual([ids.acme, ids.globex, ids.joe].sort());
  });
});

describe('errors', () => {
  const failure = async (sosl: string): Promise<{ errorCode: string; message: string }> => {
    const error = await apiError(t.conn.search(sosl));
    return { errorCode: error.errorCode, message: error.message };
  };

  it('a search without braces: MALFORMED_SEARCH', async () => {
    for (const sosl of ['FIND acme', "FIND 'acme'", 'acme', 'SELECT Id FROM Account']) {
      expect(await failure(sosl)).toEqual({
        errorCode: 'MALFORMED_SEARCH',
        message: 'No search term found. The search term must be enclosed in braces.',
      });
    }
  });

  it('a term of one character, or a wildcard first: INVALID_SEARCH', async () => {
    for (const sosl of ['FIND {a}', 'FIND {a*}', 'FIND {?}', 'FIND {"x"}']) {
      expect(await failure(sosl)).toEqual({
        errorCode: 'INVALID_SEARCH',
        message: 'search term must be longer than one character',
      });
    }
    expect((await failure('FIND {*son}')).errorCode).toBe('INVALID_SEARCH');
  });

  it('unescaped reserved characters, unbalanced braces, parentheses or quotes: MALFORMED_SEARCH', async () => {
    expect(await failure('FIND {Smith-Jones}')).toEqual({
      errorCode: 'MALFORMED_SEARCH',
      message: "line 1:11 mismatched character '-' expecting '}'",
    });
    for (const sosl of [
      'FIND {acme',
      'FIND {(acme}',
      'FIND {"acme}',
      'FIND {acme OR}',
      'FIND {acme} IN BOGUS FIELDS',
    ]) {
      expect((await failure(sosl)).errorCode).toBe('MALFORMED_SEARCH');
    }
  });

  it('an unknown field or object in RETURNING: SOQL errors located in the search', async () => {
    expect(await failure('FIND {acme} RETURNING Account(Name, Foo__c)')).toEqual({
      errorCode: 'INVALID_FIELD',
      message: expect.stringMatching(
        /^\nFIND \{acme\} RETURNING Account\(Name, Foo__c\)\n {36}\^\nERROR at Row:1:Column:37\nNo such column 'Foo__c' on entity 'Account'\./,
      ),
    });
    expect(await failure('FIND {acme} RETURNING Nope__c')).toEqual({
      errorCode: 'INVALID_TYPE',
      message: expect.stringContaining("ERROR at Row:1:Column:23\nsObject type 'Nope__c' is not supported."),
    });
    expect((await failure("FIND {acme} RETURNING Account(Name WHERE Bogus = 'x')")).errorCode).toBe('INVALID_FIELD');
  });

  it('what the local org does not do is refused as such', async () => {
    const withSnippet = await failure('FIND {acme} RETURNING Account WITH SNIPPET');
    expect(withSnippet.errorCode).toBe('MALFORMED_SEARCH');
    expect(withSnippet.message).toContain('not supported by the local org');
    expect((await failure('FIND {acme} RETURNING Account UPDATE TRACKING')).message).toContain(
      'not supported by the local org',
    );
    expect(await names('FIND {initech} RETURNING Account(Name) WITH SPELL_CORRECTION = false')).toEqual(['Initech']);
  });
});
