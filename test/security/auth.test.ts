/**
 * Authentication of the local org, attacked over real HTTP: login lockout after 10 failures (Salesforce's
 * default password policy), session timeout with Salesforce's "refresh after half the timeout" rule, tokens
 * ended by deactivation and password changes, password checks off the event loop and with the same scrypt
 * work for unknown usernames, and the scripts' `local` target logging in again once its token expired.
 */
import crypto from 'node:crypto';
import { rmSync } from 'node:fs';
import { startLocalOrg } from '../../packages/localorg/server';
import { connect } from '../../packages/jobs/connection';
import { passwordGrant, tempDataDir, TestClock, tokenFor } from '../support/auth';
import {
  API_VERSION,
  LOCALORG_FIXTURE,
  dataPath,
  newUserFields,
  rawRequest,
  startTestOrg,
  type TestOrg,
} from '../support/localorg';

const AUTH_FAILURE = { error: 'invalid_grant', error_description: 'authentication failure' };
const SESSION_EXPIRED = [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID', fields: [] }];

async function createUser(t: TestOrg, username: string): Promise<string> {
  const created = await t.conn.sobject('User').create(await newUserFields(t.conn, { Username: username }));
  if (!created.success) throw new Error(`could not create ${username}`);
  return created.id!;
}

/** GET /limits with a token: 200 when the session is valid, 401 when not. */
const limitsWith = (t: TestOrg, token: string) => rawRequest(t.conn, 'GET', dataPath('/limits'), { token });

describe('login lockout', () => {
  const clock = new TestClock();
  let t: TestOrg;
  beforeAll(async () => {
    t = await startTestOrg({ forceAppRoot: LOCALORG_FIXTURE, now: clock.now });
  });
  afterAll(() => t.close());

  it('locks a user out after 10 failed logins in a row, even for the right password, for 15 minutes', async () => {
    await createUser(t, 'lock@sec.example');
    for (let i = 0; i < 10; i++) {
      const wrong = await passwordGrant(t.org.instanceUrl, 'lock@sec.example', `wrong${i}`);
      expect(wrong).toEqual({ status: 400, body: AUTH_FAILURE });
    }
    // Locked: the right password answers exactly like a wrong one (nothing tells the attacker it worked).
    expect(await passwordGrant(t.org.instanceUrl, 'lock@sec.example', 'localorg')).toEqual({
      status: 400,
      body: AUTH_FAILURE,
    });
    clock.advanceMinutes(14);
    expect((await passwordGrant(t.org.instanceUrl, 'lock@sec.example', 'localorg')).status).toBe(400);
    clock.advanceMinutes(1);
    const token = await tokenFor(t.org.instanceUrl, 'lock@sec.example', 'localorg');
    expect((await limitsWith(t, token)).status).toBe(200);
  });

  it('counts only consecutive failures: a successful login starts the count again', async () => {
    await createUser(t, 'reset@sec.example');
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 9; i++) await passwordGrant(t.org.instanceUrl, 'reset@sec.example', 'nope');
      expect((await passwordGrant(t.org.instanceUrl, 'reset@sec.example', 'localorg')).status).toBe(200);
    }
  });

  it('takes the lockout time from the lockoutMinutes option', async () => {
    const shortClock = new TestClock();
    const short = await startTestOrg({ forceAppRoot: LOCALORG_FIXTURE, now: shortClock.now, lockoutMinutes: 2 });
    try {
      await createUser(short, 'short@sec.example');
      for (let i = 0; i < 10; i++) await passwordGrant(short.org.instanceUrl, 'short@sec.example', 'nope');
      expect((await passwordGrant(short.org.instanceUrl, 'short@sec.example', 'localorg')).status).toBe(400);
      shortClock.advanceMinutes(2);
      expect((await passwordGrant(short.org.instanceUrl, 'short@sec.example', 'localorg')).status).toBe(200);
    } finally {
      await short.close();
    }
  });
});

