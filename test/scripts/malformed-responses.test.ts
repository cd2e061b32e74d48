/**
 * A malformed answer fails where it enters the scripts' library, with a message that names what was expected
 * and where: a tiny HTTP server on 127.0.0.1 plays an org that answers the documented requests with the
 * wrong shapes (no records array, records that are not objects, a write result without `success`, a Bulk
 * job without an id), and a local org data folder holds an auth.json cut short or missing its token.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { upsertBulk } from '../../packages/jobs/bulk';
import { connect, OrgConnectionError, type OrgSession } from '../../packages/jobs/connection';
import { queryAll } from '../../packages/jobs/query';
import { MalformedResponseError } from '../../packages/jobs/response';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '../../packages/jobs/retry';
import { writeRecords } from '../../packages/jobs/writer';
import { API_VERSION } from '../support/localorg';

jest.setTimeout(20_000);

/** What the fake org answers next, by method and path (`/limits` always answers `{}` so connect succeeds). */
let answers: Record<string, unknown> = {};
let server: Server;
let session: OrgSession;
const noWait: RetryPolicy = { ...DEFAULT_RETRY_POLICY, retries: 0, sleep: async () => {} };

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname.replace(/^\/services\/data\/v[\d.]+/, '');
    const body = path === '/limits' ? {} : answers[`${req.method} ${path}`];
    res.writeHead(body === undefined ? 404 : 200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(body ?? [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }]));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  session = await connect(
    { apiVersion: API_VERSION },
    { SF_INSTANCE_URL: `http://127.0.0.1:${port}`, SF_ACCESS_TOKEN: 'fake-token' },
  );
});

afterAll(async () => {
  await session?.close();
  await new Promise((resolve) => server.close(resolve));
});

describe('a malformed REST answer', () => {
  it('fails a query that has no records array, naming the query', async () => {
    answers = { 'GET /query': { totalSize: 1, done: true } };
    const failure = queryAll(session, 'SELECT Id FROM Account');
    await expect(failure).rejects.toThrow(MalformedResponseError);
    await expect(failure).rejects.toThrow(
      'the response of the query "SELECT Id FROM Account" has no records array (got nothing)',
    );
  });

  it('fails a query whose records are not an array of objects', async () => {
    answers = { 'GET /query': { totalSize: 1, done: true, records: 'x' } };
    await expect(queryAll(session, 'SELECT Id FROM Account')).rejects.toThrow(
      'the response of the query "SELECT Id FROM Account" has no records array (got string "x")',
    );
    answers = { 'GET /query': { totalSize: 1, done: true, records: [42] } };
    await expect(queryAll(session, 'SELECT Id FROM Account')).rejects.toThrow(
      'the response of the query "SELECT Id FROM Account": records[0] is not a JSON object (got number 42)',
    );
  });

  it('fails a query page that does not say whether it is done', async () => {
    answers = { 'GET /query': { totalSize: 0, records: [] } };
    await expect(queryAll(session, 'SELECT Id FROM Account')).rejects.toThrow(
      'the response of the query "SELECT Id FROM Account" has no boolean done (got nothing)',
    );
  });

  it('still reads a well-formed page', async () => {
    answers = { 'GET /query': { totalSize: 1, done: true, records: [{ Id: '001000000000001AAA' }] } };
    await expect(queryAll(session, 'SELECT Id FROM Account')).resolves.toEqual([{ Id: '001000000000001AAA' }]);
  });

  it('fails a collection write whose result has no success flag', async () => {
    answers = { 'POST /composite/sobjects': [{ id: '001000000000001AAA' }] };
    const write = writeRecords(session, {
      sobject: 'Account',
      operation: 'create',
      records: [{ Name: 'A' }],
      policy: noWait,
    });
    await expect(write).rejects.toThrow(MalformedResponseError);
    await expect(write).rejects.toThrow('the create response for Account: result 0 has no boolean success');
  });

  it('fails a Bulk job the org created without an id', async () => {
    answers = { 'POST /jobs/ingest': { state: 'Open' } };
    await expect(
      upsertBulk(session, 'Account', 'External_Key__c', [{ External_Key__c: 'k1', Name: 'A' }], { policy: noWait }),
    ).rejects.toThrow('the Account ingest job the org created has no string id (got nothing)');
  });
});

describe('a malformed local org auth.json', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'malformed-auth-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('names the file and the missing token, before anything is started', async () => {
    writeFileSync(join(dir, 'auth.json'), JSON.stringify({ instanceUrl: 'http://127.0.0.1:1' }));
    const opened = connect({ targetOrg: 'local', apiVersion: API_VERSION }, { LOCAL_ORG_DATA: dir });
    await expect(opened).rejects.toThrow(OrgConnectionError);
    await expect(opened).rejects.toThrow(
      `The local org's auth file is malformed: ${join(dir, 'auth.json')} has no string accessToken (got nothing)`,
    );
  });

  it('names the file when it is not JSON (a write cut short)', async () => {
    writeFileSync(join(dir, 'auth.json'), '{"instanceUrl": "http://127.0.0.1:1", "accessTo');
    await expect(connect({ targetOrg: 'local', apiVersion: API_VERSION }, { LOCAL_ORG_DATA: dir })).rejects.toThrow(
      new RegExp(`auth file is malformed: ${join(dir, 'auth.json').replace(/[.\\/]/g, '\\$&')} is not JSON`),
    );
  });

  it('refuses an auth.json that is an array', async () => {
    writeFileSync(join(dir, 'auth.json'), '[]');
    await expect(connect({ targetOrg: 'local', apiVersion: API_VERSION }, { LOCAL_ORG_DATA: dir })).rejects.toThrow(
      `${join(dir, 'auth.json')} is not a JSON object (got an array [])`,
    );
  });
});
