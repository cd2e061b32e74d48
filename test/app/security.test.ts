/**
 * The local app's server under attack, over real HTTP: a forged Host (DNS rebinding), cross-site and
 * cross-port writes (CSRF), the session cookie's attributes, idle expiry and the bound on sessions, org
 * tokens minted per visit, expired org tokens, concurrent rollups, security headers and malformed URLs.
 * The app talks to an in-memory org through a small pass-through server that counts the app's sign-ins and
 * can hold requests, so the tests see what the app asks of the org.
 */
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import fc from 'fast-check';
import { startAppServer, type AppServer, type AppServerOptions } from '../../packages/app/server';
import { SECURITY_HEADERS } from '../../packages/app/security';
import { API_VERSION, dataPath, startTestOrg, type TestOrg } from '../support/localorg';
import { createUser, type TestUser } from '../support/security';

jest.setTimeout(60000);

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

/** One raw HTTP request (node:http, so that Host can be forged and nothing is added behind our back). */
function send(
  app: AppServer,
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  const { port } = new URL(app.url);
  return new Promise((resolveReply, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers: options.headers ?? {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolveReply({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString() }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const json = (reply: Reply): unknown => JSON.parse(reply.text);
const errorCode = (reply: Reply): string => (json(reply) as { errorCode: string }[])[0].errorCode;
const cookieValue = (reply: Reply): string | undefined => reply.headers['set-cookie']?.[0]?.split(';')[0];

/** The headers of a write sent by the app's own pages: its Origin, JSON, and the session cookie. */
const sameOrigin = (app: AppServer, cookie?: string): Record<string, string> => ({
  Origin: app.url,
  'Content-Type': 'application/json',
  ...(cookie ? { Cookie: cookie } : {}),
});

/** The user a session cookie is signed in as, read from session.js as the shell does. */
async function sessionUser(app: AppServer, cookie: string): Promise<{ username: string; setCookie?: string }> {
  const reply = await send(app, 'GET', '/app/session.js', { headers: { Cookie: cookie } });
  expect(reply.status).toBe(200);
  const visible = JSON.parse(reply.text.replace(/^window\.__papSession = /, '').replace(/;\s*$/, '')) as {
    username: string;
  };
  return { username: visible.username, setCookie: cookieValue(reply) };
}

/** A new browser: the cookie-less visit of session.js that signs it in as the default user. */
async function newBrowser(app: AppServer): Promise<string> {
  const reply = await send(app, 'GET', '/app/session.js');
  expect(reply.status).toBe(200);
  const cookie = cookieValue(reply);
  if (!cookie) throw new Error('session.js set no cookie');
  return cookie;
}

/**
 * Between the app and the org: forwards every request, remembers the bearer tokens and password-grant
 * usernames it saw, and while held keeps requests waiting (to catch a rollup in the middle).
 */
interface OrgFront {
  url: string;
  grants: string[];
  tokens: Set<string>;
  requests: string[];
  hold(): void;
  release(): void;
  waiting(): number;
  close(): Promise<void>;
}

async function startOrgFront(target: string): Promise<OrgFront> {
  const grants: string[] = [];
  const tokens = new Set<string>();
  const requests: string[] = [];
  let gate: Promise<void> | undefined;
  let open = (): void => undefined;
  let waiting = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      void (async () => {
        const body = Buffer.concat(chunks);
        requests.push(`${req.method} ${req.url}`);
        if (req.url === '/services/oauth2/token')
          grants.push(new URLSearchParams(body.toString()).get('username') ?? '');
        const auth = req.headers.authorization;
        if (auth?.startsWith('Bearer ')) tokens.add(auth.slice('Bearer '.length));
        if (gate) {
          waiting++;
          await gate;
          waiting--;
        }
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(req.headers))
          if (typeof value === 'string' && !['host', 'connection', 'content-length'].includes(name))
            headers[name] = value;
        const response = await fetch(`${target}${req.url}`, {
          method: req.method,
          headers,
          body: body.length > 0 ? new Uint8Array(body) : undefined,
        });
        res.writeHead(response.status, {
          'Content-Type': response.headers.get('content-type') ?? 'application/json',
        });
        res.end(Buffer.from(await response.arrayBuffer()));
      })().catch((error: unknown) => {
        res.writeHead(502);
        res.end(String(error));
      });
    });
  });
  await new Promise<void>((resolveListen) => server.listen(0, '127.0.0.1', resolveListen));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    grants,
    tokens,
    requests,
    hold() {
      gate = new Promise((resolveGate) => {
        open = resolveGate;
      });
    },
    release() {
      gate = undefined;
      open();
    },
    waiting: () => waiting,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}

