import {
  PARTNER_STALE_DEALS_QUERY,
  SNAPSHOT_MAX_LENGTH,
  composeSnapshot,
  parseSnapshot,
  prepareReview,
  reviewableQuarters,
  type ComposeInput,
  type PlanComment,
  type PlanSection,
  type ReviewSnapshot,
} from 'c/planData';
import {
  createPayloads,
  createRecord,
  documentSource,
  recordError,
  updatePayloads,
  updateRecord,
} from '@lwc-test/platform';
import { domainMetric, domainTarget } from '@lwc-test/domain';

const section = (id: string, name: string): PlanSection => ({
  id,
  name,
  sectionType: 'Sales Objectives',
  sectionTypeLabel: 'Sales Objectives',
  summary: null,
  sortOrder: 10,
  weightedAttainment: 99,
});

const comment = (id: string, createdDate: string, extra: Partial<PlanComment> = {}): PlanComment => ({
  id,
  body: `Comment ${id}`,
  internalOnly: false,
  createdDate,
  authorId: 'U1',
  authorName: 'Priya Mehta',
  targetId: null,
  targetMetric: null,
  targetPeriodTypeLabel: null,
  targetPeriodStart: null,
  targetPeriodEnd: null,
  ...extra,
});

const Q2 = { label: 'FY2026 Q2', start: '2026-04-01', end: '2026-06-30' };
const Q3 = { start: '2026-07-01', end: '2026-09-30' };

function input(extra: Partial<ComposeInput> = {}): ComposeInput {
  return {
    plan: {
      id: 'P26',
      name: 'Northwind FY2026 Plan',
      partnerAccountId: 'ACC1',
      partnerName: 'Northwind',
      fiscalYear: 'FY2026',
      status: 'Active',
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      reviewCadence: 'Quarterly',
    },
    period: Q2,
    nextPeriod: Q3,
    sections: [section('S1', 'Sales'), section('S2', 'Marketing'), section('S3', 'Empty')],
    targets: [
      // Q2 targets in two sections, a Q1 target (left out), the year target (overlaps) and a Q3 target (next quarter).
      domainTarget({
        id: 'T1',
        sectionId: 'S1',
        targetValue: 10,
        actualValue: 8,
        attainment: 80,
        expectedToDate: 10,
        paceStatus: 'Behind',
        weight: 3,
      }),
      domainTarget({
        id: 'T2',
        sectionId: 'S1',
        metric: 'Revenue',
        targetValue: 1000,
        actualValue: 1200,
        attainment: 120,
        expectedToDate: 1000,
        paceStatus: 'Ahead',
        weight: 1,
      }),
      domainTarget({
        id: 'T3',
        sectionId: 'S2',
        metric: 'Budget',
        targetValue: 500,
        actualValue: 600,
        attainment: 120,
        paceStatus: 'Over Budget',
      }),
      domainTarget({ id: 'T4', sectionId: 'S1', periodStart: '2026-01-01', periodEnd: '2026-03-31', attainment: 50 }),
      domainTarget({
        id: 'T5',
        sectionId: 'S1',
        periodType: 'Year',
        periodStart: '2026-01-01',
        periodEnd: '2026-12-31',
        attainment: 40,
      }),
      domainTarget({ id: 'T6', sectionId: 'S2', periodStart: '2026-07-01', periodEnd: '2026-09-30', targetValue: 12 }),
    ],
    metrics: [
      domainMetric('Joint_Calls', null, { label: 'Joint calls' }),
      domainMetric('Revenue', null, { label: 'Revenue', unit: 'Currency' }),
      domainMetric('Budget', null, { label: 'Marketing spend', unit: 'Currency', direction: 'Stay within budget' }),
    ],
    periodLabel: (start, end) => `${start}..${end}`,
    actions: [
      { actionType: 'Demo', actionTypeLabel: 'Demo', quantity: 2, actorId: 'U1', actorName: 'Priya Mehta' },
      { actionType: 'Joint Call', actionTypeLabel: 'Joint call', quantity: 1, actorId: 'U2', actorName: 'Avery Ellis' },
      { actionType: 'Demo', actionTypeLabel: 'Demo', quantity: 1, actorId: 'U2', actorName: 'Avery Ellis' },
    ],
    wins: [
      { id: 'O1', name: 'Big deal', accountName: 'Contoso', amount: 50000, closeDate: '2026-05-02' },
      { id: 'O2', name: 'Small deal', accountName: 'Fabrikam', amount: null, closeDate: '2026-06-02' },
    ],
    staleDeals: [
      {
        id: 'O3',
        name: 'Quiet deal',
        stageLabel: 'Proposal',
        amount: 9000,
        closeDate: '2026-08-01',
        lastAprActionDate: null,
        accountName: 'Contoso',
      },
    ],
    comments: [
      comment('C1', '2026-03-31T23:00:00.000Z'),
      comment('C2', '2026-04-02T10:00:00.000Z', { internalOnly: true }),
      comment('C3', '2026-06-30T10:00:00.000Z'),
      comment('C4', '2026-07-01T10:00:00.000Z'),
    ],
    preparedBy: { id: 'U1', name: 'Priya Mehta' },
    preparedAt: '2026-07-10T16:00:00.000Z',
    orgCurrency: 'USD',
    ...extra,
  };
}

