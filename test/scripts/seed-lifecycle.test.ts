/**
 * The seed under the lifecycle's validation rules: new plans load as Drafts with their sections and targets,
 * then walk to their generated status, stamp and version, so the org ends with exactly the generated plans;
 * a plan an earlier run left part-way takes the rest of its walk; a second run keeps each plan's place in the
 * lifecycle and fails nothing; and no accepted plan lacks a baseline (the rollup finds none to complete). Past
 * years load Active; once a rollup and `plans advance` have closed them, a third run leaves them as they are
 * (a closed plan is read-only) and fails nothing.
 */
import { generateDataset } from '../../packages/jobs/seed/generate';
import type { Ref } from '../../packages/jobs/seed/records';
import { runSeed } from '../../packages/jobs/seed';
import { statusPath } from '../../packages/jobs/seed/lifecycle';
import { parseScale } from '../../packages/jobs/seed/scales';
import { runRollup } from '../../packages/jobs/rollup/engine';
import { runPlanAdvance } from '../../packages/jobs/plans/advance';
import { startTestOrg, type TestOrg } from '../support/localorg';
import { quietProgress, scriptSession } from '../support/scripts';

/** Early in FY2027: FY2026's plans are Active (until the advance job closes them), FY2027's accepted, active or in revision. */
const AS_OF = '2027-02-15';

let t: TestOrg;
beforeAll(async () => {
  // The org's clock at the as-of date: no seeded action is in its future.
  t = await startTestOrg({ now: () => new Date(`${AS_OF}T12:00:00Z`) });
});
afterAll(() => t.close());

interface PlanRow {
  External_Key__c: string;
  Status__c: string;
  Version__c: number;
  Accepted_On__c: string | null;
}

it('walks each status one documented step at a time', () => {
  expect(statusPath('Draft')).toEqual([]);
  expect(statusPath('Closed')).toEqual(['Partner Review', 'Accepted', 'Active', 'Closed']);
  expect(statusPath('In Revision')).toEqual(['Partner Review', 'Accepted', 'Active', 'In Revision']);
  expect(() => statusPath('Archived')).toThrow('Unknown plan status "Archived"');
});

it('loads every plan in its generated status, twice without a failure', async () => {
  const session = await scriptSession(t);
  const run = { scale: parseScale('small'), seed: 11, asOf: AS_OF, partnersPerChunk: 5, progress: quietProgress() };
  const dataset = generateDataset({ seed: 11, scale: run.scale, asOf: AS_OF, fiscalYearStartMonth: 1 });
  const generated = dataset.levels.find((l) => l.sobject === 'Partner_Account_Plan__c')!.records;
  const expected = generated
    .map((p) => ({
      External_Key__c: p.key,
      Status__c: p.fields.Status__c,
      Version__c: p.fields.Version__c,
      Accepted_On__c: p.fields.Accepted_On__c,
    }))
    .sort((a, b) => a.External_Key__c.localeCompare(b.External_Key__c));
  // Every walk that passes an acceptance is exercised (seed.test.ts loads Drafts and Partner Reviews).
  expect(new Set(expected.map((p) => p.Status__c))).toEqual(new Set(['Active', 'Accepted', 'In Revision']));
  const stored = async () =>
    (
      await t.conn.query<PlanRow>(
        'SELECT External_Key__c, Status__c, Version__c, Accepted_On__c FROM Partner_Account_Plan__c ORDER BY External_Key__c',
      )
    ).records.map(({ External_Key__c, Status__c, Version__c, Accepted_On__c }) => ({
      External_Key__c,
      Status__c,
      Version__c,
      Accepted_On__c: Accepted_On__c && new Date(Accepted_On__c).toISOString(),
    }));

  // An earlier run that stopped part-way: one Active plan left in Partner Review, before its acceptance.
  const stopped = generated.find((p) => p.fields.Status__c === 'Active')!;
  const partnerKey = (stopped.fields.Partner_Account__c as Ref).ref.key;
  const partner = await t.conn
    .sobject('Account')
    .create({ Name: 'Partner (earlier run)', Partner_Type__c: 'Reseller', External_Key__c: partnerKey });
  const early = await t.conn.sobject('Partner_Account_Plan__c').create({
    Name: 'Plan (earlier run)',
    External_Key__c: stopped.key,
    Partner_Account__c: partner.id,
    Period_Start__c: stopped.fields.Period_Start__c,
    Period_End__c: stopped.fields.Period_End__c,
    Version__c: (stopped.fields.Version__c as number) - 1,
  });
  await t.conn.sobject('Partner_Account_Plan__c').update({ Id: early.id!, Status__c: 'Partner Review' });

  const first = await runSeed(session, run);
  expect(first.failures).toEqual([]);
  // ...the rerun took it the rest of its way.
  expect(first.objects.Partner_Account_Plan__c).toMatchObject({ created: generated.length - 1, updated: 1 });
  expect(await stored()).toEqual(expected);

  const second = await runSeed(session, run);
  expect(second.failures).toEqual([]);
  expect(await stored()).toEqual(expected);

  const rollup = await runRollup(session, { asOf: AS_OF, dryRun: true, now: `${AS_OF}T12:00:00.000Z` });
  expect(rollup.baselines).toEqual({ missing: 0, completed: 0 });

  // The final rollup of FY2026, then the advance job closes its plans; the seed leaves them alone from then on.
  await runRollup(session, { asOf: AS_OF, dryRun: false, now: `${AS_OF}T12:00:00.000Z` });
  const advance = await runPlanAdvance(session, { asOf: AS_OF });
  const pastYear = generated.filter((p) => String(p.fields.Period_End__c) < AS_OF).map((p) => p.key);
  expect(advance.failures).toEqual([]);
  expect(advance.closed).toHaveLength(pastYear.length);
  const third = await runSeed(session, run);
  expect(third.failures).toEqual([]);
  expect(third.notes).toContain(
    `${advance.closed.length} closed plan(s) left as they are: a closed plan is read-only.`,
  );
  const closed = (await stored()).filter((p) => p.Status__c === 'Closed').map((p) => p.External_Key__c);
  expect(closed).toEqual([...pastYear].sort());
  await session.close();
}, 120_000);
