/** c-partner-plan-editor: the loading, error and empty states and what the editor shows. */
import PartnerPlanEditor from 'c/partnerPlanEditor';
import { METRIC_CATALOG_QUERY, PLAN_SECTIONS_QUERY, PLAN_TARGETS_CURRENCY_QUERY, PLAN_TARGETS_QUERY } from 'c/planData';
import { click, flushPromises, mount, prop, shadow, textOf } from '@lwc-test/render';
import { buttonByLabel, deepText, find, findAll } from '@lwc-test/deep';
import {
  documentSource,
  emitGraphQL,
  emitGraphQLErrors,
  emitObjectInfo,
  emitPicklist,
  emitRecord,
  emitRecordError,
  graphQLVariables,
} from '@lwc-test/platform';
import { PLAN_ID, catalogData, planRecord, uiapi } from '@lwc-test/fixtures';
import { S3, T1, input, renderEditor, row, sectionNames, statusText } from './editorFixtures';

describe('c-partner-plan-editor', () => {
  describe('loading, error and empty states', () => {
    it('shows a spinner until the plan, sections and targets are loaded', async () => {
      const host = mount('c-partner-plan-editor', PartnerPlanEditor, { recordId: PLAN_ID });
      await flushPromises();
      expect(find(host, '[data-id="loading"] lightning-spinner')).toBeTruthy();
      // The targets' document is chosen from their object info (with CurrencyIsoCode or not): then it runs.
      emitObjectInfo('Plan_Target__c');
      await flushPromises();
      emitRecord(planRecord());
      emitGraphQL(PLAN_SECTIONS_QUERY, uiapi('Plan_Section__c', []));
      await flushPromises();
      // The editor's own spinner (the comment thread in it shows its own while its comments load).
      const ownSpinners = () => shadow(host).querySelectorAll('lightning-spinner');
      expect(ownSpinners()).toHaveLength(1);
      emitGraphQL(PLAN_TARGETS_QUERY, uiapi('Plan_Target__c', []));
      await flushPromises();
      // The grids wait for the catalog and the user's access too: 400 targets render once, not per answer.
      expect(ownSpinners()).toHaveLength(1);
      emitObjectInfo('Partner_Account_Plan__c');
      emitObjectInfo('Plan_Section__c');
      emitGraphQL(METRIC_CATALOG_QUERY, catalogData());
      await flushPromises();
      expect(ownSpinners()).toHaveLength(0);
    });

    it('shows the server error and refetches on retry when a query fails', async () => {
      const host = mount('c-partner-plan-editor', PartnerPlanEditor, { recordId: PLAN_ID });
      await flushPromises();
      emitObjectInfo('Plan_Target__c');
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
    it('shows the lifecycle path, no second page header, and the sections in sort order', async () => {
      const { host } = await renderEditor({ plan: { status: 'Draft', version: 2, overallAttainment: 42.5 } });
      // The record page's highlights panel is the one header: the editor has no h1 and repeats no record field.
      expect(findAll(host, 'h1, .slds-page-header')).toHaveLength(0);
      expect(findAll(host, '[data-id="plan-name"], [data-id="partner"], [data-id="overall-attainment"]')).toHaveLength(
        0,
      );
      expect(statusText(host)).toBe('Draft');
      expect(textOf(find(host, '[data-id="version"]'))).toBe('v2');
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
      expect(textOf(revenue.querySelector('[data-id="period"]'))).toBe('FY2026 Q2');
      expect(input(host, T1).value).toBe('250000');
      expect(textOf(revenue.querySelector('[data-id="baseline"]'))).toBe('—');
      expect(deepText(revenue.querySelector('[data-id="actual"]'))).toBe('$100,000');
      expect(deepText(revenue.querySelector('[data-id="attainment-text"]'))).toBe('40%');
      expect(revenue.querySelector('[data-id="attainment-bar"]')?.getAttribute('aria-valuenow')).toBe('40');
      expect(textOf(revenue.querySelector('[data-id="pace-label"]'))).toBe('Behind');
      // The grid input has an accessible name that says which target it edits.
      const label = revenue.querySelector('label') as HTMLLabelElement;
      expect(textOf(label)).toBe('Target value for Closed Won Revenue, FY2026 Q2');
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
      emitObjectInfo('Plan_Section__c');
      emitObjectInfo('Plan_Target__c');
      await flushPromises();
      emitGraphQL(METRIC_CATALOG_QUERY, catalogData());
      emitPicklist('Partner_Account_Plan__c.Status__c', [
        { value: 'Draft', label: 'Entwurf' },
        { value: 'Partner Review', label: 'Partnerprüfung' },
      ]);
      emitRecord(planRecord({ status: 'Draft' }));
      emitGraphQL(PLAN_SECTIONS_QUERY, uiapi('Plan_Section__c', []));
      emitGraphQL(PLAN_TARGETS_QUERY, uiapi('Plan_Target__c', []));
      await flushPromises();
      expect(textOf(find(host, '[data-id="status"]'))).toBe('Current status: Entwurf');
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

  describe('currency', () => {
    it("asks for CurrencyIsoCode in a multi-currency org and shows a EUR plan's values in euros to a USD user", async () => {
      const { host } = await renderEditor({ currency: 'EUR' });
      expect(graphQLVariables(PLAN_TARGETS_CURRENCY_QUERY)).toEqual({ planId: PLAN_ID });
      expect(graphQLVariables(PLAN_TARGETS_QUERY)).toBeUndefined();
      const revenue = row(host, T1);
      expect(deepText(revenue.querySelector('[data-id="actual"]'))).toBe('€100,000');
      await expect(host).toBeAccessible();
    });

    it('never asks for CurrencyIsoCode where the field does not exist (a single-currency org)', async () => {
      const { host } = await renderEditor();
      expect(graphQLVariables(PLAN_TARGETS_QUERY)).toEqual({ planId: PLAN_ID });
      expect(graphQLVariables(PLAN_TARGETS_CURRENCY_QUERY)).toBeUndefined();
      expect(documentSource(PLAN_TARGETS_QUERY)).not.toContain('CurrencyIsoCode');
      expect(documentSource(PLAN_TARGETS_CURRENCY_QUERY)).toContain('CurrencyIsoCode');
      expect(deepText(row(host, T1).querySelector('[data-id="actual"]'))).toBe('$100,000');
    });
  });
});
