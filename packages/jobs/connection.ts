/**
 * One way for every script to reach an org: `--target-org local` (the local org, started for the run if
 * it is not running), an alias or username from the sf CLI's auth store, or SF_INSTANCE_URL and
 * SF_ACCESS_TOKEN. Always an explicit API version; every HTTP request is counted.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getString } from '@salesforce/ts-types';
import { Connection } from 'jsforce';
import { API_VERSION, REPO_ROOT } from '@partner-planning/model';
import { asMap, expectMap, expectString, MalformedResponseError, optionalString } from './response';

/** The project's API version (sfdx-project.json), unless --api-version says otherwise. */
export const DEFAULT_API_VERSION = API_VERSION;
export const LOCAL_ORG_DATA_DIR = join(REPO_ROOT, '.localorg');
export const LOCAL_ORG_PORT = 6110;

export interface OrgTarget {
  /** `local`, an sf alias or username; undefined means the environment or the sf default org. */
  targetOrg?: string;
  apiVersion?: string;
}

export interface OrgSession {
  conn: Connection;
  /** Where the connection points, for messages. */
  description: string;
  /** HTTP requests sent through this connection so far. */
  requestCount(): number;
  /** API usage reported by the org (Sforce-Limit-Info), when it reported one. */
  apiUsage(): { used: number; limit: number } | undefined;
  /** Stops what the session started (a local org started for this run). */
  close(): Promise<void>;
}

/** A failure to reach or authenticate to the org: reported before anything is written. */
export class OrgConnectionError extends Error {
  override name = 'OrgConnectionError';
}

interface LocalAuthFile {
  instanceUrl: string;
  accessToken: string;
  username?: string;
  password?: string;
}

/**
 * The local org's auth.json, checked: a file cut short or edited by hand is an OrgConnectionError naming the
 * file and what it lacks, not a TypeError later in the connection.
 */
export function readLocalAuth(dataDir: string): LocalAuthFile | undefined {
  const path = join(dataDir, 'auth.json');
  if (!existsSync(path)) return undefined;
  try {
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new MalformedResponseError(`${path} is not JSON (${(error as Error).message})`);
    }
    const auth = expectMap(parsed, path);
    return {
      instanceUrl: expectString(auth, 'instanceUrl', path),
      accessToken: expectString(auth, 'accessToken', path),
      username: optionalString(auth, 'username', path),
      password: optionalString(auth, 'password', path),
    };
  } catch (error) {
    if (!(error instanceof MalformedResponseError)) throw error;
    throw new OrgConnectionError(
      `The local org's auth file is malformed: ${error.message}. Restart the org (\`npm run org\`) to write a new one.`,
    );
  }
}

/** Whether an org answers at this URL with this token: `ok`, `refused` (401: the token expired) or `down`. */
async function probe(instanceUrl: string, accessToken: string, apiVersion: string): Promise<'ok' | 'refused' | 'down'> {
  try {
    const response = await fetch(`${instanceUrl}/services/data/v${apiVersion}/limits`, {
      headers: { Authorization: `Bearer ${accessToken}` },
      signal: AbortSignal.timeout(2000),
    });
    if (response.ok) return 'ok';
    return response.status === 401 ? 'refused' : 'down';
  } catch {
    return 'down';
  }
}

/**
 * A new token for the local org's admin with auth.json's username and password (the password grant), for
 * when auth.json's token was refused: sessions end after the org's session timeout (2 hours idle).
 */
async function logInAgain(auth: LocalAuthFile): Promise<string> {
  if (!auth.username || !auth.password)
    throw new OrgConnectionError(
      `The local org at ${auth.instanceUrl} refused auth.json's token, which has no password to log in again.`,
    );
  const response = await fetch(`${auth.instanceUrl}/services/oauth2/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'password',
      client_id: 'partner-planning-scripts',
      username: auth.username,
      password: auth.password,
    }),
    signal: AbortSignal.timeout(10_000),
  });
  // The token response (RFC 6749 section 5.1/5.2): only its strings are read; anything else counts as absent.
  const body = asMap(await response.json().catch(() => ({})));
  const accessToken = getString(body, 'access_token');
  if (!response.ok || !accessToken) {
    const reason = getString(body, 'error_description') ?? response.status;
    throw new OrgConnectionError(
      `The local org at ${auth.instanceUrl} refused auth.json's token and its password (${reason}). ` +
        'Restart the org (`npm run org`) to write a new auth.json.',
    );
  }
  return accessToken;
}

