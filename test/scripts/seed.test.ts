/**
 * The seed: deterministic generation with outcomes that follow actions, and an idempotent load through
 * jsforce into a local org that refuses to start on an org that is not set up.
 */
import { generateDataset, winProbability, type FieldValue, type SeedDataset } from '../../packages/jobs/seed/generate';
import { runSeed } from '../../packages/jobs/seed';
import { PLAN_SHARE, SeedLoader, SeedSetupError } from '../../packages/jobs/seed/load';
import { AUDIT_FIELDS_NOTE } from '../../packages/jobs/seed/created';
import { byPartnerUser } from '../../packages/jobs/seed/comments';
import { parseScale, ScaleError } from '../../packages/jobs/seed/scales';
import { LOCALORG_FIXTURE, startTestOrg, type TestOrg } from '../support/localorg';
import { countOf, quietProgress, scriptSession } from '../support/scripts';
import { login } from '../support/security';

const AS_OF = '2026-11-25';
const small = (seed = 42): SeedDataset =>
  generateDataset({ seed, scale: parseScale('small'), asOf: AS_OF, fiscalYearStartMonth: 1 });

function everything(dataset: SeedDataset) {
  const chunks = [...dataset.chunks(4)];
  return {
    levels: dataset.levels,
    opportunities: chunks.flatMap((c) => c.opportunities),
    actions: chunks.flatMap((c) => c.actions),
  };
}

describe('generated dataset', () => {
  it('is the same for the same seed and different for another', () => {
    expect(JSON.stringify(everything(small(42)))).toBe(JSON.stringify(everything(small(42))));
    expect(JSON.stringify(everything(small(7)).opportunities)).not.toBe(
      JSON.stringify(everything(small(42)).opportunities),
    );
  });

  it('does not depend on how partners are chunked', () => {
    const byOne = [...small().chunks(1)].flatMap((c) => c.opportunities);
    const byAll = [...small().chunks(100)].flatMap((c) => c.opportunities);
    expect(byOne).toEqual(byAll);
  });

  it('references only records it creates, parents in earlier levels', () => {
    const dataset = small();
    const all = everything(dataset);
    const keys = new Set<string>(dataset.users.map((u) => `User:${u.key}`));
    const order = [
      ...all.levels.slice(0, 5).flatMap((l) => l.records),
      ...all.opportunities,
      ...all.levels[5].records,
      ...all.actions,
    ];
    for (const record of order) {
      for (const value of Object.values(record.fields) as FieldValue[]) {
        if (value && typeof value === 'object') expect(keys).toContain(`${value.ref.sobject}:${value.ref.key}`);
      }
      keys.add(`${record.sobject}:${record.key}`);
    }
  });

  it('covers the last four quarters and the next two, with a plan per fiscal year', () => {
    const { opportunities, levels } = everything(small());
    const closeDates = opportunities.map((o) => String(o.fields.CloseDate)).sort();
    expect(closeDates[0] >= '2025-10-01').toBe(true);
    expect(closeDates[closeDates.length - 1] <= '2027-06-30').toBe(true);
    const plans = levels.find((l) => l.sobject === 'Partner_Account_Plan__c')?.records ?? [];
    expect(plans).toHaveLength(20); // 10 partners x FY2026 and FY2027
    expect(
      plans
        .filter((p) => p.fields.Fiscal_Year__c === 'FY2027')
        .every((p) => ['Draft', 'Partner Review'].includes(String(p.fields.Status__c))),
    ).toBe(true);
    expect(
      plans
        .filter((p) => p.fields.Fiscal_Year__c === 'FY2026')
        .every((p) => ['Active', 'In Revision', 'Accepted'].includes(String(p.fields.Status__c))),
    ).toBe(true);
  });

  it('never logs an action in the future, and closes only deals whose date has passed', () => {
    const { opportunities, actions, levels } = everything(small());
    for (const action of [...actions, ...levels[5].records])
      expect(String(action.fields.Action_Date__c) <= AS_OF).toBe(true);
    for (const o of opportunities) {
      if (String(o.fields.CloseDate) > AS_OF) expect(String(o.fields.StageName)).not.toMatch(/^Closed/);
    }
  });

  it('names each deal after its customer, product and quarter, never twice within an account', () => {
    const { opportunities, levels } = everything(small());
    const accountNames = new Map(levels[0].records.map((a) => [a.key, String(a.fields.Name)]));
    const seen = new Set<string>();
    for (const o of opportunities) {
      const account = (o.fields.AccountId as { ref: { key: string } }).ref.key;
      const name = String(o.fields.Name);
      const match = /^(.+) – (.+) FY(\d{4}) Q([1-4])(?: \((\d+)\))?$/.exec(name);
      expect(match?.[1]).toBe(accountNames.get(account));
      expect(seen.has(`${account} ${name}`)).toBe(false);
      seen.add(`${account} ${name}`);
    }
    expect(seen.size).toBe(opportunities.length);
  });

  it('makes deals with more actions win more often (with noise)', () => {
    const dataset = generateDataset({ seed: 3, scale: parseScale('medium'), asOf: AS_OF, fiscalYearStartMonth: 1 });
    const { opportunities, actions } = everything(dataset);
    const actionsPerOpp = new Map<string, number>();
    for (const a of actions) {
      const opp = a.fields.Opportunity__c as { ref: { key: string } };
      actionsPerOpp.set(opp.ref.key, (actionsPerOpp.get(opp.ref.key) ?? 0) + 1);
    }
    const closed = opportunities.filter((o) => String(o.fields.StageName).startsWith('Closed'));
    const rate = (filter: (n: number) => boolean): number => {
      const group = closed.filter((o) => filter(actionsPerOpp.get(o.key) ?? 0));
      return group.filter((o) => o.fields.StageName === 'Closed Won').length / group.length;
    };
    expect(rate((n) => n >= 3)).toBeGreaterThan(rate((n) => n === 0) + 0.1);
    expect(winProbability(5, 1, 0)).toBeGreaterThan(winProbability(0, 1, 0));
  });

  it('refuses unknown scales with the accepted values', () => {
    expect(() => parseScale('huge')).toThrow(ScaleError);
    expect(() => parseScale('huge')).toThrow('use small, medium, large or a partner count');
    expect(parseScale('25').partners).toBe(25);
  });
});

