/**
 * The local app's HTTP server: serves the built app (packages/app/dist) and the SLDS assets, proxies `/services/*`
 * to the local org as the signed-in user (the REST API, the UI API and GraphQL all served by the org), and keeps
 * each browser's session server-side: the browser holds a random cookie, never a token or a password.
 * Every request passes the checks of app/security.ts first (Host, and for writes Origin and content type).
 */
import { existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { join, normalize, resolve, sep } from 'node:path';
import { getString, isAnyJson, isJsonMap, type JsonMap } from '@salesforce/ts-types';
import { SalesforceError, answerClientErrors } from '@partner-planning/localorg';
import { REPO_ROOT } from '@partner-planning/model';
import {
  connect,
  runAccessSync,
  runPlanAdvance,
  runRecordedRollup,
  RollupBusyError,
  type AccessReport,
  type AdvanceReport,
} from '@partner-planning/jobs';
import { AccessSync, ACCESS_SYNC_SECONDS, advanceBeforeRollup, type AccessSyncSummary } from './access-sync';
import {
  API_VERSION,
  invalidSession,
  OrgAccess,
  type OrgAccessOptions,
  type OrgUser,
  type Profile,
} from './org-access';
import {
  applySecurityHeaders,
  SECURITY_HEADERS,
  checkContentType,
  checkHost,
  checkOrigin,
  cookieOf,
  isStateChanging,
  MAX_SESSIONS,
  requestUrl,
  SESSION_IDLE_MILLIS,
  sessionCookie,
  SessionStore,
} from './security';
import { IMMUTABLE, sendStatic } from './static-files';

export const APP_PORT = 3000;
export { API_VERSION, type AppUser } from './org-access';
export const DIST_DIR = join(REPO_ROOT, 'packages', 'app', 'dist');
const SLDS_ASSETS = join(REPO_ROOT, 'node_modules', '@salesforce-ux', 'design-system', 'assets');
const MAX_BODY_BYTES = 10 * 1024 * 1024;
const JSON_TYPES = ['application/json'];
/** Bulk API 2.0 uploads its rows as CSV: the only non-JSON body the proxy passes on. */
const BULK_UPLOAD = /^\/services\/data\/v\d+\.\d+\/jobs\/ingest\/[^/]+\/batches$/;

export interface AppServerOptions extends OrgAccessOptions {
  port?: number;
  distDir?: string;
  /** Idle time after which an app session ends (default 2 hours, the org's default session timeout). */
  sessionIdleMillis?: number;
  /** App sessions kept at most (default 1000); the least recently used one is evicted first. */
  maxSessions?: number;
  /** The clock of session expiry, in milliseconds (tests move it). */
  now?: () => number;
  /** Seconds between background plan access syncs (default 15); 0 syncs only before each rollup. */
  accessSyncSeconds?: number;
  /** Where the server logs (the access sync's failures and changes); default stderr. */
  log?: (line: string) => void;
  /** The access job run (default: runAccessSync as the admin); tests replace it. */
  runAccess?: () => Promise<AccessReport>;
  /** The plans' lifecycle job run before each rollup (default: runPlanAdvance as the admin); tests replace it. */
  runAdvance?: () => Promise<AdvanceReport>;
}

export interface AppServer {
  url: string;
  /** The plan access sync the server runs in the background and before each rollup. */
  accessSync: AccessSync;
  close(): Promise<void>;
}

const notFound = (): SalesforceError => new SalesforceError(404, 'NOT_FOUND', 'The requested resource does not exist');

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => {
      if (size > MAX_BODY_BYTES)
        reject(new SalesforceError(413, 'REQUEST_ENTITY_TOO_LARGE', 'The request body is larger than 10 MB'));
      else resolveBody(Buffer.concat(chunks));
    });
    req.on('error', reject);
  });
}

/** A JSON object request body (empty is `{}`); anything else is a 400 saying what was expected. */
async function readJson(req: IncomingMessage): Promise<JsonMap> {
  const text = (await readBody(req)).toString('utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text || '{}');
  } catch (error) {
    throw new SalesforceError(400, 'JSON_PARSER_ERROR', `The request body is not JSON: ${(error as Error).message}`);
  }
  if (!isAnyJson(parsed) || !isJsonMap(parsed))
    throw new SalesforceError(400, 'JSON_PARSER_ERROR', 'The request body is not a JSON object');
  return parsed;
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}

/** A file under a root, or undefined (no path may climb out of the root). The path was checked to decode. */
function fileUnder(root: string, urlPath: string): string | undefined {
  const path = normalize(join(root, decodeURIComponent(urlPath)));
  if (path !== root && !path.startsWith(root + sep)) return undefined;
  return existsSync(path) && statSync(path).isFile() ? path : undefined;
}

