/**
 * The local app's HTTP server: serves the built app (app/dist) and the SLDS assets, proxies `/services/*`
 * to the local org as the signed-in user, answers the UI API GraphQL endpoint (app/graphql.ts), and keeps
 * each browser's session server-side: the browser holds a random cookie, never a token or a password.
 */
import { randomBytes } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { SHARED_DEV_PASSWORD } from '../localorg/auth';
import { REPO_ROOT } from '../model';
import { connect } from '../scripts/lib/connection';
import { runRollup } from '../scripts/lib/rollup/engine';
import { runGraphQL, type ObjectDescribe, type OrgClient } from './graphql';

export const APP_PORT = 3000;
export const API_VERSION = '66.0';
export const DIST_DIR = join(REPO_ROOT, 'app', 'dist');
const SLDS_ASSETS = join(REPO_ROOT, 'node_modules', '@salesforce-ux', 'design-system', 'assets');
const COOKIE = 'pap_session';
const MAX_BODY_BYTES = 10 * 1024 * 1024;

export interface AppServerOptions {
  port?: number;
  /** The local org's instance URL and its admin's credentials (users list, rollup, admin sign-in). */
  orgUrl: string;
  adminUsername: string;
  adminToken: string;
  distDir?: string;
}

export interface AppServer {
  url: string;
  close(): Promise<void>;
}

interface Session {
  userId: string;
  username: string;
  name: string;
  token: string;
  locale: string;
  timeZone: string;
}

export interface AppUser {
  id: string;
  name: string;
  username: string;
  role: string;
}

const ROLE_BY_PERMISSION_SET: Record<string, string> = {
  Partner_Planning_Admin: 'Admin',
  Partner_Manager: 'Partner Manager',
  Account_Executive: 'Account Executive',
};
const ROLE_ORDER = ['System Administrator', 'Admin', 'Partner Manager', 'Account Executive'];

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.map': 'application/json',
};

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) reject(new HttpError(413, 'request body too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}

function cookieOf(req: IncomingMessage): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === COOKIE) return rest.join('=');
  }
  return undefined;
}

/** A file under a root, or undefined (no path may climb out of the root). */
function fileUnder(root: string, urlPath: string): string | undefined {
  const path = normalize(join(root, decodeURIComponent(urlPath)));
  if (path !== root && !path.startsWith(root + sep)) return undefined;
  return existsSync(path) && statSync(path).isFile() ? path : undefined;
}

function sendFile(res: ServerResponse, path: string, cache: string): void {
  res.writeHead(200, {
    'Content-Type': CONTENT_TYPES[extname(path)] ?? 'application/octet-stream',
    'Cache-Control': cache,
  });
  createReadStream(path).pipe(res);
}

/** `en_US` (Salesforce locale keys) to `en-US` (BCP 47, what Intl and the components use). */
const bcp47 = (sidKey: string | null | undefined): string => (sidKey ? sidKey.replace(/_/g, '-') : 'en-US');

