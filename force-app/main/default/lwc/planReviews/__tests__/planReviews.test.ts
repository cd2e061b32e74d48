import PlanReviews from 'c/planReviews';
import {
  METRIC_CATALOG_QUERY,
  PARTNER_STALE_DEALS_QUERY,
  PARTNER_WINS_QUERY,
  PLAN_COMMENTS_QUERY,
  PLAN_REVIEWS_QUERY,
  PLAN_SECTIONS_QUERY,
  PLAN_TARGETS_QUERY,
  QUARTER_ACTIONS_QUERY,
  REVIEW_TASKS_QUERY,
  type ReviewNode,
} from 'c/planData';
import { buttonByLabel, changeValue, click, find, findAll, mount, prop, settle, textOf } from '@lwc-test/render';
import {
  captureToasts,
  createPayloads,
  createRecord,
  emitGraphQL,
  emitGraphQLErrors,
  emitObjectInfo,
  emitRecord,
  emitRecordError,
  graphQLVariables,
  navigate,
  recordError,
  updatePayloads,
  updateRecord,
} from '@lwc-test/platform';
import {
  CATALOG,
  PARTNER,
  PLAN_ID,
  USERS,
  catalogData,
  id,
  opportunityNode,
  planRecord,
  sectionId,
  sectionNode,
  targetId,
  targetNode,
  uiapi,
  type PlanSpec,
} from '@lwc-test/fixtures';
import { commentNode, userRecord } from '@lwc-test/partnerFixtures';
import { freezeTime } from '@lwc-test/time';
import type { RecordRepresentation } from 'lightning/uiRecordApi';

const REVIEW_1 = id('a0R', 1);
const REVIEW_2 = id('a0R', 2);

const v = <T>(value: T | null) => ({ value });

function plan(
  spec: PlanSpec = {},
  review: { cadence?: string | null; last?: string | null; next?: string | null } = {},
): RecordRepresentation {
  const record = planRecord({ status: 'Active', ...spec });
  const field = (value: string | null | undefined) => ({ value: value ?? null, displayValue: null });
  return {
    ...record,
    fields: {
      ...record.fields,
      Review_Cadence__c: field(review.cadence === undefined ? 'Quarterly' : review.cadence),
      Last_Review_Date__c: field(review.last === undefined ? '2026-04-08' : review.last),
      Next_Review_Date__c: field(review.next === undefined ? '2026-07-22' : review.next),
    },
  };
}

const reviewNode = (reviewId: string, name: string, label: string, date: string, attainment: number): ReviewNode => ({
  Id: reviewId,
  Name: v(name),
  Period_Label__c: v(label),
  Period_Start__c: v(null),
  Period_End__c: v(null),
  Review_Date__c: v(date),
  Overall_Attainment__c: v(attainment),
});

async function render(
  options: { plan?: RecordRepresentation; canCreate?: boolean; reviews?: ReviewNode[] } = {},
): Promise<HTMLElement> {
  // 2026-07-10 in Los Angeles: Q3 started 9 days ago, so Q2 is the quarter to review.
  freezeTime('2026-07-10T19:00:00Z');
  const host = mount('c-plan-reviews', PlanReviews, { recordId: PLAN_ID });
  await settle(1);
  emitRecord(options.plan ?? plan());
  emitRecord(userRecord('internal', USERS.pm.name));
  emitObjectInfo('Plan_Review__c', { editable: options.canCreate ?? true });
  emitObjectInfo('Partner_Account_Plan__c', { fields: ['Last_Review_Date__c', 'Next_Review_Date__c'] });
  emitObjectInfo('Plan_Target__c');
  emitGraphQL(
    PLAN_REVIEWS_QUERY,
    uiapi(
      'Plan_Review__c',
      options.reviews ?? [
        reviewNode(REVIEW_2, 'FY2026 Q1 review', 'FY2026 Q1', '2026-04-08', 72.5),
        reviewNode(REVIEW_1, 'FY2025 Q4 review', 'FY2025 Q4', '2026-01-09', 90),
      ],
    ),
  );
  await settle();
  return host;
}

const S1 = sectionId(1);

