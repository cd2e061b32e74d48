/**
 * The seed's partner side against local orgs: partner accounts are partner-enabled; partner users are made
 * from the partner's contacts (Partner Community User, Partner_User) as far as the org's licences go, every
 * partner's first user before any second, the rest skipped with a note and never a failure; comments are
 * written by the right people (partner users, the plan's partner manager and AE; internal-only ones by internal
 * people only); the access job shares each plan past Draft with its partner's role group (Edit in review, Read
 * after) and skips the partners left without users; a second run creates nothing. Partner users of an account
 * whose owner has no role are skipped with a note, as Salesforce refuses them.
 */
import { byPartnerUser } from '../../packages/jobs/seed/comments';
import { runSeed } from '../../packages/jobs/seed';
import { generateDataset, type SeedDataset } from '../../packages/jobs/seed/generate';
import { SeedLoader } from '../../packages/jobs/seed/load';
import { loadPartnerUsers } from '../../packages/jobs/seed/partner-users';
import { parseScale } from '../../packages/jobs/seed/scales';
import { grantAuditFields, startTestOrg, type TestOrg } from '../support/localorg';
import { countOf, quietProgress, scriptSession } from '../support/scripts';
import { createUser } from '../support/security';

const AS_OF = '2026-11-25';
const SHARE = 'Partner_Account_Plan__Share';
const PARTNER_REASON = 'Shared_With_Partner__c';
const dataset: SeedDataset = generateDataset({
  seed: 42,
  scale: parseScale('small'),
  asOf: AS_OF,
  fiscalYearStartMonth: 1,
});
const run = { scale: parseScale('small'), seed: 42, asOf: AS_OF, partnersPerChunk: 4, progress: quietProgress() };

async function query<T extends Record<string, unknown>>(t: TestOrg, soql: string): Promise<T[]> {
  return (await t.conn.query<T>(soql)).records;
}

