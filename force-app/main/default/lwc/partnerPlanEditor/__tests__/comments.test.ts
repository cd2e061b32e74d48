/** c-partner-plan-editor: the partner's side seen internally: the comment thread, a target's comments, the change request. */
import { click, prop, textOf } from '@lwc-test/render';
import { find, findAll } from '@lwc-test/deep';
import { PLAN_ID, USERS } from '@lwc-test/fixtures';
import { T2, renderEditor, row } from './editorFixtures';

describe('c-partner-plan-editor', () => {
  describe('comments and the partner', () => {
    it("shows the plan's comment thread, and a target's when its Comments button is used", async () => {
      const { host } = await renderEditor();
      const threads = () => findAll(host, 'c-plan-comments');
      expect(threads().map((t) => [prop(t, 'recordId'), prop(t, 'targetId')])).toEqual([[PLAN_ID, undefined]]);
      const button = row(host, T2).querySelector('[data-action="open-comments"]') as HTMLElement;
      expect(button.getAttribute('aria-label')).toBe('Show comments on Joint Calls, FY2026 Q2');
      await click(button);
      expect(threads().map((t) => [prop(t, 'targetId'), prop(t, 'targetLabel')])).toEqual([
        [T2, 'Joint Calls, FY2026 Q2'],
      ]);
      const back = find(host, '[data-id="all-comments"]');
      expect(prop(back, 'label')).toBe('Show all plan comments');
      expect(host.shadowRoot?.activeElement?.getAttribute('data-id')).toBe('comments-region');
      (host.shadowRoot?.activeElement as HTMLElement).blur();
      await click(back);
      expect(threads().map((t) => prop(t, 'targetId'))).toEqual([undefined]);
      expect(host.shadowRoot?.activeElement?.getAttribute('data-id')).toBe('comments-region');
    });

    it("leaves the plan's thread to the page when it shows one, and still opens a target's", async () => {
      const { host } = await renderEditor({ hidePlanComments: true });
      expect(findAll(host, 'c-plan-comments')).toHaveLength(0);
      await click(row(host, T2).querySelector('[data-action="open-comments"]') as HTMLElement);
      expect(findAll(host, 'c-plan-comments').map((t) => prop(t, 'targetId'))).toEqual([T2]);
      await click(find(host, '[data-id="all-comments"]'));
      expect(findAll(host, 'c-plan-comments')).toHaveLength(0);
    });

    it("shows the partner's change request while the plan is in the revision it asked for", async () => {
      const { host } = await renderEditor({
        plan: {
          status: 'In Revision',
          changeRequestReason: 'Joint calls are too high for Q2.',
          changesRequestedById: USERS.me.id,
          changesRequestedByName: 'Dana Reyes',
          changesRequestedOn: '2026-05-18T16:30:00.000Z',
        },
      });
      expect(textOf(find(host, '[data-id="change-request-heading"]'))).toBe(
        'Changes requested by Dana Reyes on May 18, 2026, 9:30 AM',
      );
      expect(textOf(find(host, '[data-id="change-request-reason"]'))).toBe('Reason: Joint calls are too high for Q2.');
    });

    it('shows no change request on a revision the owner started', async () => {
      const { host } = await renderEditor({ plan: { status: 'In Revision' } });
      expect(findAll(host, '[data-id="change-request"]')).toHaveLength(0);
    });

    it('says the plan was accepted by the partner when a partner contact accepted it', async () => {
      const { host } = await renderEditor({
        plan: {
          status: 'Accepted',
          acceptedById: USERS.me.id,
          acceptedByName: 'Dana Reyes',
          acceptedByContactId: '003000000000001AAA',
          acceptedByContactName: 'Dana Reyes',
          acceptedOn: '2026-05-20T17:00:00.000Z',
        },
      });
      expect(textOf(find(host, '[data-id="accepted"]'))).toBe(
        'Accepted by Dana Reyes (partner) on May 20, 2026, 10:00 AM',
      );
    });
  });
});
