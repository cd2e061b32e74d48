import SectionForm from 'c/sectionForm';
import { changeValue, click, errorMessages, find, findAll, flushPromises, mount, prop, textOf } from '@lwc-test/render';

const TYPES = [
  { label: 'Marketing', value: 'Marketing' },
  { label: 'Custom', value: 'Custom' },
];

/** A mounted form with the events it dispatched, in order. */
async function renderForm(props: Record<string, unknown> = {}) {
  const host = mount('c-section-form', SectionForm, {
    name: 'Marketing',
    sectionType: 'Marketing',
    summary: 'Two campaigns a quarter',
    typeOptions: TYPES,
    ...props,
  });
  const events: [string, unknown][] = [];
  for (const type of ['fieldchange', 'cancel', 'save'])
    host.addEventListener(type, (event) => events.push([type, (event as CustomEvent).detail ?? null]));
  await flushPromises();
  return { host, events };
}

describe('c-section-form', () => {
  it('shows the values it is given, with the section types to choose from', async () => {
    const { host } = await renderForm();
    expect(prop(find(host, '[data-field="name"]'), 'value')).toBe('Marketing');
    expect(prop(find(host, '[data-field="name"]'), 'required')).toBe(true);
    expect(prop(find(host, '[data-field="sectionType"]'), 'value')).toBe('Marketing');
    expect(prop(find(host, '[data-field="sectionType"]'), 'options')).toEqual(TYPES);
    expect(prop(find(host, '[data-field="summary"]'), 'value')).toBe('Two campaigns a quarter');
    expect(findAll(host, '[data-id="section-form-errors"]')).toHaveLength(0);
  });

  it('reports each change with its field and leaves the values to its owner', async () => {
    const { host, events } = await renderForm();
    await changeValue(find(host, '[data-field="name"]'), 'Joint investment');
    await changeValue(find(host, '[data-field="sectionType"]'), 'Custom');
    await changeValue(find(host, '[data-field="summary"]'), 'MDF');
    expect(events).toEqual([
      ['fieldchange', { field: 'name', value: 'Joint investment' }],
      ['fieldchange', { field: 'sectionType', value: 'Custom' }],
      ['fieldchange', { field: 'summary', value: 'MDF' }],
    ]);
  });

  it('asks its owner to cancel or to save', async () => {
    const { host, events } = await renderForm();
    await click(find(host, 'lightning-button:not([data-id="save-section"])'));
    await click(find(host, '[data-id="save-section"]'));
    expect(events.map(([type]) => type)).toEqual(['cancel', 'save']);
  });

  it('shows the messages of the last save as an alert, and disables its buttons while its owner saves', async () => {
    const { host } = await renderForm({ messages: ['Enter a section name.', 'Storage limit exceeded'], busy: true });
    expect(errorMessages(host, '[data-id="section-form-errors"]')).toEqual([
      'Enter a section name.',
      'Storage limit exceeded',
    ]);
    for (const button of findAll(host, 'lightning-button')) expect(prop(button, 'disabled')).toBe(true);
  });

  it('is boxed under a heading for a new section, and inline without one', async () => {
    const added = await renderForm({ heading: 'New section', name: '', sectionType: 'Custom', summary: '' });
    expect(textOf(find(added.host, 'h3'))).toBe('New section');
    expect(find(added.host, '[data-id="section-form"]').classList.contains('slds-box')).toBe(true);
    const edited = await renderForm();
    expect(findAll(edited.host, 'h3')).toHaveLength(0);
    expect(find(edited.host, '[data-id="section-form"]').classList.contains('slds-box')).toBe(false);
  });

  it('is accessible with a heading and messages', async () => {
    const { host } = await renderForm({ heading: 'New section', messages: ['Enter a section name.'] });
    await expect(host).toBeAccessible();
  });
});
