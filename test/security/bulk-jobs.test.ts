/**
 * Bulk API 2.0 jobs belong to their creator: another user cannot list, read, upload to, close, abort,
 * delete or read the results of someone else's ingest or query job (the 404 of a job that does not exist),
 * so an account executive can no longer load PermissionSetAssignment rows into an admin's open job. Users
 * with Manage Data Integrations see every job; hardDelete needs Bulk API Hard Delete. Jobs and their results
 * survive a restart of the org on the same data folder. All through real HTTP as each user.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Connection } from 'jsforce';
import { startLocalOrg } from '../../packages/localorg/server';
import {
  createJob,
  csvRows,
  fastPolling,
  jobPath,
  load,
  patchJob,
  projectWithPermissionSets,
  storedUpload,
  uploadCsv,
  waitForJob,
} from '../support/bulk';
import { API_VERSION, LOCALORG_FIXTURE, rawRequest, startTestOrg, type TestOrg } from '../support/localorg';
import { createUser, permissionSetId, type TestUser } from '../support/security';

const NOT_FOUND = [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist', fields: [] }];
/** A well-formed job Id that names no job. */
const MISSING = '750000000000999AAA';

let project: string;
let t: TestOrg;
let ae: TestUser;
let integration: TestUser;
let purger: TestUser;

beforeAll(async () => {
  project = projectWithPermissionSets({
    Data_Integrations: ['ManageDataIntegrations'],
    Hard_Delete: ['BulkApiHardDelete'],
  });
  t = await startTestOrg({ forceAppRoot: project });
  fastPolling(t.conn);
  ae = await createUser(t, { alias: 'ae' });
  integration = await createUser(t, { alias: 'integ', permissionSets: ['Data_Integrations'] });
  purger = await createUser(t, { alias: 'purger', permissionSets: ['Hard_Delete'] });
  for (const user of [ae, integration, purger]) fastPolling(user.conn);
});
afterAll(async () => {
  await t.close();
  rmSync(project, { recursive: true, force: true });
});

const listed = async (conn: Connection, kind: 'ingest' | 'query'): Promise<string[]> =>
  ((await rawRequest(conn, 'GET', jobPath(kind))).body as { records: { id: string }[] }).records.map((r) => r.id);

/** A finished admin ingest job with one written and one failed row. */
async function finishedAdminIngest(): Promise<string> {
  const id = await createJob(t.conn, 'ingest', { object: 'Account', operation: 'insert' });
  expect((await uploadCsv(t.conn, id, 'Name,Region__c\nAdmin Co,\n,\n')).status).toBe(201);
  await patchJob(t.conn, 'ingest', id, 'UploadComplete');
  expect(await waitForJob(t.conn, 'ingest', id, ['JobComplete'])).toMatchObject({
    numberRecordsProcessed: 2,
    numberRecordsFailed: 1,
  });
  return id;
}

/** Every request another user could make on an ingest job, each with what a missing job answers. */
const ingestAttempts = (conn: Connection, id: string) => [
  rawRequest(conn, 'GET', jobPath('ingest', id)),
  uploadCsv(conn, id, 'Name\nIntruder Co\n'),
  patchJob(conn, 'ingest', id, 'UploadComplete'),
  patchJob(conn, 'ingest', id, 'Aborted'),
  rawRequest(conn, 'DELETE', jobPath('ingest', id)),
  rawRequest(conn, 'GET', jobPath('ingest', id, 'successfulResults')),
  rawRequest(conn, 'GET', jobPath('ingest', id, 'failedResults')),
  rawRequest(conn, 'GET', jobPath('ingest', id, 'unprocessedrecords')),
];

const queryAttempts = (conn: Connection, id: string) => [
  rawRequest(conn, 'GET', jobPath('query', id)),
  rawRequest(conn, 'GET', jobPath('query', id, 'results')),
  patchJob(conn, 'query', id, 'Aborted'),
  rawRequest(conn, 'DELETE', jobPath('query', id)),
];