describe('session timeout', () => {
  const clock = new TestClock();
  let t: TestOrg;
  beforeAll(async () => {
    t = await startTestOrg({ forceAppRoot: LOCALORG_FIXTURE, now: clock.now });
  });
  afterAll(() => t.close());

  it('expires a token unused for 2 hours with 401 INVALID_SESSION_ID', async () => {
    const token = await tokenFor(t.org.instanceUrl, t.org.adminUsername, t.org.adminPassword);
    clock.advanceMinutes(119);
    expect((await limitsWith(t, token)).status).toBe(200);
    clock.advanceMinutes(120);
    const expired = await limitsWith(t, token);
    expect(expired.status).toBe(401);
    expect(expired.body).toEqual(SESSION_EXPIRED);
  });

  it('extends a session only on use after half the timeout, as Salesforce does', async () => {
    const early = await tokenFor(t.org.instanceUrl, t.org.adminUsername, t.org.adminPassword);
    const late = await tokenFor(t.org.instanceUrl, t.org.adminUsername, t.org.adminPassword);
    clock.advanceMinutes(30); // used before half the timeout: not extended
    expect((await limitsWith(t, early)).status).toBe(200);
    clock.advanceMinutes(40); // used after half the timeout (70 min): extended to 70 + 120
    expect((await limitsWith(t, late)).status).toBe(200);
    clock.advanceMinutes(60); // 130 min after login
    expect((await limitsWith(t, early)).status).toBe(401);
    expect((await limitsWith(t, late)).status).toBe(200);
  });

  it('takes the timeout from the sessionTimeoutMinutes option', async () => {
    const shortClock = new TestClock();
    const short = await startTestOrg({
      forceAppRoot: LOCALORG_FIXTURE,
      now: shortClock.now,
      sessionTimeoutMinutes: 15,
    });
    try {
      shortClock.advanceMinutes(15);
      expect((await limitsWith(short, short.org.accessToken)).status).toBe(401);
    } finally {
      await short.close();
    }
  });
});

describe('revocation', () => {
  let t: TestOrg;
  beforeAll(async () => {
    t = await startTestOrg({ forceAppRoot: LOCALORG_FIXTURE });
  });
  afterAll(() => t.close());

  it('ends the sessions of a deactivated user: reactivating them does not bring the tokens back', async () => {
    const id = await createUser(t, 'leaver@sec.example');
    const token = await tokenFor(t.org.instanceUrl, 'leaver@sec.example', 'localorg');
    await t.conn.sobject('User').update({ Id: id, IsActive: false });
    expect((await limitsWith(t, token)).status).toBe(401);
    await t.conn.sobject('User').update({ Id: id, IsActive: true });
    expect((await limitsWith(t, token)).status).toBe(401);
    const again = await tokenFor(t.org.instanceUrl, 'leaver@sec.example', 'localorg');
    expect((await limitsWith(t, again)).status).toBe(200);
  });

  it('ends every session of a user whose password an admin sets or resets', async () => {
    const id = await createUser(t, 'changed@sec.example');
    const first = await tokenFor(t.org.instanceUrl, 'changed@sec.example', 'localorg');
    const second = await tokenFor(t.org.instanceUrl, 'changed@sec.example', 'localorg');
    await t.conn.requestPost(dataPath(`/sobjects/User/${id}/password`), { NewPassword: 'Changed2026' });
    expect((await limitsWith(t, first)).status).toBe(401);
    expect((await limitsWith(t, second)).status).toBe(401);
    const third = await tokenFor(t.org.instanceUrl, 'changed@sec.example', 'Changed2026');
    const reset = (await t.conn.requestDelete(dataPath(`/sobjects/User/${id}/password`))) as { NewPassword: string };
    expect((await limitsWith(t, third)).status).toBe(401);
    expect((await passwordGrant(t.org.instanceUrl, 'changed@sec.example', 'Changed2026')).status).toBe(400);
    expect((await passwordGrant(t.org.instanceUrl, 'changed@sec.example', reset.NewPassword)).status).toBe(200);
    // The admin's own sessions are untouched.
    expect((await limitsWith(t, t.org.accessToken)).status).toBe(200);
  });

  it('ends the sessions of a user who changes their own password, the calling one included', async () => {
    const id = await createUser(t, 'self@sec.example');
    const token = await tokenFor(t.org.instanceUrl, 'self@sec.example', 'localorg');
    const change = await rawRequest(t.conn, 'POST', dataPath(`/sobjects/User/${id}/password`), {
      token,
      body: { NewPassword: 'Mine2026x' },
    });
    expect(change.status).toBe(204);
    expect((await limitsWith(t, token)).status).toBe(401);
    expect((await passwordGrant(t.org.instanceUrl, 'self@sec.example', 'Mine2026x')).status).toBe(200);
  });
});

