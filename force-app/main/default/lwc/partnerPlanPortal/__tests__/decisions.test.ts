/**
 * c-partner-plan-portal: the partner's decision on a plan in review: Accept plan, or Request changes with a
 * reason, both confirmed in place (LWR sites support no modals).
 */
import { changeValue, click, prop, settle } from '@lwc-test/render';
import { find, findAll } from '@lwc-test/deep';
import {
  CURRENT_USER_ID,
  createPayloads,
  createRecord,
  notifyRecordUpdateAvailable,
  recordError,
  updatePayloads,
  updateRecord,
} from '@lwc-test/platform';
import { PLAN_ID, USERS } from '@lwc-test/fixtures';
import { PARTNER_CONTACT } from '@lwc-test/partnerFixtures';
import { freezeTime } from '@lwc-test/time';
import { T1, T3, renderPortal, text } from './portalFixtures';

type Textarea = HTMLElement & { setCustomValidity(message: string): void };

const focusSpies: jest.SpyInstance[] = [];
afterEach(() => focusSpies.splice(0).forEach((spy) => spy.mockRestore()));

/** The elements focused from now on (base components' stubs take no focus in jsdom: watch the calls instead). */
function watchFocus(): () => (string | null)[] {
  const focus = jest.spyOn(HTMLElement.prototype, 'focus');
  focusSpies.push(focus);
  return () => focus.mock.contexts.map((element) => (element as HTMLElement).getAttribute('data-id'));
}

async function accept(host: HTMLElement): Promise<void> {
  await click(find(host, '[data-id="accept"]'));
  await click(find(host, '[data-id="confirm-accept"]'));
  await settle();
}

const ACCEPTANCE = {
  Id: PLAN_ID,
  Status__c: 'Accepted',
  Accepted_By__c: CURRENT_USER_ID,
  Accepted_On__c: '2026-05-20T17:00:00.000Z',
  Version__c: 2,
  Accepted_By_Contact__c: PARTNER_CONTACT.id,
};