describe("another user's ingest job", () => {
  it('answers every request of an AE as a job that does not exist, and the job is untouched', async () => {
    const open = await createJob(t.conn, 'ingest', { object: 'Account', operation: 'insert' });
    const finished = await finishedAdminIngest();
    for (const id of [open, finished, open.slice(0, 15)]) {
      for (const response of await Promise.all(ingestAttempts(ae.conn, id))) {
        expect({ status: response.status, body: response.body }).toEqual({ status: 404, body: NOT_FOUND });
      }
    }
    // Exactly what a missing job answers.
    for (const response of await Promise.all(ingestAttempts(ae.conn, MISSING))) {
      expect({ status: response.status, body: response.body }).toEqual({ status: 404, body: NOT_FOUND });
    }
    expect(await listed(ae.conn, 'ingest')).toEqual([]);
    // The admin's jobs are as they were: the open one takes its one upload, the finished one keeps its results.
    expect(await waitForJob(t.conn, 'ingest', open, ['Open'])).toMatchObject({ state: 'Open' });
    expect((await uploadCsv(t.conn, open, 'Name\nAdmin Two\n')).status).toBe(201);
    expect((await patchJob(t.conn, 'ingest', open, 'Aborted')).status).toBe(200);
    const success = await rawRequest(t.conn, 'GET', jobPath('ingest', finished, 'successfulResults'));
    expect(csvRows(success.body)).toEqual([expect.stringContaining('"Admin Co"')]);
    expect(await listed(t.conn, 'ingest')).toEqual(expect.arrayContaining([open, finished]));
  });

  it('shows an AE their own jobs only, and runs them as the AE', async () => {
    const own = await createJob(ae.conn, 'ingest', { object: 'Account', operation: 'insert' });
    const admins = await createJob(t.conn, 'ingest', { object: 'Account', operation: 'insert' });
    const mine = await listed(ae.conn, 'ingest');
    expect(mine).toContain(own);
    expect(mine).not.toContain(admins);
    await uploadCsv(ae.conn, own, 'Name\nAE Co\n');
    await patchJob(ae.conn, 'ingest', own, 'UploadComplete');
    await waitForJob(ae.conn, 'ingest', own, ['JobComplete']);
    const created = await t.conn.query<{ CreatedById: string }>("SELECT CreatedById FROM Account WHERE Name = 'AE Co'");
    expect(created.records.map((r) => r.CreatedById)).toEqual([ae.id]);
    await patchJob(t.conn, 'ingest', admins, 'Aborted');
  });
});

describe('the PermissionSetAssignment attack', () => {
  it("cannot load assignments through an admin's open job, nor through the AE's own job", async () => {
    const psId = await permissionSetId(t, 'Data_Integrations');
    const csv = `AssigneeId,PermissionSetId\n${ae.id},${psId}\n`;
    const adminJob = await createJob(t.conn, 'ingest', { object: 'PermissionSetAssignment', operation: 'insert' });
    expect((await uploadCsv(ae.conn, adminJob, csv)).status).toBe(404);
    expect((await patchJob(ae.conn, 'ingest', adminJob, 'UploadComplete')).status).toBe(404);
    // The admin closes its job: it holds no upload of the AE's, so it writes nothing.
    await patchJob(t.conn, 'ingest', adminJob, 'UploadComplete');
    expect(await waitForJob(t.conn, 'ingest', adminJob, ['JobComplete'])).toMatchObject({ numberRecordsProcessed: 0 });

    // The AE's own job runs as the AE, who may not create assignments.
    const own = await createJob(ae.conn, 'ingest', { object: 'PermissionSetAssignment', operation: 'insert' });
    await uploadCsv(ae.conn, own, csv);
    await patchJob(ae.conn, 'ingest', own, 'UploadComplete');
    expect(await waitForJob(ae.conn, 'ingest', own, ['JobComplete'])).toMatchObject({ numberRecordsFailed: 1 });

    const assignments = await t.conn.query(`SELECT Id FROM PermissionSetAssignment WHERE AssigneeId = '${ae.id}'`);
    expect(assignments.totalSize).toBe(0);
    // Still an ordinary user: the admin's jobs stay hidden.
    expect(await listed(ae.conn, 'ingest')).not.toContain(adminJob);
  });
});

describe("another user's query job", () => {
  it('answers every request of an AE as a job that does not exist', async () => {
    await t.conn.sobject('Account').create({ Name: 'Secret Partner' });
    const id = await createJob(t.conn, 'query', { operation: 'query', query: 'SELECT Id, Name FROM Account' });
    await waitForJob(t.conn, 'query', id, ['JobComplete']);
    for (const response of await Promise.all(queryAttempts(ae.conn, id))) {
      expect({ status: response.status, body: response.body }).toEqual({ status: 404, body: NOT_FOUND });
    }
    expect(await listed(ae.conn, 'query')).not.toContain(id);
    const results = await rawRequest(t.conn, 'GET', jobPath('query', id, 'results'));
    expect(String(results.body)).toContain('Secret Partner');
  });
});

