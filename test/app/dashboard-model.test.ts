/**
 * The local app's dashboard model (packages/app/shell/modules/shell/dashboardPage/dashboardModel.ts) on a
 * Dashboard Results answer in the Analytics REST API's documented shape (test/fixtures/analytics/dashboard.json):
 * each component placed on the grid layout, a gauge's range, bands and needle, bar, stacked and donut charts'
 * series, grouped and detail tables with totals, the text alternatives, and a failed component's error.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  componentViews,
  gridStyle,
  placements,
  type DashboardResult,
} from '../../packages/app/shell/modules/shell/dashboardPage/dashboardModel';

const dashboard = JSON.parse(
  readFileSync(join(__dirname, '..', 'fixtures', 'analytics', 'dashboard.json'), 'utf8'),
) as DashboardResult;
const views = componentViews(dashboard);
const byHeader = (header: string): ReturnType<typeof componentViews>[number] => {
  const view = views.find((v) => v.header === header);
  if (!view) throw new Error(`no component ${header}`);
  return view;
};

it("places each component on the layout's grid (rows and columns from 1)", () => {
  expect(gridStyle(dashboard)).toBe(
    'grid-template-columns: repeat(12, minmax(0, 1fr)); grid-auto-rows: minmax(36px, auto);',
  );
  expect(placements(dashboard).slice(0, 2)).toEqual([
    'grid-column: 1 / span 3; grid-row: 1 / span 8;',
    'grid-column: 4 / span 5; grid-row: 1 / span 8;',
  ]);
  const stacked = { ...dashboard, dashboardMetadata: { ...dashboard.dashboardMetadata, layout: null } };
  expect(placements(stacked)[0]).toBe('grid-column: 1 / -1;');
});

it('draws a gauge from the grand total, between the first and last breakpoints, in their colours', () => {
  const view = byHeader('Program attainment');
  expect(view.kind).toBe('gauge');
  const gauge = view.gauge!;
  expect([gauge.value, gauge.valueText, gauge.min, gauge.max]).toEqual([95.25, '95.25%', 0, 150]);
  expect(gauge.bands.map((b) => [b.color, b.text])).toEqual([
    ['#C25454', '0 to 90'],
    ['#C2C254', '90 to 100'],
    ['#54C254', '100 to 150'],
  ]);
  // The first band starts at the left end of the half circle (centre 100,100, radius 90).
  expect(gauge.bands[0].path.startsWith('M 10 100 A 90 90')).toBe(true);
  // 95.25 of 150 is a little past the top: the needle leans right.
  expect(gauge.needle.x2).toBeGreaterThan(100);
  expect(view.summary).toBe(
    'Average attainment of open plans: 95.25%, on a scale from 0 to 150, in the 90 to 100 band.',
  );
});

it('charts a bar by its grouping, sorted as the component says, with a text alternative', () => {
  const view = byHeader('Attainment');
  expect(view.kind).toBe('chart');
  expect(view.chart).toMatchObject({ type: 'bar', horizontal: true, stacked: false, legend: 'bottom' });
  expect(view.chart!.data).toEqual({
    categories: ['Gold', 'Silver'],
    series: [{ label: 'Average Overall Attainment', values: [95.5, 95] }],
  });
  expect(view.summary).toBe(
    'Average attainment by partner tier: Average Overall Attainment by category. Gold 95.5; Silver 95.',
  );
});

it('sorts by label when the component sorts by its grouping, by value otherwise, and keeps maxRows', () => {
  const bar = dashboard.dashboardMetadata.components[1];
  const sorted = (sort: { column: string; sortOrder: string }, maxRows: number | null = null): string[] => {
    const copy = JSON.parse(JSON.stringify(dashboard)) as DashboardResult;
    copy.dashboardMetadata.components[1].properties = { ...bar.properties, sort, maxRows };
    return componentViews(copy)[1].chart!.data.categories;
  };
  const tier = 'Partner_Account_Plan__c$Partner_Account__c.Partner_Tier__c';
  expect(sorted({ column: tier, sortOrder: 'desc' })).toEqual(['Silver', 'Gold']);
  expect(sorted({ column: tier, sortOrder: 'asc' })).toEqual(['Gold', 'Silver']);
  expect(sorted({ column: 'a!Partner_Account_Plan__c$Overall_Attainment__c', sortOrder: 'asc' })).toEqual([
    'Silver',
    'Gold',
  ]);
  expect(sorted({ column: 'a!Partner_Account_Plan__c$Overall_Attainment__c', sortOrder: 'desc' }, 1)).toEqual(['Gold']);
});

it('stacks a second grouping, and draws a donut', () => {
  const stacked = byHeader('Plans').chart!;
  expect(stacked.stacked).toBe(true);
  expect(stacked.legend).toBe('right');
  expect(stacked.data.series.map((s) => s.label)).toEqual(['Acme Partners', 'Bolt Systems', 'Cobalt Works']);
  // Sorted by value descending; Gold and Silver both have two plans and keep the report's order.
  expect(stacked.data.categories).toEqual(['Gold', 'Silver']);
  expect(stacked.data.series[0].values).toEqual([2, 0]);
  const donut = byHeader('Data freshness').chart!;
  expect(donut.type).toBe('doughnut');
  expect(donut.data.series[0].values).toEqual([2, 2]);
});

it("tables a grouping's aggregates with totals, and a tabular report's detail columns", () => {
  const grouped = byHeader('By partner').table!;
  expect(grouped.columns.map((c) => c.label)).toEqual([
    'Partner Account',
    'Record Count',
    'Average Overall Attainment',
  ]);
  expect(grouped.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
    ['Acme Partners', '2', '95.5%'],
    ['Bolt Systems', '1', '80%'],
    ['Cobalt Works', '1', '110%'],
  ]);
  expect(grouped.totals!.map((c) => c.text)).toEqual(['Total', '4', '95.25%']);
  // Sorted by another column, ascending: numbers as numbers, text as text.
  const copy = JSON.parse(JSON.stringify(dashboard)) as DashboardResult;
  const table = copy.dashboardMetadata.components[3];
  table.properties.sort = { column: 'a!Partner_Account_Plan__c$Overall_Attainment__c', sortOrder: 'asc' };
  expect(componentViews(copy)[3].table!.rows.map((r) => r.cells[0].text)).toEqual([
    'Bolt Systems',
    'Acme Partners',
    'Cobalt Works',
  ]);
  table.properties.sort = { column: 'Partner_Account_Plan__c$Partner_Account__c', sortOrder: 'desc' };
  expect(componentViews(copy)[3].table!.rows.map((r) => r.cells[0].text)).toEqual([
    'Cobalt Works',
    'Bolt Systems',
    'Acme Partners',
  ]);
  const detail = byHeader('Partner review').table!;
  expect(detail.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
    ['Acme FY2028 Plan', 'Acme Partners'],
    ['Bolt FY2028 Plan', 'Bolt Systems'],
  ]);
  expect(detail.totals).toBeNull();
});

it("shows a failed component's message, and links every component to its report", () => {
  const failed = byHeader('Pipeline');
  expect(failed.kind).toBe('error');
  expect(failed.error).toBe("You don't have sufficient privileges to perform this operation.");
  expect(views.map((v) => v.reportId)).toEqual(dashboard.dashboardMetadata.components.map((c) => c.reportId));
});

it('says a component with no data is empty', () => {
  const empty: DashboardResult = JSON.parse(JSON.stringify(dashboard)) as DashboardResult;
  empty.componentData[1].status.dataStatus = 'NODATA';
  expect(componentViews(empty)[1].kind).toBe('empty');
});
