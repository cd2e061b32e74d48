/**
 * `npm run plans` as a program (tsx scripts/plans.ts) against a local org through SF_INSTANCE_URL and
 * SF_ACCESS_TOKEN: --help of the program and its commands with examples; create's sf-style JSON result (per
 * partner: plan key, plan Id, created counts, skipped reason) and its text summary on a second run; exit 1 with
 * the org's error when a plan fails; exit 2 for a usage error; rollover's JSON; advance's --as-of and --dry-run.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from '../../packages/model';
import { createDraftPlan } from '../support/lifecycle';
import { startTestOrg, type TestOrg } from '../support/localorg';
import { createTierPartner } from '../support/plans';

const TSX = join(REPO_ROOT, 'node_modules', '.bin', 'tsx');

// Each case starts tsx (a few seconds, more on a busy machine).
jest.setTimeout(120_000);

let t: TestOrg;
let acme: string;

beforeAll(async () => {
  t = await startTestOrg({ fiscalYearStartMonth: 4 });
  acme = await createTierPartner(t, { name: 'Acme Systems', tier: 'Registered', key: 'ACC-ACME' });
}, 60_000);
afterAll(() => t.close());

/** Runs the script against the org; the org serves in this process, so the child must not block it. */
function runPlans(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, SF_INSTANCE_URL: t.org.instanceUrl, SF_ACCESS_TOKEN: t.org.accessToken };
    const child = spawn(TSX, [join(REPO_ROOT, 'scripts', 'plans.ts'), ...args], { cwd: REPO_ROOT, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

it('has --help for the program and each command, with examples', async () => {
  const top = await runPlans(['--help']);
  expect(top.status).toBe(0);
  expect(top.stdout).toMatch(/Usage: plans <command> \[options\]/);
  for (const command of ['create', 'rollover', 'advance']) expect(top.stdout).toContain(`  ${command} [options]`);
  const create = await runPlans(['create', '--help']);
  expect(create.status).toBe(0);
  for (const option of [
    '--tier <tier>',
    '--fiscal-year <year>',
    '--template <name>',
    '--partner <account>',
    '--owner <username>',
    '--dry-run',
    '--json',
    '--target-org <org>',
  ])
    expect(create.stdout).toContain(option);
  expect(create.stdout).toContain('npm run plans -- create --tier Gold --fiscal-year 2027 --target-org local');
  const rollover = await runPlans(['rollover', '--help']);
  expect(rollover.stdout).toContain('--carry-shortfall');
  expect(rollover.stdout).toContain('npm run plans -- rollover --fiscal-year 2027 --target-org local');
});

it('prints one JSON result per run: the plan key, Id and counts of each partner, then skips on a second run', async () => {
  const created = await runPlans(['create', '--tier', 'Registered', '--fiscal-year', '2027', '--json']);
  expect(created.status).toBe(0);
  const json = JSON.parse(created.stdout) as { status: number; result: Record<string, unknown> };
  expect(json).toMatchObject({
    status: 0,
    warnings: [],
    result: {
      command: 'create',
      fiscalYear: 'FY2027',
      period: { start: '2026-04-01', end: '2027-03-31' },
      template: 'Registered',
      dryRun: false,
      failed: 0,
      org: `org at ${t.org.instanceUrl} (from SF_INSTANCE_URL)`,
      plans: [
        {
          partnerId: acme,
          partnerName: 'Acme Systems',
          planKey: 'PLAN-ACC-ACME-FY2027',
          planId: expect.stringMatching(/^[a-zA-Z0-9]{18}$/),
          outcome: 'created',
          created: { plans: 1, sections: expect.any(Number), targets: expect.any(Number) },
          failures: [],
        },
      ],
    },
  });
  expect(json.result.apiRequests).toBeGreaterThan(5);
  const again = await runPlans(['create', '--tier', 'Registered', '--fiscal-year', '2027']);
  expect(again.status).toBe(0);
  expect(again.stdout).toContain('Created: 0 plans, 0 sections, 0 targets.');
  expect(again.stdout).toContain('  skipped Acme Systems: already has a plan for FY2027');
});

it('exits 1 with the org error code and message when a plan fails, and 2 for a usage error', async () => {
  const bad = await createTierPartner(t, { name: 'Bad Data', tier: 'Silver', key: 'ACC-BAD' });
  const other = await createDraftPlan(t.conn, bad, { Name: 'Bad other' });
  await t.conn
    .sobject('Plan_Section__c')
    .create({ Name: 'Stray', Partner_Account_Plan__c: other, External_Key__c: 'PLAN-ACC-BAD-FY2027-S01' });
  const failed = await runPlans(['create', '--partner', 'ACC-BAD', '--fiscal-year', '2027']);
  expect(failed.status).toBe(1);
  expect(failed.stdout).toMatch(/ {2}failed PLAN-ACC-BAD-FY2027 for Bad Data: 1 plans, \d+ sections, \d+ targets/);
  expect(failed.stdout).toMatch(/ {4}FAILED Plan_Section__c PLAN-ACC-BAD-FY2027-S01: [A-Z_]+ \S/);
  const usage = await runPlans(['create', '--tier', 'Gold', '--json']);
  expect(usage.status).toBe(2);
  expect(JSON.parse(usage.stdout)).toMatchObject({
    status: 2,
    name: 'UsageError',
    message: expect.stringContaining('--fiscal-year'),
  });
  const unknown = await runPlans(['create', '--no-such-option', '--json']);
  expect(unknown.status).toBe(2);
  expect(JSON.parse(unknown.stdout)).toMatchObject({
    name: 'UsageError',
    message: "unknown option '--no-such-option'",
  });
  const year = await runPlans(['rollover', '--fiscal-year', 'FY27']);
  expect(year.status).toBe(2);
  expect(year.stderr).toContain('expected a fiscal year number like 2027');
});

it('rolls over with --json, reporting what it skipped', async () => {
  const { status, stdout } = await runPlans(['rollover', '--fiscal-year', '2028', '--carry-shortfall', '--json']);
  expect(status).toBe(0);
  const json = JSON.parse(stdout) as {
    result: { plans: { outcome: string; reason?: string; sourcePlanName?: string }[] };
  };
  expect(json.result).toMatchObject({
    command: 'rollover',
    fiscalYear: 'FY2028',
    fromFiscalYear: 'FY2027',
    carryShortfall: true,
  });
  // FY2027's plans are Drafts: not rolled over.
  expect(json.result.plans).toEqual(
    expect.arrayContaining([
      expect.objectContaining({
        sourcePlanName: 'Acme Systems FY2027 Plan',
        outcome: 'skipped',
        reason: 'status Draft: only Active and Closed plans roll over',
      }),
    ]),
  );
});

it('advances plans by their dates with --as-of and --dry-run', async () => {
  const { status, stdout } = await runPlans(['advance', '--as-of', '2027-04-02', '--dry-run', '--json']);
  expect(status).toBe(0);
  expect(JSON.parse(stdout)).toMatchObject({
    status: 0,
    result: { asOf: '2027-04-02', dryRun: true, activated: [], closed: [], failures: [] },
  });
  const bad = await runPlans(['advance', '--as-of', 'tomorrow']);
  expect(bad.status).toBe(1);
  expect(bad.stderr).toContain('--as-of must be a date like');
});
