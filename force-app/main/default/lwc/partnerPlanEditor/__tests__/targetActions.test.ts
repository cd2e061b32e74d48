/** c-partner-plan-editor: a target's Edit, Delete and Split row actions, as the plan's status allows them. */
import { changeValue, click, flushPromises, prop, settle, textOf } from '@lwc-test/render';
import { errorMessages, find, findAll } from '@lwc-test/deep';
import {
  LightningConfirm,
  createPayloads,
  deleteRecord,
  emitGraphQL,
  recordError,
  updatePayloads,
  updateRecord,
} from '@lwc-test/platform';
import { openModals } from '@lwc-test/modal';
import { trackValidity } from '@lwc-test/validity';
import { CUSTOMER, USERS, targetId, uiapi, type TargetSpec } from '@lwc-test/fixtures';
import { SEASONAL_PROFILES_QUERY } from 'c/planData';
import { S1, T1, T2, T3, TARGETS, renderEditor, row } from './editorFixtures';

const action = (host: HTMLElement, id: string, name: string): HTMLElement =>
  find(host, `[data-id="${id}"][data-action="${name}"]`);
const actionsOf = (host: HTMLElement, id: string): string[] =>
  Array.from(row(host, id).querySelectorAll<HTMLElement>('[data-id="row-actions"] button[data-action]')).map(
    (b) => b.dataset.action as string,
  );
const formField = (host: HTMLElement, name: string): HTMLElement =>
  find(find(host, 'c-target-form'), `[data-field="${name}"]`);

const YEAR_ID = targetId(10);
const YEAR: TargetSpec = {
  id: YEAR_ID,
  sectionId: S1,
  metric: 'Closed_Won_Revenue',
  periodType: 'Year',
  periodStart: '2026-01-01',
  periodEnd: '2026-12-31',
  targetValue: 1000000,
  aeId: USERS.ae.id,
  aeName: USERS.ae.name,
  pmId: USERS.pm.id,
  pmName: USERS.pm.name,
  targetAccountId: CUSTOMER.id,
  targetAccountName: CUSTOMER.name,
  weight: 2,
};

