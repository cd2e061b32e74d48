/**
 * Conditional requests (REST API Developer Guide, "Conditional Request Headers"): sObject rows and
 * describes carry ETag and Last-Modified; If-None-Match and If-Modified-Since answer 304; a stale If-Match
 * or If-Unmodified-Since on PATCH or DELETE answers 412 PRECONDITION_FAILED and changes nothing.
 */
import { dataPath, rawRequest, startTestOrg, type RawResponse, type TestOrg } from '../support/localorg';

jest.setTimeout(30_000);

let t: TestOrg;
beforeAll(async () => {
  t = await startTestOrg();
});
afterAll(() => t.close());

const STALE_ETAG = '"c3RhbGU="';
type Headers = Record<string, string>;
const LONG_AGO = 'Sat, 01 Jan 2000 00:00:00 GMT';
const FUTURE = 'Fri, 01 Jan 2100 00:00:00 GMT';

async function newAccount(name: string): Promise<string> {
  return (await t.conn.sobject('Account').create({ Name: name })).id!;
}

const get = (path: string, headers: Record<string, string> = {}): Promise<RawResponse> =>
  rawRequest(t.conn, 'GET', dataPath(path), { headers });

function expectPreconditionFailed(response: RawResponse): void {
  expect(response.status).toBe(412);
  expect(response.body).toEqual([
    expect.objectContaining({ errorCode: 'PRECONDITION_FAILED', message: expect.any(String) }),
  ]);
}

