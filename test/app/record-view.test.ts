/**
 * The local app's record page data, read from a running local org as the app reads it (describe resources
 * over HTTP, as the signed-in user): the highlights from the primary compact layout in its order, the
 * details from the page layout's sections, the related lists, the Opportunity page's "Log APR Action"
 * quick action opening the aprActionLogger, and the SOQL the page runs for the record and its related lists.
 */
import { loadForceApp } from '../../packages/model';
import {
  formatValue,
  loadRecordLayout,
  recordQuery,
  relatedListQuery,
  valueAt,
  type DataGet,
} from '../../packages/app/shell/modules/shell/recordPage/recordView';
import { dataPath, startTestOrg, type TestOrg } from '../support/localorg';
import { createPlanAudience, type PlanAudience } from '../support/security';

const APP_COMPONENTS = ['partnerPlanEditor', 'coachingView', 'aprActionLogger', 'planProgress'];
const model = loadForceApp();
/** The components a package record page places, as the app's build writes them in. */
const pageComponents = (objectName: string): string[] =>
  (model.flexiPages.find((p) => p.type === 'RecordPage' && p.sobjectType === objectName)?.regions ?? []).flatMap((r) =>
    r.components.map((c) => c.componentName),
  );

let t: TestOrg;
let audience: PlanAudience;
const getAs =
  (conn: TestOrg['conn']): DataGet =>
  <T>(path: string) =>
    conn.request<T>(dataPath(path));

beforeAll(async () => {
  t = await startTestOrg();
  audience = await createPlanAudience(t);
});
afterAll(() => t.close());

it("shows the compact layout's fields in order, the title first", async () => {
  const view = await loadRecordLayout(getAs(t.conn), 'APR_Action__c', pageComponents('APR_Action__c'), APP_COMPONENTS);
  expect(view.highlights.map((f) => f.name)).toEqual([
    'Name',
    'Action_Type__c',
    'Action_Date__c',
    'Actor__c',
    'Partner_Account__c',
    'Outcome__c',
  ]);
  // Lookups show their parent's name.
  expect(view.highlights.find((f) => f.name === 'Actor__c')?.path).toBe('Actor__r.Name');
});

it("lays out a plan's details from its page layout and reads the record and related lists with valid SOQL", async () => {
  const view = await loadRecordLayout(
    getAs(audience.pm.conn),
    'Partner_Account_Plan__c',
    pageComponents('Partner_Account_Plan__c'),
    APP_COMPONENTS,
  );
  expect(view.sections[0].heading).toBe('Information');
  const fields = view.sections.flatMap((s) =>
    s.rows.flatMap((r) => r.cells.flatMap((c) => (c.field ? [c.field] : []))),
  );
  expect(fields[0]).toMatchObject({ name: 'Name', path: 'Name' });
  // The plan's reviews and the plans rolled over from it (Next Plans) follow its sections and actions.
  expect(view.relatedLists.map((l) => l.sobject)).toEqual([
    'Plan_Section__c',
    'APR_Action__c',
    'Plan_Review__c',
    'Partner_Account_Plan__c',
  ]);
  expect(view.actions).toEqual([]);

  const record = (await audience.pm.conn.query(recordQuery('Partner_Account_Plan__c', audience.plan, view))).records[0];
  expect(valueAt(record, 'Name')).toBe('Orion growth plan');
  // A lookup reads its parent's name.
  expect(fields.find((f) => f.name === 'Partner_Account__c')?.path).toBe('Partner_Account__r.Name');
  expect(valueAt(record, 'Partner_Account__r.Name')).toBe('Orion Partners');
  // Reading the page's record makes it the user's most recent item.
  const recent = await audience.pm.conn.request<{ Id: string }[]>(dataPath('/recent'));
  expect(recent[0]?.Id).toBe(audience.plan);
  const sections = await audience.pm.conn.query(relatedListQuery(view.relatedLists[0], audience.plan));
  expect(sections.totalSize).toBeGreaterThan(0);
});

it('offers the Opportunity page\'s "Log APR Action", opening the aprActionLogger', async () => {
  const view = await loadRecordLayout(
    getAs(audience.ae.conn),
    'Opportunity',
    pageComponents('Opportunity'),
    APP_COMPONENTS,
  );
  expect(view.actions).toEqual([
    { name: 'Opportunity.Log_APR_Action', label: 'Log APR Action', component: 'aprActionLogger' },
  ]);
  // Lookups to one object carry their parent, so the page links Account and Partner to their pages.
  const fields = view.sections.flatMap((s) =>
    s.rows.flatMap((r) => r.cells.flatMap((c) => (c.field ? [c.field] : []))),
  );
  expect(fields.find((f) => f.name === 'AccountId')?.parent).toEqual({ idPath: 'AccountId', objectName: 'Account' });
  expect(fields.find((f) => f.name === 'Partner_Account__c')?.parent).toEqual({
    idPath: 'Partner_Account__c',
    objectName: 'Account',
  });
  expect(recordQuery('Opportunity', '006000000000001AAA', view)).toMatch(
    /\bAccountId\b.*\bPartner_Account__c\b|\bPartner_Account__c\b.*\bAccountId\b/,
  );
  // A page that does not place the component, with a layout that lists no such action, offers none.
  const account = await loadRecordLayout(getAs(audience.ae.conn), 'Account', pageComponents('Account'), APP_COMPONENTS);
  expect(account.actions).toEqual([]);
});

it("lays out a standard object's default layout with its addresses, shown on one line", async () => {
  const view = await loadRecordLayout(getAs(t.conn), 'Account', pageComponents('Account'), APP_COMPONENTS);
  expect(view.sections.map((s) => s.heading)).toEqual([
    'Account Information',
    'Address Information',
    'System Information',
  ]);
  const labels = view.sections.flatMap((s) => s.rows.flatMap((r) => r.cells.map((c) => c.field?.label)));
  expect(labels).toEqual(
    expect.arrayContaining(['Account Owner', 'Billing Address', 'Shipping Address', 'Created By']),
  );
  // Address parts and data enrichment fields stay off a default layout.
  expect(labels).not.toContain('Billing City');
  expect(labels).not.toContain('Data.com Key');
  const address = {
    street: '1301 Avenue of the Americas\nFloor 2',
    city: 'New York',
    state: 'NY',
    postalCode: '10019',
    country: 'USA',
  };
  expect(formatValue(address, 'address')).toBe('1301 Avenue of the Americas, Floor 2, New York, NY 10019, USA');
  expect(formatValue({ city: 'Paris', country: 'France' }, 'address')).toBe('Paris, France');
});