describe('seeding an org', () => {
  let t: TestOrg;
  beforeAll(async () => {
    t = await startTestOrg();
  });
  afterAll(() => t.close());

  it('loads every level, then updates the same records on a second run', async () => {
    const session = await scriptSession(t);
    const run = { scale: parseScale('small'), seed: 42, asOf: AS_OF, partnersPerChunk: 4, progress: quietProgress() };
    const first = await runSeed(session, run);
    const dataset = small();
    const all = everything(dataset);
    expect(first.failures).toEqual([]);
    // This admin cannot set audit fields: the records are created today, and the seed says how to change that.
    // Nor author the partner users' comments: those are left out rather than shown as the admin's.
    const partnerKeys = new Set(dataset.partnerUsers.map((u) => u.key));
    const byPartner = dataset.comments.filter((c) => byPartnerUser(c, partnerKeys)).length;
    expect(first.notes).toEqual([
      expect.stringContaining(AUDIT_FIELDS_NOTE),
      `${byPartner} plan comment(s) by partner users were left out: the running user cannot set CreatedById.`,
    ]);
    expect(first.objects.Plan_Comment__c.created).toBe(dataset.comments.length - byPartner);
    for (const sobject of ['Opportunity', 'Lead', 'CampaignMember']) {
      expect(first.notes[0]).toContain(sobject);
      expect([sobject, await countOf(t, sobject, 'CreatedDate < TODAY')]).toEqual([sobject, 0]);
    }
    expect(first.users.created).toBe(dataset.users.length);
    expect(first.objects.Opportunity.created).toBe(all.opportunities.length);
    expect(first.objects.Plan_Target__c.created).toBe(dataset.levels[4].records.length);
    expect(await countOf(t, 'Opportunity')).toBe(all.opportunities.length);
    expect(await countOf(t, 'APR_Action__c')).toBe(all.actions.length + dataset.levels[5].records.length);
    expect(await countOf(t, 'Plan_Section__c')).toBe(100);
    const shares = [...dataset.chunks(4)].flatMap((c) => c.planShares);
    expect(first.objects[PLAN_SHARE].created).toBe(shares.reduce((n, s) => n + s.userKeys.length, 0));
    expect(await countOf(t, PLAN_SHARE, "RowCause = 'Manual' AND AccessLevel = 'Read'")).toBe(
      first.objects[PLAN_SHARE].created,
    );

    const second = await runSeed(session, run);
    expect(second.failures).toEqual([]);
    expect(second.users).toMatchObject({ created: 0, existing: dataset.users.length });
    for (const stats of Object.values(second.objects)) expect(stats.created).toBe(0);
    expect(second.objects.Plan_Target__c.updated).toBe(dataset.levels[4].records.length);
    // Objects without External_Key__c are found again by their natural keys and left as they are.
    for (const sobject of [
      'Lead',
      'Campaign',
      'CampaignMember',
      'Task',
      'Event',
      'OpportunityLineItem',
      'Product2',
      'Plan_Comment__c',
    ])
      expect(second.objects[sobject].unchanged).toBe(first.objects[sobject].created);
    expect(first.objects['Lead (converted)'].updated).toBe(
      [...dataset.chunks(4)].flatMap((c) => c.leadConversions).length,
    );
    expect(second.objects['Lead (converted)'].updated).toBe(0);
    expect(await countOf(t, 'Lead', 'IsConverted = true')).toBe(first.objects['Lead (converted)'].updated);
    expect(await countOf(t, 'Opportunity')).toBe(all.opportunities.length);
    await session.close();
    // Two whole seeds, with the plan lifecycle walk and the access sync: longer than jest's 5 s when busy.
  }, 60_000);

  it("shares each plan with its partner's AEs, who see exactly those plans and their sections", async () => {
    const dataset = small();
    const shares = [...dataset.chunks(4)].flatMap((c) => c.planShares);
    const targets = dataset.levels.find((l) => l.sobject === 'Plan_Target__c')?.records ?? [];
    const org = (await t.conn.query<{ Id: string }>('SELECT Id FROM Organization')).records[0].Id;
    const aes = dataset.users.filter((u) => u.role === 'AE');
    expect(aes.length).toBeGreaterThan(1);
    for (const aeUser of aes) {
      // Deal owners get Manual shares; the AE accountable on a plan's targets, the access job's share.
      const accountable = targets
        .filter((r) => (r.fields.Accountable_AE__c as { ref: { key: string } }).ref.key === aeUser.key)
        .map((r) => r.key.replace(/-sec-.*|-tgt-.*/, ''));
      expect(accountable.length).toBeGreaterThan(0);
      const manual = shares.filter((s) => s.userKeys.includes(aeUser.key)).map((s) => s.planKey);
      const expected = [...new Set([...accountable, ...manual])];
      const conn = await login(t, SeedLoader.username(aeUser.key, org));
      const plans = await conn.query<{ External_Key__c: string }>(
        'SELECT External_Key__c FROM Partner_Account_Plan__c',
      );
      expect(plans.records.map((p) => p.External_Key__c).sort()).toEqual([...expected].sort());
      expect((await conn.query('SELECT Id FROM Plan_Section__c')).totalSize).toBe(expected.length * 5);
    }
  });

  it('puts the org id in seeded usernames, since usernames are unique across every org', async () => {
    const org = await t.conn.query<{ Id: string }>('SELECT Id FROM Organization');
    const users = await t.conn.query<{ Username: string }>(
      "SELECT Username FROM User WHERE Username LIKE 's42-user-%'",
    );
    expect(users.records.length).toBe(small().users.length);
    for (const u of users.records)
      expect(u.Username.endsWith(`@${org.records[0].Id.slice(0, 15).toLowerCase()}.pap.example`)).toBe(true);
  });
});