let t: TestOrg;
let front: OrgFront;
let pm: TestUser;
let clock = Date.parse('2026-03-02T09:00:00Z');
const apps: AppServer[] = [];
let app: AppServer;

/** An admin token of the app's own (the test's connection keeps the org's). */
async function adminToken(): Promise<string> {
  const response = await fetch(`${t.org.instanceUrl}/services/oauth2/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'password',
      client_id: 'app-security-tests',
      client_secret: 'secret',
      username: t.org.adminUsername,
      password: t.org.adminPassword,
    }),
  });
  const body = (await response.json()) as { access_token: string };
  return body.access_token;
}

async function startApp(options: Partial<AppServerOptions> = {}): Promise<AppServer> {
  const started = await startAppServer({
    port: 0,
    orgUrl: front.url,
    adminUsername: t.org.adminUsername,
    adminToken: await adminToken(),
    adminPassword: t.org.adminPassword,
    now: () => clock,
    // No background access sync: the tests count what the app asks of the org, and only they should ask.
    accessSyncSeconds: 0,
    ...options,
  });
  apps.push(started);
  return started;
}

/** Revokes, in the org, every token the app has used so far (as a timeout or a password change would). */
async function revokeAppTokens(): Promise<void> {
  for (const token of front.tokens) {
    const response = await fetch(`${t.org.instanceUrl}/services/oauth2/revoke`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token }),
    });
    expect(response.status).toBe(200);
  }
}

beforeAll(async () => {
  t = await startTestOrg();
  front = await startOrgFront(t.org.instanceUrl);
  pm = await createUser(t, { alias: 'apppm', permissionSets: ['Partner_Manager'] });
  await createUser(t, { alias: 'appae', permissionSets: ['Account_Executive'] });
  app = await startApp();
});

afterAll(async () => {
  for (const started of apps) await started.close();
  await front.close();
  await t.close();
});

describe('Host (DNS rebinding)', () => {
  test('a forged Host is refused with 421 and no cookie, for pages, session.js, the switch and the API', async () => {
    const port = new URL(app.url).port;
    const before = front.requests.length;
    for (const host of [
      'evil.example',
      `evil.example:${port}`,
      `127.0.0.1:${Number(port) + 1}`,
      `127.0.0.1.nip.io:${port}`,
    ]) {
      for (const [method, path, headers] of [
        ['GET', '/app/session.js', {}],
        ['GET', '/plans', {}],
        ['GET', dataPath('/sobjects'), {}],
        // What a rebound page sends: from its point of view the request is same-origin.
        ['POST', '/app/session', { Origin: `http://${host}`, 'Content-Type': 'application/json' }],
      ] as const) {
        const reply = await send(app, method, path, {
          headers: { ...headers, Host: host },
          body: method === 'POST' ? JSON.stringify({ username: t.org.adminUsername }) : undefined,
        });
        expect([reply.status, errorCode(reply)]).toEqual([421, 'INVALID_HOST']);
        expect(reply.headers['set-cookie']).toBeUndefined();
      }
    }
    // Nothing reached the org.
    expect(front.requests.length).toBe(before);
  });

  test('127.0.0.1 and localhost are served, with the app port or none', async () => {
    const port = new URL(app.url).port;
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, '127.0.0.1', 'LOCALHOST']) {
      const reply = await send(app, 'GET', '/app/session.js', { headers: { Host: host } });
      expect(reply.status).toBe(200);
    }
  });
});

