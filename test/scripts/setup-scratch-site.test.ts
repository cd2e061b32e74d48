/**
 * setup:scratch's publish step for the partner portal, at the CLI boundary: a scratch org gets
 * `sf community publish` for each site in force-app (the step reports the site's URL), a failed publish stops
 * the run with the CLI's message and what to do, and the local org (which serves no sites) skips it.
 */
import type { CommandOutput, CommandRunner } from '../../scripts/setup-scratch/commands';
import { runScratchSetup, type ScratchSetupReport } from '../../scripts/setup-scratch/run';
import { projectSites, SETUP_STEPS } from '../../scripts/setup-scratch/steps';

const json = (body: unknown, exitCode = 0): CommandOutput => ({ exitCode, stdout: JSON.stringify(body), stderr: '' });
const is = (args: readonly string[], ...prefix: string[]): boolean => prefix.every((p, i) => args[i] === p);

const options = { alias: 'pap', scale: 'small', durationDays: 7, setDefault: false };
const steps = SETUP_STEPS.filter((s) => s.name === 'org' || s.name === 'publish');
const SCRATCH = {
  username: 'test-pap@example.com',
  instanceUrl: 'https://pap-dev-ed.scratch.my.salesforce.com',
  devHubId: 'devhub@example.com',
  status: 'Active',
};

/** An org display answering `org`, a publish answering `publish`; records every call. */
function boundary(org: Record<string, unknown>, publish: CommandOutput): { run: CommandRunner; calls: string[] } {
  const calls: string[] = [];
  const run: CommandRunner = (command, args) => {
    calls.push([command, ...args].join(' '));
    if (command === 'sf' && is(args, 'org', 'display')) return Promise.resolve(json({ status: 0, result: org }));
    if (command === 'sf' && is(args, 'community', 'publish')) return Promise.resolve(publish);
    return Promise.reject(new Error(`unexpected command: ${command} ${args.join(' ')}`));
  };
  return { run, calls };
}

const publishStep = (report: ScratchSetupReport) => report.steps.find((s) => s.step === 'publish');

it("knows the project's site: the partner portal", () => {
  expect(projectSites()).toEqual(['Partner Portal']);
});

it('publishes the partner portal in a scratch org and reports its URL', async () => {
  const { run, calls } = boundary(
    SCRATCH,
    json({
      status: 0,
      result: {
        id: '0DBxx0000000001',
        message: 'We’re publishing your changes now. You’ll receive an email confirmation when your changes are live.',
        name: 'Partner Portal',
        url: 'https://pap-dev-ed.scratch.my.site.com/partners',
      },
    }),
  );
  const report = await runScratchSetup(options, run, undefined, steps);
  expect(report.failedStep).toBeUndefined();
  expect(publishStep(report)).toMatchObject({
    status: 'done',
    detail: 'published Partner Portal (https://pap-dev-ed.scratch.my.site.com/partners)',
  });
  expect(calls).toContain('sf community publish --name Partner Portal --target-org pap --json');
});

it('stops at a failed publish with the CLI message and what to do', async () => {
  const { run } = boundary(
    SCRATCH,
    json({ status: 1, name: 'Error', message: 'No Experience Builder site found with name: Partner Portal.' }, 1),
  );
  const report = await runScratchSetup(options, run, undefined, steps);
  expect(report.failedStep).toBe('publish');
  expect(publishStep(report)?.failure).toEqual({
    command: 'sf community publish --name "Partner Portal" --target-org pap',
    exitCode: 1,
    message: 'No Experience Builder site found with name: Partner Portal.',
    hint: expect.stringContaining('the Communities feature'),
  });
});

it('skips publishing on the local org, which serves no sites', async () => {
  const { run, calls } = boundary(
    { username: 'admin@localorg.test', instanceUrl: 'http://127.0.0.1:6110' },
    json({ status: 0, result: {} }),
  );
  const report = await runScratchSetup(options, run, undefined, steps);
  expect(publishStep(report)).toMatchObject({
    status: 'skipped',
    detail: 'the local org serves no Experience Cloud sites (the deploy validated Partner Portal)',
  });
  expect(calls.some((c) => c.startsWith('sf community publish'))).toBe(false);
});
