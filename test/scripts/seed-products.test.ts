/**
 * The seed's products in an org: priced in the org's standard price book (no price book of the seed's own,
 * no note), and every seeded opportunity keeps the Amount the dataset gives it, the org's sum of its
 * products' total prices where it has products, so revenue metrics read the same with or without them.
 */
import { runSeed } from '../../packages/jobs/seed';
import { generateDataset } from '../../packages/jobs/seed/generate';
import { parseScale } from '../../packages/jobs/seed/scales';
import { startTestOrg, type TestOrg } from '../support/localorg';
import { quietProgress, scriptSession } from '../support/scripts';

const AS_OF = '2026-11-25';

let t: TestOrg;
beforeAll(async () => {
  t = await startTestOrg();
});
afterAll(() => t.close());

type Rec = Record<string, unknown>;
const all = async (soql: string): Promise<Rec[]> =>
  (await t.conn.query<Rec>(soql, { autoFetch: true, maxFetch: 100_000 })).records;

it("prices the products in the standard price book and keeps every opportunity's Amount", async () => {
  const session = await scriptSession(t);
  const scale = parseScale('small');
  const report = await runSeed(session, {
    scale,
    seed: 42,
    asOf: AS_OF,
    partnersPerChunk: 4,
    progress: quietProgress(),
  });
  await session.close();
  expect(report.failures).toEqual([]);
  expect(report.notes.filter((n) => /price book/i.test(n))).toEqual([]);

  const books = await all('SELECT Id, IsStandard FROM Pricebook2');
  expect(books).toEqual([expect.objectContaining({ IsStandard: true })]);
  const entries = await all('SELECT Pricebook2Id FROM PricebookEntry');
  expect(entries.length).toBeGreaterThan(0);
  expect(new Set(entries.map((e) => e.Pricebook2Id))).toEqual(new Set([books[0].Id]));

  const lines = await all('SELECT OpportunityId, TotalPrice FROM OpportunityLineItem');
  const sums = new Map<string, number>();
  for (const line of lines)
    sums.set(line.OpportunityId as string, (sums.get(line.OpportunityId as string) ?? 0) + (line.TotalPrice as number));
  expect(sums.size).toBeGreaterThan(10);

  const dataset = generateDataset({ seed: 42, scale, asOf: AS_OF, fiscalYearStartMonth: 1 });
  const intended = new Map([...dataset.chunks(4)].flatMap((c) => c.opportunities).map((o) => [o.key, o.fields.Amount]));
  const opportunities = await all('SELECT Id, External_Key__c, Amount FROM Opportunity');
  expect(opportunities.length).toBe(intended.size);
  for (const o of opportunities) {
    expect([o.External_Key__c, o.Amount]).toEqual([o.External_Key__c, intended.get(o.External_Key__c as string)]);
    const sum = sums.get(o.Id as string);
    if (sum !== undefined) expect(Math.round(sum * 100) / 100).toBe(o.Amount);
  }
}, 120_000);
