/**
 * `npm run org -- --partner-licenses N`: the Partner Community licence count, kept by the data folder for later
 * starts; and a data folder's roles without groups (an older folder) get them at the next start.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Connection } from 'jsforce';
import { compileSchema } from '../../packages/localorg/schema';
import { quoteIdent } from '../../packages/localorg/sql';
import { loadForceApp, REPO_ROOT } from '../../packages/model';
import { API_VERSION, orgDetailsOf } from '../support/localorg';
import { runOrgCli } from '../support/org-cli';

jest.setTimeout(90_000);

const connect = (line: string | undefined): Connection =>
  new Connection({ ...orgDetailsOf(line ?? '', 'the org CLI line'), version: API_VERSION });

async function partnerLicenses(conn: Connection): Promise<number> {
  const result = await conn.query<{ TotalLicenses: number }>(
    "SELECT TotalLicenses FROM UserLicense WHERE Name = 'Partner Community'",
  );
  return result.records[0].TotalLicenses;
}

it('sets the partner licences, keeps them in the data folder, and backfills role groups at start', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'localorg-partners-'));
  try {
    const first = await runOrgCli(['--port', '0', '--data', dir, '--json', '--partner-licenses', '7']);
    const conn = connect(first.line);
    expect(await partnerLicenses(conn)).toBe(7);
    const role = (await conn.sobject('UserRole').create({ Name: 'Older Role' })).id!;
    await first.stop();
    // An older data folder: the role has no groups.
    const groups = compileSchema(loadForceApp({ root: REPO_ROOT })).objects.get('Group')!;
    const db = new Database(join(dir, 'org.sqlite'));
    db.prepare(`DELETE FROM ${quoteIdent(groups.table)} WHERE "RelatedId" = ?`).run(role);
    db.close();
    const again = await runOrgCli(['--port', '0', '--data', dir, '--json']);
    const conn2 = connect(again.line);
    expect(await partnerLicenses(conn2)).toBe(7);
    const types = await conn2.query<{ Type: string }>(
      `SELECT Type FROM Group WHERE RelatedId = '${role}' ORDER BY Type`,
    );
    expect(types.records.map((g) => g.Type)).toEqual(['Role', 'RoleAndSubordinates', 'RoleAndSubordinatesInternal']);
    await again.stop();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

it('refuses a licence count that is not a whole number', async () => {
  const run = await runOrgCli(['--port', '0', '--data', ':memory:', '--partner-licenses', 'many']);
  expect(run.code).not.toBe(0);
  expect(run.stderr).toContain('--partner-licenses');
});