describe('composeSnapshot', () => {
  it('freezes the quarter: sections with the targets of the period, attainment and pace copied', () => {
    const s = composeSnapshot(input());
    expect(s.version).toBe(1);
    expect(s.period).toEqual(Q2);
    expect(s.plan).toMatchObject({
      id: 'P26',
      name: 'Northwind FY2026 Plan',
      partnerName: 'Northwind',
      reviewCadence: 'Quarterly',
    });
    // Sections without a target in the quarter are left out; the Q1 target is too, the year target overlaps.
    expect(s.sections.map((x) => [x.name, x.targets.map((t) => t.id)])).toEqual([
      ['Sales', ['T1', 'T2', 'T5']],
      ['Marketing', ['T3']],
    ]);
    const t1 = s.sections[0].targets[0];
    expect(t1).toMatchObject({
      metricLabel: 'Joint calls',
      unit: 'Count',
      currency: 'USD',
      periodLabel: '2026-04-01..2026-06-30',
      targetValue: 10,
      actualValue: 8,
      attainment: 80,
      pace: 80,
      paceStatus: 'Behind',
      sectionName: 'Sales',
    });
    // Weighted by Weight__c: (3 * 80 + 1 * 120 + 1 * 40) / 5; not the section's live Weighted_Attainment__c.
    expect(s.sections[0].attainment).toBe(80);
    // A budget's contribution is capped at 100, as the plan's attainment reads it.
    expect(s.sections[1].attainment).toBe(100);
  });

  it('counts the quarter: headline figures, actions by type and person, wins, stale deals, comments', () => {
    const s = composeSnapshot(input());
    expect(s.headline).toEqual({
      overallAttainment: 83.3,
      targetsBehind: 2,
      actionsLogged: 4,
      wonAmount: 50000,
      staleDeals: 1,
    });
    expect(s.actions.byType).toEqual([
      { key: 'Demo', label: 'Demo', count: 3 },
      { key: 'Joint Call', label: 'Joint call', count: 1 },
    ]);
    expect(s.actions.byPerson.map((p) => [p.label, p.count])).toEqual([
      ['Avery Ellis', 2],
      ['Priya Mehta', 2],
    ]);
    expect(s.actions.total).toBe(4);
    expect(s.wins.map((w) => w.id)).toEqual(['O1', 'O2']);
    expect(s.staleDeals).toEqual([
      {
        id: 'O3',
        name: 'Quiet deal',
        accountName: 'Contoso',
        stage: 'Proposal',
        amount: 9000,
        closeDate: '2026-08-01',
        lastActionDate: null,
      },
    ]);
    // In the quarter only, newest first, internal ones marked.
    expect(s.comments.map((c) => [c.id, c.internalOnly])).toEqual([
      ['C3', false],
      ['C2', true],
    ]);
    expect(s.nextQuarterTargets.map((t) => [t.id, t.sectionName, t.targetValue])).toEqual([['T6', 'Marketing', 12]]);
    expect(s.preparedBy).toEqual({ id: 'U1', name: 'Priya Mehta' });
    expect(s.preparedAt).toBe('2026-07-10T16:00:00.000Z');
  });

  it("weighs a year target's split quarter once, through the year, as the rollup does", () => {
    const year = domainTarget({
      id: 'Y',
      sectionId: 'S1',
      periodType: 'Year',
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      attainment: 40,
    });
    const part = domainTarget({ id: 'Y2', sectionId: 'S1', parentTargetId: 'Y', attainment: 100 });
    const s = composeSnapshot(input({ targets: [year, part] }));
    expect(s.sections[0].targets.map((t) => t.id)).toEqual(['Y', 'Y2']);
    expect(s.sections[0].attainment).toBe(40);
    expect(s.headline.overallAttainment).toBe(40);
    // A part whose year is not in the period's targets counts on its own.
    expect(composeSnapshot(input({ targets: [part] })).headline.overallAttainment).toBe(100);
  });

  it('copies values: changing the inputs afterwards (a later rollup) leaves the snapshot as it was', () => {
    const given = input();
    const s = composeSnapshot(given);
    const before = JSON.stringify(s);
    given.targets[0].actualValue = 99;
    given.targets[0].attainment = 990;
    given.wins[0].amount = 1;
    given.plan.name = 'Renamed';
    expect(JSON.stringify(s)).toBe(before);
  });

  it('has no next quarter after the last one, and no figures without data', () => {
    const s = composeSnapshot(
      input({ nextPeriod: null, targets: [], actions: [], wins: [], staleDeals: [], comments: [] }),
    );
    expect(s.sections).toEqual([]);
    expect(s.nextQuarterTargets).toEqual([]);
    expect(s.headline).toEqual({
      overallAttainment: null,
      targetsBehind: 0,
      actionsLogged: 0,
      wonAmount: 0,
      staleDeals: 0,
    });
  });

  it('leaves out the oldest comments when the pack would not fit Snapshot__c', () => {
    const long = 'x'.repeat(4000);
    const comments = Array.from({ length: 60 }, (_, i) =>
      comment(`C${i}`, `2026-05-${String((i % 28) + 1).padStart(2, '0')}T10:00:00.000Z`, { body: long }),
    );
    const s = composeSnapshot(input({ comments }));
    expect(JSON.stringify(s).length).toBeLessThanOrEqual(SNAPSHOT_MAX_LENGTH);
    expect(s.comments.length).toBeGreaterThan(0);
    expect(s.omittedComments).toBe(60 - s.comments.length);
  });
});

