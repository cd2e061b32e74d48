/** The Custom Labels this component shows (category Partner Planning). */
import ACCEPTED_TITLE from '@salesforce/label/c.Partner_Portal_Accepted_Title';
import REQUEST_SENT_TITLE from '@salesforce/label/c.Partner_Portal_Request_Sent_Title';
import ACCEPT from '@salesforce/label/c.Partner_Portal_Accept';
import ACCEPT_CONFIRM from '@salesforce/label/c.Partner_Portal_Accept_Confirm';
import ACCEPT_FAILED from '@salesforce/label/c.Partner_Portal_Accept_Failed';
import ACCEPTED from '@salesforce/label/c.Partner_Portal_Accepted';
import ACCEPTED_BY_ON from '@salesforce/label/c.Plan_Editor_Accepted_By_On';
import ACCEPTED_BY_PARTNER from '@salesforce/label/c.Plan_Editor_Accepted_By_Partner';
import ATTAINMENT_OF from '@salesforce/label/c.Partner_Planning_Attainment_Of';
import AWAITING_REVIEW from '@salesforce/label/c.Partner_Portal_Awaiting_Review';
import CANCEL from '@salesforce/label/c.Partner_Planning_Cancel';
import BASELINES_FAILED from '@salesforce/label/c.Partner_Portal_Baselines_Failed';
import CHANGE_HELP from '@salesforce/label/c.Partner_Portal_Change_Help';
import CHANGE_REASON from '@salesforce/label/c.Partner_Portal_Change_Reason';
import CHANGES_REQUESTED from '@salesforce/label/c.Partner_Portal_Changes_Requested';
import CLOSED from '@salesforce/label/c.Partner_Portal_Closed';
import CLOSED_BADGE from '@salesforce/label/c.Partner_Portal_Closed_Badge';
import COL_ACTUAL from '@salesforce/label/c.Partner_Planning_Col_Actual';
import COL_ATTAINMENT from '@salesforce/label/c.Partner_Planning_Col_Attainment';
import COL_METRIC from '@salesforce/label/c.Partner_Planning_Col_Metric';
import COL_PACE from '@salesforce/label/c.Partner_Planning_Col_Pace';
import COL_PERIOD from '@salesforce/label/c.Partner_Planning_Col_Period';
import COL_TARGET from '@salesforce/label/c.Partner_Planning_Col_Target';
import COMMENTS from '@salesforce/label/c.Plan_Comments_Title';
import CONFIRM_ACCEPT from '@salesforce/label/c.Partner_Portal_Confirm_Accept';
import HIDE_COMMENTS from '@salesforce/label/c.Partner_Portal_Hide_Comments';
import MY_PLANS from '@salesforce/label/c.Partner_Portal_My_Plans';
import NO_PLANS from '@salesforce/label/c.Partner_Portal_No_Plans';
import NO_SECTIONS from '@salesforce/label/c.Partner_Portal_No_Sections';
import NO_TARGETS from '@salesforce/label/c.Partner_Portal_No_Targets';
import OVERALL_ATTAINMENT from '@salesforce/label/c.Partner_Planning_Overall_Attainment';
import PARTNER from '@salesforce/label/c.Plan_Editor_Partner';
import PERIOD from '@salesforce/label/c.Plan_Editor_Period';
import PLAN from '@salesforce/label/c.Partner_Portal_Plan';
import READ_ONLY from '@salesforce/label/c.Partner_Portal_Read_Only';
import REASON_REQUIRED from '@salesforce/label/c.Plan_Editor_Reason_Required';
import REQUEST_CHANGES from '@salesforce/label/c.Partner_Portal_Request_Changes';
import REQUEST_FAILED from '@salesforce/label/c.Partner_Portal_Request_Failed';
import RETRY from '@salesforce/label/c.Partner_Planning_Retry';
import REVIEW_HELP from '@salesforce/label/c.Partner_Portal_Review_Help';
import REVIEW_TITLE from '@salesforce/label/c.Partner_Portal_Review_Title';
import SECTION_ATTAINMENT from '@salesforce/label/c.Plan_Editor_Section_Attainment';
import SECTIONS from '@salesforce/label/c.Plan_Editor_Sections';
import SEND_REQUEST from '@salesforce/label/c.Partner_Portal_Send_Request';
import SHOW_COMMENTS from '@salesforce/label/c.Partner_Portal_Show_Comments';
import STATUS from '@salesforce/label/c.Plan_Editor_Status';
import TARGETS_OF from '@salesforce/label/c.Partner_Portal_Targets_Of';
import TASK_FAILED from '@salesforce/label/c.Partner_Portal_Task_Failed';
import TRUNCATED from '@salesforce/label/c.Partner_Planning_Truncated';
import VERSION from '@salesforce/label/c.Plan_Editor_Version';
import VERSION_VALUE from '@salesforce/label/c.Plan_Editor_Version_Value';

export const LABELS = {
  accept: ACCEPT,
  acceptConfirm: ACCEPT_CONFIRM,
  acceptFailed: ACCEPT_FAILED,
  accepted: ACCEPTED,
  acceptedByOn: ACCEPTED_BY_ON,
  acceptedByPartner: ACCEPTED_BY_PARTNER,
  attainmentOf: ATTAINMENT_OF,
  awaitingReview: AWAITING_REVIEW,
  cancel: CANCEL,
  baselinesFailed: BASELINES_FAILED,
  changeHelp: CHANGE_HELP,
  changeReason: CHANGE_REASON,
  changesRequested: CHANGES_REQUESTED,
  closed: CLOSED,
  closedBadge: CLOSED_BADGE,
  colActual: COL_ACTUAL,
  colAttainment: COL_ATTAINMENT,
  colMetric: COL_METRIC,
  colPace: COL_PACE,
  colPeriod: COL_PERIOD,
  colTarget: COL_TARGET,
  comments: COMMENTS,
  confirmAccept: CONFIRM_ACCEPT,
  hideComments: HIDE_COMMENTS,
  myPlans: MY_PLANS,
  noPlans: NO_PLANS,
  noSections: NO_SECTIONS,
  noTargets: NO_TARGETS,
  acceptedTitle: ACCEPTED_TITLE,
  requestSentTitle: REQUEST_SENT_TITLE,
  overallAttainment: OVERALL_ATTAINMENT,
  partner: PARTNER,
  period: PERIOD,
  plan: PLAN,
  readOnly: READ_ONLY,
  reasonRequired: REASON_REQUIRED,
  requestChanges: REQUEST_CHANGES,
  requestFailed: REQUEST_FAILED,
  retry: RETRY,
  reviewHelp: REVIEW_HELP,
  reviewTitle: REVIEW_TITLE,
  sectionAttainment: SECTION_ATTAINMENT,
  sections: SECTIONS,
  sendRequest: SEND_REQUEST,
  showComments: SHOW_COMMENTS,
  status: STATUS,
  targetsOf: TARGETS_OF,
  taskFailed: TASK_FAILED,
  truncated: TRUNCATED,
  version: VERSION,
  versionValue: VERSION_VALUE,
};
