/**
 * The program's report types, reports and dashboard deploy to the local org with the real sf CLI: an org
 * started without them takes this project's force-app, each report type, folder, report and dashboard is
 * created and listed; a broken fixture (test/fixtures/broken-reports) fails on each report type, report and
 * dashboard that names a missing field, column, folder or report, with the problem a deploy gives, and nothing
 * is applied. The org serves a temporary copy of the project, so the repository is never written.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { orgWithoutFolders, type DeployOrg } from '../support/deploy-org';
import type { SfCli } from '../support/sf-cli';

jest.setTimeout(240_000);

interface DeployJson {
  status: string;
  success: boolean;
  details: {
    componentFailures?: { componentType: string; fullName: string; problem: string; lineNumber?: number }[];
  };
  files: { type: string; fullName: string; state: string }[];
}

/** The reporting folders, left out of the org's project so the deploy creates them. */
const REPORTING_FOLDERS = ['reportTypes', 'reports', 'dashboards'];

let project: string;
let sf: SfCli;
let brokenSf: SfCli;
let env: DeployOrg | undefined;

beforeAll(async () => {
  env = await orgWithoutFolders(REPORTING_FOLDERS, 'broken-reports');
  ({ project, sf, brokenSf } = env);
});

afterAll(async () => {
  await env?.close();
});

const deploy = (cli: SfCli) =>
  cli.json<DeployJson>(['project', 'deploy', 'start', '--source-dir', 'force-app', '--target-org', 'localorg']);

test('a broken report type, reports and dashboard fail with their problems, and nothing is applied', async () => {
  const run = await deploy(brokenSf);
  expect(run.status).toBe(1);
  const problems = (run.result.details.componentFailures ?? []).map(
    (f) => `${f.componentType} ${f.fullName}: ${f.problem}`,
  );
  expect(problems).toEqual(
    expect.arrayContaining([
      'ReportType Broken_Gadget_Type: In field: field - no CustomField named Gadget__c.Weight__c found',
      'Report Gadget_Reports/Broken_Gadget_Columns: Invalid field name: Gadget__c$Weight__c (columns)',
      'Report Gadget_Reports/Broken_Gadget_Columns: Invalid filter logic: 1 AND 3 names filter 3; there are 1',
      'Report Gadget_Reports/Broken_Gadget_Type_Name: Invalid report type: Gadgets_With_Parts',
      'Report Missing_Folder/Gadgets_Elsewhere: In field: folder - no ReportFolder named Missing_Folder found',
      'Dashboard Gadget_Dashboards/Gadget_Overview: In field: report - no Report named Gadget_Reports/No_Such_Report found',
    ]),
  );
  // Where the file shows the name, the failure says its line.
  const missingColumn = run.result.details.componentFailures?.find((f) =>
    f.problem.startsWith('Invalid field name: Gadget__c$Weight__c (columns)'),
  );
  expect(missingColumn?.lineNumber).toBe(17);
  // Only the broken components fail: the valid report, its folder and report type pass.
  const failed = new Set((run.result.details.componentFailures ?? []).map((f) => `${f.componentType} ${f.fullName}`));
  expect([...failed].sort()).toEqual([
    'Dashboard Gadget_Dashboards/Gadget_Overview',
    'Dashboard No_Folder/Orphan_Dashboard',
    'Report Gadget_Reports/Broken_Gadget_Columns',
    'Report Gadget_Reports/Broken_Gadget_Interval',
    'Report Gadget_Reports/Broken_Gadget_Type_Name',
    'Report Missing_Folder/Gadgets_Elsewhere',
    'ReportType Broken_Gadget_Type',
  ]);
  expect(existsSync(join(project, 'force-app/main/default/reportTypes'))).toBe(false);
  expect(existsSync(join(project, 'force-app/main/default/objects/Gadget__c'))).toBe(false);
});

test("the program's report types, reports and dashboard deploy and are listed", async () => {
  const run = await deploy(sf);
  expect(run.status).toBe(0);
  const created = (type: string, fullName: string) => expect.objectContaining({ type, fullName, state: 'Created' });
  expect(run.result.files).toEqual(
    expect.arrayContaining([
      created('ReportType', 'Plans_With_Sections_And_Targets'),
      created('ReportType', 'Rollup_Runs'),
      created('ReportFolder', 'Partner_Program_Reports'),
      created('Report', 'Partner_Program_Reports/Attainment_By_Partner_And_Tier'),
      created('Report', 'Partner_Program_Reports/Rollup_Run_History'),
      created('DashboardFolder', 'Partner_Program_Dashboards'),
      created('Dashboard', 'Partner_Program_Dashboards/Partner_Program'),
    ]),
  );
  expect(run.result.files.filter((f) => f.type === 'Report')).toHaveLength(11);
  expect(
    existsSync(
      join(project, 'force-app/main/default/dashboards/Partner_Program_Dashboards/Partner_Program.dashboard-meta.xml'),
    ),
  ).toBe(true);

  const listed = await sf.json<{ fullName: string }[]>([
    'org',
    'list',
    'metadata',
    '--metadata-type',
    'ReportType',
    '--target-org',
    'localorg',
  ]);
  expect(listed.result.map((p) => p.fullName)).toEqual(
    expect.arrayContaining(['Plans_With_Sections_And_Targets', 'Targets_With_APR_Actions', 'Rollup_Runs']),
  );
  // Reports are listed by folder, as Salesforce requires.
  const list = (...flags: string[]) =>
    sf.json<{ fullName: string; id: string }[]>(['org', 'list', 'metadata', ...flags, '--target-org', 'localorg']);
  const reports = await list('--metadata-type', 'Report', '--folder', 'Partner_Program_Reports');
  expect(reports.result).toHaveLength(11);
  expect(reports.result).toContainEqual(
    expect.objectContaining({
      fullName: 'Partner_Program_Reports/Stale_Partner_Deals_By_Owner',
      id: expect.stringMatching(/^00O/),
    }),
  );
  const dashboards = await list('--metadata-type', 'Dashboard', '--folder', 'Partner_Program_Dashboards');
  expect(dashboards.result.map((d) => d.fullName)).toEqual(['Partner_Program_Dashboards/Partner_Program']);
  expect((await list('--metadata-type', 'Report', '--folder', 'Elsewhere')).result).toEqual([]);

  // Retrieved in Metadata API format, outside the repository.
  const target = join(sf.home, 'retrieved');
  const retrieved = await sf.json([
    'project',
    'retrieve',
    'start',
    '--metadata',
    'Report:Partner_Program_Reports/Rollup_Run_History',
    '--target-org',
    'localorg',
    '--target-metadata-dir',
    target,
    '--unzip',
  ]);
  expect(retrieved.status).toBe(0);
  const file = join(
    target,
    'unpackaged',
    'unpackaged',
    'reports',
    'Partner_Program_Reports',
    'Rollup_Run_History.report',
  );
  expect(readFileSync(file, 'utf8')).toContain('<reportType>Rollup_Runs__c</reportType>');
});
