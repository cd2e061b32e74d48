/**
 * The real Salesforce CLI's `sf data search` against the local org, logged in with the admin's access token:
 * JSON output (the org's `{ searchRecords }` as the CLI's result), the human table, and CSV files (one per
 * object, written to the working folder), plus a malformed search failing with the org's error. The CLI runs
 * with its own HOME and working folder and no telemetry.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestOrg, type TestOrg } from '../support/localorg';
import { SfCli } from '../support/sf-cli';

jest.setTimeout(180_000);

let t: TestOrg;
// The CLI writes its CSV files to its working folder: its own HOME.
const cli = new SfCli({ cwd: 'home' });
const home = cli.home;
const ids: Record<string, string> = {};
const sf = (args: string[]): ReturnType<SfCli['run']> => cli.run(args);

beforeAll(async () => {
  t = await startTestOrg();
  ids.account = (await t.conn.sobject('Account').create({ Name: 'Cyberdyne Systems', Phone: '555-0142' })).id!;
  ids.contact = (
    await t.conn.sobject('Contact').create({ LastName: 'Dyson', FirstName: 'Miles', Email: 'miles@cyberdyne.example' })
  ).id!;
  expect((await cli.login(t.org)).status).toBe(0);
});
afterAll(async () => {
  await t.close();
  cli.close();
});

const SOSL = 'FIND {cyberdyne} RETURNING Account(Name, Phone), Contact(Name, Email)';

it('prints the search result as JSON', async () => {
  const { code, stdout } = await sf(['data', 'search', '--query', SOSL, '--target-org', 'localorg', '--json']);
  expect(code).toBe(0);
  const output = JSON.parse(stdout) as { status: number; result: { searchRecords: Record<string, unknown>[] } };
  expect(output.status).toBe(0);
  expect(output.result.searchRecords).toEqual([
    expect.objectContaining({
      attributes: expect.objectContaining({ type: 'Account' }),
      Name: 'Cyberdyne Systems',
      Phone: '555-0142',
    }),
    expect.objectContaining({
      attributes: expect.objectContaining({ type: 'Contact' }),
      Name: 'Miles Dyson',
      Email: 'miles@cyberdyne.example',
    }),
  ]);
});

it('prints a table per object, and writes one CSV file per object', async () => {
  const human = await sf(['data', 'search', '--query', SOSL, '--target-org', 'localorg']);
  expect(human.code).toBe(0);
  expect(human.stdout).toContain('Cyberdyne Systems');
  expect(human.stdout).toContain('miles@cyberdyne.example');

  const csv = await sf(['data', 'search', '--query', SOSL, '--target-org', 'localorg', '--result-format', 'csv']);
  expect(csv.code).toBe(0);
  expect(csv.stdout).toContain('Written to Account.csv');
  expect(readFileSync(join(home, 'Account.csv'), 'utf8').split(/\r?\n/)).toEqual([
    'Name,Phone',
    'Cyberdyne Systems,555-0142',
  ]);
  expect(readFileSync(join(home, 'Contact.csv'), 'utf8').split(/\r?\n/)).toEqual([
    'Name,Email',
    'Miles Dyson,miles@cyberdyne.example',
  ]);
});

it("fails a malformed search with the org's error", async () => {
  const { code, stdout } = await sf([
    'data',
    'search',
    '--query',
    'FIND cyberdyne',
    '--target-org',
    'localorg',
    '--json',
  ]);
  expect(code).not.toBe(0);
  const output = JSON.parse(stdout) as { name: string; message: string };
  expect(output.name).toBe('MALFORMED_SEARCH');
  expect(output.message).toContain('No search term found. The search term must be enclosed in braces.');
});
