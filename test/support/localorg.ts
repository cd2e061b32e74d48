/**
 * Starts a local org for a test file and connects jsforce to it, exactly as scripts connect to a real org.
 * `startTestOrg()` uses this repository's force-app; pass `forceAppRoot` (e.g. LOCALORG_FIXTURE) for another.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureJsonMap, ensureString, isAnyJson, type JsonMap } from '@salesforce/ts-types';
import { Connection } from 'jsforce';
import { SalesforceError } from '../../packages/localorg/errors';
import { startLocalOrg, type LocalOrg, type LocalOrgOptions } from '../../packages/localorg/server';
import { API_VERSION } from '../../packages/model';
import { FIXTURES } from './project';

/** The project's API version (sfdx-project.json), which every test speaks. */
export { API_VERSION };

/**
 * JSON a test reads back from a program (the org CLI's `--json` line, an auth.json), as an object: a program
 * that wrote something else fails the test here, with `where` and the start of the text in the message.
 */
export function jsonObjectOf(text: string, where: string): JsonMap {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`${where} is not JSON (${(error as Error).message}): ${text.slice(0, 200)}`);
  }
  return ensureJsonMap(isAnyJson(parsed) ? parsed : undefined, `${where} is not a JSON object: ${text.slice(0, 200)}`);
}

/** The org's URL and token from the org CLI's `--json` line or an auth.json, both required strings. */
export function orgDetailsOf(text: string, where: string): { instanceUrl: string; accessToken: string } {
  const details = jsonObjectOf(text, where);
  return {
    instanceUrl: ensureString(details.instanceUrl, `${where} has no string instanceUrl`),
    accessToken: ensureString(details.accessToken, `${where} has no string accessToken`),
  };
}

/** A local org data folder's auth.json, as an object. */
export const readAuthJson = (dir: string): JsonMap =>
  jsonObjectOf(readFileSync(join(dir, 'auth.json'), 'utf8'), `${dir}/auth.json`);

/** A small project with the DML cases the local org's own tests need (see its README). */
export const LOCALORG_FIXTURE = join(FIXTURES, 'localorg-app');

export interface TestOrg {
  org: LocalOrg;
  /** jsforce connection as the admin user, at the project's API version. */
  conn: Connection;
  close(): Promise<void>;
}

export async function startTestOrg(options: LocalOrgOptions = {}): Promise<TestOrg> {
  const org = await startLocalOrg({ port: 0, data: ':memory:', ...options });
  const conn = new Connection({ instanceUrl: org.instanceUrl, accessToken: org.accessToken, version: API_VERSION });
  return { org, conn, close: () => org.close() };
}

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/**
 * One HTTP request through jsforce's own transport, returning status and headers as well as the body
 * (the high-level API hides them). Sends the connection's token unless `token` is given (null: none).
 */
export async function rawRequest(
  conn: Connection,
  method: string,
  path: string,
  options: { body?: string | object; headers?: Record<string, string>; token?: string | null } = {},
): Promise<RawResponse> {
  const headers: Record<string, string> = { ...options.headers };
  const token = options.token === undefined ? conn.accessToken : options.token;
  if (token) headers.Authorization = `Bearer ${token}`;
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    headers['Content-Type'] ??= 'application/json';
  }
  const url = path.startsWith('/') ? `${conn.instanceUrl}${path}` : path;
  const response = await conn._transport.httpRequest({ method: method as 'GET', url, headers, body });
  const text = String(response.body ?? '');
  let parsed: unknown = text;
  try {
    parsed = text === '' ? undefined : JSON.parse(text);
  } catch {
    // Not JSON (an OAuth plain-text error): keep the text.
  }
  return { status: response.statusCode, headers: response.headers as Record<string, string>, body: parsed };
}

/** `/services/data/v{API_VERSION}` + path. */
export const dataPath = (path: string): string => `/services/data/v${API_VERSION}${path}`;

/** The error jsforce throws for an API error response. */
export interface ApiError {
  errorCode: string;
  message: string;
  data: unknown;
}

/** Runs a jsforce call that must fail, returning its error. */
export async function apiError(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    return error as ApiError;
  }
  throw new Error('expected the call to fail');
}

/** The Id of a profile of the org (every user needs one), looked up through the API. */
export async function profileId(conn: Connection, name = 'Standard User'): Promise<string> {
  const result = await conn.query<{ Id: string }>(`SELECT Id FROM Profile WHERE Name = '${name}'`);
  const id = result.records[0]?.Id;
  if (!id) throw new Error(`no profile named ${name}`);
  return id;
}

/** The fields Salesforce requires to create a user, with a unique username; override any of them. */
export async function newUserFields(
  conn: Connection,
  fields: Record<string, unknown> = {},
): Promise<Record<string, unknown>> {
  return {
    Username: `u${Math.random().toString(36).slice(2)}@example.com`,
    LastName: 'User',
    Email: 'user@example.com',
    Alias: 'usr',
    TimeZoneSidKey: 'GMT',
    LocaleSidKey: 'en_US',
    LanguageLocaleKey: 'en_US',
    EmailEncodingKey: 'UTF-8',
    ProfileId: await profileId(conn),
    ...fields,
  };
}

/**
 * Gives the org's admin Set Audit Fields upon Record Creation (the Partner_Planning_Data_Load permission set),
 * as `npm start` and setup:scratch do before the seed, so the seed loads its creation dates. Retries the
 * faults an org with injected faults answers.
 */
export async function grantAuditFields(t: TestOrg): Promise<void> {
  const set = await t.conn.query<{ Id: string }>(
    "SELECT Id FROM PermissionSet WHERE Name = 'Partner_Planning_Data_Load'",
  );
  const assignment = { AssigneeId: t.org.adminUserId, PermissionSetId: set.records[0].Id };
  for (let attempt = 1; ; attempt++) {
    try {
      await t.conn.sobject('PermissionSetAssignment').create(assignment);
      return;
    } catch (error) {
      const code = (error as { errorCode?: string }).errorCode;
      if (code === 'DUPLICATE_VALUE') return;
      if (attempt >= 10 || (code !== 'SERVER_UNAVAILABLE' && code !== 'UNABLE_TO_LOCK_ROW')) throw error;
    }
  }
}

/**
 * Makes every insert of a row named `name` fail right after the row is written (UNKNOWN_EXCEPTION), as a record
 * that fails after writing would; undone by jest.restoreAllMocks().
 */
export function failAfterInsert(t: TestOrg, name: string): void {
  const storage = t.org.storage;
  const insertRow = storage.insertRow.bind(storage);
  jest.spyOn(storage, 'insertRow').mockImplementation((obj, written) => {
    insertRow(obj, written);
    if (written.Name === name) throw new SalesforceError(400, 'UNKNOWN_EXCEPTION', 'injected after the insert');
  });
}
