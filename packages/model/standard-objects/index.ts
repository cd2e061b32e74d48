/**
 * The platform's standard objects and fields that this project uses. These are Salesforce's, not ours,
 * so they are not in force-app; the custom fields that force-app adds to them are merged in by the loader.
 * One module per area: setup (users, roles, groups), sales, marketing, activities, products, fiscal
 * calendar, shares.
 */
import type { ObjectModel } from '../types';
import { activityObjects } from './activities';
import { fiscalObjects } from './fiscal';
import { analyticsObjects } from './analytics';
import { marketingObjects } from './marketing';
import { productObjects } from './products';
import { salesObjects } from './sales';
import { setupObjects } from './setup';

export { auditFields } from './common';
export { GROUP_TYPES, PARTNER_PROFILE, PORTAL_ROLES, PROFILES, USER_TYPES } from './setup';
export { PERIOD_TYPES } from './fiscal';
export { LEAD_SOURCES, LEAD_STATUSES, OPPORTUNITY_STAGES } from './sales';
export { CAMPAIGN_MEMBER_STATUSES, CAMPAIGN_STATUSES, CAMPAIGN_TYPES, RESPONDED_MEMBER_STATUSES } from './marketing';
export { ACTIVITY_TYPES, TASK_PRIORITIES, TASK_STATUSES, WHAT_OBJECTS, WHO_OBJECTS } from './activities';
export { SHARE_ACCESS_LEVELS, SHARE_ROW_CAUSES, shareObject, shareObjectName } from './shares';

export function standardObjects(): ObjectModel[] {
  return [
    ...setupObjects(),
    ...salesObjects(),
    ...marketingObjects(),
    ...activityObjects(),
    ...productObjects(),
    ...fiscalObjects(),
    ...analyticsObjects(),
  ];
}

/** Tasks and events may relate (WhatId) to the records of every custom object that enables activities. */
export function linkActivities(objects: Map<string, ObjectModel>): void {
  const related = [...objects.values()].filter((o) => o.kind === 'custom' && o.enableActivities).map((o) => o.apiName);
  for (const name of ['Task', 'Event']) {
    const what = objects.get(name)?.fields.get('WhatId');
    if (what) what.referenceTo = [...(what.referenceTo ?? []), ...related];
  }
}
