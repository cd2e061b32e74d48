/**
 * Bulk API 2.0 ingest jobs as resources: job info, the job list, the state machine (upload once, close,
 * abort, delete) with its errors, unprocessed records of an aborted job, and uploads the API refuses as a
 * whole (malformed CSV, unknown columns, the wrong line ending), which fail the job with the API's message.
 */
import { fastPolling, load, storedUpload, type CsvRecord } from '../support/bulk';
import { API_VERSION, dataPath, LOCALORG_FIXTURE, rawRequest, startTestOrg, type TestOrg } from '../support/localorg';

let t: TestOrg;

beforeAll(async () => {
  t = await startTestOrg({ forceAppRoot: LOCALORG_FIXTURE });
  fastPolling(t.conn);
});
afterAll(() => t.close());

const createJob = (body: object) => rawRequest(t.conn, 'POST', dataPath('/jobs/ingest'), { body });
const newJob = async (body: object): Promise<string> => String(((await createJob(body)).body as { id: string }).id);
const patchJob = (id: string, state: string) =>
  rawRequest(t.conn, 'PATCH', dataPath(`/jobs/ingest/${id}`), { body: { state } });
const upload = (id: string, csv: string) =>
  rawRequest(t.conn, 'PUT', dataPath(`/jobs/ingest/${id}/batches`), {
    body: csv,
    headers: { 'Content-Type': 'text/csv' },
  });

