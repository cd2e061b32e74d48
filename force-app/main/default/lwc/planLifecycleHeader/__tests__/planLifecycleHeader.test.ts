/** c-plan-lifecycle-header: the lifecycle path, the version and the buttons the plan's status allows. */
import PlanLifecycleHeader from 'c/planLifecycleHeader';
import type { PlanHeader } from 'c/planData';
import { buttonByLabel, click, find, findAll, flushPromises, mount, prop, textOf } from '@lwc-test/render';
import { PICKLISTS, PLAN_ID, USERS } from '@lwc-test/fixtures';

const plan = (patch: Partial<PlanHeader> = {}): PlanHeader => ({
  id: PLAN_ID,
  name: 'Northwind FY2026',
  partnerAccountId: null,
  partnerName: 'Northwind Partners',
  status: 'Draft',
  periodStart: '2026-01-01',
  periodEnd: '2026-12-31',
  fiscalYear: 'FY2026',
  version: 2,
  overallAttainment: 42.5,
  acceptedById: null,
  acceptedByName: null,
  acceptedOn: null,
  ...patch,
});

interface HeaderHost extends HTMLElement {
  plan: PlanHeader | null;
  hint: string | null;
  focusAction(action: string): void;
}

async function renderHeader(props: Record<string, unknown>): Promise<HeaderHost> {
  const host = mount<HeaderHost>('c-plan-lifecycle-header', PlanLifecycleHeader, {
    statusOptions: PICKLISTS.planStatus,
    ...props,
  });
  await flushPromises();
  return host;
}

const text = (host: HTMLElement, dataId: string): string => textOf(find(host, `[data-id="${dataId}"]`));
const buttons = (host: HTMLElement): string[] => findAll(host, 'lightning-button').map((b) => prop(b, 'label'));

describe('c-plan-lifecycle-header', () => {
  it('shows the lifecycle path and the version, and no record header of its own', async () => {
    const host = await renderHeader({ plan: plan() });
    // The record page's highlights panel is the page's one header (name, partner, status, attainment).
    expect(findAll(host, 'h1, .slds-page-header')).toHaveLength(0);
    expect(findAll(host, '[data-id="plan-name"], [data-id="partner"], [data-id="overall-attainment"]')).toHaveLength(0);
    expect(text(host, 'status')).toBe('Current status: Draft');
    expect(find(host, '[data-id="status"]').classList.contains('slds-assistive-text')).toBe(true);
    expect(text(host, 'version')).toBe('v2');
    expect(prop(find(host, 'lightning-progress-indicator'), 'currentStep')).toBe('Draft');
    expect(prop(find(host, 'lightning-progress-indicator'), 'type')).toBe('path');
    expect(findAll(host, 'lightning-progress-step')).toHaveLength(5);
    expect(findAll(host, '[data-id="accepted"]')).toHaveLength(0);
    await expect(host).toBeAccessible();
  });

  it('shows who accepted the plan and when, and a dash for an unknown version', async () => {
    const host = await renderHeader({
      plan: plan({
        status: 'Accepted',
        version: null,
        acceptedById: USERS.pm.id,
        acceptedByName: USERS.pm.name,
        acceptedOn: '2026-05-20T17:00:00.000Z',
      }),
    });
    expect(text(host, 'accepted')).toContain('Priya Mehta');
    expect(text(host, 'accepted')).toContain('May 20, 2026');
    expect(text(host, 'version')).toBe('—');
    await expect(host).toBeAccessible();
  });

  it("says a partner user's acceptance was the partner's, naming their contact", async () => {
    const host = await renderHeader({
      plan: plan({
        status: 'Accepted',
        acceptedById: USERS.me.id,
        acceptedByName: 'Dana Reyes (portal user)',
        acceptedByContactId: '003000000000001AAA',
        acceptedByContactName: 'Dana Reyes',
        acceptedOn: '2026-05-20T17:00:00.000Z',
      }),
    });
    expect(text(host, 'accepted')).toBe('Accepted by Dana Reyes (partner) on May 20, 2026, 10:00 AM');
  });

  it.each([
    ['Draft', ['Submit for Partner Review']],
    ['In Revision', ['Submit for Partner Review']],
    ['Partner Review', ['Mark Accepted']],
    ['Accepted', ['Activate', 'Revise']],
    ['Active', ['Close plan', 'Revise']],
    ['Closed', []],
  ])('offers the lifecycle action a %s plan allows', async (status, labels) => {
    const host = await renderHeader({ plan: plan({ status: status as PlanHeader['status'] }) });
    expect(buttons(host)).toEqual(labels);
  });

  it('disables the actions its owner blocks and shows the owner hint', async () => {
    const host = await renderHeader({
      plan: plan({ status: 'Draft' }),
      submitDisabled: true,
      hint: 'Save or discard your changes before changing the plan status.',
    });
    expect(prop(find(host, '[data-id="submit"]'), 'disabled')).toBe(true);
    expect(text(host, 'lifecycle-hint')).toBe('Save or discard your changes before changing the plan status.');
    await expect(host).toBeAccessible();
  });

  it.each([
    ['Draft', 'submit', 'submitforreview'],
    ['Partner Review', 'accept', 'markaccepted'],
    ['Active', 'revise', 'revise'],
    ['Accepted', 'activate', 'activate'],
    ['Active', 'close', 'closeplan'],
  ])('a %s plan fires %s as %s', async (status, dataId, eventName) => {
    const host = await renderHeader({ plan: plan({ status: status as PlanHeader['status'] }) });
    const fired: string[] = [];
    for (const name of ['submitforreview', 'markaccepted', 'revise', 'activate', 'closeplan'])
      host.addEventListener(name, () => fired.push(name));
    await click(find(host, `[data-id="${dataId}"]`));
    expect(fired).toEqual([eventName]);
  });

  it('disables Activate and Close as its owner says, with the hint explaining why', async () => {
    const host = await renderHeader({
      plan: plan({ status: 'Accepted' }),
      activateDisabled: true,
      hint: "Activates on Feb 1, 2027, when the plan's period starts.",
    });
    expect(prop(find(host, '[data-id="activate"]'), 'disabled')).toBe(true);
    expect(text(host, 'lifecycle-hint')).toBe("Activates on Feb 1, 2027, when the plan's period starts.");
    await expect(host).toBeAccessible();
    host.plan = plan({ status: 'Active' });
    (host as HeaderHost & { closeDisabled: boolean }).closeDisabled = false;
    await flushPromises();
    expect(findAll(host, '[data-id="activate"]')).toHaveLength(0);
    expect(prop(find(host, '[data-id="close"]'), 'disabled')).toBe(false);
  });

  it('labels the path with the picklist labels and focuses an action when asked', async () => {
    const focus = jest.spyOn(HTMLElement.prototype, 'focus');
    const host = await renderHeader({
      plan: plan({ status: 'In Revision' }),
      statusOptions: [{ value: 'In Revision', label: 'In Überarbeitung' }],
    });
    expect(text(host, 'status')).toBe('Current status: In Überarbeitung');
    expect(findAll(host, 'lightning-progress-step').map((s) => prop(s, 'value'))).toEqual([
      'Draft',
      'In Revision',
      'Partner Review',
      'Accepted',
      'Active',
      'Closed',
    ]);
    host.focusAction('submit');
    expect(focus.mock.contexts.at(-1)).toBe(buttonByLabel(host, 'Submit for Partner Review'));
    focus.mockRestore();
  });
});
