/**
 * Bulk API 1.0 over plain HTTP: the documented jobInfo, batchInfo, batchInfoList and result shapes in XML and
 * JSON, job states (Open, Closed, Aborted) and batch states, the `<error>` answers (InvalidSessionId,
 * InvalidJob, InvalidJobState, InvalidXML, InvalidUrl, InvalidVersion), and the org's security: jobs
 * visible only to their creator, objects and fields a user cannot reach, records they cannot see answered
 * as missing ones, hardDelete only with Bulk API Hard Delete; and jobs kept across a restart.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { httpRequest, type HttpAnswer } from '../support/http';
import { API_VERSION, startTestOrg, type TestOrg } from '../support/localorg';
import { createPlan, createUser, type TestUser } from '../support/security';

let t: TestOrg;
let ae: TestUser;
let partner: string;

const NS = 'http://www.force.com/2009/06/asyncapi/dataload';
const parser = new XMLParser({ parseTagValue: false, ignoreAttributes: true });

beforeAll(async () => {
  t = await startTestOrg();
  ae = await createUser(t, { alias: 'bulk1ae', permissionSets: ['Account_Executive'] });
  partner = (await t.conn.sobject('Account').create({ Name: 'Bulk1 Partner', Partner_Type__c: 'Reseller' })).id!;
});
afterAll(() => t.close());

interface Call {
  body?: string;
  type?: string;
  token?: string | null;
}

function call(method: string, path: string, options: Call = {}): Promise<HttpAnswer> {
  const headers: Record<string, string> = {};
  const token = options.token === undefined ? t.org.accessToken : options.token;
  if (token) headers['X-SFDC-Session'] = token;
  if (options.type) headers['Content-Type'] = options.type;
  return httpRequest(t.org.instanceUrl, `/services/async/${API_VERSION}${path}`, {
    method,
    headers,
    body: options.body,
  });
}

/** An XML answer's root element, parsed (values as text). */
function xml(answer: HttpAnswer, root: string): Record<string, string> {
  expect(answer.headers['content-type']).toMatch(/^application\/xml/);
  return (parser.parse(answer.text) as Record<string, Record<string, string>>)[root];
}

