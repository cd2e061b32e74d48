/**
 * `parameterizedSearch` over HTTP (GET with URI parameters, POST with a JSON body) and the `search`
 * resource's HTTP behaviour: the parameters of the REST API guide (q, sobject and sobjects with their fields,
 * where, orderBy and limit, fields, in, overallLimit, defaultLimit, offset), the `{ searchRecords }` shape,
 * and Salesforce-shaped 4xx errors for what is missing, malformed or not supported.
 */
import { API_VERSION, dataPath, rawRequest, startTestOrg, type RawResponse, type TestOrg } from '../support/localorg';

type Rec = Record<string, unknown>;

let t: TestOrg;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestOrg();
  for (const [key, Name, Phone] of [
    ['acme', 'Acme Anvils', '(415) 555-0100'],
    ['acme2', 'Acme Rockets', '(415) 555-0101'],
    ['acme3', 'Acme Magnets', null],
    ['other', 'Roadrunner Inc', '(212) 555-0102'],
  ] as const) {
    ids[key] = (await t.conn.sobject('Account').create({ Name, Phone, Description: `${Name} supplies` })).id!;
  }
  ids.wile = (
    await t.conn.sobject('Contact').create({ LastName: 'Coyote', FirstName: 'Wile', Email: 'wile@acme.example' })
  ).id!;
});
afterAll(() => t.close());

const get = (query: string): Promise<RawResponse> =>
  rawRequest(t.conn, 'GET', dataPath(`/parameterizedSearch?${query}`));
const post = (body: unknown): Promise<RawResponse> =>
  rawRequest(t.conn, 'POST', dataPath('/parameterizedSearch'), { body: body as object });
const records = (response: RawResponse): Rec[] => {
  expect(response.status).toBe(200);
  return (response.body as { searchRecords: Rec[] }).searchRecords;
};
const strip = (list: Rec[]): Rec[] => list.map(({ attributes: _attributes, ...fields }) => fields);

describe('GET parameterizedSearch', () => {
  it('q alone searches all fields of every searchable object and returns Ids', async () => {
    const found = records(await get('q=Acme'));
    expect(found.map((r) => r.Id).sort()).toEqual([ids.acme, ids.acme2, ids.acme3, ids.wile].sort());
    expect(found.find((r) => r.Id === ids.wile)).toEqual({
      attributes: { type: 'Contact', url: `/services/data/v${API_VERSION}/sobjects/Contact/${ids.wile}` },
      Id: ids.wile,
    });
  });

  it('sobject with its fields, where, orderBy and limit (the guide’s example)', async () => {
    expect(strip(records(await get('q=Acme&sobject=Account&Account.fields=id,name&Account.limit=10')))).toEqual(
      expect.arrayContaining([{ Id: ids.acme, Name: 'Acme Anvils' }]),
    );
    const query = `q=Acme&sobject=Account&Account.fields=Name&Account.where=${encodeURIComponent("Name != 'Acme Rockets'")}&Account.orderBy=${encodeURIComponent('Name DESC')}`;
    expect(strip(records(await get(query)))).toEqual([{ Name: 'Acme Magnets' }, { Name: 'Acme Anvils' }]);
  });

  it('fields for every sobject, defaultLimit per object, overallLimit in all, offset', async () => {
    const both = records(await get('q=Acme&sobject=Contact&sobject=Account&fields=Id,Name&defaultLimit=1'));
    expect(strip(both)).toEqual([
      { Id: ids.wile, Name: 'Wile Coyote' },
      expect.objectContaining({ Name: expect.stringMatching(/^Acme/) }),
    ]);
    expect(records(await get('q=Acme&overallLimit=2'))).toHaveLength(2);
    const paged = records(await get('q=Acme&sobject=Account&Account.fields=Name&Account.orderBy=Name&offset=1'));
    expect(strip(paged)).toEqual([{ Name: 'Acme Magnets' }, { Name: 'Acme Rockets' }]);
  });

  it('in limits the searched fields; wildcards and operators work in q', async () => {
    expect(
      records(await get('q=415*&in=PHONE&sobject=Account'))
        .map((r) => r.Id)
        .sort(),
    ).toEqual([ids.acme, ids.acme2].sort());
    expect(records(await get('q=supplies&in=name'))).toEqual([]);
    const names = strip(
      records(
        await get(`q=${encodeURIComponent('Acme AND NOT Rock*')}&sobject=Account&fields=Name&Account.orderBy=Name`),
      ),
    );
    expect(names).toEqual([{ Name: 'Acme Anvils' }, { Name: 'Acme Magnets' }]);
  });
});