describe('with fewer Partner Community licences than partner users', () => {
  // 13 partner users for 10 partners (Platinum and Gold ones get two); 8 licences.
  const LICENCES = 8;
  let t: TestOrg;
  beforeAll(async () => {
    t = await startTestOrg({ partnerLicenses: LICENCES });
    await grantAuditFields(t);
  });
  afterAll(() => t.close());

  it('creates partner users up to the licences, then comments and partner shares; a rerun creates nothing', async () => {
    expect(dataset.partnerUsers).toHaveLength(13);
    const session = await scriptSession(t);
    const first = await runSeed(session, run);
    expect(first.failures).toEqual([]);
    expect(first.partnerUsers).toEqual({
      created: LICENCES,
      existing: 0,
      skipped: 5,
      permissionSetsAssigned: LICENCES,
    });
    expect(first.notes).toContain(
      `5 partner user(s) were not created: the org has ${LICENCES} Partner Community licence(s) left for 13.`,
    );
    expect(await countOf(t, 'Account', 'IsPartner = true')).toBe(10);

    // Every partner's first user (its director, the plans' partner contact) before any second one.
    const orgId = (await query<{ Id: string }>(t, 'SELECT Id FROM Organization'))[0].Id;
    const expected = dataset.partnerUsers.filter((u) => u.rank === 1).slice(0, LICENCES);
    const users = await query<{
      Id: string;
      Username: string;
      UserType: string;
      Profile: { Name: string };
      Contact: { External_Key__c: string };
    }>(t, 'SELECT Id, Username, UserType, Profile.Name, Contact.External_Key__c FROM User WHERE ContactId != null');
    expect(users.map((u) => u.Username).sort()).toEqual(expected.map((u) => SeedLoader.username(u.key, orgId)).sort());
    const contactOf = new Map(expected.map((u) => [SeedLoader.username(u.key, orgId), u.contactKey]));
    for (const user of users) {
      expect([user.UserType, user.Profile.Name]).toEqual(['PowerPartner', 'Partner Community User']);
      expect(user.Contact.External_Key__c).toBe(contactOf.get(user.Username));
    }
    const assigned = await query<{ AssigneeId: string }>(
      t,
      "SELECT AssigneeId FROM PermissionSetAssignment WHERE PermissionSet.Name = 'Partner_User'",
    );
    expect(assigned.map((a) => a.AssigneeId).sort()).toEqual(users.map((u) => u.Id).sort());

    // Comments: the partner users' own (those of users not created are left out), the others by their authors.
    const idOfUser = new Map(users.map((u) => [u.Username, u.Id]));
    const created = new Set(expected.map((u) => u.key));
    const partnerKeys = new Set(dataset.partnerUsers.map((u) => u.key));
    const kept = dataset.comments.filter((c) => !byPartnerUser(c, partnerKeys) || created.has(authorKey(c)));
    expect(first.objects.Plan_Comment__c).toMatchObject({ created: kept.length, failed: 0 });
    expect(first.notes).toContain(
      `${dataset.comments.length - kept.length} plan comment(s) by partner users were left out: their authors were not created.`,
    );
    const comments = await query<{
      Body__c: string;
      Internal_Only__c: boolean;
      CreatedById: string;
      CreatedDate: string;
      CreatedBy: { UserType: string; Username: string };
      Partner_Account_Plan__r: { External_Key__c: string };
      Plan_Target__r: { External_Key__c: string } | null;
    }>(
      t,
      'SELECT Body__c, Internal_Only__c, CreatedById, CreatedDate, CreatedBy.UserType, CreatedBy.Username,' +
        ' Partner_Account_Plan__r.External_Key__c, Plan_Target__r.External_Key__c FROM Plan_Comment__c',
    );
    const loaded = new Map(comments.map((c) => [`${c.Partner_Account_Plan__r.External_Key__c}|${c.Body__c}`, c]));
    for (const comment of kept) {
      const plan = (comment.fields.Partner_Account_Plan__c as { ref: { key: string } }).ref.key;
      const row = loaded.get(`${plan}|${String(comment.fields.Body__c)}`);
      expect(row?.CreatedBy.Username).toBe(SeedLoader.username(authorKey(comment), orgId));
      expect(row?.CreatedDate.slice(0, 16)).toBe(String(comment.fields.CreatedDate).slice(0, 16));
      const target = comment.fields.Plan_Target__c as { ref: { key: string } } | null;
      expect(row?.Plan_Target__r?.External_Key__c ?? null).toBe(target?.ref.key ?? null);
    }
    expect(comments).toHaveLength(kept.length);
    const internal = comments.filter((c) => c.Internal_Only__c);
    expect(internal.length).toBeGreaterThan(0);
    for (const c of internal) expect(c.CreatedBy.UserType).toBe('Standard');
    expect(comments.filter((c) => c.CreatedBy.UserType === 'PowerPartner').length).toBeGreaterThan(0);
    expect(idOfUser.size).toBe(LICENCES);

    // Some Joint Investment sections are hidden from the partner; every other section is visible.
    const hidden = await query<{ Section_Type__c: string }>(
      t,
      'SELECT Section_Type__c FROM Plan_Section__c WHERE Visible_To_Partner__c = false',
    );
    expect(hidden.length).toBeGreaterThan(0);
    expect(new Set(hidden.map((s) => s.Section_Type__c))).toEqual(new Set(['Joint Investment']));

    // Partner shares: plans past Draft of partners with users, to the Executive role's group, by status.
    await expectPartnerShares(t, first.objects[`${SHARE} (${PARTNER_REASON})`]?.created);

    const second = await runSeed(session, run);
    expect(second.failures).toEqual([]);
    expect(second.partnerUsers).toEqual({ created: 0, existing: LICENCES, skipped: 5, permissionSetsAssigned: 0 });
    for (const [sobject, stats] of Object.entries(second.objects))
      expect([sobject, stats.created]).toEqual([sobject, 0]);
    expect(second.objects.Plan_Comment__c.unchanged).toBe(kept.length);
    expect(await countOf(t, 'Plan_Comment__c')).toBe(kept.length);
    expect(await countOf(t, 'User', 'ContactId != null')).toBe(LICENCES);
    await session.close();
  }, 120_000);
});

/** The partner user key of a comment's author. */
function authorKey(comment: SeedDataset['comments'][number]): string {
  return (comment.fields.CreatedById as { ref: { key: string } }).ref.key;
}