const jobXml = (fields: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?><jobInfo xmlns="${NS}">${fields}</jobInfo>`;

async function createXmlJob(operation: string, object: string, token?: string): Promise<HttpAnswer> {
  return call('POST', '/job', {
    type: 'application/xml; charset=utf-8',
    body: jobXml(`<operation>${operation}</operation><object>${object}</object><contentType>CSV</contentType>`),
    token,
  });
}

/** Polls a batch until it leaves Queued/InProgress (bounded by count and time). */
async function finished(jobId: string, batchId: string, token?: string): Promise<HttpAnswer> {
  const until = Date.now() + 20_000;
  for (let i = 0; i < 400 && Date.now() < until; i++) {
    const answer = await call('GET', `/job/${jobId}/batch/${batchId}`, { token });
    const state = answer.json ? (answer.json as { state: string }).state : xml(answer, 'batchInfo').state;
    if (state !== 'Queued' && state !== 'InProgress') return answer;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`batch ${batchId} did not finish`);
}

describe('an XML job with a CSV batch', () => {
  it('answers the documented shapes through the job lifecycle', async () => {
    const created = await createXmlJob('insert', 'Account');
    expect(created.status).toBe(201);
    const job = xml(created, 'jobInfo');
    expect(Object.keys(job).slice(0, 10)).toEqual([
      'id',
      'operation',
      'object',
      'createdById',
      'createdDate',
      'systemModstamp',
      'state',
      'concurrencyMode',
      'contentType',
      'numberBatchesQueued',
    ]);
    expect(job).toMatchObject({ operation: 'insert', object: 'Account', state: 'Open', contentType: 'CSV' });
    expect(job.id).toMatch(/^750[a-zA-Z0-9]{15}$/);
    expect(job.createdById).toBe(t.org.adminUserId);
    expect(job.apiVersion).toBe(API_VERSION);

    const csv = 'Name,NumberOfEmployees\n"Bulk1, XML",12\nNo Number,abc\n';
    const added = await call('POST', `/job/${job.id}/batch`, { type: 'text/csv', body: csv });
    expect(added.status).toBe(201);
    const batch = xml(added, 'batchInfo');
    expect(batch.id).toMatch(/^751[a-zA-Z0-9]{15}$/);
    expect(batch).toMatchObject({ jobId: job.id, state: 'Queued' });

    expect(xml(await finished(job.id, batch.id), 'batchInfo')).toMatchObject({
      state: 'Completed',
      numberRecordsProcessed: '2',
      numberRecordsFailed: '1',
    });
    const results = await call('GET', `/job/${job.id}/batch/${batch.id}/result`);
    expect(results.headers['content-type']).toMatch(/^text\/csv/);
    const lines = results.text.trimEnd().split('\n');
    expect(lines[0]).toBe('"Id","Success","Created","Error"');
    expect(lines[1]).toMatch(/^"001[a-zA-Z0-9]{15}","true","true",""$/);
    expect(lines[2]).toMatch(/^"","false","false","INVALID_TYPE_ON_FIELD_IN_RECORD:.*NumberOfEmployees --"$/);

    const list = xml(await call('GET', `/job/${job.id}/batch`), 'batchInfoList') as unknown as {
      batchInfo: Record<string, string>;
    };
    expect(list.batchInfo).toMatchObject({ id: batch.id, jobId: job.id, state: 'Completed' });

    const closed = await call('POST', `/job/${job.id}`, {
      type: 'application/xml',
      body: jobXml('<state>Closed</state>'),
    });
    expect(xml(closed, 'jobInfo')).toMatchObject({
      state: 'Closed',
      numberBatchesCompleted: '1',
      numberBatchesTotal: '1',
      numberRecordsProcessed: '2',
      numberRecordsFailed: '1',
    });
    const late = await call('POST', `/job/${job.id}/batch`, { type: 'text/csv', body: csv });
    expect(late.status).toBe(400);
    expect(xml(late, 'error').exceptionCode).toBe('InvalidJobState');
  });

  it('aborts a job: no more batches, and the job says Aborted', async () => {
    const job = xml(await createXmlJob('insert', 'Account'), 'jobInfo');
    const aborted = await call('POST', `/job/${job.id}`, {
      type: 'application/xml',
      body: jobXml('<state>Aborted</state>'),
    });
    expect(xml(aborted, 'jobInfo').state).toBe('Aborted');
    const again = await call('POST', `/job/${job.id}`, {
      type: 'application/xml',
      body: jobXml('<state>Aborted</state>'),
    });
    expect(xml(again, 'error').exceptionCode).toBe('InvalidJobState');
  });
});

describe('a JSON job with a JSON batch', () => {
  it('answers JSON job info, batch info and save results', async () => {
    const created = await call('POST', '/job', {
      type: 'application/json',
      body: JSON.stringify({ operation: 'insert', object: 'Contact', contentType: 'JSON' }),
    });
    expect(created.status).toBe(201);
    const job = created.json as Record<string, unknown>;
    expect(job).toMatchObject({ object: 'Contact', state: 'Open', contentType: 'JSON', numberBatchesTotal: 0 });
    expect(job.apiVersion).toBe(Number(API_VERSION));
    const records = [{ LastName: 'Json One', AccountId: partner, Email: null }, { FirstName: 'No last name' }];
    const added = await call('POST', `/job/${String(job.id)}/batch`, {
      type: 'application/json',
      body: JSON.stringify(records),
    });
    const batch = added.json as { id: string; state: string };
    expect(batch.state).toBe('Queued');
    expect((await finished(String(job.id), batch.id)).json).toMatchObject({ state: 'Completed' });
    const results = (await call('GET', `/job/${String(job.id)}/batch/${batch.id}/result`)).json;
    expect(results).toEqual([
      { success: true, created: true, id: expect.stringMatching(/^003/), errors: [] },
      {
        success: false,
        created: false,
        id: null,
        errors: [
          {
            statusCode: 'REQUIRED_FIELD_MISSING',
            message: 'Required fields are missing: [LastName]',
            fields: ['LastName'],
          },
        ],
      },
    ]);
    const list = (await call('GET', `/job/${String(job.id)}/batch`)).json as { batchInfo: { id: string }[] };
    expect(list.batchInfo.map((b) => b.id)).toEqual([batch.id]);
  });

  it('upserts JSON records by external id, with a parent named by its external id', async () => {
    await t.conn.sobject('Account').create({ Name: 'Bulk1 Parent', External_Key__c: 'B1-A' });
    const job = (
      await call('POST', '/job', {
        type: 'application/json',
        body: JSON.stringify({
          operation: 'upsert',
          object: 'Contact',
          externalIdFieldName: 'External_Key__c',
          contentType: 'JSON',
        }),
      })
    ).json as { id: string };
    const upsert = async (): Promise<unknown> => {
      const batch = (
        await call('POST', `/job/${job.id}/batch`, {
          type: 'application/json',
          body: JSON.stringify([
            { External_Key__c: 'B1-C', LastName: 'Upserted', Account: { External_Key__c: 'B1-A' }, Title: null },
          ]),
        })
      ).json as { id: string };
      await finished(job.id, batch.id);
      return (await call('GET', `/job/${job.id}/batch/${batch.id}/result`)).json;
    };
    expect(await upsert()).toEqual([{ success: true, created: true, id: expect.stringMatching(/^003/), errors: [] }]);
    expect(await upsert()).toEqual([{ success: true, created: false, id: expect.stringMatching(/^003/), errors: [] }]);
    const contact = await t.conn.query<{ Account: { Name: string } }>(
      "SELECT Account.Name FROM Contact WHERE External_Key__c = 'B1-C'",
    );
    expect(contact.records.map((r) => r.Account.Name)).toEqual(['Bulk1 Parent']);
  });

  it('does not list the Bulk API 2.0 jobs that ran its batches as jobs of their own', async () => {
    // Every ingest this file ran so far was a Bulk API 1.0 batch.
    const listed = await httpRequest(t.org.instanceUrl, `/services/data/v${API_VERSION}/jobs/ingest`, {
      headers: { Authorization: `Bearer ${t.org.accessToken}` },
    });
    expect(listed.status).toBe(200);
    expect(listed.json).toMatchObject({ done: true, records: [] });
  });
});

describe('errors', () => {
  it('answers each refusal with the documented error element', async () => {
    const expectError = (answer: HttpAnswer, code: string, status = 400): void => {
      expect(answer.status).toBe(status);
      expect(xml(answer, 'error').exceptionCode).toBe(code);
    };
    expectError(await call('GET', '/job/7500000000zzzzz', { token: null }), 'InvalidSessionId');
    expectError(await call('GET', '/job/7500000000zzzzz', { token: 'bogus' }), 'InvalidSessionId');
    expectError(await call('GET', '/job/7500000000zzzzz'), 'InvalidJob');
    expectError(await call('POST', '/job', { type: 'application/xml', body: '<jobInfo><operation>' }), 'InvalidXML');
    expectError(await call('GET', '/jobs'), 'InvalidUrl', 404);
    expectError(await createXmlJob('merge', 'Account'), 'InvalidJob');
    expectError(await createXmlJob('insert', 'No_Such__c'), 'InvalidJob');
    const xmlContent = await call('POST', '/job', {
      type: 'application/xml',
      body: jobXml('<operation>insert</operation><object>Account</object>'),
    });
    expectError(xmlContent, 'InvalidJob');
    expect(xml(xmlContent, 'error').exceptionMessage).toContain('not supported by the local org');
    const retired = await httpRequest(t.org.instanceUrl, '/services/async/25.0/job', {
      method: 'POST',
      headers: { 'X-SFDC-Session': t.org.accessToken, 'Content-Type': 'application/xml' },
      body: jobXml('<operation>insert</operation><object>Account</object><contentType>CSV</contentType>'),
    });
    expectError(retired, 'InvalidVersion');
    // A JSON request gets a JSON error.
    const json = await call('POST', '/job', { type: 'application/json', body: '{"operation": "insert"' });
    expect(json.json).toMatchObject({ exceptionCode: 'ClientInputError' });
  });
});

describe('security', () => {
  it("hides other users' jobs, objects the user cannot read and hardDelete without its permission", async () => {
    const adminJob = xml(await createXmlJob('insert', 'Account'), 'jobInfo');
    const token = ae.conn.accessToken as string;
    const seen = await call('GET', `/job/${adminJob.id}`, { token });
    expect(xml(seen, 'error')).toEqual({
      exceptionCode: 'InvalidJob',
      exceptionMessage: `Invalid job id: ${adminJob.id}`,
    });
    const hard = await createXmlJob('hardDelete', 'Opportunity', token);
    expect(xml(hard, 'error').exceptionCode).toBe('FeatureNotEnabled');
    const std = await createUser(t, { alias: 'bulk1std' });
    const hidden = await createXmlJob('insert', 'Partner_Account_Plan__c', std.conn.accessToken as string);
    expect(xml(hidden, 'error')).toMatchObject({ exceptionMessage: 'Unable to find object: Partner_Account_Plan__c' });
  });

  it('writes as the user: a field they cannot edit and a record they cannot see fail per record', async () => {
    const token = ae.conn.accessToken as string;
    const opportunity = (
      await t.conn.sobject('Opportunity').create({
        Name: 'Bulk1 Deal',
        StageName: 'Prospecting',
        CloseDate: '2026-06-30',
        AccountId: partner,
        OwnerId: ae.id,
      })
    ).id!;
    const { plan } = await createPlan(t.conn, partner, 'Bulk1 private plan');

    const oppJob = xml(await createXmlJob('update', 'Opportunity', token), 'jobInfo');
    const computed = await call('POST', `/job/${oppJob.id}/batch`, {
      type: 'text/csv',
      body: `Id,Last_APR_Action_Date__c\n${opportunity},2026-01-01\n`,
      token,
    });
    const computedBatch = xml(computed, 'batchInfo');
    await finished(oppJob.id, computedBatch.id, token);
    const computedResult = await call('GET', `/job/${oppJob.id}/batch/${computedBatch.id}/result`, { token });
    expect(computedResult.text).toContain('INVALID_FIELD_FOR_INSERT_UPDATE');

    // The admin's private plan is not shared with the AE: updating it fails as a missing record does.
    const planJob = xml(await createXmlJob('update', 'Partner_Account_Plan__c', token), 'jobInfo');
    const missing = `${plan.slice(0, 9)}zzzzzz`;
    const batch = xml(
      await call('POST', `/job/${planJob.id}/batch`, {
        type: 'text/csv',
        body: `Id,Name\n${plan},Renamed\n${missing},Renamed\n`,
        token,
      }),
      'batchInfo',
    );
    await finished(planJob.id, batch.id, token);
    const lines = (await call('GET', `/job/${planJob.id}/batch/${batch.id}/result`, { token })).text
      .trimEnd()
      .split('\n');
    expect(lines[1].split('","').slice(1)).toEqual(lines[2].split('","').slice(1));
    expect(lines[1]).toContain('"false","false"');
    expect((await t.conn.sobject('Partner_Account_Plan__c').retrieve(plan)).Name).toBe('Bulk1 private plan');
  });
});

describe('persistence', () => {
  it('keeps jobs, batches and results across a restart of the org on the same folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bulk1-'));
    try {
      let org = await startTestOrg({ data: dir });
      const send = (method: string, path: string, type?: string, body?: string): Promise<HttpAnswer> =>
        httpRequest(org.org.instanceUrl, `/services/async/${API_VERSION}${path}`, {
          method,
          headers: { 'X-SFDC-Session': org.org.accessToken, ...(type ? { 'Content-Type': type } : {}) },
          body,
        });
      const job = xml(
        await send(
          'POST',
          '/job',
          'application/xml',
          jobXml('<operation>insert</operation><object>Account</object><contentType>CSV</contentType>'),
        ),
        'jobInfo',
      );
      const batch = xml(await send('POST', `/job/${job.id}/batch`, 'text/csv', 'Name\nKept\n'), 'batchInfo');
      const until = Date.now() + 20_000;
      let state = batch.state;
      while ((state === 'Queued' || state === 'InProgress') && Date.now() < until) {
        await new Promise((resolve) => setTimeout(resolve, 25));
        state = xml(await send('GET', `/job/${job.id}/batch/${batch.id}`), 'batchInfo').state;
      }
      expect(state).toBe('Completed');
      await org.close();

      org = await startTestOrg({ data: dir });
      try {
        expect(xml(await send('GET', `/job/${job.id}`), 'jobInfo')).toMatchObject({
          state: 'Open',
          numberBatchesCompleted: '1',
        });
        const results = await send('GET', `/job/${job.id}/batch/${batch.id}/result`);
        expect(results.text).toMatch(/^"Id","Success","Created","Error"\n"001[a-zA-Z0-9]{15}","true","true",""\n$/);
      } finally {
        await org.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the daily API allowance', () => {
  it('counts Bulk API 1.0 requests and refuses them past the allowance', async () => {
    const small = await startTestOrg({ apiDailyLimit: 2 });
    try {
      const get = (): Promise<HttpAnswer> =>
        httpRequest(small.org.instanceUrl, `/services/async/${API_VERSION}/job/7500000000zzzzz`, {
          headers: { 'X-SFDC-Session': small.org.accessToken },
        });
      expect(xml(await get(), 'error').exceptionCode).toBe('InvalidJob');
      expect(xml(await get(), 'error').exceptionCode).toBe('InvalidJob');
      const refused = await get();
      expect(refused.status).toBe(403);
      expect(xml(refused, 'error')).toEqual({
        exceptionCode: 'ExceededQuota',
        exceptionMessage: 'TotalRequests Limit exceeded.',
      });
    } finally {
      await small.close();
    }
  });
});
