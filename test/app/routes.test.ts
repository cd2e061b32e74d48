/**
 * The local app's routing decisions (packages/app/shell/modules/shell/app/routes.ts): a partner user gets the
 * portal's pages only, whatever address they open (an internal plan page becomes the plan's portal page,
 * anything else internal says it is not in the portal); internal users keep the app's pages and follow a
 * partner's portal link to the same plan.
 */
import {
  canonicalPath,
  NAV_ITEMS,
  navItemsFor,
  navKey,
  parseRoute,
  type Route,
} from '../../packages/app/shell/modules/shell/app/routes';
import { PORTAL_HOME, portalRecordUrl } from '../../packages/app/platform/portal';

const PLAN_ID = 'a00000000000001AAA';
const REVIEW_ID = 'a0R000000000001AAA';
const INTERNAL_PAGES = ['list', 'record', 'coaching', 'other'];

describe('a partner user', () => {
  it.each(['/', '/s', '/s/', '/plans'])('opens the portal home (My Plans) at %s', (path) => {
    expect(parseRoute(path, 'portal')).toEqual({ page: 'portalHome' });
  });

  it("opens a plan's portal page from its portal address or its internal one", () => {
    expect(parseRoute(`/s/partner-account-plan/${PLAN_ID}`, 'portal')).toEqual({
      page: 'portalPlan',
      recordId: PLAN_ID,
    });
    const fromInternal = parseRoute(`/plans/${PLAN_ID}`, 'portal');
    expect(fromInternal).toEqual({ page: 'portalPlan', recordId: PLAN_ID });
    // The address bar then shows the portal's address.
    expect(canonicalPath(fromInternal)).toBe(`/s/partner-account-plan/${PLAN_ID}`);
  });

  it.each([
    '/sections',
    '/targets',
    '/actions',
    '/coaching',
    '/program-overview',
    '/opportunities',
    `/opportunities/006000000000001AAA`,
    '/accounts',
    `/accounts/001000000000001AAA`,
    `/records/Plan_Target__c/a02000000000001AAA`,
    `/s/detail/a02000000000001AAA`,
    '/s/partner-account-plan',
    '/anything/else',
    `/plan-reviews/${REVIEW_ID}`,
    '/reports',
    '/dashboards/01Z000000000001AAA',
  ])('never gets an internal page at %s: the portal says it is not available there', (path) => {
    const route = parseRoute(path, 'portal');
    expect(route).toEqual({ page: 'notInPortal' });
    expect(INTERNAL_PAGES).not.toContain(route.page);
  });

  it('has one navigation item, My Plans, and no internal tab', () => {
    expect(navItemsFor('portal')).toEqual([{ key: 'myPlans', label: 'My Plans', href: PORTAL_HOME }]);
    expect(navKey({ page: 'portalPlan', recordId: PLAN_ID })).toBe('myPlans');
  });
});

describe('an internal user', () => {
  it.each<[string, Route]>([
    ['/', { page: 'list', kind: 'plans' }],
    ['/plans', { page: 'list', kind: 'plans' }],
    [`/plans/${PLAN_ID}`, { page: 'record', kind: 'plan', recordId: PLAN_ID }],
    ['/coaching', { page: 'coaching' }],
    ['/program-overview', { page: 'programOverview' }],
    ['/targets', { page: 'list', kind: 'targets' }],
    [`/records/Plan_Target__c/${PLAN_ID}`, { page: 'other', objectName: 'Plan_Target__c', recordId: PLAN_ID }],
    // A partner's portal link: the same plan on its internal page.
    ['/s/', { page: 'list', kind: 'plans' }],
    [`/s/partner-account-plan/${PLAN_ID}`, { page: 'record', kind: 'plan', recordId: PLAN_ID }],
    ['/nowhere', { page: 'notFound' }],
    [`/plan-reviews/${REVIEW_ID}`, { page: 'record', kind: 'review', recordId: REVIEW_ID }],
    ['/plan-reviews', { page: 'notFound' }],
    ['/reports', { page: 'reports' }],
    ['/reports/00O000000000001AAA', { page: 'report', reportId: '00O000000000001AAA' }],
    ['/dashboards/01Z000000000001AAA', { page: 'dashboard', dashboardId: '01Z000000000001AAA' }],
    ['/dashboards', { page: 'notFound' }],
  ])('opens %s as the internal page', (path, route) => {
    expect(parseRoute(path, 'internal')).toEqual(route);
  });

  it('never gets a portal page, and keeps every internal tab', () => {
    for (const path of ['/', '/s/', `/s/partner-account-plan/${PLAN_ID}`, '/plans', '/coaching'])
      expect(parseRoute(path, 'internal').page).not.toMatch(/^portal|notInPortal/);
    expect(navItemsFor('internal')).toBe(NAV_ITEMS);
    expect(NAV_ITEMS.map((item) => item.label)).toEqual([
      'Plans',
      'Sections',
      'Targets',
      'APR Actions',
      'Coaching',
      'Program Overview',
      'Opportunities',
      'Partner Accounts',
      'Reports',
    ]);
    expect(canonicalPath(parseRoute(`/s/partner-account-plan/${PLAN_ID}`, 'internal'))).toBe(`/plans/${PLAN_ID}`);
  });
});

it("maps a plan's record page reference to the portal plan page, and other records to no portal page", () => {
  expect(portalRecordUrl('Partner_Account_Plan__c', PLAN_ID)).toBe(`/s/partner-account-plan/${PLAN_ID}`);
  // The navigation module's portal address of another record reads back as "not in the portal".
  const target = portalRecordUrl('Plan_Target__c', 'a02000000000001AAA');
  expect(parseRoute(target, 'portal')).toEqual({ page: 'notInPortal' });
  expect(parseRoute(portalRecordUrl('Partner_Account_Plan__c', PLAN_ID), 'portal')).toEqual({
    page: 'portalPlan',
    recordId: PLAN_ID,
  });
});

it("opens a plan review's record page under Plans, at its own address", () => {
  const route = parseRoute(`/plan-reviews/${REVIEW_ID}`, 'internal');
  expect(canonicalPath(route)).toBe(`/plan-reviews/${REVIEW_ID}`);
  expect(navKey(route)).toBe('plans');
});
