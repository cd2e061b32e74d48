/**
 * Layout describes through jsforce (`sobject.layouts()`, `layouts(name)`, `compactLayouts()`,
 * `approvalLayouts()`) and raw HTTP: the package's page layout and compact layout for its objects, a system
 * default layout and compact layout for standard objects, stable Ids, field-level security, the master record
 * type's layout, `/compactLayouts?q=`, named layouts and the errors for what does not exist.
 */
import { MASTER_RECORD_TYPE_ID } from '../../packages/localorg/describe';
import { apiError, dataPath, rawRequest, startTestOrg, type TestOrg } from '../support/localorg';
import { createUser, type TestUser } from '../support/security';

let t: TestOrg;
let standardUser: TestUser;

beforeAll(async () => {
  t = await startTestOrg();
  standardUser = await createUser(t, { alias: 'layoutsu' });
});
afterAll(() => t.close());

interface Item {
  label: string | null;
  placeholder: boolean;
  required: boolean;
  editableForNew: boolean;
  editableForUpdate: boolean;
  layoutComponents: { type: string; value?: string; details?: { name: string; type: string } }[];
}
interface Section {
  heading: string;
  columns: number;
  rows: number;
  useHeading: boolean;
  layoutRows: { numItems: number; layoutItems: Item[] }[];
}

interface DescribeLayout {
  id?: string | null;
  detailLayoutSections: unknown[];
  editLayoutSections: unknown[];
  relatedLists: unknown[];
  quickActionList?: { quickActionListItems: { quickActionName: string }[] } | null;
}

const fieldNames = (sections: Section[]): string[] =>
  sections.flatMap((s) =>
    s.layoutRows.flatMap((r) => r.layoutItems.flatMap((i) => i.layoutComponents.map((c) => c.value ?? ''))),
  );
const sectionsOf = (layout: DescribeLayout, kind: 'detail' | 'edit'): Section[] =>
  (kind === 'detail' ? layout.detailLayoutSections : layout.editLayoutSections) as unknown as Section[];

