/**
 * `npm run setup:scratch` against a local org: the real sf CLI (isolated HOME) and the real seed and rollup
 * scripts run every step, except the ones replaced at the CLI boundary: creating the scratch org (a login to
 * the local org under the alias stands in for it), `sf org open` (the local org has no frontdoor) and the
 * components' build (a test must not rewrite the shared tree's compiled components); the deploy is the real
 * `sf project deploy start` into the local org's Metadata API, but where a test needs a failing one. Covered:
 * a full run (the admin given a role), a rerun that reuses and repeats safely, a failing step reported with its
 * message and exit code, the refusal of a non-scratch org, and the command line's --help and --json.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../../packages/model';
import { spawnCommand, type CommandOutput, type CommandRunner } from '../../scripts/setup-scratch/commands';
import { runScratchSetup, type ScratchSetupReport } from '../../scripts/setup-scratch/run';
import { startTestOrg, type TestOrg } from '../support/localorg';
import { SfCli } from '../support/sf-cli';

// Each step starts sf or tsx (a few seconds each on a busy machine); a run is about ten programs.
jest.setTimeout(600_000);

const json = (body: unknown, exitCode = 0): CommandOutput => ({ exitCode, stdout: JSON.stringify(body), stderr: '' });
const is = (args: readonly string[], ...prefix: string[]): boolean => prefix.every((p, i) => args[i] === p);

describe('setup:scratch against the local org', () => {
  let t: TestOrg;
  let sf: SfCli;
  beforeAll(async () => {
    t = await startTestOrg();
    sf = new SfCli();
  });
  afterAll(async () => {
    sf.close();
    await t.close();
  });

  /** The real programs in the sf CLI's HOME, but for the steps this test answers; records every call. */
  function boundary(deploy?: CommandOutput): { run: CommandRunner; calls: string[] } {
    const calls: string[] = [];
    const real = spawnCommand({ HOME: sf.home, SF_DISABLE_TELEMETRY: 'true', SF_AUTOUPDATE_DISABLE: 'true' });
    const run: CommandRunner = async (command, args) => {
      calls.push([command, ...args].join(' '));
      if (command === 'sf' && is(args, 'org', 'create', 'scratch')) {
        const alias = args[args.indexOf('--alias') + 1];
        const login = await sf.login(t.org, alias);
        return json({ status: 0, result: { username: login.result.username, authFields: t.org } });
      }
      if (command === 'sf' && is(args, 'org', 'open'))
        return json({ status: 0, result: { url: `${t.org.instanceUrl}/secur/frontdoor.jsp` } });
      if (command === 'npm' && args.includes('build')) return { exitCode: 0, stdout: '', stderr: '' };
      if (deploy && command === 'sf' && is(args, 'project', 'deploy', 'start')) return deploy;
      return real(command, args);
    };
    return { run, calls };
  }

  const options = { alias: 'pap-local', devHub: 'devhub', scale: '2', durationDays: 3, setDefault: false };
  const statuses = (report: ScratchSetupReport): Record<string, string> =>
    Object.fromEntries(report.steps.map((s) => [s.step, s.status]));
  const detail = (report: ScratchSetupReport, step: string): string =>
    report.steps.find((s) => s.step === step)?.detail ?? '';

  let first: ScratchSetupReport;
  let firstCalls: string[];

  it('creates the org, assigns the permission sets, seeds, rolls up and prints the login URL', async () => {
    const { run, calls } = boundary();
    const started: string[] = [];
    first = await runScratchSetup(options, run, { started: (_i, _n, step) => started.push(step.name) });
    firstCalls = calls;
    expect(first.failedStep).toBeUndefined();
    expect(statuses(first)).toMatchObject({
      org: 'done',
      build: 'done',
      deploy: 'done',
      permissions: 'done',
      activation: 'done',
      publish: 'skipped',
      role: 'done',
      seed: 'done',
      access: 'done',
      rollup: 'done',
      open: 'done',
    });
    expect(started).toEqual(first.steps.map((s) => s.step));
    expect(calls).toContain(
      'sf org create scratch --definition-file config/project-scratch-def.json --alias pap-local --duration-days 3 --wait 30 --target-dev-hub devhub --json',
    );
    expect(first.loginUrl).toBe(`${t.org.instanceUrl}/secur/frontdoor.jsp`);
    expect(first.instanceUrl).toBe(t.org.instanceUrl);
    expect(detail(first, 'deploy')).toMatch(/^[1-9]\d* component\(s\) deployed$/);
    expect(detail(first, 'permissions')).toBe(
      'assigned Partner_Planning_Admin, Partner_Planning_Rollup, Partner_Planning_Data_Load; Marketing User on',
    );
    expect(detail(first, 'activation')).toContain('Account → Partner_Account_Record_Page');
    expect(detail(first, 'activation')).toContain('Opportunity → Partner_Opportunity_Record_Page');
    expect(detail(first, 'publish')).toBe(
      'the local org serves no Experience Cloud sites (the deploy validated Partner Portal)',
    );
    expect(detail(first, 'role')).toMatch(/^gave you the role Partner Program \(created at the top of the hierarchy\)/);
    expect(detail(first, 'seed')).toMatch(/^[1-9]\d* record\(s\) created/);
    expect(detail(first, 'rollup')).toMatch(/^[1-9]\d* target\(s\) rolled up/);
    // Accepted plans of a year that has started become Active; a past year's would close after its final rollup.
    expect(detail(first, 'advance')).toMatch(
      /^\d+ plan\(s\) activated, \d+ closed, [1-9]\d* review reminder\(s\) created$/,
    );

    // What the org now holds: the admin's permission sets and Marketing User, and plans with creation dates.
    const userId = (await t.conn.request<{ user_id: string }>('/services/oauth2/userinfo')).user_id;
    const assigned = await t.conn.query<{ PermissionSet: { Name: string } }>(
      `SELECT PermissionSet.Name FROM PermissionSetAssignment WHERE AssigneeId = '${userId}'`,
    );
    expect(assigned.records.map((r) => r.PermissionSet.Name)).toEqual(
      expect.arrayContaining(['Partner_Planning_Admin', 'Partner_Planning_Rollup', 'Partner_Planning_Data_Load']),
    );
    const admin = await t.conn.query<{ UserPermissionsMarketingUser: boolean; UserRole: { DeveloperName: string } }>(
      `SELECT UserPermissionsMarketingUser, UserRole.DeveloperName FROM User WHERE Id = '${userId}'`,
    );
    expect(admin.records[0].UserPermissionsMarketingUser).toBe(true);
    // The seed leaves the running user's role alone: the admin keeps the one the role step gave them.
    expect(admin.records[0].UserRole.DeveloperName).toBe('Partner_Program');
    expect(
      (await t.conn.query('SELECT COUNT() FROM Opportunity WHERE CreatedDate < LAST_N_DAYS:14')).totalSize,
    ).toBeGreaterThan(0);
    expect((await t.conn.query('SELECT COUNT() FROM Partner_Account_Plan__c')).totalSize).toBeGreaterThan(0);
  });

  it('reruns safely: reuses the org, keeps the assignments, creates and writes nothing new', async () => {
    expect(first).toBeDefined();
    const { run, calls } = boundary();
    const again = await runScratchSetup(options, run);
    expect(again.failedStep).toBeUndefined();
    expect(statuses(again)).toMatchObject({
      org: 'reused',
      permissions: 'done',
      role: 'skipped',
      seed: 'done',
      rollup: 'done',
    });
    expect(calls.some((c) => c.startsWith('sf org create scratch'))).toBe(false);
    expect(detail(again, 'org')).toContain('the local org');
    expect(detail(again, 'permissions')).toBe(
      'already assigned Partner_Planning_Admin, Partner_Planning_Rollup, Partner_Planning_Data_Load; Marketing User on',
    );
    expect(detail(again, 'role')).toBe('you already have the role Partner Program');
    expect(detail(again, 'seed')).toMatch(/^0 record\(s\) created/);
    expect(detail(again, 'access')).toBe('0 plan share(s) added, 0 set back to Read, 0 removed');
    expect(detail(again, 'rollup')).toMatch(/ 0 record\(s\) written$/);
    expect(detail(again, 'advance')).toBe('0 plan(s) activated, 0 closed, 0 review reminder(s) created');
    // The same commands as the first run, but for the creation and the admin's role (given once).
    const once =
      /^sf org create scratch|^sf data (create|update) record --sobject (UserRole|User --record-id)|FROM UserRole /;
    expect(firstCalls.filter((c) => once.test(c))).toHaveLength(4);
    expect(calls).toEqual(firstCalls.filter((c) => !once.test(c)));
  });

  it('stops at a failing step with its command, message, exit code and what to do', async () => {
    // What sf prints when components fail (seen from the local org's Metadata API): a result, no error name.
    const failure = json(
      {
        status: 1,
        result: {
          status: 'Failed',
          details: {
            componentFailures: [
              {
                componentType: 'Layout',
                fullName: 'Opportunity-Opportunity Layout',
                lineNumber: 12,
                problem: 'In field: field - no CustomField named Opportunity.Ghost__c found',
              },
            ],
          },
        },
        warnings: [],
      },
      1,
    );
    const { run, calls } = boundary(failure);
    const report = await runScratchSetup(options, run);
    expect(report.failedStep).toBe('deploy');
    const deploy = report.steps.find((s) => s.step === 'deploy');
    expect(deploy?.failure).toEqual({
      command: 'sf project deploy start --source-dir force-app --target-org pap-local --wait 33',
      exitCode: 1,
      message:
        'Deploy failed.\n  Layout Opportunity-Opportunity Layout (line 12): In field: field - no CustomField named Opportunity.Ghost__c found',
      hint: expect.stringContaining('npm run setup:scratch -- --alias pap-local'),
    });
    expect(statuses(report)).toMatchObject({
      build: 'done',
      deploy: 'failed',
      permissions: 'not run',
      seed: 'not run',
      open: 'not run',
    });
    expect(calls.some((c) => c.startsWith('npm run --silent seed'))).toBe(false);
  });

  it('refuses an alias that names an org which is neither a scratch org nor the local org', async () => {
    const calls: string[] = [];
    const run: CommandRunner = (command, args) => {
      calls.push([command, ...args].join(' '));
      return Promise.resolve(
        json({ status: 0, result: { username: 'admin@acme.com', instanceUrl: 'https://acme.my.salesforce.com' } }),
      );
    };
    const report = await runScratchSetup({ ...options, alias: 'prod' }, run);
    expect(report.failedStep).toBe('org');
    expect(report.steps[0].failure?.message).toBe(
      'The alias prod names admin@acme.com at https://acme.my.salesforce.com, which is not a scratch org. This setup deploys and loads demo data, so it only sets up scratch orgs (and the local org).',
    );
    expect(calls).toEqual(['sf org display --target-org prod --json']);
  });
});

