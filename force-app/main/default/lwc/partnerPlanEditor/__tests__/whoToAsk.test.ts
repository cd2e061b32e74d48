/**
 * c-partner-plan-editor: a user who may not take a step is told who can, by name (the plan's Owner.Name, read
 * as an optional field), instead of which access they lack.
 */
import { prop, textOf } from '@lwc-test/render';
import { find } from '@lwc-test/deep';
import { CURRENT_USER_ID } from '@lwc-test/platform';
import { USERS } from '@lwc-test/fixtures';
import { renderEditor } from './editorFixtures';

const hint = (host: HTMLElement): string => textOf(find(host, '[data-id="lifecycle-hint"]'));
const owner = { ownerId: USERS.pm.id, ownerName: 'Dana Whitfield' };

describe('c-partner-plan-editor', () => {
  describe('who to ask', () => {
    it.each(['Accepted', 'Active'] as const)(
      'asks a reader of a %s plan to have its owner revise it, Revise disabled',
      async (status) => {
        const { host } = await renderEditor({ plan: { ...owner, status }, editable: false });
        expect(prop(find(host, '[data-id="revise"]'), 'disabled')).toBe(true);
        expect(hint(host)).toBe('You can view this plan. Ask Dana Whitfield (plan owner) to revise it.');
      },
    );

    it.each(['Draft', 'Partner Review', 'In Revision'] as const)(
      'asks a reader of a %s plan to have its owner change it',
      async (status) => {
        const { host } = await renderEditor({ plan: { ...owner, status }, editable: false });
        expect(hint(host)).toBe('You can view this plan. Ask Dana Whitfield (plan owner) to change it.');
        await expect(host).toBeAccessible();
      },
    );

    it('says what access it takes when the reader is the owner, or the plan is closed', async () => {
      const mine = await renderEditor({
        plan: { ownerId: CURRENT_USER_ID, ownerName: 'Alex Morgan', status: 'Active' },
        editable: false,
      });
      expect(hint(mine.host)).toBe(
        'You can view this plan. Changing it needs edit access to plans, sections and targets.',
      );
      const closed = await renderEditor({ plan: { ...owner, status: 'Closed' }, editable: false });
      expect(hint(closed.host)).not.toContain('Dana Whitfield');
    });

    it("names the owner who may activate or close someone else's plan", async () => {
      const accepted = await renderEditor({ plan: { ...owner, status: 'Accepted' } });
      expect(prop(find(accepted.host, '[data-id="activate"]'), 'disabled')).toBe(true);
      expect(hint(accepted.host)).toContain('Ask Dana Whitfield (plan owner) to activate this plan.');
      const active = await renderEditor({ plan: { ...owner, status: 'Active' } });
      expect(prop(find(active.host, '[data-id="close"]'), 'disabled')).toBe(true);
      expect(hint(active.host)).toContain('Ask Dana Whitfield (plan owner) to close this plan.');
    });
  });
});
