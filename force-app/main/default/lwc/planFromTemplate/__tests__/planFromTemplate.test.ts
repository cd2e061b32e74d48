/** c-plan-from-template: the partner account's "New plan from template" card. */
import PlanFromTemplate from 'c/planFromTemplate';
import { PLAN_TEMPLATES_QUERY } from 'c/planData';
import { click, find, flushPromises, mount, prop, settle, shadow, textOf } from '@lwc-test/render';
import { openModals } from '@lwc-test/modal';
import { emitObjectInfo, emitRecord, emitRecordError, navigate } from '@lwc-test/platform';
import { ACCOUNT_ID, accountRecord } from '@lwc-test/yearFixtures';

/** Closes the modal as its own buttons would, with a result. */
const closeDialog = (dialog: HTMLElement, result: unknown): void =>
  prop<(this: HTMLElement, r: unknown) => void>(dialog, 'close').call(dialog, result);

async function render(options: { type?: string | null; createable?: boolean } = {}): Promise<HTMLElement> {
  const host = mount('c-plan-from-template', PlanFromTemplate, { recordId: ACCOUNT_ID });
  await flushPromises();
  emitRecord(accountRecord({ type: options.type }));
  emitObjectInfo('Partner_Account_Plan__c', { editable: options.createable ?? true });
  await settle();
  return host;
}

describe('c-plan-from-template', () => {
  it('offers a new plan from a template on a partner account, accessibly', async () => {
    const host = await render();
    expect(textOf(find(host, 'lightning-card [data-id="help"]'))).toContain(
      'from the template for this partner’s tier',
    );
    expect(prop(find(host, 'lightning-card'), 'title')).toBe('Plans');
    expect(prop(find(host, '[data-id="new-plan"]'), 'label')).toBe('New plan from template');
    await expect(host).toBeAccessible();
  });

  it('opens the template dialog for the account and then the plan it created', async () => {
    const host = await render();
    await click(find(host, '[data-id="new-plan"]'));
    const [dialog] = openModals();
    expect(dialog.getAttribute('aria-label')).toBe('New plan from template');
    expect(prop(dialog, 'accountId')).toBe(ACCOUNT_ID);
    expect(prop(find(host, '[data-id="new-plan"]'), 'disabled')).toBe(true);
    closeDialog(dialog, { planId: 'a01000000000042AAA' });
    await flushPromises();
    expect(navigate).toHaveBeenCalledWith(
      {
        type: 'standard__recordPage',
        attributes: { recordId: 'a01000000000042AAA', objectApiName: 'Partner_Account_Plan__c', actionName: 'view' },
      },
      undefined,
    );
    expect(prop(find(host, '[data-id="new-plan"]'), 'disabled')).toBe(false);
  });

  it('does not navigate when the dialog is cancelled', async () => {
    const host = await render();
    await click(find(host, '[data-id="new-plan"]'));
    const [dialog] = openModals();
    closeDialog(dialog, undefined);
    await flushPromises();
    expect(navigate).not.toHaveBeenCalled();
    expect(PLAN_TEMPLATES_QUERY).toBeDefined();
  });

  it('shows nothing on an account that is not a partner, or to users who cannot create plans', async () => {
    const customer = await render({ type: null });
    expect(shadow(customer).querySelector('lightning-card')).toBeNull();
    const readOnly = await render({ createable: false });
    expect(shadow(readOnly).querySelector('lightning-card')).toBeNull();
  });

  it('shows nothing when the account cannot be read', async () => {
    const host = mount('c-plan-from-template', PlanFromTemplate, { recordId: ACCOUNT_ID });
    emitRecordError(ACCOUNT_ID);
    emitObjectInfo('Partner_Account_Plan__c');
    await settle();
    expect(shadow(host).querySelector('lightning-card')).toBeNull();
    await expect(host).toBeAccessible();
  });
});
