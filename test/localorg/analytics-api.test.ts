/**
 * The Analytics REST API of the local org, through jsforce and raw HTTP: reports run as the caller (sharing and
 * object access apply; partner users see no folder), POST overrides (filters, filter logic, groupings,
 * aggregates), the matrix fact map, describe, asynchronous instances, the dashboard's results, status and
 * refresh, and the errors of each in Salesforce's shape.
 */
import type { Connection } from 'jsforce';
import { dataPath, rawRequest, type TestOrg } from '../support/localorg';
import { createUser, login } from '../support/security';
import { reportByName, runReport, seededOrg } from '../support/analytics';

let t: TestOrg;
let ae: Connection;
let sharedPlan: string;

beforeAll(async () => {
  t = await seededOrg({ rollup: false });
  // An AE who owns nothing: one active plan is shared with them by hand, so their runs see that plan only.
  const user = await createUser(t, { alias: 'ae1', permissionSets: ['Account_Executive'] });
  ae = user.conn;
  const plan = await t.conn.query<{ Id: string; Name: string }>(
    "SELECT Id, Name FROM Partner_Account_Plan__c WHERE Status__c = 'Active' ORDER BY Name LIMIT 1",
  );
  sharedPlan = plan.records[0].Name;
  await t.conn
    .sobject('Partner_Account_Plan__Share')
    .create({ ParentId: plan.records[0].Id, UserOrGroupId: user.id, AccessLevel: 'Read' });
}, 180_000);
afterAll(() => t.close());

const PIPELINE = 'Pipeline Created by Partner';
const ATTAINMENT = 'Attainment by Partner and Tier';
const rowCount = (result: { factMap: Record<string, { aggregates: { value: unknown }[] }> }): unknown =>
  result.factMap['T!T'].aggregates.at(-1)?.value;

describe('running as the caller', () => {
  it('an AE sees only the plans their sharing gives them, the same as their own SOQL', async () => {
    const id = await reportByName(t.conn, ATTAINMENT);
    const plans = async (conn: Connection): Promise<string[]> => {
      const result = await runReport(conn, id);
      const names = Object.values(result.factMap)
        .flatMap((e) => e.rows ?? [])
        .map((r) => String(r.dataCells[0].label));
      return [...new Set(names)].sort();
    };
    const soql = await ae.query<{ Name: string }>(
      "SELECT Name FROM Partner_Account_Plan__c WHERE Status__c IN ('Accepted','Active','In Revision','Partner Review') " +
        'AND Id IN (SELECT Partner_Account_Plan__c FROM Plan_Section__c) ORDER BY Name',
    );
    const mine = await plans(ae);
    expect(mine).toEqual(soql.records.map((r) => r.Name).sort());
    expect(mine).toEqual([sharedPlan]);
    expect(mine.length).toBeLessThan((await plans(t.conn)).length);
  });

  it('scope "user" keeps only the records the caller owns', async () => {
    const id = await reportByName(t.conn, PIPELINE);
    const owner = await t.conn.query<{ OwnerId: string; Owner: { Username: string } }>(
      'SELECT OwnerId, Owner.Username FROM Opportunity WHERE Partner_Account__c != null AND CreatedDate = THIS_FISCAL_YEAR LIMIT 1',
    );
    const seller = await login(t, owner.records[0].Owner.Username);
    const owned = await runReport(seller, id, { scope: 'user' });
    const soql = await t.conn.query(
      `SELECT COUNT() FROM Opportunity WHERE OwnerId = '${owner.records[0].OwnerId}' AND Partner_Account__c != null AND CreatedDate = THIS_FISCAL_YEAR`,
    );
    expect(rowCount(owned)).toBe(soql.totalSize);
    expect(Number(rowCount(owned))).toBeGreaterThan(0);
    expect(Number(rowCount(owned))).toBeLessThan(Number(rowCount(await runReport(seller, id))));
  });

  it('a partner user sees no report: the list is empty and a run is NOT_FOUND', async () => {
    const partner = await t.conn.query<{ Username: string }>(
      "SELECT Username FROM User WHERE UserType = 'PowerPartner' ORDER BY Username LIMIT 1",
    );
    const conn = await login(t, partner.records[0].Username);
    expect(await conn.analytics.reports()).toEqual([]);
    const id = await reportByName(t.conn, PIPELINE);
    const res = await rawRequest(conn, 'GET', dataPath(`/analytics/reports/${id}`));
    expect(res.status).toBe(404);
    expect(res.body).toEqual([expect.objectContaining({ errorCode: 'NOT_FOUND' })]);
  });

  it("a user who cannot read the report type's objects is refused with FORBIDDEN", async () => {
    const user = await createUser(t, { alias: 'noperms' });
    const id = await reportByName(t.conn, 'Attainment by Partner and Tier');
    const res = await rawRequest(user.conn, 'GET', dataPath(`/analytics/reports/${id}`));
    expect(res.status).toBe(403);
    expect(res.body).toEqual([expect.objectContaining({ errorCode: 'FORBIDDEN' })]);
  });
});

