/**
 * Fault injection (off by default): 503 SERVER_UNAVAILABLE for a fraction of API requests before anything
 * happens, UNABLE_TO_LOCK_ROW for a fraction of the records of collection writes and bulk ingest rows
 * (never written), both deterministic under the seed; and the daily API request limit. Requests go through
 * fetch, not jsforce, which would retry the 503s.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { REPO_ROOT } from '../../packages/model';
import { faultOptionsFromEnv, Faults, type FaultOptions } from '../../packages/localorg/faults';
import { isDailyLimitError } from '../../packages/jobs/retry';
import { fastPolling, load } from '../support/bulk';
import { API_VERSION, apiError, LOCALORG_FIXTURE, orgDetailsOf, startTestOrg, type TestOrg } from '../support/localorg';

jest.setTimeout(60_000);

interface Sent {
  status: number;
  body: unknown;
  usage: string | null;
}

async function send(t: TestOrg, method: string, path: string, body?: unknown): Promise<Sent> {
  const response = await fetch(`${t.org.instanceUrl}${path}`, {
    method,
    headers: { Authorization: `Bearer ${t.org.accessToken}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text === '' ? undefined : JSON.parse(text),
    usage: response.headers.get('sforce-limit-info'),
  };
}

const data = (path: string): string => `/services/data/v${API_VERSION}${path}`;

interface SaveResult {
  success: boolean;
  id?: string;
  errors: { statusCode: string; message: string; fields: string[] }[];
}

/** Creates `count` accounts in collections of 200; returns every per-record result. */
async function createAccounts(t: TestOrg, count: number, prefix: string): Promise<SaveResult[]> {
  const results: SaveResult[] = [];
  for (let start = 0; start < count; start += 200) {
    const records = Array.from({ length: Math.min(200, count - start) }, (_, i) => ({
      attributes: { type: 'Account' },
      Name: `${prefix} ${start + i}`,
    }));
    const sent = await send(t, 'POST', data('/composite/sobjects'), { allOrNone: false, records });
    expect(sent.status).toBe(200);
    results.push(...(sent.body as SaveResult[]));
  }
  return results;
}

async function withOrg<T>(
  options: Partial<FaultOptions> & { apiDailyLimit?: number },
  run: (t: TestOrg) => Promise<T>,
) {
  const { apiDailyLimit, ...faults } = options;
  const t = await startTestOrg({
    forceAppRoot: LOCALORG_FIXTURE,
    apiDailyLimit: apiDailyLimit ?? 1_000_000,
    faults: { seed: 1, unavailableRate: 0, lockRate: 0, ...faults },
  });
  try {
    return await run(t);
  } finally {
    await t.close();
  }
}

