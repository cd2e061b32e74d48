/** c-plan-comments: the comment thread internal and partner users share. */
import PlanComments from 'c/planComments';
import { METRIC_CATALOG_QUERY, PLAN_COMMENTS_QUERY } from 'c/planData';
import { changeValue, click, find, findAll, flushPromises, mount, prop, settle, textOf } from '@lwc-test/render';
import { createPayloads, createRecord, emitGraphQL, emitRecord, graphqlAdapter, recordError } from '@lwc-test/platform';
import { PLAN_ID, catalogData, targetId, uiapi } from '@lwc-test/fixtures';
import { commentId, commentNode, userRecord, type CommentSpec } from '@lwc-test/partnerFixtures';
import { freezeTime } from '@lwc-test/time';

const T1 = targetId(1);
const T2 = targetId(2);

const COMMENTS: CommentSpec[] = [
  {
    id: commentId(3),
    body: 'Can we move the second demo to May?',
    createdDate: '2026-05-20T16:55:00.000Z',
    authorName: 'Dana Reyes',
    targetId: T1,
    targetMetric: 'Demos',
  },
  {
    id: commentId(2),
    body: 'Their Q2 pipeline looks thin; keep an eye on it.',
    createdDate: '2026-05-20T14:00:00.000Z',
    authorName: 'Priya Mehta',
    internalOnly: true,
  },
  { id: commentId(1), body: 'Draft shared for review.', createdDate: '2026-05-01T09:00:00.000Z', authorName: null },
];

type Textarea = HTMLElement & { setCustomValidity(message: string): void; reportValidity(): boolean };

async function render(
  options: { user?: 'partner' | 'internal'; comments?: CommentSpec[]; targetId?: string; targetLabel?: string } = {},
) {
  freezeTime('2026-05-20T17:00:00.000Z');
  const host = mount('c-plan-comments', PlanComments, {
    recordId: PLAN_ID,
    targetId: options.targetId,
    targetLabel: options.targetLabel,
  });
  await flushPromises();
  emitRecord(userRecord(options.user ?? 'internal'));
  emitGraphQL(METRIC_CATALOG_QUERY, catalogData());
  const refresh = emitGraphQL(
    PLAN_COMMENTS_QUERY,
    uiapi('Plan_Comment__c', (options.comments ?? COMMENTS).map(commentNode)),
  );
  await flushPromises();
  return { host, refresh };
}

const textarea = (host: HTMLElement): Textarea => find<Textarea>(host, '[data-id="comment-body"]');

/** Spies on the text box's validity methods (the platform shows the custom message under the field). */
function spyValidity(host: HTMLElement): jest.Mock {
  const box = textarea(host);
  const setCustomValidity = jest.fn();
  Object.defineProperty(box, 'setCustomValidity', { value: setCustomValidity, configurable: true });
  Object.defineProperty(box, 'reportValidity', { value: jest.fn(() => true), configurable: true });
  return setCustomValidity;
}

