/**
 * `npm run access` as a program (tsx scripts/access.ts) against a local org through SF_INSTANCE_URL and
 * SF_ACCESS_TOKEN: one sf-style JSON result with the counts, changes and run facts; exit 1 with the setup
 * problem named for an org whose plans have no share object.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from '../../packages/model';
import { LOCALORG_FIXTURE, startTestOrg, type TestOrg } from '../support/localorg';
import { createPlanAudience } from '../support/security';

const TSX = join(REPO_ROOT, 'node_modules', '.bin', 'tsx');

// Each case starts tsx (a few seconds, more on a busy machine).
jest.setTimeout(120_000);

/** Runs the script against the org; the org serves in this process, so the child must not block it. */
function runAccess(t: TestOrg, args: string[]): Promise<{ status: number | null; json: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, SF_INSTANCE_URL: t.org.instanceUrl, SF_ACCESS_TOKEN: t.org.accessToken };
    const child = spawn(TSX, [join(REPO_ROOT, 'scripts', 'access.ts'), ...args], { cwd: REPO_ROOT, env });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, json: JSON.parse(stdout) as Record<string, unknown> }));
  });
}

it('prints one JSON result with the counts, the changes and the run facts', async () => {
  const t = await startTestOrg();
  try {
    const { pm, ae, plan, target } = await createPlanAudience(t);
    await pm.conn.sobject('Plan_Target__c').update({ Id: target, Accountable_AE__c: ae.id });
    const { status, json } = await runAccess(t, ['--json']);
    expect(status).toBe(0);
    expect(json).toMatchObject({
      status: 0,
      result: {
        wanted: 1,
        inserted: 1,
        updated: 0,
        deleted: 0,
        unchanged: 0,
        changes: [{ action: 'insert', planId: plan, userId: ae.id }],
        failures: [],
        dryRun: false,
        org: `org at ${t.org.instanceUrl} (from SF_INSTANCE_URL)`,
      },
      warnings: [],
    });
    expect((json.result as { apiRequests: number }).apiRequests).toBeGreaterThan(5);
  } finally {
    await t.close();
  }
});

it('exits 1 naming the problem for an org without the plan share object', async () => {
  const t = await startTestOrg({ forceAppRoot: LOCALORG_FIXTURE });
  try {
    const { status, json } = await runAccess(t, ['--json']);
    expect(status).toBe(1);
    expect(json).toMatchObject({ status: 1, name: 'AccessSetupError' });
    expect(json.message).toMatch(/^This org has no Partner_Account_Plan__Share: plans are not Private there/);
  } finally {
    await t.close();
  }
});
