/**
 * A deploy's Experience Cloud site components, validated as Salesforce validates them: a Network names its
 * CustomSite, its site content (a DigitalExperienceBundle, `picassoSite`) and its members (profiles and
 * permission sets of the org); a DigitalExperienceConfig names its bundle (`space`); an LWR site's routes
 * name their views and, for object pages, an existing object; a view's custom components (`c:name`) are
 * Lightning web components of the project, exposed, with the `lightningCommunity__Page` target. Each
 * problem is reported on the file that holds it, with Salesforce's problem text.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { findObject, PROFILES, type ForceAppModel } from '@partner-planning/model';
import { XMLParser } from 'fast-xml-parser';
import type { Problem } from './validate';

/** Standard profiles' Metadata API names, which a Network may use instead of the profile's name. */
const PROFILE_API_NAMES: Record<string, string> = { admin: 'System Administrator', standard: 'Standard User' };

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => ['permissionSet', 'profile', 'target', 'targetConfig', 'property'].includes(name),
});

type Element = Record<string, unknown>;

const listDirs = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((n) => statSync(join(dir, n)).isDirectory())
        .sort()
    : [];
const listFiles = (dir: string, suffix: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((n) => n.endsWith(suffix))
        .sort()
        .map((n) => join(dir, n))
    : [];

const child = (value: unknown, name: string): Element =>
  typeof value === 'object' && value !== null && typeof (value as Element)[name] === 'object'
    ? ((value as Element)[name] as Element)
    : {};
const text = (value: unknown, name: string): string | undefined => {
  const v = typeof value === 'object' && value !== null ? (value as Element)[name] : undefined;
  return typeof v === 'string' && v !== '' ? v : undefined;
};
const texts = (value: unknown, name: string): string[] => {
  const v = typeof value === 'object' && value !== null ? (value as Element)[name] : undefined;
  return Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : [];
};

function readXml(path: string, root: string): Element {
  return child(xml.parse(readFileSync(path, 'utf8')) as unknown, root);
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/** The project's site metadata folders (source format). */
export interface SiteProject {
  root: string;
  defaultDir: string;
}

/** Whether a profile name (a Network's `<profile>`, any case) is a profile of the org. */
export function orgHasProfile(name: string): boolean {
  const lower = name.toLowerCase();
  return lower in PROFILE_API_NAMES || PROFILES.some((p) => p.toLowerCase() === lower);
}

/** A Lightning web component's exposure for Experience Builder pages, from its js-meta.xml. */
export interface SiteComponent {
  exposed: boolean;
  targets: string[];
  /** Properties a site page may set: those of the `lightningCommunity__Default` target config. */
  properties: string[];
}

export function readSiteComponent(defaultDir: string, name: string): SiteComponent | undefined {
  const path = join(defaultDir, 'lwc', name, `${name}.js-meta.xml`);
  if (!existsSync(path)) return undefined;
  const bundle = readXml(path, 'LightningComponentBundle');
  const configs = child(bundle, 'targetConfigs').targetConfig;
  const properties = (Array.isArray(configs) ? (configs as Element[]) : [])
    .filter((c) =>
      String(c['@targets'] ?? '')
        .split(',')
        .map((t) => t.trim())
        .includes('lightningCommunity__Default'),
    )
    .flatMap((c) => (Array.isArray(c.property) ? (c.property as Element[]) : []))
    .map((p) => String(p['@name'] ?? ''));
  return {
    exposed: text(bundle, 'isExposed') === 'true',
    targets: texts(child(bundle, 'targets'), 'target'),
    properties,
  };
}

/** A custom component placed on a site view: its name (`c:name` without `c:`) and the attributes set on it. */
export interface PlacedComponent {
  name: string;
  attributes: string[];
}

/** Every `c:` component in a view's (or theme layout's) component tree. */
export function placedComponents(node: unknown): PlacedComponent[] {
  if (Array.isArray(node)) return node.flatMap(placedComponents);
  if (typeof node !== 'object' || node === null) return [];
  const el = node as Element;
  const found: PlacedComponent[] = [];
  const definition = typeof el.definition === 'string' ? el.definition : '';
  if (definition.startsWith('c:')) {
    const attributes = typeof el.attributes === 'object' && el.attributes !== null ? Object.keys(el.attributes) : [];
    found.push({ name: definition.slice(2), attributes });
  }
  return [...found, ...placedComponents(el.children), ...placedComponents(el.component)];
}

/** An LWR site's content items of one type: `<bundle>/<type>/<name>/content.json`. */
export interface ContentItem {
  name: string;
  path: string;
  content: unknown;
}

export function contentItems(bundleDir: string, type: string): ContentItem[] {
  return listDirs(join(bundleDir, type))
    .map((name) => ({ name, path: join(bundleDir, type, name, 'content.json') }))
    .filter((item) => existsSync(item.path))
    .map((item) => ({ ...item, content: readJson(item.path) }));
}

/** The LWR site bundles: `digitalExperiences/site/<name>/`. */
export function siteBundles(defaultDir: string): string[] {
  return listDirs(join(defaultDir, 'digitalExperiences', 'site'));
}

function viewProblems(project: SiteProject, bundle: string): Problem[] {
  const problems: Problem[] = [];
  const bundleDir = join(project.defaultDir, 'digitalExperiences', 'site', bundle);
  for (const type of ['sfdc_cms__view', 'sfdc_cms__themeLayout']) {
    for (const item of contentItems(bundleDir, type)) {
      const file = relative(project.root, item.path);
      const component = { type: 'DigitalExperience', fullName: `site/${bundle}.${type}/${item.name}` };
      const where = `${bundle}/${type}/${item.name}/content.json`;
      for (const placed of placedComponents(child(item.content, 'contentBody').component)) {
        const lwc = readSiteComponent(project.defaultDir, placed.name);
        let problem: string | undefined;
        if (!lwc) problem = `No COMPONENT named markup://c:${placed.name} found`;
        else if (!lwc.exposed)
          problem = `The c:${placed.name} component must be marked 'isExposed=true' to be used on this Lightning Page`;
        else if (!lwc.targets.includes('lightningCommunity__Page'))
          problem = `Specify "lightningCommunity__Page" as the target for the Lightning web component c:${placed.name} in ${where} and try again`;
        if (problem) problems.push({ file, component, problem });
      }
    }
  }
  return problems;
}

function routeProblems(project: SiteProject, model: ForceAppModel, bundle: string): Problem[] {
  const problems: Problem[] = [];
  const bundleDir = join(project.defaultDir, 'digitalExperiences', 'site', bundle);
  const views = new Map(contentItems(bundleDir, 'sfdc_cms__view').map((v) => [v.name, v]));
  for (const route of contentItems(bundleDir, 'sfdc_cms__route')) {
    const file = relative(project.root, route.path);
    const component = { type: 'DigitalExperience', fullName: `site/${bundle}.sfdc_cms__route/${route.name}` };
    const body = child(route.content, 'contentBody');
    const viewId = text(body, 'activeViewId') ?? '';
    const routeType = text(body, 'routeType') ?? '';
    const view = views.get(viewId);
    if (!view) {
      problems.push({ file, component, problem: `In field: activeViewId - no sfdc_cms__view named ${viewId} found` });
      continue;
    }
    const viewType = text(child(view.content, 'contentBody'), 'viewType') ?? '';
    if (viewType !== routeType) {
      problems.push({
        file,
        component,
        problem: `The routeType ${routeType} doesn't match the viewType ${viewType} of the view ${viewId}`,
      });
    }
    // Object pages name a custom object by its API name (detail-Object__c, list-..., relatedlist-...).
    const object = /^(?:detail|list|relatedlist)-(\w+__c)$/.exec(routeType)?.[1];
    if (object && !findObject(model, object)) {
      problems.push({ file, component, problem: `In field: routeType - no CustomObject named ${object} found` });
    }
  }
  return problems;
}

function networkProblems(project: SiteProject, model: ForceAppModel, bundles: string[]): Problem[] {
  const problems: Problem[] = [];
  const sites = new Set(
    listFiles(join(project.defaultDir, 'sites'), '.site-meta.xml').map((p) => basename(p, '.site-meta.xml')),
  );
  for (const path of listFiles(join(project.defaultDir, 'networks'), '.network-meta.xml')) {
    const file = relative(project.root, path);
    const network = readXml(path, 'Network');
    const site = text(network, 'site');
    if (site && !sites.has(site)) {
      problems.push({ file, problem: `In field: site - no CustomSite named ${site} found` });
    }
    const picassoSite = text(network, 'picassoSite');
    const experiences = listDirs(join(project.defaultDir, 'experiences'));
    if (picassoSite && !bundles.includes(picassoSite) && !experiences.includes(picassoSite)) {
      problems.push({ file, problem: `In field: picassoSite - no DigitalExperienceBundle named ${picassoSite} found` });
    }
    const members = child(network, 'networkMemberGroups');
    for (const profile of texts(members, 'profile')) {
      if (!orgHasProfile(profile)) {
        problems.push({ file, problem: `In field: profile - no Profile named ${profile} found` });
      }
    }
    for (const permissionSet of texts(members, 'permissionSet')) {
      if (!model.permissionSets.has(permissionSet)) {
        problems.push({ file, problem: `In field: permissionSet - no PermissionSet named ${permissionSet} found` });
      }
    }
  }
  return problems;
}

function configProblems(project: SiteProject, bundles: string[]): Problem[] {
  const problems: Problem[] = [];
  const suffix = '.digitalExperienceConfig-meta.xml';
  for (const path of listFiles(join(project.defaultDir, 'digitalExperienceConfigs'), suffix)) {
    const space = text(readXml(path, 'DigitalExperienceConfig'), 'space') ?? '';
    if (!bundles.some((b) => space === `site/${b}`)) {
      problems.push({
        file: relative(project.root, path),
        problem: `In field: space - no DigitalExperienceBundle named ${space} found`,
      });
    }
  }
  return problems;
}

/** Problems with the project's Experience Cloud site components (none when it has no site). */
export function siteProblems(root: string, model: ForceAppModel): Problem[] {
  const project = { root, defaultDir: join(root, 'force-app', 'main', 'default') };
  const bundles = siteBundles(project.defaultDir);
  return [
    ...networkProblems(project, model, bundles),
    ...configProblems(project, bundles),
    ...bundles.flatMap((b) => [...routeProblems(project, model, b), ...viewProblems(project, b)]),
  ];
}