export async function startAppServer(options: AppServerOptions): Promise<AppServer> {
  const distDir = resolve(options.distDir ?? DIST_DIR);
  const sessions = new SessionStore<string>({
    idleMillis: options.sessionIdleMillis ?? SESSION_IDLE_MILLIS,
    maxSessions: options.maxSessions ?? MAX_SESSIONS,
    now: options.now ?? Date.now,
  });
  const org = new OrgAccess(options);
  let rollupRunning = false;
  let port = options.port ?? APP_PORT;

  /** A jsforce session as the admin, for the jobs; a cheap call first signs the admin in again if needed. */
  async function adminSession(): Promise<Awaited<ReturnType<typeof connect>>> {
    await org.json(org.admin, 'limits');
    return connect({ apiVersion: API_VERSION }, { SF_INSTANCE_URL: options.orgUrl, SF_ACCESS_TOKEN: org.admin.token });
  }

  /** A job run as the admin, on a session of its own. */
  async function asAdmin<T>(job: (session: Awaited<ReturnType<typeof connect>>) => Promise<T>): Promise<T> {
    const orgSession = await adminSession();
    try {
      return await job(orgSession);
    } finally {
      await orgSession.close();
    }
  }

  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  // Only an administrator (Modify All Data) may write the sharing reasons' shares.
  const accessSync = new AccessSync({
    intervalSeconds: options.accessSyncSeconds ?? ACCESS_SYNC_SECONDS,
    log,
    run: options.runAccess ?? (() => asAdmin((session) => runAccessSync(session))),
  });
  // The admin reads every plan and writes reminder Tasks for their owners.
  const runAdvance = options.runAdvance ?? (() => asAdmin((session) => runPlanAdvance(session)));

  async function proxy(req: IncomingMessage, res: ServerResponse, user: OrgUser, url: URL): Promise<void> {
    const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : await readBody(req);
    const headers: Record<string, string> = {};
    for (const name of [
      'content-type',
      'accept',
      'sforce-query-options',
      'if-match',
      'if-none-match',
      'if-modified-since',
      'if-unmodified-since',
    ]) {
      const value = req.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    const response = await org.request(user, `${url.pathname}${url.search}`, {
      method: req.method,
      headers,
      body: body && body.length > 0 ? new Uint8Array(body) : undefined,
    });
    const out: Record<string, string> = {
      'Content-Type': response.headers.get('content-type') ?? 'application/json',
      'Cache-Control': 'no-store',
    };
    for (const name of ['etag', 'last-modified', 'sforce-locator', 'sforce-numberofrecords', 'sforce-limit-info']) {
      const value = response.headers.get(name);
      if (value !== null) out[name] = value;
    }
    res.writeHead(response.status, out);
    res.end(response.body);
  }

  async function rollup(res: ServerResponse): Promise<void> {
    // Plans that entered or left Partner Review since the last tick are shared or unshared first; a failed
    // sync is reported with the rollup, whose actuals do not depend on it.
    const access: AccessSyncSummary = await accessSync.runNow('before rollup');
    // Plans go Active and Closed by their dates first; a failed run is reported and the rollup still runs.
    const advance = await advanceBeforeRollup(runAdvance, log);
    const orgSession = await adminSession();
    try {
      const now = new Date();
      // Recorded in the org's run history, like every rollup; refused while another process rolls up.
      const { report } = await runRecordedRollup(orgSession, {
        asOf: now.toISOString().slice(0, 10),
        dryRun: false,
        now: now.toISOString(),
        triggeredBy: 'Manual',
      }).catch((error: unknown) => {
        if (error instanceof RollupBusyError) throw new SalesforceError(409, 'ROLLUP_ALREADY_RUNNING', error.message);
        throw error;
      });
      sendJson(res, 200, {
        read: report.read,
        written: report.written,
        failedMetrics: report.metrics.filter((m) => m.error).map((m) => ({ name: m.name, error: m.error })),
        failures: report.failures.length,
        access,
        advance,
      });
    } finally {
      await orgSession.close();
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    applySecurityHeaders(res);
    const hostname = checkHost(req, port);
    const url = requestUrl(req);
    const method = req.method ?? 'GET';
    const path = url.pathname;
    if (isStateChanging(method)) {
      checkOrigin(req, hostname, port);
      checkContentType(req, method === 'PUT' && BULK_UPLOAD.test(path) ? ['text/csv'] : JSON_TYPES);
    }
    const sid = cookieOf(req);
    const username = sessions.get(sid);
    const current = username === undefined ? undefined : org.known(username);

    if (path === '/app/session.js') {
      if (method !== 'GET' && method !== 'HEAD')
        throw new SalesforceError(405, 'METHOD_NOT_ALLOWED', `${method} not allowed`);
      const headers: Record<string, string> = {
        'Content-Type': 'text/javascript; charset=utf-8',
        'Cache-Control': 'no-store',
      };
      let user = current;
      if (!user) {
        // A new or expired session signs in as the default user, reusing that user's org token.
        user = await org.defaultUser();
        headers['Set-Cookie'] = sessionCookie(sessions.create(user.username));
      }
      const profile = user.profile as Profile;
      const visible = { ...profile, currency: 'USD' };
      res.writeHead(200, headers);
      res.end(`window.__papSession = ${JSON.stringify(visible)};\n`);
      return;
    }
    if (path === '/app/users' && method === 'GET') {
      if (!current) throw invalidSession();
      sendJson(res, 200, await org.listUsers());
      return;
    }
    if (path === '/app/session' && method === 'POST') {
      const chosen = getString(await readJson(req), 'username');
      const known = await org.listUsers();
      if (typeof chosen !== 'string' || !known.some((u) => u.username === chosen))
        throw new SalesforceError(400, 'INVALID_USER', 'Choose one of the listed users');
      const next = await org.signIn(chosen);
      // A new id on every switch: a session id seen before the switch never carries the new user.
      sessions.delete(sid);
      const profile = next.profile as Profile;
      sendJson(
        res,
        200,
        { userId: profile.userId, name: profile.name },
        { 'Set-Cookie': sessionCookie(sessions.create(chosen)) },
      );
      return;
    }
    if (path === '/app/rollup' && method === 'POST') {
      if (!current) throw invalidSession();
      // It runs as the admin: never on a partner user's behalf (the portal has no such button).
      if ((current.profile as Profile).portal)
        throw new SalesforceError(403, 'INSUFFICIENT_ACCESS_OR_READONLY', 'Partner users cannot run the rollup');
      if (rollupRunning)
        throw new SalesforceError(409, 'ROLLUP_ALREADY_RUNNING', 'A rollup is already running: wait for it to finish');
      rollupRunning = true;
      try {
        await readBody(req);
        await rollup(res);
      } finally {
        rollupRunning = false;
      }
      return;
    }
    if (path.startsWith('/services/')) {
      if (!current) throw invalidSession();
      // The proxy adds the user's token: OAuth endpoints (sign-in, revoke) are not the browser's to reach.
      if (path.startsWith('/services/oauth2/')) throw notFound();
      await proxy(req, res, current, url);
      return;
    }
    if (method !== 'GET' && method !== 'HEAD')
      throw new SalesforceError(405, 'METHOD_NOT_ALLOWED', `${method} not allowed`);
    if (path.startsWith('/assets/')) {
      const file = fileUnder(SLDS_ASSETS, path.slice('/assets/'.length));
      if (!file) throw notFound();
      sendStatic(req, res, file, 'public, max-age=86400');
      return;
    }
    const file = path === '/' ? undefined : fileUnder(distDir, path);
    if (file) {
      // Chunks are named by their content's hash; anything else is asked for again (ETag) on every load.
      const chunk = file.startsWith(join(distDir, 'chunks') + sep);
      sendStatic(req, res, file, chunk ? IMMUTABLE : 'no-cache');
      return;
    }
    // Every other path is a route of the single-page app.
    const index = join(distDir, 'index.html');
    if (!existsSync(index))
      throw new SalesforceError(
        503,
        'SERVER_UNAVAILABLE',
        'The app is not built: run `npm start` or `npm run app:build`',
      );
    sendStatic(req, res, index, 'no-cache');
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      // Anything that is not a deliberate refusal is a bug of this server: still an answer, never a hang.
      const refusal =
        error instanceof SalesforceError
          ? error
          : new SalesforceError(500, 'UNKNOWN_EXCEPTION', (error as Error).message ?? String(error));
      if (!res.headersSent) sendJson(res, refusal.status, refusal.toBody());
      else res.end();
    });
  });
  answerClientErrors(server, SECURITY_HEADERS);
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolveListen());
  });
  const address = server.address();
  if (typeof address === 'object' && address) port = address.port;
  accessSync.start();
  return {
    url: `http://127.0.0.1:${port}`,
    accessSync,
    close: async () => {
      await accessSync.stop();
      await new Promise<void>((resolveClose) => {
        server.closeAllConnections();
        server.close(() => resolveClose());
      });
    },
  };
}
