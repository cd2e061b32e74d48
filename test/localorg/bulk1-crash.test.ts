/**
 * A crash during a Bulk API 1.0 job: the org runs in a child process (bench/org-child.ts), a job of several
 * 10,000-record batches is killed with SIGKILL while its batches are being written, and the org is started
 * again on the same data folder. Each batch is whole or nothing: Completed batches keep their
 * results, the others come back Failed saying the org stopped and that none of their records were written,
 * and the object holds exactly the completed batches' records.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { startLocalOrg, type LocalOrg } from '../../packages/localorg/server';
import { killHard, startOrgProcess, type OrgProcess } from '../support/bulk';
import { httpRequest, type HttpAnswer } from '../support/http';
import { API_VERSION } from '../support/localorg';

const BATCHES = 3;
const RECORDS = 10_000;
const parser = new XMLParser({ parseTagValue: false });

let dataDir: string;
let orgProcess: OrgProcess | undefined;
let org: LocalOrg | undefined;

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'pap-bulk1-crash-'));
});
afterAll(async () => {
  if (orgProcess) await killHard(orgProcess.child);
  await org?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function call(instanceUrl: string, token: string, method: string, path: string, type?: string, body?: string) {
  return httpRequest(instanceUrl, `/services/async/${API_VERSION}${path}`, {
    method,
    headers: { 'X-SFDC-Session': token, ...(type ? { 'Content-Type': type } : {}) },
    body,
  });
}

const root = (answer: HttpAnswer, name: string): Record<string, unknown> =>
  (parser.parse(answer.text) as Record<string, Record<string, unknown>>)[name];

interface BatchInfo {
  id: string;
  state: string;
  stateMessage?: string;
  numberRecordsProcessed: string;
}

const batchList = (answer: HttpAnswer): BatchInfo[] => {
  const items = root(answer, 'batchInfoList').batchInfo as BatchInfo | BatchInfo[];
  return Array.isArray(items) ? items : [items];
};

it('keeps completed batches and fails the others whole after a crash', async () => {
  orgProcess = await startOrgProcess(dataDir);
  const { instanceUrl, accessToken } = orgProcess;
  const job = root(
    await call(
      instanceUrl,
      accessToken,
      'POST',
      '/job',
      'application/xml',
      `<jobInfo xmlns="http://www.force.com/2009/06/asyncapi/dataload"><operation>insert</operation><object>Account</object><contentType>CSV</contentType></jobInfo>`,
    ),
    'jobInfo',
  );
  const jobId = String(job.id);
  // Each batch is written in the background as soon as it is added (about a second for 10,000 records):
  // killed right after the last one is added, that one cannot have finished.
  for (let b = 0; b < BATCHES; b++) {
    const rows = Array.from({ length: RECORDS }, (_, i) => `Crash1 ${b}-${i}`);
    const added = await call(
      instanceUrl,
      accessToken,
      'POST',
      `/job/${jobId}/batch`,
      'text/csv',
      `Name\n${rows.join('\n')}\n`,
    );
    expect(added.status).toBe(201);
  }
  await killHard(orgProcess.child);
  orgProcess = undefined;

  org = await startLocalOrg({ port: 0, data: dataDir });
  const after = batchList(await call(org.instanceUrl, org.accessToken, 'GET', `/job/${jobId}/batch`));
  expect(after).toHaveLength(BATCHES);
  const completed = after.filter((b) => b.state === 'Completed');
  expect(after[BATCHES - 1].state).toBe('Failed');
  for (const batch of after) {
    if (batch.state === 'Completed') {
      expect(batch.numberRecordsProcessed).toBe(String(RECORDS));
    } else {
      expect(batch.state).toBe('Failed');
      expect(batch.stateMessage).toContain('The local org stopped while this batch was running');
      expect(batch.numberRecordsProcessed).toBe('0');
    }
  }
  for (const batch of completed) {
    const results = await call(org.instanceUrl, org.accessToken, 'GET', `/job/${jobId}/batch/${batch.id}/result`);
    expect(results.text.trimEnd().split('\n')).toHaveLength(RECORDS + 1);
  }
  const count = await httpRequest(
    org.instanceUrl,
    `/services/data/v${API_VERSION}/query?q=${encodeURIComponent("SELECT COUNT() FROM Account WHERE Name LIKE 'Crash1 %'")}`,
    { headers: { Authorization: `Bearer ${org.accessToken}` } },
  );
  expect((count.json as { totalSize: number }).totalSize).toBe(completed.length * RECORDS);
}, 240_000);
