/**
 * Tabs and themes: `GET /tabs` (the tabs the caller may see), `GET /theme` (the icons and colors of the
 * objects that have them) and the tab sets of the SOAP `describeTabs()` call, from the package's tabs and
 * app (force-app's `tabs/` and `applications/`, read into the model) plus the standard tabs of a scratch
 * org's standard objects. A custom tab is visible to a user whose permission sets make it visible (an
 * administrator sees every tab); an object's tab also needs read access to the object. Icon URLs are where
 * Salesforce serves its icons (`/img/icon/...`, the tab motif for custom objects, the standard icon
 * otherwise); the local org answers the resources that name them, not the images.
 */
import type { ApplicationModel, TabModel } from '@partner-planning/model';
import { quoteIdent } from '../sql';
import { ok, type ApiRequest, type OrgRuntime, type Reply } from './context';
import { accessOf } from './sobjects';

export interface ThemeColor {
  color: string;
  context: string;
  theme: string;
}

export interface ThemeIcon {
  contentType: string;
  height: number;
  theme: string;
  url: string;
  width: number;
}

export interface TabDescription {
  colors: ThemeColor[];
  custom: boolean;
  iconUrl: string;
  icons: ThemeIcon[];
  label: string;
  miniIconUrl: string;
  name: string;
  sobjectName: string | null;
  url: string;
}

/** A look: the Classic (theme3) icon name and color, the Lightning (theme4) icon path and color. */
interface Look {
  classicIcon: string;
  classicColor: string;
  lightningIcon: string;
  lightningColor: string;
}

/** The standard tabs a scratch org has for the standard objects the model defines, with their standard looks. */
const STANDARD_LOOKS: Record<string, Look> = {
  Account: {
    classicIcon: 'accounts',
    classicColor: '236FBD',
    lightningIcon: 'standard/account',
    lightningColor: '7F8DE1',
  },
  Contact: {
    classicIcon: 'contacts',
    classicColor: '56458C',
    lightningIcon: 'standard/contact',
    lightningColor: 'A094ED',
  },
  Opportunity: {
    classicIcon: 'opportunities',
    classicColor: 'FCB95B',
    lightningIcon: 'standard/opportunity',
    lightningColor: 'FCB95B',
  },
  Lead: { classicIcon: 'leads', classicColor: 'E39321', lightningIcon: 'standard/lead', lightningColor: 'F88962' },
  Campaign: {
    classicIcon: 'campaigns',
    classicColor: 'F49756',
    lightningIcon: 'standard/campaign',
    lightningColor: 'F49756',
  },
  Product2: {
    classicIcon: 'products',
    classicColor: 'B781D3',
    lightningIcon: 'standard/product',
    lightningColor: 'B781D3',
  },
};

const HOME_LOOK: Look = {
  classicIcon: 'home',
  classicColor: '236FBD',
  lightningIcon: 'standard/home',
  lightningColor: 'EF7EA0',
};

/** The Lightning colors of the custom tab motifs (`Custom14: Hands` is custom14), from the design system. */
const MOTIF_COLORS: Record<number, string> = {
  14: '3CC2B3',
  18: '4DCA76',
  48: 'EF697F',
  67: 'F87D76',
  78: '5A95DD',
};

/** A custom tab's look from its motif, `CustomNN: Picture`. */
function motifLook(motif: string | undefined): Look {
  const match = /^Custom(\d+):\s*(.+)$/.exec(motif ?? '');
  const number = match ? Number(match[1]) : 1;
  const picture = match ? match[2].trim().toLowerCase().replace(/\s+/g, '') : 'custom';
  // Motifs the package does not use fall back to the design system's neutral custom-icon gray.
  const color = MOTIF_COLORS[number] ?? '8199AF';
  return {
    // Classic motif icons 51 to 100 live in a folder of their own.
    classicIcon: number > 50 ? `custom51_100/${picture}` : picture,
    classicColor: color,
    lightningIcon: `custom/custom${number}`,
    lightningColor: color,
  };
}

function colorsOf(look: Look): ThemeColor[] {
  return [
    { color: look.lightningColor, context: 'primary', theme: 'theme4' },
    { color: look.classicColor, context: 'primary', theme: 'theme3' },
  ];
}

function iconsOf(instanceUrl: string, look: Look): ThemeIcon[] {
  const img = `${instanceUrl}/img/icon`;
  const png = (url: string, size: number, theme: string): ThemeIcon => ({
    contentType: 'image/png',
    height: size,
    theme,
    url,
    width: size,
  });
  return [
    png(`${img}/${look.classicIcon}32.png`, 32, 'theme3'),
    png(`${img}/${look.classicIcon}16.png`, 16, 'theme3'),
    // SVG icons have no size: the API reports 0.
    {
      contentType: 'image/svg+xml',
      height: 0,
      theme: 'theme4',
      url: `${img}/t4v35/${look.lightningIcon}.svg`,
      width: 0,
    },
    png(`${img}/t4v35/${look.lightningIcon}_60.png`, 60, 'theme4'),
    png(`${img}/t4v35/${look.lightningIcon}_120.png`, 120, 'theme4'),
  ];
}

function describeTab(
  instanceUrl: string,
  name: string,
  label: string,
  custom: boolean,
  sobjectName: string | null,
  url: string,
  look: Look,
): TabDescription {
  const icons = iconsOf(instanceUrl, look);
  return {
    colors: colorsOf(look),
    custom,
    iconUrl: icons[0].url,
    icons,
    label,
    miniIconUrl: icons[1].url,
    name,
    sobjectName,
    url,
  };
}

/** What the caller may see: every tab and app (administrators), or those their permission sets grant. */
interface Visibility {
  all: boolean;
  tabs: Set<string>;
  applications: Set<string>;
}

