import PartnerPlanEditor from 'c/partnerPlanEditor';
import { METRIC_CATALOG_QUERY, PLAN_SECTIONS_QUERY, PLAN_TARGETS_QUERY } from 'c/planData';
import {
  buttonByLabel,
  changeValue,
  click,
  deferred,
  errorMessages,
  find,
  findAll,
  flushPromises,
  mount,
  prop,
  settle,
  textOf,
  typeInto,
} from '@lwc-test/render';
import {
  CURRENT_USER_ID,
  LightningConfirm,
  captureToasts,
  createPayloads,
  createRecord,
  emitGraphQL,
  emitGraphQLErrors,
  emitObjectInfo,
  emitPicklist,
  emitRecord,
  emitRecordError,
  recordError,
  updatePayloads,
  updateRecord,
} from '@lwc-test/platform';
import {
  PICKLISTS,
  PLAN_ID,
  catalogData,
  planRecord,
  sectionId,
  sectionNode,
  targetId,
  targetNode,
  uiapi,
  type PlanSpec,
  type SectionSpec,
  type TargetSpec,
} from '@lwc-test/fixtures';
import { freezeTime } from '@lwc-test/time';

const S1 = sectionId(1);
const S2 = sectionId(2);
const S3 = sectionId(3);
const T1 = targetId(1);
const T2 = targetId(2);
const T3 = targetId(3);

const SECTIONS: SectionSpec[] = [
  { id: S1, name: 'Sales objectives', sectionType: 'Sales Objectives', sortOrder: 10, summary: 'Grow retail revenue' },
  { id: S2, name: 'Marketing', sectionType: 'Marketing', sortOrder: 20 },
  { id: S3, name: 'Enablement', sectionType: 'Training and Certification', sortOrder: 30 },
];

const TARGETS: TargetSpec[] = [
  {
    id: T1,
    sectionId: S1,
    metric: 'Closed_Won_Revenue',
    targetValue: 250000,
    actualValue: 100000,
    attainment: 40,
    paceStatus: 'Behind',
  },
  {
    id: T2,
    sectionId: S1,
    metric: 'Joint_Calls',
    targetValue: 30,
    actualValue: 21,
    attainment: 70,
    paceStatus: 'On Track',
  },
  {
    id: T3,
    sectionId: S2,
    metric: 'Email_Campaigns',
    targetValue: 4,
    actualValue: 4,
    attainment: 100,
    paceStatus: 'Ahead',
  },
];

interface Setup {
  plan?: PlanSpec;
  sections?: SectionSpec[];
  targets?: TargetSpec[];
  truncated?: boolean;
  /** The running user may edit plans, sections and targets (a partner manager); false: read only (an AE). */
  editable?: boolean;
}

async function renderEditor(setup: Setup = {}) {
  const host = mount('c-partner-plan-editor', PartnerPlanEditor, { recordId: PLAN_ID });
  const toasts = captureToasts(host);
  await flushPromises();
  const editable = setup.editable ?? true;
  emitObjectInfo('Partner_Account_Plan__c', { editable, fields: ['Status__c'] });
  emitObjectInfo('Plan_Section__c', { editable, fields: ['Summary__c'] });
  emitObjectInfo('Plan_Target__c', { editable, fields: ['Target_Value__c'] });
  await flushPromises();
  emitPicklist('Partner_Account_Plan__c.Status__c', PICKLISTS.planStatus);
  emitPicklist('Plan_Section__c.Section_Type__c', PICKLISTS.sectionType);
  emitPicklist('Plan_Target__c.Period_Type__c', PICKLISTS.periodType);
  emitRecord(planRecord(setup.plan));
  emitGraphQL(METRIC_CATALOG_QUERY, catalogData());
  const refreshSections = emitGraphQL(
    PLAN_SECTIONS_QUERY,
    uiapi('Plan_Section__c', (setup.sections ?? SECTIONS).map(sectionNode)),
  );
  const refreshTargets = emitGraphQL(
    PLAN_TARGETS_QUERY,
    uiapi('Plan_Target__c', (setup.targets ?? TARGETS).map(targetNode), { hasNextPage: setup.truncated }),
  );
  await flushPromises();
  return { host, toasts, refreshSections, refreshTargets };
}

