import ErrorList from 'c/errorList';
import { find, findAll, flushPromises, mount, textOf } from '@lwc-test/render';

describe('c-error-list', () => {
  it('lists every message in one alert, in order', async () => {
    const host = mount('c-error-list', ErrorList, { messages: ['Enter a section name.', 'Storage limit exceeded'] });
    await flushPromises();
    expect(find(host, '[role="alert"]').classList.contains('slds-theme_error')).toBe(true);
    expect(findAll(host, 'li').map(textOf)).toEqual(['Enter a section name.', 'Storage limit exceeded']);
  });

  it('shows new messages when its owner replaces them', async () => {
    const host = mount<HTMLElement & { messages: string[] }>('c-error-list', ErrorList, { messages: ['First'] });
    await flushPromises();
    host.messages = ['Second', 'Third'];
    await flushPromises();
    expect(findAll(host, 'li').map(textOf)).toEqual(['Second', 'Third']);
  });

  it('is accessible', async () => {
    const host = mount('c-error-list', ErrorList, { messages: ['Unable to lock row'] });
    await flushPromises();
    await expect(host).toBeAccessible();
  });
});