describe('sObject rows', () => {
  it('answer with a strong quoted ETag and Last-Modified from SystemModstamp', async () => {
    const id = await newAccount('Validators');
    const read = await get(`/sobjects/Account/${id}`);
    expect(read.status).toBe(200);
    expect(read.headers.etag).toMatch(/^"[A-Za-z0-9+/=]+"$/);
    const modstamp = (read.body as { SystemModstamp: string }).SystemModstamp;
    expect(read.headers['last-modified']).toBe(new Date(modstamp.replace('+0000', 'Z')).toUTCString());
    // The ETag names the record, whatever `fields=` selects.
    expect((await get(`/sobjects/Account/${id}?fields=Name`)).headers.etag).toBe(read.headers.etag);
  });

  it('answer 304 to If-None-Match with the current ETag or If-Modified-Since not before Last-Modified', async () => {
    const id = await newAccount('Cached');
    const read = await get(`/sobjects/Account/${id}`);
    const etag = read.headers.etag;
    const notModified = await get(`/sobjects/Account/${id}`, { 'If-None-Match': etag });
    expect(notModified.status).toBe(304);
    expect(notModified.body).toBeUndefined();
    expect(notModified.headers.etag).toBe(etag);
    expect((await get(`/sobjects/Account/${id}`, { 'If-None-Match': `W/${etag}, "other"` })).status).toBe(304);
    expect((await get(`/sobjects/Account/${id}`, { 'If-None-Match': STALE_ETAG })).status).toBe(200);
    expect((await get(`/sobjects/Account/${id}`, { 'If-Modified-Since': read.headers['last-modified'] })).status).toBe(
      304,
    );
    expect((await get(`/sobjects/Account/${id}`, { 'If-Modified-Since': LONG_AGO })).status).toBe(200);
    // An invalid date on a read is ignored, as HTTP says.
    expect((await get(`/sobjects/Account/${id}`, { 'If-Modified-Since': 'not a date' })).status).toBe(200);
    // A change gives a new ETag: the old one no longer matches.
    await t.conn.sobject('Account').update({ Id: id, Name: 'Cached 2' });
    const changed = await get(`/sobjects/Account/${id}`, { 'If-None-Match': etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
  });

  it('answer 412 to PATCH with a stale If-Match or If-Unmodified-Since, and change nothing', async () => {
    const id = await newAccount('Original');
    const read = await get(`/sobjects/Account/${id}`);
    for (const headers of <Headers[]>[
      { 'If-Match': STALE_ETAG },
      { 'If-Match': `W/${read.headers.etag}` },
      { 'If-Unmodified-Since': LONG_AGO },
      { 'If-None-Match': read.headers.etag },
    ]) {
      const patch = await rawRequest(t.conn, 'PATCH', dataPath(`/sobjects/Account/${id}`), {
        body: { Name: 'Overwritten' },
        headers,
      });
      expectPreconditionFailed(patch);
    }
    const after = await get(`/sobjects/Account/${id}`);
    expect((after.body as { Name: string }).Name).toBe('Original');
    expect(after.headers.etag).toBe(read.headers.etag);
  });

  it('apply PATCH when If-Match is current, answering the new ETag; a second writer with the old one gets 412', async () => {
    const id = await newAccount('Shared');
    const { etag } = (await get(`/sobjects/Account/${id}`)).headers;
    const first = await rawRequest(t.conn, 'PATCH', dataPath(`/sobjects/Account/${id}`), {
      body: { Name: 'First writer' },
      headers: { 'If-Match': etag },
    });
    expect(first.status).toBe(204);
    expect(first.headers.etag).toBeDefined();
    expect(first.headers.etag).not.toBe(etag);
    const second = await rawRequest(t.conn, 'PATCH', dataPath(`/sobjects/Account/${id}`), {
      body: { Name: 'Second writer' },
      headers: { 'If-Match': etag },
    });
    expectPreconditionFailed(second);
    expect((await t.conn.sobject('Account').retrieve(id)).Name).toBe('First writer');
    const unmodified = await rawRequest(t.conn, 'PATCH', dataPath(`/sobjects/Account/${id}`), {
      body: { Name: 'Third writer' },
      headers: { 'If-Unmodified-Since': FUTURE },
    });
    expect(unmodified.status).toBe(204);
  });

  it('answer 412 to DELETE with a stale If-Match or If-Unmodified-Since, and keep the record', async () => {
    const id = await newAccount('Keep me');
    for (const headers of <Headers[]>[{ 'If-Match': STALE_ETAG }, { 'If-Unmodified-Since': LONG_AGO }]) {
      expectPreconditionFailed(await rawRequest(t.conn, 'DELETE', dataPath(`/sobjects/Account/${id}`), { headers }));
    }
    expect((await get(`/sobjects/Account/${id}`)).status).toBe(200);
    const { etag } = (await get(`/sobjects/Account/${id}`)).headers;
    const deleted = await rawRequest(t.conn, 'DELETE', dataPath(`/sobjects/Account/${id}`), {
      headers: { 'If-Match': etag },
    });
    expect(deleted.status).toBe(204);
    expect((await get(`/sobjects/Account/${id}`)).status).toBe(404);
  });

  it('answer 400 to an invalid If-Match or If-Unmodified-Since on a write', async () => {
    const id = await newAccount('Strict');
    for (const headers of <Headers[]>[{ 'If-Match': 'not-quoted' }, { 'If-Unmodified-Since': 'yesterday-ish' }]) {
      const patch = await rawRequest(t.conn, 'PATCH', dataPath(`/sobjects/Account/${id}`), {
        body: { Name: 'Changed' },
        headers,
      });
      expect(patch.status).toBe(400);
    }
    expect((await t.conn.sobject('Account').retrieve(id)).Name).toBe('Strict');
  });

  it('apply in composite subrequests too', async () => {
    const id = await newAccount('Composite');
    const response = await rawRequest(t.conn, 'POST', dataPath('/composite'), {
      body: {
        compositeRequest: [
          {
            method: 'PATCH',
            url: dataPath(`/sobjects/Account/${id}`),
            referenceId: 'stale',
            body: { Name: 'Via composite' },
            httpHeaders: { 'If-Match': STALE_ETAG },
          },
        ],
      },
    });
    const [result] = (response.body as { compositeResponse: { httpStatusCode: number }[] }).compositeResponse;
    expect(result.httpStatusCode).toBe(412);
    expect((await t.conn.sobject('Account').retrieve(id)).Name).toBe('Composite');
  });
});

describe('describes', () => {
  it.each(['/sobjects/Account/describe', '/sobjects'])(
    '%s carries ETag and Last-Modified and answers 304 when unchanged',
    async (path) => {
      const first = await get(path);
      expect(first.status).toBe(200);
      expect(first.headers.etag).toMatch(/^"[A-Za-z0-9+/=]+"$/);
      expect(first.headers['last-modified']).toBeDefined();
      // Stable for the org's run: the schema does not change without a restart.
      expect((await get(path)).headers.etag).toBe(first.headers.etag);
      expect((await get(path, { 'If-None-Match': first.headers.etag })).status).toBe(304);
      expect((await get(path, { 'If-Modified-Since': first.headers['last-modified'] })).status).toBe(304);
      expect((await get(path, { 'If-Modified-Since': LONG_AGO })).status).toBe(200);
      expect((await get(path, { 'If-None-Match': STALE_ETAG })).status).toBe(200);
    },
  );
});
