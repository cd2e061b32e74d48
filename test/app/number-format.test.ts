/**
 * Numbers in the local app's record and list pages as Lightning shows a number or percent field: in its metadata
 * scale, trailing zeros included (a percent of scale 2 reads 80.00%), grouped for en-US; the record page's field
 * views carry the scale the layout describe gives, and the list page's cells the one Object Info gives. The
 * attainment fields keep scale 2 (the rollup computes, stores and compares them to the hundredth).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scaledNumber, scaledPercent } from '../../packages/app/platform/numbers';
import { cellText, rowCells, type DisplayColumn } from '../../packages/app/shell/modules/shell/listPage/listModel';
import { formatValue, sectionViews } from '../../packages/app/shell/modules/shell/recordPage/recordView';
import { REPO_ROOT } from '../../packages/model';

describe('a number in its scale', () => {
  it('shows exactly the scale decimals, rounded half up, grouped', () => {
    expect(scaledPercent(80, 2)).toBe('80.00%');
    expect(scaledPercent(77.8, 2)).toBe('77.80%');
    expect(scaledPercent(83.33, 2)).toBe('83.33%');
    expect(scaledPercent(77.8, 1)).toBe('77.8%');
    expect(scaledPercent(12.5, 0)).toBe('13%');
    expect(scaledNumber(1234.5, 2)).toBe('1,234.50');
    expect(scaledNumber(1234, 0)).toBe('1,234');
  });

  it('without a scale, up to three decimals and no trailing zeros', () => {
    expect(scaledPercent(76.94)).toBe('76.94%');
    expect(scaledNumber(1234.5)).toBe('1,234.5');
    expect(scaledNumber(2, null)).toBe('2');
  });
});

describe('the record page', () => {
  const details = (name: string, type: string, scale: number) => ({
    name,
    type,
    label: name,
    relationshipName: null,
    referenceTo: [],
    scale,
  });

  it("keeps a number or percent field's scale from the layout describe, and shows its value in it", () => {
    const [section] = sectionViews([
      {
        heading: 'Figures',
        useHeading: true,
        columns: 2,
        layoutRows: [
          {
            layoutItems: [
              {
                label: 'Attainment',
                layoutComponents: [{ type: 'Field', details: details('Attainment__c', 'percent', 2) }],
              },
              { label: 'Days', layoutComponents: [{ type: 'Field', details: details('Days__c', 'double', 0) }] },
              { label: 'Name', layoutComponents: [{ type: 'Field', details: details('Name', 'string', 0) }] },
            ],
          },
        ],
      },
    ]);
    const [attainment, days, name] = section.rows[0].cells.map((c) => c.field);
    expect(attainment?.scale).toBe(2);
    expect(days?.scale).toBe(0);
    expect(name?.scale).toBeUndefined();
    expect(formatValue(80, 'percent', attainment?.scale)).toBe('80.00%');
    expect(formatValue(77.78, 'percent', attainment?.scale)).toBe('77.78%');
    expect(formatValue(1234, 'double', days?.scale)).toBe('1,234');
    expect(formatValue('Plan 7', 'string', name?.scale)).toBe('Plan 7');
  });
});

describe('the list page', () => {
  const attainment: DisplayColumn = {
    fieldApiName: 'Attainment__c',
    label: 'Attainment',
    lookupId: null,
    sortable: true,
  };

  it("shows a percent or number cell in its field's scale from Object Info", () => {
    const record = {
      apiName: 'Plan_Target__c',
      id: 'a03000000000001AAA',
      fields: { Attainment__c: { value: 80, displayValue: null } },
    };
    const [cell] = rowCells(record, [attainment], { Attainment__c: 'Percent' }, {}, () => null, { Attainment__c: 2 });
    expect(cell.text).toBe('80.00%');
    expect(cellText({ value: 12, displayValue: null }, 'Double', 0)).toBe('12');
    // The UI API's display value (a currency's) is shown as given.
    expect(cellText({ value: 21000, displayValue: '$21,000.00' }, 'Currency', 2)).toBe('$21,000.00');
  });
});

describe("the attainment fields' metadata", () => {
  it('keeps the hundredth the rollup computes (scale 2), the review snapshot a tenth', () => {
    const scaleOf = (object: string, field: string): string | undefined =>
      /<scale>(\d+)<\/scale>/.exec(
        readFileSync(
          join(REPO_ROOT, 'force-app/main/default/objects', object, 'fields', `${field}.field-meta.xml`),
          'utf8',
        ),
      )?.[1];
    expect(scaleOf('Plan_Target__c', 'Attainment__c')).toBe('2');
    expect(scaleOf('Plan_Section__c', 'Weighted_Attainment__c')).toBe('2');
    expect(scaleOf('Partner_Account_Plan__c', 'Overall_Attainment__c')).toBe('2');
    expect(scaleOf('Plan_Review__c', 'Overall_Attainment__c')).toBe('1');
  });
});
