/**
 * The real Salesforce CLI's `sf data search` against the local org, logged in with the admin's access token:
 * JSON output (the org's `{ searchRecords }` as the CLI's result), the human table, and CSV files (one per
 * object, written to the working folder), plus a malformed search failing with the org's error. The CLI runs
 * with its own HOME and working folder and no telemetry.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from '../../packages/model';
import { startTestOrg, type TestOrg } from '../support/localorg';

const run = promisify(execFile);
const SF = join(REPO_ROOT, 'node_modules', '.bin', 'sf');

jest.setTimeout(180_000);

let t: TestOrg;
let home: string;
const ids: Record<string, string> = {};

/** Runs `sf` in its own HOME and working folder; resolves to its output and exit code, even when it fails. */
async function sf(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string }> {
  const options = {
    cwd: home,
    env: {
      PATH: `${join(REPO_ROOT, 'node_modules', '.bin')}${delimiter}${process.env.PATH ?? ''}`,
      HOME: home,
      SF_DISABLE_TELEMETRY: 'true',
      SF_AUTOUPDATE_DISABLE: 'true',
      ...env,
    },
    maxBuffer: 10 * 1024 * 1024,
    timeout: 120_000,
  };
  try {
    return { code: 0, stdout: (await run(SF, args, options)).stdout };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string };
    if (failed.stdout === undefined) throw error;
    return { code: typeof failed.code === 'number' ? failed.code : 1, stdout: failed.stdout };
  }
}

beforeAll(async () => {
  t = await startTestOrg();
  home = mkdtempSync(join(tmpdir(), 'localorg-sf-search-'));
  ids.account = (await t.conn.sobject('Account').create({ Name: 'Cyberdyne Systems', Phone: '555-0142' })).id!;
  ids.contact = (
    await t.conn.sobject('Contact').create({ LastName: 'Dyson', FirstName: 'Miles', Email: 'miles@cyberdyne.example' })
  ).id!;
  const login = await sf(
    [
      'org',
      'login',
      'access-token',
      '--instance-url',
      t.org.instanceUrl,
      '--alias',
      'localorg',
      '--no-prompt',
      '--json',
    ],
    { SF_ACCESS_TOKEN: t.org.accessToken },
  );
  expect(login.code).toBe(0);
});
afterAll(async () => {
  await t.close();
  rmSync(home, { recursive: true, force: true });
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
