/**
 * The data model and permissions say what the product promises: the plan lifecycle, the target and
 * action shapes, the metric catalog, and least privilege (people read computed fields, never edit them).
 */
import { picklistValues, projectField, projectModel, projectObject, projectPermissionSet } from '../support/project';

const object = projectObject;
const field = projectField;
const permissionSet = projectPermissionSet;
const values = picklistValues;
const model = projectModel();

/**
 * The baseline the rollup completes where an acceptance left it blank (the rule Baseline_Only_Completed allows
 * only that on accepted plans); people snapshot it when they accept a plan, so it is no computed field.
 */
const BASELINE = 'Plan_Target__c.Baseline_Target_Value__c';

/** The fields the rollup integration user may edit are, by definition, the computed fields (and the baseline). */
const computedFields = [...permissionSet('Partner_Planning_Rollup').fieldPermissions]
  .filter(([name, p]) => p.editable && name !== BASELINE)
  .map(([name]) => name)
  .sort();

const PEOPLE = ['Partner_Planning_Admin', 'Partner_Manager', 'Account_Executive'];

describe('Partner Account Plan', () => {
  it('is private, for one partner account, and moves through the plan lifecycle', () => {
    expect(object('Partner_Account_Plan__c').sharingModel).toBe('Private');
    const partner = field('Partner_Account_Plan__c', 'Partner_Account__c');
    expect(partner).toMatchObject({ type: 'Lookup', referenceTo: ['Account'], required: true });
    expect(partner.lookupFilter?.active).toBe(true);
    expect(partner.lookupFilter?.filters[0].field).toBe('Account.Partner_Type__c');
    expect(values(field('Partner_Account_Plan__c', 'Status__c'))).toEqual([
      'Draft',
      'Partner Review',
      'Accepted',
      'Active',
      'In Revision',
      'Closed',
    ]);
    expect(field('Partner_Account_Plan__c', 'Status__c').picklist?.restricted).toBe(true);
  });

  it('has the period, SWOT, review, acceptance, budget and attainment fields', () => {
    for (const name of [
      'Period_Start__c',
      'Period_End__c',
      'Fiscal_Year__c',
      'Vision__c',
      'Strategic_Priorities__c',
      'Strengths__c',
      'Weaknesses__c',
      'Opportunities__c',
      'Threats__c',
      'Communication_Plan__c',
      'Review_Cadence__c',
      'Last_Review_Date__c',
      'Next_Review_Date__c',
      'Executive_Sponsor__c',
      'Partner_Contact__c',
      'Accepted_By__c',
      'Accepted_On__c',
      'Version__c',
      'Budget__c',
      'Actual_Cost__c',
      'Overall_Attainment__c',
    ]) {
      expect(object('Partner_Account_Plan__c').fields.has(name)).toBe(true);
    }
    expect(field('Partner_Account_Plan__c', 'Vision__c').type).toBe('LongTextArea');
    expect(field('Partner_Account_Plan__c', 'Budget__c').type).toBe('Currency');
    expect(field('Partner_Account_Plan__c', 'Overall_Attainment__c').type).toBe('Percent');
  });

  it('protects the period with a validation rule', () => {
    const rule = object('Partner_Account_Plan__c').validationRules.find((r) => r.name === 'Period_End_After_Start');
    expect(rule).toMatchObject({ active: true, errorDisplayField: 'Period_End__c' });
  });
});