describe('Manage Data Integrations', () => {
  it("lets its holder list, read, abort and delete other users' jobs", async () => {
    const finished = await finishedAdminIngest();
    const open = await createJob(t.conn, 'ingest', { object: 'Account', operation: 'insert' });
    const aeJob = await createJob(ae.conn, 'ingest', { object: 'Account', operation: 'insert' });
    const query = await createJob(t.conn, 'query', { operation: 'query', query: 'SELECT Id FROM Account' });
    await waitForJob(t.conn, 'query', query, ['JobComplete']);
    const conn = integration.conn;
    expect(await listed(conn, 'ingest')).toEqual(expect.arrayContaining([finished, open, aeJob]));
    expect(await listed(conn, 'query')).toContain(query);
    expect((await rawRequest(conn, 'GET', jobPath('ingest', finished))).body).toMatchObject({
      createdById: t.org.adminUserId,
      state: 'JobComplete',
    });
    const failed = await rawRequest(conn, 'GET', jobPath('ingest', finished, 'failedResults'));
    expect(csvRows(failed.body)).toEqual([expect.stringContaining('REQUIRED_FIELD_MISSING')]);
    expect((await rawRequest(conn, 'GET', jobPath('query', query, 'results'))).status).toBe(200);
    expect((await patchJob(conn, 'ingest', open, 'Aborted')).status).toBe(200);
    expect((await patchJob(conn, 'ingest', aeJob, 'Aborted')).status).toBe(200);
    expect((await rawRequest(conn, 'DELETE', jobPath('ingest', finished))).status).toBe(204);
    expect((await rawRequest(t.conn, 'GET', jobPath('ingest', finished))).status).toBe(404);
  });
});

describe('hardDelete', () => {
  const HARD_DELETE_REFUSED = [
    {
      errorCode: 'FEATURENOTENABLED',
      message:
        'hardDelete operation requires special user profile permission, please contact your system administrator',
      fields: [],
    },
  ];

  it('is refused at job creation without Bulk API Hard Delete, and nothing is created', async () => {
    const before = await listed(ae.conn, 'ingest');
    const response = await rawRequest(ae.conn, 'POST', jobPath('ingest'), {
      body: { object: 'Account', operation: 'hardDelete' },
    });
    expect(response.status).toBe(400);
    expect(response.body).toEqual(HARD_DELETE_REFUSED);
    expect(await listed(ae.conn, 'ingest')).toEqual(before);
    // Manage Data Integrations is not Bulk API Hard Delete.
    const integ = await rawRequest(integration.conn, 'POST', jobPath('ingest'), {
      body: { object: 'Account', operation: 'hardDelete' },
    });
    expect(integ.body).toEqual(HARD_DELETE_REFUSED);
  });

  it.each([
    ['the admin', () => t.conn],
    ['a user with Bulk API Hard Delete', () => purger.conn],
  ])('purges records for %s', async (_who, connOf) => {
    const conn = connOf();
    const name = `Purge ${Math.random().toString(36).slice(2)}`;
    const created = await conn.sobject('Account').create({ Name: name });
    const results = await load(conn, 'Account', 'hardDelete', [{ Id: created.id }]);
    expect(results.failedResults).toEqual([]);
    expect(results.successfulResults).toHaveLength(1);
    // Gone, not in the recycle bin.
    const left = await t.conn.query(`SELECT COUNT() FROM Account WHERE Name = '${name}'`, { scanAll: true });
    expect(left.totalSize).toBe(0);
  });
});

