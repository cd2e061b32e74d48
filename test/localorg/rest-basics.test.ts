/**
 * The local org's HTTP surface: versions, resources, limits, the Sforce-Limit-Info header, error shapes for
 * unknown paths, wrong methods and malformed JSON, authentication and the OAuth username-password flow.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Connection } from 'jsforce';
import { startLocalOrg } from '../../packages/localorg/server';
import {
  API_VERSION,
  LOCALORG_FIXTURE,
  apiError,
  dataPath,
  rawRequest,
  startTestOrg,
  type TestOrg,
  newUserFields,
  readAuthJson,
} from '../support/localorg';
import { API_VERSION_MAJOR } from '../../packages/model';

let t: TestOrg;
beforeAll(async () => {
  t = await startTestOrg({ forceAppRoot: LOCALORG_FIXTURE });
});
afterAll(() => t.close());

describe('versions and resources', () => {
  it("lists API versions 31.0 (21.0-30.0 are retired) to the project's (sfdx-project.json) without authentication", async () => {
    const res = await rawRequest(t.conn, 'GET', '/services/data', { token: null });
    expect(res.status).toBe(200);
    const versions = res.body as { label: string; url: string; version: string }[];
    expect(versions[0]).toEqual({ label: "Summer '14", url: '/services/data/v31.0', version: '31.0' });
    // v60.0 was Spring '24 (Salesforce's release notes); the list ends at the project's version.
    expect(versions.find((v) => v.version === '60.0')).toEqual({
      label: "Spring '24",
      url: '/services/data/v60.0',
      version: '60.0',
    });
    expect(versions.at(-1)).toEqual({ label: expect.any(String), url: dataPath(''), version: API_VERSION });
    expect(versions).toHaveLength(API_VERSION_MAJOR - 30);
  });

  it('lists the resources of a version, with the identity URL of the caller', async () => {
    const body = (await t.conn.request(dataPath(''))) as Record<string, string>;
    expect(body.sobjects).toBe(dataPath('/sobjects'));
    expect(body.query).toBe(dataPath('/query'));
    expect(body.identity).toMatch(new RegExp(`/id/00D\\w{15}/${t.org.adminUserId}$`));
  });

  it.each(['v19.0', 'v67.0', 'v66.1', 'latest'])('answers 404 NOT_FOUND for version %s', async (version) => {
    const res = await rawRequest(t.conn, 'GET', `/services/data/${version}/sobjects`);
    expect(res.status).toBe(404);
    expect(res.body).toEqual([
      { message: 'The requested resource does not exist', errorCode: 'NOT_FOUND', fields: [] },
    ]);
  });

  it('serves every version in range', async () => {
    const res = await rawRequest(t.conn, 'GET', '/services/data/v31.0/sobjects/Account/describe');
    expect(res.status).toBe(200);
  });
});

describe('responses', () => {
  it('carries Sforce-Limit-Info and a JSON content type on every response', async () => {
    const ok = await rawRequest(t.conn, 'GET', dataPath('/limits'));
    expect(ok.headers['content-type']).toMatch(/^application\/json/);
    expect(ok.headers['sforce-limit-info']).toMatch(/^api-usage=\d+\/15000$/);
    const failed = await rawRequest(t.conn, 'GET', dataPath('/sobjects/Nope__c'));
    expect(failed.headers['sforce-limit-info']).toMatch(/^api-usage=\d+\/15000$/);
  });

  it('counts API requests: limits reports DailyApiRequests and jsforce reads the header', async () => {
    await t.conn.describeGlobal();
    const before = t.conn.limitInfo.apiUsage!.used;
    const limits = (await t.conn.request(dataPath('/limits'))) as Record<string, { Max: number; Remaining: number }>;
    expect(t.conn.limitInfo.apiUsage).toEqual({ used: before + 1, limit: 15000 });
    expect(limits.DailyApiRequests).toEqual({ Max: 15000, Remaining: 15000 - (before + 1) });
    expect(limits.DataStorageMB.Max).toBe(200);
  });

  it('answers 404 NOT_FOUND for an unknown path or sObject type', async () => {
    for (const path of [dataPath('/nothing'), dataPath('/sobjects/Nope__c'), '/elsewhere']) {
      const res = await rawRequest(t.conn, 'GET', path);
      expect(res.status).toBe(404);
      expect(res.body).toEqual([
        { message: 'The requested resource does not exist', errorCode: 'NOT_FOUND', fields: [] },
      ]);
    }
  });

  it('answers 405 METHOD_NOT_ALLOWED for a method the resource lacks', async () => {
    const res = await rawRequest(t.conn, 'PUT', dataPath('/sobjects/Account'), { body: {} });
    expect(res.status).toBe(405);
    expect(res.body).toEqual([
      {
        message: "HTTP Method 'PUT' not allowed. Allowed are HEAD,GET,POST",
        errorCode: 'METHOD_NOT_ALLOWED',
        fields: [],
      },
    ]);
  });

  it('answers 400 JSON_PARSER_ERROR for a malformed body, and writes nothing', async () => {
    const err = await apiError(
      t.conn.request({
        method: 'POST',
        url: dataPath('/sobjects/Account'),
        body: '{"Name": "Acme",',
        headers: { 'content-type': 'application/json' },
      }),
    );
    expect(err.errorCode).toBe('JSON_PARSER_ERROR');
    expect(err.message).toMatch(/at \[line:1, column:\d+\]$/);
    const empty = await apiError(t.conn.request({ method: 'POST', url: dataPath('/sobjects/Account'), body: '' }));
    expect(empty.errorCode).toBe('JSON_PARSER_ERROR');
    const count = t.org.storage.db.prepare(`SELECT COUNT(*) AS n FROM "Account"`).get() as { n: number };
    expect(count.n).toBe(0);
  });
});

describe('authentication', () => {
  const invalid = [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID', fields: [] }];

  it('refuses a missing or unknown token with 401 INVALID_SESSION_ID', async () => {
    const missing = await rawRequest(t.conn, 'GET', dataPath('/sobjects'), { token: null });
    expect(missing.status).toBe(401);
    expect(missing.body).toEqual(invalid);
    const unknown = await rawRequest(t.conn, 'GET', dataPath('/sobjects'), { token: 'not-a-token' });
    expect(unknown.status).toBe(401);
    const err = await apiError(
      new Connection({ instanceUrl: t.org.instanceUrl, accessToken: 'nope', version: API_VERSION }).describeGlobal(),
    );
    expect(err.errorCode).toBe('INVALID_SESSION_ID');
  });

  it('accepts the OAuth scheme name as well as Bearer', async () => {
    const res = await rawRequest(t.conn, 'GET', dataPath('/limits'), {
      token: null,
      headers: { Authorization: `OAuth ${t.org.accessToken}` },
    });
    expect(res.status).toBe(200);
  });

  const oauthConnection = (): Connection =>
    new Connection({
      oauth2: { loginUrl: t.org.instanceUrl, clientId: 'local-client', clientSecret: 'local-secret' },
      version: API_VERSION,
    });

  it('logs the admin in with the username-password flow and serves identity', async () => {
    const conn = oauthConnection();
    const info = await conn.login(t.org.adminUsername, t.org.adminPassword);
    expect(info.id).toBe(t.org.adminUserId);
    expect(info.organizationId).toMatch(/^00D/);
    expect(conn.instanceUrl).toBe(t.org.instanceUrl);
    expect(conn.accessToken).not.toBe(t.org.accessToken);
    const identity = await conn.identity();
    expect(identity).toMatchObject({
      user_id: t.org.adminUserId,
      username: t.org.adminUsername,
      organization_id: info.organizationId,
    });
    const userinfo = (await conn.request('/services/oauth2/userinfo')) as Record<string, unknown>;
    expect(userinfo).toMatchObject({ user_id: t.org.adminUserId, preferred_username: t.org.adminUsername });
  });

  it('answers the token request like Salesforce', async () => {
    const res = await rawRequest(t.conn, 'POST', '/services/oauth2/token', {
      token: null,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'password',
        client_id: 'c',
        client_secret: 's',
        username: t.org.adminUsername,
        password: t.org.adminPassword,
      }).toString(),
    });
    expect(res.status).toBe(200);
    const body = res.body as Record<string, string>;
    expect(Object.keys(body).sort()).toEqual([
      'access_token',
      'id',
      'instance_url',
      'issued_at',
      'signature',
      'token_type',
    ]);
    expect(body.token_type).toBe('Bearer');
    expect(body.id).toBe(`${t.org.instanceUrl}/id/${body.id.split('/').at(-2)}/${t.org.adminUserId}`);
    expect(body.issued_at).toMatch(/^\d{13}$/);
  });

  it('refuses bad credentials with invalid_grant', async () => {
    const res = await rawRequest(t.conn, 'POST', '/services/oauth2/token', {
      token: null,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `grant_type=password&client_id=c&username=${encodeURIComponent(t.org.adminUsername)}&password=wrong`,
    });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: 'invalid_grant', error_description: 'authentication failure' });
    const err = (await oauthConnection()
      .login('nobody@example.com', 'localorg')
      .catch((e: Error) => e)) as Error;
    expect(err.name).toBe('invalid_grant');
    expect(err.message).toBe('authentication failure');
  });

  it('refuses a token request without a client id or with another grant type', async () => {
    const noClient = await rawRequest(t.conn, 'POST', '/services/oauth2/token', {
      token: null,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `grant_type=password&username=a&password=b`,
    });
    expect(noClient.body).toEqual({ error: 'invalid_client_id', error_description: 'client identifier invalid' });
    const grant = await rawRequest(t.conn, 'POST', '/services/oauth2/token', {
      token: null,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `grant_type=client_credentials&client_id=c`,
    });
    expect(grant.body).toEqual({ error: 'unsupported_grant_type', error_description: 'grant type not supported' });
  });

  it('lets a user created through the API log in with the shared dev password, then with its own', async () => {
    const created = await t.conn.sobject('User').create(
      await newUserFields(t.conn, {
        Username: 'pm@partner.example',
        LastName: 'Manager',
        FirstName: 'Pat',
        Email: 'pm@partner.example',
        Alias: 'pman',
        TimeZoneSidKey: 'Europe/Paris',
        LocaleSidKey: 'fr_FR',
        LanguageLocaleKey: 'fr',
      }),
    );
    expect(created.success).toBe(true);
    const conn = oauthConnection();
    expect((await conn.login('pm@partner.example', 'localorg')).id).toBe(created.id);
    await t.conn.requestPost(dataPath(`/sobjects/User/${created.id}/password`), { NewPassword: 'Partner2026' });
    expect(await t.conn.request(dataPath(`/sobjects/User/${created.id}/password`))).toEqual({ isExpired: false });
    await expect(oauthConnection().login('pm@partner.example', 'localorg')).rejects.toThrow('authentication failure');
    const own = oauthConnection();
    expect((await own.login('pm@partner.example', 'Partner2026')).id).toBe(created.id);
    const weak = await apiError(
      t.conn.requestPost(dataPath(`/sobjects/User/${created.id}/password`), { NewPassword: 'short' }),
    );
    expect(weak.errorCode).toBe('INVALID_NEW_PASSWORD');
    // A deactivated user can neither log in nor use its tokens (the password change already ended the first one).
    expect((await rawRequest(t.conn, 'GET', dataPath('/limits'), { token: conn.accessToken! })).status).toBe(401);
    const token = own.accessToken!;
    expect((await rawRequest(t.conn, 'GET', dataPath('/limits'), { token })).status).toBe(200);
    await t.conn.sobject('User').update({ Id: created.id!, IsActive: false });
    await expect(oauthConnection().login('pm@partner.example', 'Partner2026')).rejects.toThrow(
      'authentication failure',
    );
    expect((await rawRequest(t.conn, 'GET', dataPath('/limits'), { token })).status).toBe(401);
  });

  it('stamps audit fields and the default owner from the calling user', async () => {
    const conn = oauthConnection();
    const user = await t.conn.sobject('User').create(
      await newUserFields(t.conn, {
        Username: 'ae@partner.example',
        LastName: 'Exec',
        Email: 'ae@partner.example',
        Alias: 'aexec',
      }),
    );
    await conn.login('ae@partner.example', 'localorg');
    const account = await conn.sobject('Account').create({ Name: 'Owned' });
    const row = (await t.conn.sobject('Account').retrieve(account.id!)) as Record<string, unknown>;
    expect(row).toMatchObject({ OwnerId: user.id, CreatedById: user.id, LastModifiedById: user.id });
    await t.conn.sobject('Account').update({ Id: account.id!, Name: 'Owned, edited' });
    const edited = (await conn.sobject('Account').retrieve(account.id!)) as Record<string, unknown>;
    expect(edited).toMatchObject({ OwnerId: user.id, CreatedById: user.id, LastModifiedById: t.org.adminUserId });
  });
});

describe('the daily API allowance', () => {
  it('answers 403 REQUEST_LIMIT_EXCEEDED once the allowance is used', async () => {
    const small = await startTestOrg({ forceAppRoot: LOCALORG_FIXTURE, apiDailyLimit: 2 });
    try {
      await small.conn.describeGlobal();
      await small.conn.describeGlobal();
      const res = await rawRequest(small.conn, 'GET', dataPath('/sobjects'));
      expect(res.status).toBe(403);
      expect(res.body).toEqual([
        { message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED', fields: [] },
      ]);
      expect(res.headers['sforce-limit-info']).toBe('api-usage=2/2');
    } finally {
      await small.close();
    }
  });
});

describe('persistence', () => {
  it('keeps data, the admin, its token and auth.json across restarts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'localorg-'));
    try {
      const first = await startLocalOrg({ port: 0, data: dir, forceAppRoot: LOCALORG_FIXTURE });
      const conn = new Connection({
        instanceUrl: first.instanceUrl,
        accessToken: first.accessToken,
        version: API_VERSION,
      });
      const created = await conn.sobject('Account').create({ Name: 'Persistent' });
      expect(readAuthJson(dir)).toEqual({
        instanceUrl: first.instanceUrl,
        accessToken: first.accessToken,
        username: first.adminUsername,
        userId: first.adminUserId,
        password: first.adminPassword,
      });
      await first.close();
      const second = await startLocalOrg({ port: 0, data: dir, forceAppRoot: LOCALORG_FIXTURE });
      try {
        expect(second.adminUserId).toBe(first.adminUserId);
        expect(second.accessToken).toBe(first.accessToken);
        const again = new Connection({
          instanceUrl: second.instanceUrl,
          accessToken: first.accessToken,
          version: API_VERSION,
        });
        expect(((await again.sobject('Account').retrieve(created.id!)) as { Name: string }).Name).toBe('Persistent');
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