describe('CSRF: writes need the app origin and JSON', () => {
  test("a cross-site form (text/plain) cannot switch a browser to the admin; the browser's session stays", async () => {
    const cookie = await newBrowser(app);
    expect((await sessionUser(app, cookie)).username).toBe(pm.username);
    const form = `{"username":"${t.org.adminUsername}","x":"=`;
    const reply = await send(app, 'POST', '/app/session', {
      headers: { Origin: 'http://evil.example', 'Content-Type': 'text/plain', Cookie: cookie },
      body: form,
    });
    expect([reply.status, errorCode(reply)]).toEqual([403, 'INVALID_ORIGIN']);
    expect(reply.headers['set-cookie']).toBeUndefined();
    const after = await sessionUser(app, cookie);
    expect(after).toEqual({ username: pm.username, setCookie: undefined });
  });

  test('another port of 127.0.0.1 (same site for cookies), a null or missing Origin are refused', async () => {
    const cookie = await newBrowser(app);
    const body = JSON.stringify({ username: t.org.adminUsername });
    for (const origin of [
      t.org.instanceUrl,
      'http://127.0.0.1:1',
      'http://localhost:1',
      'null',
      'https://127.0.0.1:' + new URL(app.url).port,
      undefined,
    ]) {
      const headers: Record<string, string> = { 'Content-Type': 'application/json', Cookie: cookie };
      if (origin !== undefined) headers.Origin = origin;
      const reply = await send(app, 'POST', '/app/session', { headers, body });
      expect([origin, reply.status, errorCode(reply)]).toEqual([origin, 403, 'INVALID_ORIGIN']);
    }
    expect((await sessionUser(app, cookie)).username).toBe(pm.username);
  });

  test('the app origin with a form content type is refused with 415; with JSON the switch works', async () => {
    const cookie = await newBrowser(app);
    const body = JSON.stringify({ username: t.org.adminUsername });
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const reply = await send(app, 'POST', '/app/session', {
        headers: { Origin: app.url, 'Content-Type': type, Cookie: cookie },
        body,
      });
      expect([reply.status, errorCode(reply)]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
    }
    expect((await sessionUser(app, cookie)).username).toBe(pm.username);
    const localhost = app.url.replace('127.0.0.1', 'localhost');
    const switched = await send(app, 'POST', '/app/session', {
      headers: { ...sameOrigin(app, cookie), Origin: localhost, Host: new URL(localhost).host },
      body,
    });
    expect(switched.status).toBe(200);
    const next = cookieValue(switched)!;
    expect(next).not.toBe(cookie);
    expect((await sessionUser(app, next)).username).toBe(t.org.adminUsername);
    // The id from before the switch is gone (no fixation): it is a new cookie-less visit now.
    expect((await sessionUser(app, cookie)).setCookie).toBeDefined();
  });

  test('proxied API writes, GraphQL and the rollup are refused from another origin; nothing reaches the org', async () => {
    const cookie = await newBrowser(app);
    const account = await t.conn.sobject('Account').create({ Name: 'Kept' });
    const writes: [string, string, string | undefined][] = [
      ['POST', dataPath('/sobjects/Account'), JSON.stringify({ Name: 'Forged' })],
      ['PATCH', dataPath(`/sobjects/Account/${account.id}`), JSON.stringify({ Name: 'Forged' })],
      ['DELETE', dataPath(`/sobjects/Account/${account.id}`), undefined],
      ['POST', dataPath('/composite/sobjects'), JSON.stringify({ records: [] })],
      [
        'POST',
        dataPath('/graphql'),
        JSON.stringify({ query: '{ uiapi { query { Account { edges { node { Id } } } } } }' }),
      ],
      ['POST', '/app/rollup', '{}'],
    ];
    const before = front.requests.length;
    for (const [method, path, body] of writes) {
      for (const origin of ['http://evil.example', t.org.instanceUrl]) {
        const reply = await send(app, method, path, {
          headers: { Origin: origin, 'Content-Type': 'application/json', Cookie: cookie },
          body,
        });
        expect([method, path, reply.status]).toEqual([method, path, 403]);
        // Salesforce's error shape on the API paths as on the app's own.
        expect(json(reply)).toEqual([
          expect.objectContaining({ errorCode: 'INVALID_ORIGIN', message: expect.any(String) }),
        ]);
      }
    }
    expect(front.requests.length).toBe(before);
    const stored = await t.conn.query<{ Name: string }>(`SELECT Name FROM Account WHERE Id = '${account.id}'`);
    expect(stored.records[0].Name).toBe('Kept');
    // Same origin: the same writes go through (a DELETE needs no body and no content type).
    const patched = await send(app, 'PATCH', dataPath(`/sobjects/Account/${account.id}`), {
      headers: sameOrigin(app, cookie),
      body: JSON.stringify({ Name: 'Renamed' }),
    });
    expect(patched.status).toBe(204);
    // A record the partner manager owns (created through the app), deleted with no body and no content type.
    const created = await send(app, 'POST', dataPath('/sobjects/Account'), {
      headers: sameOrigin(app, cookie),
      body: JSON.stringify({ Name: 'Made in the app' }),
    });
    expect(created.status).toBe(201);
    const { id } = json(created) as { id: string };
    const deleted = await send(app, 'DELETE', dataPath(`/sobjects/Account/${id}`), {
      headers: { Origin: app.url, Cookie: cookie },
    });
    expect([deleted.status, deleted.text]).toEqual([204, '']);
  });

  test('only Bulk API 2.0 batch uploads may be CSV; OAuth is not proxied', async () => {
    const cookie = await newBrowser(app);
    const csv = { headers: { Origin: app.url, 'Content-Type': 'text/csv', Cookie: cookie }, body: 'Name\nA\n' };
    const onSobjects = await send(app, 'POST', dataPath('/sobjects/Account'), csv);
    expect([onSobjects.status, errorCode(onSobjects)]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
    // A CSV upload passes the app's checks and gets the org's own answer (no such job here).
    const before = front.requests.length;
    const upload = await send(app, 'PUT', dataPath('/jobs/ingest/750000000000001AAA/batches'), csv);
    expect(upload.status).not.toBe(415);
    expect(front.requests.length).toBe(before + 1);
    const token = await send(app, 'POST', '/services/oauth2/token', {
      headers: { ...sameOrigin(app, cookie), 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=password',
    });
    expect(token.status).toBe(415);
    for (const path of ['/services/oauth2/userinfo', '/services/oauth2/revoke']) {
      const reply = await send(app, path.endsWith('revoke') ? 'POST' : 'GET', path, {
        headers: sameOrigin(app, cookie),
        body: path.endsWith('revoke') ? '{}' : undefined,
      });
      expect([reply.status, errorCode(reply)]).toEqual([404, 'NOT_FOUND']);
    }
  });
});

describe('sessions', () => {
  test('the cookie is HttpOnly, SameSite=Strict, Path=/, on session.js and on a switch', async () => {
    const visit = await send(app, 'GET', '/app/session.js');
    const switched = await send(app, 'POST', '/app/session', {
      headers: sameOrigin(app),
      body: JSON.stringify({ username: pm.username }),
    });
    for (const reply of [visit, switched]) {
      const cookie = reply.headers['set-cookie']?.[0] ?? '';
      const attributes = cookie.split(';').map((part) => part.trim().toLowerCase());
      expect(attributes[0]).toMatch(/^pap_session=[0-9a-f]{48}$/);
      expect(attributes.slice(1).sort()).toEqual(['httponly', 'path=/', 'samesite=strict']);
    }
  });

  test('an app session ends after 2 hours idle: API calls answer 401, session.js signs in again', async () => {
    const cookie = await newBrowser(app);
    const users = (): Promise<Reply> => send(app, 'GET', '/app/users', { headers: { Cookie: cookie } });
    const api = (): Promise<Reply> => send(app, 'GET', dataPath('/sobjects'), { headers: { Cookie: cookie } });
    // Use keeps it alive: twice 1 h 59 min apart.
    for (let i = 0; i < 2; i++) {
      clock += 119 * 60 * 1000;
      expect((await users()).status).toBe(200);
    }
    clock += 2 * 60 * 60 * 1000 + 1;
    for (const reply of [await users(), await api()]) {
      expect(reply.status).toBe(401);
      expect(json(reply)).toEqual([expect.objectContaining({ errorCode: 'INVALID_SESSION_ID' })]);
    }
    // What the shell does on its next load: session.js gives a new session, and the API answers again.
    const again = await sessionUser(app, cookie);
    expect(again.username).toBe(pm.username);
    expect(again.setCookie).toBeDefined();
    expect(again.setCookie).not.toBe(cookie);
    const reply = await send(app, 'GET', dataPath('/sobjects'), { headers: { Cookie: again.setCookie! } });
    expect(reply.status).toBe(200);
  });

  test('cookie-less visits of session.js mint no org token each; sessions are bounded, oldest evicted', async () => {
    const bounded = await startApp({ maxSessions: 3 });
    const grants = front.grants.length;
    const cookies: string[] = [];
    for (let i = 0; i < 20; i++) cookies.push(await newBrowser(bounded));
    // One sign-in for the default user, shared by every browser signed in as them.
    expect(front.grants.slice(grants)).toEqual([pm.username]);
    expect(new Set(cookies).size).toBe(20);
    const status = async (cookie: string): Promise<number> =>
      (await send(bounded, 'GET', '/app/users', { headers: { Cookie: cookie } })).status;
    expect(await status(cookies[0])).toBe(401);
    expect(await status(cookies[16])).toBe(401);
    for (const cookie of cookies.slice(17)) expect(await status(cookie)).toBe(200);
  });

  test('an org token the org expired or revoked is renewed once (users and admin), the request answered', async () => {
    const renewing = await startApp();
    const cookie = await newBrowser(renewing);
    const soql = dataPath('/query?q=') + encodeURIComponent('SELECT Id FROM User LIMIT 1');
    expect((await send(renewing, 'GET', soql, { headers: { Cookie: cookie } })).status).toBe(200);
    await revokeAppTokens();
    const grants = front.grants.length;
    const proxied = await send(renewing, 'GET', soql, { headers: { Cookie: cookie } });
    expect(proxied.status).toBe(200);
    const graphql = await send(renewing, 'POST', dataPath('/graphql'), {
      headers: sameOrigin(renewing, cookie),
      body: JSON.stringify({ query: '{ uiapi { query { User(first: 1) { edges { node { Id } } } } } }' }),
    });
    expect(graphql.status).toBe(200);
    expect(json(graphql)).toEqual({ data: expect.anything() });
    // The admin's token (users list) is renewed with the admin password.
    expect((await send(renewing, 'GET', '/app/users', { headers: { Cookie: cookie } })).status).toBe(200);
    expect(front.grants.slice(grants).sort()).toEqual([pm.username, t.org.adminUsername].sort());
  });

  test('without an admin password a revoked admin token is a clean 401, not a 500', async () => {
    const noPassword = await startApp({ adminPassword: undefined });
    const cookie = await newBrowser(noPassword);
    await revokeAppTokens();
    const reply = await send(noPassword, 'GET', '/app/users', { headers: { Cookie: cookie } });
    expect([reply.status, errorCode(reply)]).toEqual([401, 'INVALID_SESSION_ID']);
  });
});

test('one rollup at a time: a second one while the first runs gets 409', async () => {
  const cookie = await newBrowser(app);
  const post = (): Promise<Reply> => send(app, 'POST', '/app/rollup', { headers: sameOrigin(app, cookie), body: '{}' });
  front.hold();
  let first: Promise<Reply>;
  try {
    first = post();
    // Wait until the first rollup is talking to the org (bounded).
    for (let i = 0; i < 200 && front.waiting() === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(front.waiting()).toBeGreaterThan(0);
    const second = await post();
    expect(second.status).toBe(409);
    expect(json(second)).toEqual([
      expect.objectContaining({
        errorCode: 'ROLLUP_ALREADY_RUNNING',
        message: expect.stringContaining('A rollup is already running'),
      }),
    ]);
  } finally {
    front.release();
  }
  expect((await first).status).toBe(200);
  // Once it finished, the next one runs.
  expect((await post()).status).toBe(200);
});

test('every response carries CSP, nosniff, frame and referrer protection', async () => {
  const cookie = await newBrowser(app);
  const replies = [
    await send(app, 'GET', '/'),
    await send(app, 'GET', '/plans/a0X000000000001'),
    await send(app, 'GET', '/app/session.js'),
    await send(app, 'GET', '/assets/styles/salesforce-lightning-design-system.min.css'),
    await send(app, 'GET', '/assets/nothing-here.css'),
    await send(app, 'GET', dataPath('/sobjects'), { headers: { Cookie: cookie } }),
    await send(app, 'GET', dataPath('/sobjects')),
    await send(app, 'GET', '/app/session.js', { headers: { Host: 'evil.example' } }),
    await send(app, 'POST', '/app/session', { headers: { Origin: 'http://evil.example' } }),
    await send(app, 'GET', '/%'),
  ];
  for (const reply of replies) {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(reply.headers[name.toLowerCase()]).toBe(value);
  }
  const csp = SECURITY_HEADERS['Content-Security-Policy'];
  for (const directive of [
    "default-src 'self'",
    "script-src 'self'",
    "frame-ancestors 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    "img-src 'self' data:",
  ])
    expect(csp.split('; ')).toContain(directive);
  expect(csp).not.toContain('unsafe-eval');
  expect(SECURITY_HEADERS).toMatchObject({
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'same-origin',
  });
});

describe('malformed URLs', () => {
  test('a malformed % escape answers 400, never 500', async () => {
    const cookie = await newBrowser(app);
    for (const path of ['/assets/%E0%A4%A', '/%', '/plans/%ZZ', '/app/%', dataPath('/sobjects/%E0%A4%A'), '/%C0%AF']) {
      const reply = await send(app, 'GET', path, { headers: { Cookie: cookie } });
      expect([path, reply.status, errorCode(reply)]).toEqual([path, 400, 'MALFORMED_URL']);
    }
    // A raw non-ASCII byte never reaches the handler (Node's parser refuses it): still JSON, still headers.
    const raw = await send(app, 'GET', '/plans/\u00e9');
    expect([raw.status, errorCode(raw)]).toEqual([400, 'BAD_REQUEST']);
    expect(raw.headers['content-security-policy']).toBe(SECURITY_HEADERS['Content-Security-Policy']);
  });

  test('fuzz: random paths and methods never answer 500 (bounded)', async () => {
    const cookie = await newBrowser(app);
    const segment = fc.oneof(
      fc.constantFrom(
        'app',
        'assets',
        'services',
        'data',
        `v${API_VERSION}`,
        'sobjects',
        'session.js',
        'users',
        'plans',
        '..',
        '.',
        '',
      ),
      fc.constantFrom('%', '%E0%A4%A', '%2e%2e', '%00', '%C0%AF', '%FF', '%25', '%2F', '%C3%A9', '~', 'a%2', '%%'),
      fc.stringMatching(/^[A-Za-z0-9%._~-]{0,12}$/),
    );
    const method = fc.constantFrom('GET', 'HEAD', 'GET', 'DELETE', 'POST', 'PUT', 'OPTIONS');
    await fc.assert(
      fc.asyncProperty(
        fc.array(segment, { maxLength: 6 }),
        method,
        fc.boolean(),
        async (segments, verb, withCookie) => {
          const path = `/${segments.join('/')}`;
          // Writes from elsewhere are refused before any routing; GETs with a session reach every route.
          const headers: Record<string, string> = withCookie ? { Cookie: cookie } : {};
          if (verb !== 'GET' && verb !== 'HEAD') headers.Origin = 'http://evil.example';
          const reply = await send(app, verb, path, { headers });
          expect([path, verb, reply.status < 500 || reply.status === 503]).toEqual([path, verb, true]);
          if (reply.status >= 400 && verb !== 'HEAD') {
            expect(json(reply)).toEqual([
              expect.objectContaining({ message: expect.any(String), errorCode: expect.any(String) }),
            ]);
          }
        },
      ),
      { numRuns: 300, interruptAfterTimeLimit: 8000, seed: 12 },
    );
  });
});
