/**
 * The source converts to a deployable metadata package with the real sf CLI (offline), and the package
 * carries the data model, the catalog, permissions and UI, and the compiled components without their
 * TypeScript sources. Requires `npm run build` first (npm test does it).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { REPO_ROOT } from '../../packages/model';

const SF = join(REPO_ROOT, 'node_modules', '.bin', 'sf');

describe('sf project convert source', () => {
  let outDir: string;
  let types: Map<string, string[]>;

  beforeAll(() => {
    outDir = join(mkdtempSync(join(tmpdir(), 'pap-convert-')), 'mdapi');
    execFileSync(SF, ['project', 'convert', 'source', '--root-dir', 'force-app', '--output-dir', outDir, '--json'], {
      cwd: REPO_ROOT,
      env: { ...process.env, SF_DISABLE_TELEMETRY: 'true', SF_AUTOUPDATE_DISABLE: 'true' },
      stdio: 'pipe',
    });
    const parser = new XMLParser({ isArray: (name) => name === 'types' || name === 'members' });
    const pkg = parser.parse(readFileSync(join(outDir, 'package.xml'), 'utf8')) as {
      Package: { types: { name: string; members: string[] }[] };
    };
    types = new Map(pkg.Package.types.map((t) => [t.name, t.members]));
  }, 120_000);

  afterAll(() => rmSync(join(outDir, '..'), { recursive: true, force: true }));

  it('lists the four objects and the metric catalog type', () => {
    expect(types.get('CustomObject')).toEqual(
      expect.arrayContaining([
        'Partner_Account_Plan__c',
        'Plan_Section__c',
        'Plan_Target__c',
        'APR_Action__c',
        'Plan_Metric__mdt',
      ]),
    );
  });

  it('lists the metric records, permission sets, app, tabs, layouts, quick action and record pages', () => {
    expect((types.get('CustomMetadata') ?? []).length).toBeGreaterThanOrEqual(20);
    expect(types.get('CustomMetadata')).toContain('Plan_Metric.Closed_Won_Revenue');
    expect(types.get('PermissionSet')).toEqual(
      expect.arrayContaining([
        'Partner_Planning_Admin',
        'Partner_Manager',
        'Account_Executive',
        'Partner_Planning_Rollup',
        'Partner_User',
      ]),
    );
    expect(types.get('CustomApplication')).toEqual(['Partner_Planning']);
    expect(types.get('CustomTab')).toEqual(
      expect.arrayContaining([
        'Partner_Account_Plan__c',
        'Plan_Section__c',
        'Plan_Target__c',
        'APR_Action__c',
        'Coaching',
      ]),
    );
    expect(types.get('Layout')).toContain('Opportunity-Opportunity Layout');
    expect(types.get('Layout')).toContain('Plan_Comment__c-Plan Comment Layout');
    expect(types.get('Layout')).toContain('Plan_Review__c-Plan Review Layout');
    expect((types.get('Layout') ?? []).length).toBe(7);
    expect(types.get('QuickAction')).toEqual(['Opportunity.Log_APR_Action']);
    // Program reporting: the custom report types, the reports in their folder and the dashboard in its own.
    expect(types.get('ReportType')).toHaveLength(5);
    // A folder is a member of its type too (listed here with a trailing slash).
    expect(types.get('Report')).toHaveLength(12);
    expect(types.get('Report')).toContain('Partner_Program_Reports/');
    expect(types.get('Report')).toContain('Partner_Program_Reports/Attainment_By_Partner_And_Tier');
    expect(types.get('Dashboard')).toEqual([
      'Partner_Program_Dashboards/',
      'Partner_Program_Dashboards/Partner_Program',
    ]);
    expect(types.get('FlexiPage')).toEqual(
      expect.arrayContaining([
        'Partner_Account_Plan_Record_Page',
        'Coaching',
        'Partner_Account_Record_Page',
        'Partner_Opportunity_Record_Page',
      ]),
    );
    expect(types.get('ValidationRule')).toContain('Plan_Target__c.Revision_Reason_Required');
    expect(types.get('CustomField')).toContain('Opportunity.Partner_Account__c');
  });

  it('lists the partner side: the comment object, the sharing reason and the restriction rules', () => {
    expect(types.get('CustomObject')).toContain('Plan_Comment__c');
    expect(types.get('SharingReason')).toEqual(
      expect.arrayContaining([
        'Partner_Account_Plan__c.Accountable_On_Target__c',
        'Partner_Account_Plan__c.Shared_With_Partner__c',
      ]),
    );
    expect(types.get('RestrictionRule')).toEqual([
      'Partner_Users_See_Shared_Comments',
      'Partner_Users_See_Shared_Sections',
      'Partner_Users_See_Shared_Targets',
    ]);
  });

  it('ships the compiled components and labels, never the TypeScript sources or tests', () => {
    expect(types.get('LightningComponentBundle')).toEqual(
      expect.arrayContaining([
        'partnerPlanEditor',
        'coachingView',
        'aprActionLogger',
        'planProgress',
        'planData',
        'paceBadge',
      ]),
    );
    expect(types.get('CustomLabels')).toBeDefined();
    const bundle = join(outDir, 'lwc', 'paceBadge');
    const files = readdirSync(bundle);
    expect(files).toEqual(expect.arrayContaining(['paceBadge.js', 'paceBadge.html', 'paceBadge.js-meta.xml']));
    expect(files.filter((f) => f.endsWith('.ts') || f === '__tests__' || f.startsWith('tsconfig'))).toEqual([]);
    expect(existsSync(join(outDir, 'lwc', 'tsconfig.json'))).toBe(false);
  });
});
