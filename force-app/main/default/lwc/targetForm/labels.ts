/** The Custom Labels this component shows (category Partner Planning). */
import CANCEL from '@salesforce/label/c.Partner_Planning_Cancel';
import FISCAL_PERIOD from '@salesforce/label/c.Plan_Editor_Fiscal_Period';
import OTHER_DATES from '@salesforce/label/c.Plan_Editor_Custom_Period';
import METRIC from '@salesforce/label/c.Plan_Editor_Metric';
import PERIOD_END from '@salesforce/label/c.Plan_Editor_Period_End';
import PERIOD_START from '@salesforce/label/c.Plan_Editor_Period_Start';
import PERIOD_TYPE from '@salesforce/label/c.Plan_Editor_Period_Type';
import SAVE_TARGET from '@salesforce/label/c.Plan_Editor_Save_Target';
import TARGET_VALUE from '@salesforce/label/c.Plan_Editor_Target_Value';

export const LABELS = {
  cancel: CANCEL,
  fiscalPeriod: FISCAL_PERIOD,
  otherDates: OTHER_DATES,
  metric: METRIC,
  periodEnd: PERIOD_END,
  periodStart: PERIOD_START,
  periodType: PERIOD_TYPE,
  saveTarget: SAVE_TARGET,
  targetValue: TARGET_VALUE,
};