export async function startAppServer(options: AppServerOptions): Promise<AppServer> {
  const distDir = resolve(options.distDir ?? DIST_DIR);
  const sessions = new Map<string, Session>();
  const apiBase = `${options.orgUrl}/services/data/v${API_VERSION}`;
  // Object describes do not depend on who asks for the picklist labels and relationship names we need.
  const describes = new Map<string, Promise<ObjectDescribe>>();

  async function orgJson<T>(token: string, path: string, init: RequestInit = {}): Promise<T> {
    const response = await fetch(path.startsWith('http') ? path : `${options.orgUrl}${path}`, {
      ...init,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...(init.headers ?? {}) },
    });
    const text = await response.text();
    const body = text ? (JSON.parse(text) as unknown) : null;
    if (!response.ok) {
      const first = Array.isArray(body) ? (body[0] as { message?: string } | undefined) : undefined;
      throw new HttpError(response.status, first?.message ?? `${response.status} ${response.statusText}`);
    }
    return body as T;
  }

  function orgClient(token: string): OrgClient {
    return {
      async query(soql) {
        type Page = { totalSize: number; records: Record<string, unknown>[]; nextRecordsUrl?: string };
        let page = await orgJson<Page>(token, `${apiBase}/query?q=${encodeURIComponent(soql)}`);
        const records = [...page.records];
        while (page.nextRecordsUrl) {
          page = await orgJson<Page>(token, page.nextRecordsUrl);
          records.push(...page.records);
        }
        return { totalSize: page.totalSize, records };
      },
      describe(objectName) {
        let found = describes.get(objectName);
        if (!found) {
          found = orgJson<ObjectDescribe>(token, `${apiBase}/sobjects/${objectName}/describe`);
          found.catch(() => describes.delete(objectName));
          describes.set(objectName, found);
        }
        return found;
      },
    };
  }

  async function listUsers(): Promise<AppUser[]> {
    const client = orgClient(options.adminToken);
    const users = await client.query(
      'SELECT Id, Name, Username, Profile.Name FROM User WHERE IsActive = true ORDER BY Name',
    );
    const assignments = await client.query('SELECT AssigneeId, PermissionSet.Name FROM PermissionSetAssignment');
    const roleOf = new Map<string, string>();
    for (const a of assignments.records) {
      const role = ROLE_BY_PERMISSION_SET[(a.PermissionSet as { Name?: string } | null)?.Name ?? ''];
      const current = roleOf.get(String(a.AssigneeId));
      if (role && (!current || ROLE_ORDER.indexOf(role) < ROLE_ORDER.indexOf(current)))
        roleOf.set(String(a.AssigneeId), role);
    }
    const out: AppUser[] = [];
    for (const u of users.records) {
      const id = String(u.Id);
      const isOrgAdmin = u.Username === options.adminUsername;
      const role = isOrgAdmin ? 'System Administrator' : roleOf.get(id);
      if (role) out.push({ id, name: String(u.Name), username: String(u.Username), role });
    }
    return out.sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) || a.name.localeCompare(b.name));
  }

  /** Signs a user in with the org's password grant (the org admin with its own token). */
  async function signIn(username: string): Promise<Session> {
    let token = options.adminToken;
    if (username !== options.adminUsername) {
      const form = new URLSearchParams({
        grant_type: 'password',
        client_id: 'partner-planning-local-app',
        client_secret: 'local',
        username,
        password: SHARED_DEV_PASSWORD,
      });
      const response = await fetch(`${options.orgUrl}/services/oauth2/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: form,
      });
      const body = (await response.json()) as { access_token?: string; error_description?: string };
      if (!response.ok || !body.access_token)
        throw new HttpError(401, body.error_description ?? `could not sign in as ${username}`);
      token = body.access_token;
    }
    const soql = `SELECT Id, Name, Username, LocaleSidKey, TimeZoneSidKey FROM User WHERE Username = '${username.replace(/'/g, "\\'")}'`;
    const { records } = await orgClient(token).query(soql);
    const user = records[0];
    if (!user) throw new HttpError(404, `no user ${username}`);
    return {
      userId: String(user.Id),
      username,
      name: String(user.Name),
      token,
      locale: bcp47(user.LocaleSidKey as string | null),
      timeZone: String(user.TimeZoneSidKey ?? 'UTC'),
    };
  }

  function newSessionCookie(session: Session): string {
    const id = randomBytes(24).toString('hex');
    sessions.set(id, session);
    return `${COOKIE}=${id}; Path=/; HttpOnly; SameSite=Lax`;
  }

  /** Without a session the first visit signs in as the first partner manager, so the demo opens ready. */
  async function defaultSession(): Promise<Session> {
    const users = await listUsers();
    const user = users.find((u) => u.role === 'Partner Manager') ?? users[0];
    return signIn(user ? user.username : options.adminUsername);
  }

  async function proxy(req: IncomingMessage, res: ServerResponse, session: Session, url: URL): Promise<void> {
    const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : await readBody(req);
    const headers: Record<string, string> = { Authorization: `Bearer ${session.token}` };
    for (const name of ['content-type', 'accept', 'sforce-query-options']) {
      const value = req.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    const response = await fetch(`${options.orgUrl}${url.pathname}${url.search}`, {
      method: req.method,
      headers,
      body: body && body.length > 0 ? new Uint8Array(body) : undefined,
    });
    const out = Buffer.from(await response.arrayBuffer());
    res.writeHead(response.status, {
      'Content-Type': response.headers.get('content-type') ?? 'application/json',
      'Cache-Control': 'no-store',
    });
    res.end(out);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = req.method ?? 'GET';
    const sid = cookieOf(req);
    const session = sid ? sessions.get(sid) : undefined;

    if (url.pathname === '/app/session.js') {
      let current = session;
      const headers: Record<string, string> = {
        'Content-Type': 'text/javascript; charset=utf-8',
        'Cache-Control': 'no-store',
      };
      if (!current) {
        current = await defaultSession();
        headers['Set-Cookie'] = newSessionCookie(current);
      }
      const visible = {
        userId: current.userId,
        username: current.username,
        name: current.name,
        locale: current.locale,
        timeZone: current.timeZone,
        currency: 'USD',
      };
      res.writeHead(200, headers);
      res.end(`window.__papSession = ${JSON.stringify(visible)};\n`);
      return;
    }
    if (url.pathname === '/app/users' && method === 'GET') {
      if (!session) throw new HttpError(401, 'not signed in');
      sendJson(res, 200, await listUsers());
      return;
    }
    if (url.pathname === '/app/session' && method === 'POST') {
      const { username } = JSON.parse((await readBody(req)).toString() || '{}') as { username?: string };
      const known = await listUsers();
      if (!username || !known.some((u) => u.username === username))
        throw new HttpError(400, 'choose one of the listed users');
      if (sid) sessions.delete(sid);
      const next = await signIn(username);
      sendJson(res, 200, { userId: next.userId, name: next.name }, { 'Set-Cookie': newSessionCookie(next) });
      return;
    }
    if (url.pathname === '/app/rollup' && method === 'POST') {
      if (!session) throw new HttpError(401, 'not signed in');
      const orgSession = await connect(
        { apiVersion: API_VERSION },
        { SF_INSTANCE_URL: options.orgUrl, SF_ACCESS_TOKEN: options.adminToken },
      );
      try {
        const now = new Date();
        const report = await runRollup(orgSession, {
          asOf: now.toISOString().slice(0, 10),
          dryRun: false,
          now: now.toISOString(),
        });
        sendJson(res, 200, {
          read: report.read,
          written: report.written,
          failedMetrics: report.metrics.filter((m) => m.error).map((m) => ({ name: m.name, error: m.error })),
          failures: report.failures.length,
        });
      } finally {
        await orgSession.close();
      }
      return;
    }
    if (url.pathname.startsWith('/services/')) {
      if (!session) throw new HttpError(401, 'not signed in');
      if (method === 'POST' && /^\/services\/data\/v[\d.]+\/graphql$/.test(url.pathname)) {
        const request = JSON.parse((await readBody(req)).toString() || '{}') as {
          query?: string;
          variables?: Record<string, unknown>;
          operationName?: string;
        };
        const result = await runGraphQL(
          orgClient(session.token),
          request.query ?? '',
          request.variables ?? {},
          request.operationName,
        );
        sendJson(res, 200, result);
        return;
      }
      await proxy(req, res, session, url);
      return;
    }
    if (method !== 'GET' && method !== 'HEAD') throw new HttpError(405, `${method} not allowed`);
    if (url.pathname.startsWith('/assets/')) {
      const file = fileUnder(SLDS_ASSETS, url.pathname.slice('/assets/'.length));
      if (!file) throw new HttpError(404, 'not found');
      sendFile(res, file, 'public, max-age=86400');
      return;
    }
    const file = url.pathname === '/' ? undefined : fileUnder(distDir, url.pathname);
    if (file) {
      sendFile(res, file, 'no-cache');
      return;
    }
    // Every other path is a route of the single-page app.
    const index = join(distDir, 'index.html');
    if (!existsSync(index)) throw new HttpError(503, 'the app is not built: run `npm start` or `npx tsx app/build.ts`');
    sendFile(res, index, 'no-cache');
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500;
      if (!res.headersSent) sendJson(res, status, [{ errorCode: 'APP_ERROR', message: (error as Error).message }]);
      else res.end();
    });
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? APP_PORT, '127.0.0.1', () => resolveListen());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? APP_PORT);
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}
