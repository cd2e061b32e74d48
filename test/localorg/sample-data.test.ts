/**
 * A scratch org's sample data (`"hasSampleData": true` in the scratch definition): the classic accounts with
 * their contacts, opportunities and open leads, loaded once into a new org, through the write path (audit
 * fields, owner), asked for by option or by the project's config/project-scratch-def.json; never loaded twice.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOCALORG_FIXTURE, startTestOrg } from '../support/localorg';

const temporary: string[] = [];
const tempDir = (prefix: string): string => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temporary.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

it('loads the sample accounts, contacts, opportunities and leads, owned by the admin', async () => {
  const t = await startTestOrg({ sampleData: true });
  try {
    const accounts = await t.conn.query<{ Name: string; OwnerId: string; Industry: string }>(
      'SELECT Name, OwnerId, Industry FROM Account ORDER BY Name',
    );
    expect(accounts.totalSize).toBe(12);
    expect(accounts.records.map((a) => a.Name)).toContain('Edge Communications');
    expect(new Set(accounts.records.map((a) => a.OwnerId))).toEqual(new Set([t.org.adminUserId]));
    expect(accounts.records.find((a) => a.Name === 'GenePoint')?.Industry).toBe('Biotechnology');
    const burlington = await t.conn.query<{ BillingCity: string; Fax: string; AccountNumber: string }>(
      "SELECT BillingCity, Fax, AccountNumber FROM Account WHERE Name = 'Burlington Textiles Corp of America'",
    );
    expect(burlington.records[0]).toMatchObject({
      BillingCity: 'Burlington',
      Fax: '(336) 222-8000',
      AccountNumber: 'CD656092',
    });

    const edge = await t.conn.query<{ Name: string; Contacts: { totalSize: number } | null }>(
      "SELECT Name, (SELECT LastName FROM Contacts) FROM Account WHERE Name = 'Edge Communications'",
    );
    expect(edge.records[0].Contacts?.totalSize).toBe(2);
    const won = await t.conn.query('SELECT COUNT() FROM Opportunity WHERE IsWon = true');
    expect(won.totalSize).toBeGreaterThan(10);
    const open = await t.conn.query('SELECT COUNT() FROM Opportunity WHERE IsClosed = false');
    expect(open.totalSize).toBeGreaterThan(10);
    expect((await t.conn.query('SELECT COUNT() FROM Lead WHERE IsConverted = false')).totalSize).toBe(22);
  } finally {
    await t.close();
  }
});

it('starts empty without sample data, as this project asks', async () => {
  const t = await startTestOrg();
  try {
    expect((await t.conn.query('SELECT COUNT() FROM Account')).totalSize).toBe(0);
  } finally {
    await t.close();
  }
});

it("follows the project's scratch definition and loads the data only once per data folder", async () => {
  const project = tempDir('sample-project-');
  cpSync(LOCALORG_FIXTURE, project, { recursive: true });
  mkdirSync(join(project, 'config'));
  writeFileSync(
    join(project, 'config', 'project-scratch-def.json'),
    JSON.stringify({ orgName: 'Sample', edition: 'Developer', hasSampleData: true }),
  );
  const data = tempDir('sample-data-');
  const first = await startTestOrg({ forceAppRoot: project, data });
  try {
    expect((await first.conn.query('SELECT COUNT() FROM Account')).totalSize).toBe(12);
    const gene = await first.conn.query<{ Id: string }>("SELECT Id FROM Account WHERE Name = 'GenePoint'");
    // A deleted sample record stays deleted: the data is not loaded again on the next start.
    await first.conn.sobject('Account').destroy(gene.records[0].Id);
  } finally {
    await first.close();
  }
  const second = await startTestOrg({ forceAppRoot: project, data });
  try {
    expect((await second.conn.query('SELECT COUNT() FROM Account')).totalSize).toBe(11);
  } finally {
    await second.close();
  }
});
