/**
 * A data folder written by an earlier version of the local org, which kept each parsed ingest row as JSON
 * with its outcome (`_localorg_bulk_ingest_rows`) and an upload's text only until processing began: on
 * start, the rows move into upload parts and the outcomes into their own table, so finished jobs answer the
 * same results, an Open job can still be closed and written, and an aborted job's unprocessed records are the
 * same.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Connection } from 'jsforce';
import { startLocalOrg, type LocalOrg } from '../../packages/localorg/server';
import {
  createJob,
  csvRows,
  fastPolling,
  jobPath,
  patchJob,
  storedUpload,
  uploadCsv,
  waitForJob,
} from '../support/bulk';
import { API_VERSION, LOCALORG_FIXTURE, rawRequest } from '../support/localorg';

let dataDir: string;
let org: LocalOrg | undefined;

async function start(): Promise<Connection> {
  org = await startLocalOrg({ port: 0, data: dataDir, forceAppRoot: LOCALORG_FIXTURE });
  const conn = new Connection({ instanceUrl: org.instanceUrl, accessToken: org.accessToken, version: API_VERSION });
  fastPolling(conn);
  return conn;
}

const currentDb = (): Database.Database => (org as LocalOrg).storage.db;

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'pap-bulk-upgrade-'));
});
afterEach(async () => {
  await org?.close();
  org = undefined;
  rmSync(dataDir, { recursive: true, force: true });
});

/** Rewrites the jobs' data as the earlier version stored it: rows as JSON with outcomes, no parts once started. */
function toEarlierLayout(file: string): void {
  const db = new Database(file);
  db.exec(
    `CREATE TABLE _localorg_bulk_ingest_rows (job TEXT NOT NULL, idx INTEGER NOT NULL, fields TEXT NOT NULL, ok INTEGER, id TEXT, created INTEGER, error TEXT, PRIMARY KEY (job, idx)) WITHOUT ROWID`,
  );
  const jobs = db.prepare(`SELECT id, started FROM _localorg_bulk_jobs`).all() as {
    id: string;
    started: number;
  }[];
  const insert = db.prepare(
    `INSERT INTO _localorg_bulk_ingest_rows (job, idx, fields, ok, id, created, error) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const job of jobs) {
    const outcomes = db
      .prepare(`SELECT idx, ok, id, created, error FROM _localorg_bulk_ingest_outcomes WHERE job = ?`)
      .all(job.id) as { idx: number; ok: number; id: string; created: number | null; error: string | null }[];
    const text = storedUpload(db, job.id).text;
    const rows = text
      .split('\n')
      .filter(Boolean)
      .slice(1)
      .map((line) => line.split(','));
    rows.forEach((fields, idx) => {
      const outcome = outcomes.find((o) => o.idx === idx);
      insert.run(
        job.id,
        idx,
        JSON.stringify(fields),
        outcome?.ok ?? null,
        outcome?.id ?? null,
        outcome?.created ?? null,
        outcome?.error ?? null,
      );
    });
    if (job.started) db.prepare(`DELETE FROM _localorg_bulk_upload_parts WHERE job = ?`).run(job.id);
  }
  db.exec(`DROP TABLE _localorg_bulk_ingest_outcomes`);
  db.exec(`DROP INDEX _localorg_bulk_upload_parts_rows`);
  db.exec(`ALTER TABLE _localorg_bulk_upload_parts DROP COLUMN first_row`);
  db.exec(`ALTER TABLE _localorg_bulk_upload_parts DROP COLUMN row_count`);
  db.exec(`ALTER TABLE _localorg_bulk_jobs DROP COLUMN started`);
  db.close();
}

it("moves an earlier version's stored rows into upload parts and outcomes, answering the same results", async () => {
  let conn = await start();
  const finished = await createJob(conn, 'ingest', { object: 'Account', operation: 'insert' });
  // More rows than one moved part holds (500), one of them refused.
  const written = Array.from({ length: 1_200 }, (_, i) => `Upgraded Co ${i},${i}`);
  await uploadCsv(conn, finished, ['Name,AnnualRevenue', ...written, 'Refused Co,lots'].join('\n') + '\n');
  await patchJob(conn, 'ingest', finished, 'UploadComplete');
  await waitForJob(conn, 'ingest', finished, ['JobComplete']);
  const open = await createJob(conn, 'ingest', { object: 'Account', operation: 'insert' });
  await uploadCsv(conn, open, 'Name\nLater Co\n');
  const aborted = await createJob(conn, 'ingest', { object: 'Account', operation: 'insert' });
  await uploadCsv(conn, aborted, 'Name\nNever Co\n');
  await patchJob(conn, 'ingest', aborted, 'Aborted');
  const results = async (c: Connection, id: string) =>
    Promise.all(
      ['successfulResults', 'failedResults', 'unprocessedrecords'].map(
        async (sub) => (await rawRequest(c, 'GET', jobPath('ingest', id, sub))).body,
      ),
    );
  const before = await results(conn, finished);
  expect(csvRows(before[0])).toHaveLength(1_200);
  expect(csvRows(before[0])[1_199]).toMatch(/^"001\w{15}","true","Upgraded Co 1199","1199"$/);
  expect(csvRows(before[1])).toEqual([
    expect.stringMatching(/^"","INVALID_TYPE_ON_FIELD_IN_RECORD:.*","Refused Co","lots"$/),
  ]);
  await org?.close();
  org = undefined;

  toEarlierLayout(join(dataDir, 'org.sqlite'));
  conn = await start();
  expect(await results(conn, finished)).toEqual(before);
  expect((await rawRequest(conn, 'GET', jobPath('ingest', aborted, 'unprocessedrecords'))).body).toBe(
    'Name\nNever Co\n',
  );
  expect(await patchJob(conn, 'ingest', open, 'UploadComplete')).toMatchObject({ status: 200 });
  expect(await waitForJob(conn, 'ingest', open, ['JobComplete', 'Failed'])).toMatchObject({
    state: 'JobComplete',
    numberRecordsProcessed: 1,
  });
  expect((await conn.query("SELECT Id FROM Account WHERE Name = 'Later Co'")).totalSize).toBe(1);
  const db = currentDb();
  expect(db.prepare(`SELECT 1 FROM sqlite_master WHERE name = '_localorg_bulk_ingest_rows'`).get()).toBeUndefined();
  expect(storedUpload(db, finished)).toMatchObject({ rows: 1_201, outcomes: 1_201 });
});
