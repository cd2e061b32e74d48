import PlanReviewPack from 'c/planReviewPack';
import { composeSnapshot, type ComposeInput } from 'c/planData';
import { changeValue, click, find, findAll, mount, prop, settle, textOf } from '@lwc-test/render';
import {
  emitObjectInfo,
  emitRecord,
  emitRecordError,
  recordError,
  updatePayloads,
  updateRecord,
} from '@lwc-test/platform';
import { id, recordOf } from '@lwc-test/fixtures';
import { domainMetric, domainTarget } from '@lwc-test/domain';

const REVIEW_ID = id('a0R', 1);

const INPUT: ComposeInput = {
  plan: {
    id: 'P26',
    name: 'Northwind FY2026 Plan',
    partnerAccountId: 'ACC1',
    partnerName: 'Northwind Partners',
    fiscalYear: 'FY2026',
    status: 'Active',
    periodStart: '2026-01-01',
    periodEnd: '2026-12-31',
    reviewCadence: 'Quarterly',
  },
  period: { label: 'FY2026 Q2', start: '2026-04-01', end: '2026-06-30' },
  nextPeriod: { start: '2026-07-01', end: '2026-09-30' },
  sections: [
    {
      id: 'S1',
      name: 'Sales objectives',
      sectionType: 'Sales Objectives',
      sectionTypeLabel: 'Sales Objectives',
      summary: null,
      sortOrder: 10,
      weightedAttainment: null,
    },
  ],
  targets: [
    domainTarget({
      id: 'T1',
      sectionId: 'S1',
      metric: 'Revenue',
      targetValue: 100000,
      actualValue: 80000,
      attainment: 80,
      expectedToDate: 100000,
      paceStatus: 'Behind',
    }),
    domainTarget({ id: 'T2', sectionId: 'S1', periodStart: '2026-07-01', periodEnd: '2026-09-30', targetValue: 12 }),
  ],
  metrics: [domainMetric('Revenue', null, { label: 'Partner-sourced revenue', unit: 'Currency' })],
  periodLabel: (start) => (start === '2026-04-01' ? 'FY2026 Q2' : 'FY2026 Q3'),
  actions: [
    { actionType: 'Demo', actionTypeLabel: 'Demo', quantity: 3, actorId: 'U1', actorName: 'Avery Ellis' },
    { actionType: 'QBR', actionTypeLabel: 'QBR', quantity: 1, actorId: 'U2', actorName: 'Priya Mehta' },
  ],
  wins: [{ id: 'O1', name: 'Contoso renewal', accountName: 'Contoso', amount: 25000, closeDate: '2026-05-20' }],
  staleDeals: [
    {
      id: 'O2',
      name: 'Quiet deal',
      stageLabel: 'Proposal',
      amount: 9000,
      closeDate: '2026-08-01',
      lastAprActionDate: '2026-05-01',
      accountName: 'Fabrikam',
    },
  ],
  comments: [
    {
      id: 'C1',
      body: 'Strong demos.\nRevenue lags.',
      internalOnly: true,
      createdDate: '2026-05-05T17:00:00.000Z',
      authorId: 'U2',
      authorName: 'Priya Mehta',
      targetId: null,
      targetMetric: null,
      targetPeriodTypeLabel: null,
      targetPeriodStart: null,
      targetPeriodEnd: null,
    },
  ],
  preparedBy: { id: 'U2', name: 'Priya Mehta' },
  preparedAt: '2026-07-10T17:00:00.000Z',
  orgCurrency: 'USD',
};

function reviewRecord(snapshot: string | null, summary: string | null = 'We agreed to push revenue in Q3.') {
  return recordOf('Plan_Review__c', REVIEW_ID, {
    Name: 'FY2026 Q2 review',
    Partner_Account_Plan__c: 'P26',
    Review_Date__c: '2026-07-10',
    Period_Label__c: 'FY2026 Q2',
    Period_Start__c: '2026-04-01',
    Period_End__c: '2026-06-30',
    Overall_Attainment__c: 80,
    Targets_Behind__c: 1,
    Actions_Logged__c: 4,
    Won_Amount__c: 25000,
    Stale_Deals__c: 1,
    Snapshot__c: snapshot,
    Summary__c: summary,
  });
}

async function render(snapshot: string | null, summary?: string | null): Promise<HTMLElement> {
  const host = mount('c-plan-review-pack', PlanReviewPack, { recordId: REVIEW_ID });
  await settle(1);
  emitRecord(reviewRecord(snapshot, summary));
  await settle();
  return host;
}

const cells = (row: Element): string[] => Array.from(row.children).map((cell) => textOf(cell));