/** Opens the prepare panel and answers every query the quarter needs. */
async function openAndLoad(host: HTMLElement, existingReminder = false): Promise<void> {
  await click(find(host, '[data-id="prepare"]'));
  await settle(1);
  emitGraphQL(PLAN_SECTIONS_QUERY, uiapi('Plan_Section__c', [sectionNode({ id: S1, name: 'Sales' })]));
  emitGraphQL(
    PLAN_TARGETS_QUERY,
    uiapi('Plan_Target__c', [
      targetNode({
        id: targetId(1),
        sectionId: S1,
        metric: 'Joint_Calls',
        periodStart: '2026-04-01',
        periodEnd: '2026-06-30',
        targetValue: 10,
        actualValue: 7,
        attainment: 70,
        paceStatus: 'Behind',
      }),
      targetNode({
        id: targetId(2),
        sectionId: S1,
        metric: 'Joint_Calls',
        periodStart: '2026-07-01',
        periodEnd: '2026-09-30',
        targetValue: 12,
      }),
    ]),
  );
  emitGraphQL(METRIC_CATALOG_QUERY, catalogData(CATALOG));
  emitGraphQL(
    PLAN_COMMENTS_QUERY,
    uiapi('Plan_Comment__c', [
      commentNode({ id: id('a0C', 1), body: 'Good quarter', createdDate: '2026-05-05T10:00:00.000Z' }),
    ]),
  );
  emitGraphQL(
    QUARTER_ACTIONS_QUERY,
    uiapi('APR_Action__c', [
      {
        Id: id('a04', 1),
        Action_Type__c: { value: 'Demo', displayValue: 'Demo' },
        Quantity__c: v(2),
        Actor__c: v(USERS.ae.id),
        Actor__r: { Name: v(USERS.ae.name) },
      },
    ]),
  );
  emitGraphQL(
    PARTNER_WINS_QUERY,
    uiapi('Opportunity', [
      {
        Id: id('006', 5),
        Name: v('Contoso renewal'),
        Amount: v(25000),
        CloseDate: v('2026-05-20'),
        Account: { Name: v('Contoso') },
      },
    ]),
  );
  emitGraphQL(
    PARTNER_STALE_DEALS_QUERY,
    uiapi('Opportunity', [opportunityNode({ id: id('006', 6), name: 'Quiet deal' })]),
  );
  emitGraphQL(REVIEW_TASKS_QUERY, uiapi('Task', existingReminder ? [{ Id: id('00T', 1) }] : []));
  await settle();
}

