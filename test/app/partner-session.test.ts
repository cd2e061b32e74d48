/**
 * A partner user in the local app's server, over real HTTP against an in-memory org: the session says what
 * the org says of the user (UserType, ContactId, the partner account), never what the username suggests; the
 * user switch lists partner users with their partner account; the rollup (run as the admin) is refused to a
 * partner session; and the header's rollup first syncs plan access, so a plan submitted for partner review
 * reaches the partner user at once, with a failed sync logged and reported while the rollup still runs.
 */
import { startAppServer, type AppServer } from '../../packages/app/server';
import { newUserFields, startTestOrg, type TestOrg, API_VERSION } from '../support/localorg';
import { createPlanAudience, createUser, permissionSetId, type PlanAudience } from '../support/security';
import { ensureAdminRole } from '../support/partners';

jest.setTimeout(120000);

interface SessionView {
  userId: string;
  username: string;
  name: string;
  userType: string;
  contactId: string | null;
  accountId: string | null;
  accountName: string | null;
  portal: boolean;
}

let t: TestOrg;
let audience: PlanAudience;
let app: AppServer;
const logged: string[] = [];
/** A partner user whose username says nothing of it, and an internal user whose username says "partner". */
const PARTNER_USERNAME = 'jane.rivera@orion.example';
const MISLEADING_USERNAME = 'partner.portal.user@security.example';
let partnerContactId: string;

/** Signs a new browser in as a user; the session cookie. */
async function signIn(username: string): Promise<string> {
  const response = await fetch(`${app.url}/app/session`, {
    method: 'POST',
    headers: { Origin: app.url, 'Content-Type': 'application/json' },
    body: JSON.stringify({ username }),
  });
  expect(response.status).toBe(200);
  const cookie = response.headers.get('set-cookie')?.split(';')[0];
  if (!cookie) throw new Error('no session cookie');
  return cookie;
}

/** What session.js tells the browser of the signed-in user. */
async function sessionOf(cookie: string): Promise<SessionView> {
  const text = await (await fetch(`${app.url}/app/session.js`, { headers: { Cookie: cookie } })).text();
  return JSON.parse(text.replace(/^window\.__papSession = /, '').replace(/;\s*$/, '')) as SessionView;
}

const post = (cookie: string, path: string): Promise<Response> =>
  fetch(`${app.url}${path}`, {
    method: 'POST',
    headers: { Origin: app.url, 'Content-Type': 'application/json', Cookie: cookie },
    body: '{}',
  });

