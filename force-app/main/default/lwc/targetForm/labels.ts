/** The Custom Labels this component shows (category Partner Planning). */
import ACCOUNTABLE_AE from '@salesforce/label/c.Target_Form_Accountable_AE';
import ACCOUNTABLE_AE_HELP from '@salesforce/label/c.Target_Form_Accountable_AE_Help';
import ACCOUNTABLE_PM from '@salesforce/label/c.Target_Form_Accountable_PM';
import ACCOUNTABLE_PM_HELP from '@salesforce/label/c.Target_Form_Accountable_PM_Help';
import CANCEL from '@salesforce/label/c.Partner_Planning_Cancel';
import FISCAL_PERIOD from '@salesforce/label/c.Plan_Editor_Fiscal_Period';
import OTHER_DATES from '@salesforce/label/c.Plan_Editor_Custom_Period';
import METRIC from '@salesforce/label/c.Plan_Editor_Metric';
import PERIOD_END from '@salesforce/label/c.Plan_Editor_Period_End';
import PERIOD_START from '@salesforce/label/c.Plan_Editor_Period_Start';
import PERIOD_TYPE from '@salesforce/label/c.Plan_Editor_Period_Type';
import SAVE_CHANGES from '@salesforce/label/c.Target_Form_Save_Changes';
import SAVE_TARGET from '@salesforce/label/c.Plan_Editor_Save_Target';
import TARGET_ACCOUNT from '@salesforce/label/c.Target_Form_Customer_Account';
import TARGET_VALUE from '@salesforce/label/c.Plan_Editor_Target_Value';
import WEIGHT from '@salesforce/label/c.Target_Form_Weight';

export const LABELS = {
  accountableAe: ACCOUNTABLE_AE,
  accountableAeHelp: ACCOUNTABLE_AE_HELP,
  accountablePartnerManager: ACCOUNTABLE_PM,
  accountablePartnerManagerHelp: ACCOUNTABLE_PM_HELP,
  cancel: CANCEL,
  fiscalPeriod: FISCAL_PERIOD,
  otherDates: OTHER_DATES,
  metric: METRIC,
  periodEnd: PERIOD_END,
  periodStart: PERIOD_START,
  periodType: PERIOD_TYPE,
  saveChanges: SAVE_CHANGES,
  saveTarget: SAVE_TARGET,
  targetAccount: TARGET_ACCOUNT,
  targetValue: TARGET_VALUE,
  weight: WEIGHT,
};
