/**
 * The local app's toasts (packages/app/shell/modules/shell/app/toasts.ts), as Lightning Experience shows
 * them: stacked newest first, three at a time, each with its live-region role, a close button unless it is
 * a pester toast, and gone after 5 seconds unless sticky.
 */
import {
  MAX_TOASTS,
  TOAST_MILLIS,
  counted,
  dropToast,
  pushToast,
  toastLifetime,
  toastOf,
  toastView,
  visibleToasts,
  type Toast,
} from '../../packages/app/shell/modules/shell/app/toasts';

const stackOf = (count: number): Toast[] => {
  let stack: Toast[] = [];
  for (let id = 1; id <= count; id++) stack = pushToast(stack, toastOf(id, { message: `toast ${id}` }));
  return stack;
};

describe('toasts', () => {
  it('stack newest first, three at a time; the next waits until one goes', () => {
    const stack = stackOf(4);
    expect(MAX_TOASTS).toBe(3);
    expect(visibleToasts(stack).map((t) => t.id)).toEqual([4, 3, 2]);
    expect(visibleToasts(dropToast(stack, 3)).map((t) => t.id)).toEqual([4, 2, 1]);
  });

  it('default to an info toast the user may close, gone after 5 seconds', () => {
    const toast = toastOf(1, { title: 'Saved', message: 'The plan is saved.' });
    expect(toast).toEqual({
      id: 1,
      title: 'Saved',
      message: 'The plan is saved.',
      variant: 'info',
      mode: 'dismissible',
    });
    expect(toastLifetime(toast)).toBe(TOAST_MILLIS);
    expect(TOAST_MILLIS).toBe(5000);
    expect(toastView(toast)).toMatchObject({ role: 'status', closable: true, icon: 'utility:info' });
    // An unknown variant or mode is the default one, as on the platform.
    expect(toastOf(2, { message: 'x', variant: 'loud', mode: 'forever' })).toMatchObject({
      variant: 'info',
      mode: 'dismissible',
    });
  });

  it.each([
    ['success', 'status'],
    ['info', 'status'],
    ['warning', 'alert'],
    ['error', 'alert'],
  ])('read a %s toast as a %s, in its theme', (variant, role) => {
    const view = toastView(toastOf(1, { message: 'x', variant }));
    expect(view.role).toBe(role);
    expect(view.className).toBe(`slds-notify slds-notify_toast slds-theme_${variant}`);
  });

  it('keep a sticky toast until it is closed, and give a pester toast no close button', () => {
    const sticky = toastOf(1, { message: 'The rollup failed.', variant: 'error', mode: 'sticky' });
    expect(toastLifetime(sticky)).toBeNull();
    expect(toastView(sticky).closable).toBe(true);
    const pester = toastOf(2, { message: 'x', mode: 'pester' });
    expect(toastLifetime(pester)).toBe(TOAST_MILLIS);
    expect(toastView(pester).closable).toBe(false);
  });

  it('count in words that agree with the number', () => {
    expect(counted(1, 'value')).toBe('1 value');
    expect(counted(0, 'value')).toBe('0 values');
    expect(counted(1250, 'target')).toBe('1,250 targets');
  });
});
