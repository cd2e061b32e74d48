/**
 * The seed gives the users it creates their planning role (User.Partner_Planning_Role__c) by their role in the
 * dataset: partner managers "Partner Manager", AEs "Account Executive", the admin none. It matches their
 * permission sets, so the access sync that follows finds nothing to change for them.
 */
import { runAccessSync } from '../../packages/jobs/access';
import { runSeed } from '../../packages/jobs/seed';
import { parseScale } from '../../packages/jobs/seed/scales';
import { startTestOrg, type TestOrg } from '../support/localorg';
import { quietProgress, scriptSession } from '../support/scripts';

let t: TestOrg;
afterAll(() => t.close());

it('sets the planning role of each seeded user, in line with their permission sets', async () => {
  t = await startTestOrg();
  const session = await scriptSession(t);
  try {
    const run = { scale: parseScale('3'), seed: 7, asOf: '2026-11-25', partnersPerChunk: 3, progress: quietProgress() };
    const seeded = await runSeed(session, run);
    expect(seeded.users.created).toBeGreaterThan(2);
    const users = await t.conn.query<{ Id: string; Title: string; Partner_Planning_Role__c: string | null }>(
      "SELECT Id, Title, Partner_Planning_Role__c FROM User WHERE Username LIKE 's7-user-%'",
    );
    const roleByTitle = new Map<string, Set<string | null>>();
    for (const u of users.records)
      roleByTitle.set(u.Title, (roleByTitle.get(u.Title) ?? new Set()).add(u.Partner_Planning_Role__c));
    expect(Object.fromEntries([...roleByTitle].map(([title, roles]) => [title, [...roles]]))).toEqual({
      'Partner Planning Administrator': [null],
      'Partner Manager': ['Partner Manager'],
      'Account Executive': ['Account Executive'],
    });
    const access = await runAccessSync(session, { dryRun: true });
    const seededIds = new Set(users.records.map((u) => u.Id));
    expect(access.roles.changes.filter((c) => seededIds.has(c.userId))).toEqual([]);
  } finally {
    await session.close();
  }
}, 120_000);
