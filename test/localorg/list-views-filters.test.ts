/**
 * List view filters compiled to SOQL: every filter operation, several values, relative date literals,
 * booleanFilter logic and the metadata's column names; each compiled query is then run through the org's SOQL
 * engine over HTTP, so that what a list view shows is what its query selects. Invalid filters and logic are
 * refused with a Salesforce-shaped error, never a 500.
 */
import type { FilterItem } from '@partner-planning/model';
import { loadForceApp } from '../../packages/model';
import { compileListView, listViewSoql } from '../../packages/localorg/list-views/compile';
import { resolveColumn } from '../../packages/localorg/list-views/columns';
import type { ListViewDefinition } from '../../packages/localorg/list-views/definitions';
import { SalesforceError } from '../../packages/localorg/errors';
import { compileSchema } from '../../packages/localorg/schema';
import type { UserAccess } from '../../packages/localorg/security';
import { startTestOrg, type TestOrg } from '../support/localorg';

const schema = compileSchema(loadForceApp());
const account = schema.objects.get('Account')!;
// Compiling checks readability only; the query itself runs as the admin over HTTP.
const everything = { canReadField: () => true, canReadObject: () => true } as unknown as UserAccess;
const USER = '005000000000001AAA';

const view = (filters: FilterItem[], booleanFilter?: string, scope = 'Everything'): ListViewDefinition => ({
  objectName: 'Account',
  developerName: 'Test_View',
  label: 'Test view',
  filterScope: scope,
  columns: ['ACCOUNT.NAME', 'ACCOUNT.TYPE', 'Partner_Tier__c', 'CORE.USERS.ALIAS'],
  filters,
  booleanFilter,
});
const where = (filters: FilterItem[], booleanFilter?: string, scope?: string): string | undefined =>
  compileListView(schema, account, view(filters, booleanFilter, scope), everything, USER).where;

const ACCOUNTS = ['Acme Widgets', 'Apex 100% Co', 'Zeta Labs'];
let t: TestOrg;
beforeAll(async () => {
  t = await startTestOrg({ now: () => new Date('2026-03-10T09:00:00.000Z') });
  await t.conn.sobject('Account').create([
    { Name: 'Acme Widgets', Type: 'Customer', AnnualRevenue: 5000, Partner_Tier__c: 'Gold' },
    { Name: 'Apex 100% Co', Type: 'Partner', AnnualRevenue: 20000, Partner_Tier__c: 'Silver' },
    { Name: 'Zeta Labs', Type: 'Prospect', AnnualRevenue: null },
  ]);
}, 30_000);
afterAll(() => t.close());

/** The Names the compiled view's query selects, run through the org as the admin. */
async function run(filters: FilterItem[], booleanFilter?: string): Promise<string[]> {
  const compiled = compileListView(schema, account, view(filters, booleanFilter), everything, USER);
  const result = await t.conn.query<{ Name: string }>(listViewSoql(account, compiled));
  // Only this test's accounts: an org loaded with a scratch org's sample data has others.
  return result.records.map((r) => r.Name).filter((name) => ACCOUNTS.includes(name));
}

describe('columns', () => {
  it("resolves the metadata's column names to SOQL paths", () => {
    const paths = ['ACCOUNT.NAME', 'ACCOUNT.TYPE', 'CORE.USERS.ALIAS', 'CREATED_DATE', 'Partner_Tier__c', 'NAME'].map(
      (name) => resolveColumn(schema, account, name)?.path,
    );
    expect(paths).toEqual(['Name', 'Type', 'Owner.Alias', 'CreatedDate', 'Partner_Tier__c', 'Name']);
    const opportunity = schema.objects.get('Opportunity')!;
    expect(resolveColumn(schema, opportunity, 'ACCOUNT.NAME')?.path).toBe('Account.Name');
    expect(resolveColumn(schema, opportunity, 'OPPORTUNITY.CLOSE_DATE')?.path).toBe('CloseDate');
    expect(resolveColumn(schema, account, 'NO_SUCH_COLUMN')).toBeUndefined();
  });

  it('selects picklists through toLabel() and sorts by Name, then Id', () => {
    const compiled = compileListView(schema, account, view([]), everything, USER);
    expect(listViewSoql(account, compiled)).toBe(
      'SELECT Name, toLabel(Type), toLabel(Partner_Tier__c), Owner.Alias, Id, CreatedDate, LastModifiedDate, ' +
        'SystemModstamp, OwnerId FROM Account ORDER BY Name ASC NULLS FIRST, Id ASC NULLS FIRST',
    );
  });
});