describe('POST parameterizedSearch', () => {
  it('takes the same as a JSON body with sobjects entries', async () => {
    const response = await post({
      q: 'Acme',
      fields: ['Id'],
      sobjects: [
        { name: 'Account', fields: ['Name', 'Phone'], where: 'Phone != null', orderBy: 'Name DESC', limit: 5 },
        { name: 'Contact' },
      ],
      in: 'ALL',
      overallLimit: 10,
      spellCorrection: false,
    });
    expect(strip(records(response))).toEqual([
      { Name: 'Acme Rockets', Phone: '(415) 555-0101' },
      { Name: 'Acme Anvils', Phone: '(415) 555-0100' },
      { Id: ids.wile },
    ]);
  });

  it('refuses a body that is not a search', async () => {
    expect(await post({ sobjects: [{ name: 'Account' }] })).toMatchObject({
      status: 400,
      body: [{ errorCode: 'MISSING_ARGUMENT' }],
    });
    expect(await post({ q: 'Acme', sobjects: 'Account' })).toMatchObject({
      status: 400,
      body: [{ errorCode: 'INVALID_SEARCH' }],
    });
    expect(await post({ q: 'Acme', sobjects: [{ fields: ['Id'] }] })).toMatchObject({ status: 400 });
    expect(await post({ q: 'Acme', overallLimit: 'many' })).toMatchObject({
      status: 400,
      body: [{ errorCode: 'INVALID_SEARCH' }],
    });
    const malformed = await rawRequest(t.conn, 'POST', dataPath('/parameterizedSearch'), { body: '{"q":' });
    expect(malformed).toMatchObject({ status: 400, body: [{ errorCode: 'JSON_PARSER_ERROR' }] });
  });
});

describe('errors', () => {
  it('a missing or too short q, or SOSL in q', async () => {
    expect(await get('sobject=Account')).toMatchObject({ status: 400, body: [{ errorCode: 'MISSING_ARGUMENT' }] });
    expect(await get('q=A')).toMatchObject({
      status: 400,
      body: [{ errorCode: 'INVALID_SEARCH', message: 'search term must be longer than one character', fields: [] }],
    });
    expect(await get(`q=${encodeURIComponent('FIND {Acme}')}`)).toMatchObject({
      status: 400,
      body: [{ errorCode: 'MALFORMED_SEARCH' }],
    });
  });

  it('bad parameters: search group, limits, offset over several objects, unknown object or field', async () => {
    for (const query of [
      'q=Acme&in=EVERYTHING',
      'q=Acme&overallLimit=2001',
      'q=Acme&defaultLimit=-1',
      'q=Acme&offset=1',
    ]) {
      expect(await get(query)).toMatchObject({ status: 400, body: [{ errorCode: 'INVALID_SEARCH' }] });
    }
    expect(await get('q=Acme&sobject=Nope__c')).toMatchObject({
      status: 400,
      body: [{ errorCode: 'INVALID_TYPE', message: expect.stringMatching(/^sObject type 'Nope__c' is not supported/) }],
    });
    expect(await get('q=Acme&sobject=Account&Account.fields=Bogus')).toMatchObject({
      status: 400,
      body: [
        { errorCode: 'INVALID_FIELD', message: expect.stringMatching(/^No such column 'Bogus' on entity 'Account'/) },
      ],
    });
  });

  it('parameters for features the local org lacks are refused as such', async () => {
    const response = await get('q=Acme&snippet=Body');
    expect(response).toMatchObject({ status: 400, body: [{ errorCode: 'INVALID_SEARCH' }] });
    expect(JSON.stringify(response.body)).toContain('not supported by the local org');
  });

  it('search: a missing q, and methods other than GET', async () => {
    expect(await rawRequest(t.conn, 'GET', dataPath('/search'))).toMatchObject({
      status: 400,
      body: [
        { errorCode: 'MALFORMED_SEARCH', message: 'No search term found. The search term must be enclosed in braces.' },
      ],
    });
    expect(await rawRequest(t.conn, 'POST', dataPath('/search'), { body: {} })).toMatchObject({
      status: 405,
      body: [{ errorCode: 'METHOD_NOT_ALLOWED' }],
    });
    expect(await rawRequest(t.conn, 'DELETE', dataPath('/parameterizedSearch'))).toMatchObject({ status: 405 });
    expect(await rawRequest(t.conn, 'GET', dataPath('/search/?q=FIND+%7BRoadrunner%7D'))).toMatchObject({
      status: 200,
      body: { searchRecords: [expect.objectContaining({ Id: ids.other })] },
    });
  });

  it('the resources list names both', async () => {
    const response = await rawRequest(t.conn, 'GET', dataPath('/'));
    expect(response.body).toMatchObject({
      search: `/services/data/v${API_VERSION}/search`,
      parameterizedSearch: `/services/data/v${API_VERSION}/parameterizedSearch`,
    });
  });
});
