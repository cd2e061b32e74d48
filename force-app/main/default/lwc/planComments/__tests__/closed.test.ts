/** c-plan-comments on a closed plan: the thread stays readable, the composer gives way to a short notice. */
import PlanComments from 'c/planComments';
import { METRIC_CATALOG_QUERY, PLAN_COMMENTS_QUERY } from 'c/planData';
import { find, flushPromises, mount, shadow, textOf } from '@lwc-test/render';
import { emitGraphQL, emitRecord } from '@lwc-test/platform';
import { PLAN_ID, catalogData, planRecord, uiapi } from '@lwc-test/fixtures';
import { commentId, commentNode, userRecord } from '@lwc-test/partnerFixtures';
import { freezeTime } from '@lwc-test/time';

async function render(status: string, user: 'partner' | 'internal' = 'internal'): Promise<HTMLElement> {
  freezeTime('2026-05-20T17:00:00.000Z');
  const host = mount('c-plan-comments', PlanComments, { recordId: PLAN_ID });
  await flushPromises();
  emitRecord(userRecord(user));
  emitRecord(planRecord({ status }));
  emitGraphQL(METRIC_CATALOG_QUERY, catalogData());
  emitGraphQL(
    PLAN_COMMENTS_QUERY,
    uiapi('Plan_Comment__c', [
      commentNode({
        id: commentId(1),
        body: 'Great year, thanks all.',
        createdDate: '2026-05-01T09:00:00.000Z',
        authorName: 'Dana Reyes',
      }),
    ]),
  );
  await flushPromises();
  return host;
}

describe('c-plan-comments on a closed plan', () => {
  it.each(['internal', 'partner'] as const)(
    'shows the comments and no composer to %s users, accessibly',
    async (user) => {
      const host = await render('Closed', user);
      expect(textOf(find(host, '[data-id="closed-notice"]'))).toBe(
        'This plan is closed, so no new comments can be added. Its comments stay here to read.',
      );
      expect(shadow(host).querySelector('[data-id="comment-body"]')).toBeNull();
      expect(shadow(host).querySelector('[data-id="post"]')).toBeNull();
      expect(textOf(find(host, '[data-id="body"]'))).toBe('Great year, thanks all.');
      await expect(host).toBeAccessible();
    },
  );

  it('keeps the composer on a plan that is not closed', async () => {
    const host = await render('Active');
    expect(find(host, '[data-id="comment-body"]')).toBeTruthy();
    expect(shadow(host).querySelector('[data-id="closed-notice"]')).toBeNull();
  });
});