describe('filters', () => {
  it('compiles each operation to its SOQL condition', () => {
    const one = (field: string, operation: string, value: string): string | undefined =>
      where([{ field, operation, value }]);
    expect(one('ACCOUNT.TYPE', 'equals', 'Customer')).toBe("Type = 'Customer'");
    expect(one('ACCOUNT.TYPE', 'equals', 'Customer,Partner')).toBe("(Type = 'Customer' OR Type = 'Partner')");
    expect(one('ACCOUNT.TYPE', 'notEqual', 'Customer,Partner')).toBe("(Type != 'Customer' AND Type != 'Partner')");
    expect(one('AnnualRevenue', 'greaterThan', '10000')).toBe('AnnualRevenue > 10000');
    expect(one('AnnualRevenue', 'lessOrEqual', '5000')).toBe('AnnualRevenue <= 5000');
    expect(one('AnnualRevenue', 'greaterOrEqual', '5000')).toBe('AnnualRevenue >= 5000');
    expect(one('NAME', 'contains', '100%')).toBe("Name LIKE '%100\\%%'");
    expect(one('NAME', 'notContain', 'Labs')).toBe("(NOT Name LIKE '%Labs%')");
    expect(one('NAME', 'startsWith', "O'Brien")).toBe("Name LIKE 'O\\'Brien%'");
    expect(one('CREATED_DATE', 'equals', 'LAST_N_DAYS:14')).toBe('CreatedDate = LAST_N_DAYS:14');
    expect(one('CREATED_DATE', 'greaterOrEqual', '3/1/2026')).toBe('CreatedDate >= 2026-03-01T00:00:00Z');
    expect(one('ACCOUNT.TYPE', 'equals', '')).toBe('Type = null');
  });

  it('combines filters with AND, or with booleanFilter logic, and adds the Mine scope', () => {
    const filters: FilterItem[] = [
      { field: 'ACCOUNT.TYPE', operation: 'equals', value: 'Customer' },
      { field: 'ACCOUNT.TYPE', operation: 'equals', value: 'Partner' },
      { field: 'AnnualRevenue', operation: 'greaterThan', value: '10000' },
    ];
    expect(where(filters)).toBe("(Type = 'Customer' AND Type = 'Partner' AND AnnualRevenue > 10000)");
    expect(where(filters, '(1 OR 2) AND NOT 3')).toBe(
      "((Type = 'Customer' OR Type = 'Partner') AND (NOT AnnualRevenue > 10000))",
    );
    expect(where(filters.slice(0, 1), undefined, 'Mine')).toBe(`(Type = 'Customer') AND (OwnerId = '${USER}')`);
    expect(where([], undefined, 'Mine')).toBe(`OwnerId = '${USER}'`);
  });

  it("selects what the filters say when the org's SOQL engine runs the query", async () => {
    expect(await run([{ field: 'NAME', operation: 'contains', value: '100%' }])).toEqual(['Apex 100% Co']);
    expect(await run([{ field: 'NAME', operation: 'startsWith', value: 'A' }])).toEqual([
      'Acme Widgets',
      'Apex 100% Co',
    ]);
    expect(await run([{ field: 'AnnualRevenue', operation: 'greaterOrEqual', value: '5000' }])).toEqual([
      'Acme Widgets',
      'Apex 100% Co',
    ]);
    const logic = await run(
      [
        { field: 'ACCOUNT.TYPE', operation: 'equals', value: 'Customer' },
        { field: 'ACCOUNT.TYPE', operation: 'equals', value: 'Prospect' },
        { field: 'NAME', operation: 'notContain', value: 'Labs' },
      ],
      '(1 OR 2) AND 3',
    );
    expect(logic).toEqual(['Acme Widgets']);
    expect(await run([{ field: 'CREATED_DATE', operation: 'equals', value: 'THIS_WEEK' }])).toEqual(ACCOUNTS);
    expect(await run([{ field: 'CREATED_DATE', operation: 'equals', value: 'LAST_WEEK' }])).toEqual([]);
  });

  it('refuses a filter or logic it cannot compile with a client error', () => {
    const refused = (filters: FilterItem[], logic?: string): SalesforceError => {
      try {
        where(filters, logic);
      } catch (error) {
        return error as SalesforceError;
      }
      throw new Error('expected a refusal');
    };
    const type: FilterItem = { field: 'ACCOUNT.TYPE', operation: 'equals', value: 'Customer' };
    for (const error of [
      refused([type], '1 AND 2'),
      refused([type], '1 AND ('),
      refused([type], '1 XOR 1'),
      refused([{ field: 'AnnualRevenue', operation: 'equals', value: 'lots' }]),
      refused([{ field: 'NO_SUCH_FIELD', operation: 'equals', value: 'x' }]),
      refused([{ field: 'NAME', operation: 'within', value: '5' }]),
    ]) {
      expect(error).toBeInstanceOf(SalesforceError);
      expect(error.status).toBe(400);
    }
  });
});