describe('c-partner-plan-editor', () => {
  describe('editing a target', () => {
    it('edits the people, customer account and weight of a target and saves only what changed', async () => {
      const { host, toasts, refreshTargets } = await renderEditor();
      expect(actionsOf(host, T2)).toEqual(['edit', 'delete']);
      await click(action(host, T2, 'edit'));
      expect(textOf(find(host, '[data-id="target-form-heading"]'))).toBe('Edit Joint Calls, FY2026 Q2');
      expect(prop(formField(host, 'targetValue'), 'value')).toBe('30');
      formField(host, 'aeId').dispatchEvent(new CustomEvent('change', { detail: { recordId: USERS.ae2.id } }));
      formField(host, 'targetAccountId').dispatchEvent(
        new CustomEvent('change', { detail: { recordId: CUSTOMER.id } }),
      );
      await changeValue(formField(host, 'weight'), '3');
      await click(find(host, '[data-id="save-target"]'));
      await settle();
      expect(updatePayloads()).toEqual([
        { Id: T2, Weight__c: 3, Accountable_AE__c: USERS.ae2.id, Target_Account__c: CUSTOMER.id },
      ]);
      expect(findAll(host, 'c-target-form')).toHaveLength(0);
      expect(refreshTargets).toHaveBeenCalled();
      expect(toasts.at(-1)).toMatchObject({ variant: 'success', message: 'Target saved.' });
    });

    it("shows the server's field error on its field and keeps the form open", async () => {
      updateRecord.mockRejectedValueOnce(
        recordError({ fieldErrors: { Weight__c: 'Weight must be greater than zero.' } }),
      );
      const { host } = await renderEditor();
      await click(action(host, T1, 'edit'));
      const weight = trackValidity(formField(host, 'weight'));
      await changeValue(formField(host, 'weight'), '0.001');
      await click(find(host, '[data-id="save-target"]'));
      await settle();
      expect(weight.message()).toBe('Weight must be greater than zero.');
      expect(weight.reported()).toBe(true);
      expect(findAll(host, '[data-id="target-form-errors"]')).toHaveLength(0);
      await expect(host).toBeAccessible();
      // Changing the field clears its server error.
      await changeValue(formField(host, 'weight'), '2');
      expect(weight.message()).toBe('');
    });

    it('checks the form before saving: a weight of zero is refused in the list and nothing is written', async () => {
      const { host } = await renderEditor();
      await click(action(host, T1, 'edit'));
      await changeValue(formField(host, 'weight'), '0');
      await click(find(host, '[data-id="save-target"]'));
      await settle();
      expect(errorMessages(host, '[data-id="target-form-errors"]')).toEqual(['Weight must be greater than zero.']);
      expect(updatePayloads()).toEqual([]);
    });

    it('on an accepted plan edits only the accountable people: the locked fields are read-only', async () => {
      const { host } = await renderEditor({ plan: { status: 'Accepted' } });
      expect(actionsOf(host, T1)).toEqual(['edit']);
      await click(action(host, T1, 'edit'));
      expect(prop(formField(host, 'targetValue'), 'disabled')).toBe(true);
      expect(prop(formField(host, 'weight'), 'disabled')).toBe(true);
      expect(prop(formField(host, 'partnerManagerId'), 'disabled')).toBeFalsy();
      expect(textOf(find(host, '[data-id="target-form-locked"]'))).toContain(
        'The accountable people can still change.',
      );
      formField(host, 'partnerManagerId').dispatchEvent(
        new CustomEvent('change', { detail: { recordId: USERS.pm2.id } }),
      );
      await click(find(host, '[data-id="save-target"]'));
      await settle();
      expect(updatePayloads()).toEqual([{ Id: T1, Accountable_Partner_Manager__c: USERS.pm2.id }]);
      await expect(host).toBeAccessible();
    });

    it('asks for a new reason when an edit changes the value of a baselined target', async () => {
      const targets = [{ ...TARGETS[0], baselineValue: 250000, revisionReason: 'Q1 reset' }, TARGETS[1], TARGETS[2]];
      const { host } = await renderEditor({ plan: { status: 'In Revision' }, targets });
      await click(action(host, T1, 'edit'));
      await changeValue(formField(host, 'targetValue'), '300000');
      await click(find(host, '[data-id="save-target"]'));
      await flushPromises();
      const [dialog] = openModals();
      await changeValue(find(dialog, '[data-id="reason-input"]'), 'New distributor');
      await click(find(dialog, '[data-id="reason-confirm"]'));
      await settle();
      expect(updatePayloads()).toEqual([{ Id: T1, Target_Value__c: 300000, Revision_Reason__c: 'New distributor' }]);
    });
  });

  describe('deleting a target', () => {
    it('deletes a target after confirmation, on a draft plan', async () => {
      const { host, toasts } = await renderEditor({ plan: { status: 'Draft' } });
      await click(action(host, T3, 'delete'));
      await settle();
      expect(LightningConfirm.open).toHaveBeenCalledWith(
        expect.objectContaining({
          label: 'Delete target',
          theme: 'warning',
          message: expect.stringContaining('Email Campaigns'),
        }),
      );
      expect(deleteRecord.mock.calls.map(([recordId]) => recordId)).toEqual([T3]);
      expect(findAll(host, `tr[data-row="${T3}"]`)).toHaveLength(0);
      expect(toasts.at(-1)).toMatchObject({ variant: 'success', message: expect.stringContaining('deleted') });
    });

    it('deletes nothing when the confirmation is declined', async () => {
      LightningConfirm.open.mockResolvedValueOnce(false);
      const { host } = await renderEditor({ plan: { status: 'In Revision' } });
      await click(action(host, T1, 'delete'));
      await settle();
      expect(deleteRecord).not.toHaveBeenCalled();
      expect(findAll(host, `tr[data-row="${T1}"]`)).toHaveLength(1);
    });

    it('says that the parts of a year target stay as standalone targets', async () => {
      const part = { ...TARGETS[0], id: targetId(11), periodType: 'Quarter', parentTargetId: YEAR_ID };
      const { host } = await renderEditor({ targets: [YEAR, part] });
      await click(action(host, YEAR_ID, 'delete'));
      await settle();
      expect(LightningConfirm.open).toHaveBeenCalledWith(
        expect.objectContaining({
          message: expect.stringContaining('Its 1 quarter or month targets stay, as standalone targets'),
        }),
      );
    });

    it('shows why a delete failed', async () => {
      deleteRecord.mockRejectedValueOnce(recordError({ errors: ['insufficient access rights on object id'] }));
      const { host } = await renderEditor();
      await click(action(host, T2, 'delete'));
      await settle();
      expect(errorMessages(host, '[data-id="page-errors"]')).toEqual(['insufficient access rights on object id']);
      expect(findAll(host, `tr[data-row="${T2}"]`)).toHaveLength(1);
    });

    // Validation rules do not run on delete: the editor offers it only while the plan is drafted or revised.
    it.each(['Partner Review', 'Accepted', 'Active', 'Closed'] as const)(
      'offers no delete while the plan is %s',
      async (status) => {
        const { host } = await renderEditor({ plan: { status } });
        expect(findAll(host, '[data-action="delete"]')).toHaveLength(0);
      },
    );
  });

  describe('splitting a year target', () => {
    it('splits a year into its quarters in the split dialog: the year keeps the profile, the parts are created', async () => {
      const { host, toasts, refreshTargets } = await renderEditor({ targets: [YEAR, TARGETS[2]] });
      expect(actionsOf(host, YEAR_ID)).toEqual(['edit', 'split', 'delete']);
      await click(action(host, YEAR_ID, 'split'));
      await flushPromises();
      const [dialog] = openModals();
      emitGraphQL(SEASONAL_PROFILES_QUERY, uiapi('Seasonal_Profile__mdt', []));
      await flushPromises();
      await click(find(dialog, '[data-id="split-save"]'));
      await settle(5);
      expect(updatePayloads()).toEqual([{ Id: YEAR_ID, Split_Profile__c: 'Even' }]);
      expect(
        createPayloads().map((c) => [c.fields.Period_Start__c, c.fields.Target_Value__c, c.fields.Parent_Target__c]),
      ).toEqual([
        ['2026-01-01', 250000, YEAR_ID],
        ['2026-04-01', 250000, YEAR_ID],
        ['2026-07-01', 250000, YEAR_ID],
        ['2026-10-01', 250000, YEAR_ID],
      ]);
      expect(createPayloads()[0].fields).toMatchObject({
        Metric__c: 'Closed_Won_Revenue',
        Accountable_AE__c: USERS.ae.id,
        Accountable_Partner_Manager__c: USERS.pm.id,
        Target_Account__c: CUSTOMER.id,
        Weight__c: 2,
        Period_Type__c: 'Quarter',
      });
      expect(refreshTargets).toHaveBeenCalled();
      expect(openModals()).toHaveLength(0);
      expect(toasts.at(-1)).toMatchObject({ variant: 'success', message: expect.stringContaining('into 4 parts') });
    });

    it('offers no split on a quarter target, nor on an accepted plan', async () => {
      const { host } = await renderEditor({ plan: { status: 'Accepted' }, targets: [YEAR] });
      expect(findAll(host, '[data-action="split"]')).toHaveLength(0);
    });
  });
});