async function waitFor(id: string, states: string[]): Promise<Record<string, unknown>> {
  for (;;) {
    const info = (await rawRequest(t.conn, 'GET', dataPath(`/jobs/ingest/${id}`))).body as Record<string, unknown>;
    if (states.includes(String(info.state))) return info;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('creating a job', () => {
  it('answers the job info with a contentUrl, then the full info on GET', async () => {
    const created = await createJob({ object: 'Plan__c', operation: 'upsert', externalIdFieldName: 'external_key__c' });
    expect(created.status).toBe(200);
    const job = created.body as Record<string, unknown>;
    expect(job).toEqual({
      id: expect.stringMatching(/^750[a-zA-Z0-9]{15}$/),
      operation: 'upsert',
      object: 'Plan__c',
      createdById: t.org.adminUserId,
      createdDate: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$/),
      systemModstamp: expect.any(String),
      state: 'Open',
      externalIdFieldName: 'External_Key__c',
      concurrencyMode: 'Parallel',
      contentType: 'CSV',
      apiVersion: 66,
      contentUrl: `services/data/v${API_VERSION}/jobs/ingest/${String(job.id)}/batches`,
      lineEnding: 'LF',
      columnDelimiter: 'COMMA',
    });
    const info = (await rawRequest(t.conn, 'GET', dataPath(`/jobs/ingest/${String(job.id)}`))).body;
    expect(info).toMatchObject({
      id: job.id,
      state: 'Open',
      jobType: 'V2Ingest',
      numberRecordsProcessed: 0,
      numberRecordsFailed: 0,
      retries: 0,
      totalProcessingTime: 0,
      apexProcessingTime: 0,
    });
  });

  it.each([
    [{ object: 'Nope__c', operation: 'insert' }, 400, 'INVALIDJOB', 'Unable to find object: Nope__c'],
    [
      { object: 'Account', operation: 'merge' },
      400,
      'API_ERROR',
      "Invalid value: 'merge' supplied for property: 'operation'",
    ],
    [
      { object: 'Account', operation: 'upsert' },
      400,
      'INVALIDJOB',
      'External ID was blank for Account. An External ID must be specified for upsert.',
    ],
    [
      { object: 'Account', operation: 'upsert', externalIdFieldName: 'Name' },
      400,
      'INVALIDJOB',
      'Field name provided, Name does not match an External ID, Salesforce Id, or indexed field for Account',
    ],
    [
      { object: 'Account', operation: 'insert', lineEnding: 'CR' },
      400,
      'API_ERROR',
      "Invalid value: 'CR' supplied for property: 'lineEnding'",
    ],
    [
      { object: 'Account', operation: 'insert', contentType: 'JSON' },
      400,
      'API_ERROR',
      "Invalid value: 'JSON' supplied for property: 'contentType'",
    ],
    [
      { object: 'Metric__mdt', operation: 'insert' },
      400,
      'INVALIDENTITY',
      "Entity 'Metric__mdt' is not supported by the Bulk API.",
    ],
  ])('refuses %j', async (body, status, errorCode, message) => {
    const response = await createJob(body);
    expect(response.status).toBe(status);
    expect(response.body).toEqual([{ errorCode, message, fields: [] }]);
  });

  it('answers 404 for a job that does not exist', async () => {
    const response = await rawRequest(t.conn, 'GET', dataPath('/jobs/ingest/750000000000999AAA'));
    expect(response.status).toBe(404);
    expect(response.body).toEqual([
      { errorCode: 'NOT_FOUND', message: 'The requested resource does not exist', fields: [] },
    ]);
  });
});

describe('the job state machine', () => {
  it('takes one upload, closes once, and gives results only once the job has finished', async () => {
    const id = await newJob({ object: 'Account', operation: 'insert' });
    expect((await rawRequest(t.conn, 'GET', dataPath(`/jobs/ingest/${id}/successfulResults`))).body).toEqual([
      expect.objectContaining({ errorCode: 'INVALIDJOBSTATE' }),
    ]);
    expect((await upload(id, 'Name\nFirst\n')).status).toBe(201);
    const second = await upload(id, 'Name\nSecond\n');
    expect(second.status).toBe(400);
    expect(second.body).toEqual([
      {
        errorCode: 'BULK_API_ERROR',
        message: `Found multipe contents for job: <${id.slice(0, 15)}>, please 'Close' / 'Abort' / 'Delete' the current Job then create a new Job and make sure you only do 'PUT' once on a given Job.`,
        fields: [],
      },
    ]);
    const closed = await patchJob(id, 'UploadComplete');
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ id, state: 'UploadComplete', object: 'Account', operation: 'insert' });
    expect((await patchJob(id, 'UploadComplete')).body).toEqual([
      expect.objectContaining({ errorCode: 'INVALIDJOBSTATE' }),
    ]);
    expect((await upload(id, 'Name\nLate\n')).body).toEqual([
      expect.objectContaining({ errorCode: 'INVALIDJOBSTATE' }),
    ]);
    const done = await waitFor(id, ['JobComplete']);
    expect(done).toMatchObject({ numberRecordsProcessed: 1, numberRecordsFailed: 0 });
    const results = await rawRequest(t.conn, 'GET', dataPath(`/jobs/ingest/${id}/successfulResults`));
    expect(results.headers['content-type']).toBe('text/csv');
    expect(results.body).toMatch(/^"sf__Id","sf__Created","Name"\n"001\w{15}","true","First"\n$/);
    expect((await patchJob(id, 'Aborted')).body).toEqual([expect.objectContaining({ errorCode: 'INVALIDJOBSTATE' })]);
    expect((await patchJob(id, 'JobComplete')).body).toEqual([
      { errorCode: 'API_ERROR', message: "Invalid value: 'JobComplete' supplied for property: 'state'", fields: [] },
    ]);
  });

  it('aborts a job before it runs: every uploaded row is unprocessed and nothing is written', async () => {
    const job = t.conn.bulk2.createJob({ object: 'Account', operation: 'insert' });
    await job.open();
    await job.uploadData('Name,External_Key__c\nNever One,NEVER-1\nNever Two,NEVER-2\n');
    await job.abort();
    expect((await job.check()).state).toBe('Aborted');
    expect(await job.getUnprocessedRecords()).toEqual([
      { Name: 'Never One', External_Key__c: 'NEVER-1' },
      { Name: 'Never Two', External_Key__c: 'NEVER-2' },
    ]);
    expect(await job.getSuccessfulResults()).toEqual([]);
    expect(await job.getFailedResults()).toEqual([]);
    expect((await t.conn.query("SELECT COUNT() FROM Account WHERE Name LIKE 'Never%'")).totalSize).toBe(0);
  });

  it('deletes a finished job but not an open one, and lists the jobs of the org', async () => {
    const open = await newJob({ object: 'Account', operation: 'insert' });
    const refused = await rawRequest(t.conn, 'DELETE', dataPath(`/jobs/ingest/${open}`));
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual([expect.objectContaining({ errorCode: 'INVALIDJOBSTATE' })]);

    const list = (await rawRequest(t.conn, 'GET', dataPath('/jobs/ingest'))).body as {
      done: boolean;
      records: { id: string; jobType: string }[];
      nextRecordsUrl: string | null;
    };
    expect(list.done).toBe(true);
    expect(list.nextRecordsUrl).toBeNull();
    expect(list.records.map((r) => r.id)).toContain(open);
    expect(new Set(list.records.map((r) => r.jobType))).toEqual(new Set(['V2Ingest']));
    expect((await rawRequest(t.conn, 'GET', dataPath('/jobs/ingest?jobType=Classic'))).body).toEqual({
      done: true,
      records: [],
      nextRecordsUrl: null,
    });

    expect((await patchJob(open, 'Aborted')).status).toBe(200);
    expect((await rawRequest(t.conn, 'DELETE', dataPath(`/jobs/ingest/${open}`))).status).toBe(204);
    expect((await rawRequest(t.conn, 'GET', dataPath(`/jobs/ingest/${open}`))).status).toBe(404);
  });

  it("keeps a job's rows and outcomes in the database, not in memory, and forgets them when the job is deleted", async () => {
    const id = await newJob({ object: 'Account', operation: 'insert' });
    expect((await upload(id, 'Name,AnnualRevenue\nKept in SQLite,1\nRefused,lots\n')).status).toBe(201);
    expect((await patchJob(id, 'UploadComplete')).status).toBe(200);
    await waitFor(id, ['JobComplete']);
    const db = t.org.storage.db;
    const outcomes = () =>
      db.prepare('SELECT idx, ok, error FROM _localorg_bulk_ingest_outcomes WHERE job = ? ORDER BY idx').all(id);
    // The upload is kept once, as it came; each row's outcome beside it.
    expect(storedUpload(db, id)).toEqual({
      text: 'Name,AnnualRevenue\nKept in SQLite,1\nRefused,lots\n',
      rows: 2,
      outcomes: 2,
    });
    expect(outcomes()).toEqual([
      { idx: 0, ok: 1, error: null },
      { idx: 1, ok: 0, error: expect.stringContaining('INVALID_TYPE_ON_FIELD_IN_RECORD') },
    ]);
    expect((await rawRequest(t.conn, 'DELETE', dataPath(`/jobs/ingest/${id}`))).status).toBe(204);
    expect(storedUpload(db, id)).toEqual({ text: '', rows: 0, outcomes: 0 });
  });
});

