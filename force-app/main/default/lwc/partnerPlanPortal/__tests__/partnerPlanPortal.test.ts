/** c-partner-plan-portal: My Plans, a plan as the partner sees it, and the partner's decision on a plan in review. */
import PartnerPlanPortal from 'c/partnerPlanPortal';
import { PARTNER_PLANS_QUERY, SHARED_SECTIONS_QUERY } from 'c/planData';
import { click, flushPromises, mount, prop, settle, textOf } from '@lwc-test/render';
import { deepText, find, findAll } from '@lwc-test/deep';
import {
  emitGraphQLErrors,
  emitRecord,
  emitRecordError,
  generateUrl,
  graphQLVariables,
  navigate,
} from '@lwc-test/platform';
import { PLAN_ID, USERS, id } from '@lwc-test/fixtures';
import { userRecord } from '@lwc-test/partnerFixtures';
import { S2, T1, T2, T3, renderList, renderPortal, row, text } from './portalFixtures';

const PLAN_2 = id('a01', 2);

describe('c-partner-plan-portal', () => {
  describe('My Plans', () => {
    it('shows a spinner until the plans load', async () => {
      const host = await renderList(null);
      expect(find(host, '[data-id="loading"]')).toBeTruthy();
      expect(text(host, 'my-plans-heading')).toBe('My Plans');
    });

    it('says when no plan is shared yet', async () => {
      const host = await renderList([]);
      expect(text(host, 'empty')).toBe(
        'No plans are shared with you yet. Your partner manager shares a plan when it is ready for your review.',
      );
      await expect(host).toBeAccessible();
    });

    it('lists the plans with period, status and attainment, and highlights those awaiting review', async () => {
      const host = await renderList([
        {
          id: PLAN_2,
          name: 'Northwind FY2027',
          status: 'Partner Review',
          periodStart: '2027-01-01',
          periodEnd: '2027-12-31',
          overallAttainment: null,
        },
        { id: PLAN_ID, name: 'Northwind FY2026', status: 'Active', overallAttainment: 61.5 },
      ]);
      const rows = findAll(host, 'tr[data-plan]');
      expect(rows.map((r) => textOf(r.querySelector('[data-id="plan-link"]')))).toEqual([
        'Northwind FY2027',
        'Northwind FY2026',
      ]);
      expect(rows.map((r) => textOf(r.querySelector('[data-id="status"]')))).toEqual(['Partner Review', 'Active']);
      expect(rows.map((r) => textOf(r.querySelector('[data-id="attainment"]')))).toEqual(['—', '61.5%']);
      expect(textOf(rows[0].querySelector('[data-id="period"]'))).toBe('Jan 1 – Dec 31, 2027');
      const badges = findAll(host, '[data-id="awaiting-review"]');
      expect(badges.map((b) => prop(b, 'label'))).toEqual(['Awaiting your review']);
      expect(rows[0].classList.contains('awaiting-review')).toBe(true);
      expect(rows[1].classList.contains('awaiting-review')).toBe(false);
      await expect(host).toBeAccessible();
    });

    it('opens a plan on its record page, as Experience Cloud navigates', async () => {
      const host = await renderList([{ id: PLAN_2, name: 'Northwind FY2027', status: 'Partner Review' }]);
      await settle();
      const pageReference = {
        type: 'standard__recordPage',
        attributes: { recordId: PLAN_2, objectApiName: 'Partner_Account_Plan__c', actionName: 'view' },
      };
      expect(generateUrl).toHaveBeenCalledWith(pageReference);
      const link = find<HTMLAnchorElement>(host, '[data-id="plan-link"]');
      expect(link.getAttribute('href')).toBe(`/lightning/r/Partner_Account_Plan__c/${PLAN_2}/view`);
      await click(link);
      expect(navigate).toHaveBeenCalledWith(pageReference, undefined);
    });

    it("shows Salesforce's message when the plans cannot load", async () => {
      const host = await renderList(null);
      emitGraphQLErrors(PARTNER_PLANS_QUERY, ['Insufficient privileges']);
      await flushPromises();
      expect(text(host, 'load-error')).toContain('Insufficient privileges');
      await expect(host).toBeAccessible();
    });

    it('runs no plan queries on a plan page, and no list query there', async () => {
      const { host } = await renderPortal();
      expect(graphQLVariables(PARTNER_PLANS_QUERY)).toBeUndefined();
      expect(graphQLVariables(SHARED_SECTIONS_QUERY)).toEqual({ planId: PLAN_ID });
      expect(findAll(host, '[data-id="my-plans-heading"]')).toHaveLength(0);
    });
  });

  describe('a plan', () => {
    it('shows a spinner while the plan loads', async () => {
      const host = mount('c-partner-plan-portal', PartnerPlanPortal, { recordId: PLAN_ID });
      await flushPromises();
      expect(find(host, '[data-id="loading"]')).toBeTruthy();
    });

    it("shows Salesforce's message when the plan cannot be read", async () => {
      const host = mount('c-partner-plan-portal', PartnerPlanPortal, { recordId: PLAN_ID });
      await flushPromises();
      emitRecord(userRecord('partner'));
      emitRecordError(PLAN_ID, 'Insufficient access rights on object id');
      await flushPromises();
      expect(text(host, 'load-error')).toContain('Insufficient access rights on object id');
      await expect(host).toBeAccessible();
    });

    it('shows the plan in review: header, shared sections, targets with progress and pace, and the decision', async () => {
      const { host } = await renderPortal();
      expect(text(host, 'plan-name')).toBe('Northwind FY2026');
      expect(findAll(host, 'h1').map(textOf)).toEqual(['Northwind FY2026']);
      expect(text(host, 'partner')).toBe('Northwind Partners');
      expect(text(host, 'period')).toBe('Jan 1 – Dec 31, 2026');
      expect(text(host, 'status')).toBe('Partner Review');
      expect(text(host, 'version')).toBe('v1');
      expect(text(host, 'overall-attainment')).toBe('42.5%');
      expect(findAll(host, '[data-id="section-title"]').map(textOf)).toEqual(['Sales objectives', 'Marketing']);
      expect(text(host, 'section-summary')).toBe('Grow retail revenue');
      expect(textOf(row(host, T1).querySelector('[data-id="metric"]'))).toBe('Closed Won Revenue');
      expect(textOf(row(host, T1).querySelector('[data-id="period"]'))).toBe('FY2026 Q2');
      expect(textOf(row(host, T1).querySelector('[data-id="target"]'))).toBe('$250,000');
      expect(deepText(row(host, T1).querySelector('[data-id="actual"]'))).toBe('$100,000');
      expect(deepText(row(host, T1).querySelector('[data-id="attainment"]'))).toBe('40%');
      expect(prop(row(host, T1).querySelector('[data-id="attainment"]') as Element, 'value')).toBe(40);
      expect(prop(row(host, T1).querySelector('c-pace-badge') as Element, 'status')).toBe('Behind');
      expect(find(host, `section[data-section="${S2}"] table`).getAttribute('aria-label')).toBe('Targets of Marketing');
      expect(find(host, `section[data-section="${S2}"]`).querySelector(`tr[data-row="${T3}"]`)).not.toBeNull();
      expect(prop(find(host, '[data-id="accept"]'), 'label')).toBe('Accept plan');
      expect(prop(find(host, '[data-id="request-changes"]'), 'label')).toBe('Request changes');
      expect(findAll(host, '[data-id="read-only"]')).toHaveLength(0);
      // The plan's thread, for everyone who reads the plan.
      const threads = findAll(host, 'c-plan-comments');
      expect(threads.map((t) => prop(t, 'recordId'))).toEqual([PLAN_ID]);
      await expect(host).toBeAccessible();
    });

    it("shows targets in the plan's currency, whoever looks", async () => {
      const { host } = await renderPortal({ currency: 'EUR' });
      expect(textOf(row(host, T1).querySelector('[data-id="target"]'))).toBe('€250,000');
    });

    it('says when no section is shared', async () => {
      const { host } = await renderPortal({ sections: [], targets: [] });
      expect(text(host, 'no-sections')).toBe('No sections of this plan are shared with you yet.');
    });

    it("opens a target's comments in that target's context", async () => {
      const { host } = await renderPortal();
      const toggle = row(host, T2).querySelector('[data-id="toggle-comments"]') as HTMLElement;
      expect(toggle.getAttribute('aria-expanded')).toBe('false');
      expect(toggle.getAttribute('aria-label')).toBe('Show comments on Joint Calls, FY2026 Q2');
      await click(toggle);
      expect(toggle.getAttribute('aria-expanded')).toBe('true');
      expect(toggle.getAttribute('aria-label')).toBe('Hide comments on Joint Calls, FY2026 Q2');
      const thread = find(host, `[data-comments-for="${T2}"] c-plan-comments`);
      // The thread opens right under its target's row, across the table, and the button reads as pressed.
      expect(row(host, T2).nextElementSibling?.getAttribute('data-comments-for')).toBe(T2);
      expect(thread.closest('td')?.getAttribute('colspan')).toBe('7');
      expect(toggle.className).toContain('slds-button_brand');
      expect(prop(thread, 'targetId')).toBe(T2);
      expect(prop(thread, 'recordId')).toBe(PLAN_ID);
      expect(prop(thread, 'compact')).toBe(true);
      await click(toggle);
      expect(findAll(host, `[data-comments-for="${T2}"] c-plan-comments`)).toHaveLength(0);
    });

    it('is read only once accepted, and says who accepted it for the partner', async () => {
      const { host } = await renderPortal({
        plan: {
          status: 'Accepted',
          version: 2,
          acceptedById: USERS.me.id,
          acceptedByName: 'Dana Reyes',
          acceptedByContactId: id('003', 1),
          acceptedByContactName: 'Dana Reyes',
          acceptedOn: '2026-05-20T17:00:00.000Z',
        },
      });
      expect(findAll(host, '[data-id="accept"]')).toHaveLength(0);
      expect(findAll(host, '[data-id="request-changes"]')).toHaveLength(0);
      expect(text(host, 'read-only')).toBe(
        'This plan is not waiting for your review, so it is read only. Comments stay open.',
      );
      expect(text(host, 'accepted')).toBe('Accepted by Dana Reyes (partner) on May 20, 2026, 10:00 AM');
      await expect(host).toBeAccessible();
    });

    it("shows the partner's change request while the plan is in revision", async () => {
      const { host } = await renderPortal({
        plan: {
          status: 'In Revision',
          changeRequestReason: 'Joint calls are too high for Q2.',
          changesRequestedById: USERS.me.id,
          changesRequestedByName: 'Dana Reyes',
          changesRequestedOn: '2026-05-18T16:30:00.000Z',
        },
      });
      expect(find(host, '[data-id="change-request"]').getAttribute('role')).toBe('status');
      expect(text(host, 'change-request-heading')).toBe('Changes requested by Dana Reyes on May 18, 2026, 9:30 AM');
      expect(text(host, 'change-request-reason')).toBe('Reason: Joint calls are too high for Q2.');
      expect(findAll(host, '[data-id="accept"]')).toHaveLength(0);
    });
  });
});
