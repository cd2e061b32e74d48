/** c-target-split-dialog: the LightningModal that splits a year target into quarters or months by a seasonal profile. */
import TargetSplitDialog, { type SplitChoice, type SplitSubmit } from 'c/targetSplitDialog';
import { SEASONAL_PROFILES_QUERY, type SeasonalProfilesData } from 'c/planData';
import { fiscalPeriods } from 'c/planInsights';
import { standardPlanPeriods } from 'c/planYear';
import { changeValue, click, deferred, find, findAll, flushPromises, prop, settle, textOf } from '@lwc-test/render';
import { emitGraphQL, emitGraphQLErrors } from '@lwc-test/platform';
import { openModals } from '@lwc-test/modal';
import { uiapi } from '@lwc-test/fixtures';

const PLAN = { fiscalYear: 'FY2026', periodStart: '2026-01-01' };

const profile = (name: string, label: string, shares: number[], order: number, description: string | null = null) => ({
  Id: `m0${order}`,
  DeveloperName: { value: name },
  MasterLabel: { value: label },
  Q1_Share__c: { value: shares[0] },
  Q2_Share__c: { value: shares[1] },
  Q3_Share__c: { value: shares[2] },
  Q4_Share__c: { value: shares[3] },
  Description__c: { value: description },
  Sort_Order__c: { value: order },
});

const PROFILES: SeasonalProfilesData = uiapi('Seasonal_Profile__mdt', [
  profile('Even', 'Even', [25, 25, 25, 25], 10),
  profile('Back_Loaded', 'Back-loaded', [20, 23, 27, 30], 20, 'Growing through the year.'),
]);

async function openDialog(
  options: {
    value?: number;
    unit?: string;
    into?: 'Quarter' | 'Month';
    profile?: string | null;
    submitSplit?: SplitSubmit;
  } = {},
): Promise<{ result: Promise<unknown>; dialog: HTMLElement }> {
  const result = TargetSplitDialog.open({
    label: 'Split year target',
    size: 'medium',
    targetLabel: 'Closed Won Revenue, FY2026',
    value: options.value ?? 100000,
    unit: options.unit ?? 'Currency',
    currency: 'USD',
    planPeriods: standardPlanPeriods({ start: '2026-01-01', end: '2026-12-31' }),
    periodLabels: fiscalPeriods(PLAN, 'en-US'),
    into: options.into ?? 'Quarter',
    profile: options.profile ?? null,
    submitSplit: options.submitSplit,
  });
  await flushPromises();
  const [dialog] = openModals();
  return { result, dialog };
}

const previewRows = (dialog: HTMLElement): string[][] =>
  findAll(dialog, '[data-id="split-part"]').map((row) => Array.from(row.children).map((cell) => textOf(cell)));

