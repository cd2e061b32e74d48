/**
 * The metadata checks pass on this repository and catch each kind of breakage on a broken fixture.
 */
import { join } from 'node:path';
import { loadForceApp, MetadataError } from '../../packages/model';
import {
  checkCodeReferences,
  checkDataTrees,
  checkFieldDocumentation,
  checkMetadataFieldReferences,
  checkMetricCatalog,
  checkSoql,
  checkXmlWellFormed,
} from '../../packages/model/checks';
import { CODE_DIRS, FIXTURES, projectModel } from '../support/project';

const messages = (problems: { file: string; message: string }[]): string[] =>
  problems.map((p) => `${p.file}: ${p.message}`);

describe('this repository', () => {
  const model = projectModel();

  it('has only well-formed metadata XML', () => {
    expect(messages(checkXmlWellFormed(model.root))).toEqual([]);
  });

  it('documents every custom field with a description and inline help text', () => {
    expect(messages(checkFieldDocumentation(model))).toEqual([]);
  });

  it('names only existing fields in layouts, list views, quick actions, permission sets and roll-ups', () => {
    expect(messages(checkMetadataFieldReferences(model))).toEqual([]);
  });

  it('defines metrics over existing objects, fields, filters and metrics', () => {
    expect(messages(checkMetricCatalog(model))).toEqual([]);
  });

  it('names only existing objects and fields in code and SOQL', () => {
    expect(messages(checkCodeReferences(model, CODE_DIRS))).toEqual([]);
  });

  it('has sample data that names only existing objects and fields', () => {
    expect(messages(checkDataTrees(model))).toEqual([]);
  });
});

describe('on a broken project', () => {
  const root = join(FIXTURES, 'broken-project');
  const model = loadForceApp({ root });

  it('reports malformed XML with file and line', () => {
    expect(messages(checkXmlWellFormed(root))).toEqual([
      expect.stringMatching(/^force-app\/main\/default\/objects\/Widget__c\/Malformed\.xml: malformed XML at line 3:/),
    ]);
  });

  it('refuses to load a metadata file the model reads when it is malformed', () => {
    expect(() => loadForceApp({ root: join(FIXTURES, 'malformed-field') })).toThrow(MetadataError);
    expect(() => loadForceApp({ root: join(FIXTURES, 'malformed-field') })).toThrow(
      /Bad__c\.field-meta\.xml: malformed XML/,
    );
  });

  it('reports a custom field without a description and one without help text', () => {
    expect(messages(checkFieldDocumentation(model))).toEqual([
      'force-app/main/default/objects/Widget__c/fields/No_Description__c.field-meta.xml: Widget__c.No_Description__c has no <description>',
      'force-app/main/default/objects/Widget__c/fields/No_Help__c.field-meta.xml: Widget__c.No_Help__c has no <inlineHelpText>',
    ]);
  });

  it('reports a layout and a permission set that name missing fields', () => {
    expect(messages(checkMetadataFieldReferences(model)).sort()).toEqual([
      'force-app/main/default/layouts/Widget__c-Widget Layout.layout-meta.xml: names field Widget__c.Ghost_Field__c, which does not exist',
      'force-app/main/default/permissionsets/Widget_User.permissionset-meta.xml: names field Widget__c.Vanished__c, which does not exist',
    ]);
  });

  it('reports code and SOQL that name fields force-app lacks, and accepts the valid ones', () => {
    const found = messages(checkCodeReferences(model, ['scripts']));
    expect(found).toEqual(
      expect.arrayContaining([
        'scripts/report.ts: names Missing_Amount__c, which is not in force-app',
        'scripts/report.ts: names Phantom__c, which is not in force-app',
        'scripts/report.ts: names Widget__c.Phantom__c, which is not in force-app',
        'scripts/report.ts: SOQL field Missing_Amount__c: Widget__c.Missing_Amount__c does not exist',
      ]),
    );
    expect(found.some((m) => m.includes('Documented__c'))).toBe(false);
    expect(found.some((m) => m.includes('Account'))).toBe(false);
  });
});