describe('sharing plans in an org without a plan share object', () => {
  it('notes that plans were not shared, and writes nothing', async () => {
    const t = await startTestOrg({ forceAppRoot: LOCALORG_FIXTURE });
    const session = await scriptSession(t);
    const loader = new SeedLoader(session, quietProgress(), new Map(), 's1');
    await loader.sharePlans([{ planKey: 's1-plan-00001-2026', userKeys: ['s1-user-ae-01'] }]);
    await loader.sharePlans([{ planKey: 's1-plan-00002-2026', userKeys: ['s1-user-ae-01'] }]);
    expect(loader.report.notes).toEqual([
      `This org has no ${PLAN_SHARE} (plans are not Private there): plans were not shared with AEs.`,
    ]);
    expect(loader.report.objects[PLAN_SHARE]).toBeUndefined();
    await session.close();
    await t.close();
  });
});

describe('seeding an org without the data model', () => {
  it('says what is missing and writes nothing', async () => {
    const t = await startTestOrg({ forceAppRoot: LOCALORG_FIXTURE });
    const session = await scriptSession(t);
    const error = await runSeed(session, {
      scale: parseScale('small'),
      seed: 1,
      asOf: AS_OF,
      partnersPerChunk: 4,
      progress: quietProgress(),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SeedSetupError);
    expect((error as Error).message).toMatch(/nothing was written/);
    expect((error as Error).message).toMatch(/Partner_Account_Plan__c/);
    expect(await countOf(t, 'Account')).toBe(0);
    expect(await countOf(t, 'User')).toBe(1);
    await session.close();
    await t.close();
  });
});