/** A SOQL query through the app's proxy, as the session's user. */
async function queryAs(cookie: string, soql: string): Promise<{ totalSize: number; records: { Id: string }[] }> {
  const response = await fetch(`${app.url}/services/data/v${API_VERSION}/query?q=${encodeURIComponent(soql)}`, {
    headers: { Cookie: cookie },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as { totalSize: number; records: { Id: string }[] };
}

beforeAll(async () => {
  t = await startTestOrg();
  audience = await createPlanAudience(t);
  // The admin owns the account: its owner needs a role before it has partner users.
  await ensureAdminRole(t);
  await t.conn.sobject('Account').update({ Id: audience.account, IsPartner: true });
  partnerContactId = (
    await t.conn.sobject('Contact').create({ LastName: 'Rivera', FirstName: 'Jane', AccountId: audience.account })
  ).id!;
  const partnerProfile = (
    await t.conn.query<{ Id: string }>("SELECT Id FROM Profile WHERE Name = 'Partner Community User'")
  ).records[0].Id;
  const partner = await t.conn.sobject('User').create(
    await newUserFields(t.conn, {
      Username: PARTNER_USERNAME,
      FirstName: 'Jane',
      LastName: 'Rivera',
      Alias: 'jrivera',
      ProfileId: partnerProfile,
      ContactId: partnerContactId,
    }),
  );
  await t.conn
    .sobject('PermissionSetAssignment')
    .create({ AssigneeId: partner.id!, PermissionSetId: await permissionSetId(t, 'Partner_User') });
  const misleading = await createUser(t, { alias: 'misled', permissionSets: ['Account_Executive'] });
  await t.conn.sobject('User').update({ Id: misleading.id, Username: MISLEADING_USERNAME });
  app = await startAppServer({
    port: 0,
    orgUrl: t.org.instanceUrl,
    adminUsername: t.org.adminUsername,
    adminToken: t.org.accessToken,
    adminPassword: t.org.adminPassword,
    // Only the header's rollup syncs here, so what the tests see follows from their own requests.
    accessSyncSeconds: 0,
    log: (line) => logged.push(line),
  });
});

afterAll(async () => {
  await app?.close();
  await t?.close();
});

it("says what the org says of a partner user: UserType, contact and partner account (the portal's audience)", async () => {
  const session = await sessionOf(await signIn(PARTNER_USERNAME));
  expect(session).toEqual(
    expect.objectContaining({
      username: PARTNER_USERNAME,
      name: 'Jane Rivera',
      userType: 'PowerPartner',
      contactId: partnerContactId,
      accountId: audience.account,
      accountName: 'Orion Partners',
      portal: true,
    }),
  );
});

it('tells internal users from partner users by the org, never by the username', async () => {
  const misled = await sessionOf(await signIn(MISLEADING_USERNAME));
  expect(misled).toEqual(
    expect.objectContaining({ userType: 'Standard', contactId: null, accountName: null, portal: false }),
  );
  const pm = await sessionOf(await signIn(audience.pm.username));
  expect(pm).toEqual(expect.objectContaining({ userType: 'Standard', portal: false }));
});

it('lists partner users after the internal ones, with their partner account', async () => {
  const cookie = await signIn(audience.pm.username);
  const users = (await (await fetch(`${app.url}/app/users`, { headers: { Cookie: cookie } })).json()) as {
    username: string;
    role: string;
    account: string | null;
  }[];
  const partner = users.find((u) => u.username === PARTNER_USERNAME);
  expect(partner).toEqual(expect.objectContaining({ role: 'Partner User', account: 'Orion Partners' }));
  expect(users.find((u) => u.username === audience.pm.username)).toEqual(
    expect.objectContaining({ role: 'Partner Manager', account: null }),
  );
  // Internal users first, partner users after them.
  const roles = users.map((u) => u.role);
  expect(roles.indexOf('Partner User')).toBe(roles.length - 1);
  expect(roles.filter((r) => r === 'Partner User')).toHaveLength(1);
});

it('refuses the rollup to a partner session, running neither the rollup nor the access job', async () => {
  const before = (await t.conn.query('SELECT COUNT() FROM Rollup_Run__c')).totalSize;
  const response = await post(await signIn(PARTNER_USERNAME), '/app/rollup');
  expect(response.status).toBe(403);
  expect(await response.json()).toEqual([
    expect.objectContaining({
      errorCode: 'INSUFFICIENT_ACCESS_OR_READONLY',
      message: 'Partner users cannot run the rollup',
    }),
  ]);
  expect((await t.conn.query('SELECT COUNT() FROM Rollup_Run__c')).totalSize).toBe(before);
});

it("syncs plan access before the header's rollup: a plan in partner review reaches the partner user", async () => {
  const partner = await signIn(PARTNER_USERNAME);
  const soql = `SELECT Id FROM Partner_Account_Plan__c WHERE Id = '${audience.plan}'`;
  expect((await queryAs(partner, soql)).totalSize).toBe(0);
  await audience.pm.conn.sobject('Partner_Account_Plan__c').update({ Id: audience.plan, Status__c: 'Partner Review' });
  // Submitting alone shares nothing: the access job does, here before the rollup.
  expect((await queryAs(partner, soql)).totalSize).toBe(0);

  const response = await post(await signIn(audience.pm.username), '/app/rollup');
  expect(response.status).toBe(200);
  const body = (await response.json()) as { access: { partner: { inserted: number }; failures: number } };
  expect(body.access).toEqual(
    expect.objectContaining({ failures: 0, partner: expect.objectContaining({ inserted: 1 }) }),
  );
  const shares = await t.conn.query<{ AccessLevel: string }>(
    `SELECT AccessLevel FROM Partner_Account_Plan__Share WHERE ParentId = '${audience.plan}' AND RowCause = 'Shared_With_Partner__c'`,
  );
  expect(shares.records.map((s) => s.AccessLevel)).toEqual(['Edit']);
  expect((await queryAs(partner, soql)).records.map((r) => r.Id)).toEqual([audience.plan]);
  expect(logged.some((line) => line.startsWith('Plan access sync (before rollup):'))).toBe(true);
});

it('logs a failed access sync and reports it with the rollup, which still runs', async () => {
  const failing = await startAppServer({
    port: 0,
    orgUrl: t.org.instanceUrl,
    adminUsername: t.org.adminUsername,
    adminToken: t.org.accessToken,
    accessSyncSeconds: 0,
    log: (line) => logged.push(line),
    runAccess: () => Promise.reject(new Error('The plan share object is not there')),
  });
  try {
    const login = await fetch(`${failing.url}/app/session`, {
      method: 'POST',
      headers: { Origin: failing.url, 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: audience.pm.username }),
    });
    const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
    const before = (await t.conn.query('SELECT COUNT() FROM Rollup_Run__c')).totalSize;
    const response = await fetch(`${failing.url}/app/rollup`, {
      method: 'POST',
      headers: { Origin: failing.url, 'Content-Type': 'application/json', Cookie: cookie },
      body: '{}',
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { access: unknown }).access).toEqual(
      expect.objectContaining({ error: 'The plan share object is not there' }),
    );
    expect((await t.conn.query('SELECT COUNT() FROM Rollup_Run__c')).totalSize).toBe(before + 1);
    expect(logged).toContain('Plan access sync (before rollup) failed: The plan share object is not there');
  } finally {
    await failing.close();
  }
});
