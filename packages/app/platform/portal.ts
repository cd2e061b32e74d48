/**
 * The partner portal's addresses in the local app, named as an Experience Cloud site names its pages: the
 * site's home (`/s/`, the "My Plans" page) and record pages under `/s/<object>/<id>`. The navigation module
 * sends a partner user here; the shell's routes read them back (shell/app/routes.ts).
 */
export const PORTAL_HOME = '/s/';
/** The portal's record page of a plan; other records have no portal page (`/s/detail/<id>` says so). */
export const PORTAL_PLAN_PATH = '/s/partner-account-plan';
export const PORTAL_DETAIL_PATH = '/s/detail';

/** A record's portal page. */
export const portalRecordUrl = (objectName: string, recordId: string): string =>
  objectName === 'Partner_Account_Plan__c' ? `${PORTAL_PLAN_PATH}/${recordId}` : `${PORTAL_DETAIL_PATH}/${recordId}`;