describe('parseSnapshot', () => {
  const good = (): ReviewSnapshot => composeSnapshot(input());

  it('reads back what composeSnapshot wrote', () => {
    const parsed = parseSnapshot(JSON.stringify(good()));
    expect(parsed.kind).toBe('ok');
    expect(parsed.kind === 'ok' && parsed.snapshot).toEqual(good());
  });

  it('says why a pack cannot be shown: none, not JSON, not the shape, an unknown version', () => {
    expect(parseSnapshot(null)).toEqual({ kind: 'missing' });
    expect(parseSnapshot('')).toEqual({ kind: 'missing' });
    expect(parseSnapshot('{not json')).toEqual({ kind: 'invalid' });
    expect(parseSnapshot('[1, 2]')).toEqual({ kind: 'invalid' });
    expect(parseSnapshot(JSON.stringify({ ...good(), sections: 'no' }))).toEqual({ kind: 'invalid' });
    expect(parseSnapshot(JSON.stringify({ ...good(), version: 2 }))).toEqual({ kind: 'version', version: 2 });
    expect(parseSnapshot('{}')).toEqual({ kind: 'version', version: undefined });
  });
});

describe('reviewableQuarters', () => {
  const quarters = [
    { start: '2026-01-01', end: '2026-03-31' },
    { start: '2026-04-01', end: '2026-06-30' },
    { start: '2026-07-01', end: '2026-09-30' },
    { start: '2026-10-01', end: '2026-12-31' },
  ];

  it('offers the started quarters and defaults to the latest', () => {
    expect(reviewableQuarters(quarters, '2026-08-20')).toEqual({ quarters: quarters.slice(0, 3), defaultIndex: 2 });
  });

  it('defaults to the one before when the latest started less than 15 days ago', () => {
    expect(reviewableQuarters(quarters, '2026-07-10').defaultIndex).toBe(1);
    expect(reviewableQuarters(quarters, '2026-07-15').defaultIndex).toBe(1);
    expect(reviewableQuarters(quarters, '2026-07-16').defaultIndex).toBe(2);
    // The first quarter has none before it.
    expect(reviewableQuarters(quarters, '2026-01-05')).toEqual({ quarters: quarters.slice(0, 1), defaultIndex: 0 });
  });

  it('offers none before the plan starts', () => {
    expect(reviewableQuarters(quarters, '2025-12-31')).toEqual({ quarters: [], defaultIndex: -1 });
  });
});

