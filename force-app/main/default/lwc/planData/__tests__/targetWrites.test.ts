/** c/planData targetWrites: the editor's target writes, the annual split's writes, Activate and Close. */
import {
  activatePlan,
  closePlan,
  createPlanTarget,
  deleteTargets,
  readSeasonalProfiles,
  saveYearSplit,
  updateTarget,
  yearSplitWrites,
  type PlanTarget,
  type SplitPart,
} from 'c/planData';
import {
  createPayloads,
  createRecord,
  deleteRecord,
  recordError,
  updatePayloads,
  updateRecord,
} from '@lwc-test/platform';
import { domainTarget } from '@lwc-test/domain';
import { USERS, CUSTOMER, id } from '@lwc-test/fixtures';

const YEAR: PlanTarget = {
  ...domainTarget({ id: id('a03', 1), metric: 'Closed_Won_Revenue', targetValue: 1000 }),
  sectionId: id('a02', 1),
  periodType: 'Year',
  periodStart: '2026-01-01',
  periodEnd: '2026-12-31',
  aeId: USERS.ae.id,
  partnerManagerId: USERS.pm.id,
  targetAccountId: CUSTOMER.id,
  weight: 2,
  baselineValue: null,
  parentTargetId: null,
  splitProfile: null,
};

const quarter = (n: number, patch: Partial<PlanTarget> = {}): PlanTarget => ({
  ...YEAR,
  id: id('a03', 10 + n),
  periodType: 'Quarter',
  periodStart: ['2026-01-01', '2026-04-01', '2026-07-01', '2026-10-01'][n - 1],
  periodEnd: ['2026-03-31', '2026-06-30', '2026-09-30', '2026-12-31'][n - 1],
  targetValue: 250,
  parentTargetId: YEAR.id,
  ...patch,
});

const QUARTER_PARTS: SplitPart[] = [
  { periodType: 'Quarter', start: '2026-01-01', end: '2026-03-31', targetValue: 200 },
  { periodType: 'Quarter', start: '2026-04-01', end: '2026-06-30', targetValue: 230 },
  { periodType: 'Quarter', start: '2026-07-01', end: '2026-09-30', targetValue: 270 },
  { periodType: 'Quarter', start: '2026-10-01', end: '2026-12-31', targetValue: 300 },
];

describe('c/planData target writes', () => {
  it('updates only the changed fields of a target, by their field API names', async () => {
    await updateTarget(YEAR.id, { aeId: USERS.ae2.id, weight: 3, targetAccountId: null });
    expect(updatePayloads()).toEqual([
      { Id: YEAR.id, Accountable_AE__c: USERS.ae2.id, Weight__c: 3, Target_Account__c: null },
    ]);
  });

  it('creates a target with every field given and leaves blank ones out', async () => {
    const outcome = await createPlanTarget({
      sectionId: YEAR.sectionId as string,
      metric: 'Joint_Calls',
      periodType: 'Quarter',
      periodStart: '2026-04-01',
      periodEnd: '2026-06-30',
      targetValue: 12,
      aeId: USERS.ae.id,
      partnerManagerId: null,
      targetAccountId: null,
      weight: null,
    });
    expect(outcome.ok).toBe(true);
    expect(createPayloads()).toEqual([
      {
        apiName: 'Plan_Target__c',
        fields: {
          Plan_Section__c: YEAR.sectionId,
          Metric__c: 'Joint_Calls',
          Period_Type__c: 'Quarter',
          Period_Start__c: '2026-04-01',
          Period_End__c: '2026-06-30',
          Target_Value__c: 12,
          Accountable_AE__c: USERS.ae.id,
        },
      },
    ]);
  });

  it('reports the field errors of a refused create under the given key', async () => {
    createRecord.mockRejectedValueOnce(
      recordError({ fieldErrors: { Weight__c: 'Weight must be greater than zero.' } }),
    );
    const outcome = await createPlanTarget(
      { sectionId: 'S', metric: 'Demos', periodStart: '2026-01-01', periodEnd: '2026-03-31', targetValue: 1 },
      'new-one',
    );
    expect(outcome).toEqual({
      id: 'new-one',
      ok: false,
      fieldErrors: { Weight__c: ['Weight must be greater than zero.'] },
      messages: [],
    });
  });

  it('deletes targets one request each and reports each outcome', async () => {
    deleteRecord.mockImplementation(async (recordId: string) => {
      if (recordId === 'B') throw recordError({ errors: ['entity is deleted'] });
    });
    const outcomes = await deleteTargets(['A', 'B']);
    expect(deleteRecord.mock.calls.map(([recordId]) => recordId)).toEqual(['A', 'B']);
    expect(outcomes.map((o) => [o.id, o.ok, o.messages])).toEqual([
      ['A', true, []],
      ['B', false, ['entity is deleted']],
    ]);
  });

  it('activates and closes a plan by its status', async () => {
    await activatePlan('P');
    await closePlan('P');
    expect(updatePayloads()).toEqual([
      { Id: 'P', Status__c: 'Active' },
      { Id: 'P', Status__c: 'Closed' },
    ]);
  });

  it('reads seasonal profiles with their quarter shares', () => {
    const profiles = readSeasonalProfiles({
      data: {
        uiapi: {
          query: {
            Seasonal_Profile__mdt: {
              edges: [
                {
                  node: {
                    Id: 'm1',
                    DeveloperName: { value: 'Back_Loaded' },
                    MasterLabel: { value: 'Back-loaded' },
                    Q1_Share__c: { value: 20 },
                    Q2_Share__c: { value: 23 },
                    Q3_Share__c: { value: 27 },
                    Q4_Share__c: { value: 30 },
                    Description__c: { value: 'Growing through the year.' },
                    Sort_Order__c: { value: 20 },
                  },
                },
              ],
            },
          },
        },
      },
      errors: undefined,
    });
    expect(profiles).toEqual({
      kind: 'ready',
      truncated: false,
      value: [
        {
          name: 'Back_Loaded',
          label: 'Back-loaded',
          quarterShares: [20, 23, 27, 30],
          description: 'Growing through the year.',
          sortOrder: 20,
        },
      ],
    });
  });
});