describe('c-plan-comments', () => {
  it('shows a spinner until the comments load, then the thread newest first', async () => {
    freezeTime('2026-05-20T17:00:00.000Z');
    const host = mount('c-plan-comments', PlanComments, { recordId: PLAN_ID });
    await flushPromises();
    expect(find(host, '[data-id="loading"]')).toBeTruthy();
    emitRecord(userRecord('internal'));
    emitGraphQL(METRIC_CATALOG_QUERY, catalogData());
    emitGraphQL(PLAN_COMMENTS_QUERY, uiapi('Plan_Comment__c', COMMENTS.map(commentNode)));
    await flushPromises();
    expect(findAll(host, '[data-id="loading"]')).toHaveLength(0);
    expect(textOf(find(host, '[data-id="comments-heading"]'))).toBe('Comments');
    const items = findAll(host, 'li[data-comment]');
    expect(items.map((li) => textOf(li.querySelector('[data-id="author"]')))).toEqual([
      'Dana Reyes',
      'Priya Mehta',
      'Someone',
    ]);
    expect(items.map((li) => textOf(li.querySelector('[data-id="time"]')))).toEqual([
      '5 minutes ago',
      '3 hours ago',
      'May 1, 2026, 2:00 AM',
    ]);
    const time = items[0].querySelector('time') as HTMLTimeElement;
    expect(time.getAttribute('datetime')).toBe('2026-05-20T16:55:00.000Z');
    expect(time.getAttribute('title')).toBe('May 20, 2026, 9:55 AM');
    expect(textOf(items[0].querySelector('[data-id="context"]'))).toBe('On Demos (Quarter · Apr 1 – Jun 30, 2026)');
    expect(textOf(items[1].querySelector('[data-id="context"]'))).toBe('On the plan');
    expect(items.map((li) => li.querySelector('[data-id="internal-badge"]') !== null)).toEqual([false, true, false]);
    expect(textOf(items[1].querySelector('[data-id="body"]'))).toBe('Their Q2 pipeline looks thin; keep an eye on it.');
    await expect(host).toBeAccessible();
  });

  it('says when there are no comments yet', async () => {
    const { host } = await render({ comments: [] });
    expect(textOf(find(host, '[data-id="empty"]'))).toBe('No comments yet. Ask a question or share an update.');
    expect(findAll(host, 'li[data-comment]')).toHaveLength(0);
    await expect(host).toBeAccessible();
  });

  it("shows Salesforce's error when the comments cannot load, and retries", async () => {
    freezeTime('2026-05-20T17:00:00.000Z');
    const host = mount('c-plan-comments', PlanComments, { recordId: PLAN_ID });
    await flushPromises();
    const refresh = jest.fn(async () => undefined);
    graphqlAdapter.emit(
      { data: undefined, errors: [{ message: "Field 'Plan_Comment__c' is not accessible." }], refresh },
      (config: Record<string, unknown>) => config.query === PLAN_COMMENTS_QUERY,
    );
    await flushPromises();
    expect(textOf(find(host, '[data-id="load-error"]'))).toContain("Field 'Plan_Comment__c' is not accessible.");
    await expect(host).toBeAccessible();
    await click(find(host, '[data-id="load-error"] lightning-button'));
    expect(refresh).toHaveBeenCalledTimes(1);
    emitGraphQL(PLAN_COMMENTS_QUERY, uiapi('Plan_Comment__c', []));
    await flushPromises();
    expect(findAll(host, '[data-id="load-error"]')).toHaveLength(0);
  });

  it('posts a comment on the plan, announces it and reloads the thread', async () => {
    const { host } = await render();
    const refresh = emitGraphQL(PLAN_COMMENTS_QUERY, uiapi('Plan_Comment__c', COMMENTS.map(commentNode)));
    await flushPromises();
    expect(prop(textarea(host), 'maxLength')).toBe(4000);
    expect(prop(textarea(host), 'required')).toBe(true);
    await changeValue(textarea(host), '  Looks good to us.  ');
    expect(textOf(find(host, '[data-id="counter"]'))).toBe('21 of 4000 characters');
    await click(find(host, '[data-id="post"]'));
    await settle();
    expect(createPayloads()).toEqual([
      {
        apiName: 'Plan_Comment__c',
        fields: { Partner_Account_Plan__c: PLAN_ID, Body__c: 'Looks good to us.' },
      },
    ]);
    expect(refresh).toHaveBeenCalled();
    expect(textOf(find(host, '[data-id="announcement"]'))).toBe('Comment posted.');
    expect(find(host, '[data-id="announcement"]').getAttribute('aria-live')).toBe('polite');
    expect(prop(textarea(host), 'value')).toBe('');
    expect(prop(find(host, '[data-id="post"]'), 'disabled')).toBe(false);
  });

  it('disables Post while the comment is being saved', async () => {
    const { host } = await render();
    let finish: () => void = () => undefined;
    createRecord.mockImplementation(
      () =>
        new Promise((resolve) => {
          finish = () => resolve({ id: commentId(9), apiName: 'Plan_Comment__c', fields: {} });
        }),
    );
    await changeValue(textarea(host), 'Agreed.');
    await click(find(host, '[data-id="post"]'));
    expect(prop(find(host, '[data-id="post"]'), 'disabled')).toBe(true);
    finish();
    await settle();
    expect(prop(find(host, '[data-id="post"]'), 'disabled')).toBe(false);
  });

  it('refuses a blank comment under the field without asking the server', async () => {
    const { host } = await render();
    const setCustomValidity = spyValidity(host);
    await changeValue(textarea(host), '   ');
    await click(find(host, '[data-id="post"]'));
    expect(createRecord).not.toHaveBeenCalled();
    expect(setCustomValidity).toHaveBeenLastCalledWith('Write a comment before posting.');
  });

  it("shows the server's field error under the text box and other errors above Post", async () => {
    const { host } = await render();
    const setCustomValidity = spyValidity(host);
    createRecord.mockRejectedValueOnce(recordError({ fieldErrors: { Body__c: 'A comment needs some text.' } }));
    await changeValue(textarea(host), 'x');
    await click(find(host, '[data-id="post"]'));
    await settle();
    expect(setCustomValidity).toHaveBeenLastCalledWith('A comment needs some text.');
    expect(findAll(host, '[data-id="post-errors"]')).toHaveLength(0);

    createRecord.mockRejectedValueOnce(recordError({ errors: ['Partner users cannot post internal-only comments.'] }));
    await click(find(host, '[data-id="post"]'));
    await settle();
    expect(prop(find(host, '[data-id="post-errors"]'), 'messages')).toEqual([
      'The comment was not posted.',
      'Partner users cannot post internal-only comments.',
    ]);
    expect(prop(textarea(host), 'value')).toBe('x');
  });

  it('lets internal users mark a comment internal only', async () => {
    const { host } = await render({ user: 'internal' });
    const checkbox = find(host, '[data-id="internal-only"]');
    expect(prop(checkbox, 'label')).toBe('Internal only');
    checkbox.dispatchEvent(new CustomEvent('change', { detail: { checked: true } }));
    await changeValue(textarea(host), 'Margin is thin on this deal.');
    await click(find(host, '[data-id="post"]'));
    await settle();
    expect(createPayloads()[0].fields).toEqual({
      Partner_Account_Plan__c: PLAN_ID,
      Body__c: 'Margin is thin on this deal.',
      Internal_Only__c: true,
    });
  });

  it('never offers partner users the internal-only checkbox', async () => {
    const { host } = await render({ user: 'partner' });
    expect(findAll(host, '[data-id="internal-only"]')).toHaveLength(0);
    await changeValue(textarea(host), 'We can commit to four demos.');
    await click(find(host, '[data-id="post"]'));
    await settle();
    expect(createPayloads()[0].fields).not.toHaveProperty('Internal_Only__c');
  });

  it("shows and posts a target's comments in that target's context", async () => {
    const comments: CommentSpec[] = [
      ...COMMENTS,
      { id: commentId(4), body: 'Second target', createdDate: '2026-05-19T10:00:00.000Z', targetId: T2 },
    ];
    const { host } = await render({ comments, targetId: T1, targetLabel: 'Demos, FY2026 Q2' });
    expect(textOf(find(host, '[data-id="comments-heading"]'))).toBe('Comments on Demos, FY2026 Q2');
    expect(findAll(host, 'li[data-comment]').map((li) => li.dataset.comment)).toEqual([commentId(3)]);
    expect(findAll(host, '[data-id="context"]')).toHaveLength(0);
    await changeValue(textarea(host), 'Moved to May.');
    await click(find(host, '[data-id="post"]'));
    await settle();
    expect(createPayloads()[0].fields).toEqual({
      Partner_Account_Plan__c: PLAN_ID,
      Body__c: 'Moved to May.',
      Plan_Target__c: T1,
    });
  });

  it("says when a target's thread is empty", async () => {
    const { host } = await render({ targetId: T2 });
    expect(textOf(find(host, '[data-id="empty"]'))).toBe('No comments on this target yet.');
  });
});
