/**
 * c/planData's blueprint writer (createFromBlueprint: plan, sections, year targets, parts, with ref -> Id,
 * per-record outcomes, retry without duplicates) and the readers of templates, record keys and a rollover's
 * source plan.
 */
import {
  PLAN_RECORD_KEYS_QUERY,
  PLAN_SOURCE_QUERY,
  PLAN_TEMPLATES_QUERY,
  createFromBlueprint,
  metricSemanticsByName,
  readPlanSource,
  readRecordKeys,
  readTemplates,
  templateForTier,
  type RecordKeysData,
  type PlanSourceData,
  type TemplatesData,
  type Metric,
} from 'c/planData';
import type { PlanBlueprint, TargetSpec } from 'c/planYear';
import { createPayloads, createRecord, recordError } from '@lwc-test/platform';

const v = <T>(value: T | null) => ({ value });

function target(ref: string, over: Partial<TargetSpec> = {}): TargetSpec {
  return {
    ref,
    sectionRef: 'PLAN-P1-FY2027-S01',
    parentRef: null,
    externalKey: ref,
    metric: 'Closed_Won_Revenue',
    periodType: 'Year',
    periodStart: '2027-01-01',
    periodEnd: '2027-12-31',
    targetValue: 400000,
    carriedShortfall: null,
    previousTargetId: null,
    aeId: null,
    partnerManagerId: null,
    targetAccountId: null,
    weight: 2,
    splitProfile: null,
    ...over,
  };
}

/** A plan with two sections: a year target split into two parts (enough for the order), and a lone target. */
function blueprint(): PlanBlueprint {
  const key = 'PLAN-P1-FY2027';
  const section = (n: number, name: string) => ({
    ref: `${key}-S0${n}`,
    externalKey: `${key}-S0${n}`,
    name,
    sectionType: 'Sales Objectives',
    summary: null,
    sortOrder: n * 10,
    visibleToPartner: n === 1,
    budget: null,
    sectionOwnerId: null,
  });
  return {
    plan: {
      externalKey: key,
      name: 'Acme FY2027 Plan',
      fiscalYear: 'FY2027',
      periodStart: '2027-01-01',
      periodEnd: '2027-12-31',
      partnerAccountId: '001000000000001AAA',
      reviewCadence: 'Quarterly',
      ownerId: '005000000000001AAA',
      previousPlanId: 'a00000000000001AAA',
      template: 'Gold',
      fields: { Vision__c: 'Grow', Budget__c: null },
    },
    sections: [section(1, 'Sales'), section(2, 'Marketing')],
    targets: [
      target(`${key}-T001`, { splitProfile: 'Back_Loaded', carriedShortfall: 1000 }),
      target(`${key}-T002`, {
        parentRef: `${key}-T001`,
        periodType: 'Quarter',
        periodEnd: '2027-03-31',
        targetValue: 200000,
      }),
      target(`${key}-T003`, {
        parentRef: `${key}-T001`,
        periodType: 'Quarter',
        periodStart: '2027-04-01',
        periodEnd: '2027-06-30',
        targetValue: 200000,
      }),
      target(`${key}-T004`, { sectionRef: `${key}-S02`, metric: 'Campaign_Members', targetValue: 50 }),
    ],
  };
}

const id = (n: number) => `a0X${String(n).padStart(15, '0')}`;

