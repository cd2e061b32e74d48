/** c-partner-plan-editor: the plan lifecycle: submit, accept (baselines), revise with a reason in the reason dialog. */
import { changeValue, click, flushPromises, prop, settle, textOf, typeInto } from '@lwc-test/render';
import { errorMessages, find, findAll } from '@lwc-test/deep';
import {
  CURRENT_USER_ID,
  notifyRecordUpdateAvailable,
  recordError,
  updatePayloads,
  updateRecord,
} from '@lwc-test/platform';
import { PLAN_ID, type TargetSpec } from '@lwc-test/fixtures';
import { answerConfirm, confirmView, openModals } from '@lwc-test/modal';
import { freezeTime } from '@lwc-test/time';
import { T1, T2, T3, TARGETS, input, renderEditor, row, statusText } from './editorFixtures';

describe('c-partner-plan-editor', () => {
  describe('lifecycle', () => {
    it('submits a draft for partner review', async () => {
      const { host, toasts } = await renderEditor({ plan: { status: 'Draft' } });
      await click(find(host, '[data-id="submit"]'));
      await settle();
      expect(updatePayloads()).toEqual([{ Id: PLAN_ID, Status__c: 'Partner Review' }]);
      expect(statusText(host)).toBe('Partner Review');
      expect(toasts[0]).toMatchObject({ variant: 'success', message: 'The plan is in partner review.' });
      // The record page's highlights panel reads the plan again: it says Partner Review too.
      expect(notifyRecordUpdateAvailable).toHaveBeenCalledWith([{ recordId: PLAN_ID }]);
    });

    it('does not submit a plan without targets', async () => {
      const { host } = await renderEditor({ plan: { status: 'Draft' }, targets: [] });
      expect(prop(find(host, '[data-id="submit"]'), 'disabled')).toBe(true);
      expect(textOf(find(host, '[data-id="lifecycle-hint"]'))).toBe(
        'Add at least one target before submitting the plan for partner review.',
      );
    });

    it('marks the plan accepted: baselines every target, then stamps who, when and the next version', async () => {
      freezeTime('2026-05-20T17:00:00.000Z');
      const targets: TargetSpec[] = [
        { ...TARGETS[0], baselineValue: null },
        { ...TARGETS[1], baselineValue: 25 },
        { ...TARGETS[2], baselineValue: 4 },
      ];
      const { host, toasts } = await renderEditor({ plan: { status: 'Partner Review', version: 2 }, targets });
      await click(find(host, '[data-id="accept"]'));
      // A question for the header and a button named by the action, not LightningConfirm's warning and OK.
      expect(await confirmView()).toEqual({
        title: 'Accept this plan?',
        message: expect.stringContaining('all 3 targets become their baseline'),
        confirmLabel: 'Accept Plan',
        confirmVariant: 'brand',
      });
      expect(updateRecord).not.toHaveBeenCalled();
      await answerConfirm(true);
      await settle();
      expect(updatePayloads()).toEqual([
        { Id: T1, Baseline_Target_Value__c: 250000 },
        { Id: T2, Baseline_Target_Value__c: 30 },
        {
          Id: PLAN_ID,
          Status__c: 'Accepted',
          Accepted_By__c: CURRENT_USER_ID,
          Accepted_On__c: '2026-05-20T17:00:00.000Z',
          Version__c: 3,
        },
      ]);
      expect(statusText(host)).toBe('Accepted');
      expect(notifyRecordUpdateAvailable).toHaveBeenCalledWith([
        { recordId: PLAN_ID },
        { recordId: T1 },
        { recordId: T2 },
        { recordId: T3 },
      ]);
      expect(textOf(find(host, '[data-id="version"]'))).toBe('v3');
      expect(textOf(row(host, T1).querySelector('[data-id="baseline"]'))).toBe('$250,000');
      expect(toasts[0]).toMatchObject({
        variant: 'success',
        message: 'Plan accepted. Targets are baselined in version 3.',
      });
    });

    it('does not accept the plan when a baseline cannot be saved', async () => {
      updateRecord.mockImplementation(async (inputArg) => {
        if (inputArg.fields.Id === T2)
          throw recordError({ errors: ['Insufficient access rights on cross-reference id'] });
        return { id: inputArg.fields.Id, apiName: 'Plan_Target__c', fields: {} };
      });
      const { host, toasts } = await renderEditor({ plan: { status: 'Partner Review' } });
      await click(find(host, '[data-id="accept"]'));
      await answerConfirm(true);
      await settle();
      expect(updatePayloads().some((fields) => 'Status__c' in fields)).toBe(false);
      expect(statusText(host)).toBe('Partner Review');
      expect(notifyRecordUpdateAvailable).not.toHaveBeenCalled();
      expect(textOf(row(host, T2).querySelector('[data-id="row-errors"]'))).toBe(
        'Insufficient access rights on cross-reference id',
      );
      expect(errorMessages(host, '[data-id="page-errors"]').join(' ')).toContain(
        'The baseline of 1 targets could not be saved',
      );
      expect(toasts[0]).toMatchObject({ variant: 'error', title: 'The plan was not accepted' });
    });

    it('writes nothing when the acceptance is not confirmed', async () => {
      const { host } = await renderEditor({ plan: { status: 'Partner Review' } });
      await click(find(host, '[data-id="accept"]'));
      await answerConfirm(false);
      expect(updateRecord).not.toHaveBeenCalled();
      expect(openModals()).toHaveLength(0);
    });

    it('revises with a reason, then writes the reason on each changed baselined target', async () => {
      const baselined = TARGETS.map((t) => ({ ...t, baselineValue: t.targetValue }));
      const { host, toasts } = await renderEditor({ plan: { status: 'Active', version: 3 }, targets: baselined });
      await click(find(host, '[data-id="revise"]'));
      // The reason dialog is a LightningModal, opened outside the editor as the platform does.
      const [dialog] = openModals();
      expect(dialog.getAttribute('role')).toBe('dialog');
      expect(dialog.getAttribute('aria-modal')).toBe('true');
      expect(prop(find(dialog, 'lightning-modal-header'), 'label')).toBe('Revise the plan');
      await expect(host).toBeAccessible();
      await expect(dialog).toBeAccessible();
      await click(find(dialog, '[data-id="reason-confirm"]'));
      expect(textOf(find(dialog, '[data-id="reason-error"]'))).toBe('Enter a reason.');
      expect(updateRecord).not.toHaveBeenCalled();
      await changeValue(find(dialog, '[data-id="reason-input"]'), 'Partner lost two sales reps in Q2');
      await click(find(dialog, '[data-id="reason-confirm"]'));
      await settle();
      expect(updatePayloads()).toEqual([{ Id: PLAN_ID, Status__c: 'In Revision' }]);
      expect(openModals()).toHaveLength(0);
      expect(statusText(host)).toBe('In Revision');
      expect(textOf(find(host, '[data-id="revision-banner"]'))).toBe(
        'Revising: Partner lost two sales reps in Q2. Changes to baselined targets record this reason.',
      );
      expect(toasts[0]).toMatchObject({ variant: 'success' });
      expect(findAll(host, 'lightning-progress-step').map((s) => prop(s, 'value'))).toEqual([
        'Draft',
        'In Revision',
        'Partner Review',
        'Accepted',
        'Active',
        'Closed',
      ]);

      updateRecord.mockClear();
      await typeInto(input(host, T2), '24');
      await click(find(host, '[data-id="save"]'));
      await settle();
      expect(updatePayloads()).toEqual([
        { Id: T2, Target_Value__c: 24, Revision_Reason__c: 'Partner lost two sales reps in Q2' },
      ]);
      expect(textOf(row(host, T2).querySelector('[data-id="baseline"]'))).toContain(
        'Partner lost two sales reps in Q2',
      );
    });

    it('asks for no reason in a revision of a plan never accepted (the partner sent it back from its first review)', async () => {
      const targets: TargetSpec[] = TARGETS.map((t) => ({ ...t, baselineValue: null }));
      const { host } = await renderEditor({ plan: { status: 'In Revision' }, targets });
      expect(textOf(find(host, '[data-id="revision-banner"]'))).toBe(
        'This plan is being revised: change its targets and sections, then submit it for partner review again.',
      );
      await typeInto(input(host, T2), '35');
      await click(find(host, '[data-id="save"]'));
      await settle();
      expect(openModals()).toEqual([]);
      expect(updatePayloads()).toEqual([{ Id: T2, Target_Value__c: 35 }]);
    });

    it('asks for the reason when baselined targets are saved in a revision started earlier', async () => {
      const targets: TargetSpec[] = [
        { ...TARGETS[0], baselineValue: 250000 },
        { ...TARGETS[1], baselineValue: null },
      ];
      const { host } = await renderEditor({ plan: { status: 'In Revision' }, targets });
      expect(textOf(find(host, '[data-id="revision-banner"]'))).toContain('You will be asked for the reason');
      await typeInto(input(host, T1), '200000');
      await typeInto(input(host, T2), '35');
      await click(find(host, '[data-id="save"]'));
      expect(updateRecord).not.toHaveBeenCalled();
      const [dialog] = openModals();
      expect(prop(find(dialog, 'lightning-modal-header'), 'label')).toBe('Why are these targets changing?');
      await changeValue(find(dialog, '[data-id="reason-input"]'), 'Distributor contract renegotiated');
      await click(find(dialog, '[data-id="reason-confirm"]'));
      await settle();
      expect(updatePayloads()).toEqual([
        { Id: T1, Target_Value__c: 200000, Revision_Reason__c: 'Distributor contract renegotiated' },
        { Id: T2, Target_Value__c: 35 },
      ]);
    });

    it('asks for a new reason when the one given already explains the last change of a target', async () => {
      const targets: TargetSpec[] = [{ ...TARGETS[0], baselineValue: 250000, revisionReason: 'Q1 reset' }];
      const { host } = await renderEditor({ plan: { status: 'In Revision' }, targets });
      await typeInto(input(host, T1), '240000');
      await click(find(host, '[data-id="save"]'));
      const [dialog] = openModals();
      await changeValue(find(dialog, '[data-id="reason-input"]'), 'Q1 reset');
      await click(find(dialog, '[data-id="reason-confirm"]'));
      await settle();
      // The server wants a new reason with each change (Revision_Reason_Required): the dialog says so first.
      expect(textOf(find(dialog, '[data-id="reason-error"]'))).toMatch(
        /^Give a new reason: this one already explains the last change of .+\.$/,
      );
      expect(updateRecord).not.toHaveBeenCalled();
      await changeValue(find(dialog, '[data-id="reason-input"]'), 'Q2 reset');
      await click(find(dialog, '[data-id="reason-confirm"]'));
      await settle();
      expect(updatePayloads()).toEqual([{ Id: T1, Target_Value__c: 240000, Revision_Reason__c: 'Q2 reset' }]);
    });

    it('asks again when the reason given at Revise is the one a changed target records', async () => {
      const targets: TargetSpec[] = [{ ...TARGETS[0], baselineValue: 250000, revisionReason: 'New distributor' }];
      const { host } = await renderEditor({ plan: { status: 'Active' }, targets });
      await click(find(host, '[data-id="revise"]'));
      const [revise] = openModals();
      await changeValue(find(revise, '[data-id="reason-input"]'), 'New distributor');
      await click(find(revise, '[data-id="reason-confirm"]'));
      await settle();
      updateRecord.mockClear();
      await typeInto(input(host, T1), '260000');
      await click(find(host, '[data-id="save"]'));
      const [dialog] = openModals();
      expect(prop(find(dialog, 'lightning-modal-header'), 'label')).toBe('Why are these targets changing?');
      expect(updateRecord).not.toHaveBeenCalled();
    });

    it("shows the server's refusal of a target value on the field", async () => {
      // The plan was accepted in another tab: the server's lock rule answers on Target_Value__c.
      const message =
        'Target values of an accepted plan cannot change. Use Revise to reopen the plan (In Revision) first.';
      updateRecord.mockRejectedValueOnce(recordError({ fieldErrors: { Target_Value__c: message } }));
      const { host } = await renderEditor({ plan: { status: 'Partner Review' } });
      await typeInto(input(host, T3), '5');
      await click(find(host, '[data-id="save"]'));
      await settle();
      expect(textOf(row(host, T3).querySelector('[data-id="field-error"]'))).toBe(message);
      expect(input(host, T3).getAttribute('aria-invalid')).toBe('true');
    });

    it('keeps the plan in partner review, baselines saved, when the server refuses the acceptance', async () => {
      const message = 'Accepting the plan starts its next version: set Version to the previous version plus one.';
      updateRecord.mockImplementation(async (inputArg) => {
        if (inputArg.fields.Status__c === 'Accepted') throw recordError({ fieldErrors: { Version__c: message } });
        return { id: inputArg.fields.Id, apiName: 'Plan_Target__c', fields: {} };
      });
      const { host, toasts } = await renderEditor({ plan: { status: 'Partner Review' } });
      await click(find(host, '[data-id="accept"]'));
      await answerConfirm(true);
      await settle();
      // Baselines first, then the one acceptance save: refused, it leaves a plan in review whose baselines
      // the next acceptance takes again.
      expect(updatePayloads().map((fields) => Object.keys(fields).sort())).toEqual([
        ['Baseline_Target_Value__c', 'Id'],
        ['Baseline_Target_Value__c', 'Id'],
        ['Baseline_Target_Value__c', 'Id'],
        ['Accepted_By__c', 'Accepted_On__c', 'Id', 'Status__c', 'Version__c'],
      ]);
      expect(statusText(host)).toBe('Partner Review');
      expect(errorMessages(host, '[data-id="page-errors"]')).toEqual([message]);
      expect(toasts[0]).toMatchObject({ variant: 'error' });
      expect(prop(find(host, '[data-id="accept"]'), 'disabled')).toBe(false);
    });

    it('focuses the reason in the dialog, closes it with Escape and returns focus to Revise', async () => {
      const focus = jest.spyOn(HTMLElement.prototype, 'focus');
      const { host } = await renderEditor({ plan: { status: 'Accepted' } });
      await click(find(host, '[data-id="revise"]'));
      // LightningModal keeps keyboard focus inside the dialog (the platform's focus trap).
      const [dialog] = openModals();
      expect(focus.mock.contexts.at(-1)).toBe(find(dialog, '[data-id="reason-input"]'));
      dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
      await flushPromises();
      expect(openModals()).toHaveLength(0);
      expect(focus.mock.contexts.at(-1)).toBe(find(host, '[data-id="revise"]'));
      expect(updateRecord).not.toHaveBeenCalled();
      focus.mockRestore();
    });

    it('keeps the dialog open with the server message when the revision cannot start', async () => {
      updateRecord.mockRejectedValueOnce(recordError({ errors: ['Record is locked by the quarterly rollup.'] }));
      const { host } = await renderEditor({ plan: { status: 'Active' } });
      await click(find(host, '[data-id="revise"]'));
      const [dialog] = openModals();
      await changeValue(find(dialog, '[data-id="reason-input"]'), 'New distributor');
      await click(find(dialog, '[data-id="reason-confirm"]'));
      await settle();
      expect(textOf(find(dialog, '[data-id="reason-error"]'))).toBe('Record is locked by the quarterly rollup.');
      expect(openModals()).toEqual([dialog]);
      expect(statusText(host)).toBe('Active');
    });
  });
});