function visibilityOf(org: OrgRuntime, req: ApiRequest): Visibility {
  if (accessOf(org, req).allData) return { all: true, tabs: new Set(), applications: new Set() };
  const table = (name: string): string => quoteIdent(org.schema.objects.get(name)?.table ?? name);
  const names = org.storage
    .statement(
      `SELECT ps."Name" FROM ${table('PermissionSetAssignment')} AS a JOIN ${table('PermissionSet')} AS ps ON ps."Id" = a."PermissionSetId" WHERE a."AssigneeId" = ? AND a."IsDeleted" = 0`,
    )
    .pluck(true)
    .all(req.ctx.userId) as string[];
  const sets = names.flatMap((name) => org.schema.model.permissionSets.get(name) ?? []);
  return {
    all: false,
    tabs: new Set(sets.flatMap((set) => set.tabs)),
    applications: new Set(sets.flatMap((set) => set.applications)),
  };
}

/** The tab named `name` (`standard-Account`, `Partner_Account_Plan__c`, `Coaching`), if the caller may see it. */
function tabFor(org: OrgRuntime, req: ApiRequest, visibility: Visibility, name: string): TabDescription | undefined {
  const access = accessOf(org, req);
  const base = org.instanceUrl;
  if (name === 'standard-home') return describeTab(base, name, 'Home', false, null, `${base}/home/home.jsp`, HOME_LOOK);
  if (name.startsWith('standard-')) {
    const obj = org.schema.objects.get(name.slice('standard-'.length));
    const look = obj ? STANDARD_LOOKS[obj.name] : undefined;
    if (!obj || !look || !access.canReadObject(obj)) return undefined;
    return describeTab(base, name, obj.model.pluralLabel, false, obj.name, `${base}/${obj.keyPrefix}/o`, look);
  }
  const tab: TabModel | undefined = org.schema.model.tabs.find((t) => t.name === name);
  if (!tab || (!visibility.all && !visibility.tabs.has(tab.name))) return undefined;
  if (tab.customObject) {
    const obj = org.schema.objects.get(tab.name);
    if (!obj || !access.canReadObject(obj)) return undefined;
    const url = `${base}/${obj.keyPrefix}/o`;
    return describeTab(base, tab.name, obj.model.pluralLabel, true, obj.name, url, motifLook(tab.motif));
  }
  // A Lightning page tab opens its page.
  const url = `${base}/lightning/n/${tab.name}`;
  return describeTab(base, tab.name, tab.label ?? tab.name, true, null, url, motifLook(tab.motif));
}

/** Every tab the caller may see: the standard tabs, then the package's, each once. */
export function visibleTabs(org: OrgRuntime, req: ApiRequest): TabDescription[] {
  const visibility = visibilityOf(org, req);
  const names = [
    'standard-home',
    ...Object.keys(STANDARD_LOOKS).map((name) => `standard-${name}`),
    ...org.schema.model.tabs.map((tab) => tab.name),
  ];
  return names.flatMap((name) => tabFor(org, req, visibility, name) ?? []);
}

/** `GET /tabs`. */
export function tabs(org: OrgRuntime, req: ApiRequest): Reply {
  return ok(visibleTabs(org, req));
}

/** `GET /theme`: the icons and colors of each object that has a tab or a standard look, that the caller can read. */
export function theme(org: OrgRuntime, req: ApiRequest): Reply {
  const access = accessOf(org, req);
  const looks = new Map<string, Look>(Object.entries(STANDARD_LOOKS));
  for (const tab of org.schema.model.tabs) if (tab.customObject) looks.set(tab.name, motifLook(tab.motif));
  const themeItems = [...looks]
    .filter(([name]) => {
      const obj = org.schema.objects.get(name);
      return obj !== undefined && access.canReadObject(obj);
    })
    .map(([name, look]) => ({ colors: colorsOf(look), icons: iconsOf(org.instanceUrl, look), name }));
  return ok({ themeItems });
}

export interface TabSet {
  app: ApplicationModel;
  tabs: TabDescription[];
}

/** The standard Lightning app every scratch org has, open to every standard profile. */
export const STANDARD_SALES_APP: ApplicationModel = {
  name: 'standard__LightningSales',
  label: 'Sales',
  description: 'Manage your sales process with accounts, leads, opportunities, and more',
  navType: 'Standard',
  uiType: 'Lightning',
  formFactors: ['Large', 'Small'],
  tabs: [
    'standard-home',
    'standard-Opportunity',
    'standard-Lead',
    'standard-Account',
    'standard-Contact',
    'standard-Campaign',
  ],
  actionOverrides: [],
  profileActionOverrides: [],
  sourcePath: '',
};

/**
 * The apps the caller may see, each with the tabs of it they may see, in the app's order: the package's apps
 * (by permission set; all for administrators), then the standard Sales app when it has a tab they may see.
 */
export function visibleTabSets(org: OrgRuntime, req: ApiRequest): TabSet[] {
  const visibility = visibilityOf(org, req);
  const tabsOf = (app: ApplicationModel): TabDescription[] =>
    app.tabs.flatMap((name) => tabFor(org, req, visibility, name) ?? []);
  const packageApps = org.schema.model.applications
    .filter((app) => visibility.all || visibility.applications.has(app.name))
    .map((app) => ({ app, tabs: tabsOf(app) }));
  const sales = { app: STANDARD_SALES_APP, tabs: tabsOf(STANDARD_SALES_APP) };
  // Home alone is not an app worth listing: a user who reads none of its objects does not get it.
  return sales.tabs.length > 1 ? [...packageApps, sales] : packageApps;
}
