/** The Custom Labels this component shows (category Partner Planning). */
import ACTUAL from '@salesforce/label/c.Plan_Rollover_Actual';
import BUTTON from '@salesforce/label/c.Plan_Rollover_Button';
import CANCEL from '@salesforce/label/c.Partner_Planning_Cancel';
import CARRIED from '@salesforce/label/c.Plan_Rollover_Carried';
import CARRY from '@salesforce/label/c.Plan_Rollover_Carry';
import CARRY_HELP from '@salesforce/label/c.Plan_Rollover_Carry_Help';
import COL_METRIC from '@salesforce/label/c.Partner_Planning_Col_Metric';
import COL_PERIOD from '@salesforce/label/c.Partner_Planning_Col_Period';
import CONFIRM from '@salesforce/label/c.Plan_Rollover_Confirm';
import HELP from '@salesforce/label/c.Plan_Rollover_Help';
import NEW_TARGET from '@salesforce/label/c.Plan_Rollover_New_Target';
import NEXT_EXISTS from '@salesforce/label/c.Plan_Rollover_Next_Exists';
import NEXT_PERIOD from '@salesforce/label/c.Plan_Rollover_Next_Period';
import NO_TARGETS from '@salesforce/label/c.Plan_Rollover_No_Targets';
import PARTIAL from '@salesforce/label/c.Plan_Blueprint_Partial';
import PREVIEW from '@salesforce/label/c.Plan_Rollover_Preview';
import PREVIOUS_TARGET from '@salesforce/label/c.Plan_Rollover_Previous_Target';
import RECORD_ERROR from '@salesforce/label/c.Plan_Blueprint_Record_Error';
import RETRY from '@salesforce/label/c.Partner_Planning_Retry';
import TITLE from '@salesforce/label/c.Plan_Rollover_Title';
import TRUNCATED from '@salesforce/label/c.Partner_Planning_Truncated';

export const LABELS = {
  actual: ACTUAL,
  button: BUTTON,
  cancel: CANCEL,
  carried: CARRIED,
  carry: CARRY,
  carryHelp: CARRY_HELP,
  colMetric: COL_METRIC,
  colPeriod: COL_PERIOD,
  confirm: CONFIRM,
  help: HELP,
  newTarget: NEW_TARGET,
  nextExists: NEXT_EXISTS,
  nextPeriod: NEXT_PERIOD,
  noTargets: NO_TARGETS,
  partial: PARTIAL,
  preview: PREVIEW,
  previousTarget: PREVIOUS_TARGET,
  recordError: RECORD_ERROR,
  retry: RETRY,
  title: TITLE,
  truncated: TRUNCATED,
};
