/** The Custom Labels this component shows (category Partner Planning). */
import AE_NAMED from '@salesforce/label/c.Target_Table_AE_Named';
import ATTAINMENT_OF from '@salesforce/label/c.Partner_Planning_Attainment_Of';
import COL_ACTIONS from '@salesforce/label/c.Target_Table_Col_Actions';
import COL_ACTUAL from '@salesforce/label/c.Partner_Planning_Col_Actual';
import COL_ATTAINMENT from '@salesforce/label/c.Partner_Planning_Col_Attainment';
import COL_BASELINE from '@salesforce/label/c.Plan_Editor_Col_Baseline';
import COL_METRIC from '@salesforce/label/c.Partner_Planning_Col_Metric';
import COL_PACE from '@salesforce/label/c.Partner_Planning_Col_Pace';
import COL_PERIOD from '@salesforce/label/c.Partner_Planning_Col_Period';
import COL_TARGET from '@salesforce/label/c.Partner_Planning_Col_Target';
import COMMENTS from '@salesforce/label/c.Plan_Comments_Title';
import CLOSED_SUMMARY from '@salesforce/label/c.Target_Table_Closed_Summary';
import COMMENTS_ON from '@salesforce/label/c.Partner_Portal_Show_Comments';
import DELETE_TARGET from '@salesforce/label/c.Target_Table_Delete_Target';
import EDIT_TARGET from '@salesforce/label/c.Target_Table_Edit_Target';
import GROUP_HEADING from '@salesforce/label/c.Target_Table_Group_Heading';
import MONTHS_TOTAL from '@salesforce/label/c.Target_Table_Months_Total';
import NOT_STARTED from '@salesforce/label/c.Pace_Not_Started';
import OTHER_TARGETS from '@salesforce/label/c.Target_Table_Other_Targets';
import PACE from '@salesforce/label/c.Pace_Status_Assistive';
import PACE_AHEAD from '@salesforce/label/c.Pace_Ahead';
import PACE_BEHIND from '@salesforce/label/c.Pace_Behind';
import PACE_MET from '@salesforce/label/c.Pace_Met';
import PACE_MISSED from '@salesforce/label/c.Pace_Missed';
import PACE_NO_DATA from '@salesforce/label/c.Pace_No_Data';
import PACE_ON_TRACK from '@salesforce/label/c.Pace_On_Track';
import PACE_OVER_BUDGET from '@salesforce/label/c.Pace_Over_Budget';
import PM_NAMED from '@salesforce/label/c.Target_Table_PM_Named';
import QUARTERS_TOTAL from '@salesforce/label/c.Target_Table_Quarters_Total';
import RESPLIT from '@salesforce/label/c.Target_Table_Resplit';
import SPLIT_TARGET from '@salesforce/label/c.Target_Table_Split_Target';
import TARGET_VALUE_FOR from '@salesforce/label/c.Plan_Editor_Target_Value_For';
import WEIGHT_VALUE from '@salesforce/label/c.Target_Table_Weight_Value';

export const LABELS = {
  aeNamed: AE_NAMED,
  attainmentOf: ATTAINMENT_OF,
  colActions: COL_ACTIONS,
  colActual: COL_ACTUAL,
  colAttainment: COL_ATTAINMENT,
  colBaseline: COL_BASELINE,
  colMetric: COL_METRIC,
  colPace: COL_PACE,
  colPeriod: COL_PERIOD,
  colTarget: COL_TARGET,
  closedSummary: CLOSED_SUMMARY,
  comments: COMMENTS,
  commentsOn: COMMENTS_ON,
  deleteTarget: DELETE_TARGET,
  editTarget: EDIT_TARGET,
  groupHeading: GROUP_HEADING,
  monthsTotal: MONTHS_TOTAL,
  notStarted: NOT_STARTED,
  otherTargets: OTHER_TARGETS,
  pace: PACE,
  pmNamed: PM_NAMED,
  quartersTotal: QUARTERS_TOTAL,
  resplit: RESPLIT,
  splitTarget: SPLIT_TARGET,
  targetValueFor: TARGET_VALUE_FOR,
  weightValue: WEIGHT_VALUE,
};

/** How the grid names pace statuses (the values of Plan_Target__c.Pace_Status__c), as c-pace-badge does. */
export const PACE_LABELS = {
  pace: PACE,
  notStarted: NOT_STARTED,
  noData: PACE_NO_DATA,
  byStatus: {
    Ahead: PACE_AHEAD,
    'On Track': PACE_ON_TRACK,
    Behind: PACE_BEHIND,
    'Over Budget': PACE_OVER_BUDGET,
    Met: PACE_MET,
    Missed: PACE_MISSED,
  } as Record<string, string>,
};