describe('c-plan-review-pack', () => {
  it('renders the frozen pack: header, headline figures, targets, actions, wins, stale deals, comments, next quarter, summary', async () => {
    const host = await render(JSON.stringify(composeSnapshot(INPUT)));
    expect(textOf(find(host, '[data-id="pack-title"]'))).toBe('FY2026 Q2 review');
    expect(textOf(find(host, '[data-id="pack-plan"]'))).toBe('Northwind FY2026 Plan');
    expect(textOf(find(host, '[data-id="pack-partner"]'))).toBe('Northwind Partners');
    expect(textOf(find(host, '[data-id="pack-period"]'))).toBe('FY2026 Q2');
    expect(textOf(find(host, '[data-id="pack-prepared-by"]'))).toBe('Priya Mehta');
    expect(textOf(find(host, '[data-id="pack-prepared-on"]'))).toBe('Jul 10, 2026, 10:00 AM');
    expect(findAll(host, '[data-figure]').map(cells)).toEqual([
      ['Overall attainment', '80%'],
      ['Targets behind', '1'],
      ['Actions logged', '4'],
      ['Won', '$25,000'],
      ['Stale deals', '1'],
    ]);
    expect(textOf(find(host, '[data-id="pack-section"] h2'))).toBe('Sales objectives');
    expect(findAll(host, '[data-id="target-row"]').map(cells)).toEqual([
      ['Partner-sourced revenue', 'FY2026 Q2', '$100,000', '$80,000', '80%', 'Behind (80%)'],
    ]);
    expect(findAll(host, '[data-id="actions-by-type"] tbody tr').map(cells)).toEqual([
      ['Demo', '3'],
      ['QBR', '1'],
      ['Total', '4'],
    ]);
    expect(findAll(host, '[data-id="actions-by-person"] tbody tr').map(cells)).toEqual([
      ['Avery Ellis', '3'],
      ['Priya Mehta', '1'],
    ]);
    expect(findAll(host, '[data-id="win-row"]').map(cells)).toEqual([
      ['Contoso renewal', 'Contoso', 'May 20, 2026', '$25,000'],
    ]);
    expect(findAll(host, '[data-id="stale-row"]').map(cells)).toEqual([
      ['Quiet deal', 'Fabrikam', 'Proposal', 'Aug 1, 2026', 'May 1, 2026', '$9,000'],
    ]);
    expect(textOf(find(host, '[data-id="comment"]'))).toContain('Strong demos.');
    expect(textOf(find(host, '[data-id="internal-badge"]'))).toBe('Internal only');
    expect(findAll(host, '[data-id="next-row"]').map(cells)).toEqual([
      ['Joint Calls', 'Sales objectives', 'FY2026 Q3', '12'],
    ]);
    expect(textOf(find(host, '[data-id="summary"]'))).toBe('We agreed to push revenue in Q3.');
    await expect(host).toBeAccessible();
  });

  it('lets a user who may edit the summary write it; the frozen figures stay as they are', async () => {
    const host = await render(JSON.stringify(composeSnapshot(INPUT)));
    expect(findAll(host, '[data-id="edit-summary"]')).toEqual([]);
    emitObjectInfo('Plan_Review__c', { fields: ['Summary__c'] });
    await settle();
    await click(find(host, '[data-id="edit-summary"]'));
    const input = find(host, '[data-id="summary-input"]');
    expect(prop(input, 'value')).toBe('We agreed to push revenue in Q3.');
    await changeValue(input, 'Push revenue in Q3; two joint calls a week.');
    await click(find(host, '[data-id="save-summary"]'));
    await settle();
    expect(updatePayloads()).toEqual([{ Id: REVIEW_ID, Summary__c: 'Push revenue in Q3; two joint calls a week.' }]);
    expect(findAll(host, '[data-id="summary-editor"]')).toEqual([]);
    await expect(host).toBeAccessible();
  });

  it("shows why the summary was not saved and keeps the writer's text", async () => {
    const host = await render(JSON.stringify(composeSnapshot(INPUT)));
    emitObjectInfo('Plan_Review__c', { fields: ['Summary__c'] });
    await settle();
    await click(find(host, '[data-id="edit-summary"]'));
    await changeValue(find(host, '[data-id="summary-input"]'), 'New text');
    updateRecord.mockRejectedValueOnce(recordError({ errors: ['Insufficient access rights on object id'] }));
    await click(find(host, '[data-id="save-summary"]'));
    await settle();
    expect(prop(find(host, '[data-id="summary-editor"] c-error-list'), 'messages')).toEqual([
      'Insufficient access rights on object id',
    ]);
    expect(prop(find(host, '[data-id="summary-input"]'), 'value')).toBe('New text');
  });

  it('prints with the browser', async () => {
    const print = jest.spyOn(window, 'print').mockImplementation(() => undefined);
    const host = await render(JSON.stringify(composeSnapshot(INPUT)));
    await click(find(host, '[data-id="print"]'));
    expect(print).toHaveBeenCalledTimes(1);
    print.mockRestore();
  });

  it('reads well when the quarter had nothing and no summary is written', async () => {
    const empty = composeSnapshot({
      ...INPUT,
      targets: [],
      actions: [],
      wins: [],
      staleDeals: [],
      comments: [],
      nextPeriod: null,
    });
    const host = await render(JSON.stringify(empty), null);
    for (const state of [
      'no-targets',
      'no-actions',
      'no-wins',
      'no-stale',
      'no-comments',
      'no-next-quarter',
      'no-summary',
    ]) {
      expect(findAll(host, `[data-id="${state}"]`)).toHaveLength(1);
    }
    await expect(host).toBeAccessible();
  });

  it.each([
    ['no pack', null, 'This review has no review pack.'],
    ['unparseable JSON', '{"version": 1, "plan": ', "This review's pack cannot be read: its stored data is damaged."],
    [
      'an unknown version',
      JSON.stringify({ version: 7 }),
      "This review's pack has version 7, which this page cannot show.",
    ],
    [
      'a pack of the wrong shape',
      JSON.stringify({ version: 1, plan: {} }),
      "This review's pack cannot be read: its stored data is damaged.",
    ],
  ])('shows a clear error for %s, not a crash', async (_case, snapshot, message) => {
    const host = await render(snapshot);
    expect(textOf(find(host, '[data-id="pack-error"]'))).toBe(message);
    expect(findAll(host, '[data-id="print"]')).toEqual([]);
    await expect(host).toBeAccessible();
  });

  it('shows why the review did not load', async () => {
    const host = mount('c-plan-review-pack', PlanReviewPack, { recordId: REVIEW_ID });
    await settle(1);
    emitRecordError(REVIEW_ID, 'You do not have access to this review.');
    await settle();
    expect(textOf(find(host, '[role="alert"]'))).toContain('You do not have access to this review.');
    await expect(host).toBeAccessible();
  });
});