describe('page layouts', () => {
  it('describes a package object with its force-app layout: sections, rows, field details, related lists', async () => {
    const result = await t.conn.sobject('Partner_Account_Plan__c').layouts();
    expect(result.layouts).toHaveLength(1);
    expect(result.recordTypeSelectorRequired).toEqual([false]);
    const [layout] = result.layouts;
    expect(layout.id).toMatch(/^00h[A-Za-z0-9]{15}$/);
    const detail = sectionsOf(layout, 'detail');
    expect(detail.length).toBeGreaterThan(1);
    // Rows pair the two columns; each field item carries the field's describe.
    const first = detail[0];
    expect(first.columns).toBe(2);
    expect(first.rows).toBe(first.layoutRows.length);
    const nameItem = first.layoutRows[0].layoutItems[0];
    expect(nameItem.layoutComponents[0]).toMatchObject({ type: 'Field', value: 'Name', details: { name: 'Name' } });
    // Both layouts hold every section; System Information shows its heading on the detail page only.
    const systemInfo = (s: Section[]): Section | undefined => s.find((x) => x.heading === 'System Information');
    expect(systemInfo(detail)?.useHeading).toBe(true);
    expect(systemInfo(sectionsOf(layout, 'edit'))?.useHeading).toBe(false);
    const createdBy = systemInfo(detail)?.layoutRows[0].layoutItems[0];
    expect(createdBy).toMatchObject({ editableForNew: false, editableForUpdate: false, required: false });
    expect(createdBy?.layoutComponents[0].value).toBe('CreatedById');
    // The layout's related lists, with their columns and sort.
    const related = layout.relatedLists as unknown as {
      name: string;
      sobject: string;
      field: string;
      columns: { fieldApiName: string }[];
      sort: { ascending: boolean; column: string }[];
    }[];
    const sections = related.find((r) => r.sobject === 'Plan_Section__c');
    expect(sections).toMatchObject({
      field: 'Partner_Account_Plan__c',
      sort: [{ ascending: true, column: 'Sort_Order__c' }],
    });
    expect(sections?.columns[0].fieldApiName).toBe('Name');
    expect(result.recordTypeMappings).toEqual([
      expect.objectContaining({ layoutId: layout.id, recordTypeId: MASTER_RECORD_TYPE_ID, master: true }),
    ]);
  });

  it('gives a layout the same Id on every request and on the master record type resource', async () => {
    const again = await t.conn.request<DescribeLayout & { id: string }>(
      dataPath(`/sobjects/Partner_Account_Plan__c/describe/layouts/${MASTER_RECORD_TYPE_ID}`),
    );
    const listed = await t.conn.sobject('Partner_Account_Plan__c').layouts();
    expect(again.id).toBe(listed.layouts[0].id);
    expect(fieldNames(sectionsOf(again, 'detail'))).toEqual(fieldNames(sectionsOf(listed.layouts[0], 'detail')));
  });

  it('gives a standard object a system default layout: name and fields, addresses, then System Information', async () => {
    const [layout] = (await t.conn.sobject('Account').layouts()).layouts;
    const detail = sectionsOf(layout, 'detail');
    expect(detail.map((s) => s.heading)).toEqual(['Account Information', 'Address Information', 'System Information']);
    const names = fieldNames(detail);
    expect(names[0]).toBe('Name');
    expect(names).toEqual(expect.arrayContaining(['OwnerId', 'Partner_Tier__c', 'CreatedById', 'LastModifiedById']));
    expect(layout.quickActionList?.quickActionListItems.map((a) => a.quickActionName)).toContain('LogACall');
    const name = detail[0].layoutRows[0].layoutItems[0];
    expect(name).toMatchObject({ required: true, editableForNew: true, placeholder: false });
    // Standard lookups show what they point at, as page layouts do; custom fields keep their label.
    const labels = new Map(
      detail.flatMap((s) =>
        s.layoutRows.flatMap((r) => r.layoutItems.map((i) => [i.layoutComponents[0]?.value ?? '', i.label] as const)),
      ),
    );
    expect(labels.get('OwnerId')).toBe('Account Owner');
    expect(labels.get('CreatedById')).toBe('Created By');
    expect(labels.get('LastModifiedById')).toBe('Last Modified By');
    const opportunity = sectionsOf((await t.conn.sobject('Opportunity').layouts()).layouts[0], 'detail');
    const opportunityLabels = opportunity.flatMap((s) =>
      s.layoutRows.flatMap((r) => r.layoutItems.map((i) => i.label)),
    );
    expect(opportunityLabels).toEqual(expect.arrayContaining(['Opportunity Owner', 'Account Name']));
    expect(opportunityLabels).not.toContain('Account ID');
  });

  it('leaves out the fields the caller cannot read', async () => {
    const [layout] = (await standardUser.conn.sobject('Account').layouts()).layouts;
    const names = fieldNames(sectionsOf(layout, 'detail'));
    expect(names).toContain('Name');
    expect(names).not.toContain('Partner_Tier__c');
  });

  it('answers the User object named layout UserAlt, and the documented errors otherwise', async () => {
    // The describe lists the named layouts, with the URL a client follows.
    const user = await t.conn.sobject('User').describe();
    expect(user.namedLayoutInfos).toEqual([
      { name: 'UserAlt', urls: { layout: dataPath('/sobjects/User/describe/namedLayouts/UserAlt') } },
    ]);
    expect((await t.conn.sobject('Account').describe()).namedLayoutInfos).toEqual([]);
    const named = await t.conn.sobject('User').layouts('UserAlt');
    expect(named.layouts).toHaveLength(1);
    expect(fieldNames(sectionsOf(named.layouts[0], 'detail'))).toContain('Username');
    const unknown = await rawRequest(t.conn, 'GET', dataPath('/sobjects/User/describe/namedLayouts/Nope'));
    expect(unknown).toMatchObject({ status: 404, body: [{ errorCode: 'NOT_FOUND' }] });
    const otherType = await rawRequest(
      t.conn,
      'GET',
      dataPath('/sobjects/Account/describe/layouts/012000000000001AAA'),
    );
    expect(otherType.status).toBe(404);
    const metadataType = await apiError(t.conn.sobject('Plan_Metric__mdt').layouts());
    expect(metadataType.errorCode).toBe('INVALID_ARGUMENT_TYPE');
    const noObject = await rawRequest(t.conn, 'GET', dataPath('/sobjects/Nope__c/describe/layouts'));
    expect(noObject).toMatchObject({ status: 404, body: [{ errorCode: 'NOT_FOUND' }] });
  });

  it('answers no approval layouts (the package defines no approval process)', async () => {
    expect(await t.conn.sobject('APR_Action__c').approvalLayouts()).toEqual({ approvalLayouts: [] });
  });

  it('answers the global publisher layout with the global actions', async () => {
    const body = (await t.conn.request(dataPath('/sobjects/Global/describe/layouts'))) as {
      layouts: { quickActionList: { quickActionListItems: { quickActionName: string }[] } }[];
    };
    expect(body.layouts[0].quickActionList.quickActionListItems.map((a) => a.quickActionName)).toEqual(
      expect.arrayContaining(['LogACall', 'NewTask', 'NewContact']),
    );
  });
});