describe('c-partner-plan-portal decisions', () => {
  beforeEach(() => freezeTime('2026-05-20T17:00:00.000Z'));

  describe('Accept plan', () => {
    it('baselines the targets, then accepts in one save naming the partner contact, and reloads the plan', async () => {
      const { host, toasts, refreshTargets } = await renderPortal();
      const focused = watchFocus();
      await click(find(host, '[data-id="accept"]'));
      expect(updateRecord).not.toHaveBeenCalled();
      const confirm = find(host, '[data-id="accept-confirm"]');
      expect(confirm.getAttribute('role')).toBe('group');
      expect(confirm.textContent).toContain('Its 3 targets become the agreed baseline');
      expect(focused()).toEqual(['confirm-accept']);
      await expect(host).toBeAccessible();
      await click(find(host, '[data-id="confirm-accept"]'));
      await settle();
      // T2's baseline already equals its value: no write.
      expect(updatePayloads()).toEqual([
        { Id: T1, Baseline_Target_Value__c: 250000 },
        { Id: T3, Baseline_Target_Value__c: 4 },
        ACCEPTANCE,
      ]);
      expect(text(host, 'status')).toBe('Accepted');
      expect(text(host, 'version')).toBe('v2');
      expect(text(host, 'accepted')).toBe('Accepted by Dana Reyes (partner) on May 20, 2026, 10:00 AM');
      expect(findAll(host, '[data-id="accept"]')).toHaveLength(0);
      expect(text(host, 'read-only')).toContain('read only');
      expect(text(host, 'announcement')).toBe('You accepted the plan. It is now version 2.');
      expect(toasts).toEqual([expect.objectContaining({ variant: 'success', title: 'Plan accepted' })]);
      expect(notifyRecordUpdateAvailable).toHaveBeenCalledWith([{ recordId: PLAN_ID }]);
      expect(refreshTargets).toHaveBeenCalled();
      // Focus lands on the outcome, since the buttons are gone.
      expect(host.shadowRoot?.activeElement?.getAttribute('data-id')).toBe('outcome');
    });

    it('does nothing when the partner cancels the confirmation, and gives the focus back', async () => {
      const { host } = await renderPortal();
      const focused = watchFocus();
      await click(find(host, '[data-id="accept"]'));
      await click(find(host, '[data-id="cancel-decision"]'));
      await settle();
      expect(updateRecord).not.toHaveBeenCalled();
      expect(findAll(host, '[data-id="accept-confirm"]')).toHaveLength(0);
      expect(text(host, 'status')).toBe('Partner Review');
      expect(focused()).toEqual(['confirm-accept', 'accept']);
    });

    it('leaves the plan in review when a baseline cannot be saved', async () => {
      updateRecord.mockImplementation(async (input) => {
        if (input.fields.Id === T3) throw recordError({ errors: ['Insufficient access rights on cross-reference id'] });
        return { id: input.fields.Id, apiName: 'Plan_Target__c', fields: {} };
      });
      const { host, toasts } = await renderPortal();
      await accept(host);
      expect(updatePayloads().some((fields) => 'Status__c' in fields)).toBe(false);
      expect(text(host, 'status')).toBe('Partner Review');
      expect(prop(find(host, '[data-id="outcome-errors"]'), 'messages')).toEqual([
        'The baseline of 1 targets could not be saved, so the plan was not accepted. Try again.',
        'Insufficient access rights on cross-reference id',
      ]);
      expect(toasts).toEqual([expect.objectContaining({ variant: 'error', title: 'The plan was not accepted' })]);
      expect(prop(find(host, '[data-id="accept"]'), 'disabled')).toBe(false);
    });

    it("shows the server's lifecycle rule when it refuses the acceptance", async () => {
      const message = 'A partner user may change the status only from Partner Review to Accepted or In Revision.';
      updateRecord.mockImplementation(async (input) => {
        if (input.fields.Id === PLAN_ID) throw recordError({ fieldErrors: { Status__c: message } });
        return { id: input.fields.Id, apiName: 'Plan_Target__c', fields: {} };
      });
      const { host } = await renderPortal();
      await accept(host);
      expect(prop(find(host, '[data-id="outcome-errors"]'), 'messages')).toEqual([message]);
      expect(host.shadowRoot?.activeElement?.getAttribute('data-id')).toBe('outcome-errors');
      expect(text(host, 'status')).toBe('Partner Review');
      expect(notifyRecordUpdateAvailable).not.toHaveBeenCalled();
    });
  });

  describe('Request changes', () => {
    async function requestChanges(host: HTMLElement, reason: string): Promise<void> {
      const focused = watchFocus();
      await click(find(host, '[data-id="request-changes"]'));
      const box = find(host, '[data-id="change-reason"]');
      expect(prop(box, 'label')).toBe('What should change');
      expect(prop(box, 'maxLength')).toBe(4000);
      expect(prop(box, 'required')).toBe(true);
      expect(focused()).toEqual(['change-reason']);
      await changeValue(box, reason);
      await click(find(host, '[data-id="send-request"]'));
      await settle();
    }

    it('needs a reason: a blank one is refused under the field', async () => {
      const { host } = await renderPortal();
      await click(find(host, '[data-id="request-changes"]'));
      const box = find<Textarea>(host, '[data-id="change-reason"]');
      const setCustomValidity = jest.fn();
      Object.defineProperty(box, 'setCustomValidity', { value: setCustomValidity, configurable: true });
      Object.defineProperty(box, 'reportValidity', { value: jest.fn(() => false), configurable: true });
      expect(prop(find(host, '[data-id="send-request"]'), 'label')).toBe('Send request');
      await changeValue(box, '   ');
      await click(find(host, '[data-id="send-request"]'));
      expect(setCustomValidity).toHaveBeenLastCalledWith('Enter a reason.');
      expect(updateRecord).not.toHaveBeenCalled();
      await expect(host).toBeAccessible();
    });

    it("sends the plan back in revision with the reason, who and when, then tasks the plan's owner", async () => {
      const { host, toasts } = await renderPortal();
      await requestChanges(host, 'Joint calls are too high for Q2.');
      expect(updatePayloads()).toEqual([
        {
          Id: PLAN_ID,
          Status__c: 'In Revision',
          Change_Request_Reason__c: 'Joint calls are too high for Q2.',
          Changes_Requested_By__c: CURRENT_USER_ID,
          Changes_Requested_On__c: '2026-05-20T17:00:00.000Z',
        },
      ]);
      expect(createPayloads()).toEqual([
        {
          apiName: 'Task',
          fields: {
            OwnerId: USERS.pm.id,
            WhatId: PLAN_ID,
            Subject: 'Changes requested: Northwind FY2026',
            Description: 'Joint calls are too high for Q2.',
            Priority: 'High',
            ActivityDate: '2026-05-20',
          },
        },
      ]);
      expect(text(host, 'status')).toBe('In Revision');
      expect(text(host, 'change-request-heading')).toBe('Changes requested by Dana Reyes on May 20, 2026, 10:00 AM');
      expect(text(host, 'announcement')).toBe(
        'Your change request was sent. The plan is back with its owner for revision.',
      );
      expect(toasts).toEqual([expect.objectContaining({ variant: 'success', title: 'Change request sent' })]);
      expect(notifyRecordUpdateAvailable).toHaveBeenCalledWith([{ recordId: PLAN_ID }]);
      expect(findAll(host, '[data-id="request-changes"]')).toHaveLength(0);
    });

    it('says so when the owner could not be tasked: the plan stays in revision', async () => {
      createRecord.mockRejectedValueOnce(recordError({ errors: ['Assigned To: owner is inactive.'] }));
      const { host, toasts } = await renderPortal();
      await requestChanges(host, 'Lower the demo target.');
      expect(text(host, 'status')).toBe('In Revision');
      const message =
        'The plan is back in revision, but its owner could not be notified: Assigned To: owner is inactive. Let them know directly.';
      expect(prop(find(host, '[data-id="outcome-errors"]'), 'messages')).toEqual([message]);
      expect(text(host, 'announcement')).toBe(message);
      expect(toasts).toEqual([expect.objectContaining({ variant: 'warning', message })]);
    });

    it('creates no task when the server refuses the change request', async () => {
      updateRecord.mockRejectedValueOnce(
        recordError({ errors: ['Changes can be requested only while the plan is in Partner Review.'] }),
      );
      const { host } = await renderPortal();
      await requestChanges(host, 'Lower the demo target.');
      expect(createRecord).not.toHaveBeenCalled();
      expect(prop(find(host, '[data-id="outcome-errors"]'), 'messages')).toEqual([
        'Changes can be requested only while the plan is in Partner Review.',
      ]);
      expect(text(host, 'status')).toBe('Partner Review');
      // The reason stays, to send again.
      expect(prop(find(host, '[data-id="change-reason"]'), 'value')).toBe('Lower the demo target.');
    });
  });
});
