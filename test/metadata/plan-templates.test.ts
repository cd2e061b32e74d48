/**
 * The plan templates and seasonal profiles (custom metadata) hold together on this repository, and the check
 * catches each kind of breakage on a changed copy of a record: dangling template, section, metric or profile
 * names, unknown tiers, section types and period types, negative defaults, and shares that miss 100.
 */
import { checkPlanTemplates } from '../../packages/model/checks';
import type { CustomMetadataRecord } from '../../packages/model';
import { projectModel } from '../support/project';

const model = projectModel();

const record = (type: string, developerName: string): CustomMetadataRecord => {
  const found = model.customMetadataRecords.find((r) => r.type === type && r.developerName === developerName);
  if (!found) throw new Error(`force-app lost ${type} ${developerName}`);
  return found;
};

/** The check's messages with one record replaced by a changed copy. */
function problemsWith(base: CustomMetadataRecord, values: Record<string, string | number | boolean | null>): string[] {
  const changed = { ...base, values: { ...base.values, ...values } };
  const records = model.customMetadataRecords.map((r) => (r === base ? changed : r));
  return checkPlanTemplates({ ...model, customMetadataRecords: records }).map((p) => p.message);
}

const byType = (type: string): CustomMetadataRecord[] => model.customMetadataRecords.filter((r) => r.type === type);

describe('this repository', () => {
  it('has consistent plan templates and seasonal profiles', () => {
    expect(checkPlanTemplates(model).map((p) => `${p.file}: ${p.message}`)).toEqual([]);
  });

  it('has the four seasonal profiles and a template for each partner tier', () => {
    expect(
      byType('Seasonal_Profile__mdt')
        .map((r) => r.developerName)
        .sort(),
    ).toEqual(['Back_Loaded', 'Even', 'Front_Loaded', 'Year_End_Push']);
    expect(
      byType('Plan_Template__mdt').map((r) => [r.developerName, r.values.Partner_Tier__c, r.values.Review_Cadence__c]),
    ).toEqual(
      expect.arrayContaining([
        ['Platinum', 'Platinum', 'Quarterly'],
        ['Gold', 'Gold', 'Quarterly'],
        ['Silver', 'Silver', 'Quarterly'],
        ['Registered', 'Registered', 'Semi-Annual'],
      ]),
    );
  });

  it('scales each metric by tier: a higher tier never asks less', () => {
    const order = ['Platinum', 'Gold', 'Silver', 'Registered'];
    const sectionTier = new Map(
      byType('Plan_Template_Section__mdt').map((s) => [s.developerName, s.values.Template__c]),
    );
    const byMetric = new Map<string, number[]>();
    for (const target of byType('Plan_Template_Target__mdt')) {
      const tier = order.indexOf(String(sectionTier.get(String(target.values.Template_Section__c))));
      const values = byMetric.get(String(target.values.Metric__c)) ?? [];
      values[tier] = target.values.Default_Value__c as number;
      byMetric.set(String(target.values.Metric__c), values);
    }
    for (const [metric, values] of byMetric) {
      const present = values.filter((v) => v !== undefined);
      expect({ metric, values: present }).toEqual({ metric, values: [...present].sort((a, b) => b - a) });
    }
  });
});