describe('Plan Section and Target', () => {
  it('sections are master-detail children of plans, typed by the standard section kinds', () => {
    expect(object('Plan_Section__c').sharingModel).toBe('ControlledByParent');
    expect(field('Plan_Section__c', 'Partner_Account_Plan__c')).toMatchObject({
      type: 'MasterDetail',
      referenceTo: ['Partner_Account_Plan__c'],
      relationshipName: 'Plan_Sections',
    });
    expect(values(field('Plan_Section__c', 'Section_Type__c'))).toEqual([
      'Sales Objectives',
      'Marketing',
      'Training and Certification',
      'Joint Investment',
      'Action Plan',
      'Custom',
    ]);
    expect(field('Plan_Section__c', 'Target_Count__c').summary).toMatchObject({
      operation: 'count',
      childObject: 'Plan_Target__c',
      foreignKey: 'Plan_Section__c',
    });
  });

  it('targets are time-bound, carry baseline and rollup fields, and load idempotently by external id', () => {
    expect(object('Plan_Target__c').label).toBe('Target');
    expect(field('Plan_Target__c', 'Plan_Section__c').type).toBe('MasterDetail');
    expect(values(field('Plan_Target__c', 'Period_Type__c'))).toEqual(['Month', 'Quarter', 'Year']);
    expect(values(field('Plan_Target__c', 'Pace_Status__c'))).toEqual([
      'Ahead',
      'On Track',
      'Behind',
      'Over Budget',
      'Met',
      'Missed',
    ]);
    for (const name of [
      'Target_Value__c',
      'Baseline_Target_Value__c',
      'Actual_Value__c',
      'Expected_To_Date__c',
      'Weight__c',
    ]) {
      expect(field('Plan_Target__c', name).type).toBe('Number');
    }
    expect(field('Plan_Target__c', 'Accountable_AE__c').referenceTo).toEqual(['User']);
    expect(field('Plan_Target__c', 'Accountable_Partner_Manager__c').referenceTo).toEqual(['User']);
    expect(field('Plan_Target__c', 'External_Key__c')).toMatchObject({ externalId: true, unique: true });
  });

  it('requires a fresh revision reason when an accepted target changes', () => {
    const rule = object('Plan_Target__c').validationRules.find((r) => r.name === 'Revision_Reason_Required');
    expect(rule?.formula).toMatch(/ISCHANGED\(\s*Target_Value__c\s*\)/);
    expect(rule?.formula).toMatch(/Baseline_Target_Value__c/);
    expect(object('Plan_Target__c').validationRules.map((r) => r.name)).toEqual(
      expect.arrayContaining(['Period_End_After_Start', 'Target_Value_Not_Negative']),
    );
  });
});

describe('APR Action', () => {
  it('is a lookup-based log (not master-detail) with the action kinds AEs and partner managers log', () => {
    const action = object('APR_Action__c');
    expect(action.label).toBe('APR Action');
    for (const name of ['Opportunity__c', 'Partner_Account_Plan__c', 'Plan_Target__c']) {
      expect(field('APR_Action__c', name).type).toBe('Lookup');
    }
    expect(values(field('APR_Action__c', 'Actor_Role__c'))).toEqual(['AE', 'Partner Manager', 'Partner Rep']);
    expect(values(field('APR_Action__c', 'Action_Type__c'))).toEqual(
      expect.arrayContaining([
        'Joint Call',
        'Demo',
        'Deal Registration',
        'Coaching Session',
        'QBR',
        'Certification Earned',
      ]),
    );
    expect(field('APR_Action__c', 'Action_Date__c')).toMatchObject({ type: 'Date', required: true });
    expect(field('APR_Action__c', 'Quantity__c').defaultValue).toBe('1');
    expect(field('APR_Action__c', 'External_Key__c').externalId).toBe(true);
  });
});

describe('standard object extensions', () => {
  it('adds partner type and tier to Account and a partner and APR counters to Opportunity', () => {
    expect(field('Account', 'Partner_Type__c').type).toBe('Picklist');
    expect(field('Account', 'Partner_Tier__c').type).toBe('Picklist');
    expect(field('Opportunity', 'Partner_Account__c').referenceTo).toEqual(['Account']);
    expect(field('Opportunity', 'Last_APR_Action_Date__c').type).toBe('Date');
    expect(field('Opportunity', 'APR_Action_Count__c').type).toBe('Number');
  });
});

describe('metric catalog', () => {
  const metrics = model.customMetadataRecords.filter((r) => r.type === 'Plan_Metric__mdt');

  it('ships at least 50 standard metrics across every category', () => {
    expect(metrics.length).toBeGreaterThanOrEqual(50);
    expect(new Set(metrics.map((m) => m.values.Category__c))).toEqual(
      new Set(['Sales', 'Marketing', 'Training', 'Certification', 'Activity', 'Joint Investment']),
    );
  });

  it('defines closed-won revenue as the sum of won opportunity amounts by close date', () => {
    const revenue = metrics.find((m) => m.developerName === 'Closed_Won_Revenue');
    expect(revenue?.values).toMatchObject({
      Source_Object__c: 'Opportunity',
      Aggregate__c: 'SUM',
      Value_Field__c: 'Amount',
      Date_Field__c: 'CloseDate',
      Partner_Path__c: 'Partner_Account__c',
    });
    expect(revenue?.values.Filter__c).toMatch(/IsWon\s*=\s*true/i);
  });

  it('defines ratios over other metrics', () => {
    const winRate = metrics.find((m) => m.developerName === 'Win_Rate');
    expect(winRate?.values).toMatchObject({
      Aggregate__c: 'RATIO',
      Numerator_Metric__c: 'Closed_Won_Deals',
      Denominator_Metric__c: 'Closed_Deals',
    });
  });
});

