/** The Custom Labels this component shows (category Partner Planning). */
import COL_ACTUAL from '@salesforce/label/c.Partner_Planning_Col_Actual';
import COL_ATTAINMENT from '@salesforce/label/c.Partner_Planning_Col_Attainment';
import COL_METRIC from '@salesforce/label/c.Partner_Planning_Col_Metric';
import COL_PACE from '@salesforce/label/c.Partner_Planning_Col_Pace';
import COL_TARGET from '@salesforce/label/c.Partner_Planning_Col_Target';
import COL_TARGET_ACCOUNT from '@salesforce/label/c.Coaching_Col_Target_Account';
import HIDE_PERIOD from '@salesforce/label/c.Coaching_Hide_Period';
import PACE_COUNTS from '@salesforce/label/c.Plan_Progress_Pace_Counts';
import PACE_NOT_STARTED from '@salesforce/label/c.Plan_Progress_Pace_Not_Started';
import PACE_OF_EXPECTED from '@salesforce/label/c.Plan_Progress_Pace_Of_Expected';
import PAIR_ATTAINMENT from '@salesforce/label/c.Coaching_Pair_Attainment';
import PERIOD_CLOSED from '@salesforce/label/c.Coaching_Period_Closed';
import PERIOD_CURRENT from '@salesforce/label/c.Coaching_Period_Current';
import PERIOD_TYPE_TARGETS from '@salesforce/label/c.Coaching_Period_Type_Targets';
import PERIOD_UPCOMING from '@salesforce/label/c.Coaching_Period_Upcoming';
import SHARED_NUMBER from '@salesforce/label/c.Coaching_Shared_Number';
import SHOW_PERIOD from '@salesforce/label/c.Coaching_Show_Period';
import TARGET_COUNT from '@salesforce/label/c.Coaching_Target_Count';
import TARGET_COUNT_ONE from '@salesforce/label/c.Coaching_Target_Count_One';
import WHOLE_PARTNER from '@salesforce/label/c.Coaching_Whole_Partner';

export const LABELS = {
  colActual: COL_ACTUAL,
  colAttainment: COL_ATTAINMENT,
  colMetric: COL_METRIC,
  colPace: COL_PACE,
  colTarget: COL_TARGET,
  colTargetAccount: COL_TARGET_ACCOUNT,
  hidePeriod: HIDE_PERIOD,
  paceCounts: PACE_COUNTS,
  paceNotStarted: PACE_NOT_STARTED,
  paceOfExpected: PACE_OF_EXPECTED,
  pairAttainment: PAIR_ATTAINMENT,
  periodClosed: PERIOD_CLOSED,
  periodCurrent: PERIOD_CURRENT,
  periodTypeTargets: PERIOD_TYPE_TARGETS,
  periodUpcoming: PERIOD_UPCOMING,
  sharedNumber: SHARED_NUMBER,
  showPeriod: SHOW_PERIOD,
  targetCount: TARGET_COUNT,
  targetCountOne: TARGET_COUNT_ONE,
  wholePartner: WHOLE_PARTNER,
};