describe('compact layouts', () => {
  interface Compact {
    id: string | null;
    name: string;
    objectType: string;
    fieldItems: Item[];
  }

  it("describes the package's compact layout, assigned as the primary one, fields in order", async () => {
    const result = await t.conn.sobject('APR_Action__c').compactLayouts();
    const [compact] = result.compactLayouts as unknown as Compact[];
    expect(compact.name).toBe('APR_Action_Compact_Layout');
    expect(compact.id).toMatch(/^0AH[A-Za-z0-9]{15}$/);
    expect(result.defaultCompactLayoutId).toBe(compact.id);
    expect(compact.fieldItems.map((i) => i.layoutComponents[0].value)).toEqual([
      'Name',
      'Action_Type__c',
      'Action_Date__c',
      'Actor__c',
      'Partner_Account__c',
      'Outcome__c',
    ]);
    expect(result.recordTypeCompactLayoutMappings).toEqual([
      expect.objectContaining({ compactLayoutId: compact.id, recordTypeId: MASTER_RECORD_TYPE_ID }),
    ]);
    const primary = (await t.conn.request(
      dataPath('/sobjects/APR_Action__c/describe/compactLayouts/primary'),
    )) as Compact;
    expect(primary).toEqual(compact);
  });

  it('gives a standard object the System Default compact layout of its name, with a null Id', async () => {
    const result = await t.conn.sobject('Opportunity').compactLayouts();
    expect(result.defaultCompactLayoutId).toBeNull();
    const [compact] = result.compactLayouts as unknown as Compact[];
    expect(compact).toMatchObject({ id: null, name: 'SYSTEM', objectType: 'Opportunity' });
    expect(compact.fieldItems.map((i) => i.layoutComponents[0].value)).toEqual(['Name']);
  });

  it('answers the primary compact layout of several objects at once', async () => {
    const body = (await t.conn.request(dataPath('/compactLayouts?q=Account,APR_Action__c'))) as Record<string, Compact>;
    expect(Object.keys(body)).toEqual(['Account', 'APR_Action__c']);
    expect(body.APR_Action__c.name).toBe('APR_Action_Compact_Layout');
    expect(body.Account.name).toBe('SYSTEM');
    expect((await rawRequest(t.conn, 'GET', dataPath('/compactLayouts?q=Nope__c'))).status).toBe(404);
  });
});