describe('prepareReview', () => {
  const base = () => ({
    snapshot: composeSnapshot(input()),
    reviewName: 'FY2026 Q2 review',
    today: '2026-07-10',
    nextReviewDate: '2026-10-10',
    reminder: { subject: 'QBR reminder: review on 2026-10-10', activityDate: '2026-10-03' },
    ownerId: 'U9',
    reminderExists: false,
  });

  it('creates the review with its figures and pack, sets the plan dates, then creates the reminder', async () => {
    const outcome = await prepareReview(base());
    expect(outcome.review.ok && outcome.plan?.ok && outcome.task?.ok).toBe(true);
    const [review, task] = createPayloads();
    expect(review.apiName).toBe('Plan_Review__c');
    expect(review.fields).toMatchObject({
      Partner_Account_Plan__c: 'P26',
      Name: 'FY2026 Q2 review',
      Review_Date__c: '2026-07-10',
      Period_Label__c: 'FY2026 Q2',
      Period_Start__c: '2026-04-01',
      Period_End__c: '2026-06-30',
      Overall_Attainment__c: 83.3,
      Targets_Behind__c: 2,
      Actions_Logged__c: 4,
      Won_Amount__c: 50000,
      Stale_Deals__c: 1,
    });
    expect(JSON.parse(String(review.fields.Snapshot__c))).toEqual(base().snapshot);
    expect(updatePayloads()).toEqual([
      { Id: 'P26', Last_Review_Date__c: '2026-07-10', Next_Review_Date__c: '2026-10-10' },
    ]);
    expect(task).toEqual({
      apiName: 'Task',
      fields: {
        WhatId: 'P26',
        OwnerId: 'U9',
        Subject: 'QBR reminder: review on 2026-10-10',
        ActivityDate: '2026-10-03',
        Status: 'Not Started',
      },
    });
  });

  it('creates no reminder when it exists, or when no review falls in the plan (and clears the next date)', async () => {
    await prepareReview({ ...base(), reminderExists: true });
    expect(createPayloads().map((c) => c.apiName)).toEqual(['Plan_Review__c']);
    createRecord.mockClear();
    updateRecord.mockClear();
    await prepareReview({ ...base(), nextReviewDate: null, reminder: null });
    expect(createPayloads().map((c) => c.apiName)).toEqual(['Plan_Review__c']);
    expect(updatePayloads()[0].Next_Review_Date__c).toBeNull();
  });

  it('stops when the review is refused, and reports a later failure while the review stands', async () => {
    createRecord.mockRejectedValueOnce(recordError({ errors: ['Insufficient access'] }));
    const refused = await prepareReview(base());
    expect(refused).toMatchObject({ review: { ok: false, messages: ['Insufficient access'] }, plan: null, task: null });
    expect(updateRecord).not.toHaveBeenCalled();

    updateRecord.mockRejectedValueOnce(recordError({ errors: ['A closed plan is read-only.'] }));
    const datesFailed = await prepareReview(base());
    expect(datesFailed.review.ok).toBe(true);
    expect(datesFailed.plan).toMatchObject({ ok: false, messages: ['A closed plan is read-only.'] });
    expect(datesFailed.task).toBeNull();
  });
});

describe('the partner stale deals document', () => {
  it('asks for the whole partner, not one owner', () => {
    const source = documentSource(PARTNER_STALE_DEALS_QUERY);
    expect(source).toContain('Partner_Account__c: { eq: $partnerId }');
    expect(source).not.toContain('OwnerId');
  });
});
