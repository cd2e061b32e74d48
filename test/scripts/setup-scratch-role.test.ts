/**
 * setup:scratch's admin role step. Salesforce makes a partner user only on an account whose owner has a role, and
 * in a scratch org the admin stands in for the partner managers and owns the partner accounts: the step gives an
 * admin without a role the Partner_Program role (the org's, else created at the top), leaves one who has a role
 * alone, and stops the run with the command, message and what to do when sf fails. At the CLI boundary with sf's
 * answers (as printed against the local org), then for real against a local org: the seed's partner-user step
 * skips the users of the admin's partner accounts until the step has run, and creates them after.
 */
import type { CommandOutput, CommandRunner } from '../../scripts/setup-scratch/commands';
import { spawnCommand } from '../../scripts/setup-scratch/commands';
import { runScratchSetup, type ScratchSetupReport } from '../../scripts/setup-scratch/run';
import { ADMIN_ROLE, SETUP_STEPS } from '../../scripts/setup-scratch/steps';
import { loadPartnerUsers } from '../../packages/jobs/seed/partner-users';
import { startTestOrg, type TestOrg } from '../support/localorg';
import { scriptSession } from '../support/scripts';
import { SfCli } from '../support/sf-cli';

const json = (body: unknown, exitCode = 0): CommandOutput => ({ exitCode, stdout: JSON.stringify(body), stderr: '' });
const is = (args: readonly string[], ...prefix: string[]): boolean => prefix.every((p, i) => args[i] === p);
const stepsNamed = (...names: string[]) => SETUP_STEPS.filter((s) => names.includes(s.name));
const roleStep = (report: ScratchSetupReport) => report.steps.find((s) => s.step === 'role');

const USERNAME = 'test-pap@example.com';
const USER_ID = '005xx000001AbcdAAC';
const ROLE_ID = '00Exx000000PpRoEAK';
const USER_QUERY = `sf data query --query SELECT Id, UserRoleId, UserRole.Name FROM User WHERE Username = '${USERNAME}' --target-org pap --json`;
const ROLE_QUERY = `sf data query --query SELECT Id FROM UserRole WHERE DeveloperName = 'Partner_Program' --target-org pap --json`;
const CREATE_ROLE = `sf data create record --sobject UserRole --values Name='Partner Program' DeveloperName=Partner_Program --target-org pap --json`;
const UPDATE_ADMIN = `sf data update record --sobject User --record-id ${USER_ID} --values UserRoleId=${ROLE_ID} --target-org pap --json`;

