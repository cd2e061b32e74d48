/**
 * A JSON answer is sent as the UTF-8 bytes of its text, encoded once: Content-Length counts bytes, not
 * characters, for names outside ASCII as for the rest, and a HEAD request gets the same length without a body.
 */
import { LOCALORG_FIXTURE, dataPath, rawRequest, startTestOrg, type TestOrg } from '../support/localorg';

let t: TestOrg;
beforeAll(async () => {
  t = await startTestOrg({ forceAppRoot: LOCALORG_FIXTURE });
});
afterAll(() => t.close());

describe('response bytes', () => {
  const name = 'Café Grüße 日本 🚀';
  let id: string;
  beforeAll(async () => {
    const created = await t.conn.sobject('Account').create({ Name: name });
    id = (created as { id: string }).id;
  });

  it('gives a record with characters outside ASCII the Content-Length of its UTF-8 bytes', async () => {
    const res = await rawRequest(t.conn, 'GET', dataPath(`/sobjects/Account/${id}`));
    expect(res.status).toBe(200);
    expect((res.body as { Name: string }).Name).toBe(name);
    const text = JSON.stringify(res.body);
    expect(Number(res.headers['content-length'])).toBe(Buffer.byteLength(text));
    expect(Number(res.headers['content-length'])).toBeGreaterThan(text.length);
  });

  it('answers a query page with the same bytes', async () => {
    const q = encodeURIComponent(`SELECT Id, Name FROM Account WHERE Id = '${id}'`);
    const res = await rawRequest(t.conn, 'GET', dataPath(`/query?q=${q}`));
    const body = res.body as { records: { Name: string }[] };
    expect(body.records[0].Name).toBe(name);
    expect(Number(res.headers['content-length'])).toBe(Buffer.byteLength(JSON.stringify(res.body)));
  });

  it('answers HEAD with the length of the body GET sends, and no body', async () => {
    const get = await rawRequest(t.conn, 'GET', dataPath(`/sobjects/Account/${id}`));
    const head = await rawRequest(t.conn, 'HEAD', dataPath(`/sobjects/Account/${id}`));
    expect(head.status).toBe(200);
    expect(head.body).toBeUndefined();
    expect(head.headers['content-length']).toBe(get.headers['content-length']);
  });
});
