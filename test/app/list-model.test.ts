/**
 * The local app's list model (packages/app/shell/modules/shell/listPage/listModel.ts) on UI API shapes: figures
 * right-aligned by the object's data types (a parent's name never), links to the record and its parents, a
 * flag column as a badge, a blank cell's own words, and the list's filters as a sentence.
 */
import {
  filterPhrases,
  rowCells,
  type DisplayColumn,
  type UiRecord,
} from '../../packages/app/shell/modules/shell/listPage/listModel';

const column = (fieldApiName: string, lookupId: string | null = null): DisplayColumn => ({
  fieldApiName,
  label: fieldApiName,
  lookupId,
  sortable: true,
});
const COLUMNS = [
  column('Name', 'Id'),
  column('Account.Name', 'AccountId'),
  column('Owner.Alias', 'OwnerId'),
  column('Amount'),
  column('Days_Since_Last_APR_Action__c'),
  column('APR_Stale__c'),
];
const TYPES = {
  Name: 'String',
  Amount: 'Currency',
  Days_Since_Last_APR_Action__c: 'Double',
  APR_Stale__c: 'Boolean',
  AccountId: 'Reference',
};
const parent = (apiName: string, name: string): UiRecord => ({
  apiName,
  id: '',
  fields: { Name: { value: name, displayValue: null }, Alias: { value: name, displayValue: null } },
});
const record = (days: number | null, stale: boolean): UiRecord => ({
  apiName: 'Opportunity',
  id: '006000000000001AAA',
  fields: {
    Name: { value: 'Orion – Platform FY2026 Q1', displayValue: null },
    AccountId: { value: '001000000000001AAA', displayValue: null },
    Account: { value: parent('Account', 'Orion Foods'), displayValue: 'Orion Foods' },
    OwnerId: { value: '005000000000001AAA', displayValue: null },
    Owner: { value: parent('User', 'ae1'), displayValue: 'ae1' },
    Amount: { value: 20000, displayValue: '$20,000.00' },
    Days_Since_Last_APR_Action__c: { value: days, displayValue: null },
    APR_Stale__c: { value: stale, displayValue: null },
  },
});
const href = (objectApiName: string, id: string): string | null =>
  objectApiName === 'User' ? null : `/${objectApiName.toLowerCase()}/${id}`;
const STYLES = {
  badges: { APR_Stale__c: 'Stale' },
  blanks: { Days_Since_Last_APR_Action__c: 'No action yet' },
};

describe('rowCells', () => {
  it('links the record and its parents, right-aligns figures and shows a true flag as a badge', () => {
    const cells = rowCells(record(20, true), COLUMNS, TYPES, STYLES, href);
    expect(cells.map((c) => [c.key, c.text, c.href, c.badge, c.className])).toEqual([
      ['Name', 'Orion – Platform FY2026 Q1', '/opportunity/006000000000001AAA', false, ''],
      ['Account.Name', 'Orion Foods', '/account/001000000000001AAA', false, ''],
      ['Owner.Alias', 'ae1', null, false, ''],
      ['Amount', '$20,000.00', null, false, 'slds-text-align_right'],
      ['Days_Since_Last_APR_Action__c', '20', null, false, 'slds-text-align_right'],
      ['APR_Stale__c', 'Stale', null, true, ''],
    ]);
  });

  it('says what a blank cell means, and draws nothing for a false flag', () => {
    const cells = rowCells(record(null, false), COLUMNS, TYPES, STYLES, href);
    expect(cells[4]).toMatchObject({ text: 'No action yet', className: 'slds-text-align_right slds-text-color_weak' });
    expect(cells[5]).toMatchObject({ text: '', badge: false });
  });

  it('shows a percent field with its sign (the API gives the number only)', () => {
    const attainment = { ...column('Overall_Attainment__c'), label: 'Overall Attainment' };
    const plan: UiRecord = {
      apiName: 'Partner_Account_Plan__c',
      id: 'a01000000000001AAA',
      fields: { Overall_Attainment__c: { value: 76.94, displayValue: null } },
    };
    const [cell] = rowCells(plan, [attainment], { Overall_Attainment__c: 'Percent' }, {}, href);
    expect(cell).toMatchObject({ text: '76.94%', className: 'slds-text-align_right' });
  });

  it('aligns nothing right before the field types are known', () => {
    const cells = rowCells(record(3, false), COLUMNS, {}, STYLES, href);
    expect(cells.map((c) => c.className)).toEqual(['', '', '', '', '', '']);
    expect(cells[3].text).toBe('$20,000.00');
    expect(cells[4].text).toBe('3');
  });
});

describe('filterPhrases', () => {
  it('words each filter: checkbox operands as true or false, no operand as blank', () => {
    expect(
      filterPhrases(
        [
          { fieldApiName: 'IsClosed', label: 'Closed', operandLabels: ['0'], operator: 'Equals' },
          {
            fieldApiName: 'Partner_Account__r.Name',
            label: 'Partner Account',
            operandLabels: [''],
            operator: 'NotEqual',
          },
          {
            fieldApiName: 'StageName',
            label: 'Stage',
            operandLabels: ['Prospecting', 'Qualification'],
            operator: 'Equals',
          },
          { fieldApiName: 'Amount', label: 'Amount', operandLabels: ['1000'], operator: 'GreaterOrEqual' },
        ],
        { IsClosed: 'Boolean', StageName: 'Picklist', Amount: 'Currency' },
      ),
    ).toEqual([
      'Closed is false',
      'Partner Account is not blank',
      'Stage is Prospecting or Qualification',
      'Amount is at least 1000',
    ]);
  });
});