describe('at the CLI boundary', () => {
  const options = { alias: 'pap', scale: 'small', durationDays: 7, setDefault: false };
  const queried = (records: Record<string, unknown>[]): CommandOutput =>
    json({ status: 0, result: { records, totalSize: records.length, done: true }, warnings: [] });

  /** A scratch org whose admin has `userRole` and which holds `orgRole`; `create` answers the role's creation. */
  function boundary(
    userRole: { Id: string; Name: string } | null,
    orgRole: string | null,
    create: CommandOutput = json({ status: 0, result: { id: ROLE_ID, success: true, errors: [] } }),
  ): { run: CommandRunner; calls: string[] } {
    const calls: string[] = [];
    const run: CommandRunner = (command, args) => {
      calls.push([command, ...args].join(' '));
      if (command !== 'sf') return Promise.reject(new Error(`unexpected command: ${command} ${args.join(' ')}`));
      if (is(args, 'org', 'display'))
        return Promise.resolve(
          json({
            status: 0,
            result: { username: USERNAME, instanceUrl: 'https://pap.scratch.my.salesforce.com', devHubId: 'hub' },
          }),
        );
      if (is(args, 'data', 'query') && args[3].includes('FROM User '))
        return Promise.resolve(
          queried([
            {
              attributes: { type: 'User' },
              Id: USER_ID,
              UserRoleId: userRole?.Id ?? null,
              UserRole: userRole ? { attributes: { type: 'UserRole' }, Name: userRole.Name } : null,
            },
          ]),
        );
      if (is(args, 'data', 'query') && args[3].includes('FROM UserRole '))
        return Promise.resolve(queried(orgRole ? [{ attributes: { type: 'UserRole' }, Id: orgRole }] : []));
      if (is(args, 'data', 'create', 'record')) return Promise.resolve(create);
      if (is(args, 'data', 'update', 'record'))
        return Promise.resolve(json({ status: 0, result: { id: USER_ID, success: true, errors: [] } }));
      return Promise.reject(new Error(`unexpected command: sf ${args.join(' ')}`));
    };
    return { run, calls };
  }

  it('creates the Partner_Program role at the top and gives it to an admin who has no role', async () => {
    const { run, calls } = boundary(null, null);
    const report = await runScratchSetup(options, run, undefined, stepsNamed('org', 'role'));
    expect(report.failedStep).toBeUndefined();
    expect(roleStep(report)).toMatchObject({
      title: 'Give the admin a role',
      status: 'done',
      detail:
        "gave you the role Partner Program (created at the top of the hierarchy): partner users need their account's owner to have one",
    });
    expect(calls.slice(1)).toEqual([USER_QUERY, ROLE_QUERY, CREATE_ROLE, UPDATE_ADMIN]);
  });

  it("reuses the org's Partner_Program role", async () => {
    const { run, calls } = boundary(null, ROLE_ID);
    const report = await runScratchSetup(options, run, undefined, stepsNamed('org', 'role'));
    expect(roleStep(report)).toMatchObject({
      status: 'done',
      detail:
        "gave you the role Partner Program (the org had it): partner users need their account's owner to have one",
    });
    expect(calls.slice(1)).toEqual([USER_QUERY, ROLE_QUERY, UPDATE_ADMIN]);
  });

  it('leaves an admin who has a role alone: reported, nothing written', async () => {
    const { run, calls } = boundary({ Id: '00Exx000000CeoRoAE', Name: 'CEO' }, ROLE_ID);
    const report = await runScratchSetup(options, run, undefined, stepsNamed('org', 'role'));
    expect(roleStep(report)).toMatchObject({ status: 'skipped', detail: 'you already have the role CEO' });
    expect(calls.slice(1)).toEqual([USER_QUERY]);
  });

  it('stops the run at a refused role with the command, its message, exit code and what to do in Setup', async () => {
    const refused = json(
      {
        name: 'INSUFFICIENT_ACCESS_OR_READONLY',
        message: 'insufficient access rights on object id',
        exitCode: 1,
        status: 1,
        data: { errorCode: 'INSUFFICIENT_ACCESS_OR_READONLY', fields: [] },
      },
      1,
    );
    const { run, calls } = boundary(null, null, refused);
    const report = await runScratchSetup(options, run, undefined, stepsNamed('org', 'role', 'seed'));
    expect(report.failedStep).toBe('role');
    expect(roleStep(report)?.failure).toEqual({
      command: `sf data create record --sobject UserRole --values "Name='Partner Program' DeveloperName=Partner_Program" --target-org pap`,
      exitCode: 1,
      message: 'insufficient access rights on object id',
      hint: expect.stringMatching(/^In Setup, give your user a role \(Users > your user > Edit > Role;.*--alias pap/),
    });
    expect(report.steps.find((s) => s.step === 'seed')?.status).toBe('not run');
    expect(calls.some((c) => c.startsWith('sf data update record'))).toBe(false);
  });
});

describe('against a local org whose admin owns the partner accounts', () => {
  jest.setTimeout(300_000);
  let t: TestOrg;
  let sf: SfCli;
  beforeAll(async () => {
    t = await startTestOrg();
    sf = new SfCli();
    await sf.login(t.org, 'pap-role');
  });
  afterAll(async () => {
    sf.close();
    await t.close();
  });

  /** The real sf CLI in its own HOME; records every call. */
  function boundary(): { run: CommandRunner; calls: string[] } {
    const calls: string[] = [];
    const real = spawnCommand({ HOME: sf.home, SF_DISABLE_TELEMETRY: 'true', SF_AUTOUPDATE_DISABLE: 'true' });
    const run: CommandRunner = (command, args) => {
      calls.push([command, ...args].join(' '));
      return real(command, args);
    };
    return { run, calls };
  }

  const adminRole = async () =>
    (
      await t.conn.query<{
        UserRole: { Id: string; Name: string; DeveloperName: string; ParentRoleId: string } | null;
      }>(
        `SELECT UserRole.Id, UserRole.Name, UserRole.DeveloperName, UserRole.ParentRoleId FROM User WHERE Id = '${t.org.adminUserId}'`,
      )
    ).records[0].UserRole;

  it("skips the admin's partner accounts' users until the admin has a role, then the seed creates them", async () => {
    // Two partner accounts the admin owns (no OwnerId: the running user), as in a scratch org where the admin
    // stands in for the partner managers, each with its director.
    const specs = [];
    for (const [i, name] of ['Northwind Partners', 'Contoso Channel'].entries()) {
      const account = await t.conn.sobject('Account').create({ Name: name, IsPartner: true });
      const contactKey = `role-contact-${i + 1}`;
      await t.conn
        .sobject('Contact')
        .create({ LastName: name.split(' ')[0], AccountId: account.id, External_Key__c: contactKey });
      specs.push({ key: `role-partner-${i + 1}`, partnerIndex: i, contactKey, rank: 1 as const });
    }
    expect(await adminRole()).toBeNull();
    const session = await scriptSession(t);
    const load = { session, organizationId: '00D000000000001', notes: [] as string[], failures: [] };
    const before = await loadPartnerUsers(specs, load);
    expect(before.report).toMatchObject({ created: 0, skipped: 2 });
    expect(load.notes).toEqual([expect.stringContaining('give the owner a role in Setup > Users, then seed again')]);

    const { run, calls } = boundary();
    const report = await runScratchSetup(
      { alias: 'pap-role', scale: 'small', durationDays: 7, setDefault: false },
      run,
      undefined,
      stepsNamed('org', 'role'),
    );
    expect(report.failedStep).toBeUndefined();
    expect(roleStep(report)?.detail).toBe(
      "gave you the role Partner Program (created at the top of the hierarchy): partner users need their account's owner to have one",
    );
    expect(calls.filter((c) => c.startsWith('sf data create record'))).toHaveLength(1);
    const role = await adminRole();
    expect(role).toMatchObject({ Name: ADMIN_ROLE.name, DeveloperName: ADMIN_ROLE.developerName, ParentRoleId: null });

    const after = await loadPartnerUsers(specs, { ...load, notes: [], failures: [] });
    expect(after.report).toMatchObject({ created: 2, skipped: 0 });
    // The partner roles hang under the admin's new role.
    const executives = await t.conn.query<{ ParentRoleId: string }>(
      "SELECT ParentRoleId FROM UserRole WHERE PortalType = 'Partner' AND PortalRole = 'Executive'",
    );
    expect(executives.records.map((r) => r.ParentRoleId)).toEqual([role?.Id, role?.Id]);
    await session.close();

    // A rerun sees the role and writes nothing.
    const again = boundary();
    const rerun = await runScratchSetup(
      { alias: 'pap-role', scale: 'small', durationDays: 7, setDefault: false },
      again.run,
      undefined,
      stepsNamed('org', 'role'),
    );
    expect(roleStep(rerun)).toMatchObject({ status: 'skipped', detail: 'you already have the role Partner Program' });
    expect(again.calls.filter((c) => /^sf data (create|update)/.test(c))).toEqual([]);
    expect((await t.conn.query(`SELECT COUNT() FROM UserRole WHERE DeveloperName = 'Partner_Program'`)).totalSize).toBe(
      1,
    );
  });
});
