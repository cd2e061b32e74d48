/** c-partner-plan-editor: editing target values in the grid: saving, errors, unsaved changes, read-only access. */
import { click, deferred, flushPromises, prop, settle, textOf, typeInto } from '@lwc-test/render';
import { find, findAll } from '@lwc-test/deep';
import {
  LightningConfirm,
  notifyRecordUpdateAvailable,
  recordError,
  updatePayloads,
  updateRecord,
} from '@lwc-test/platform';
import { PLAN_ID } from '@lwc-test/fixtures';
import { T1, T2, T3, input, lockedValue, renderEditor, row } from './editorFixtures';

describe('c-partner-plan-editor', () => {
  describe('editing targets', () => {
    it('saves an edited target value with one updateRecord and clears the draft', async () => {
      const { host, toasts } = await renderEditor();
      await typeInto(input(host, T2), '36');
      expect(textOf(find(host, '[data-id="dirty-count"]'))).toBe('1 unsaved change');
      await click(find(host, '[data-id="save"]'));
      await settle();
      expect(updatePayloads()).toEqual([{ Id: T2, Target_Value__c: 36 }]);
      expect(findAll(host, '[data-id="save-bar"]')).toHaveLength(0);
      expect(input(host, T2).value).toBe('36');
      expect(toasts).toEqual([{ title: 'Saved', message: 'Target saved.', variant: 'success' }]);
      // Every view of the plan and the target refetches (the record page's highlights panel among them).
      expect(notifyRecordUpdateAvailable).toHaveBeenCalledWith([{ recordId: PLAN_ID }, { recordId: T2 }]);
    });

    it('shows a server field error on the field, keeps the value and links the message to the input', async () => {
      updateRecord.mockRejectedValueOnce(
        recordError({ fieldErrors: { Target_Value__c: 'Target value cannot be negative.' } }),
      );
      const { host, toasts } = await renderEditor();
      await typeInto(input(host, T1), '1e3');
      await click(find(host, '[data-id="save"]'));
      await settle();
      const field = input(host, T1);
      const message = row(host, T1).querySelector('[data-id="field-error"]') as HTMLElement;
      expect(textOf(message)).toBe('Target value cannot be negative.');
      expect(field.getAttribute('aria-invalid')).toBe('true');
      expect(field.getAttribute('aria-describedby')).toBe(message.id);
      expect(field.value).toBe('1e3');
      expect(textOf(find(host, '[data-id="dirty-count"]'))).toBe('1 unsaved change');
      expect(toasts[0]).toMatchObject({ variant: 'error', message: expect.stringContaining('1 of 1 targets') });
      await expect(host).toBeAccessible();
      // Typing again clears the server message.
      await typeInto(input(host, T1), '1200');
      expect(row(host, T1).querySelector('[data-id="field-error"]')).toBeNull();
    });

    it('saves several edits in parallel, one request per target, and keeps only the failed one', async () => {
      const pending = [deferred<unknown>(), deferred<unknown>(), deferred<unknown>()];
      let call = 0;
      updateRecord.mockImplementation(() => pending[call++].promise as never);
      const { host, toasts } = await renderEditor();
      await typeInto(input(host, T1), '300000');
      await typeInto(input(host, T2), '40');
      await typeInto(input(host, T3), '6');
      expect(textOf(find(host, '[data-id="dirty-count"]'))).toBe('3 unsaved changes');
      await click(find(host, '[data-id="save"]'));
      // All three requests are in flight before any answers: they run in parallel.
      expect(updatePayloads()).toEqual([
        { Id: T1, Target_Value__c: 300000 },
        { Id: T2, Target_Value__c: 40 },
        { Id: T3, Target_Value__c: 6 },
      ]);
      pending[0].resolve({});
      pending[1].reject(recordError({ errors: ['Record is locked by the quarterly rollup. Try again in a minute.'] }));
      pending[2].resolve({});
      await settle();
      expect(textOf(row(host, T2).querySelector('[data-id="row-errors"]'))).toBe(
        'Record is locked by the quarterly rollup. Try again in a minute.',
      );
      expect(input(host, T2).value).toBe('40');
      expect(textOf(find(host, '[data-id="dirty-count"]'))).toBe('1 unsaved change');
      expect(row(host, T1).querySelector('[data-id="row-errors"]')).toBeNull();
      expect(toasts[0]).toMatchObject({
        variant: 'error',
        message: '1 of 3 targets could not be saved. Their changes are kept: fix the highlighted rows and save again.',
      });
    });

    it('checks values before saving: a negative value is shown on the field and nothing is written', async () => {
      const { host, toasts } = await renderEditor();
      await typeInto(input(host, T3), '-2');
      expect(textOf(row(host, T3).querySelector('[data-id="field-error"]'))).toBe('Target value cannot be negative.');
      await click(find(host, '[data-id="save"]'));
      await settle();
      expect(updateRecord).not.toHaveBeenCalled();
      expect(toasts[0]).toMatchObject({ variant: 'error', title: 'Check your entries' });
    });

    it('ignores a value typed back to the saved one', async () => {
      const { host } = await renderEditor();
      await typeInto(input(host, T2), '31');
      await typeInto(input(host, T2), '30');
      expect(findAll(host, '[data-id="save-bar"]')).toHaveLength(0);
    });

    it('guards unsaved changes: warns before leaving, disables lifecycle actions, confirms a discard', async () => {
      const { host } = await renderEditor({ plan: { status: 'Draft' } });
      const leave = (): Event => {
        const event = new CustomEvent('beforeunload', { cancelable: true });
        window.dispatchEvent(event);
        return event;
      };
      expect(leave().defaultPrevented).toBe(false);
      await typeInto(input(host, T1), '260000');
      expect(leave().defaultPrevented).toBe(true);
      expect(prop(find(host, '[data-id="submit"]'), 'disabled')).toBe(true);
      expect(textOf(find(host, '[data-id="lifecycle-hint"]'))).toBe(
        'Save or discard your changes before changing the plan status.',
      );
      LightningConfirm.open.mockResolvedValueOnce(false);
      await click(find(host, '[data-id="discard"]'));
      expect(LightningConfirm.open).toHaveBeenCalledWith(
        expect.objectContaining({ message: 'Discard 1 unsaved changes?' }),
      );
      expect(input(host, T1).value).toBe('260000');
      await click(find(host, '[data-id="discard"]'));
      await flushPromises();
      expect(input(host, T1).value).toBe('250000');
      expect(prop(find(host, '[data-id="submit"]'), 'disabled')).toBe(false);
      expect(leave().defaultPrevented).toBe(false);
    });

    it('shows a user without edit access the plan read-only, whatever its status', async () => {
      const { host } = await renderEditor({ plan: { status: 'Draft' }, editable: false });
      // Values read as numbers in their unit, not as grey disabled inputs.
      expect(findAll(host, 'input.target-input')).toHaveLength(0);
      const value = lockedValue(host, T1);
      expect([prop(value, 'value'), prop(value, 'formatStyle'), prop(value, 'currencyCode')]).toEqual([
        250000,
        'currency',
        'USD',
      ]);
      expect(prop(find(host, '[data-id="submit"]'), 'disabled')).toBe(true);
      expect(findAll(host, '[data-id="add-section"]')).toHaveLength(0);
      expect(textOf(find(host, '[data-id="lifecycle-hint"]'))).toBe(
        'You can view this plan. Changing it needs edit access to plans, sections and targets.',
      );
      await expect(host).toBeAccessible();
    });

    it('locks targets while the plan is accepted or active', async () => {
      const { host } = await renderEditor({ plan: { status: 'Active' } });
      expect(prop(lockedValue(host, T2), 'value')).toBe(30);
      expect(prop(lockedValue(host, T2), 'formatStyle')).toBe('decimal');
      // The plan is someone else's: Close says who may close it, then the targets' lock.
      expect(textOf(find(host, '[data-id="lifecycle-hint"]'))).toBe(
        "Only the plan's owner can close it. Targets are locked while the plan is accepted or active. Use Revise to change them.",
      );
      expect(findAll(host, '[data-id="add-section"]')).toHaveLength(0);
    });

    // The server's lifecycle rules lock what the partner accepted: the editor offers none of those edits.
    it.each(['Accepted', 'Active', 'Closed'] as const)(
      'offers no target, section or template edit while the plan is %s',
      async (status) => {
        const { host } = await renderEditor({ plan: { status } });
        for (const t of [T1, T2, T3]) expect(lockedValue(host, t)).toBeTruthy();
        for (const selector of [
          '[data-id="add-section"]',
          '[data-action="edit-section"]',
          '[data-action="add-target"]',
          '[data-id="start-template"]',
          'lightning-button-icon[data-delta]',
        ])
          expect({ selector, found: findAll(host, selector).length }).toEqual({ selector, found: 0 });
      },
    );

    it.each(['Draft', 'Partner Review', 'In Revision'] as const)(
      'offers target and section edits while the plan is %s, as the server allows',
      async (status) => {
        const { host } = await renderEditor({ plan: { status } });
        expect(input(host, T1).disabled).toBe(false);
        expect(findAll(host, '[data-action="add-target"]').every((b) => !prop(b, 'disabled'))).toBe(true);
        expect(findAll(host, '[data-action="edit-section"]')).toHaveLength(3);
      },
    );
  });
});
