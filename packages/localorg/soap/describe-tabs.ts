/**
 * The partner API's `describeTabs()` (jsforce's `conn.soap.describeTabs()`): the apps the session's user may
 * see, each a DescribeTabSetResult with the app's tabs that user may see (rest/tabs.ts decides both), in the
 * WSDL's element order. The first app is the selected one, as it is for a user who has not picked another.
 */
import { makeId } from '../ids';
import type { OrgRuntime } from '../rest/context';
import { STANDARD_SALES_APP, visibleTabSets, type TabDescription } from '../rest/tabs';
import { xmlElements, type XmlFields } from '../xml';

/** App Ids (CustomApplication, `02u`): stable per position in the model. */
const APP_KEY_PREFIX = '02u';

function tabFields(tab: TabDescription): XmlFields {
  return [
    ...tab.colors.map((c): [string, XmlFields] => [
      'colors',
      [
        ['color', c.color],
        ['context', c.context],
        ['theme', c.theme],
      ],
    ]),
    ['custom', tab.custom],
    ['iconUrl', tab.iconUrl],
    ...tab.icons.map((i): [string, XmlFields] => [
      'icons',
      [
        ['contentType', i.contentType],
        ['height', i.height],
        ['theme', i.theme],
        ['url', i.url],
        ['width', i.width],
      ],
    ]),
    ['label', tab.label],
    ['miniIconUrl', tab.miniIconUrl],
    ['name', tab.name],
    // Never nil in the SOAP answer: a tab of no object (Home, a Lightning page) has an empty sobjectName.
    ['sobjectName', tab.sobjectName ?? ''],
    ['url', tab.url],
  ];
}

/** The `<result>` elements of a describeTabsResponse for `userId`. */
export function describeTabsResults(org: OrgRuntime, userId: string, apiVersion: string): string {
  const req = {
    method: 'POST',
    params: [],
    query: new URLSearchParams(),
    headers: {},
    bodyText: '',
    ctx: { userId, apiVersion, now: org.now() },
  };
  const apps = org.schema.model.applications;
  return visibleTabSets(org, req)
    .map(({ app, tabs }, index) =>
      xmlElements([
        [
          'result',
          [
            ['description', app.description ?? app.label],
            ['label', app.label],
            ['logoUrl', `${org.instanceUrl}/img/salesforce-noname-logo-v2.svg`],
            ['namespace', null],
            ['selected', index === 0],
            // The standard app comes after the package's: its Id follows theirs.
            ['tabSetId', makeId(APP_KEY_PREFIX, app === STANDARD_SALES_APP ? apps.length + 1 : apps.indexOf(app) + 1)],
            ...tabs.map((tab): [string, XmlFields] => ['tabs', tabFields(tab)]),
          ],
        ],
      ]),
    )
    .join('');
}