const row = (host: HTMLElement, id: string): HTMLElement => find(host, `tr[data-row="${id}"]`);
const input = (host: HTMLElement, id: string): HTMLInputElement =>
  find<HTMLInputElement>(host, `input[data-id="${id}"]`);
const sectionNames = (host: HTMLElement): string[] => findAll(host, '[data-id="section-title"]').map(textOf);
const statusText = (host: HTMLElement): string => textOf(find(host, '[data-id="status"]'));

describe('c-partner-plan-editor', () => {
  describe('loading, error and empty states', () => {
    it('shows a spinner until the plan, sections and targets are loaded', async () => {
      const host = mount('c-partner-plan-editor', PartnerPlanEditor, { recordId: PLAN_ID });
      await flushPromises();
      expect(find(host, '[data-id="loading"] lightning-spinner')).toBeTruthy();
      emitRecord(planRecord());
      emitGraphQL(PLAN_SECTIONS_QUERY, uiapi('Plan_Section__c', []));
      await flushPromises();
      expect(findAll(host, 'lightning-spinner')).toHaveLength(1);
      emitGraphQL(PLAN_TARGETS_QUERY, uiapi('Plan_Target__c', []));
      await flushPromises();
      expect(findAll(host, 'lightning-spinner')).toHaveLength(0);
    });

    it('shows the server error and refetches on retry when a query fails', async () => {
      const host = mount('c-partner-plan-editor', PartnerPlanEditor, { recordId: PLAN_ID });
      await flushPromises();
      emitRecord(planRecord());
      const refresh = emitGraphQL(PLAN_SECTIONS_QUERY, uiapi('Plan_Section__c', []));
      emitGraphQLErrors(PLAN_TARGETS_QUERY, ['Insufficient access to Plan_Target__c']);
      await flushPromises();
      const alert = find(host, '[data-id="load-error"]');
      expect(alert.getAttribute('role')).toBe('alert');
      expect(textOf(alert)).toContain('Insufficient access to Plan_Target__c');
      await click(buttonByLabel(host, 'Try again'));
      expect(refresh).toHaveBeenCalled();
      await expect(host).toBeAccessible();
    });

    it('shows the record error when the plan cannot be read', async () => {
      const host = mount('c-partner-plan-editor', PartnerPlanEditor, { recordId: PLAN_ID });
      await flushPromises();
      emitRecordError(PLAN_ID, 'You do not have access to this record.');
      await flushPromises();
      expect(textOf(find(host, '[data-id="load-error"]'))).toContain('You do not have access to this record.');
    });

    it('offers the standard template when the plan has no sections', async () => {
      const { host } = await renderEditor({ sections: [], targets: [] });
      expect(textOf(find(host, '[data-id="empty"]'))).toContain('This plan has no sections yet');
      expect(prop(buttonByLabel(host, 'Start from template'), 'disabled')).toBe(false);
      await expect(host).toBeAccessible();
    });
  });

  describe('data', () => {
    it('shows the header, the lifecycle path and the sections in sort order', async () => {
      const { host } = await renderEditor({ plan: { status: 'Draft', version: 2, overallAttainment: 42.5 } });
      expect(textOf(find(host, '[data-id="plan-name"]'))).toBe('Northwind FY2026');
      expect(textOf(find(host, '[data-id="partner"]'))).toBe('Northwind Partners');
      expect(textOf(find(host, '[data-id="period"]'))).toBe('Jan 1 – Dec 31, 2026');
      expect(statusText(host)).toBe('Draft');
      expect(textOf(find(host, '[data-id="version"]'))).toBe('v2');
      expect(textOf(find(host, '[data-id="overall-attainment"]'))).toBe('42.5%');
      const path = find(host, 'lightning-progress-indicator');
      expect(prop(path, 'type')).toBe('path');
      expect(prop(path, 'currentStep')).toBe('Draft');
      expect(findAll(host, 'lightning-progress-step').map((s) => prop(s, 'label'))).toEqual([
        'Draft',
        'Partner Review',
        'Accepted',
        'Active',
        'Closed',
      ]);
      expect(sectionNames(host)).toEqual(['Sales objectives', 'Marketing', 'Enablement']);
      expect(textOf(find(host, '[data-id="section-summary"]'))).toBe('Grow retail revenue');
    });

    it('shows each target with catalog label, period, values, attainment bar and pace badge', async () => {
      const { host } = await renderEditor();
      const revenue = row(host, T1);
      expect(textOf(revenue.querySelector('[data-id="metric"]'))).toBe('Closed Won Revenue');
      expect(textOf(revenue.querySelector('[data-id="period"]'))).toBe('Quarter · Apr 1 – Jun 30, 2026');
      expect(input(host, T1).value).toBe('250000');
      expect(textOf(revenue.querySelector('[data-id="baseline"]'))).toBe('—');
      expect(textOf(revenue.querySelector('[data-id="actual"]'))).toBe('$100,000');
      expect(textOf(revenue.querySelector('[data-id="attainment"]'))).toBe('40%');
      expect(prop(revenue.querySelector('lightning-progress-bar') as Element, 'value')).toBe(40);
      expect(prop(revenue.querySelector('c-pace-badge') as Element, 'status')).toBe('Behind');
      // The grid input has an accessible name that says which target it edits.
      const label = revenue.querySelector('label') as HTMLLabelElement;
      expect(textOf(label)).toBe('Target value for Closed Won Revenue, Apr 1 – Jun 30, 2026');
      expect(label.htmlFor).toBe(input(host, T1).id);
      expect(textOf(find(host, `section[data-section="${S3}"] [data-id="no-targets"]`))).toBe(
        'No targets in this section yet.',
      );
      await expect(host).toBeAccessible();
    });

    it('labels statuses with the picklist labels of the user language', async () => {
      const host = mount('c-partner-plan-editor', PartnerPlanEditor, { recordId: PLAN_ID });
      await flushPromises();
      emitObjectInfo('Partner_Account_Plan__c');
      await flushPromises();
      emitPicklist('Partner_Account_Plan__c.Status__c', [
        { value: 'Draft', label: 'Entwurf' },
        { value: 'Partner Review', label: 'Partnerprüfung' },
      ]);
      emitRecord(planRecord({ status: 'Draft' }));
      emitGraphQL(PLAN_SECTIONS_QUERY, uiapi('Plan_Section__c', []));
      emitGraphQL(PLAN_TARGETS_QUERY, uiapi('Plan_Target__c', []));
      await flushPromises();
      expect(statusText(host)).toBe('Entwurf');
      expect(
        findAll(host, 'lightning-progress-step')
          .map((s) => prop(s, 'label'))
          .slice(0, 2),
      ).toEqual(['Entwurf', 'Partnerprüfung']);
    });

    it('warns when the targets list was cut off and does not let the plan be accepted', async () => {
      const { host } = await renderEditor({ plan: { status: 'Partner Review' }, truncated: true });
      expect(find(host, '[data-id="truncated"]')).toBeTruthy();
      expect(prop(find(host, '[data-id="accept"]'), 'disabled')).toBe(true);
    });
  });

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
      expect(input(host, T1).disabled).toBe(true);
      expect(prop(find(host, '[data-id="submit"]'), 'disabled')).toBe(true);
      expect(findAll(host, '[data-id="add-section"]')).toHaveLength(0);
      expect(textOf(find(host, '[data-id="lifecycle-hint"]'))).toBe(
        'You can view this plan. Changing it needs edit access to plans, sections and targets.',
      );
      await expect(host).toBeAccessible();
    });

    it('locks targets while the plan is accepted or active', async () => {
      const { host } = await renderEditor({ plan: { status: 'Active' } });
      expect(input(host, T1).disabled).toBe(true);
      expect(textOf(find(host, '[data-id="lifecycle-hint"]'))).toBe(
        'Targets are locked while the plan is accepted or active. Use Revise to change them.',
      );
      expect(findAll(host, '[data-id="add-section"]')).toHaveLength(0);
    });
  });

  describe('lifecycle', () => {
    it('submits a draft for partner review', async () => {
      const { host, toasts } = await renderEditor({ plan: { status: 'Draft' } });
      await click(find(host, '[data-id="submit"]'));
      await settle();
      expect(updatePayloads()).toEqual([{ Id: PLAN_ID, Status__c: 'Partner Review' }]);
      expect(statusText(host)).toBe('Partner Review');
      expect(toasts[0]).toMatchObject({ variant: 'success', message: 'The plan is in partner review.' });
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
      await settle();
      expect(LightningConfirm.open).toHaveBeenCalledWith(
        expect.objectContaining({
          label: 'Mark plan accepted',
          message: expect.stringContaining('all 3 targets become their baseline'),
        }),
      );
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
      await settle();
      expect(updatePayloads().some((fields) => 'Status__c' in fields)).toBe(false);
      expect(statusText(host)).toBe('Partner Review');
      expect(textOf(row(host, T2).querySelector('[data-id="row-errors"]'))).toBe(
        'Insufficient access rights on cross-reference id',
      );
      expect(errorMessages(host, '[data-id="page-errors"]').join(' ')).toContain(
        'The baseline of 1 targets could not be saved',
      );
      expect(toasts[0]).toMatchObject({ variant: 'error', title: 'The plan was not accepted' });
    });

    it('writes nothing when the acceptance is not confirmed', async () => {
      LightningConfirm.open.mockResolvedValueOnce(false);
      const { host } = await renderEditor({ plan: { status: 'Partner Review' } });
      await click(find(host, '[data-id="accept"]'));
      await settle();
      expect(updateRecord).not.toHaveBeenCalled();
    });

    it('revises with a reason, then writes the reason on each changed baselined target', async () => {
      const baselined = TARGETS.map((t) => ({ ...t, baselineValue: t.targetValue }));
      const { host, toasts } = await renderEditor({ plan: { status: 'Active', version: 3 }, targets: baselined });
      await click(find(host, '[data-id="revise"]'));
      const dialog = find(host, '[data-id="reason-dialog"]');
      expect(dialog.getAttribute('role')).toBe('dialog');
      expect(dialog.getAttribute('aria-modal')).toBe('true');
      await expect(host).toBeAccessible();
      await click(find(host, '[data-id="reason-confirm"]'));
      expect(textOf(find(host, '[data-id="reason-error"]'))).toBe('Enter a reason.');
      expect(updateRecord).not.toHaveBeenCalled();
      await changeValue(find(host, '[data-id="reason-input"]'), 'Partner lost two sales reps in Q2');
      await click(find(host, '[data-id="reason-confirm"]'));
      await settle();
      expect(updatePayloads()).toEqual([{ Id: PLAN_ID, Status__c: 'In Revision' }]);
      expect(findAll(host, '[data-id="reason-dialog"]')).toHaveLength(0);
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
      expect(textOf(find(host, '[data-id="reason-dialog"] h1'))).toBe('Why are these targets changing?');
      await changeValue(find(host, '[data-id="reason-input"]'), 'Distributor contract renegotiated');
      await click(find(host, '[data-id="reason-confirm"]'));
      await settle();
      expect(updatePayloads()).toEqual([
        { Id: T1, Target_Value__c: 200000, Revision_Reason__c: 'Distributor contract renegotiated' },
        { Id: T2, Target_Value__c: 35 },
      ]);
    });

    it('shows the revision-reason rule of the server on the changed target', async () => {
      updateRecord.mockRejectedValueOnce(
        recordError({
          fieldErrors: {
            Revision_Reason__c: 'Give a new revision reason when you change a target that has an accepted baseline.',
          },
        }),
      );
      const targets: TargetSpec[] = [{ ...TARGETS[0], baselineValue: 250000, revisionReason: 'Q1 reset' }];
      const { host } = await renderEditor({ plan: { status: 'In Revision' }, targets });
      await typeInto(input(host, T1), '240000');
      await click(find(host, '[data-id="save"]'));
      await changeValue(find(host, '[data-id="reason-input"]'), 'Q1 reset');
      await click(find(host, '[data-id="reason-confirm"]'));
      await settle();
      expect(textOf(row(host, T1).querySelector('[data-id="field-error"]'))).toBe(
        'Give a new revision reason when you change a target that has an accepted baseline.',
      );
      expect(input(host, T1).getAttribute('aria-invalid')).toBe('true');
    });

    it('keeps focus in the reason dialog, closes it with Escape and returns focus to Revise', async () => {
      const focus = jest.spyOn(HTMLElement.prototype, 'focus');
      const { host } = await renderEditor({ plan: { status: 'Accepted' } });
      await click(find(host, '[data-id="revise"]'));
      expect(focus.mock.contexts.at(-1)).toBe(find(host, '[data-id="reason-input"]'));
      // Tabbing past the last control wraps to the first, and back.
      find(host, '[data-id="dialog-end"]').dispatchEvent(new CustomEvent('focus'));
      expect(focus.mock.contexts.at(-1)).toBe(find(host, '[data-id="reason-input"]'));
      find(host, '[data-id="dialog-start"]').dispatchEvent(new CustomEvent('focus'));
      expect(focus.mock.contexts.at(-1)).toBe(find(host, '[data-id="reason-confirm"]'));
      find(host, '[data-id="reason-dialog"]').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
      await flushPromises();
      expect(findAll(host, '[data-id="reason-dialog"]')).toHaveLength(0);
      expect(focus.mock.contexts.at(-1)).toBe(find(host, '[data-id="revise"]'));
      expect(updateRecord).not.toHaveBeenCalled();
      focus.mockRestore();
    });
  });

  describe('sections', () => {
    it('starts a new plan from the standard template: one section per type except Custom', async () => {
      const { host, toasts, refreshSections } = await renderEditor({ sections: [], targets: [] });
      await click(buttonByLabel(host, 'Start from template'));
      await settle();
      expect(createPayloads()).toEqual(
        [
          ['Sales Objectives', 10],
          ['Marketing', 20],
          ['Training and Certification', 30],
          ['Joint Investment', 40],
          ['Action Plan', 50],
        ].map(([type, order]) => ({
          apiName: 'Plan_Section__c',
          fields: { Partner_Account_Plan__c: PLAN_ID, Name: type, Section_Type__c: type, Sort_Order__c: order },
        })),
      );
      expect(refreshSections).toHaveBeenCalled();
      expect(toasts[0]).toMatchObject({ variant: 'success', message: '5 sections created from the template.' });
    });

    it('reports the template sections that could not be created', async () => {
      createRecord.mockImplementation(async (inputArg) => {
        if (inputArg.fields.Section_Type__c === 'Joint Investment')
          throw recordError({ errors: ['Storage limit exceeded'] });
        return { id: 'a02000000000099AAA', apiName: 'Plan_Section__c', fields: {} };
      });
      const { host, toasts } = await renderEditor({ sections: [], targets: [] });
      await click(buttonByLabel(host, 'Start from template'));
      await settle();
      expect(errorMessages(host, '[data-id="page-errors"]')).toEqual(['Joint Investment: Storage limit exceeded']);
      expect(toasts[0]).toMatchObject({ variant: 'error', message: '1 of 5 sections could not be created.' });
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

    it('shows the server errors of a new target in the form', async () => {
      createRecord.mockRejectedValueOnce(
        recordError({ fieldErrors: { Period_End__c: 'Period end must be on or after period start.' } }),
      );
      const { host } = await renderEditor();
      await click(find(host, `section[data-section="${S1}"] [data-action="add-target"]`));
      const form = find(host, '[data-id="target-form"]');
      await changeValue(form.querySelector('[data-field="metric"]') as HTMLElement, 'Demos');
      await changeValue(form.querySelector('[data-field="periodEnd"]') as HTMLElement, '2025-01-01');
      await changeValue(form.querySelector('[data-field="targetValue"]') as HTMLElement, '5');
      await click(find(host, '[data-id="save-target"]'));
      await settle();
      expect(errorMessages(host, '[data-id="target-form-errors"]')).toEqual([
        'Period end must be on or after period start.',
      ]);
    });
  });
});
