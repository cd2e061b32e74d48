/**
 * The partner portal deploys to the local org with the real sf CLI: an org started without the site takes
 * this project's force-app, its Network, CustomSite, DigitalExperienceConfig and the LWR site's bundle and
 * content are created and listed; a broken site fails on each component with Salesforce's problem text and
 * nothing is applied. The org serves a temporary copy of the project, so the repository is never written.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { orgWithoutFolders, type DeployOrg } from '../support/deploy-org';
import type { SfCli } from '../support/sf-cli';

jest.setTimeout(240_000);

interface DeployJson {
  status: string;
  success: boolean;
  details: { componentFailures?: { componentType: string; fullName: string; problem: string }[] };
  files: { type: string; fullName: string; state: string }[];
}

/** The site's folders, left out of the org's project so the deploy creates them. */
const SITE_FOLDERS = ['networks', 'sites', 'digitalExperiences', 'digitalExperienceConfigs'];

let project: string;
let sf: SfCli;
let brokenSf: SfCli;
let env: DeployOrg | undefined;

beforeAll(async () => {
  env = await orgWithoutFolders(SITE_FOLDERS, 'deploy-broken-site');
  ({ project, sf, brokenSf } = env);
});

afterAll(async () => {
  await env?.close();
});

const deploy = (cli: SfCli) =>
  cli.json<DeployJson>(['project', 'deploy', 'start', '--source-dir', 'force-app', '--target-org', 'localorg']);

test('the partner portal deploys: network, site, config and the LWR site are created and listed', async () => {
  const run = await deploy(sf);
  expect(run.status).toBe(0);
  expect(run.result.files).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ type: 'Network', fullName: 'Partner Portal', state: 'Created' }),
      expect.objectContaining({ type: 'CustomSite', fullName: 'Partner_Portal', state: 'Created' }),
      expect.objectContaining({ type: 'DigitalExperienceConfig', fullName: 'Partner_Portal1', state: 'Created' }),
      expect.objectContaining({ type: 'DigitalExperienceBundle', fullName: 'site/Partner_Portal1', state: 'Created' }),
      expect.objectContaining({
        type: 'DigitalExperience',
        fullName: 'site/Partner_Portal1.sfdc_cms__view/Partner_Account_Plan_Detail',
        state: 'Created',
      }),
    ]),
  );
  const site = join(project, 'force-app/main/default/digitalExperiences/site/Partner_Portal1');
  expect(existsSync(join(site, 'sfdc_cms__view/home/content.json'))).toBe(true);

  const listed = await sf.json<{ fullName: string; id: string }[]>([
    'org',
    'list',
    'metadata',
    '--metadata-type',
    'Network',
    '--target-org',
    'localorg',
  ]);
  expect(listed.result).toEqual([
    expect.objectContaining({ fullName: 'Partner Portal', id: expect.stringMatching(/^0DB/) }),
  ]);
});

test('a broken site fails on each component with its problem, and nothing is applied', async () => {
  const run = await deploy(brokenSf);
  expect(run.status).toBe(1);
  const problems = (run.result.details.componentFailures ?? []).map(
    (f) => `${f.componentType} ${f.fullName}: ${f.problem}`,
  );
  expect(problems.sort()).toEqual(
    [
      'Network Broken Site: In field: site - no CustomSite named Missing_Site found',
      'Network Broken Site: In field: profile - no Profile named missing profile found',
      'Network Broken Site: In field: permissionSet - no PermissionSet named Missing_Permission_Set found',
      'DigitalExperienceConfig Broken_Site1: In field: space - no DigitalExperienceBundle named site/Missing_Site1 found',
      'DigitalExperience site/Broken_Site1.sfdc_cms__route/Gadget_Detail__c: ' +
        'In field: routeType - no CustomObject named Gadget__c found',
      'DigitalExperience site/Broken_Site1.sfdc_cms__route/Orphan__c: ' +
        'In field: activeViewId - no sfdc_cms__view named orphan found',
      'DigitalExperience site/Broken_Site1.sfdc_cms__view/home: No COMPONENT named markup://c:missingWidget found',
      'DigitalExperience site/Broken_Site1.sfdc_cms__view/home: ' +
        "The c:hiddenWidget component must be marked 'isExposed=true' to be used on this Lightning Page",
      'DigitalExperience site/Broken_Site1.sfdc_cms__view/home: Specify "lightningCommunity__Page" as the target ' +
        'for the Lightning web component c:appPageWidget in Broken_Site1/sfdc_cms__view/home/content.json and try again',
    ].sort(),
  );
  expect(existsSync(join(project, 'force-app/main/default/networks/Broken Site.network-meta.xml'))).toBe(false);
  expect(existsSync(join(project, 'force-app/main/default/lwc/siteWidget'))).toBe(false);
});
