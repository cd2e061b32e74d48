/**
 * The seed's role hierarchy: derived from the users' reporting lines without drawing from the random
 * source, loaded once (a second run creates no role), with each partner manager's role above their AEs'
 * role, so the manager sees what their AEs own (a Private task here) and another manager does not.
 */
import { runSeed } from '../../packages/jobs/seed';
import { generateDataset } from '../../packages/jobs/seed/generate';
import { SeedLoader } from '../../packages/jobs/seed/load';
import { parseScale } from '../../packages/jobs/seed/scales';
import { startTestOrg, type TestOrg } from '../support/localorg';
import { quietProgress, scriptSession } from '../support/scripts';
import { login } from '../support/security';

const AS_OF = '2026-11-25';
const dataset = generateDataset({ seed: 42, scale: parseScale('small'), asOf: AS_OF, fiscalYearStartMonth: 1 });

interface UserRow {
  Id: string;
  Username: string;
  UserRoleId: string | null;
  UserRole: { DeveloperName: string; ParentRoleId: string | null } | null;
}

let t: TestOrg;
let org: string;
const users = new Map<string, UserRow>();

beforeAll(async () => {
  t = await startTestOrg();
  const session = await scriptSession(t);
  const run = { scale: parseScale('small'), seed: 42, asOf: AS_OF, partnersPerChunk: 4, progress: quietProgress() };
  const first = await runSeed(session, run);
  expect(first.users.notes).toEqual([]);
  await runSeed(session, run);
  await session.close();
  org = (await t.conn.query<{ Id: string }>('SELECT Id FROM Organization')).records[0].Id;
  const rows = await t.conn.query<UserRow>(
    "SELECT Id, Username, UserRoleId, UserRole.DeveloperName, UserRole.ParentRoleId FROM User WHERE Username LIKE 's42-user-%'",
  );
  for (const u of rows.records) users.set(u.Username, u);
}, 120_000);
afterAll(() => t.close());

const userOf = (key: string): UserRow => {
  const row = users.get(SeedLoader.username(key, org));
  if (!row) throw new Error(`no seeded user ${key}`);
  return row;
};

describe('the seeded role hierarchy', () => {
  it('is generated from the reporting lines alone, the same every time', () => {
    const again = generateDataset({ seed: 42, scale: parseScale('small'), asOf: AS_OF, fiscalYearStartMonth: 1 });
    expect(again.roles).toEqual(dataset.roles);
    const managers = dataset.users.filter((u) => u.role === 'Partner Manager');
    // The admin's role, one per partner manager, one per partner manager's AE team.
    expect(dataset.roles.length).toBe(1 + managers.length * 2);
    expect(dataset.roles.flatMap((r) => r.userKeys).sort()).toEqual(dataset.users.map((u) => u.key).sort());
  });

  it('is created once: a second run finds the same roles', async () => {
    const roles = await t.conn.query<{ DeveloperName: string }>(
      "SELECT DeveloperName FROM UserRole WHERE DeveloperName LIKE 'Seed_s42%'",
    );
    expect(roles.records.map((r) => r.DeveloperName).sort()).toEqual(dataset.roles.map((r) => r.developerName).sort());
  });

  it("puts every AE's role right below their partner manager's, and the managers below the admin", () => {
    const admin = dataset.users.find((u) => u.role === 'Admin');
    expect(admin).toBeDefined();
    const adminRow = userOf(admin!.key);
    expect(adminRow.UserRole?.ParentRoleId).toBeNull();
    for (const u of dataset.users) {
      const row = userOf(u.key);
      expect(row.UserRoleId).not.toBeNull();
      if (u.role === 'Partner Manager') expect(row.UserRole?.ParentRoleId).toBe(adminRow.UserRoleId);
      if (u.role === 'AE') expect(row.UserRole?.ParentRoleId).toBe(userOf(u.managerKey!).UserRoleId);
    }
  });

  it("lets a partner manager see what their AE owns, and not another manager's AE", async () => {
    const managers = dataset.users.filter((u) => u.role === 'Partner Manager');
    expect(managers.length).toBeGreaterThan(1);
    const [mine, other] = managers;
    const ae = dataset.users.find((u) => u.role === 'AE' && u.managerKey === mine.key);
    const peer = dataset.users.find((u) => u.role === 'AE' && u.managerKey === mine.key && u.key !== ae?.key);
    expect(ae).toBeDefined();
    const aeConn = await login(t, SeedLoader.username(ae!.key, org));
    const task = (await aeConn.sobject('Task').create({ Subject: 'Coaching call', Status: 'Not Started' })).id!;
    const seen = async (key: string): Promise<number> => {
      const conn = await login(t, SeedLoader.username(key, org));
      return (await conn.query(`SELECT Id FROM Task WHERE Id = '${task}'`)).totalSize;
    };
    expect(await seen(mine.key)).toBe(1);
    expect(await seen(other.key)).toBe(0);
    // AEs of one team are peers in one role: the hierarchy does not open their records to each other.
    if (peer) expect(await seen(peer.key)).toBe(0);
  });
});