describe('password checks', () => {
  let t: TestOrg;
  beforeAll(async () => {
    t = await startTestOrg({ forceAppRoot: LOCALORG_FIXTURE });
  });
  afterAll(() => t.close());

  it('run off the event loop: an API request completes while 50 wrong logins are in flight', async () => {
    let settled = 0;
    const logins = Array.from({ length: 50 }, (_, i) =>
      passwordGrant(t.org.instanceUrl, `nobody${i}@sec.example`, 'wrong').finally(() => settled++),
    );
    const api = await limitsWith(t, t.org.accessToken);
    const settledWhenApiAnswered = settled;
    const answers = await Promise.all(logins);
    expect(api.status).toBe(200);
    // With scrypt on the event loop, the API request would wait for every login queued before it.
    expect(settledWhenApiAnswered).toBeLessThan(50);
    expect(answers.every((a) => a.status === 400 && a.body.error === 'invalid_grant')).toBe(true);
  });

  it('do the same scrypt work for unknown usernames, shared-password users and users with a password', async () => {
    const withPassword = await createUser(t, 'haspw@sec.example');
    await createUser(t, 'sharedpw@sec.example');
    await t.conn.requestPost(dataPath(`/sobjects/User/${withPassword}/password`), { NewPassword: 'Known2026x' });
    const spy = jest.spyOn(crypto, 'scrypt');
    try {
      const attempts: [string, string, number][] = [
        ['unknown@sec.example', 'localorg', 400],
        ['unknown@sec.example', 'Known2026x', 400],
        ['sharedpw@sec.example', 'wrong', 400],
        ['sharedpw@sec.example', 'localorg', 200],
        ['haspw@sec.example', 'wrong', 400],
        ['haspw@sec.example', 'Known2026x', 200],
      ];
      for (const [username, password, status] of attempts) {
        spy.mockClear();
        expect((await passwordGrant(t.org.instanceUrl, username, password)).status).toBe(status);
        expect(spy).toHaveBeenCalledTimes(1);
        // Same password, same key length, same (default) cost parameters whatever the username.
        expect(spy.mock.calls[0][0]).toBe(password);
        expect(spy.mock.calls[0][2]).toBe(32);
        expect(typeof spy.mock.calls[0][3]).toBe('function');
      }
    } finally {
      spy.mockRestore();
    }
  });
});

describe('the scripts’ local target', () => {
  it('logs in again with auth.json’s password when its token has expired', async () => {
    const dir = tempDataDir();
    const clock = new TestClock();
    const org = await startLocalOrg({ port: 0, data: dir, forceAppRoot: LOCALORG_FIXTURE, now: clock.now });
    try {
      clock.advanceMinutes(121);
      const session = await connect({ targetOrg: 'local', apiVersion: API_VERSION }, { LOCAL_ORG_DATA: dir });
      try {
        expect(session.conn.accessToken).not.toBe(org.accessToken);
        const result = await session.conn.query<{ Username: string }>(
          `SELECT Username FROM User WHERE Id = '${org.adminUserId}'`,
        );
        expect(result.records[0].Username).toBe(org.adminUsername);
      } finally {
        await session.close();
      }
    } finally {
      await org.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