/** Wraps the connection's transport so that every HTTP request (REST, bulk, auth) is counted. */
function countRequests(conn: Connection): () => number {
  let count = 0;
  // jsforce has no connection-wide request event; its transport is the one place every request passes.
  const transport = (conn as unknown as { _transport: { httpRequest: (...args: unknown[]) => unknown } })._transport;
  const send = transport.httpRequest.bind(transport);
  transport.httpRequest = (...args: unknown[]) => {
    count++;
    return send(...args);
  };
  return () => count;
}

function session(conn: Connection, description: string, close: () => Promise<void>): OrgSession {
  const requestCount = countRequests(conn);
  return {
    conn,
    description,
    requestCount,
    apiUsage: () => conn.limitInfo?.apiUsage,
    close,
  };
}

async function connectLocal(apiVersion: string, dataDir: string): Promise<OrgSession> {
  const auth = readLocalAuth(dataDir);
  const state = auth ? await probe(auth.instanceUrl, auth.accessToken, apiVersion) : 'down';
  if (auth && state !== 'down') {
    const accessToken = state === 'ok' ? auth.accessToken : await logInAgain(auth);
    const conn = new Connection({ instanceUrl: auth.instanceUrl, accessToken, version: apiVersion });
    return session(conn, `local org at ${auth.instanceUrl}`, async () => {});
  }
  // Not running: start it in this process for the run (the module is loaded only when needed).
  const { startLocalOrg } = await import('@partner-planning/localorg');
  const org = await startLocalOrg({ port: LOCAL_ORG_PORT, data: dataDir });
  const conn = new Connection({ instanceUrl: org.instanceUrl, accessToken: org.accessToken, version: apiVersion });
  return session(conn, `local org at ${org.instanceUrl} (started for this run)`, () => org.close());
}

async function connectSfOrg(aliasOrUsername: string | undefined, apiVersion: string): Promise<OrgSession> {
  const { Org } = await import('@salesforce/core');
  let org;
  try {
    org = await Org.create(aliasOrUsername ? { aliasOrUsername } : {});
    await org.refreshAuth();
  } catch (error) {
    const which = aliasOrUsername ? `org "${aliasOrUsername}"` : 'a default org';
    throw new OrgConnectionError(
      `Cannot use ${which} from the sf CLI: ${(error as Error).message}. ` +
        'Log in with `sf org login web --alias <alias>`, or pass --target-org local, or set SF_INSTANCE_URL and SF_ACCESS_TOKEN.',
    );
  }
  const sfConn = org.getConnection();
  const conn = new Connection({
    instanceUrl: sfConn.instanceUrl,
    accessToken: sfConn.accessToken ?? undefined,
    version: apiVersion,
  });
  return session(conn, `${org.getUsername() ?? 'org'} at ${sfConn.instanceUrl}`, async () => {});
}

/** Opens a session to the target org, checking that it answers before any work starts. */
export async function connect(target: OrgTarget, env: NodeJS.ProcessEnv = process.env): Promise<OrgSession> {
  const apiVersion = target.apiVersion ?? DEFAULT_API_VERSION;
  if (!/^\d{2,3}\.0$/.test(apiVersion))
    throw new OrgConnectionError(`--api-version must look like ${DEFAULT_API_VERSION}, not "${apiVersion}"`);
  let result: OrgSession;
  if (target.targetOrg === 'local') {
    result = await connectLocal(apiVersion, env.LOCAL_ORG_DATA ?? LOCAL_ORG_DATA_DIR);
  } else if (!target.targetOrg && env.SF_INSTANCE_URL && env.SF_ACCESS_TOKEN) {
    const conn = new Connection({
      instanceUrl: env.SF_INSTANCE_URL,
      accessToken: env.SF_ACCESS_TOKEN,
      version: apiVersion,
    });
    result = session(conn, `org at ${env.SF_INSTANCE_URL} (from SF_INSTANCE_URL)`, async () => {});
  } else {
    result = await connectSfOrg(target.targetOrg, apiVersion);
  }
  try {
    await result.conn.request(`/services/data/v${apiVersion}/limits`);
  } catch (error) {
    await result.close();
    throw new OrgConnectionError(`The ${result.description} does not answer: ${(error as Error).message}`);
  }
  return result;
}
