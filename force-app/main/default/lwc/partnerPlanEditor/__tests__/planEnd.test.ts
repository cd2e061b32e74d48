/** c-partner-plan-editor: the plan's last steps (Activate, Close) for its owner, and a closed plan read-only. */
import { click, prop, settle, textOf } from '@lwc-test/render';
import { errorMessages, find, findAll } from '@lwc-test/deep';
import { CURRENT_USER_ID, recordError, updatePayloads, updateRecord } from '@lwc-test/platform';
import { answerConfirm, confirmView } from '@lwc-test/modal';
import { PLAN_ID } from '@lwc-test/fixtures';
import { freezeTime } from '@lwc-test/time';
import { T1, T2, T3, lockedValue, renderEditor, statusText } from './editorFixtures';

const hint = (host: HTMLElement): string => textOf(find(host, '[data-id="lifecycle-hint"]'));
const mine = { ownerId: CURRENT_USER_ID };

describe('c-partner-plan-editor', () => {
  describe('activating a plan', () => {
    it('activates an accepted plan for its owner once the period has started, after confirmation', async () => {
      freezeTime('2026-02-03T17:00:00.000Z');
      const { host, toasts } = await renderEditor({ plan: { ...mine, status: 'Accepted' } });
      expect(prop(find(host, '[data-id="activate"]'), 'disabled')).toBe(false);
      await click(find(host, '[data-id="activate"]'));
      expect(await confirmView()).toMatchObject({ title: 'Activate this plan?', confirmLabel: 'Activate Plan' });
      await answerConfirm(true);
      expect(updatePayloads()).toEqual([{ Id: PLAN_ID, Status__c: 'Active' }]);
      expect(statusText(host)).toBe('Active');
      expect(toasts.at(-1)).toMatchObject({ variant: 'success', message: 'The plan is active.' });
      expect(findAll(host, '[data-id="close"]')).toHaveLength(1);
    });

    it('waits for the period to start, and says when it can be activated', async () => {
      freezeTime('2026-05-20T17:00:00.000Z');
      const { host } = await renderEditor({
        plan: { ...mine, status: 'Accepted', periodStart: '2027-02-01', periodEnd: '2028-01-31', fiscalYear: 'FY2027' },
      });
      expect(prop(find(host, '[data-id="activate"]'), 'disabled')).toBe(true);
      expect(hint(host)).toContain("Activates on Feb 1, 2027, when the plan's period starts.");
      await expect(host).toBeAccessible();
    });

    it("is the owner's step: others see who may take it", async () => {
      freezeTime('2026-05-20T17:00:00.000Z');
      const { host } = await renderEditor({ plan: { status: 'Accepted' } });
      expect(prop(find(host, '[data-id="activate"]'), 'disabled')).toBe(true);
      expect(hint(host)).toContain("Only the plan's owner can activate it.");
    });

    it('changes nothing when the confirmation is declined, and shows a refusal of the server', async () => {
      freezeTime('2026-05-20T17:00:00.000Z');
      const { host } = await renderEditor({ plan: { ...mine, status: 'Accepted' } });
      await click(find(host, '[data-id="activate"]'));
      await answerConfirm(false);
      expect(updatePayloads()).toEqual([]);
      updateRecord.mockRejectedValueOnce(
        recordError({ fieldErrors: { Status__c: 'A plan can become Active only from its period start.' } }),
      );
      await click(find(host, '[data-id="activate"]'));
      await answerConfirm(true);
      await settle();
      expect(errorMessages(host, '[data-id="page-errors"]')).toEqual([
        'A plan can become Active only from its period start.',
      ]);
      expect(statusText(host)).toBe('Accepted');
    });
  });

  describe('closing a plan', () => {
    it('closes an active plan after its period, warning that it becomes read-only, then shows it closed', async () => {
      freezeTime('2027-01-05T17:00:00.000Z');
      const { host, toasts } = await renderEditor({ plan: { ...mine, status: 'Active' } });
      await click(find(host, '[data-id="close"]'));
      // It cannot be undone: a destructive button, named by the action.
      expect(await confirmView()).toEqual({
        title: 'Close this plan?',
        message: expect.stringContaining('A closed plan is read-only'),
        confirmLabel: 'Close Plan',
        confirmVariant: 'destructive',
      });
      await answerConfirm(true);
      expect(updatePayloads()).toEqual([{ Id: PLAN_ID, Status__c: 'Closed' }]);
      expect(statusText(host)).toBe('Closed');
      expect(textOf(find(host, '[data-id="closed-notice"]'))).toContain('This plan is closed');
      expect(toasts.at(-1)).toMatchObject({ variant: 'success', message: 'The plan is closed.' });
    });

    it('waits for the period to end, and says after when it can be closed', async () => {
      freezeTime('2026-12-31T17:00:00.000Z');
      const { host } = await renderEditor({ plan: { ...mine, status: 'Active' } });
      expect(prop(find(host, '[data-id="close"]'), 'disabled')).toBe(true);
      expect(hint(host)).toContain("Can be closed after Dec 31, 2026, when the plan's period has ended.");
    });
  });

  describe('a closed plan', () => {
    it('is read-only: a notice, and no add, edit, delete, split, reorder or template', async () => {
      const { host } = await renderEditor({ plan: { ...mine, status: 'Closed' } });
      const notice = find(host, '[data-id="closed-notice"]');
      expect(notice.getAttribute('role')).toBe('status');
      expect(Array.from(notice.querySelectorAll('p')).map((p) => textOf(p))).toEqual([
        'This plan is closed',
        'It is read-only: its targets, sections and comments no longer change, and its actuals are frozen.',
      ]);
      for (const t of [T1, T2, T3]) expect(lockedValue(host, t)).toBeTruthy();
      for (const selector of [
        '[data-id="add-section"]',
        '[data-action="edit-section"]',
        '[data-action="add-target"]',
        '[data-action="edit"]',
        '[data-action="delete"]',
        '[data-action="split"]',
        '[data-id="start-template"]',
        'lightning-button-icon[data-delta]',
        '[data-id="activate"]',
        '[data-id="close"]',
      ])
        expect({ selector, found: findAll(host, selector).length }).toEqual({ selector, found: 0 });
      await expect(host).toBeAccessible();
    });
  });
});