describe('checkSoql', () => {
  const model = projectModel();

  it("knows the platform's share objects of Private and Read objects, and no others", () => {
    const soql =
      "SELECT ParentId, Parent.Name, UserOrGroupId, AccessLevel FROM Partner_Account_Plan__Share WHERE RowCause = 'Manual'";
    expect(checkSoql(model, soql, 'x')).toEqual([]);
    expect(checkSoql(model, 'SELECT Id FROM APR_Action__Share', 'x')).toEqual([]);
    expect(messages(checkSoql(model, 'SELECT Id FROM Plan_Section__Share', 'x'))).toEqual([
      'x: SOQL names object Plan_Section__Share, which does not exist',
    ]);
  });

  it('accepts relationship paths, subqueries, aggregates and semi-joins', () => {
    const soql = `SELECT Id, Plan_Section__r.Partner_Account_Plan__r.Partner_Account__r.Name, (SELECT Id, Actor__c FROM APR_Actions__r)
      FROM Plan_Target__c WHERE Target_Account__c IN (SELECT AccountId FROM Opportunity WHERE IsWon = true)`;
    expect(checkSoql(model, soql, 'x')).toEqual([]);
    expect(
      checkSoql(
        model,
        'SELECT Partner_Account__c, SUM(Amount) total FROM Opportunity GROUP BY Partner_Account__c',
        'x',
      ),
    ).toEqual([]);
  });

  it('reports unknown objects, fields, relationships and syntax errors', () => {
    expect(messages(checkSoql(model, 'SELECT Id FROM Nope__c', 'x'))).toEqual([
      'x: SOQL names object Nope__c, which does not exist',
    ]);
    expect(messages(checkSoql(model, 'SELECT Plan_Section__r.Nope__c FROM Plan_Target__c', 'x'))).toEqual([
      'x: SOQL field Plan_Section__r.Nope__c: Plan_Section__c.Nope__c does not exist',
    ]);
    expect(messages(checkSoql(model, 'SELECT Id FROM Opportunity WHERE Nowhere__r.Name = null', 'x'))).toEqual([
      'x: SOQL field Nowhere__r.Name: Opportunity has no relationship Nowhere__r',
    ]);
    expect(messages(checkSoql(model, 'SELECT FROM WHERE', 'x'))[0]).toMatch(/^x: SOQL does not parse/);
  });
});

describe('checkMetricCatalog on broken definitions', () => {
  const model = projectModel();
  const winRate = model.customMetadataRecords.find((r) => r.developerName === 'Win_Rate');
  const revenue = model.customMetadataRecords.find((r) => r.developerName === 'Closed_Won_Revenue');
  if (!winRate || !revenue) throw new Error('the catalog lost Win_Rate or Closed_Won_Revenue');

  /** The catalog's problems with one record replaced by a changed copy, as messages without the file. */
  const problemsWith = (base: typeof revenue, values: Record<string, string | number | boolean | null>): string[] => {
    const changed = { ...base, values: { ...base.values, ...values } };
    const records = model.customMetadataRecords.map((r) => (r === base ? changed : r));
    return checkMetricCatalog({ ...model, customMetadataRecords: records }).map((p) => p.message);
  };

  it('requires known Direction__c and Shape__c values', () => {
    expect(problemsWith(revenue, { Direction__c: 'Sideways', Shape__c: null })).toEqual([
      'Closed_Won_Revenue: Direction__c must be one of Higher is better, Lower is better, Stay within budget (got Sideways)',
      'Closed_Won_Revenue: Shape__c must be one of Cumulative, Rate, Snapshot (got null)',
    ]);
  });

  it('requires the ahead threshold above the behind threshold above 0', () => {
    expect(problemsWith(revenue, { Ahead_Threshold__c: 90, Behind_Threshold__c: 95 })).toEqual([
      'Closed_Won_Revenue: thresholds must be Ahead_Threshold__c > Behind_Threshold__c > 0 (got 90 and 95)',
    ]);
    expect(problemsWith(revenue, { Behind_Threshold__c: 0 })).toEqual([
      'Closed_Won_Revenue: thresholds must be Ahead_Threshold__c > Behind_Threshold__c > 0 (got 110 and 0)',
    ]);
    // One threshold set, the other blank: compared with the default.
    expect(problemsWith(revenue, { Ahead_Threshold__c: 105 })).toEqual([]);
  });

  it('requires a date field unless the metric is a snapshot', () => {
    expect(problemsWith(revenue, { Date_Field__c: null })).toEqual([
      'Closed_Won_Revenue: Date_Field__c is required unless Shape__c is Snapshot',
    ]);
    expect(problemsWith(revenue, { Date_Field__c: null, Shape__c: 'Snapshot' })).toEqual([]);
  });

  it('requires an active metric to have a description and help text of at most 255 characters', () => {
    expect(problemsWith(revenue, { Description__c: ' ', Help_Text__c: null })).toEqual([
      'Closed_Won_Revenue: Description__c is required on an active metric',
      'Closed_Won_Revenue: Help_Text__c is required on an active metric',
    ]);
    expect(problemsWith(revenue, { Help_Text__c: 'x'.repeat(256) })).toEqual([
      'Closed_Won_Revenue: Help_Text__c is longer than 255 characters (256)',
    ]);
    // An inactive metric is offered to no one, so it may stay unexplained.
    expect(problemsWith(revenue, { Active__c: false, Description__c: null, Help_Text__c: null })).toEqual([]);
  });

  it("requires a ratio's parts to exist and not be ratios themselves", () => {
    expect(problemsWith(winRate, { Numerator_Metric__c: 'Average_Deal_Size', Denominator_Metric__c: 'Nope' })).toEqual(
      expect.arrayContaining(['Win_Rate: Denominator_Metric__c names no metric']),
    );
    expect(problemsWith(winRate, { Numerator_Metric__c: 'Actions_Per_Won_Deal' })).toEqual([
      'Win_Rate: Numerator_Metric__c Actions_Per_Won_Deal is itself a ratio',
    ]);
  });

  it('resolves every path on the source object', () => {
    expect(problemsWith(revenue, { Partner_Path__c: 'Partner_Account__r.Ghost__c' })).toEqual([
      expect.stringMatching(/^Closed_Won_Revenue: Partner_Path__c: /),
    ]);
  });
});
