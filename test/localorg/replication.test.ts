/**
 * Data replication through jsforce (`sobject.updated()` / `sobject.deleted()`) on an org whose clock the
 * test moves: the ids changed or deleted in the window, `latestDateCovered` capped at the current minute,
 * `earliestDateAvailable`, seconds dropped, the start-before-end and 30-day rules with
 * INVALID_REPLICATION_DATE, sharing (a user gets only the records they can see). Also `If-Modified-Since`
 * on describe (304).
 */
import type { Connection } from 'jsforce';
import { apiError, dataPath, rawRequest, startTestOrg, type TestOrg } from '../support/localorg';
import { createPlan, createUser, type TestUser } from '../support/security';

let clock = new Date('2026-03-10T09:00:20.000Z');
let t: TestOrg;
let pm: TestUser;
const at = (iso: string): void => {
  clock = new Date(iso);
};

let alpha: string;
let beta: string;
let gamma: string;
let plan: string;

interface Updated {
  ids: string[];
  latestDateCovered: string;
}
interface Deleted {
  deletedRecords: { id: string; deletedDate: string }[];
  earliestDateAvailable: string;
  latestDateCovered: string;
}

const updated = (conn: Connection, type: string, start: string, end: string): Promise<Updated> =>
  conn.sobject(type).updated(start, end) as unknown as Promise<Updated>;
const deleted = (conn: Connection, type: string, start: string, end: string): Promise<Deleted> =>
  conn.sobject(type).deleted(start, end) as unknown as Promise<Deleted>;

beforeAll(async () => {
  // Sessions outlive the days the clock moves through.
  t = await startTestOrg({ now: () => clock, sessionTimeoutMinutes: 60 * 24 * 60 });
  pm = await createUser(t, { alias: 'replpm', permissionSets: ['Partner_Manager'] });
  at('2026-03-10T09:00:20.000Z');
  alpha = (await t.conn.sobject('Account').create({ Name: 'Alpha', Partner_Type__c: 'Reseller' })).id!;
  at('2026-03-10T10:15:00.000Z');
  beta = (await t.conn.sobject('Account').create({ Name: 'Beta' })).id!;
  gamma = (await t.conn.sobject('Account').create({ Name: 'Gamma' })).id!;
  at('2026-03-11T08:00:00.000Z');
  await t.conn.sobject('Account').update({ Id: alpha, Name: 'Alpha 2' });
  plan = (await createPlan(t.conn, alpha, 'Admin plan', [10])).plan;
  at('2026-03-12T12:30:45.000Z');
  await t.conn.sobject('Account').destroy(gamma);
  at('2026-03-12T12:31:30.000Z');
});
afterAll(() => t.close());

describe('updated', () => {
  it('lists the records created or changed in the window, not the deleted ones', async () => {
    const all = await updated(t.conn, 'Account', '2026-03-10T00:00:00Z', '2026-03-13T00:00:00Z');
    // Alpha changed on the 11th, Beta created on the 10th; Gamma is deleted.
    expect(new Set(all.ids)).toEqual(new Set([alpha, beta]));
    // The end lies in the future: the window is covered up to the current minute.
    expect(all.latestDateCovered).toBe('2026-03-12T12:31:00.000+0000');
    const first = await updated(t.conn, 'Account', '2026-03-10T00:00:00Z', '2026-03-11T00:00:00Z');
    expect(first).toEqual({ ids: [beta], latestDateCovered: '2026-03-11T00:00:00.000+0000' });
  });

  it('drops the seconds of the bounds', async () => {
    // Beta's SystemModstamp is 10:15:00; a start of 10:15:59 is 10:15:00.
    const result = await updated(t.conn, 'Account', '2026-03-10T10:15:59Z', '2026-03-10T10:16:30Z');
    expect(result).toEqual({ ids: [beta], latestDateCovered: '2026-03-10T10:16:00.000+0000' });
  });

  it('refuses a start that is not before the end, or older than 30 days', async () => {
    const same = await apiError(updated(t.conn, 'Account', '2026-03-11T10:00:10Z', '2026-03-11T10:00:50Z'));
    expect(same.errorCode).toBe('INVALID_REPLICATION_DATE');
    const reversed = await apiError(updated(t.conn, 'Account', '2026-03-11T00:00:00Z', '2026-03-10T00:00:00Z'));
    expect(reversed.errorCode).toBe('INVALID_REPLICATION_DATE');
    const old = await apiError(updated(t.conn, 'Account', '2026-02-01T00:00:00Z', '2026-03-01T00:00:00Z'));
    expect(old).toMatchObject({ errorCode: 'INVALID_REPLICATION_DATE', message: expect.stringMatching(/30 days/) });
    const bad = await rawRequest(t.conn, 'GET', dataPath('/sobjects/Account/updated/?start=yesterday&end=now'));
    expect(bad.status).toBe(400);
  });

  it('shows a user only the records they can see', async () => {
    // The partner manager cannot see the administrator's private plan, and the object must be readable.
    const admin = await updated(t.conn, 'Partner_Account_Plan__c', '2026-03-10T00:00:00Z', '2026-03-13T00:00:00Z');
    expect(admin.ids).toEqual([plan]);
    const theirs = await updated(pm.conn, 'Partner_Account_Plan__c', '2026-03-10T00:00:00Z', '2026-03-13T00:00:00Z');
    expect(theirs.ids).toEqual([]);
    const standard = await createUser(t, { alias: 'replstd' });
    const error = await apiError(
      updated(standard.conn, 'Partner_Account_Plan__c', '2026-03-10T00:00:00Z', '2026-03-13T00:00:00Z'),
    );
    expect(error.errorCode).toBe('NOT_FOUND');
  });
});

describe('deleted', () => {
  it('lists the records deleted in the window with their deletion dates', async () => {
    const result = await deleted(t.conn, 'Account', '2026-03-12T00:00:00Z', '2026-03-13T00:00:00Z');
    expect(result).toEqual({
      deletedRecords: [{ id: gamma, deletedDate: '2026-03-12T12:30:45.000+0000' }],
      earliestDateAvailable: '2026-03-12T12:30:45.000+0000',
      latestDateCovered: '2026-03-12T12:31:00.000+0000',
    });
    const before = await deleted(t.conn, 'Account', '2026-03-10T00:00:00Z', '2026-03-12T00:00:00Z');
    expect(before.deletedRecords).toEqual([]);
  });
});

describe('describe', () => {
  it('answers 304 to If-Modified-Since at or after its Last-Modified', async () => {
    const first = await rawRequest(t.conn, 'GET', dataPath('/sobjects/Account/describe'));
    expect(first.status).toBe(200);
    const lastModified = first.headers['last-modified'];
    expect(lastModified).toEqual(expect.any(String));
    const again = await rawRequest(t.conn, 'GET', dataPath('/sobjects/Account/describe'), {
      headers: { 'If-Modified-Since': lastModified },
    });
    expect(again.status).toBe(304);
    const older = await rawRequest(t.conn, 'GET', dataPath('/sobjects/Account/describe'), {
      headers: { 'If-Modified-Since': 'Mon, 01 Jan 2024 00:00:00 GMT' },
    });
    expect(older.status).toBe(200);
  });
});