describe('createFromBlueprint', () => {
  it('creates the plan, its sections, the year targets, then their parts, each with the Ids it needs', async () => {
    const result = await createFromBlueprint(blueprint());
    const calls = createPayloads();
    expect(calls.map((c) => `${c.apiName} ${String(c.fields.External_Key__c)}`)).toEqual([
      'Partner_Account_Plan__c PLAN-P1-FY2027',
      'Plan_Section__c PLAN-P1-FY2027-S01',
      'Plan_Section__c PLAN-P1-FY2027-S02',
      'Plan_Target__c PLAN-P1-FY2027-T001',
      'Plan_Target__c PLAN-P1-FY2027-T004',
      'Plan_Target__c PLAN-P1-FY2027-T002',
      'Plan_Target__c PLAN-P1-FY2027-T003',
    ]);
    expect(calls[0].fields).toEqual({
      Vision__c: 'Grow',
      Name: 'Acme FY2027 Plan',
      Partner_Account__c: '001000000000001AAA',
      Status__c: 'Draft',
      Fiscal_Year__c: 'FY2027',
      Period_Start__c: '2027-01-01',
      Period_End__c: '2027-12-31',
      External_Key__c: 'PLAN-P1-FY2027',
      Review_Cadence__c: 'Quarterly',
      OwnerId: '005000000000001AAA',
      Previous_Plan__c: 'a00000000000001AAA',
      Template__c: 'Gold',
    });
    expect(calls[1].fields).toMatchObject({
      Partner_Account_Plan__c: id(1),
      Name: 'Sales',
      Visible_To_Partner__c: true,
    });
    expect(calls[2].fields).not.toHaveProperty('Visible_To_Partner__c');
    expect(calls[3].fields).toMatchObject({
      Plan_Section__c: id(2),
      Split_Profile__c: 'Back_Loaded',
      Carried_Shortfall__c: 1000,
      Weight__c: 2,
    });
    expect(calls[3].fields).not.toHaveProperty('Parent_Target__c');
    expect(calls[4].fields).toMatchObject({ Plan_Section__c: id(3), Metric__c: 'Campaign_Members' });
    // The parts name the created year target (the fourth record created).
    expect(calls[5].fields).toMatchObject({
      Plan_Section__c: id(2),
      Parent_Target__c: id(4),
      Period_Type__c: 'Quarter',
    });
    expect(calls[6].fields).toMatchObject({ Parent_Target__c: id(4) });

    expect(result.ok).toBe(true);
    expect(result.planId).toBe(id(1));
    expect(result.outcomes.map((o) => [o.kind, o.ref, o.status])).toEqual([
      ['plan', 'plan', 'created'],
      ['section', 'PLAN-P1-FY2027-S01', 'created'],
      ['section', 'PLAN-P1-FY2027-S02', 'created'],
      ['target', 'PLAN-P1-FY2027-T001', 'created'],
      ['target', 'PLAN-P1-FY2027-T002', 'created'],
      ['target', 'PLAN-P1-FY2027-T003', 'created'],
      ['target', 'PLAN-P1-FY2027-T004', 'created'],
    ]);
  });

  it('reports a failed record with the server’s words, skips what depends on it and keeps the rest', async () => {
    createRecord.mockImplementation(async (input) => {
      if (input.fields.External_Key__c === 'PLAN-P1-FY2027-S01') {
        throw recordError({ fieldErrors: { Section_Type__c: 'Bad value for restricted picklist field: Sales' } });
      }
      return { id: `id-${String(input.fields.External_Key__c)}`, apiName: input.apiName, fields: {} };
    });
    const result = await createFromBlueprint(blueprint());
    expect(result.ok).toBe(false);
    expect(result.planId).toBe('id-PLAN-P1-FY2027');
    const byRef = Object.fromEntries(result.outcomes.map((o) => [o.ref, o]));
    expect(byRef['PLAN-P1-FY2027-S01']).toMatchObject({
      status: 'failed',
      fieldErrors: { Section_Type__c: ['Bad value for restricted picklist field: Sales'] },
    });
    expect(byRef['PLAN-P1-FY2027-T001'].status).toBe('not-attempted');
    expect(byRef['PLAN-P1-FY2027-T002'].status).toBe('not-attempted');
    expect(byRef['PLAN-P1-FY2027-T002'].messages[0]).toMatch(/could not be created/);
    expect(byRef['PLAN-P1-FY2027-T004']).toMatchObject({ status: 'created', id: 'id-PLAN-P1-FY2027-T004' });
  });

  it('stops at the plan when the plan cannot be created', async () => {
    createRecord.mockRejectedValueOnce(recordError({ errors: ['duplicate value found: External_Key__c'] }));
    const result = await createFromBlueprint(blueprint());
    expect(createRecord).toHaveBeenCalledTimes(1);
    expect(result.planId).toBeNull();
    expect(result.outcomes[0]).toMatchObject({
      status: 'failed',
      messages: ['duplicate value found: External_Key__c'],
    });
    expect(result.outcomes.slice(1).every((o) => o.status === 'not-attempted')).toBe(true);
  });

  it('retried into the plan it created, writes only what is missing, and the parts find their existing year target', async () => {
    const existing = {
      sections: { 'PLAN-P1-FY2027-S01': 'sec-1', 'PLAN-P1-FY2027-S02': 'sec-2' },
      targets: { 'PLAN-P1-FY2027-T001': 'tgt-1', 'PLAN-P1-FY2027-T002': 'tgt-2' },
      count: 4,
    };
    const result = await createFromBlueprint(blueprint(), { planId: 'plan-1', existing });
    const calls = createPayloads();
    expect(calls.map((c) => c.fields.External_Key__c)).toEqual(['PLAN-P1-FY2027-T004', 'PLAN-P1-FY2027-T003']);
    expect(calls[0].fields.Plan_Section__c).toBe('sec-2');
    expect(calls[1].fields).toMatchObject({ Plan_Section__c: 'sec-1', Parent_Target__c: 'tgt-1' });
    expect(result.ok).toBe(true);
    expect(result.planId).toBe('plan-1');
    expect(result.outcomes.filter((o) => o.status === 'existing').map((o) => o.id)).toEqual([
      'plan-1',
      'sec-1',
      'sec-2',
      'tgt-1',
      'tgt-2',
    ]);
  });

  it('runs at most `concurrency` creates at once', async () => {
    let running = 0;
    let most = 0;
    createRecord.mockImplementation(async (input) => {
      running++;
      most = Math.max(most, running);
      await Promise.resolve();
      running--;
      return { id: `id-${String(input.fields.External_Key__c)}`, apiName: input.apiName, fields: {} };
    });
    await createFromBlueprint(blueprint(), { concurrency: 1 });
    expect(most).toBe(1);
  });
});

