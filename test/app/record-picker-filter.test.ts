/**
 * The local app's lightning-record-picker (packages/app/platform/recordPicker): its `filter` becomes a SOQL
 * condition as the platform's picker applies it: field paths only as identifiers, values quoted and escaped,
 * filterLogic only of criterion numbers, AND, OR, NOT and parentheses. The component module has LWC
 * decorators, which this project's transform does not parse: the test compiles it with decorators and runs
 * it with stand-ins for `lwc` and the app's REST helper.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { transformSync } from '@swc/core';

interface PickerModule {
  filterCondition(filter: unknown): string;
  pickerQuery(objectApiName: string, filter: unknown): string;
  default: new () => PickerInstance;
}
interface PickerInstance {
  objectApiName: string;
  filter: unknown;
  options: { label: string; value: string }[];
  connectedCallback(): void;
}

const queries: string[] = [];

function loadPicker(): PickerModule {
  const file = join(__dirname, '../../packages/app/platform/recordPicker/recordPicker.ts');
  const { code } = transformSync(readFileSync(file, 'utf8'), {
    filename: file,
    jsc: { target: 'es2022', parser: { syntax: 'typescript', decorators: true } },
    module: { type: 'commonjs' },
  });
  const stubs: Record<string, unknown> = {
    lwc: { LightningElement: class {}, api: () => undefined },
    '../api': {
      query: async (soql: string) => {
        queries.push(soql);
        return [{ Id: '005000000000001AAA', Name: 'Avery Ellis' }];
      },
      soqlString: (value: string) => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`,
    },
  };
  const module = { exports: {} as PickerModule };
  new Function('require', 'module', 'exports', code)((name: string) => stubs[name], module, module.exports);
  return module.exports;
}

const picker = loadPicker();
const AE_FILTER = {
  criteria: [
    { fieldPath: 'IsActive', operator: 'eq', value: true },
    { fieldPath: 'Partner_Planning_Role__c', operator: 'eq', value: 'Account Executive' },
  ],
};

describe('lightning-record-picker filter (local app)', () => {
  it('ANDs the criteria when there is no filterLogic, quoting strings and not booleans', () => {
    expect(picker.filterCondition(AE_FILTER)).toBe(
      "(IsActive = true) AND (Partner_Planning_Role__c = 'Account Executive')",
    );
    expect(picker.pickerQuery('User', AE_FILTER)).toBe(
      "SELECT Id, Name FROM User WHERE (IsActive = true) AND (Partner_Planning_Role__c = 'Account Executive') ORDER BY Name LIMIT 500",
    );
  });

  it('maps each operator, lists and nulls', () => {
    const filter = {
      criteria: [
        { fieldPath: 'Name', operator: 'ne', value: null },
        { fieldPath: 'NumberOfEmployees', operator: 'gte', value: 50 },
        { fieldPath: 'Type', operator: 'in', value: ['Partner', 'Customer'] },
        { fieldPath: 'Owner.Name', operator: 'like', value: 'Av%' },
        { fieldPath: 'CreatedDate', operator: 'lt', value: '2026-01-01' },
        { fieldPath: 'Industry', operator: 'nin', value: ['Retail'] },
      ],
      filterLogic: '1 AND (2 OR NOT 3) and 4 AND 5 AND 6',
    };
    expect(picker.filterCondition(filter)).toBe(
      "(Name != null) AND ((NumberOfEmployees >= 50) OR NOT (Type IN ('Partner', 'Customer'))) AND (Owner.Name LIKE 'Av%') AND (CreatedDate < 2026-01-01) AND (Industry NOT IN ('Retail'))",
    );
  });

  it('escapes quotes and backslashes in values', () => {
    const filter = { criteria: [{ fieldPath: 'Name', operator: 'eq', value: "O'Brien\\' OR Name != '" }] };
    expect(picker.filterCondition(filter)).toBe("(Name = 'O\\'Brien\\\\\\' OR Name != \\'')");
  });

  it.each([
    ['a field path that is not an identifier', { criteria: [{ fieldPath: 'Id) OR (Id', operator: 'eq', value: 1 }] }],
    ['an unknown operator', { criteria: [{ fieldPath: 'Name', operator: 'contains', value: 'x' }] }],
    [
      'filterLogic with other words',
      { criteria: [{ fieldPath: 'Name', operator: 'eq', value: 'x' }], filterLogic: "1 OR Name = 'y'" },
    ],
    [
      'filterLogic naming a missing criterion',
      { criteria: [{ fieldPath: 'Name', operator: 'eq', value: 'x' }], filterLogic: '1 OR 2' },
    ],
    ['unbalanced filterLogic', { criteria: [{ fieldPath: 'Name', operator: 'eq', value: 'x' }], filterLogic: '(1' }],
  ])('refuses %s', (_what, filter) => {
    expect(() => picker.filterCondition(filter)).toThrow();
  });

  it('offers active users without a filter, and every record of other objects', () => {
    expect(picker.pickerQuery('User', null)).toBe(
      'SELECT Id, Name FROM User WHERE IsActive = true ORDER BY Name LIMIT 500',
    );
    expect(picker.pickerQuery('Account', undefined)).toBe('SELECT Id, Name FROM Account ORDER BY Name LIMIT 500');
  });

  it('queries with its filter when connected, and again when the filter changes', async () => {
    queries.length = 0;
    const element = new picker.default();
    element.objectApiName = 'User';
    element.filter = AE_FILTER;
    element.connectedCallback();
    element.filter = {
      criteria: [{ fieldPath: 'Partner_Planning_Role__c', operator: 'eq', value: 'Partner Manager' }],
    };
    await Promise.resolve();
    expect(queries).toEqual([
      "SELECT Id, Name FROM User WHERE (IsActive = true) AND (Partner_Planning_Role__c = 'Account Executive') ORDER BY Name LIMIT 500",
      "SELECT Id, Name FROM User WHERE (Partner_Planning_Role__c = 'Partner Manager') ORDER BY Name LIMIT 500",
    ]);
    expect(element.options).toEqual([{ label: 'Avery Ellis', value: '005000000000001AAA' }]);
  });
});
