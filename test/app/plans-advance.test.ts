/**
 * The local app's server runs the plans' lifecycle job (as the admin) before each rollup of the header, over
 * real HTTP against an in-memory org: an Accepted plan whose period has started is Active after the rollup, with
 * its review reminder created, and the response says so; a failed run is logged and reported while the rollup
 * still runs.
 */
import { startAppServer, type AppServer } from '../../packages/app/server';
import { createDraftPlan, movePlanTo } from '../support/lifecycle';
import { startTestOrg, type TestOrg } from '../support/localorg';
import { createUser, type TestUser } from '../support/security';

jest.setTimeout(120_000);

const day = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

let t: TestOrg;
let pm: TestUser;
let plan: string;
const logged: string[] = [];

beforeAll(async () => {
  t = await startTestOrg();
  pm = await createUser(t, { alias: 'pm', permissionSets: ['Partner_Manager'] });
  const partner = (await t.conn.sobject('Account').create({ Name: 'Northwind', Partner_Type__c: 'Reseller' })).id!;
  plan = await createDraftPlan(pm.conn, partner, {
    Period_Start__c: day(-10),
    Period_End__c: day(355),
    Next_Review_Date__c: day(30),
  });
  await movePlanTo(pm.conn, plan, 'Accepted');
});
afterAll(() => t.close());

/** Signs the partner manager in and runs the header's rollup on `app`; the response. */
async function rollupOn(app: AppServer): Promise<{ status: number; body: Record<string, unknown> }> {
  const login = await fetch(`${app.url}/app/session`, {
    method: 'POST',
    headers: { Origin: app.url, 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: pm.username }),
  });
  const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
  const response = await fetch(`${app.url}/app/rollup`, {
    method: 'POST',
    headers: { Origin: app.url, 'Content-Type': 'application/json', Cookie: cookie },
    body: '{}',
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const server = (extra: Partial<Parameters<typeof startAppServer>[0]> = {}): Promise<AppServer> =>
  startAppServer({
    port: 0,
    orgUrl: t.org.instanceUrl,
    adminUsername: t.org.adminUsername,
    adminToken: t.org.accessToken,
    accessSyncSeconds: 0,
    log: (line) => logged.push(line),
    ...extra,
  });

it('logs a failed run and reports it with the rollup, which still runs', async () => {
  const app = await server({ runAdvance: () => Promise.reject(new Error('no plans here')) });
  try {
    const before = (await t.conn.query('SELECT COUNT() FROM Rollup_Run__c')).totalSize;
    const { status, body } = await rollupOn(app);
    expect(status).toBe(200);
    expect(body.advance).toEqual({ activated: 0, closed: 0, reminders: 0, failures: 0, error: 'no plans here' });
    expect((await t.conn.query('SELECT COUNT() FROM Rollup_Run__c')).totalSize).toBe(before + 1);
    expect(logged).toContain('Plans advance (before rollup) failed: no plans here');
  } finally {
    await app.close();
  }
});

it('activates a started plan and creates its review reminder before the rollup', async () => {
  const app = await server();
  try {
    const { status, body } = await rollupOn(app);
    expect(status).toBe(200);
    expect(body.advance).toEqual({ activated: 1, closed: 0, reminders: 1, failures: 0 });
    const record = (await t.conn.sobject('Partner_Account_Plan__c').retrieve(plan)) as unknown as { Status__c: string };
    expect(record.Status__c).toBe('Active');
    const tasks = await t.conn.query<{ OwnerId: string; Subject: string }>(
      `SELECT OwnerId, Subject FROM Task WHERE WhatId = '${plan}'`,
    );
    expect(tasks.records.map(({ OwnerId, Subject }) => ({ OwnerId, Subject }))).toEqual([
      { OwnerId: pm.id, Subject: `QBR reminder: review on ${day(30)}` },
    ]);
    expect(logged).toContain(
      'Plans advance (before rollup): 1 plan(s) activated, 0 closed, 1 review reminder(s) created',
    );
    // The next rollup finds nothing to do.
    expect((await rollupOn(app)).body.advance).toEqual({ activated: 0, closed: 0, reminders: 0, failures: 0 });
  } finally {
    await app.close();
  }
});