describe('permission sets', () => {
  it('include the computed fields in the rollup user set', () => {
    expect(computedFields).toEqual(
      expect.arrayContaining([
        'Plan_Target__c.Actual_Value__c',
        'Plan_Target__c.Attainment__c',
        'Plan_Target__c.Pace_Status__c',
        'Partner_Account_Plan__c.Overall_Attainment__c',
        'Opportunity.Last_APR_Action_Date__c',
        'Opportunity.APR_Action_Count__c',
      ]),
    );
  });

  it.each([...PEOPLE, 'Partner_Planning_Rollup'])('%s reads the roll-up summary fields of sections', (name) => {
    for (const f of ['Plan_Section__c.Target_Count__c', 'Plan_Section__c.Targets_Behind__c']) {
      expect([f, permissionSet(name).fieldPermissions.get(f)]).toEqual([f, { readable: true, editable: false }]);
    }
  });

  it.each(PEOPLE)('%s reads computed fields but cannot edit them', (name) => {
    const ps = permissionSet(name);
    for (const f of computedFields) {
      expect([f, ps.fieldPermissions.get(f)]).toEqual([f, { readable: true, editable: false }]);
    }
  });

  it('the rollup user edits nothing but computed fields and baselines, and creates or deletes no plan data', () => {
    const ps = permissionSet('Partner_Planning_Rollup');
    expect(ps.fieldPermissions.get(BASELINE)).toEqual({ readable: true, editable: true });
    const rule = object('Plan_Target__c').validationRules.find((r) => r.name === 'Baseline_Only_Completed');
    expect(rule?.formula).toMatch(/ISBLANK\(PRIORVALUE\(Baseline_Target_Value__c\)\)/);
    for (const [name, p] of ps.fieldPermissions) {
      if (!computedFields.includes(name) && name !== BASELINE) expect([name, p.editable]).toEqual([name, false]);
    }
    for (const obj of ['Plan_Section__c', 'Plan_Target__c', 'APR_Action__c']) {
      expect(ps.objectPermissions.get(obj)).toMatchObject({ allowCreate: false, allowDelete: false });
    }
    expect(ps.objectPermissions.get('APR_Action__c')).toMatchObject({ allowRead: true, allowEdit: false });
    expect(ps.tabs).toEqual([]);
  });

  it('account executives read plans and targets and log their own actions', () => {
    const ps = permissionSet('Account_Executive');
    for (const obj of ['Partner_Account_Plan__c', 'Plan_Section__c', 'Plan_Target__c']) {
      expect(ps.objectPermissions.get(obj)).toMatchObject({
        allowRead: true,
        allowCreate: false,
        allowEdit: false,
        allowDelete: false,
      });
    }
    expect(ps.objectPermissions.get('APR_Action__c')).toMatchObject({
      allowCreate: true,
      allowRead: true,
      allowEdit: true,
      allowDelete: false,
      viewAllRecords: false,
      modifyAllRecords: false,
    });
    expect(ps.fieldPermissions.get('Plan_Target__c.Target_Value__c')).toBeUndefined(); // required: readable via object access
    expect(ps.fieldPermissions.get('Plan_Target__c.Baseline_Target_Value__c')).toEqual({
      readable: true,
      editable: false,
    });
  });

  it("partner managers run plans but cannot see or change everyone else's records", () => {
    const ps = permissionSet('Partner_Manager');
    for (const obj of ['Partner_Account_Plan__c', 'Plan_Section__c', 'Plan_Target__c']) {
      expect(ps.objectPermissions.get(obj)).toMatchObject({
        allowCreate: true,
        allowRead: true,
        allowEdit: true,
        viewAllRecords: false,
        modifyAllRecords: false,
      });
    }
    expect(ps.objectPermissions.get('APR_Action__c')).toMatchObject({
      allowCreate: true,
      allowEdit: true,
      allowDelete: false,
    });
    expect(ps.fieldPermissions.get('Plan_Target__c.Baseline_Target_Value__c')).toEqual({
      readable: true,
      editable: true,
    });
  });
});