describe('setup:scratch command line', () => {
  const TSX = join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
  const home = mkdtempSync(join(tmpdir(), 'setup-scratch-home-'));
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  /** The real command with a HOME where sf knows no org and no Dev Hub. */
  const setup = (...args: string[]) =>
    spawnSync(TSX, [join(REPO_ROOT, 'scripts', 'setup-scratch.ts'), ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, HOME: home, SF_DISABLE_TELEMETRY: 'true', SF_AUTOUPDATE_DISABLE: 'true' },
      encoding: 'utf8',
      timeout: 180_000,
    });

  it('--help lists the options and the steps', () => {
    const result = setup('--help');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Usage: setup:scratch \[options\]\n/);
    expect(result.stdout).toMatch(/--alias <alias>[\s\S]*--dev-hub <hub>[\s\S]*--scale <scale>[\s\S]*--json/);
  });

  it('requires --alias as a usage error (exit 2)', () => {
    const result = setup('--json');
    expect(result.status).toBe(2);
    expect(JSON.parse(result.stdout)).toMatchObject({
      name: 'UsageError',
      message: "required option '-a, --alias <alias>' not specified",
    });
  });

  it('--json reports each step, and a Dev Hub sf does not know fails the first step with the CLI message', () => {
    const result = setup('--alias', 'pap-nohub', '--dev-hub', 'no-such-hub', '--json');
    expect(result.status).toBe(1);
    const output = JSON.parse(result.stdout) as { status: number; result: ScratchSetupReport };
    expect(output.status).toBe(1);
    expect(output.result.failedStep).toBe('org');
    const [org, ...rest] = output.result.steps;
    expect(org.failure?.command).toContain('sf org create scratch');
    expect(org.failure?.command).toContain('--target-dev-hub no-such-hub');
    expect(org.failure?.message).toContain('no-such-hub');
    expect(org.failure?.exitCode).toBeGreaterThan(0);
    expect(org.failure?.hint).toContain('no-such-hub');
    expect(rest.map((s) => s.status)).toEqual(Array(rest.length).fill('not run'));
  });
});