describe('yearSplitWrites', () => {
  it('creates every part of a year without parts, with the year as parent and its metric, people, account and weight', () => {
    const writes = yearSplitWrites({
      year: YEAR,
      yearValue: 1000,
      profile: 'Back_Loaded',
      parts: QUARTER_PARTS,
      targets: [YEAR],
      reason: null,
    });
    expect(writes.year).toEqual({ id: YEAR.id, changes: { splitProfile: 'Back_Loaded' } });
    expect(writes.updates).toEqual([]);
    expect(writes.deletes).toEqual([]);
    expect(writes.creates).toEqual(
      QUARTER_PARTS.map((p) => ({
        sectionId: YEAR.sectionId,
        metric: 'Closed_Won_Revenue',
        periodType: 'Quarter',
        periodStart: p.start,
        periodEnd: p.end,
        targetValue: p.targetValue,
        aeId: USERS.ae.id,
        partnerManagerId: USERS.pm.id,
        targetAccountId: CUSTOMER.id,
        weight: 2,
        parentTargetId: YEAR.id,
      })),
    );
  });

  it('updates existing parts matched by period, adopts a standalone target of that period, and leaves unchanged ones alone', () => {
    const standalone = quarter(4, { id: 'LOOSE', parentTargetId: null, targetValue: 300 });
    const writes = yearSplitWrites({
      year: { ...YEAR, splitProfile: 'Back_Loaded' },
      yearValue: 1000,
      profile: 'Back_Loaded',
      parts: QUARTER_PARTS,
      targets: [YEAR, quarter(1), quarter(2, { targetValue: 230 }), quarter(3), standalone],
      reason: null,
    });
    expect(writes.year.changes).toEqual({});
    expect(writes.updates).toEqual([
      { id: quarter(1).id, changes: { targetValue: 200 } },
      { id: quarter(3).id, changes: { targetValue: 270 } },
      { id: 'LOOSE', changes: { parentTargetId: YEAR.id } },
    ]);
    expect(writes.creates).toEqual([]);
  });

  it('marks the parts of the other granularity for deletion and gives baselined changes the reason', () => {
    const months = [1, 2].map((m) => ({
      ...quarter(1),
      id: `M${m}`,
      periodType: 'Month',
      periodStart: `2026-0${m}-01`,
      periodEnd: m === 1 ? '2026-01-31' : '2026-02-28',
    }));
    const writes = yearSplitWrites({
      year: { ...YEAR, baselineValue: 1000 },
      yearValue: 1200,
      profile: 'Even',
      parts: QUARTER_PARTS.map((p) => ({ ...p, targetValue: 300 })),
      targets: [YEAR, ...months],
      reason: 'New distributor',
    });
    expect(writes.year.changes).toEqual({ targetValue: 1200, splitProfile: 'Even', revisionReason: 'New distributor' });
    expect(writes.deletes.map((t) => t.id)).toEqual(['M1', 'M2']);
    expect(writes.creates).toHaveLength(4);
  });

  it('saves the year first, stops when it is refused, then the parts in parallel, then the deletes', async () => {
    const writes = yearSplitWrites({
      year: YEAR,
      yearValue: 1000,
      profile: 'Even',
      parts: QUARTER_PARTS,
      targets: [YEAR, quarter(1), { ...quarter(1), id: 'OLD', periodType: 'Month', periodEnd: '2026-01-31' }],
      reason: null,
    });
    updateRecord.mockRejectedValueOnce(recordError({ errors: ['A target of a closed plan is read-only.'] }));
    const refused = await saveYearSplit(writes, true);
    expect(refused.map((o) => o.ok)).toEqual([false]);
    expect(createRecord).not.toHaveBeenCalled();

    const saved = await saveYearSplit(writes, true);
    expect(saved.every((o) => o.ok)).toBe(true);
    expect(updatePayloads().slice(1)).toEqual([
      { Id: YEAR.id, Split_Profile__c: 'Even' },
      { Id: quarter(1).id, Target_Value__c: 200 },
    ]);
    expect(createPayloads()).toHaveLength(3);
    expect(deleteRecord.mock.calls.map(([recordId]) => recordId)).toEqual(['OLD']);
  });
});