describe('c-plan-reviews', () => {
  it('shows the cadence, the last and next review, and the past reviews with links', async () => {
    const host = await render();
    expect(textOf(find(host, '[data-id="cadence"]'))).toBe('Quarterly');
    expect(textOf(find(host, '[data-id="last-review"]'))).toBe('Apr 8, 2026');
    expect(textOf(find(host, '[data-id="next-review"]'))).toBe('Jul 22, 2026 (in 12 days)');
    const rows = findAll(host, '[data-id="review-row"]').map((row) =>
      Array.from(row.children).map((cell) => textOf(cell)),
    );
    expect(rows).toEqual([
      ['FY2026 Q1 review', 'FY2026 Q1', 'Apr 8, 2026', '72.5%'],
      ['FY2025 Q4 review', 'FY2025 Q4', 'Jan 9, 2026', '90%'],
    ]);
    expect(find<HTMLAnchorElement>(host, '[data-id="review-link"]').getAttribute('href')).toBe(
      `/lightning/r/Plan_Review__c/${REVIEW_2}/view`,
    );
    await click(find(host, '[data-id="review-link"]'));
    expect(navigate).toHaveBeenCalledWith(
      {
        type: 'standard__recordPage',
        attributes: { recordId: REVIEW_2, objectApiName: 'Plan_Review__c', actionName: 'view' },
      },
      undefined,
    );
    await expect(host).toBeAccessible();
  });

  it('says when the next review is overdue', async () => {
    const host = await render({ plan: plan({}, { next: '2026-07-07' }) });
    expect(textOf(find(host, '[data-id="next-review-due"]'))).toBe('(overdue by 3 days)');
    expect(find(host, '[data-id="next-review-due"]').className).toContain('slds-text-color_error');
  });

  it('reads well with no review yet', async () => {
    const host = await render({ plan: plan({}, { cadence: null, last: null, next: null }), reviews: [] });
    expect(textOf(find(host, '[data-id="cadence"]'))).toBe('—');
    expect(textOf(find(host, '[data-id="last-review"]'))).toBe('Never');
    expect(textOf(find(host, '[data-id="next-review"]'))).toBe('Not scheduled');
    expect(textOf(find(host, '[data-id="no-reviews"]'))).toBe('No review has been prepared for this plan yet.');
    await expect(host).toBeAccessible();
  });

  it('shows why the plan or its reviews did not load', async () => {
    freezeTime('2026-07-10T19:00:00Z');
    const host = mount('c-plan-reviews', PlanReviews, { recordId: PLAN_ID });
    await settle(1);
    emitRecordError(PLAN_ID, 'You do not have access to this plan.');
    await settle();
    expect(textOf(find(host, '[role="alert"]'))).toContain('You do not have access to this plan.');

    const other = await render();
    emitGraphQLErrors(PLAN_REVIEWS_QUERY, ['Plan_Review__c is not supported']);
    await settle();
    expect(textOf(find(other, '[role="alert"]'))).toContain('Plan_Review__c is not supported');
    await expect(other).toBeAccessible();
  });

  it.each([
    ['a Draft plan', { plan: plan({ status: 'Draft' }) }],
    ['a Closed plan', { plan: plan({ status: 'Closed' }) }],
    ['a user who cannot create reviews', { canCreate: false }],
  ])('offers no Prepare QBR on %s', async (_case, options) => {
    const host = await render(options);
    expect(findAll(host, '[data-id="prepare"]')).toEqual([]);
  });

  it('gathers the quarter chosen: the latest started one, or the one before in its first 15 days', async () => {
    const host = await render();
    await click(find(host, '[data-id="prepare"]'));
    const quarter = find(host, '[data-id="quarter"]');
    expect(prop<{ label: string; value: string }[]>(quarter, 'options').map((o) => o.label)).toEqual([
      'FY2026 Q1',
      'FY2026 Q2',
      'FY2026 Q3',
    ]);
    expect(prop(quarter, 'value')).toBe('2026-04-01');
    expect(graphQLVariables(QUARTER_ACTIONS_QUERY)).toEqual({
      planId: PLAN_ID,
      start: '2026-04-01',
      end: '2026-06-30',
    });
    expect(graphQLVariables(PARTNER_WINS_QUERY)).toEqual({
      partnerId: PARTNER.id,
      start: '2026-04-01',
      end: '2026-06-30',
    });
    expect(graphQLVariables(PARTNER_STALE_DEALS_QUERY)).toEqual({ partnerId: PARTNER.id, cutoff: '2026-06-26' });
    expect(graphQLVariables(REVIEW_TASKS_QUERY)).toEqual({
      planId: PLAN_ID,
      subject: 'QBR reminder: review on 2026-10-10',
    });
    // Still gathering: the review cannot be prepared yet.
    expect(prop(find(host, '[data-id="prepare-confirm"]'), 'disabled')).toBe(true);
    expect(textOf(find(host, '[data-id="gathering"]'))).toBe("Gathering the quarter's data...");

    await changeValue(quarter, '2026-07-01');
    expect(graphQLVariables(QUARTER_ACTIONS_QUERY)).toEqual({
      planId: PLAN_ID,
      start: '2026-07-01',
      end: '2026-09-30',
    });
    await expect(host).toBeAccessible();
  });

  it('prepares the review: creates it frozen, sets the plan dates, creates the reminder, opens the review', async () => {
    const host = await render();
    const toasts = captureToasts(host);
    await openAndLoad(host);
    const confirm = find(host, '[data-id="prepare-confirm"]');
    expect(prop(confirm, 'disabled')).toBe(false);
    await click(confirm);
    await settle();

    const [review, task] = createPayloads();
    expect(review.apiName).toBe('Plan_Review__c');
    expect(review.fields).toMatchObject({
      Partner_Account_Plan__c: PLAN_ID,
      Name: 'FY2026 Q2 review',
      Review_Date__c: '2026-07-10',
      Period_Label__c: 'FY2026 Q2',
      Period_Start__c: '2026-04-01',
      Period_End__c: '2026-06-30',
      Overall_Attainment__c: 70,
      Targets_Behind__c: 1,
      Actions_Logged__c: 2,
      Won_Amount__c: 25000,
      Stale_Deals__c: 1,
    });
    const snapshot = JSON.parse(String(review.fields.Snapshot__c));
    expect(snapshot).toMatchObject({
      version: 1,
      plan: { id: PLAN_ID, partnerName: PARTNER.name },
      period: { label: 'FY2026 Q2' },
      preparedBy: { name: USERS.pm.name },
    });
    expect(snapshot.sections[0].targets.map((t: { id: string }) => t.id)).toEqual([targetId(1)]);
    expect(snapshot.nextQuarterTargets.map((t: { id: string }) => t.id)).toEqual([targetId(2)]);
    expect(snapshot.comments.map((c: { body: string }) => c.body)).toEqual(['Good quarter']);

    expect(updatePayloads()).toEqual([
      { Id: PLAN_ID, Last_Review_Date__c: '2026-07-10', Next_Review_Date__c: '2026-10-10' },
    ]);
    expect(task).toEqual({
      apiName: 'Task',
      fields: {
        WhatId: PLAN_ID,
        OwnerId: USERS.pm.id,
        Subject: 'QBR reminder: review on 2026-10-10',
        ActivityDate: '2026-10-03',
        Status: 'Not Started',
      },
    });
    const reviewId = (await createRecord.mock.results[0].value).id;
    expect(navigate).toHaveBeenCalledWith(
      {
        type: 'standard__recordPage',
        attributes: { recordId: reviewId, objectApiName: 'Plan_Review__c', actionName: 'view' },
      },
      undefined,
    );
    expect(toasts.map((t) => t.message)).toEqual(['FY2026 Q2 review is ready.']);
  });

  it('creates no reminder when the next review would fall after the plan ends', async () => {
    // Annual: 2027-07-10 is after the plan's end, so there is no next review and no reminder to look up.
    const host = await render({ plan: plan({}, { cadence: 'Annual' }) });
    await openAndLoad(host);
    expect(graphQLVariables(REVIEW_TASKS_QUERY)).toBeUndefined();
    await click(find(host, '[data-id="prepare-confirm"]'));
    await settle();
    expect(createPayloads().map((c) => c.apiName)).toEqual(['Plan_Review__c']);
    expect(updatePayloads()).toEqual([{ Id: PLAN_ID, Last_Review_Date__c: '2026-07-10', Next_Review_Date__c: null }]);
    expect(navigate).toHaveBeenCalled();
  });

  it('creates the reminder once: not when the plan has it already', async () => {
    const host = await render();
    await openAndLoad(host, true);
    await click(find(host, '[data-id="prepare-confirm"]'));
    await settle();
    expect(createPayloads().map((c) => c.apiName)).toEqual(['Plan_Review__c']);
    expect(navigate).toHaveBeenCalled();
  });

  it('shows why the review was refused and keeps the panel open', async () => {
    const host = await render();
    await openAndLoad(host);
    createRecord.mockRejectedValueOnce(recordError({ errors: ['You cannot create plan reviews.'] }));
    await click(find(host, '[data-id="prepare-confirm"]'));
    await settle();
    expect(prop(find(host, '[data-id="save-errors"]'), 'messages')).toEqual(['You cannot create plan reviews.']);
    expect(updateRecord).not.toHaveBeenCalled();
    expect(navigate).not.toHaveBeenCalled();
    await expect(host).toBeAccessible();
  });

  it('reports a failure after the review was created, with a link to the review that stands', async () => {
    const host = await render();
    await openAndLoad(host);
    updateRecord.mockRejectedValueOnce(recordError({ errors: ['Plan is locked.'] }));
    await click(find(host, '[data-id="prepare-confirm"]'));
    await settle();
    expect(prop(find(host, '[data-id="notices"] c-error-list'), 'messages')).toEqual([
      "The review was created, but the plan's review dates were not updated: Plan is locked.",
    ]);
    expect(textOf(find(host, '[data-id="created-review-link"]'))).toBe('FY2026 Q2 review');
    expect(createPayloads().map((c) => c.apiName)).toEqual(['Plan_Review__c']);
    expect(navigate).not.toHaveBeenCalled();
    expect(findAll(host, '[data-id="prepare-panel"]')).toEqual([]);
  });

  it('cancels the panel', async () => {
    const host = await render();
    await click(find(host, '[data-id="prepare"]'));
    await click(buttonByLabel(host, 'Cancel'));
    expect(findAll(host, '[data-id="prepare-panel"]')).toEqual([]);
  });
});
