/** The Custom Labels this component shows (category Partner Planning). */
import ACTUAL_OF_TARGET from '@salesforce/label/c.Plan_Progress_Actual_Of_Target';
import ATTAINMENT_OF from '@salesforce/label/c.Partner_Planning_Attainment_Of';
import FURTHEST_BEHIND from '@salesforce/label/c.Plan_Progress_Furthest_Behind';
import LOAD_ERROR_TITLE from '@salesforce/label/c.Partner_Planning_Load_Error_Title';
import LOADING from '@salesforce/label/c.Partner_Planning_Loading';
import NO_ACTIVE_PLAN from '@salesforce/label/c.Plan_Progress_No_Active_Plan';
import NOTHING_EXPECTED_YET from '@salesforce/label/c.Plan_Progress_Nothing_Expected';
import OF_EXPECTED from '@salesforce/label/c.Plan_Progress_Of_Expected';
import OPEN_PLAN from '@salesforce/label/c.Plan_Progress_Open_Plan';
import OVERALL_ATTAINMENT from '@salesforce/label/c.Partner_Planning_Overall_Attainment';
import PACE_COUNTS from '@salesforce/label/c.Plan_Progress_Pace_Counts';
import PACE_NOT_STARTED from '@salesforce/label/c.Plan_Progress_Pace_Not_Started';
import PACE_OF_EXPECTED from '@salesforce/label/c.Plan_Progress_Pace_Of_Expected';
import TITLE from '@salesforce/label/c.Plan_Progress_Title';
import UPCOMING_PLAN from '@salesforce/label/c.Plan_Progress_Upcoming_Plan';

export const LABELS = {
  actualOfTarget: ACTUAL_OF_TARGET,
  attainmentOf: ATTAINMENT_OF,
  furthestBehind: FURTHEST_BEHIND,
  loadErrorTitle: LOAD_ERROR_TITLE,
  loading: LOADING,
  noActivePlan: NO_ACTIVE_PLAN,
  nothingExpectedYet: NOTHING_EXPECTED_YET,
  ofExpected: OF_EXPECTED,
  openPlan: OPEN_PLAN,
  overallAttainment: OVERALL_ATTAINMENT,
  paceCounts: PACE_COUNTS,
  paceNotStarted: PACE_NOT_STARTED,
  paceOfExpected: PACE_OF_EXPECTED,
  title: TITLE,
  upcomingPlan: UPCOMING_PLAN,
};
