/**
 * Local org benchmarks: the SOQL engine through the REST API against the same work done directly in SQL
 * on the same database (the limit), page latency, and 200-record collection inserts against direct inserts.
 */
import type { Connection } from 'jsforce';
import { makeId } from '@partner-planning/localorg/internal';
import type { BenchOrg } from './org-process';
import { percentile, round, time } from './stats';

export interface LocalOrgBench {
  opportunities: number;
  groupBySum: { apiMs: number; sqlMs: number; ratio: number };
  page2000: { p50Ms: number; p95Ms: number };
  /** The first 2000-row page of an ORDER BY query against the same page without ORDER BY. */
  orderedFirstPage: { orderedP50Ms: number; unorderedP50Ms: number; ratio: number };
  collectionInsert200: { apiP50Ms: number; apiP95Ms: number; sqlP50Ms: number; ratio: number };
}

/** Inserts `count` opportunities across `partners` partner accounts straight into storage (setup, not measured). */
export function loadOpportunities(org: BenchOrg, count: number, partners: number): void {
  const storage = org.storage;
  const account = storage.schema.objects.get('Account');
  const opportunity = storage.schema.objects.get('Opportunity');
  if (!account || !opportunity) throw new Error('the model has no Account or Opportunity');
  const now = new Date().toISOString();
  const audit = {
    IsDeleted: 0,
    CreatedDate: now,
    LastModifiedDate: now,
    SystemModstamp: now,
    CreatedById: org.adminUserId,
    LastModifiedById: org.adminUserId,
    OwnerId: org.adminUserId,
  };
  const partnerIds = storage.nextIds(account, partners);
  const stages = ['Prospecting', 'Closed Won', 'Closed Lost', 'Negotiation/Review'];
  storage.db.transaction(() => {
    partnerIds.forEach((Id, i) =>
      storage.insertRow(account, { Id, Name: `Bench Partner ${i}`, Partner_Type__c: 'Reseller', ...audit }),
    );
    const ids = storage.nextIds(opportunity, count);
    ids.forEach((Id, i) => {
      const stage = stages[i % stages.length];
      const month = 1 + (i % 12);
      storage.insertRow(opportunity, {
        Id,
        Name: `Bench Opportunity ${i}`,
        StageName: stage,
        CloseDate: `2026-${String(month).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
        Amount: 1000 + ((i * 7919) % 100000),
        Probability: stage === 'Closed Won' ? 100 : 10,
        IsClosed: stage.startsWith('Closed') ? 1 : 0,
        IsWon: stage === 'Closed Won' ? 1 : 0,
        ForecastCategoryName: 'Pipeline',
        Partner_Account__c: partnerIds[i % partners],
        ...audit,
      });
    });
  })();
}

export async function benchLocalOrg(
  org: BenchOrg,
  conn: Connection,
  opportunities: number,
  repeat: number,
): Promise<LocalOrgBench> {
  const soql =
    'SELECT Partner_Account__c, SUM(Amount) total FROM Opportunity WHERE IsWon = true AND Partner_Account__c != null GROUP BY Partner_Account__c';
  const sql = `SELECT "Partner_Account__c", SUM("Amount") AS total FROM "Opportunity" WHERE "IsDeleted" = 0 AND "IsWon" = 1 AND "Partner_Account__c" IS NOT NULL GROUP BY "Partner_Account__c"`;
  const direct = org.storage.db.prepare(sql);
  const api = await time(() => conn.query(soql), repeat);
  const raw = await time(() => direct.all(), repeat);

  // Page latency: the first page of a large result, then pages through the query locator.
  const pages: number[] = [];
  for (let r = 0; r < repeat; r++) {
    let start = process.hrtime.bigint();
    let page = await conn.request<{ nextRecordsUrl?: string; done: boolean }>(
      `/services/data/v${conn.version}/query?q=${encodeURIComponent('SELECT Id, Name, Amount, CloseDate, StageName, Partner_Account__r.Name FROM Opportunity')}`,
    );
    pages.push(Number(process.hrtime.bigint() - start) / 1e6);
    for (let i = 0; i < 5 && page.nextRecordsUrl; i++) {
      const next = page.nextRecordsUrl;
      start = process.hrtime.bigint();
      page = await conn.request(next);
      pages.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  }

  // First pages only, ordered and unordered in turn: an ORDER BY must not list every match first.
  const columns = 'SELECT Id, Name, Amount, CloseDate, StageName, Partner_Account__r.Name FROM Opportunity';
  const firstPage = async (soql: string, into: number[]) => {
    const start = process.hrtime.bigint();
    await conn.request(`/services/data/v${conn.version}/query?q=${encodeURIComponent(soql)}`);
    into.push(Number(process.hrtime.bigint() - start) / 1e6);
  };
  const unorderedFirst: number[] = [];
  const orderedFirst: number[] = [];
  for (let r = 0; r < repeat; r++) {
    await firstPage(columns, unorderedFirst);
    await firstPage(`${columns} ORDER BY CloseDate DESC`, orderedFirst);
  }

  // 200-record collection inserts through the API against the same rows inserted directly.
  let batch = 0;
  const records = () =>
    Array.from({ length: 200 }, (_, i) => ({
      Name: `Bench ${batch}-${i}`,
      StageName: 'Prospecting',
      CloseDate: '2026-06-30',
      Amount: 1000 + i,
    }));
  const apiInsert = await time(async () => {
    batch++;
    await conn.sobject('Opportunity').create(records(), { allOrNone: true });
  }, repeat);
  const opportunity = org.storage.schema.objects.get('Opportunity');
  if (!opportunity) throw new Error('no Opportunity');
  let counter = 10_000_000;
  const now = new Date().toISOString();
  const sqlInsert = await time(() => {
    org.storage.db.transaction(() => {
      for (const r of records()) {
        org.storage.insertRow(opportunity, {
          ...r,
          Id: makeId('006', counter++, '9'),
          IsDeleted: 0,
          IsClosed: 0,
          IsWon: 0,
          CreatedDate: now,
          LastModifiedDate: now,
          SystemModstamp: now,
        });
      }
    })();
  }, repeat);

  const apiMs = percentile(api, 50);
  const sqlMs = percentile(raw, 50);
  return {
    opportunities,
    groupBySum: { apiMs: round(apiMs), sqlMs: round(sqlMs), ratio: round(apiMs / sqlMs) },
    page2000: { p50Ms: round(percentile(pages, 50)), p95Ms: round(percentile(pages, 95)) },
    orderedFirstPage: {
      orderedP50Ms: round(percentile(orderedFirst, 50)),
      unorderedP50Ms: round(percentile(unorderedFirst, 50)),
      ratio: round(percentile(orderedFirst, 50) / percentile(unorderedFirst, 50)),
    },
    collectionInsert200: {
      apiP50Ms: round(percentile(apiInsert, 50)),
      apiP95Ms: round(percentile(apiInsert, 95)),
      sqlP50Ms: round(percentile(sqlInsert, 50)),
      ratio: round(percentile(apiInsert, 50) / percentile(sqlInsert, 50)),
    },
  };
}
