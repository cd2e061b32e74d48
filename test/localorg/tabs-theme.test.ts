/**
 * Tabs and themes from the package's tabs and app: `GET /tabs` and the SOAP `describeTabs()` list what each
 * user may see (an administrator every tab; others the tabs their permission sets make visible, on objects
 * they can read, plus the standard tabs of objects they can read), and `GET /theme` gives the icons and colors
 * of each object (the tab motif for custom objects, the standard icon for standard ones), in the shapes
 * jsforce's `conn.tabs()`, `conn.theme()` and `conn.soap.describeTabs()` read.
 */
import { dataPath, startTestOrg, type TestOrg } from '../support/localorg';
import { createUser, type TestUser } from '../support/security';

let t: TestOrg;
let ae: TestUser;
let pm: TestUser;
let plain: TestUser;

beforeAll(async () => {
  t = await startTestOrg();
  ae = await createUser(t, { alias: 'tabsae', permissionSets: ['Account_Executive'] });
  pm = await createUser(t, { alias: 'tabspm', permissionSets: ['Partner_Manager'] });
  plain = await createUser(t, { alias: 'tabsnone' });
});
afterAll(() => t.close());

interface Tab {
  name: string;
  label: string;
  url: string;
  custom: boolean;
  sobjectName: string | null;
  iconUrl: string;
  miniIconUrl: string;
  colors: { color: string; context: string; theme: string }[];
  icons: { url: string; width: number; height: number; contentType: string; theme: string }[];
}

const names = (tabs: Tab[]): string[] => tabs.map((tab) => tab.name);

it('gives the administrator every tab, each with label, url and icons', async () => {
  const tabs = (await t.conn.tabs()) as Tab[];
  expect(names(tabs)).toEqual(
    expect.arrayContaining([
      'standard-home',
      'standard-Account',
      'standard-Opportunity',
      'Partner_Account_Plan__c',
      'Plan_Target__c',
      'Rollup_Run__c',
      'Coaching',
    ]),
  );
  const plans = tabs.find((tab) => tab.name === 'Partner_Account_Plan__c') as Tab;
  const prefix = (await t.conn.sobject('Partner_Account_Plan__c').describe()).keyPrefix;
  expect(plans).toMatchObject({
    custom: true,
    label: 'Partner Account Plans',
    sobjectName: 'Partner_Account_Plan__c',
    url: `${t.org.instanceUrl}/${prefix}/o`,
  });
  // The plan tab's motif is Custom78: Map.
  expect(plans.icons.find((icon) => icon.contentType === 'image/svg+xml')?.url).toBe(
    `${t.org.instanceUrl}/img/icon/t4v35/custom/custom78.svg`,
  );
  expect(plans.colors).toContainEqual({ color: '5A95DD', context: 'primary', theme: 'theme4' });
  const coaching = tabs.find((tab) => tab.name === 'Coaching') as Tab;
  expect(coaching).toMatchObject({ custom: true, label: 'Coaching', sobjectName: null });
  expect(coaching.url).toBe(`${t.org.instanceUrl}/lightning/n/Coaching`);
  const account = tabs.find((tab) => tab.name === 'standard-Account') as Tab;
  expect(account).toMatchObject({
    custom: false,
    label: 'Accounts',
    sobjectName: 'Account',
    url: `${t.org.instanceUrl}/001/o`,
  });
  expect(account.iconUrl).toBe(`${t.org.instanceUrl}/img/icon/accounts32.png`);
});

