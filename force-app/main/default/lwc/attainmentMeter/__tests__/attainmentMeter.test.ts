/** c-attainment-meter: a target's attainment as a bar and its text, read as "Not started" before its period. */
import AttainmentMeter from 'c/attainmentMeter';
import { flushPromises, mount, prop, resetDom, textOf } from '@lwc-test/render';
import { deepText, find, findAll } from '@lwc-test/deep';

interface MeterHost extends HTMLElement {
  value?: number;
  text?: string;
  notStarted?: boolean;
}

describe('c-attainment-meter', () => {
  afterEach(() => resetDom());

  it('shows the bar at its value and the attainment text, read as shown', async () => {
    const host = mount<MeterHost>('c-attainment-meter', AttainmentMeter, { value: 40, text: '40%' });
    await flushPromises();
    expect(prop(find(host, 'lightning-progress-bar'), 'value')).toBe(40);
    expect(deepText(find(host, '[data-id="text"]'))).toBe('40%');
    expect(findAll(host, '[aria-hidden="true"], .slds-assistive-text')).toEqual([]);
    await expect(host).toBeAccessible();
  });

  it('hides the placeholder from screen readers and says "Not started" before the period begins', async () => {
    const host = mount<MeterHost>('c-attainment-meter', AttainmentMeter, { value: 0, text: '—', notStarted: true });
    await flushPromises();
    expect(prop(find(host, 'lightning-progress-bar'), 'value')).toBe(0);
    expect(textOf(find(host, '[aria-hidden="true"]'))).toBe('—');
    expect(textOf(find(host, '.slds-assistive-text'))).toBe('Not started');
    await expect(host).toBeAccessible();
  });

  it('follows its properties when the row changes', async () => {
    const host = mount<MeterHost>('c-attainment-meter', AttainmentMeter, { value: 0, text: '—', notStarted: true });
    await flushPromises();
    Object.assign(host, { value: 75, text: '75%', notStarted: false });
    await flushPromises();
    expect(prop(find(host, 'lightning-progress-bar'), 'value')).toBe(75);
    expect(deepText(find(host, '[data-id="text"]'))).toBe('75%');
    expect(findAll(host, '.slds-assistive-text')).toEqual([]);
  });
});