describe('uploads the API refuses as a whole', () => {
  async function failure(
    csv: string,
    options: { object?: string; lineEnding?: string; columnDelimiter?: string } = {},
  ) {
    const id = await newJob({ object: options.object ?? 'Account', operation: 'insert', ...options });
    await upload(id, csv);
    await patchJob(id, 'UploadComplete');
    return waitFor(id, ['Failed', 'JobComplete']);
  }

  it.each([
    [
      'a stray quote',
      'Name,External_Key__c\nAcme "Best",X\n',
      'InvalidBatch : Failed to parse CSV. Found unescaped quote. A value with quote should be within a quote',
    ],
    ['an unknown column', 'Name,Nope__c\nAcme,1\n', 'InvalidBatch : Field name not found : Nope__c'],
    [
      'an unknown relationship',
      'Name,Nope__r.External_Key__c\nAcme,1\n',
      'InvalidBatch : Unable to find relationship: Nope__r',
    ],
    [
      'a parent named by a field that is not unique',
      'Name,Parent.Name\nAcme,Other\n',
      'InvalidBatch : Field name provided, Name does not match an External ID, Salesforce Id, or indexed field for Account',
    ],
    [
      'CRLF line endings in an LF job',
      'Name\r\nAcme\r\n',
      'ClientInputError : LineEnding is invalid on user data. Current LineEnding setting is LF',
    ],
  ])('fails the job on %s, writing nothing', async (_what, csv, message) => {
    const before = (await t.conn.query('SELECT COUNT() FROM Account')).totalSize;
    const info = await failure(csv);
    expect(info).toMatchObject({ state: 'Failed', errorMessage: message, numberRecordsProcessed: 0 });
    expect((await t.conn.query('SELECT COUNT() FROM Account')).totalSize).toBe(before);
  });

  it('fails an LF job with CRLF data through jsforce with the message', async () => {
    await expect(load(t.conn, 'Account', 'insert', 'Name\r\nAcme\r\n')).rejects.toThrow(
      'Ingest job failed to complete due to: ClientInputError : LineEnding is invalid on user data. Current LineEnding setting is LF',
    );
  });

  it('reads CRLF and pipe-delimited data when the job says so', async () => {
    const crlf = await failure('Name,External_Key__c\r\n"Crlf, Inc",CRLF-1\r\n', { lineEnding: 'CRLF' });
    expect(crlf).toMatchObject({ state: 'JobComplete', numberRecordsProcessed: 1, numberRecordsFailed: 0 });
    const pipe = await failure('Name|External_Key__c\nPipe, Inc|PIPE-1\n', { columnDelimiter: 'PIPE' });
    expect(pipe).toMatchObject({ state: 'JobComplete', numberRecordsProcessed: 1 });
    const rows = await t.conn.query<CsvRecord>(
      "SELECT Name FROM Account WHERE External_Key__c IN ('CRLF-1', 'PIPE-1') ORDER BY Name",
    );
    expect(rows.records.map((r) => r.Name)).toEqual(['Crlf, Inc', 'Pipe, Inc']);
  });
});
