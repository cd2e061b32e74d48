/**
 * The local app's report rendering model (packages/app/shell/modules/shell/reportPage/reportModel.ts) on
 * report runs in the Analytics REST API's documented shape (test/fixtures/analytics): a tabular report's rows
 * and grand total, a summary report's groups, detail rows, subtotals and grand total, a matrix report's
 * cross-tab with row and column totals, the filters in words, the row count and a chart's series.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  chartData,
  columnLabel,
  filterTexts,
  humanize,
  matrixTable,
  reportChart,
  rowCount,
  summaryTable,
  tabularTable,
  failureMessage,
  type ReportResult,
} from '../../packages/app/shell/modules/shell/reportPage/reportModel';

const fixture = (name: string): ReportResult =>
  JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'analytics', `${name}.json`), 'utf8')) as ReportResult;

const summary = fixture('report-summary');
const matrix = fixture('report-matrix');
const tabular = fixture('report-tabular');
const ATTAINMENT = 'a!Partner_Account_Plan__c$Overall_Attainment__c';

describe('a tabular report', () => {
  it('draws every detail row under the labelled detail columns, then the grand total', () => {
    const table = tabularTable(tabular);
    expect(table.columns.map((c) => c.label)).toEqual(['Plan Name', 'Partner Account', 'Last Modified Date']);
    expect(table.rows.map((r) => r.kind)).toEqual(['detail', 'detail', 'total']);
    expect(table.rows[0].cells.map((c) => c.text)).toEqual(['Acme FY2028 Plan', 'Acme Partners', '12/1/2026 9:30 AM']);
    expect(table.rows[2].label).toBe('Grand Total · 2 records');
  });

  it('counts its rows and says its filters and date range', () => {
    expect(rowCount(tabular)).toBe(2);
    expect(filterTexts(tabular)).toEqual(['1. Status equals Partner Review', 'Last Modified Date: last n days:30']);
  });
});

describe('a summary report', () => {
  const table = summaryTable(summary);

  it('nests each group with its subgroups, detail rows and subtotal, and ends with the grand total', () => {
    expect(table.rows.map((r) => `${r.kind}:${r.level}`)).toEqual([
      'group:0',
      'group:1',
      'detail:2',
      'detail:2',
      'subtotal:1',
      'subtotal:0',
      'group:0',
      'group:1',
      'detail:2',
      'subtotal:1',
      'group:1',
      'detail:2',
      'subtotal:1',
      'subtotal:0',
      'total:0',
    ]);
    expect(table.rows[0].label).toBe('Partner Tier: Gold');
    expect(table.rows[1].label).toBe('Partner Account: Acme Partners');
  });

  it('puts an aggregate under its detail column and the record count in the label', () => {
    const gold = table.rows[5];
    expect(gold.label).toBe('Gold subtotal · 2 records');
    expect(table.rows[4].label).toBe('Acme Partners subtotal · 2 records');
    expect([table.rows[0].leaf, table.rows[1].leaf]).toEqual([false, true]);
    expect(gold.cells.map((c) => c.text)).toEqual(['', '', '95.5%']);
    const total = table.rows[table.rows.length - 1];
    expect(total.label).toBe('Grand Total · 4 records');
    expect(total.cells[2]).toEqual({
      key: 'Partner_Account_Plan__c$Overall_Attainment__c',
      text: '95.25%',
      numeric: true,
    });
  });

  it('leaves subtotals out when the report hides them', () => {
    const hidden = summaryTable({ ...summary, reportMetadata: { ...summary.reportMetadata, showSubtotals: false } });
    expect(hidden.rows.filter((r) => r.kind === 'subtotal')).toEqual([]);
    expect(hidden.rows[hidden.rows.length - 1].kind).toBe('total');
  });

  it('charts the first grouping or, stacked, the second grouping within it', () => {
    expect(chartData(summary, [ATTAINMENT])).toEqual({
      categories: ['Gold', 'Silver'],
      series: [{ label: 'Average Overall Attainment', values: [95.5, 95] }],
    });
    expect(chartData(summary, ['RowCount'], 0, true)).toEqual({
      categories: ['Gold', 'Silver'],
      series: [
        { label: 'Acme Partners', values: [2, 0] },
        { label: 'Bolt Systems', values: [0, 1] },
        { label: 'Cobalt Works', values: [0, 1] },
      ],
    });
    expect(chartData(summary, ['RowCount'], 1).categories).toEqual(['Acme Partners', 'Bolt Systems', 'Cobalt Works']);
  });

  it('has no chart unless its metadata has one', () => {
    expect(reportChart(summary)).toBeUndefined();
    const chart = { chartType: 'Bar', groupings: ['x'], summaries: ['RowCount'], title: 'T' };
    expect(reportChart({ ...summary, reportMetadata: { ...summary.reportMetadata, chart } })).toEqual(chart);
  });
});

describe('a matrix report', () => {
  it('cross-tabs the first aggregate: a row per down grouping, a column per across grouping, totals on both', () => {
    const m = matrixTable(matrix);
    expect(m.corner).toBe('Accountable AE / Metric');
    expect(m.aggregate.label).toBe('Sum of Actual');
    expect(m.across.map((a) => a.label)).toEqual(['Ben Hughes', 'Chloe Park', 'Total']);
    expect(m.rows.map((r) => [r.label, r.level, ...r.cells.map((c) => c.text)])).toEqual([
      ['Alex Reed', 0, '12', '5', '17'],
      ['Joint Calls', 1, '12', '5', '17'],
      ['Dana Cole', 0, '0', '8', '8'],
      ['Demos', 1, '0', '6', '6'],
      ['Joint Calls', 1, '0', '2', '2'],
      ['Total', 0, '12', '13', '25'],
    ]);
    expect(m.rows[m.rows.length - 1].isTotal).toBe(true);
  });

  it('shows another aggregate when asked, and its filter logic', () => {
    const m = matrixTable(matrix, 'RowCount');
    expect(m.aggregate.label).toBe('Record Count');
    expect(m.rows[m.rows.length - 1].cells.map((c) => c.text)).toEqual(['3', '3', '6']);
    expect(filterTexts(matrix)).toEqual([
      '1. Metric equals Joint_Calls, Demos',
      '2. Status not equal to Draft',
      'Filter logic: 1 AND 2',
    ]);
    expect(rowCount(matrix)).toBe(6);
  });
});

describe('labels and errors', () => {
  it('labels a column from the run, or from its name', () => {
    expect(columnLabel(summary, 'Partner_Account_Plan__c$Name')).toBe('Plan Name');
    expect(columnLabel(summary, 'RowCount')).toBe('Record Count');
    expect(humanize('Partner_Account_Plan__c.Plan_Sections__r.Plan_Targets__r$Pace_Status__c')).toBe('Pace Status');
    expect(humanize('Opportunity$LastModifiedDate')).toBe('Last Modified Date');
  });

  it("says Salesforce's message of a failed run, and a plain sentence otherwise", () => {
    const failure = { ok: false, status: 400, body: [{ errorCode: 'BAD_REQUEST', message: 'Invalid field name' }] };
    expect(failureMessage(failure, 'fallback')).toBe('Invalid field name');
    expect(failureMessage(new Error('socket hang up'), 'The report could not be run.')).toBe(
      'The report could not be run.',
    );
  });
});