/** Each plan past Draft whose partner has partner roles has one partner share, at the status's level. */
async function expectPartnerShares(t: TestOrg, reported: number | undefined): Promise<void> {
  const plans = await query<{ Id: string; Status__c: string; Partner_Account__c: string }>(
    t,
    'SELECT Id, Status__c, Partner_Account__c FROM Partner_Account_Plan__c',
  );
  const roles = await query<{ Id: string; PortalAccountId: string }>(
    t,
    "SELECT Id, PortalAccountId FROM UserRole WHERE PortalType = 'Partner' AND PortalRole = 'Executive'",
  );
  const groups = await query<{ Id: string; RelatedId: string }>(
    t,
    "SELECT Id, RelatedId FROM Group WHERE Type = 'RoleAndSubordinates'",
  );
  const groupOfRole = new Map(groups.map((g) => [g.RelatedId, g.Id]));
  const groupOfAccount = new Map(roles.map((r) => [r.PortalAccountId, groupOfRole.get(r.Id)]));
  const wanted = plans
    .filter((p) => p.Status__c !== 'Draft' && groupOfAccount.has(p.Partner_Account__c))
    .map(
      (p) =>
        `${p.Id} ${groupOfAccount.get(p.Partner_Account__c)} ${p.Status__c === 'Partner Review' ? 'Edit' : 'Read'}`,
    )
    .sort();
  const shares = await query<{ ParentId: string; UserOrGroupId: string; AccessLevel: string }>(
    t,
    `SELECT ParentId, UserOrGroupId, AccessLevel FROM ${SHARE} WHERE RowCause = '${PARTNER_REASON}'`,
  );
  expect(shares.map((s) => `${s.ParentId} ${s.UserOrGroupId} ${s.AccessLevel}`).sort()).toEqual(wanted);
  // Two partners have no user (8 licences for 10 directors): their plans are not shared.
  expect(new Set(plans.map((p) => p.Partner_Account__c)).size - groupOfAccount.size).toBe(2);
  expect(wanted.some((w) => w.endsWith('Edit'))).toBe(true);
  expect(reported).toBe(wanted.length);
}

describe('without a Partner Community licence left', () => {
  let t: TestOrg;
  beforeAll(async () => {
    t = await startTestOrg({ partnerLicenses: 0 });
    await grantAuditFields(t);
  });
  afterAll(() => t.close());

  it('skips the partner users and their comments with notes, and shares no plan with partners', async () => {
    const session = await scriptSession(t);
    const report = await runSeed(session, run);
    await session.close();
    expect(report.failures).toEqual([]);
    expect(report.partnerUsers).toEqual({ created: 0, existing: 0, skipped: 13, permissionSetsAssigned: 0 });
    expect(report.notes).toContain(
      '13 partner user(s) were not created: the org has 0 Partner Community licence(s) left for 13.',
    );
    const partnerKeys = new Set(dataset.partnerUsers.map((u) => u.key));
    const internal = dataset.comments.filter((c) => !byPartnerUser(c, partnerKeys));
    expect(await countOf(t, 'Plan_Comment__c')).toBe(internal.length);
    expect(await countOf(t, SHARE, `RowCause = '${PARTNER_REASON}'`)).toBe(0);
    expect(await countOf(t, 'User', 'ContactId != null')).toBe(0);
  }, 60_000);
});

describe('partner users of an account whose owner has no role', () => {
  let t: TestOrg;
  beforeAll(async () => {
    t = await startTestOrg();
  });
  afterAll(() => t.close());

  it('are skipped with a note, as Salesforce refuses them; those of an account whose owner has one are made', async () => {
    const role = await t.conn.sobject('UserRole').create({ Name: 'Channel', DeveloperName: 'Channel' });
    const owner = await createUser(t, { alias: 'owner', roleId: role.id });
    const accounts = [];
    for (const [name, ownerId] of [
      ['Roleless Partners', undefined],
      ['Owned Partners', owner.id],
    ] as const) {
      const account = await t.conn
        .sobject('Account')
        .create({ Name: name, IsPartner: true, ...(ownerId ? { OwnerId: ownerId } : {}) });
      await t.conn
        .sobject('Contact')
        .create({ LastName: name.split(' ')[0], AccountId: account.id, External_Key__c: `c-${name}` });
      accounts.push(account.id);
    }
    const specs = ['Roleless Partners', 'Owned Partners'].map((name, i) => ({
      key: `t-partner-${i + 1}`,
      partnerIndex: i,
      contactKey: `c-${name}`,
      rank: 1 as const,
    }));
    const session = await scriptSession(t);
    const load = { session, organizationId: '00D000000000001', notes: [] as string[], failures: [] };
    const first = await loadPartnerUsers(specs, load);
    expect(first.report).toEqual({ created: 1, existing: 0, skipped: 1, permissionSetsAssigned: 1 });
    expect(load.notes).toEqual([
      expect.stringContaining("1 partner user(s) were not created: their partner account's owner has no role"),
    ]);
    expect([...first.ids.keys()]).toEqual(['t-partner-2']);
    const users = await query<{ AccountId: string }>(t, 'SELECT AccountId FROM User WHERE ContactId != null');
    expect(users.map((u) => u.AccountId)).toEqual([accounts[1]]);
    // Found again by username: nothing is created twice.
    const again = await loadPartnerUsers(specs, { ...load, notes: [] });
    expect(again.report).toEqual({ created: 0, existing: 1, skipped: 1, permissionSetsAssigned: 0 });
    await session.close();
  });
});
