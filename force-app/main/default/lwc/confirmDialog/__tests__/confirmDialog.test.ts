/** c-confirm-dialog: the LightningModal that confirms a lifecycle step, opened as the plan editor opens it. */
import ConfirmDialog from 'c/confirmDialog';
import { click, find, flushPromises, prop, textOf } from '@lwc-test/render';
import { openModals } from '@lwc-test/modal';

async function openDialog(
  options: { confirmVariant?: 'brand' | 'destructive' } = {},
): Promise<{ result: Promise<unknown>; dialog: HTMLElement }> {
  const result = ConfirmDialog.open({
    label: 'Accept this plan?',
    size: 'small',
    message: 'The values of all 3 targets become their baseline.',
    confirmLabel: 'Accept Plan',
    ...options,
  });
  await flushPromises();
  const [dialog] = openModals();
  return { result, dialog };
}

describe('c-confirm-dialog', () => {
  it('asks the question in a neutral header, says what happens, and names its button by the action', async () => {
    const { dialog } = await openDialog();
    expect(dialog.getAttribute('role')).toBe('dialog');
    expect(dialog.getAttribute('aria-label')).toBe('Accept this plan?');
    expect(prop(find(dialog, 'lightning-modal-header'), 'label')).toBe('Accept this plan?');
    expect(textOf(find(dialog, '[data-id="confirm-message"]'))).toBe(
      'The values of all 3 targets become their baseline.',
    );
    const ok = find(dialog, '[data-id="confirm-ok"]');
    expect(prop(ok, 'label')).toBe('Accept Plan');
    expect(prop(ok, 'variant')).toBe('brand');
    expect(prop(find(dialog, '[data-id="confirm-cancel"]'), 'label')).toBe('Cancel');
    // No warning theme: a confirmation is not an alert.
    expect(dialog.shadowRoot?.querySelector('.slds-theme_warning')).toBeNull();
    await expect(dialog).toBeAccessible();
  });

  it('resolves true when the action is confirmed', async () => {
    const { dialog, result } = await openDialog();
    await click(find(dialog, '[data-id="confirm-ok"]'));
    await expect(result).resolves.toBe(true);
    expect(openModals()).toHaveLength(0);
  });

  it('resolves undefined on Cancel and on Escape', async () => {
    const first = await openDialog();
    await click(find(first.dialog, '[data-id="confirm-cancel"]'));
    await expect(first.result).resolves.toBeUndefined();
    const second = await openDialog();
    second.dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await expect(second.result).resolves.toBeUndefined();
    expect(openModals()).toHaveLength(0);
  });

  it('shows a destructive action as one', async () => {
    const { dialog } = await openDialog({ confirmVariant: 'destructive' });
    expect(prop(find(dialog, '[data-id="confirm-ok"]'), 'variant')).toBe('destructive');
  });
});