describe('checkPlanTemplates on broken records', () => {
  const even = record('Seasonal_Profile__mdt', 'Even');
  const gold = record('Plan_Template__mdt', 'Gold');
  const goldSales = record('Plan_Template_Section__mdt', 'Gold_Sales_Objectives');
  const goldRevenue = record('Plan_Template_Target__mdt', 'Gold_Closed_Won_Revenue');

  it('requires seasonal shares of at least 0 that sum to 100', () => {
    expect(problemsWith(even, { Q4_Share__c: 24 })).toEqual([
      'Seasonal_Profile__mdt Even: the quarter shares must sum to 100 (got 99)',
    ]);
    expect(problemsWith(even, { Q1_Share__c: -5, Q2_Share__c: 55 })).toEqual([
      'Seasonal_Profile__mdt Even: Q1_Share__c..Q4_Share__c must all be numbers of at least 0 (got -5, 55, 25, 25)',
    ]);
    expect(problemsWith(even, { Q3_Share__c: null })).toEqual([
      'Seasonal_Profile__mdt Even: Q1_Share__c..Q4_Share__c must all be numbers of at least 0 (got 25, 25, null, 25)',
    ]);
    // Two decimals may leave a rounding difference of at most 0.01.
    expect(problemsWith(even, { Q1_Share__c: 33.33, Q2_Share__c: 33.33, Q3_Share__c: 33.33, Q4_Share__c: 0 })).toEqual(
      [],
    );
  });

  it('keeps descriptions and summaries within 255 characters', () => {
    expect(problemsWith(goldSales, { Summary__c: 'x'.repeat(256) })).toEqual([
      'Plan_Template_Section__mdt Gold_Sales_Objectives: Summary__c is longer than 255 characters (256)',
    ]);
    expect(problemsWith(even, { Description__c: 'x'.repeat(255) })).toEqual([]);
  });

  it("requires a template's tier and cadence to be picklist values", () => {
    expect(problemsWith(gold, { Partner_Tier__c: 'Diamond', Review_Cadence__c: 'Weekly' })).toEqual([
      'Plan_Template__mdt Gold: Partner_Tier__c Diamond is not an Account.Partner_Tier__c value',
      'Plan_Template__mdt Gold: Review_Cadence__c Weekly is not a Partner_Account_Plan__c.Review_Cadence__c value',
    ]);
  });

  it("requires a section's template to exist and its type to be a section type", () => {
    expect(problemsWith(goldSales, { Template__c: 'Bronze', Section_Type__c: 'Sales' })).toEqual([
      'Plan_Template_Section__mdt Gold_Sales_Objectives: Template__c Bronze names no Plan_Template__mdt',
      'Plan_Template_Section__mdt Gold_Sales_Objectives: Section_Type__c Sales is not a Plan_Section__c.Section_Type__c value',
    ]);
  });

  it("requires a target's section, active metric, period type, profile, default value and weight", () => {
    const name = 'Plan_Template_Target__mdt Gold_Closed_Won_Revenue';
    expect(
      problemsWith(goldRevenue, {
        Template_Section__c: 'Gold_Sales',
        Metric__c: 'Revenue',
        Period_Type__c: 'Week',
        Split_Profile__c: 'Summer_Dip',
        Default_Value__c: -1,
        Weight__c: 0,
      }),
    ).toEqual([
      `${name}: Template_Section__c Gold_Sales names no Plan_Template_Section__mdt`,
      `${name}: Metric__c Revenue names no Plan_Metric__mdt`,
      `${name}: Period_Type__c must be one of Year, Quarter, Month (got Week)`,
      `${name}: Split_Profile__c Summer_Dip names no Seasonal_Profile__mdt`,
      `${name}: Default_Value__c must be a number of at least 0 (got -1)`,
      `${name}: Weight__c must be above 0 when set (got 0)`,
    ]);
    expect(problemsWith(goldRevenue, { Default_Value__c: null })).toEqual([
      `${name}: Default_Value__c must be a number of at least 0 (got null)`,
    ]);
  });

  it('refuses an inactive metric and splitting a metric that does not add up over time', () => {
    const name = 'Plan_Template_Target__mdt Gold_Closed_Won_Revenue';
    const metric = record('Plan_Metric__mdt', 'Closed_Won_Revenue');
    const changedMetric = { ...metric, values: { ...metric.values, Active__c: false } };
    const records = model.customMetadataRecords.map((r) => (r === metric ? changedMetric : r));
    expect(
      checkPlanTemplates({ ...model, customMetadataRecords: records })
        .map((p) => p.message)
        .filter((m) => m.startsWith(name)),
    ).toEqual([`${name}: Metric__c Closed_Won_Revenue is not an active metric`]);
    expect(problemsWith(goldRevenue, { Metric__c: 'Win_Rate' })).toEqual([
      `${name}: Period_Type__c Quarter splits the year, but Win_Rate is not a Cumulative metric`,
    ]);
    // Kept whole as a Year target, a rate is fine; blank profile and weight mean Even and the default weight.
    expect(
      problemsWith(goldRevenue, {
        Metric__c: 'Win_Rate',
        Period_Type__c: 'Year',
        Split_Profile__c: null,
        Weight__c: null,
      }),
    ).toEqual([]);
  });
});