describe('503 SERVER_UNAVAILABLE', () => {
  it('answers the configured fraction of API requests, before they count or do anything', async () => {
    await withOrg({ seed: 42, unavailableRate: 0.1 }, async (t) => {
      let unavailable = 0;
      let last: Sent | undefined;
      for (let i = 0; i < 2000; i++) {
        last = await send(t, 'GET', data('/limits'));
        if (last.status === 503) {
          unavailable++;
          expect(last.body).toEqual([{ message: 'Server too busy', errorCode: 'SERVER_UNAVAILABLE', fields: [] }]);
        } else {
          expect(last.status).toBe(200);
        }
      }
      expect(unavailable / 2000).toBeGreaterThan(0.08);
      expect(unavailable / 2000).toBeLessThan(0.12);
      // Only the requests that were served count against the daily allowance.
      expect(last?.usage).toBe(`api-usage=${2000 - unavailable}/1000000`);
    });
  });

  it('never touches the authentication endpoints', async () => {
    await withOrg({ unavailableRate: 1 }, async (t) => {
      expect((await send(t, 'GET', data('/limits'))).status).toBe(503);
      expect((await send(t, 'GET', '/services/oauth2/userinfo')).status).toBe(200);
      const token = await fetch(`${t.org.instanceUrl}/services/oauth2/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'password',
          client_id: 'c',
          client_secret: 's',
          username: t.org.adminUsername,
          password: t.org.adminPassword,
        }),
      });
      expect(token.status).toBe(200);
    });
  });
});

describe('UNABLE_TO_LOCK_ROW', () => {
  it('refuses the configured fraction of collection records, which are not written', async () => {
    await withOrg({ seed: 3, lockRate: 0.2 }, async (t) => {
      const results = await createAccounts(t, 2000, 'Locked');
      const locked = results.filter((r) => !r.success);
      expect(locked.length / 2000).toBeGreaterThan(0.17);
      expect(locked.length / 2000).toBeLessThan(0.23);
      for (const r of locked) {
        // A new account has no parent to lock: its owner is the record named.
        expect(r).toEqual({
          success: false,
          errors: [
            {
              statusCode: 'UNABLE_TO_LOCK_ROW',
              message: `unable to obtain exclusive access to this record or 1 records: ${t.org.adminUserId}`,
              fields: [],
            },
          ],
        });
      }
      expect((await t.conn.query("SELECT COUNT() FROM Account WHERE Name LIKE 'Locked%'")).totalSize).toBe(
        2000 - locked.length,
      );

      // Updates name the record itself.
      const created = results.filter((r) => r.success).slice(0, 200);
      const update = await send(t, 'PATCH', data('/composite/sobjects'), {
        allOrNone: false,
        records: created.map((r) => ({ attributes: { type: 'Account' }, Id: r.id, Name: 'Renamed' })),
      });
      const failed = (update.body as SaveResult[])
        .map((r, i) => ({ r, id: created[i].id }))
        .filter((x) => !x.r.success);
      expect(failed.length).toBeGreaterThan(0);
      for (const { r, id } of failed) {
        expect(r.errors[0].message).toBe(`unable to obtain exclusive access to this record or 1 records: ${id}`);
      }
      expect((await t.conn.query("SELECT COUNT() FROM Account WHERE Name = 'Renamed'")).totalSize).toBe(
        200 - failed.length,
      );
    });
  });

  it('fails the configured fraction of bulk ingest rows, which are not written', async () => {
    await withOrg({ seed: 5, lockRate: 0.2 }, async (t) => {
      fastPolling(t.conn);
      const plan = await t.conn.sobject('Plan__c').create({ Name: 'Master', External_Key__c: 'M-1' });
      const rows = Array.from({ length: 2000 }, (_, i) => `Section ${i},M-1`);
      const { successfulResults, failedResults } = await load(
        t.conn,
        'Section__c',
        'insert',
        `Name,Plan__r.External_Key__c\n${rows.join('\n')}\n`,
      );
      expect(successfulResults.length + failedResults.length).toBe(2000);
      expect(failedResults.length / 2000).toBeGreaterThan(0.17);
      expect(failedResults.length / 2000).toBeLessThan(0.23);
      // A master named by external id is not resolved when the lock is taken: the running user is named.
      for (const r of failedResults) {
        expect(r.sf__Error).toBe(
          `UNABLE_TO_LOCK_ROW:unable to obtain exclusive access to this record or 1 records: ${t.org.adminUserId}:--`,
        );
      }
      const count = await t.conn.query<{ Section_Count__c: number }>(
        `SELECT Section_Count__c FROM Plan__c WHERE Id = '${plan.id}'`,
      );
      expect(count.records[0].Section_Count__c).toBe(successfulResults.length);
    });
  });
});

describe('determinism', () => {
  /** The same requests against a fresh org: which got a 503 and which records were locked. */
  async function trace(seed: number): Promise<string> {
    return withOrg({ seed, unavailableRate: 0.3, lockRate: 0.3 }, async (t) => {
      const marks: string[] = [];
      for (let i = 0; i < 40; i++) marks.push(String((await send(t, 'GET', data('/limits'))).status));
      for (let batch = 0; batch < 5; batch++) {
        const records = Array.from({ length: 20 }, (_, i) => ({
          attributes: { type: 'Account' },
          Name: `D${batch}-${i}`,
        }));
        const sent = await send(t, 'POST', data('/composite/sobjects'), { allOrNone: false, records });
        marks.push(
          sent.status === 200
            ? (sent.body as SaveResult[]).map((r) => (r.success ? 'w' : 'L')).join('')
            : String(sent.status),
        );
      }
      return marks.join(' ');
    });
  }

  it('gives the same faults for the same seed and requests, and others for another seed', async () => {
    const first = await trace(11);
    expect(first).toMatch(/503/);
    expect(first).toMatch(/L/);
    expect(await trace(11)).toBe(first);
    expect(await trace(12)).not.toBe(first);
  });

  it('takes its settings from LOCALORG_FAULT_* variables, and refuses bad ones', () => {
    expect(faultOptionsFromEnv({})).toBeUndefined();
    expect(
      faultOptionsFromEnv({
        LOCALORG_FAULT_SEED: '9',
        LOCALORG_FAULT_UNAVAILABLE_RATE: '0.1',
        LOCALORG_FAULT_LOCK_RATE: '0.2',
      }),
    ).toEqual({ seed: 9, unavailableRate: 0.1, lockRate: 0.2 });
    expect(faultOptionsFromEnv({ LOCALORG_FAULT_LOCK_RATE: '0.5' })).toEqual({
      seed: 1,
      unavailableRate: 0,
      lockRate: 0.5,
    });
    expect(() => faultOptionsFromEnv({ LOCALORG_FAULT_LOCK_RATE: '2' })).toThrow(RangeError);
    expect(() => new Faults({ seed: 1.5, unavailableRate: 0, lockRate: 0 })).toThrow('integer');
  });
});

describe('the daily API request limit', () => {
  it('answers 403 REQUEST_LIMIT_EXCEEDED once the day’s usage reaches it, which scripts do not retry', async () => {
    await withOrg({ apiDailyLimit: 5 }, async (t) => {
      for (let i = 1; i <= 5; i++) {
        const sent = await send(t, 'GET', data('/limits'));
        expect([sent.status, sent.usage]).toEqual([200, `api-usage=${i}/5`]);
      }
      const refused = await send(t, 'GET', data('/limits'));
      expect(refused).toEqual({
        status: 403,
        body: [{ message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED', fields: [] }],
        usage: 'api-usage=5/5',
      });
      expect((await send(t, 'POST', data('/composite/sobjects'), { records: [] })).status).toBe(403);
      expect((await send(t, 'GET', '/services/oauth2/userinfo')).status).toBe(200);
      const error = await apiError(t.conn.sobject('Account').create({ Name: 'Over the limit' }));
      expect(error.errorCode).toBe('REQUEST_LIMIT_EXCEEDED');
      expect(isDailyLimitError(error)).toBe(true);
    });
  });
});

describe('npm run org', () => {
  it('takes fault and limit flags', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'localorg-faults-'));
    const child = spawn(
      process.execPath,
      [
        join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
        join(REPO_ROOT, 'packages', 'localorg', 'cli.ts'),
        ...['--port', '0', '--data', dir, '--json', '--fault-unavailable-rate', '1', '--api-daily-limit', '7'],
      ],
      { cwd: tmpdir(), stdio: ['ignore', 'pipe', 'pipe'] },
    );
    try {
      const line = await new Promise<string>((resolve, reject) => {
        createInterface({ input: child.stdout }).once('line', resolve);
        child.once('exit', (code) => reject(new Error(`org exited with ${code}`)));
      });
      const details = orgDetailsOf(line, "the org CLI's --json line");
      const response = await fetch(`${details.instanceUrl}${data('/limits')}`, {
        headers: { Authorization: `Bearer ${details.accessToken}` },
      });
      expect(response.status).toBe(503);
      expect(response.headers.get('sforce-limit-info')).toBe('api-usage=0/7');
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
