/**
 * "No metric shows zero without a reason": after seeding the small scale into a local org, every active metric
 * of the catalog, aggregated over all the seeded data per partner as the metric defines it (source object,
 * aggregate, value field, filter, partner path; a ratio from its two metrics), is positive for at least one
 * partner. The exceptions name their reason.
 */
import { runSeed } from '../../packages/jobs/seed';
import type { SeedReport } from '../../packages/jobs/seed/load';
import { parseScale } from '../../packages/jobs/seed/scales';
import { toIso } from '../../packages/jobs/periods';
import { readCatalog, type MetricDefinition } from '../../packages/jobs/rollup/catalog';
import type { OrgSession } from '../../packages/jobs/connection';
import { grantAuditFields, startTestOrg, type TestOrg } from '../support/localorg';
import { quietProgress, scriptSession } from '../support/scripts';

/**
 * Metrics that read zero (or less) on seeded data, and why. None: the seed sets realistic creation dates (the
 * local org takes them once the running admin holds Set Audit Fields upon Record Creation).
 */
const NOT_POSITIVE_FOR_A_REASON: Record<string, string> = {};

/** The cycle-time metrics, measured from CreatedDate: positive and plausible (under eight months) for every partner. */
const CYCLE_TIMES = ['Average_Sales_Cycle', 'Lead_To_Opportunity_Time'];

/** Per partner Id, the metric's value over all the data. */
async function valuesOf(
  session: OrgSession,
  metric: MetricDefinition,
  catalog: Map<string, MetricDefinition>,
): Promise<Map<string, number>> {
  if (metric.aggregate === 'RATIO') {
    const numerator = catalog.get(metric.numerator ?? '');
    const denominator = catalog.get(metric.denominator ?? '');
    if (!numerator || !denominator) throw new Error(`${metric.name}: ratio of unknown metrics`);
    const [num, den] = [await valuesOf(session, numerator, catalog), await valuesOf(session, denominator, catalog)];
    return new Map([...den].filter(([, d]) => d !== 0).map(([partner, d]) => [partner, (num.get(partner) ?? 0) / d]));
  }
  const value =
    metric.aggregate === 'COUNT'
      ? 'COUNT(Id)'
      : metric.aggregate === 'COUNT_DISTINCT'
        ? `COUNT_DISTINCT(${metric.valueField})`
        : `${metric.aggregate}(${metric.valueField})`;
  const where = [`${metric.partnerPath} != null`, ...(metric.filter?.trim() ? [`(${metric.filter})`] : [])];
  const result = await session.conn.query<{ p: string; v: number | null }>(
    `SELECT ${metric.partnerPath} p, ${value} v FROM ${metric.sourceObject} WHERE ${where.join(' AND ')} GROUP BY ${metric.partnerPath}`,
  );
  return new Map(result.records.map((r) => [r.p, Number(r.v ?? 0)]));
}

describe('the seeded small scale', () => {
  let t: TestOrg;
  let session: OrgSession;
  let report: SeedReport;
  beforeAll(async () => {
    t = await startTestOrg({ auditFields: true });
    await grantAuditFields(t);
    session = await scriptSession(t);
    const run = { scale: parseScale('small'), seed: 42, asOf: toIso(new Date()), partnersPerChunk: 5 };
    report = await runSeed(session, { ...run, progress: quietProgress() });
  }, 120_000);
  afterAll(async () => {
    await session.close();
    await t.close();
  });

  it('loads every programme record type without failures', () => {
    expect(report.failures).toEqual([]);
    for (const sobject of ['Partner_Credential__c', 'Lead', 'Campaign', 'CampaignMember', 'Task', 'Event'])
      expect(report.objects[sobject]?.created).toBeGreaterThan(0);
    for (const sobject of ['OpportunityLineItem', 'Fund_Allocation__c', 'Fund_Request__c', 'Fund_Claim__c'])
      expect(report.objects[sobject]?.created).toBeGreaterThan(0);
    expect(report.objects['Lead (converted)']?.updated).toBeGreaterThan(0);
  });

  it('gives every active metric of the catalog a positive value for some partner', async () => {
    const catalog = await readCatalog(session);
    expect(catalog.size).toBeGreaterThan(25);
    const notPositive: string[] = [];
    for (const metric of catalog.values()) {
      const values = await valuesOf(session, metric, catalog);
      const positive = [...values.values()].some((v) => v > 0);
      // A metric with a reason must still be explained by it.
      if (metric.name in NOT_POSITIVE_FOR_A_REASON) expect([metric.name, positive]).toEqual([metric.name, false]);
      else if (!positive) notPositive.push(metric.name);
    }
    expect(notPositive).toEqual([]);
  }, 60_000);

  it('loads realistic creation dates: the cycle times are positive and plausible for every partner', async () => {
    expect(report.notes.filter((n) => n.includes('CreatedDate'))).toEqual([]);
    // Pipeline created, leads sourced and campaign members counted in earlier quarters, not only today.
    for (const sobject of ['Opportunity', 'Lead', 'CampaignMember']) {
      const older = await session.conn.query(`SELECT COUNT() FROM ${sobject} WHERE CreatedDate < LAST_N_DAYS:30`);
      expect([sobject, older.totalSize > 0]).toEqual([sobject, true]);
    }
    const catalog = await readCatalog(session);
    for (const name of CYCLE_TIMES) {
      const metric = catalog.get(name);
      if (!metric) throw new Error(`${name} is not in the catalog`);
      const values = [...(await valuesOf(session, metric, catalog)).values()];
      expect([name, values.length > 0]).toEqual([name, true]);
      for (const v of values) expect([name, v > 0 && v < 240]).toEqual([name, true]);
    }
  });
});