describe('readers', () => {
  it('reads the keys a plan already has', () => {
    const data: RecordKeysData = {
      uiapi: {
        query: {
          Plan_Section__c: { edges: [{ node: { Id: 's1', External_Key__c: v('K-S01') } }] },
          Plan_Target__c: {
            edges: [
              { node: { Id: 't1', External_Key__c: v('K-T001') } },
              { node: { Id: 't2', External_Key__c: v(null) } },
            ],
          },
        },
      },
    };
    expect(readRecordKeys({ data })).toEqual({
      kind: 'ready',
      value: { sections: { 'K-S01': 's1' }, targets: { 'K-T001': 't1' }, count: 3 },
      truncated: false,
    });
    expect(readRecordKeys(undefined)).toEqual({ kind: 'loading' });
    expect(readRecordKeys({ errors: [{ message: 'No access' }] })).toEqual({ kind: 'error', message: 'No access' });
    expect(PLAN_RECORD_KEYS_QUERY).toBeDefined();
  });

  it('assembles active templates with their sections and targets in sort order', () => {
    const template = (name: string, tier: string, active: boolean, sort: number) => ({
      Id: name,
      DeveloperName: v(name),
      MasterLabel: v(`${name} partners`),
      Partner_Tier__c: v(tier),
      Description__c: v(null),
      Review_Cadence__c: v('Quarterly'),
      Active__c: v(active),
      Sort_Order__c: v(sort),
    });
    const section = (name: string, tpl: string, sort: number) => ({
      Id: name,
      DeveloperName: v(name),
      MasterLabel: v(name.replace(/_/g, ' ')),
      Template__c: v(tpl),
      Section_Type__c: v('Sales Objectives'),
      Summary__c: v('Grow'),
      Sort_Order__c: v(sort),
      Visible_To_Partner__c: v(true),
    });
    const tt = (name: string, sec: string, periodType: string, sort: number) => ({
      Id: name,
      DeveloperName: v(name),
      Template_Section__c: v(sec),
      Metric__c: v('Closed_Won_Revenue'),
      Period_Type__c: v(periodType),
      Default_Value__c: v(1000),
      Split_Profile__c: v(null),
      Weight__c: v(null),
      Sort_Order__c: v(sort),
    });
    const data: TemplatesData = {
      uiapi: {
        query: {
          Plan_Template__mdt: {
            edges: [
              { node: template('Gold', 'Gold', true, 20) },
              { node: template('Old', 'Gold', false, 5) },
              { node: template('Platinum', 'Platinum', true, 10) },
            ],
          },
          Plan_Template_Section__mdt: {
            edges: [{ node: section('Gold_B', 'Gold', 20) }, { node: section('Gold_A', 'Gold', 10) }],
          },
          Plan_Template_Target__mdt: {
            edges: [{ node: tt('T2', 'Gold_A', 'Quarter', 20) }, { node: tt('T1', 'Gold_A', 'Fortnight', 10) }],
          },
        },
      },
    };
    const templates = readTemplates({ data });
    if (templates.kind !== 'ready') throw new Error('not ready');
    expect(templates.value.map((t) => t.name)).toEqual(['Platinum', 'Gold']);
    const gold = templates.value[1];
    expect(gold.sections.map((s) => s.label)).toEqual(['Gold A', 'Gold B']);
    // An unknown period type reads as a year target.
    expect(gold.sections[0].targets.map((t) => [t.periodType, t.sortOrder])).toEqual([
      ['Year', 10],
      ['Quarter', 20],
    ]);
    expect(templateForTier(templates.value, ' gold ')).toBe(gold);
    expect(templateForTier(templates.value, 'Silver')).toBeNull();
    expect(readTemplates({ errors: [{ message: 'Boom' }] })).toEqual({ kind: 'error', message: 'Boom' });
    expect(PLAN_TEMPLATES_QUERY).toBeDefined();
  });

  it('reads a rollover source: plan with its narrative, sections and targets; null when the plan is gone', () => {
    const data: PlanSourceData = {
      uiapi: {
        query: {
          Partner_Account_Plan__c: {
            edges: [
              {
                node: {
                  Id: 'p1',
                  Name: v('Acme FY2026 Plan'),
                  External_Key__c: v(null),
                  Status__c: v('Active'),
                  Partner_Account__c: v('acc1'),
                  Partner_Account__r: { Name: v('Acme'), External_Key__c: v(null) },
                  Fiscal_Year__c: v('FY2026'),
                  Period_Start__c: v('2026-01-01'),
                  Period_End__c: v('2026-12-31'),
                  Review_Cadence__c: v('Quarterly'),
                  OwnerId: v('u1'),
                  Vision__c: v('Grow'),
                  Strategic_Priorities__c: v(null),
                  Strengths__c: v(null),
                  Weaknesses__c: v(null),
                  Opportunities__c: v(null),
                  Threats__c: v(null),
                  Communication_Plan__c: v(null),
                  Budget__c: v(5000),
                  Executive_Sponsor__c: v(null),
                  Partner_Contact__c: v(null),
                },
              },
            ],
          },
          Plan_Section__c: { edges: [] },
          Plan_Target__c: { edges: [] },
        },
      },
    };
    const source = readPlanSource({ data });
    if (source.kind !== 'ready' || !source.value) throw new Error('not ready');
    expect(source.value.plan).toMatchObject({
      partnerKey: 'acc1',
      partnerName: 'Acme',
      status: 'Active',
      fields: { Vision__c: 'Grow', Budget__c: 5000 },
    });
    data.uiapi.query.Partner_Account_Plan__c.edges = [];
    expect(readPlanSource({ data })).toEqual({ kind: 'ready', value: null, truncated: false });
    expect(PLAN_SOURCE_QUERY).toBeDefined();
  });

  it('gives rollover each metric’s direction and shape', () => {
    const metric = { name: 'Closed_Won_Revenue', direction: 'Higher is better', shape: 'Cumulative' } as Metric;
    expect(metricSemanticsByName([metric])).toEqual({
      Closed_Won_Revenue: { direction: 'Higher is better', shape: 'Cumulative' },
    });
  });
});
