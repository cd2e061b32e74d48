/**
 * The real Salesforce CLI against the local org: `sf org login access-token` with the admin token, then
 * `sf data import tree` of the sample data plan, which must arrive with every relationship resolved.
 * The CLI runs with its own HOME (its auth files never touch the developer's ~/.sf) and no telemetry.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Connection } from 'jsforce';
import { startLocalOrg, type LocalOrg } from '../../packages/localorg/server';
import { REPO_ROOT } from '../../packages/model';
import { API_VERSION } from '../support/localorg';
import { SfCli, type SfJson } from '../support/sf-cli';

jest.setTimeout(120_000);

let org: LocalOrg;
let conn: Connection;
beforeAll(async () => {
  // The system clock: every action date of the sample data lies in the past (Action_Date_Not_In_Future).
  org = await startLocalOrg({ port: 0, data: ':memory:' });
  conn = new Connection({ instanceUrl: org.instanceUrl, accessToken: org.accessToken, version: API_VERSION });
});
afterAll(async () => {
  await org.close();
  cli.close();
});

const cli = new SfCli();
/** Runs `sf ... --json`; resolves to its parsed output, even when it exits non-zero. */
const sf = (args: string[], env: Record<string, string> = {}): Promise<SfJson<unknown>> => cli.json<unknown>(args, env);

const sampleCount = (file: string): number =>
  (JSON.parse(readFileSync(join(REPO_ROOT, 'data', file), 'utf8')) as { records: unknown[] }).records.length;

it('logs in with the admin access token and imports the sample plan with its relationships', async () => {
  const login = await sf(
    ['org', 'login', 'access-token', '--instance-url', org.instanceUrl, '--alias', 'localorg', '--no-prompt'],
    {
      SF_ACCESS_TOKEN: org.accessToken,
    },
  );
  expect(login).toMatchObject({
    status: 0,
    result: {
      username: org.adminUsername,
      orgId: expect.stringMatching(/^00D/),
      isDevHub: false,
      isSandbox: false,
      instanceName: 'LOCAL',
      orgEdition: 'Developer Edition',
    },
  });

  const imported = await sf(['data', 'import', 'tree', '--plan', 'data/sample-plan.json', '--target-org', 'localorg']);
  expect(imported.status).toBe(0);
  const rows = imported.result as { refId: string; type: string; id: string }[];
  // Every object of the sample data plan, as the plan file lists them.
  const plan = JSON.parse(readFileSync(join(REPO_ROOT, 'data', 'sample-plan.json'), 'utf8')) as { sobject: string }[];
  expect(plan.length).toBeGreaterThanOrEqual(7);
  for (const { sobject: type } of plan) {
    expect(rows.filter((r) => r.type === type)).toHaveLength(sampleCount(`${type}.json`));
    expect((await conn.query(`SELECT Id FROM ${type}`)).totalSize).toBe(sampleCount(`${type}.json`));
  }

  const targets = await conn.query<Record<string, unknown>>(
    `SELECT Metric__c, Plan_Section__r.Partner_Account_Plan__r.Partner_Account__r.Name,
            Plan_Section__r.Partner_Account_Plan__r.Partner_Contact__r.Account.Name
     FROM Plan_Target__c`,
  );
  for (const target of targets.records) {
    const plan = (
      target.Plan_Section__r as {
        Partner_Account_Plan__r: Record<string, { Name?: string; Account?: { Name: string } }>;
      }
    ).Partner_Account_Plan__r;
    expect(plan.Partner_Account__r.Name).toBe('Northwind Solutions');
    expect(plan.Partner_Contact__r.Account?.Name).toBe('Northwind Solutions');
  }
  const actions = await conn.query<Record<string, unknown>>(
    `SELECT Partner_Account__r.Name, Partner_Account_Plan__r.Name FROM APR_Action__c WHERE Partner_Account__c != null`,
  );
  expect(actions.totalSize).toBeGreaterThan(0);
  for (const action of actions.records) {
    expect(action.Partner_Account_Plan__r).toMatchObject({ Name: 'Northwind Solutions FY2027 Partner Plan' });
  }
  const partnerDeals = await conn.query(
    `SELECT Id FROM Opportunity WHERE Partner_Account__r.Name = 'Northwind Solutions'`,
  );
  expect(partnerDeals.totalSize).toBeGreaterThan(0);

  // A second import collides with the unique external keys, as it would in an org, and writes nothing.
  const again = await sf(['data', 'import', 'tree', '--plan', 'data/sample-plan.json', '--target-org', 'localorg']);
  expect(again.status).toBe(1);
  expect((await conn.query('SELECT Id FROM Account')).totalSize).toBe(sampleCount('Account.json'));
});
