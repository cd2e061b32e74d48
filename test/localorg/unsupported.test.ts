/**
 * What the local org does not serve fails fast and says so: retired API versions answer 410 GONE, and
 * the Tooling API, Analytics, Apex REST, `sf org open`'s single-access URL and the
 * describe links it does not implement answer a Salesforce-shaped error saying "not supported by the
 * local org" and what to use instead. jsforce's streaming client gets one final handshake refusal and
 * never retries. Every link an object describe advertises either works or answers that error: none 404s.
 */
import { API_VERSION, dataPath, rawRequest, startTestOrg, type TestOrg } from '../support/localorg';

let t: TestOrg;
beforeAll(async () => {
  t = await startTestOrg();
});
afterAll(() => t.close());

const NOT_SUPPORTED = [
  {
    errorCode: 'FUNCTIONALITY_NOT_ENABLED',
    message: expect.stringMatching(/not supported by the local org\. \S.*/),
    fields: [],
  },
];

describe('API versions', () => {
  it.each(['v21.0', 'v25.0', 'v30.0', 'v20.0'])('answers 410 GONE for retired version %s', async (version) => {
    const res = await rawRequest(t.conn, 'GET', `/services/data/${version}/sobjects/Account/describe`);
    expect(res.status).toBe(410);
    expect(res.body).toEqual([
      {
        errorCode: 'GONE',
        message: expect.stringContaining(`API version ${version.slice(1)} was retired`),
        fields: [],
      },
    ]);
  });

  it('lists only the served versions, from 31.0 to the newest', async () => {
    const versions = (await rawRequest(t.conn, 'GET', '/services/data', { token: null })).body as { version: string }[];
    expect(versions[0].version).toBe('31.0');
    expect(versions.at(-1)?.version).toBe(API_VERSION);
    expect(versions.map((v) => Number(v.version)).every((v) => v >= 31)).toBe(true);
    expect((await rawRequest(t.conn, 'GET', '/services/data/v31.0/limits')).status).toBe(200);
  });
});

describe('unsupported APIs', () => {
  it.each([
    ['the Tooling API', dataPath('/tooling/query?q=SELECT+Id+FROM+ApexClass')],
    ['the Tooling API sobjects', dataPath('/tooling/sobjects/ApexClass/describe')],
    ['CRM Analytics', dataPath('/wave/datasets')],
    ['Apex REST', '/services/apexrest/MyService/v1'],
    ['sf org open', '/services/oauth2/singleaccess'],
  ])('refuses %s at once with what to use instead', async (_what, path) => {
    const res = await rawRequest(t.conn, 'GET', path);
    expect(res.status).toBe(403);
    expect(res.body).toEqual(NOT_SUPPORTED);
  });

  it('refuses them through jsforce with the message', async () => {
    const error = await t.conn.tooling.query('SELECT Id FROM ApexClass').then(
      () => undefined,
      (e: Error & { errorCode?: string }) => e,
    );
    expect(error?.errorCode).toBe('FUNCTIONALITY_NOT_ENABLED');
    expect(error?.message).toMatch(/The Tooling API: not supported by the local org/);
  });

  it('still needs a valid session', async () => {
    const res = await rawRequest(t.conn, 'GET', dataPath('/tooling/query?q=x'), { token: 'nope' });
    expect(res.status).toBe(401);
  });

  it('answers every link of an object describe, or says it is not supported, never 404', async () => {
    const describe = (await t.conn.request(dataPath('/sobjects/Account/describe'))) as {
      urls: Record<string, string>;
      recordTypeInfos: { urls: Record<string, string> }[];
    };
    const links = [...Object.values(describe.urls), ...describe.recordTypeInfos.flatMap((r) => Object.values(r.urls))];
    expect(links.length).toBeGreaterThanOrEqual(8);
    for (const link of links) {
      const path = link.replace('{ID}', (await t.conn.sobject('Account').create({ Name: 'Linked' })).id ?? '');
      const res = await rawRequest(t.conn, 'GET', path);
      if (res.status !== 200) {
        expect({ link, status: res.status, body: res.body }).toEqual({ link, status: 403, body: NOT_SUPPORTED });
      }
    }
  });
});

describe('streaming', () => {
  it('refuses the CometD handshake once, finally: jsforce does not retry', async () => {
    const handshakes: { channel: string }[] = [];
    const client = t.conn.streaming.createClient([
      {
        incoming: (message: { channel: string }, callback: (m: unknown) => void) => {
          if (message.channel === '/meta/handshake') handshakes.push(message);
          callback(message);
        },
      },
    ]);
    void client.subscribe('/topic/AllAccounts', () => undefined);
    const started = Date.now();
    while (handshakes.length === 0 && Date.now() - started < 5_000) await new Promise((r) => setTimeout(r, 50));
    expect(handshakes).toEqual([
      {
        id: expect.any(String),
        channel: '/meta/handshake',
        successful: false,
        error: expect.stringMatching(/^403::Streaming API \(CometD\) is not supported by the local org/),
        advice: { reconnect: 'none', interval: 0 },
      },
    ]);
    // faye retries a failed handshake after 5 s unless advised not to: wait past that.
    await new Promise((r) => setTimeout(r, 6_000));
    expect(handshakes).toHaveLength(1);
    // faye's client has disconnect(); jsforce's typings leave it out.
    (client as unknown as { disconnect(): void }).disconnect();
  }, 20_000);
});
