/**
 * The benchmark's own machinery: the local org in a process of its own (memory measured apart from its
 * clients, the database shared with the references), the seed measured both ways with the same records,
 * the direct-insert reference copying exactly the rows the API wrote, and the command line.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Connection } from 'jsforce';
import { API_VERSION, REPO_ROOT } from '../../packages/model';
import { dataPath } from '../support/localorg';
import { withOrgProcess } from '../../bench/org-process';
import { directInsertsOfSeededRows, seedThroughApi, withSession, type SeedWay } from '../../bench/seed';
import { percentile } from '../../bench/stats';
import { NATURAL_KEYS } from '../../packages/jobs/seed/natural-keys';
import { parseScale } from '../../packages/jobs/seed/scales';

jest.setTimeout(120_000);

describe('percentile', () => {
  it('takes the nearest-rank value of unsorted samples', () => {
    const samples = [50, 10, 40, 20, 30, 100, 90, 80, 70, 60];
    expect(percentile(samples, 50)).toBe(50);
    expect(percentile(samples, 95)).toBe(100);
    expect(percentile(samples, 0)).toBe(10);
    expect(percentile([7], 95)).toBe(7);
  });
});

describe('the local org in its own process', () => {
  it('serves the API over the database this process reads, reports its own peak memory, and is removed after', async () => {
    let dataFile = '';
    let childPeak = 0;
    await withOrgProcess(async (org) => {
      const conn = new Connection({ instanceUrl: org.instanceUrl, accessToken: org.accessToken, version: API_VERSION });
      const created = await conn.sobject('Account').create({ Name: 'Bench check', Partner_Type__c: 'Reseller' });
      expect(created.success).toBe(true);
      const row = org.storage.db.prepare('SELECT "Name", "OwnerId" FROM "Account" WHERE "Id" = ?').get(created.id);
      expect(row).toEqual({ Name: 'Bench check', OwnerId: org.adminUserId });
      childPeak = await org.peakRssMb();
      dataFile = org.storage.db.name;
    });
    // The org process has its own heap, schema and server: tens of MB at least, but not this (jest) process.
    expect(childPeak).toBeGreaterThan(30);
    expect(childPeak).toBeLessThan(Math.round(process.resourceUsage().maxRSS / 1024) * 4);
    expect(existsSync(dirname(dataFile))).toBe(false);
  });

  it('answers a client that blocked its event loop past the default keep-alive, on its idle connection', async () => {
    await withOrgProcess(async (org) => {
      const conn = new Connection({ instanceUrl: org.instanceUrl, accessToken: org.accessToken, version: API_VERSION });
      for (let i = 0; i < 3; i++) expect((await conn.query('SELECT Id FROM User')).totalSize).toBe(1);
      // Busy for 6 s, as a script computing between requests: the client cannot see a close meanwhile.
      const until = Date.now() + 6_000;
      while (Date.now() < until);
      const count = await conn.request<{ totalSize: number }>(
        dataPath(`/query?q=${encodeURIComponent('SELECT Id FROM User')}`),
      );
      expect(count.totalSize).toBe(1);
    });
  });
});

describe('the seed benchmark', () => {
  it('writes the same records through Bulk API 2.0 and collections, and the direct reference inserts exactly those rows', async () => {
    const scale = parseScale('small');
    const seeded = async (way: SeedWay) =>
      withOrgProcess((org) =>
        withSession(org, async (session) => {
          const { run, report } = await seedThroughApi(session, scale, '2026-11-25', way, false);
          const direct = directInsertsOfSeededRows(org, report);
          // Records that went through Bulk API 2.0 ingest jobs, as the org reports them.
          const api = dataPath('/jobs/ingest');
          const jobs = (await session.conn.request<{ records: { id: string }[] }>(api)).records;
          let bulkRecords = 0;
          for (const job of jobs)
            bulkRecords += (await session.conn.request<{ numberRecordsProcessed: number }>(`${api}/${job.id}`))
              .numberRecordsProcessed;
          return { run, report, direct, bulkRecords };
        }),
      );
    const bulk = await seeded('bulk');
    const collections = await seeded('collections');
    expect(bulk.run.failures).toBe(0);
    expect(collections.run.failures).toBe(0);
    expect(bulk.report.objects).toEqual(collections.report.objects);
    expect(bulk.run.records).toBeGreaterThan(1000);
    expect(collections.run.records).toBe(bulk.run.records);
    expect(bulk.direct.records).toBe(bulk.run.records);
    // Every level of more than one record went through an ingest job but two kinds, written through collections:
    // plan shares (the seed's Manual ones and the access job's, reported under the share object and its reason),
    // and the standard records without External_Key__c (leads, campaigns, tasks...), found again by their
    // natural keys, whose ingest results could not be matched back to them (results come in no set order), and
    // the leads converted through convertLead.
    const throughCollections = Object.entries(bulk.report.objects)
      .filter(([key]) => key.startsWith('Partner_Account_Plan__Share') || key.split(' ')[0] in NATURAL_KEYS)
      .reduce((sum, [, stats]) => sum + stats.created + stats.updated, 0);
    expect(throughCollections).toBeGreaterThan(500);
    expect(bulk.bulkRecords).toBeGreaterThanOrEqual(bulk.run.records - throughCollections - 10);
    expect(collections.bulkRecords).toBe(0);
    expect(collections.run.apiRequests).toBeGreaterThan(collections.run.records / 200);
  });
});

describe('npm run bench command line', () => {
  const bench = (args: string[], env: NodeJS.ProcessEnv = {}) =>
    spawnSync(join(REPO_ROOT, 'node_modules', '.bin', 'tsx'), [join(REPO_ROOT, 'bench', 'run.ts'), ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env },
      encoding: 'utf8',
      timeout: 60_000,
    });

  it('lists its options', () => {
    const result = bench(['--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/--quick[\s\S]*--only <parts>[\s\S]*--json/);
  });

  it('says there is no Chromium before measuring anything, when the components part is to run', () => {
    const result = bench(['--json'], { CHROMIUM_PATH: '/nonexistent/chromium' });
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({
      status: 1,
      message:
        "No Chromium at /nonexistent/chromium: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH to a Chromium executable.",
    });
  });

  it('refuses an unknown part as sf-style JSON before measuring anything', () => {
    const result = bench(['--only', 'scripts,gpu', '--json']);
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({
      status: 1,
      message: '--only takes a comma-separated list of localorg, scripts, components; unknown: "gpu"',
    });
  });
});
