/**
 * The partner portal (an Experience Cloud "Build Your Own (LWR)" site in force-app): every page's custom
 * component exists, is exposed for site pages and is given only properties it declares; "My Plans" (the home
 * page) shows the portal component without a record and the plan's detail page shows it on the record; the
 * network names its site, its content and members that exist (the partner profile and Partner_User); the scratch
 * definition enables digital experiences. The same checks find each kind of breakage on a broken site fixture.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadForceApp, PROFILES, readMetadataXml } from '../../packages/model';
import {
  contentItems,
  placedComponents,
  readSiteComponent,
  siteBundles,
  siteProblems,
} from '../../packages/localorg/metadata-api/sites';
import { FIXTURES, projectModel } from '../support/project';

const defaultDirOf = (root: string): string => join(root, 'force-app', 'main', 'default');

/** Every custom component on a site's pages (views and theme layouts), with the page it is on. */
function pageComponents(root: string): { page: string; name: string; attributes: string[] }[] {
  return siteBundles(defaultDirOf(root)).flatMap((bundle) => {
    const dir = join(defaultDirOf(root), 'digitalExperiences', 'site', bundle);
    return ['sfdc_cms__view', 'sfdc_cms__themeLayout'].flatMap((type) =>
      contentItems(dir, type).flatMap((item) =>
        placedComponents((item.content as { contentBody?: { component?: unknown } }).contentBody?.component).map(
          (c) => ({ page: `${bundle}/${type}/${item.name}`, ...c }),
        ),
      ),
    );
  });
}

/** Problems the site checks and the component exposure rules find: `page: problem`. */
function exposureProblems(root: string): string[] {
  return pageComponents(root).flatMap(({ page, name, attributes }) => {
    const lwc = readSiteComponent(defaultDirOf(root), name);
    if (!lwc) return [`${page}: c:${name} is not in force-app`];
    const problems: string[] = [];
    if (!lwc.exposed) problems.push(`${page}: c:${name} is not exposed`);
    if (!lwc.targets.includes('lightningCommunity__Page')) {
      problems.push(`${page}: c:${name} has no lightningCommunity__Page target`);
    }
    for (const attribute of attributes.filter((a) => !lwc.properties.includes(a))) {
      problems.push(`${page}: c:${name} declares no ${attribute} property for lightningCommunity__Default`);
    }
    return problems;
  });
}

describe('the partner portal in force-app', () => {
  const model = projectModel();
  const site = join(defaultDirOf(model.root), 'digitalExperiences', 'site', 'Partner_Portal1');

  it('passes the site checks a deploy runs', () => {
    expect(siteProblems(model.root, model)).toEqual([]);
  });

  it('places only components that exist, are exposed for site pages and declare what the page sets', () => {
    expect(pageComponents(model.root).length).toBeGreaterThan(0);
    expect(exposureProblems(model.root)).toEqual([]);
  });

  it('shows the portal component on My Plans without a record, and on the plan detail page with it', () => {
    const views = new Map(contentItems(site, 'sfdc_cms__view').map((v) => [v.name, v.content]));
    const componentsOf = (view: string) =>
      placedComponents((views.get(view) as { contentBody: { component: unknown } }).contentBody.component);
    expect((views.get('home') as { title: string }).title).toBe('My Plans');
    expect(componentsOf('home')).toEqual([{ name: 'partnerPlanPortal', attributes: [] }]);
    expect(componentsOf('Partner_Account_Plan_Detail')).toEqual([
      { name: 'partnerPlanPortal', attributes: ['recordId'] },
    ]);
    const detail = views.get('Partner_Account_Plan_Detail') as { contentBody: { viewType: string } };
    expect(detail.contentBody.viewType).toBe('detail-Partner_Account_Plan__c');
  });

  it('lets the partner profile, Partner_User and the admin in', () => {
    const network = readMetadataXml(
      join(defaultDirOf(model.root), 'networks', 'Partner Portal.network-meta.xml'),
      'Network',
    );
    expect(network.networkMemberGroups).toEqual({
      permissionSet: 'Partner_User',
      profile: ['admin', 'partner community user'],
    });
    expect(model.permissionSets.has('Partner_User')).toBe(true);
    expect(PROFILES).toContain('Partner Community User');
    expect(network.picassoSite).toBe('Partner_Portal1');
    expect(network.site).toBe('Partner_Portal');
  });
});

it("has a scratch definition that enables digital experiences, which the site's deploy needs", () => {
  const definition = JSON.parse(
    readFileSync(join(projectModel().root, 'config', 'project-scratch-def.json'), 'utf8'),
  ) as {
    features: string[];
    settings: { communitiesSettings?: { enableNetworksEnabled?: boolean } };
  };
  expect(definition.features).toEqual(expect.arrayContaining(['Communities', 'Sites']));
  expect(definition.settings.communitiesSettings?.enableNetworksEnabled).toBe(true);
});

describe('on a broken site', () => {
  const root = join(FIXTURES, 'deploy-broken-site');
  const model = loadForceApp({ root });
  const network = 'force-app/main/default/networks/Broken Site.network-meta.xml';
  const siteDir = 'force-app/main/default/digitalExperiences/site/Broken_Site1';

  it('reports every reference the deploy checks, on the file that holds it', () => {
    const problems = siteProblems(root, model).map((p) => `${p.file}: ${p.problem}`);
    expect(problems).toEqual([
      `${network}: In field: site - no CustomSite named Missing_Site found`,
      `${network}: In field: profile - no Profile named missing profile found`,
      `${network}: In field: permissionSet - no PermissionSet named Missing_Permission_Set found`,
      'force-app/main/default/digitalExperienceConfigs/Broken_Site1.digitalExperienceConfig-meta.xml: ' +
        'In field: space - no DigitalExperienceBundle named site/Missing_Site1 found',
      `${siteDir}/sfdc_cms__route/Gadget_Detail__c/content.json: ` +
        'In field: routeType - no CustomObject named Gadget__c found',
      `${siteDir}/sfdc_cms__route/Orphan__c/content.json: In field: activeViewId - no sfdc_cms__view named orphan found`,
      `${siteDir}/sfdc_cms__view/home/content.json: No COMPONENT named markup://c:missingWidget found`,
      `${siteDir}/sfdc_cms__view/home/content.json: ` +
        "The c:hiddenWidget component must be marked 'isExposed=true' to be used on this Lightning Page",
      `${siteDir}/sfdc_cms__view/home/content.json: Specify "lightningCommunity__Page" as the target for the ` +
        'Lightning web component c:appPageWidget in Broken_Site1/sfdc_cms__view/home/content.json and try again',
    ]);
  });

  it('finds a component given a property it does not declare', () => {
    expect(exposureProblems(root)).toEqual([
      'Broken_Site1/sfdc_cms__view/home: c:missingWidget is not in force-app',
      'Broken_Site1/sfdc_cms__view/home: c:hiddenWidget is not exposed',
      'Broken_Site1/sfdc_cms__view/home: c:hiddenWidget has no lightningCommunity__Page target',
      'Broken_Site1/sfdc_cms__view/home: c:appPageWidget has no lightningCommunity__Page target',
      'Broken_Site1/sfdc_cms__view/home: c:siteWidget declares no recordId property for lightningCommunity__Default',
    ]);
  });
});
