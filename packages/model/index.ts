export * from './types';
export * from './ui-types';
export { loadForceApp, findObject, findField, readMetadataXml, MetadataError, REPO_ROOT } from './load';
export {
  OPPORTUNITY_STAGES,
  PARTNER_PROFILE,
  PROFILES,
  TASK_STATUSES,
  RESPONDED_MEMBER_STATUSES,
  LEAD_STATUSES,
} from './standard-objects';
export { API_VERSION, API_VERSION_MAJOR, readApiVersion } from './api-version';
export { expandValueLists, parseUserCriteria, USER_REFERENCE, type UserCriterion } from './restriction-rules';
export { checkRestrictionRules } from './checks';
export type {
  DashboardComponentModel,
  DashboardModel,
  FolderModel,
  ReportAggregateModel,
  ReportColumnModel,
  ReportFilterItemModel,
  ReportGroupingModel,
  ReportingModel,
  ReportModel,
  ReportTypeColumnModel,
  ReportTypeJoinModel,
  ReportTypeModel,
} from './reports';
export { checkReporting, reportTypeColumns, STANDARD_REPORT_TYPES } from './report-checks';
export { REPORT_INTERVALS } from './reports';
