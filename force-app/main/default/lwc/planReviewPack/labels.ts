/** The Custom Labels this component shows (category Partner Planning). */
import ACTIONS_BY_PERSON from '@salesforce/label/c.Plan_Review_Pack_Actions_By_Person';
import ACTIONS_BY_TYPE from '@salesforce/label/c.Plan_Review_Pack_Actions_By_Type';
import ACTIONS_LOGGED from '@salesforce/label/c.Plan_Review_Pack_Actions_Logged';
import COL_ACCOUNT from '@salesforce/label/c.Plan_Review_Pack_Col_Account';
import COL_ACTUAL from '@salesforce/label/c.Partner_Planning_Col_Actual';
import COL_AMOUNT from '@salesforce/label/c.Plan_Review_Pack_Col_Amount';
import COL_ATTAINMENT from '@salesforce/label/c.Partner_Planning_Col_Attainment';
import COL_CLOSE_DATE from '@salesforce/label/c.Plan_Review_Pack_Col_Close_Date';
import COL_COUNT from '@salesforce/label/c.Plan_Review_Pack_Col_Count';
import COL_LAST_ACTION from '@salesforce/label/c.Plan_Review_Pack_Col_Last_Action';
import COL_METRIC from '@salesforce/label/c.Partner_Planning_Col_Metric';
import COL_OPPORTUNITY from '@salesforce/label/c.Plan_Review_Pack_Col_Opportunity';
import COL_PACE from '@salesforce/label/c.Partner_Planning_Col_Pace';
import COL_PERIOD from '@salesforce/label/c.Partner_Planning_Col_Period';
import COL_PERSON from '@salesforce/label/c.Plan_Review_Pack_Col_Person';
import COL_SECTION from '@salesforce/label/c.Plan_Review_Pack_Col_Section';
import COL_STAGE from '@salesforce/label/c.Plan_Review_Pack_Col_Stage';
import COL_TARGET from '@salesforce/label/c.Partner_Planning_Col_Target';
import COL_TYPE from '@salesforce/label/c.Plan_Review_Pack_Col_Type';
import CANCEL from '@salesforce/label/c.Partner_Planning_Cancel';
import COMMENTS from '@salesforce/label/c.Plan_Review_Pack_Comments';
import EDIT_SUMMARY from '@salesforce/label/c.Plan_Review_Pack_Edit_Summary';
import INTERNAL from '@salesforce/label/c.Plan_Review_Pack_Internal';
import INVALID from '@salesforce/label/c.Plan_Review_Pack_Invalid';
import MISSING from '@salesforce/label/c.Plan_Review_Pack_Missing';
import NEXT_QUARTER from '@salesforce/label/c.Plan_Review_Pack_Next_Quarter';
import NO_ACTIONS from '@salesforce/label/c.Plan_Review_Pack_No_Actions';
import NO_COMMENTS from '@salesforce/label/c.Plan_Review_Pack_No_Comments';
import NO_NEXT_QUARTER from '@salesforce/label/c.Plan_Review_Pack_No_Next_Quarter';
import NO_STALE from '@salesforce/label/c.Plan_Review_Pack_No_Stale';
import NO_SUMMARY from '@salesforce/label/c.Plan_Review_Pack_No_Summary';
import NO_TARGETS from '@salesforce/label/c.Plan_Review_Pack_No_Targets';
import NO_WINS from '@salesforce/label/c.Plan_Review_Pack_No_Wins';
import OMITTED_COMMENTS from '@salesforce/label/c.Plan_Review_Pack_Omitted_Comments';
import OVERALL_ATTAINMENT from '@salesforce/label/c.Partner_Planning_Overall_Attainment';
import PARTNER from '@salesforce/label/c.Plan_Review_Pack_Partner';
import PREPARED_BY from '@salesforce/label/c.Plan_Review_Pack_Prepared_By';
import PREPARED_ON from '@salesforce/label/c.Plan_Review_Pack_Prepared_On';
import PRINT from '@salesforce/label/c.Plan_Review_Pack_Print';
import SAVE from '@salesforce/label/c.Partner_Planning_Save';
import SECTION_ATTAINMENT from '@salesforce/label/c.Plan_Review_Pack_Section_Attainment';
import STALE_DEALS from '@salesforce/label/c.Plan_Review_Pack_Stale_Deals';
import SUMMARY from '@salesforce/label/c.Plan_Review_Pack_Summary';
import TARGETS_BEHIND from '@salesforce/label/c.Plan_Review_Pack_Targets_Behind';
import TITLE from '@salesforce/label/c.Plan_Review_Pack_Title';
import TOTAL from '@salesforce/label/c.Plan_Review_Pack_Total';
import UNKNOWN_VERSION from '@salesforce/label/c.Plan_Review_Pack_Unknown_Version';
import WINS from '@salesforce/label/c.Plan_Review_Pack_Wins';
import WON_AMOUNT from '@salesforce/label/c.Plan_Review_Pack_Won_Amount';

export const LABELS = {
  actionsByPerson: ACTIONS_BY_PERSON,
  actionsByType: ACTIONS_BY_TYPE,
  actionsLogged: ACTIONS_LOGGED,
  cancel: CANCEL,
  colAccount: COL_ACCOUNT,
  colActual: COL_ACTUAL,
  colAmount: COL_AMOUNT,
  colAttainment: COL_ATTAINMENT,
  colCloseDate: COL_CLOSE_DATE,
  colCount: COL_COUNT,
  colLastAction: COL_LAST_ACTION,
  colMetric: COL_METRIC,
  colOpportunity: COL_OPPORTUNITY,
  colPace: COL_PACE,
  colPeriod: COL_PERIOD,
  colPerson: COL_PERSON,
  colSection: COL_SECTION,
  colStage: COL_STAGE,
  colTarget: COL_TARGET,
  colType: COL_TYPE,
  comments: COMMENTS,
  editSummary: EDIT_SUMMARY,
  internal: INTERNAL,
  invalid: INVALID,
  missing: MISSING,
  nextQuarter: NEXT_QUARTER,
  noActions: NO_ACTIONS,
  noComments: NO_COMMENTS,
  noNextQuarter: NO_NEXT_QUARTER,
  noStale: NO_STALE,
  noSummary: NO_SUMMARY,
  noTargets: NO_TARGETS,
  noWins: NO_WINS,
  omittedComments: OMITTED_COMMENTS,
  overallAttainment: OVERALL_ATTAINMENT,
  partner: PARTNER,
  preparedBy: PREPARED_BY,
  preparedOn: PREPARED_ON,
  print: PRINT,
  save: SAVE,
  sectionAttainment: SECTION_ATTAINMENT,
  staleDeals: STALE_DEALS,
  summary: SUMMARY,
  targetsBehind: TARGETS_BEHIND,
  title: TITLE,
  total: TOTAL,
  unknownVersion: UNKNOWN_VERSION,
  wins: WINS,
  wonAmount: WON_AMOUNT,
};