describe('POST overrides', () => {
  it('adds a filter and filter logic, and the totals follow', async () => {
    const id = await reportByName(t.conn, PIPELINE);
    const base = await runReport(t.conn, id);
    const filters = [
      ...base.reportMetadata.reportFilters,
      { column: 'Opportunity$StageName', operator: 'equals', value: 'Closed Won' },
    ];
    const won = await runReport(t.conn, id, { reportFilters: filters, reportBooleanFilter: '1 AND 2 AND 3' });
    const soql = await t.conn.query(
      "SELECT COUNT() FROM Opportunity WHERE Partner_Account__c != null AND CreatedDate = THIS_FISCAL_YEAR AND StageName = 'Closed Won'",
    );
    expect(rowCount(won)).toBe(soql.totalSize);
    expect(won.reportMetadata.reportBooleanFilter).toBe('1 AND 2 AND 3');
    for (const row of Object.values(won.factMap).flatMap((e) => e.rows ?? [])) {
      expect(row.dataCells[2].value).toBe('Closed Won');
    }
  });

  it('regroups a summary report as a matrix, with row, column and grand totals that add up', async () => {
    const id = await reportByName(t.conn, PIPELINE);
    const matrix = await runReport(t.conn, id, {
      reportFormat: 'MATRIX',
      groupingsDown: [{ name: 'Opportunity$Partner_Account__c', sortOrder: 'Asc' }],
      groupingsAcross: [{ name: 'Opportunity$StageName', sortOrder: 'Asc' }],
      aggregates: ['s!Opportunity$Amount', 'RowCount'],
    });
    const down = matrix.groupingsDown?.groupings ?? [];
    const across = matrix.groupingsAcross?.groupings ?? [];
    expect(down.length).toBeGreaterThan(1);
    expect(across.length).toBeGreaterThan(1);
    const count = (key: string): number => Number(matrix.factMap[key].aggregates[1].value);
    const total = count('T!T');
    expect(down.reduce((a, d) => a + count(`${d.key}!T`), 0)).toBe(total);
    expect(across.reduce((a, c) => a + count(`T!${c.key}`), 0)).toBe(total);
    for (const d of down) expect(across.reduce((a, c) => a + count(`${d.key}!${c.key}`), 0)).toBe(count(`${d.key}!T`));
    // Stages sort in their picklist order, not by label.
    expect(across.map((c) => c.value)).toEqual(
      [...across.map((c) => String(c.value))].sort((a, b) => STAGES.indexOf(a) - STAGES.indexOf(b)),
    );
  });

  it('keeps a tabular row limit: the largest deals first, totals of those rows only', async () => {
    const id = await reportByName(t.conn, PIPELINE);
    const top = await runReport(t.conn, id, {
      reportFormat: 'TABULAR',
      groupingsDown: [],
      sortBy: [{ sortColumn: 'Opportunity$Amount', sortOrder: 'Desc' }],
      topRows: { rowLimit: 5, direction: 'Desc' },
    });
    const amounts = (top.factMap['T!T'].rows ?? []).map((r) => (r.dataCells[3].value as { amount: number }).amount);
    expect(amounts).toHaveLength(5);
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
    expect(rowCount(top)).toBe(5);
    const all = await t.conn.query<{ Amount: number }>(
      'SELECT Amount FROM Opportunity WHERE Partner_Account__c != null AND CreatedDate = THIS_FISCAL_YEAR ORDER BY Amount DESC LIMIT 5',
    );
    expect(amounts).toEqual(all.records.map((r) => r.Amount));
  });

  it.each([
    [{ detailColumns: ['Opportunity$Nope__c'] }, /Opportunity\$Nope__c/],
    [{ reportFilters: [{ column: 'Opportunity$Amount', operator: 'equals', value: 'lots' }] }, /isn't a valid number/],
    [{ reportFilters: [{ column: 'Opportunity$CloseDate', operator: 'equals', value: 'SOMEDAY' }] }, /valid date/],
    [{ reportBooleanFilter: '1 AND 2 OR 3' }, /parentheses/],
    [{ reportBooleanFilter: '1' }, /not referenced/],
    [{ aggregates: ['s!Opportunity$StageName'] }, /can't be summed/],
    [{ groupingsAcross: [{ name: 'Opportunity$StageName' }] }, /at most/],
    [{ scope: 'everything' }, /scope/],
    [{ topRows: { rowLimit: 5, direction: 'Desc' } }, /row limit needs a tabular report/],
  ])('refuses %j with BAD_REQUEST', async (metadata, message) => {
    const id = await reportByName(t.conn, PIPELINE);
    const res = await rawRequest(t.conn, 'POST', dataPath(`/analytics/reports/${id}`), {
      body: { reportMetadata: metadata },
    });
    expect(res.status).toBe(400);
    expect(res.body).toEqual([
      expect.objectContaining({ errorCode: 'BAD_REQUEST', message: expect.stringMatching(message) }),
    ]);
  });

  it.each([
    [
      '100,000 characters of nested filter logic',
      { reportBooleanFilter: `${'('.repeat(50_000)}1${')'.repeat(50_000)}` },
      /longer than 1000 characters/,
    ],
    [
      '21 filters',
      {
        reportFilters: Array.from({ length: 21 }, () => ({
          column: 'Opportunity$Amount',
          operator: 'greaterThan',
          value: '1',
        })),
      },
      /at most 20 filters/,
    ],
  ])('refuses %s with BAD_REQUEST before running anything', async (_what, metadata, message) => {
    const id = await reportByName(t.conn, PIPELINE);
    const res = await rawRequest(t.conn, 'POST', dataPath(`/analytics/reports/${id}`), {
      body: { reportMetadata: metadata },
    });
    expect(res.status).toBe(400);
    expect(res.body).toEqual([
      expect.objectContaining({ errorCode: 'BAD_REQUEST', message: expect.stringMatching(message) }),
    ]);
  });

  it('answers a malformed body with JSON_PARSER_ERROR and an unknown report with NOT_FOUND', async () => {
    const id = await reportByName(t.conn, PIPELINE);
    const bad = await rawRequest(t.conn, 'POST', dataPath(`/analytics/reports/${id}`), { body: '{"reportMetadata":' });
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual([expect.objectContaining({ errorCode: 'JSON_PARSER_ERROR' })]);
    const missing = await rawRequest(t.conn, 'GET', dataPath('/analytics/reports/00O000000000000AAA'));
    expect(missing.status).toBe(404);
  });
});

const STAGES = [
  'Prospecting',
  'Qualification',
  'Needs Analysis',
  'Value Proposition',
  'Id. Decision Makers',
  'Perception Analysis',
  'Proposal/Price Quote',
  'Negotiation/Review',
  'Closed Won',
  'Closed Lost',
];

describe('describe and instances', () => {
  it("describes a report: metadata, column info and the report type's sections", async () => {
    const id = await reportByName(t.conn, 'Stale Partner Deals by Owner');
    const d = await t.conn.analytics.report(id).describe();
    expect(d.reportMetadata).toMatchObject({
      id,
      reportFormat: 'SUMMARY',
      reportBooleanFilter: '1 AND 2 AND (3 OR 4)',
      reportType: { type: 'Partner_Opportunities__c', label: 'Opportunities' },
    });
    expect(d.reportExtendedMetadata.detailColumnInfo['Opportunity$Amount']).toMatchObject({
      dataType: 'currency',
      label: 'Amount',
    });
    expect(d.reportExtendedMetadata.groupingColumnInfo['Opportunity$Owner']).toMatchObject({ groupingLevel: 0 });
    expect(Object.keys(d.reportTypeMetadata.categories[0].columns)).toContain(
      'Opportunity$Partner_Account__c.Partner_Tier__c',
    );
  });

  it("explains a report's query through jsforce, as Query Performance Feedback does", async () => {
    const id = await reportByName(t.conn, PIPELINE);
    const explained = await t.conn.analytics.report(id).explain();
    expect(explained.plans[0]).toMatchObject({ sobjectType: 'Opportunity' });
  });

  it('runs asynchronously: the instance is listed and gives the same fact map', async () => {
    const id = await reportByName(t.conn, PIPELINE);
    const report = t.conn.analytics.report(id);
    const started = await report.executeAsync({ details: false });
    expect(started.status).toBe('Success');
    expect((await report.instances()).map((i) => i.id)).toContain(started.id);
    const result = await report.instance(started.id).retrieve();
    expect(result.attributes).toMatchObject({ type: 'ReportInstance', status: 'Success', reportId: id });
    expect(result.factMap['T!T']).toEqual((await report.execute()).factMap['T!T']);
  });
});

describe('the Partner Program dashboard', () => {
  it('gives every component its data as the viewer, with the layout and visualizations', async () => {
    const [info] = await t.conn.analytics.dashboards();
    expect(info.name).toBe('Partner Program');
    const result = await t.conn.analytics.dashboard(info.id).components();
    expect(result.componentData).toHaveLength(10);
    expect(result.componentData.map((c) => c.status.dataStatus)).toEqual(Array(10).fill('DATA'));
    const meta = result.dashboardMetadata;
    expect(meta.dashboardType).toBe('LoggedInUser');
    expect(meta.layout.gridLayout).toBe(true);
    expect(
      new Set(meta.components.map((c) => (c.properties as { visualizationType: string }).visualizationType)),
    ).toEqual(new Set(['Gauge', 'Bar', 'FlexTable', 'Column', 'Donut']));
    // The gauge averages plan attainment, as its source report's grand total does.
    const gauge = result.componentData[0].reportResult.factMap['T!T'].aggregates[0].value;
    const report = await runReport(t.conn, meta.components[0].reportId);
    expect(gauge).toBe(report.factMap['T!T'].aggregates[0].value);
  });

  it('an AE sees their own figures on the same dashboard; status and refresh answer', async () => {
    const [info] = await ae.analytics.dashboards();
    const mine = await ae.analytics.dashboard(info.id).components();
    const admin = await t.conn.analytics.dashboard(info.id).components();
    // The gauge's plans are the viewer's: fewer rows for the AE than for the admin.
    const gaugeRows = (r: typeof mine): number =>
      Number(r.componentData[0].reportResult.factMap['T!T'].aggregates.at(-1)?.value);
    expect(gaugeRows(mine)).toBeGreaterThan(0);
    expect(gaugeRows(mine)).toBeLessThan(gaugeRows(admin));
    const refreshed = await ae.analytics.dashboard(info.id).refresh();
    expect(refreshed.statusUrl).toMatch(/\/status$/);
    const status = await ae.analytics.dashboard(info.id).status();
    expect(status.componentStatus).toHaveLength(10);
    expect(status.componentStatus[0].refreshDate).not.toBeNull();
  });
});

describe('finding reports and dashboards', () => {
  it('finds a report by developer name with SOQL, with the Id the Analytics and Metadata APIs give', async () => {
    const soql = await t.conn.query<{ Id: string; Name: string; FolderName: string; Format: string }>(
      "SELECT Id, Name, FolderName, Format FROM Report WHERE DeveloperName = 'Stale_Partner_Deals_By_Owner'",
    );
    expect(soql.records).toEqual([
      expect.objectContaining({
        Name: 'Stale Partner Deals by Owner',
        FolderName: 'Partner Program Reports',
        Format: 'Summary',
      }),
    ]);
    expect(soql.records[0].Id).toBe(await reportByName(t.conn, 'Stale Partner Deals by Owner'));
    const listed = await t.conn.metadata.list({ type: 'Report', folder: 'Partner_Program_Reports' });
    const fromMetadata = (Array.isArray(listed) ? listed : [listed]).map((f) => f.id).sort();
    expect(fromMetadata).toEqual((await t.conn.analytics.reports()).map((r) => r.id).sort());
    const dashboards = await t.conn.query<{ Id: string; Type: string }>(
      "SELECT Id, Type FROM Dashboard WHERE DeveloperName = 'Partner_Program'",
    );
    expect(dashboards.records[0]).toMatchObject({
      Type: 'LoggedInUser',
      Id: (await t.conn.analytics.dashboards())[0].id,
    });
  }, 60_000);

  it('Report and Dashboard records are read-only', async () => {
    const [report] = (await t.conn.query<{ Id: string }>('SELECT Id FROM Report LIMIT 1')).records;
    const res = await rawRequest(t.conn, 'PATCH', dataPath(`/sobjects/Report/${report.Id}`), {
      body: { Name: 'Mine' },
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  });
});

describe('a partner manager', () => {
  it('finds the reports with SOQL, as internal users who run reports do', async () => {
    const pm = await createUser(t, { alias: 'pmsoql', permissionSets: ['Partner_Manager'] });
    const rows = await pm.conn.query<{ DeveloperName: string; FolderName: string }>(
      'SELECT DeveloperName, FolderName FROM Report ORDER BY DeveloperName',
    );
    expect(rows.records.map((r) => r.DeveloperName)).toEqual(
      (
        await t.conn.query<{ DeveloperName: string }>('SELECT DeveloperName FROM Report ORDER BY DeveloperName')
      ).records.map((r) => r.DeveloperName),
    );
    expect(new Set(rows.records.map((r) => r.FolderName))).toEqual(new Set(['Partner Program Reports']));
  });
});
