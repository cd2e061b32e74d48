/** The Custom Labels this component shows (category Partner Planning). */
import ATTAINMENT_OF from '@salesforce/label/c.Partner_Planning_Attainment_Of';
import COL_ACTUAL from '@salesforce/label/c.Partner_Planning_Col_Actual';
import COL_ATTAINMENT from '@salesforce/label/c.Partner_Planning_Col_Attainment';
import COL_BASELINE from '@salesforce/label/c.Plan_Editor_Col_Baseline';
import COL_METRIC from '@salesforce/label/c.Partner_Planning_Col_Metric';
import COL_PACE from '@salesforce/label/c.Partner_Planning_Col_Pace';
import COL_PERIOD from '@salesforce/label/c.Partner_Planning_Col_Period';
import COL_TARGET from '@salesforce/label/c.Partner_Planning_Col_Target';
import COMMENTS from '@salesforce/label/c.Plan_Comments_Title';
import COMMENTS_ON from '@salesforce/label/c.Partner_Portal_Show_Comments';
import TARGET_VALUE_FOR from '@salesforce/label/c.Plan_Editor_Target_Value_For';

export const LABELS = {
  attainmentOf: ATTAINMENT_OF,
  colActual: COL_ACTUAL,
  colAttainment: COL_ATTAINMENT,
  colBaseline: COL_BASELINE,
  colMetric: COL_METRIC,
  colPace: COL_PACE,
  colPeriod: COL_PERIOD,
  colTarget: COL_TARGET,
  comments: COMMENTS,
  commentsOn: COMMENTS_ON,
  targetValueFor: TARGET_VALUE_FOR,
};
