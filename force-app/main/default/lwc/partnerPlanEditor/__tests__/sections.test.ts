/** c-partner-plan-editor: sections (template, order, add, edit) and adding targets to them. */
import { changeValue, click, prop, settle, textOf } from '@lwc-test/render';
import { buttonByLabel, errorMessages, find, findAll } from '@lwc-test/deep';
import { createPayloads, createRecord, recordError, updatePayloads, updateRecord } from '@lwc-test/platform';
import { PARTNER, PLAN_ID } from '@lwc-test/fixtures';
import PlanTemplateDialog from 'c/planTemplateDialog';
import { freezeTime } from '@lwc-test/time';
import { trackValidity } from '@lwc-test/validity';
import { S1, S2, S3, renderEditor, sectionNames } from './editorFixtures';

describe('c-partner-plan-editor', () => {
  describe('sections', () => {
    it("fills the empty plan from the template of the partner's tier in c-plan-template-dialog", async () => {
      const open = jest.spyOn(PlanTemplateDialog, 'open').mockResolvedValue({ planId: PLAN_ID });
      const { host, toasts, refreshSections, refreshTargets } = await renderEditor({ sections: [], targets: [] });
      await click(buttonByLabel(host, 'Start from template'));
      await settle();
      expect(open).toHaveBeenCalledWith({
        label: 'Start from template',
        size: 'medium',
        accountId: PARTNER.id,
        planId: PLAN_ID,
      });
      expect(createPayloads()).toEqual([]);
      expect(refreshSections).toHaveBeenCalled();
      expect(refreshTargets).toHaveBeenCalled();
      expect(toasts[0]).toMatchObject({ variant: 'success', message: expect.stringContaining('from the template') });
      open.mockRestore();
    });

    it('changes nothing when the template dialog is cancelled', async () => {
      const open = jest.spyOn(PlanTemplateDialog, 'open').mockResolvedValue(undefined);
      const { host, toasts, refreshSections } = await renderEditor({ sections: [], targets: [] });
      await click(buttonByLabel(host, 'Start from template'));
      await settle();
      expect(refreshSections).not.toHaveBeenCalled();
      expect(toasts).toEqual([]);
      open.mockRestore();
    });

    it('moves a section up and rewrites the sort order of the sections that moved', async () => {
      const focus = jest.spyOn(HTMLElement.prototype, 'focus');
      const { host } = await renderEditor();
      expect(prop(buttonByLabel(host, 'Move Sales objectives up'), 'disabled')).toBe(true);
      expect(prop(buttonByLabel(host, 'Move Enablement down'), 'disabled')).toBe(true);
      await click(buttonByLabel(host, 'Move Marketing up'));
      await settle();
      expect(sectionNames(host)).toEqual(['Marketing', 'Sales objectives', 'Enablement']);
      expect(updatePayloads()).toEqual([
        { Id: S2, Sort_Order__c: 10 },
        { Id: S1, Sort_Order__c: 20 },
      ]);
      // Focus stays on the control just used; Marketing reached the top, so its other arrow takes it.
      expect(focus.mock.contexts.at(-1)).toBe(buttonByLabel(host, 'Move Marketing down'));
      focus.mockRestore();
    });

    it('restores the order when the new order cannot be saved', async () => {
      updateRecord.mockRejectedValueOnce(recordError({ errors: ['Unable to lock row'] }));
      const { host, toasts } = await renderEditor();
      await click(buttonByLabel(host, 'Move Enablement up'));
      await settle();
      expect(sectionNames(host)).toEqual(['Sales objectives', 'Marketing', 'Enablement']);
      expect(errorMessages(host, '[data-id="page-errors"]')).toEqual(['Unable to lock row']);
      expect(toasts[0]).toMatchObject({ variant: 'error' });
    });

    it('adds a section after the last one', async () => {
      const focus = jest.spyOn(HTMLElement.prototype, 'focus');
      const { host, refreshSections } = await renderEditor();
      await click(find(host, '[data-id="add-section"]'));
      const form = find(host, 'c-section-form');
      // The form takes focus (it delegates it to its first field, the name).
      expect(focus.mock.contexts.at(-1)).toBe(form);
      focus.mockRestore();
      expect(prop(form, 'heading')).toBe('New section');
      await changeValue(find(form, '[data-field="name"]'), 'Joint investment');
      await changeValue(find(form, '[data-field="sectionType"]'), 'Joint Investment');
      await changeValue(find(form, '[data-field="summary"]'), 'MDF for two trade shows');
      await click(find(form, '[data-id="save-section"]'));
      await settle();
      expect(createPayloads()).toEqual([
        {
          apiName: 'Plan_Section__c',
          fields: {
            Partner_Account_Plan__c: PLAN_ID,
            Name: 'Joint investment',
            Section_Type__c: 'Joint Investment',
            Sort_Order__c: 40,
            Summary__c: 'MDF for two trade shows',
          },
        },
      ]);
      expect(refreshSections).toHaveBeenCalled();
      expect(findAll(host, 'c-section-form')).toHaveLength(0);
    });

    it('requires a section name', async () => {
      const { host } = await renderEditor();
      await click(find(host, '[data-id="add-section"]'));
      await click(find(find(host, 'c-section-form'), '[data-id="save-section"]'));
      expect(prop(find(host, 'c-section-form'), 'messages')).toEqual(['Enter a section name.']);
      expect(createRecord).not.toHaveBeenCalled();
    });

    it('edits the summary and type of a section', async () => {
      const { host } = await renderEditor();
      await click(buttonByLabel(host, 'Edit section Marketing'));
      const form = find(host, `section[data-section="${S2}"] c-section-form`);
      expect(prop(form, 'heading')).toBeUndefined();
      expect(prop(form, 'name')).toBe('Marketing');
      expect(prop(form, 'sectionType')).toBe('Marketing');
      await changeValue(find(form, '[data-field="summary"]'), 'Two email campaigns a quarter');
      await click(find(form, '[data-id="save-section"]'));
      await settle();
      expect(updatePayloads()).toEqual([
        { Id: S2, Name: 'Marketing', Section_Type__c: 'Marketing', Summary__c: 'Two email campaigns a quarter' },
      ]);
      expect(textOf(find(host, `section[data-section="${S2}"] [data-id="section-summary"]`))).toBe(
        'Two email campaigns a quarter',
      );
    });

    it('adds a target to a section with the period end derived from the period type', async () => {
      freezeTime('2026-05-20T17:00:00.000Z');
      const { host, refreshTargets } = await renderEditor();
      await click(find(host, `section[data-section="${S3}"] [data-action="add-target"]`));
      const form = find(host, '[data-id="target-form"]');
      await changeValue(form.querySelector('[data-field="metric"]') as HTMLElement, 'Joint_Calls');
      expect(prop(form.querySelector('[data-field="periodStart"]') as Element, 'value')).toBe('2026-04-01');
      expect(prop(form.querySelector('[data-field="periodEnd"]') as Element, 'value')).toBe('2026-06-30');
      await changeValue(form.querySelector('[data-field="periodType"]') as HTMLElement, 'Month');
      await changeValue(form.querySelector('[data-field="periodStart"]') as HTMLElement, '2026-05-01');
      await changeValue(form.querySelector('[data-field="targetValue"]') as HTMLElement, '12');
      await click(find(host, '[data-id="save-target"]'));
      await settle();
      expect(createPayloads()).toEqual([
        {
          apiName: 'Plan_Target__c',
          fields: {
            Plan_Section__c: S3,
            Metric__c: 'Joint_Calls',
            Period_Type__c: 'Month',
            Period_Start__c: '2026-05-01',
            Period_End__c: '2026-05-31',
            Target_Value__c: 12,
          },
        },
      ]);
      expect(refreshTargets).toHaveBeenCalled();
    });

    it("defaults a new target to the plan's current FISCAL quarter and offers its fiscal periods", async () => {
      // FY2027 starts in February: on 2026-05-20 the fiscal quarter is Q2, May 1 – Jul 31 (not April – June).
      freezeTime('2026-05-20T17:00:00.000Z');
      const { host } = await renderEditor({
        plan: { fiscalYear: 'FY2027', periodStart: '2026-02-01', periodEnd: '2027-01-31' },
      });
      await click(find(host, `section[data-section="${S3}"] [data-action="add-target"]`));
      const form = find(host, '[data-id="target-form"]');
      const field = (name: string): Element => form.querySelector(`[data-field="${name}"]`) as Element;
      expect(prop(field('periodStart'), 'value')).toBe('2026-05-01');
      expect(prop(field('periodEnd'), 'value')).toBe('2026-07-31');
      expect(prop(field('period'), 'value')).toBe('2026-05-01/2026-07-31');
      // Intl puts thin spaces around a range's dash: compare with plain spaces.
      const options = prop<{ label: string }[]>(field('period'), 'options');
      expect(options.map((o) => o.label.replace(/\s/g, ' '))).toEqual([
        'FY2027 Q1 (Feb 1 – Apr 30, 2026)',
        'FY2027 Q2 (May 1 – Jul 31, 2026)',
        'FY2027 Q3 (Aug 1 – Oct 31, 2026)',
        'FY2027 Q4 (Nov 1, 2026 – Jan 31, 2027)',
        'Other dates',
      ]);
      // Choosing the year type moves to the plan's fiscal year; a month type to the fiscal month of the start.
      await changeValue(field('periodType') as HTMLElement, 'Year');
      expect(prop(field('periodStart'), 'value')).toBe('2026-02-01');
      expect(prop(field('periodEnd'), 'value')).toBe('2027-01-31');
      await changeValue(field('periodType') as HTMLElement, 'Month');
      await changeValue(field('period') as HTMLElement, '2026-09-01/2026-09-30');
      expect(prop(field('periodStart'), 'value')).toBe('2026-09-01');
      expect(prop(field('periodEnd'), 'value')).toBe('2026-09-30');
      expect(prop(field('period'), 'value')).toBe('2026-09-01/2026-09-30');
      // Dates that are no fiscal period read as other dates.
      await changeValue(field('periodStart') as HTMLElement, '2026-09-15');
      expect(prop(field('period'), 'value')).toBe('other');
      await expect(host).toBeAccessible();
    });

    it('shows the server errors of a new target in the form: field errors on their fields, others in the list', async () => {
      createRecord.mockRejectedValueOnce(
        recordError({
          fieldErrors: { Period_End__c: 'Period end must be on or after period start.' },
          errors: ['Targets cannot be added to an accepted plan.'],
        }),
      );
      const { host } = await renderEditor();
      await click(find(host, `section[data-section="${S1}"] [data-action="add-target"]`));
      const form = find(host, '[data-id="target-form"]');
      await changeValue(form.querySelector('[data-field="metric"]') as HTMLElement, 'Demos');
      await changeValue(form.querySelector('[data-field="periodEnd"]') as HTMLElement, '2025-01-01');
      await changeValue(form.querySelector('[data-field="targetValue"]') as HTMLElement, '5');
      const periodEnd = trackValidity(form.querySelector('[data-field="periodEnd"]') as HTMLElement);
      await click(find(host, '[data-id="save-target"]'));
      await settle();
      expect(errorMessages(host, '[data-id="target-form-errors"]')).toEqual([
        'Targets cannot be added to an accepted plan.',
      ]);
      expect(periodEnd.message()).toBe('Period end must be on or after period start.');
      expect(periodEnd.reported()).toBe(true);
    });
  });
});
