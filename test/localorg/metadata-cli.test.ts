/**
 * The real sf CLI deploys to the local org through its Metadata API: this project's force-app deploys (and
 * dry-runs without changing anything), broken fixtures fail with each component's problem and change
 * nothing, a deployed field is queryable at once with the existing records kept, retrieve returns what was
 * deployed, and `sf org list metadata` lists the objects. The org serves a temporary copy of the project,
 * so the repository is never written; the CLI runs a handful of times (it is slow).
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../../packages/model';
import { startTestOrg, type TestOrg } from '../support/localorg';
import { FIXTURES } from '../support/project';
import { SfCli } from '../support/sf-cli';

jest.setTimeout(240_000);

interface DeployJson {
  status: string;
  success: boolean;
  checkOnly: boolean;
  numberComponentErrors: number;
  details: {
    componentFailures?: { componentType: string; fullName: string; problem: string; lineNumber?: number }[];
  };
  files: { type: string; fullName: string; state: string }[];
}

/** Every file under `dir` with its text: what a deploy that must change nothing is compared against. */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (path: string): void => {
    for (const name of readdirSync(path)) {
      const full = join(path, name);
      if (statSync(full).isDirectory()) walk(full);
      else files.set(full, readFileSync(full, 'utf8'));
    }
  };
  walk(dir);
  return files;
}

let project: string;
let org: TestOrg;
let sf: SfCli;
let fixtureSf: SfCli;
let brokenSf: SfCli;
const temp: string[] = [];

beforeAll(async () => {
  project = mkdtempSync(join(tmpdir(), 'localorg-deploy-org-'));
  temp.push(project);
  cpSync(join(REPO_ROOT, 'sfdx-project.json'), join(project, 'sfdx-project.json'));
  cpSync(join(REPO_ROOT, 'force-app'), join(project, 'force-app'), { recursive: true });
  org = await startTestOrg({ forceAppRoot: project });
  // The CLI deploys from the repository (read only), from the fixtures, and retrieves into a scratch copy.
  sf = new SfCli();
  const newField = mkdtempSync(join(tmpdir(), 'localorg-deploy-fixture-'));
  temp.push(newField);
  cpSync(join(FIXTURES, 'deploy-new-field'), newField, { recursive: true });
  fixtureSf = new SfCli({ cwd: newField });
  brokenSf = new SfCli({ cwd: join(FIXTURES, 'deploy-broken') });
  for (const cli of [sf, fixtureSf, brokenSf]) await cli.login(org.org);
});

afterAll(async () => {
  await org?.close();
  for (const cli of [sf, fixtureSf, brokenSf]) cli?.close();
  for (const dir of temp) rmSync(dir, { recursive: true, force: true });
});

const deploy = (cli: SfCli, ...flags: string[]) =>
  cli.json<DeployJson>([
    'project',
    'deploy',
    'start',
    '--source-dir',
    'force-app',
    '--target-org',
    'localorg',
    ...flags,
  ]);

test('a dry run of this project validates every component and changes nothing', async () => {
  const before = snapshot(project);
  const run = await deploy(sf, '--dry-run');
  expect(run.status).toBe(0);
  expect(run.result.status).toBe('Succeeded');
  expect(run.result.checkOnly).toBe(true);
  const types = new Set(run.result.files.map((f) => f.type));
  for (const type of ['CustomObject', 'CustomField', 'Layout', 'PermissionSet', 'ValidationRule', 'ListView']) {
    expect(types).toContain(type);
  }
  expect(snapshot(project)).toEqual(before);
});

test('broken components fail with their problems, and nothing is applied', async () => {
  const before = snapshot(project);
  const run = await deploy(brokenSf);
  expect(run.status).toBe(1);
  const failures = run.result.details.componentFailures ?? [];
  const problems = Object.fromEntries(failures.map((f) => [`${f.componentType} ${f.fullName}`, f.problem]));
  expect(problems).toEqual({
    'Layout Plan_Target__c-Broken Target Layout':
      'In field: field - no CustomField named Plan_Target__c.Missing_Score__c found',
    'PermissionSet Broken_Access': 'In field: object - no CustomObject named Missing_Object__c found',
    'FlexiPage Broken_Record_Page': 'In field: sobjectType - no CustomObject named Missing_Page_Object__c found',
    'ValidationRule Plan_Target__c.Broken_Score_Rule': 'Field No_Such_Score__c does not exist. Check spelling.',
  });
  expect(failures.find((f) => f.componentType === 'Layout')?.lineNumber).toBe(15);
  expect(snapshot(project)).toEqual(before);
});

test('deploying this project succeeds', async () => {
  const run = await deploy(sf);
  expect(run.status).toBe(0);
  expect(run.result).toMatchObject({ status: 'Succeeded', success: true, checkOnly: false, numberComponentErrors: 0 });
});

test('a deployed field is queryable at once, existing records kept; retrieve and list metadata see it', async () => {
  const account = await org.conn.sobject('Account').create({ Name: 'Before the deploy' });
  if (!account.success) throw new Error('account not created');
  const run = await deploy(fixtureSf);
  expect(run.status).toBe(0);
  expect(run.result.files).toContainEqual(
    expect.objectContaining({ type: 'CustomField', fullName: 'Account.Deploy_Score__c', state: 'Created' }),
  );
  await org.conn.sobject('Account').update({ Id: account.id, Deploy_Score__c: 4.5 });
  const found = await org.conn.query<{ Name: string; Deploy_Score__c: number }>(
    `SELECT Name, Deploy_Score__c FROM Account WHERE Id = '${account.id}'`,
  );
  expect(found.records[0]).toMatchObject({ Name: 'Before the deploy', Deploy_Score__c: 4.5 });
  expect(
    readFileSync(join(project, 'force-app/main/default/objects/Account/fields/Deploy_Score__c.field-meta.xml'), 'utf8'),
  ).toContain('<label>Deploy Score</label>');

  const retrieved = await fixtureSf.json<{ files: { fullName: string; type: string; state: string }[] }>([
    'project',
    'retrieve',
    'start',
    '--metadata',
    'CustomField:Account.Deploy_Score__c',
    '--target-org',
    'localorg',
  ]);
  expect(retrieved.status).toBe(0);
  expect(retrieved.result.files).toContainEqual(
    expect.objectContaining({ type: 'CustomField', fullName: 'Account.Deploy_Score__c' }),
  );

  const listed = await sf.json<{ fullName: string; type: string }[]>([
    'org',
    'list',
    'metadata',
    '--metadata-type',
    'CustomObject',
    '--target-org',
    'localorg',
  ]);
  const names = listed.result.map((p) => p.fullName);
  expect(names).toEqual(
    expect.arrayContaining(['Partner_Account_Plan__c', 'Plan_Target__c', 'Account', 'Opportunity']),
  );
});
