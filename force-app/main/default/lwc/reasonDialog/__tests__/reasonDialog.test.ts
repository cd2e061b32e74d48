/** c-reason-dialog: the LightningModal that asks why targets change, opened as the plan editor opens it. */
import ReasonDialog, { type ReasonPurpose, type ReasonSubmit } from 'c/reasonDialog';
import { changeValue, click, deferred, find, flushPromises, prop, settle, textOf } from '@lwc-test/render';
import { openModals } from '@lwc-test/modal';

/** Opens the dialog as the editor does; returns the pending result and the modal's host. */
async function openDialog(
  purpose: ReasonPurpose,
  options: { value?: string; submitReason?: ReasonSubmit } = {},
): Promise<{ result: Promise<unknown>; dialog: HTMLElement }> {
  const label = purpose === 'save' ? 'Why are these targets changing?' : 'Revise the plan';
  const result = ReasonDialog.open({ label, size: 'small', purpose, ...options });
  await flushPromises();
  const [dialog] = openModals();
  return { result, dialog };
}

describe('c-reason-dialog', () => {
  it('asks why the plan is revised, with the reason first in focus, as an accessible dialog', async () => {
    const focus = jest.spyOn(HTMLElement.prototype, 'focus');
    const { dialog } = await openDialog('revise');
    expect(dialog.getAttribute('role')).toBe('dialog');
    expect(dialog.getAttribute('aria-label')).toBe('Revise the plan');
    expect(prop(find(dialog, 'lightning-modal-header'), 'label')).toBe('Revise the plan');
    expect(textOf(find(dialog, '[data-id="reason-help"]'))).toContain('Revising reopens the accepted plan');
    expect(prop(find(dialog, '[data-id="reason-confirm"]'), 'label')).toBe('Start revision');
    const reason = find(dialog, '[data-id="reason-input"]');
    expect(prop(reason, 'required')).toBe(true);
    expect(prop(reason, 'maxLength')).toBe(255);
    expect(focus.mock.contexts.at(-1)).toBe(reason);
    focus.mockRestore();
    await expect(dialog).toBeAccessible();
  });

  it('asks for the reason of a save, starting from the reason given earlier', async () => {
    const { dialog, result } = await openDialog('save', { value: 'Q1 reset' });
    expect(prop(find(dialog, '[data-id="reason-input"]'), 'value')).toBe('Q1 reset');
    expect(prop(find(dialog, '[data-id="reason-confirm"]'), 'label')).toBe('Save changes');
    await click(find(dialog, '[data-id="reason-confirm"]'));
    await expect(result).resolves.toBe('Q1 reset');
    expect(openModals()).toHaveLength(0);
  });

  it('needs a reason: a blank one is refused with an alert and nothing is submitted', async () => {
    const submitReason = jest.fn(async () => null);
    const { dialog } = await openDialog('revise', { submitReason });
    await changeValue(find(dialog, '[data-id="reason-input"]'), '   ');
    await click(find(dialog, '[data-id="reason-confirm"]'));
    const error = find(dialog, '[data-id="reason-error"]');
    expect(error.getAttribute('role')).toBe('alert');
    expect(textOf(error)).toBe('Enter a reason.');
    expect(submitReason).not.toHaveBeenCalled();
    await expect(dialog).toBeAccessible();
    // Typing again clears the message.
    await changeValue(find(dialog, '[data-id="reason-input"]'), 'New distributor');
    expect(dialog.shadowRoot?.querySelector('[data-id="reason-error"]')).toBeNull();
  });

  it('submits the trimmed reason, stays busy and closable only when done, and resolves with it', async () => {
    const pending = deferred<string | null>();
    const submitReason = jest.fn(() => pending.promise);
    const { dialog, result } = await openDialog('revise', { submitReason });
    await changeValue(find(dialog, '[data-id="reason-input"]'), '  Partner lost two sales reps  ');
    await click(find(dialog, '[data-id="reason-confirm"]'));
    expect(submitReason).toHaveBeenCalledWith('Partner lost two sales reps');
    expect(prop(find(dialog, '[data-id="reason-confirm"]'), 'disabled')).toBe(true);
    expect(prop(find(dialog, '[data-id="reason-cancel"]'), 'disabled')).toBe(true);
    // Escape does nothing while the reason is being submitted.
    dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(openModals()).toEqual([dialog]);
    pending.resolve(null);
    await settle();
    await expect(result).resolves.toBe('Partner lost two sales reps');
    expect(openModals()).toHaveLength(0);
  });

  it('stays open with the message when the submit fails, and can still be cancelled', async () => {
    const submitReason = jest.fn(async () => 'Record is locked by the quarterly rollup.');
    const { dialog, result } = await openDialog('revise', { submitReason });
    await changeValue(find(dialog, '[data-id="reason-input"]'), 'New distributor');
    await click(find(dialog, '[data-id="reason-confirm"]'));
    await settle();
    expect(textOf(find(dialog, '[data-id="reason-error"]'))).toBe('Record is locked by the quarterly rollup.');
    expect(prop(find(dialog, '[data-id="reason-confirm"]'), 'disabled')).toBe(false);
    await click(find(dialog, '[data-id="reason-cancel"]'));
    await expect(result).resolves.toBeUndefined();
    expect(openModals()).toHaveLength(0);
  });
});