it('gives other users the tabs their permission sets make visible', async () => {
  const aeTabs = names((await ae.conn.tabs()) as Tab[]);
  const pmTabs = names((await pm.conn.tabs()) as Tab[]);
  const plainTabs = names((await plain.conn.tabs()) as Tab[]);
  // Partner_Manager shows the rollup run history tab; Account_Executive does not.
  expect(pmTabs).toContain('Rollup_Run__c');
  expect(aeTabs).not.toContain('Rollup_Run__c');
  expect(aeTabs).toEqual(expect.arrayContaining(['Partner_Account_Plan__c', 'APR_Action__c', 'Coaching']));
  // Without a permission set: the standard tabs of what the Standard User profile reads, and no package tab.
  expect(plainTabs).toEqual(expect.arrayContaining(['standard-home', 'standard-Account', 'standard-Opportunity']));
  expect(plainTabs.filter((name) => !name.startsWith('standard-'))).toEqual([]);
});

it('gives theme items for standard and custom objects', async () => {
  const theme = (await t.conn.theme()) as {
    themeItems: { name: string; colors: Tab['colors']; icons: Tab['icons'] }[];
  };
  const byName = new Map(theme.themeItems.map((item) => [item.name, item]));
  expect(byName.get('Account')?.icons.map((icon) => icon.url)).toContain(
    `${t.org.instanceUrl}/img/icon/t4v35/standard/account.svg`,
  );
  // APR_Action__c's tab motif is Custom14: Hands.
  expect(byName.get('APR_Action__c')?.colors).toContainEqual({ color: '3CC2B3', context: 'primary', theme: 'theme4' });
  for (const item of theme.themeItems) {
    for (const icon of item.icons) expect(typeof icon.width).toBe('number');
  }
  // A user who cannot read the package's objects gets no theme for them.
  const plainTheme = (await plain.conn.theme()) as { themeItems: { name: string }[] };
  expect(plainTheme.themeItems.map((item) => item.name)).not.toContain('Partner_Account_Plan__c');
});

it('describes the tab sets (apps) each user sees through SOAP describeTabs', async () => {
  const sets = await t.conn.soap.describeTabs();
  // The package's app, then the standard Sales app a scratch org has.
  expect(sets.map((set) => set.label)).toEqual(['Partner Planning', 'Sales']);
  const [app, sales] = sets;
  expect(sales.selected).toBe(false);
  expect(sales.tabs.map((tab) => tab.name)).toEqual([
    'standard-home',
    'standard-Opportunity',
    'standard-Lead',
    'standard-Account',
    'standard-Contact',
    'standard-Campaign',
  ]);
  expect(sales.tabSetId).not.toBe(app.tabSetId);
  expect(app.selected).toBe(true);
  // The app's tabs in the app's order.
  expect(app.tabs.map((tab) => tab.name)).toEqual([
    'standard-home',
    'Partner_Account_Plan__c',
    'Plan_Target__c',
    'Coaching',
    'Program_Overview',
    'APR_Action__c',
    'Plan_Section__c',
    'Plan_Review__c',
    'Rollup_Run__c',
    'standard-Account',
    'standard-Opportunity',
  ]);
  expect(app.tabs[1]).toMatchObject({ custom: true, sobjectName: 'Partner_Account_Plan__c' });
  // A tab of no object (Home, the Coaching page) has an empty sobjectName in SOAP, never nil.
  expect(app.tabs.find((tab) => tab.name === 'standard-home')?.sobjectName).toBe('');
  expect(app.tabs.find((tab) => tab.name === 'Coaching')?.sobjectName).toBe('');
  expect((await ae.conn.soap.describeTabs()).map((set) => set.label)).toEqual(['Partner Planning', 'Sales']);
  // A user without the package's permission sets sees the standard app, with the tabs of the objects they read.
  const plainSets = await plain.conn.soap.describeTabs();
  expect(plainSets.map((set) => set.label)).toEqual(['Sales']);
  expect(plainSets[0].tabs.map((tab) => tab.name)).toContain('standard-Account');
});

it('lists tabs and theme among the version resources', async () => {
  const resources = (await t.conn.request(dataPath(''))) as Record<string, string>;
  expect(resources.tabs).toBe(dataPath('/tabs'));
  expect(resources.theme).toBe(dataPath('/theme'));
});
