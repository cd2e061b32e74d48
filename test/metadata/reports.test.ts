/**
 * The model reads report types, report folders, reports, dashboard folders and dashboards, and the reporting
 * checks pass on this repository and catch each kind of breakage on a broken fixture (test/fixtures/broken-reports).
 */
import { join } from 'node:path';
import { loadForceApp, reportTypeColumns } from '../../packages/model';
import { checkReporting } from '../../packages/model/checks';
import { FIXTURES, projectModel } from '../support/project';

const messages = (problems: { file: string; message: string }[]): string[] =>
  problems.map((p) => `${p.file}: ${p.message}`);

describe('this repository', () => {
  it('has report types, reports and dashboards that name only what exists', () => {
    expect(messages(checkReporting(projectModel()))).toEqual([]);
  });
});

describe('the broken reports fixture', () => {
  const model = loadForceApp({ root: join(FIXTURES, 'broken-reports') });
  const at = (path: string, message: string): string => `force-app/main/default/${path}: ${message}`;

  it('reads report types with their joins and sections', () => {
    const type = model.reportTypes.find((t) => t.name === 'Gadgets_With_Parts');
    expect(type).toMatchObject({
      baseObject: 'Gadget__c',
      category: 'other',
      deployed: true,
      join: { relationship: 'Gadget_Parts__r', outerJoin: true },
    });
    expect(type?.sections.map((s) => s.masterLabel)).toEqual(['Gadgets', 'Parts']);
    expect(type?.sections[1].columns).toContainEqual(
      expect.objectContaining({ table: 'Gadget__c.Gadget_Parts__r', field: 'Quantity__c' }),
    );
  });

  it('reads reports in their folders, with columns, groupings, filters and summaries', () => {
    expect(model.reportFolders.map((f) => f.name)).toEqual(['Gadget_Reports']);
    const report = model.reports.find((r) => r.fullName === 'Gadget_Reports/Gadgets_By_Status');
    expect(report).toMatchObject({
      folder: 'Gadget_Reports',
      developerName: 'Gadgets_By_Status',
      format: 'Summary',
      reportType: 'Gadgets_With_Parts__c',
      booleanFilter: '1 OR 2',
      groupingsDown: [{ field: 'Gadget__c$Status__c', sortOrder: 'Asc' }],
      timeFrameFilter: { dateColumn: 'Gadget__c$CreatedDate', interval: 'INTERVAL_CURFY' },
    });
    expect(report?.columns).toContainEqual({ field: 'Gadget__c$Price__c', aggregateTypes: ['Sum'] });
    expect(report?.filters.map((f) => f.column)).toEqual(['Gadget__c$Status__c', 'Gadget__c$Price__c']);
    expect(report?.aggregates[0].calculatedFormula).toBe('Gadget__c.Gadget_Parts__r.Quantity__c:SUM / RowCount');
  });

  it('reads dashboards with their components and running user setting', () => {
    const dashboard = model.dashboards.find((d) => d.fullName === 'Gadget_Dashboards/Gadget_Overview');
    expect(dashboard).toMatchObject({ title: 'Gadget Overview', dashboardType: 'LoggedInUser' });
    expect(dashboard?.components[0]).toMatchObject({
      componentType: 'Column',
      report: 'Gadget_Reports/Gadgets_By_Status',
      groupingColumns: ['Gadget__c$Status__c'],
      summaryColumns: ['Gadget__c$Price__c'],
    });
  });

  it("lists a report type's columns with the object and field each reads", () => {
    const columns = reportTypeColumns(model, 'Gadgets_With_Parts__c');
    expect(columns?.get('gadget__c.gadget_parts__r$quantity__c')).toEqual({
      name: 'Gadget__c.Gadget_Parts__r$Quantity__c',
      object: 'Gadget_Part__c',
      path: 'Quantity__c',
      formulaName: 'Gadget__c.Gadget_Parts__r.Quantity__c',
      field: expect.objectContaining({ apiName: 'Quantity__c', type: 'Number' }),
    });
    expect(columns?.get('gadget__c$owner')?.field).toMatchObject({ apiName: 'OwnerId' });
    expect(reportTypeColumns(model, 'Gadgets_With_Parts')).toBeUndefined();
    expect(reportTypeColumns(model, 'Opportunity')?.get('amount')).toMatchObject({ path: 'Amount' });
  });

  it('reports each broken name, and nothing in the valid report', () => {
    const found = messages(checkReporting(model));
    expect(found.filter((m) => m.includes('Gadgets_By_Status.report'))).toEqual([]);
    expect(found).toEqual([
      at(
        'reportTypes/Broken_Gadget_Type.reportType-meta.xml',
        'In field: field - no CustomField named Gadget__c.Weight__c found',
      ),
      at(
        'reportTypes/Broken_Gadget_Type.reportType-meta.xml',
        'In field: field - no CustomField named Gadget_Part__c.Colour__c found',
      ),
      at(
        'reportTypes/Broken_Gadget_Type.reportType-meta.xml',
        'In field: table - no table named Gadget__c.Widgets__r in this report type',
      ),
      ...[
        'Invalid field name: Gadget__c$Weight__c (columns)',
        'Cannot summarize Gadget__c$Status__c (Text) by Sum: it allows Unique',
        'Invalid field name: Gadget__c.Status__c (groupingsDown)',
        'Invalid field name: Gadget__c.Gadget_Parts__r$Colour__c (filter 1)',
        'Invalid field name: Gadget__c.Weight__c (custom summary formula FORMULA1)',
        'Invalid grouping context: Gadget__c$Owner (custom summary formula FORMULA1)',
        'A Matrix report allows 2 row and 2 column groupings',
        'A Matrix report needs a column grouping',
        'Invalid filter logic: 1 AND 3 names filter 3; there are 1',
      ].map((m) => at('reports/Gadget_Reports/Broken_Gadget_Columns.report-meta.xml', m)),
      at(
        'reports/Gadget_Reports/Broken_Gadget_Interval.report-meta.xml',
        'Invalid time frame interval: INTERVAL_SOMEDAY (timeFrameFilter)',
      ),
      at('reports/Gadget_Reports/Broken_Gadget_Type_Name.report-meta.xml', 'Invalid report type: Gadgets_With_Parts'),
      at(
        'reports/Missing_Folder/Gadgets_Elsewhere.report-meta.xml',
        'In field: folder - no ReportFolder named Missing_Folder found',
      ),
      at(
        'dashboards/Gadget_Dashboards/Gadget_Overview.dashboard-meta.xml',
        'In field: report - no Report named Gadget_Reports/No_Such_Report found',
      ),
      at(
        'dashboards/Gadget_Dashboards/Gadget_Overview.dashboard-meta.xml',
        'Invalid field name: Gadget__c$Weight__c (component over Gadget_Reports/Gadgets_By_Status)',
      ),
      at(
        'dashboards/No_Folder/Orphan_Dashboard.dashboard-meta.xml',
        'In field: folder - no DashboardFolder named No_Folder found',
      ),
      at('dashboards/No_Folder/Orphan_Dashboard.dashboard-meta.xml', 'Invalid dashboardType: Everyone'),
    ]);
  });

  it('reports a report type whose base object or join does not exist', () => {
    const [type] = model.reportTypes;
    const broken = [
      { ...type, name: 'No_Base', baseObject: 'Nothing__c' },
      { ...type, name: 'No_Join', join: { relationship: 'Sprockets__r', outerJoin: false } },
    ];
    expect(
      checkReporting({ ...model, reportTypes: broken, reports: [], dashboards: [] }).map((p) => p.message),
    ).toEqual([
      'In field: baseObject - no CustomObject named Nothing__c found',
      'In field: relationship - no child relationship named Sprockets__r on Gadget__c',
    ]);
  });
});
