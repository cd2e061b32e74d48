/**
 * `sf data query` against the local org, in every output form: the human table, `--json`, `-r csv`,
 * `--all-rows` (queryAll, deleted records included), aggregates with and without aliases, parent
 * relationship fields and child subqueries. The CLI asks the org for `columns=true` metadata to lay out
 * its table and CSV, so each form checks that the columns come out named and filled as in an org.
 * Also `sf org list limits`, and `sf org open`, which the local org refuses at once. The CLI runs with its
 * own HOME and no telemetry, as in sf-cli.test.ts.
 */
import { startTestOrg, type TestOrg } from '../support/localorg';
import { SfCli, type SfJson } from '../support/sf-cli';

jest.setTimeout(180_000);

let t: TestOrg;
const cli = new SfCli({ timeoutMs: 90_000 });
const sf = (args: string[]): ReturnType<SfCli['run']> => cli.run(args);
const json = (args: string[]): Promise<SfJson> => cli.json(args);

const query = (soql: string, ...more: string[]): string[] => [
  'data',
  'query',
  '--query',
  soql,
  '--target-org',
  'localorg',
  ...more,
];

beforeAll(async () => {
  t = await startTestOrg();
  const accounts = await t.conn.sobject('Account').create([
    { Name: 'Alpha Corp', Industry: 'Technology' },
    { Name: 'Beta, Inc.', Industry: 'Technology' },
    { Name: 'Gamma Ltd', Industry: 'Energy' },
  ]);
  const ids = accounts.map((r) => (r.success ? r.id : ''));
  await t.conn.sobject('Contact').create([
    { LastName: 'Ames', AccountId: ids[0] },
    { LastName: 'Baker', AccountId: ids[0] },
    { LastName: 'Cole', AccountId: ids[2] },
  ]);
  const doomed = await t.conn.sobject('Account').create({ Name: 'Deleted Co', Industry: 'Energy' });
  if (doomed.success) await t.conn.sobject('Account').destroy(doomed.id);
  expect((await cli.login(t.org)).status).toBe(0);
});

afterAll(async () => {
  await t.close();
  cli.close();
});

it('prints the human table with relationship columns and the record count', async () => {
  const { code, stdout } = await sf(query('SELECT Name, Industry, Owner.Name FROM Account ORDER BY Name'));
  expect(code).toBe(0);
  for (const header of ['NAME', 'INDUSTRY', 'OWNER.NAME']) expect(stdout).toContain(header);
  for (const name of ['Alpha Corp', 'Beta, Inc.', 'Gamma Ltd']) expect(stdout).toContain(name);
  expect(stdout).not.toContain('Deleted Co');
  // The owner's name is read through the Owner column's joinColumns.
  const owner = await t.conn.query<{ Name: string }>(`SELECT Name FROM User WHERE Id = '${t.org.adminUserId}'`);
  expect(stdout).toContain(owner.records[0].Name);
  expect(stdout).toMatch(/Total number of records retrieved: 3\./);
});

it('answers --json with the query result', async () => {
  const out = await json(query("SELECT Id, Name FROM Account WHERE Industry = 'Technology' ORDER BY Name"));
  expect(out.status).toBe(0);
  expect(out.result).toMatchObject({
    totalSize: 2,
    done: true,
    records: [
      { attributes: { type: 'Account' }, Name: 'Alpha Corp' },
      { attributes: { type: 'Account' }, Name: 'Beta, Inc.' },
    ],
  });
});

it('writes CSV with parent fields and child subqueries flattened', async () => {
  const { code, stdout } = await sf(
    query(
      'SELECT Name, Owner.Name, (SELECT LastName FROM Contacts ORDER BY LastName) FROM Account ORDER BY Name',
      '-r',
      'csv',
    ),
  );
  expect(code).toBe(0);
  const lines = stdout.trim().split('\n');
  expect(lines[0]).toBe(
    'Name,Owner.Name,Contacts.totalSize,Contacts.records.0.LastName,Contacts.totalSize,Contacts.records.1.LastName',
  );
  expect(lines).toHaveLength(4);
  expect(lines[1]).toMatch(/^Alpha Corp,[^,]+,2,Ames,2,Baker$/);
  // A value with the separator is quoted; an account without contacts has empty child columns.
  expect(lines[2]).toMatch(/^"Beta, Inc\.",[^,]+,,,,$/);
  expect(lines[3]).toMatch(/^Gamma Ltd,[^,]+,1,Cole,1,$/);
});

it('includes deleted records with --all-rows', async () => {
  const { code, stdout } = await sf(
    query('SELECT Name, IsDeleted FROM Account ORDER BY Name', '--all-rows', '-r', 'csv'),
  );
  expect(code).toBe(0);
  const lines = stdout.trim().split('\n');
  expect(lines[0]).toBe('Name,IsDeleted');
  expect(lines).toContain('Deleted Co,true');
  expect(lines).toContain('Alpha Corp,false');
  expect(lines).toHaveLength(5);
});

it('shows aggregates by alias and by their expression', async () => {
  // The human table titles an aliased aggregate by its alias (columnName) and reads the alias key.
  const aliased = await sf(query('SELECT Industry, COUNT(Id) total FROM Account GROUP BY Industry ORDER BY Industry'));
  expect(aliased.code).toBe(0);
  expect(aliased.stdout).toContain('TOTAL');
  expect(aliased.stdout).toMatch(/Energy\s+│\s+1\b/);
  expect(aliased.stdout).toMatch(/Technology\s+│\s+2\b/);
  // Without aliases the CLI titles a column by its expression (displayName) and fills it from expr0, expr1.
  const unnamed = await sf(
    query('SELECT Industry, COUNT(Id), MAX(Name) FROM Account GROUP BY Industry ORDER BY Industry', '-r', 'csv'),
  );
  expect(unnamed.code).toBe(0);
  expect(unnamed.stdout.trim().split('\n')).toEqual([
    'Industry,COUNT(Id),MAX(Name)',
    'Energy,1,Gamma Ltd',
    'Technology,2,"Beta, Inc."',
  ]);
  const counted = await json(query('SELECT COUNT() FROM Account'));
  expect(counted.result).toMatchObject({ totalSize: 3, records: [] });
});

it('reports a bad query with the org error', async () => {
  const out = await json(query('SELECT Nope__c FROM Account'));
  expect(out.status).toBe(1);
  expect(JSON.stringify(out)).toContain('INVALID_FIELD');
});

it('lists the org limits with sf org list limits', async () => {
  const out = await json(['org', 'list', 'limits', '--target-org', 'localorg']);
  expect(out.status).toBe(0);
  const limits = out.result as unknown as { name: string; max: number; remaining: number }[];
  const byName = new Map(limits.map((l) => [l.name, l]));
  for (const name of [
    'DailyApiRequests',
    'DataStorageMB',
    'FileStorageMB',
    'DailyBulkApiBatches',
    'DailyBulkV2QueryJobs',
  ]) {
    expect(byName.get(name)).toEqual({ name, max: expect.any(Number), remaining: expect.any(Number) });
  }
  expect(byName.get('DataStorageMB')?.max).toBe(200);
  const api = byName.get('DailyApiRequests');
  expect(api && api.remaining < api.max).toBe(true);
});

it('answers sf org open with the not-supported error, at once', async () => {
  const started = Date.now();
  const out = await json(['org', 'open', '--url-only', '--target-org', 'localorg']);
  expect(out.status).toBe(1);
  expect(JSON.stringify(out)).toMatch(/not supported by the local org/);
  expect(Date.now() - started).toBeLessThan(60_000);
});
