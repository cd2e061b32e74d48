/**
 * Helpers for Bulk API 2.0 tests: jsforce's `conn.bulk2`, raw job requests, a test project with extra
 * permission sets, and the local org in a child process that a crash test can kill.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type { Connection } from 'jsforce';
import type { ChildReply } from '../../bench/org-child';
import { REPO_ROOT } from '../../packages/model';
import { dataPath, LOCALORG_FIXTURE, rawRequest, type RawResponse } from './localorg';

export type CsvRecord = Record<string, string>;

export interface IngestResults {
  successfulResults: CsvRecord[];
  failedResults: CsvRecord[];
  unprocessedRecords: CsvRecord[];
}

/** Polls quickly: the local org finishes small jobs in milliseconds. */
export function fastPolling(conn: Connection): void {
  conn.bulk2.pollInterval = 20;
  conn.bulk2.pollTimeout = 60_000;
}

/** `loadAndWaitForResults` with CSV text (which keeps columns exactly as written) or records. */
export async function load(
  conn: Connection,
  object: string,
  operation: 'insert' | 'update' | 'upsert' | 'delete' | 'hardDelete',
  input: string | Record<string, unknown>[],
  externalIdFieldName?: string,
): Promise<IngestResults> {
  const results = await conn.bulk2.loadAndWaitForResults({
    object,
    operation,
    input: input as never,
    ...(externalIdFieldName ? { externalIdFieldName } : {}),
  });
  return results as unknown as IngestResults;
}

/** Every record of a Bulk API 2.0 query, through jsforce's record stream. */
export async function bulkQuery(conn: Connection, soql: string, scanAll = false): Promise<CsvRecord[]> {
  const stream = await conn.bulk2.query(soql, { scanAll, pollInterval: 20, pollTimeout: 60_000 });
  return new Promise((resolve, reject) => {
    const rows: CsvRecord[] = [];
    stream.on('record', (row: CsvRecord) => rows.push(row));
    stream.on('end', () => resolve(rows));
    stream.on('error', reject);
  });
}

/** A Bulk API 2.0 job resource: `jobs/ingest` or `jobs/query`, a job, or one of its sub-resources. */
export const jobPath = (kind: 'ingest' | 'query', id?: string, sub?: string): string =>
  dataPath(`/jobs/${kind}${id ? `/${id}` : ''}${sub ? `/${sub}` : ''}`);

/** Creates a job through the raw API and returns its Id (the call must succeed). */
export async function createJob(conn: Connection, kind: 'ingest' | 'query', body: object): Promise<string> {
  const response = await rawRequest(conn, 'POST', jobPath(kind), { body });
  if (response.status !== 200) throw new Error(`job creation failed: ${JSON.stringify(response.body)}`);
  return String((response.body as { id: string }).id);
}

/** Uploads a job's CSV (`PUT .../batches`). */
export const uploadCsv = (conn: Connection, id: string, csv: string): Promise<RawResponse> =>
  rawRequest(conn, 'PUT', jobPath('ingest', id, 'batches'), { body: csv, headers: { 'Content-Type': 'text/csv' } });

/** Asks for a job state change (`PATCH` with `{ state }`). */
export const patchJob = (conn: Connection, kind: 'ingest' | 'query', id: string, state: string): Promise<RawResponse> =>
  rawRequest(conn, 'PATCH', jobPath(kind, id), { body: { state } });

/** Polls a job's info until its state is one of `states`; fails after `timeoutMs`. */
export async function waitForJob(
  conn: Connection,
  kind: 'ingest' | 'query',
  id: string,
  states: string[],
  timeoutMs = 30_000,
): Promise<Record<string, unknown>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const info = (await rawRequest(conn, 'GET', jobPath(kind, id))).body as Record<string, unknown>;
    if (states.includes(String(info.state))) return info;
    if (Date.now() > deadline) throw new Error(`job ${id} still ${String(info.state)} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * What the org's database keeps of an ingest job's upload: its text as stored in parts, the data rows the
 * parts hold (the header apart), and the rows with an outcome.
 */
export function storedUpload(db: Database.Database, job: string): { text: string; rows: number; outcomes: number } {
  const parts = db
    .prepare('SELECT text, first_row, row_count FROM _localorg_bulk_upload_parts WHERE job = ? ORDER BY idx')
    .all(job) as { text: string; first_row: number | null; row_count: number }[];
  const outcomes = db.prepare('SELECT COUNT(*) FROM _localorg_bulk_ingest_outcomes WHERE job = ?').pluck(true).get(job);
  return {
    text: parts.map((part) => part.text).join(''),
    rows: parts.reduce((sum, part) => sum + part.row_count - (part.first_row === -1 && part.row_count > 0 ? 1 : 0), 0),
    outcomes: outcomes as number,
  };
}

/** The data rows of a results CSV (the header row apart). */
export const csvRows = (csv: unknown): string[] =>
  String(csv ?? '')
    .split('\n')
    .filter(Boolean)
    .slice(1);

/**
 * A copy of the local org's test project (LOCALORG_FIXTURE) in a temporary folder, with extra permission sets
 * that enable the given system permissions (`<userPermissions>` names such as `ManageDataIntegrations`).
 * Returns its root; remove it with `rmSync(root, { recursive: true })`.
 */
export function projectWithPermissionSets(sets: Record<string, string[]>): string {
  const root = mkdtempSync(join(tmpdir(), 'pap-bulk-project-'));
  cpSync(LOCALORG_FIXTURE, root, { recursive: true });
  const folder = join(root, 'force-app', 'main', 'default', 'permissionsets');
  mkdirSync(folder, { recursive: true });
  for (const [name, permissions] of Object.entries(sets)) {
    const userPermissions = permissions
      .map(
        (p) =>
          `    <userPermissions>\n        <enabled>true</enabled>\n        <name>${p}</name>\n    </userPermissions>\n`,
      )
      .join('');
    writeFileSync(
      join(folder, `${name}.permissionset-meta.xml`),
      `<?xml version="1.0" encoding="UTF-8"?>\n<PermissionSet xmlns="http://soap.sforce.com/2006/04/metadata">\n    <label>${name}</label>\n${userPermissions}</PermissionSet>\n`,
    );
  }
  return root;
}

/** A local org in a child process of its own (bench/org-child.ts), which a test may kill. */
export interface OrgProcess {
  instanceUrl: string;
  accessToken: string;
  child: ChildProcess;
}

/** Starts the local org (this repository's force-app) on `dataDir` in a child process; resolves once it listens. */
export function startOrgProcess(dataDir: string): Promise<OrgProcess> {
  const child = fork(join(REPO_ROOT, 'bench', 'org-child.ts'), [dataDir, '100000000'], {
    cwd: REPO_ROOT,
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (reply: ChildReply) => {
      if (reply.type === 'ready') resolve({ instanceUrl: reply.instanceUrl, accessToken: reply.accessToken, child });
      else reject(new Error(`the local org did not start: ${JSON.stringify(reply)}`));
    });
    child.once('exit', (code) => reject(new Error(`the local org process exited (code ${code ?? 'none'})`)));
  });
}

/** Kills the process with SIGKILL (no cleanup at all, as a crash) and waits until it is gone. */
export async function killHard(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}