describe('c-target-split-dialog', () => {
  it('previews an even split into quarters, adding up to the year, as an accessible dialog', async () => {
    const { dialog } = await openDialog();
    emitGraphQL(SEASONAL_PROFILES_QUERY, PROFILES);
    await flushPromises();
    expect(dialog.getAttribute('role')).toBe('dialog');
    expect(prop(find(dialog, 'lightning-modal-header'), 'label')).toBe('Split year target');
    expect(prop(find(dialog, '[data-id="split-profile"]'), 'options')).toEqual([
      { value: 'Even', label: 'Even' },
      { value: 'Back_Loaded', label: 'Back-loaded' },
    ]);
    expect(previewRows(dialog)).toEqual([
      ['FY2026 Q1', '$25,000', '25%'],
      ['FY2026 Q2', '$25,000', '25%'],
      ['FY2026 Q3', '$25,000', '25%'],
      ['FY2026 Q4', '$25,000', '25%'],
    ]);
    expect(textOf(find(dialog, '[data-id="split-total"]'))).toBe('$100,000');
    await expect(dialog).toBeAccessible();
  });

  it('splits by a seasonal profile into months, and the parts always add up to the year value typed', async () => {
    const submitSplit = jest.fn(async (_choice: SplitChoice) => null);
    const { dialog, result } = await openDialog({ profile: 'Back_Loaded', submitSplit });
    emitGraphQL(SEASONAL_PROFILES_QUERY, PROFILES);
    await flushPromises();
    expect(textOf(find(dialog, '[data-id="split-profile-help"]'))).toBe('Growing through the year.');
    await changeValue(find(dialog, '[data-id="split-value"]'), '100000.01');
    await changeValue(find(dialog, '[data-id="split-into"]'), 'Month');
    const rows = previewRows(dialog);
    expect(rows).toHaveLength(12);
    expect(rows[0]).toEqual(['FY2026 Jan', '$6,667', '6.7%']);
    expect(textOf(find(dialog, '[data-id="split-total"]'))).toBe('$100,000');
    await click(find(dialog, '[data-id="split-save"]'));
    await settle();
    const choice = submitSplit.mock.calls[0][0];
    expect(choice).toMatchObject({ yearValue: 100000.01, into: 'Month', profile: 'Back_Loaded' });
    expect(choice.parts).toHaveLength(12);
    const total = choice.parts.reduce((sum, p) => sum + Math.round(p.targetValue * 100), 0);
    expect(total).toBe(10000001);
    await expect(result).resolves.toEqual(choice);
    expect(openModals()).toHaveLength(0);
  });

  it('splits a count into whole numbers that add up to the year', async () => {
    const { dialog } = await openDialog({ value: 150, unit: 'Count' });
    emitGraphQL(SEASONAL_PROFILES_QUERY, PROFILES);
    await flushPromises();
    expect(previewRows(dialog).map((row) => row[1])).toEqual(['38', '38', '37', '37']);
    expect(textOf(find(dialog, '[data-id="split-total"]'))).toBe('150');
  });

  it('keeps the dialog open with the message when the save fails, busy while it runs', async () => {
    const pending = deferred<string | null>();
    const { dialog } = await openDialog({ submitSplit: () => pending.promise });
    emitGraphQL(SEASONAL_PROFILES_QUERY, PROFILES);
    await click(find(dialog, '[data-id="split-save"]'));
    expect(prop(find(dialog, '[data-id="split-save"]'), 'disabled')).toBe(true);
    pending.resolve('Target values of an accepted plan cannot change.');
    await settle();
    const error = find(dialog, '[data-id="split-error"]');
    expect(error.getAttribute('role')).toBe('alert');
    expect(textOf(error)).toBe('Target values of an accepted plan cannot change.');
    expect(openModals()).toHaveLength(1);
    await expect(dialog).toBeAccessible();
  });

  it('refuses a year value that is not a number of at least zero, and offers no preview for it', async () => {
    const submitSplit = jest.fn(async () => null);
    const { dialog } = await openDialog({ submitSplit });
    await changeValue(find(dialog, '[data-id="split-value"]'), '-5');
    expect(findAll(dialog, '[data-id="split-preview"]')).toHaveLength(0);
    expect(prop(find(dialog, '[data-id="split-save"]'), 'disabled')).toBe(true);
    expect(submitSplit).not.toHaveBeenCalled();
  });

  it('offers an even split when the profiles cannot be read, and says so', async () => {
    const { dialog } = await openDialog({ profile: 'Back_Loaded' });
    emitGraphQLErrors(SEASONAL_PROFILES_QUERY, ['Insufficient access to Seasonal_Profile__mdt']);
    await flushPromises();
    expect(prop(find(dialog, '[data-id="split-profile"]'), 'options')).toEqual([{ value: 'Even', label: 'Even' }]);
    expect(textOf(find(dialog, '[data-id="split-profiles-error"]'))).toContain('only an even split is offered');
    expect(previewRows(dialog)[0]).toEqual(['FY2026 Q1', '$25,000', '25%']);
    await expect(dialog).toBeAccessible();
  });

  it('resolves undefined when cancelled', async () => {
    const { dialog, result } = await openDialog();
    await click(find(dialog, '[data-id="split-cancel"]'));
    await expect(result).resolves.toBeUndefined();
  });
});
