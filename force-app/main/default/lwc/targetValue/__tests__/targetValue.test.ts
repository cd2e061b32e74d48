/** c-target-value: a target's value, read as "Not started" when withheld before the target's period. */
import TargetValue from 'c/targetValue';
import { find, flushPromises, mount, resetDom, shadow, textOf } from '@lwc-test/render';

interface ValueHost extends HTMLElement {
  text?: string;
  withheld?: boolean;
}

describe('c-target-value', () => {
  afterEach(() => resetDom());

  it('shows the value as it is, to everyone', async () => {
    const host = mount<ValueHost>('c-target-value', TargetValue, { text: '$100,000' });
    await flushPromises();
    expect(textOf(shadow(host) as unknown as Element)).toBe('$100,000');
    expect(shadow(host).querySelector('[aria-hidden="true"]')).toBeNull();
    expect(shadow(host).querySelector('.slds-assistive-text')).toBeNull();
    await expect(host).toBeAccessible();
  });

  it('hides a withheld placeholder from screen readers and says "Not started"', async () => {
    const host = mount<ValueHost>('c-target-value', TargetValue, { text: '—', withheld: true });
    await flushPromises();
    expect(textOf(find(host, '[aria-hidden="true"]'))).toBe('—');
    expect(textOf(find(host, '.slds-assistive-text'))).toBe('Not started');
    await expect(host).toBeAccessible();
  });
});