describe('a restart on the same data folder', () => {
  it('keeps finished, aborted and open jobs with their results; an open job can then run', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pap-bulk-restart-'));
    const start = async () => {
      const org = await startLocalOrg({ port: 0, data: dataDir, forceAppRoot: LOCALORG_FIXTURE });
      const conn = new Connection({ instanceUrl: org.instanceUrl, accessToken: org.accessToken, version: API_VERSION });
      fastPolling(conn);
      return { org, conn };
    };
    let first = await start();
    try {
      let conn = first.conn;
      const finished = await createJob(conn, 'ingest', { object: 'Account', operation: 'insert' });
      await uploadCsv(conn, finished, 'Name,Score__c\nKept Co,1\n,2\nOther Co,3\n');
      await patchJob(conn, 'ingest', finished, 'UploadComplete');
      await waitForJob(conn, 'ingest', finished, ['JobComplete']);
      const aborted = await createJob(conn, 'ingest', { object: 'Account', operation: 'insert' });
      await uploadCsv(conn, aborted, 'Name\nNever Co\n');
      await patchJob(conn, 'ingest', aborted, 'Aborted');
      const open = await createJob(conn, 'ingest', { object: 'Account', operation: 'insert' });
      await uploadCsv(conn, open, 'Name\nLater Co\n');
      const query = await createJob(conn, 'query', { operation: 'query', query: 'SELECT Name FROM Account' });
      await waitForJob(conn, 'query', query, ['JobComplete']);

      const snapshot = async () => ({
        ingest: await Promise.all(
          [finished, aborted, open].map(async (id) => (await rawRequest(conn, 'GET', jobPath('ingest', id))).body),
        ),
        results: await Promise.all(
          ['successfulResults', 'failedResults', 'unprocessedrecords'].flatMap((sub) =>
            [finished, aborted].map(async (id) => (await rawRequest(conn, 'GET', jobPath('ingest', id, sub))).body),
          ),
        ),
        query: (await rawRequest(conn, 'GET', jobPath('query', query))).body,
        queryResults: (await rawRequest(conn, 'GET', jobPath('query', query, 'results'))).body,
        lists: [await listed(conn, 'ingest'), await listed(conn, 'query')],
      });
      const before = await snapshot();
      expect(csvRows(before.results[0])).toHaveLength(2);
      expect(before.results[5]).toBe('Name\nNever Co\n');

      await first.org.close();
      first = await start();
      conn = first.conn;
      expect(await snapshot()).toEqual(before);

      await patchJob(conn, 'ingest', open, 'UploadComplete');
      expect(await waitForJob(conn, 'ingest', open, ['JobComplete'])).toMatchObject({ numberRecordsProcessed: 1 });
      expect((await conn.query("SELECT Id FROM Account WHERE Name = 'Later Co'")).totalSize).toBe(1);
      // Ids keep counting after a restart: a new job never reuses one.
      const next = await createJob(conn, 'ingest', { object: 'Account', operation: 'insert' });
      expect([finished, aborted, open]).not.toContain(next);
    } finally {
      await first.org.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('deletes jobs older than seven days, with their rows, as Salesforce does', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pap-bulk-lifespan-'));
    let clock = new Date('2026-03-02T09:00:00.000Z');
    const start = async () => {
      const org = await startLocalOrg({
        port: 0,
        data: dataDir,
        forceAppRoot: LOCALORG_FIXTURE,
        now: () => clock,
        sessionTimeoutMinutes: 30 * 24 * 60,
      });
      const conn = new Connection({ instanceUrl: org.instanceUrl, accessToken: org.accessToken, version: API_VERSION });
      fastPolling(conn);
      return { org, conn };
    };
    let current = await start();
    try {
      const old = await createJob(current.conn, 'ingest', { object: 'Account', operation: 'insert' });
      await uploadCsv(current.conn, old, 'Name\nOld Co\n');
      await patchJob(current.conn, 'ingest', old, 'UploadComplete');
      await waitForJob(current.conn, 'ingest', old, ['JobComplete']);
      clock = new Date('2026-03-08T09:00:00.000Z');
      const recent = await createJob(current.conn, 'ingest', { object: 'Account', operation: 'insert' });
      await uploadCsv(current.conn, recent, 'Name\nRecent Co\n');

      const rowsOf = (id: string) => storedUpload(current.org.storage.db, id);
      expect(rowsOf(old)).toEqual({ text: 'Name\nOld Co\n', rows: 1, outcomes: 1 });

      await current.org.close();
      clock = new Date('2026-03-09T10:00:00.000Z'); // the first job is 7 days and 1 hour old, the second 1 day
      current = await start();
      expect((await rawRequest(current.conn, 'GET', jobPath('ingest', old))).status).toBe(404);
      expect((await rawRequest(current.conn, 'GET', jobPath('ingest', recent))).status).toBe(200);
      expect(rowsOf(old)).toEqual({ text: '', rows: 0, outcomes: 0 });
      // The records a job wrote stay: only the job and its data go.
      expect((await current.conn.query("SELECT Id FROM Account WHERE Name = 'Old Co'")).totalSize).toBe(1);
    } finally {
      await current.org.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
