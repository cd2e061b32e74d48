/**
 * A crash during a Bulk API 2.0 ingest: the org runs in a child process (bench/org-child.ts), a large insert
 * is killed with SIGKILL while InProgress, and the org is started again on the same data folder. The job
 * comes back Failed with counts equal to what was committed (whole internal batches: the rows in the
 * object's table), its successful and failed results match them, its unprocessed records are the rest,
 * and the database passes `PRAGMA integrity_check`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Connection } from 'jsforce';
import { startLocalOrg, type LocalOrg } from '../../packages/localorg/server';
import {
  createJob,
  csvRows,
  jobPath,
  killHard,
  patchJob,
  startOrgProcess,
  uploadCsv,
  type OrgProcess,
} from '../support/bulk';
import { API_VERSION, rawRequest } from '../support/localorg';

/** Enough rows (several internal batches of 10,000) that the job is still running when it is killed. */
const TOTAL = 60_000;
const BATCH = 10_000;
/** Every tenth row has no Name and fails with REQUIRED_FIELD_MISSING. */
const fails = (i: number): boolean => i % 10 === 9;
const csv = ['Name,Description', ...Array.from({ length: TOTAL }, (_, i) => `${fails(i) ? '' : `Crash ${i}`},row ${i}`)]
  .join('\n')
  .concat('\n');

let dataDir: string;
let orgProcess: OrgProcess | undefined;
let org: LocalOrg | undefined;

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'pap-bulk-crash-'));
});
afterAll(async () => {
  if (orgProcess) await killHard(orgProcess.child);
  await org?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

it('reports a job killed while InProgress as Failed with what it had committed', async () => {
  orgProcess = await startOrgProcess(dataDir);
  const before = new Connection({
    instanceUrl: orgProcess.instanceUrl,
    accessToken: orgProcess.accessToken,
    version: API_VERSION,
  });
  const id = await createJob(before, 'ingest', { object: 'Account', operation: 'insert' });
  expect((await uploadCsv(before, id, csv)).status).toBe(201);
  await patchJob(before, 'ingest', id, 'UploadComplete');
  // Kill once at least one batch is committed: the org is then writing the next one.
  let seen: Record<string, unknown> = {};
  for (;;) {
    seen = (await rawRequest(before, 'GET', jobPath('ingest', id))).body as Record<string, unknown>;
    if (
      seen.state !== 'UploadComplete' &&
      !(seen.state === 'InProgress' && Number(seen.numberRecordsProcessed) === 0)
    ) {
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await killHard(orgProcess.child);
  orgProcess = undefined;
  expect(seen.state).toBe('InProgress');

  org = await startLocalOrg({ port: 0, data: dataDir });
  const conn = new Connection({ instanceUrl: org.instanceUrl, accessToken: org.accessToken, version: API_VERSION });
  const info = (await rawRequest(conn, 'GET', jobPath('ingest', id))).body as Record<string, unknown>;
  expect(info).toMatchObject({ state: 'Failed', errorMessage: expect.stringContaining('local org stopped') });
  const processed = Number(info.numberRecordsProcessed);
  const failed = Number(info.numberRecordsFailed);
  // Whole batches only, at least those seen committed, and not all of them.
  expect(processed % BATCH).toBe(0);
  expect(processed).toBeGreaterThanOrEqual(Number(seen.numberRecordsProcessed));
  expect(processed).toBeLessThan(TOTAL);
  expect(failed).toBe(processed / 10);

  const written = await conn.query("SELECT COUNT() FROM Account WHERE Name LIKE 'Crash %'");
  expect(written.totalSize).toBe(processed - failed);
  const results = async (sub: string): Promise<string[]> =>
    csvRows((await rawRequest(conn, 'GET', jobPath('ingest', id, sub))).body);
  expect(await results('successfulResults')).toHaveLength(processed - failed);
  const failedRows = await results('failedResults');
  expect(failedRows).toHaveLength(failed);
  expect(failedRows[0]).toContain('REQUIRED_FIELD_MISSING');
  const unprocessed = await results('unprocessedrecords');
  expect(unprocessed).toHaveLength(TOTAL - processed);
  expect(unprocessed[0]).toBe(`"Crash ${processed}","row ${processed}"`);

  expect(org.storage.db.pragma('integrity_check', { simple: true })).toBe('ok');
}, 60_000);
