/**
 * The scripts under injected faults (20% of written records refused with UNABLE_TO_LOCK_ROW, 10% of requests
 * answered 503): the small seed, through sObject Collections and through Bulk API 2.0 with a low threshold,
 * ends with exactly the records of a run without faults and reports no failure; the rollup then writes
 * exactly the same values. Records are compared by external key, references by what they point at, since
 * Ids and auto numbers follow the order records happened to be created in.
 */
import type { Connection } from 'jsforce';
import { seededRandom } from '../../packages/localorg/faults';
import type { RetryPolicy } from '../../packages/jobs/retry';
import { runRollup } from '../../packages/jobs/rollup/engine';
import { runSeed } from '../../packages/jobs/seed';
import type { SeedReport } from '../../packages/jobs/seed/load';
import { parseScale } from '../../packages/jobs/seed/scales';
import { grantAuditFields, startTestOrg, type TestOrg } from '../support/localorg';
import { quietProgress, scriptSession } from '../support/scripts';

jest.setTimeout(180_000);

const AS_OF = '2026-11-25';
const FAULTS = { seed: 20_26, lockRate: 0.2, unavailableRate: 0.1 };
const SEEDED = [
  'Account',
  'Contact',
  'Partner_Account_Plan__c',
  'Plan_Section__c',
  'Plan_Target__c',
  'Opportunity',
  'APR_Action__c',
];
/** Fields that differ between two orgs for the same data: Ids, audit stamps. */
const VOLATILE = new Set([
  'Id',
  'CreatedDate',
  'CreatedById',
  'LastModifiedDate',
  'LastModifiedById',
  'SystemModstamp',
]);

/**
 * Plenty of quick retries (with 20% of records locked, some need several rounds), and short waits, bulk job
 * polls included: the local org answers in milliseconds.
 */
const policy: RetryPolicy = {
  retries: 40,
  baseDelayMs: 1,
  maxDelayMs: 20,
  random: seededRandom(1),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.min(ms, 20))),
};

type Row = Record<string, unknown>;

async function all(conn: Connection, soql: string): Promise<Row[]> {
  return (await conn.query<Row>(soql, { autoFetch: true, maxFetch: 1_000_000 })).records;
}

/** Every seeded record as canonical text, per object: references shown as the key of the record they name. */
async function snapshot(conn: Connection): Promise<Record<string, string[]>> {
  const labels = new Map<string, string>();
  const users = await all(conn, 'SELECT Id, Username FROM User');
  for (const u of users) labels.set(String(u.Id), `User:${String(u.Username).split('@')[0]}`);
  const profiles = await all(conn, 'SELECT Id, Name FROM Profile');
  for (const p of profiles) labels.set(String(p.Id), `Profile:${String(p.Name)}`);
  const tables: { sobject: string; rows: Row[]; references: Set<string>; fields: string[] }[] = [];
  for (const sobject of SEEDED) {
    const describe = await conn.sobject(sobject).describe();
    const kept = describe.fields.filter((f) => !VOLATILE.has(f.name) && !f.autoNumber && !f.calculated);
    const fields = kept.map((f) => f.name);
    const rows = await all(conn, `SELECT Id, ${fields.join(', ')} FROM ${sobject}`);
    for (const r of rows) labels.set(String(r.Id), `${sobject}:${String(r.External_Key__c)}`);
    tables.push({
      sobject,
      rows,
      fields,
      references: new Set(kept.filter((f) => f.type === 'reference').map((f) => f.name)),
    });
  }
  const result: Record<string, string[]> = {};
  for (const { sobject, rows, fields, references } of tables) {
    result[sobject] = rows
      .map((r) =>
        JSON.stringify(
          fields.map((f) => [
            f,
            references.has(f) && r[f] ? (labels.get(String(r[f])) ?? `unknown ${String(r[f])}`) : r[f],
          ]),
        ),
      )
      .sort();
  }
  const seededUsers = await all(
    conn,
    "SELECT Username, FirstName, LastName, Email, Alias, Title, ManagerId, ProfileId, IsActive FROM User WHERE Username LIKE 's42-user-%'",
  );
  result.User = seededUsers
    .map((u) =>
      JSON.stringify({
        ...u,
        attributes: undefined,
        Username: labels.get(String(u.Id)) ?? String(u.Username).split('@')[0],
        ManagerId: u.ManagerId ? labels.get(String(u.ManagerId)) : null,
        ProfileId: labels.get(String(u.ProfileId)),
      }),
    )
    .sort();
  const assignments = await all(conn, 'SELECT AssigneeId, PermissionSet.Name FROM PermissionSetAssignment');
  result.PermissionSetAssignment = assignments
    .map((a) => `${labels.get(String(a.AssigneeId))} ${String((a.PermissionSet as Row | null)?.Name)}`)
    .sort();
  return result;
}

async function seed(t: TestOrg, bulkThreshold: number): Promise<SeedReport> {
  const session = await scriptSession(t);
  try {
    return await runSeed(session, {
      scale: parseScale('small'),
      seed: 42,
      asOf: AS_OF,
      partnersPerChunk: 4,
      progress: quietProgress(),
      bulkThreshold,
      policy,
    });
  } finally {
    await session.close();
  }
}

async function rollup(t: TestOrg) {
  const session = await scriptSession(t);
  try {
    return await runRollup(session, { asOf: AS_OF, dryRun: false, now: '2026-11-25T12:00:00.000Z', policy });
  } finally {
    await session.close();
  }
}

describe.each([
  ['sObject Collections', 0],
  ['Bulk API 2.0 (threshold 40 records)', 40],
])('the seed and the rollup through %s, under faults', (_transport, bulkThreshold) => {
  let clean: TestOrg;
  let faulty: TestOrg;
  let cleanSnapshot: Record<string, string[]>;

  beforeAll(async () => {
    clean = await startTestOrg();
    faulty = await startTestOrg({ faults: FAULTS });
    await Promise.all([grantAuditFields(clean), grantAuditFields(faulty)]);
  });
  afterAll(async () => {
    await clean.close();
    await faulty.close();
  });

  it('seeds exactly the records of a run without faults, and reports no failure', async () => {
    const expected = await seed(clean, bulkThreshold);
    const report = await seed(faulty, bulkThreshold);
    expect(expected.failures).toEqual([]);
    expect(report.failures).toEqual([]);
    // Nothing to note: the products are priced in the org's standard price book, as in any org.
    expect(report.notes).toEqual([]);
    expect(report.objects).toEqual(expected.objects);
    expect(report.users).toEqual(expected.users);
    cleanSnapshot = await snapshot(clean.conn);
    expect(cleanSnapshot.Opportunity.length).toBeGreaterThan(100);
    expect(await snapshot(faulty.conn)).toEqual(cleanSnapshot);
  });

  it('rolls up to exactly the values of a run without faults', async () => {
    const expected = await rollup(clean);
    const report = await rollup(faulty);
    expect(expected.failures).toEqual([]);
    expect(report.failures).toEqual([]);
    expect(report.metrics.filter((m) => m.error)).toEqual([]);
    expect(report.written).toEqual(expected.written);
    expect(expected.written.Plan_Target__c).toBeGreaterThan(0);
    const after = await snapshot(clean.conn);
    expect(after).not.toEqual(cleanSnapshot);
    expect(await snapshot(faulty.conn)).toEqual(after);
  });
});
