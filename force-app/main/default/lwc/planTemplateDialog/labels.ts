/** The Custom Labels this component shows (category Partner Planning). */
import CANCEL from '@salesforce/label/c.Partner_Planning_Cancel';
import CREATE from '@salesforce/label/c.Plan_Template_Dialog_Create';
import DATES_INVALID from '@salesforce/label/c.Plan_Template_Dialog_Dates_Invalid';
import EXISTS from '@salesforce/label/c.Plan_Template_Dialog_Exists';
import FILL from '@salesforce/label/c.Plan_Template_Dialog_Fill';
import FISCAL_YEAR from '@salesforce/label/c.Plan_Template_Dialog_Fiscal_Year';
import FISCAL_YEAR_REQUIRED from '@salesforce/label/c.Plan_Template_Dialog_Fiscal_Year_Required';
import NO_TARGETS from '@salesforce/label/c.Plan_Template_Dialog_No_Targets';
import NO_TEMPLATES from '@salesforce/label/c.Plan_Template_Dialog_No_Templates';
import NOT_EMPTY from '@salesforce/label/c.Plan_Template_Dialog_Not_Empty';
import PARTIAL from '@salesforce/label/c.Plan_Blueprint_Partial';
import PERIOD_END from '@salesforce/label/c.Plan_Template_Dialog_Period_End';
import PERIOD_START from '@salesforce/label/c.Plan_Template_Dialog_Period_Start';
import PREVIEW from '@salesforce/label/c.Plan_Template_Dialog_Preview';
import RECORD_ERROR from '@salesforce/label/c.Plan_Blueprint_Record_Error';
import RETRY from '@salesforce/label/c.Partner_Planning_Retry';
import SPLIT from '@salesforce/label/c.Plan_Template_Dialog_Split';
import SPLIT_MONTHS from '@salesforce/label/c.Plan_Template_Dialog_Split_Months';
import SPLIT_QUARTERS from '@salesforce/label/c.Plan_Template_Dialog_Split_Quarters';
import TEMPLATE from '@salesforce/label/c.Plan_Template_Dialog_Template';
import TRUNCATED from '@salesforce/label/c.Partner_Planning_Truncated';
import YEAR_TOTAL from '@salesforce/label/c.Plan_Template_Dialog_Year_Total';

export const LABELS = {
  cancel: CANCEL,
  create: CREATE,
  datesInvalid: DATES_INVALID,
  exists: EXISTS,
  fill: FILL,
  fiscalYear: FISCAL_YEAR,
  fiscalYearRequired: FISCAL_YEAR_REQUIRED,
  noTargets: NO_TARGETS,
  noTemplates: NO_TEMPLATES,
  notEmpty: NOT_EMPTY,
  partial: PARTIAL,
  periodEnd: PERIOD_END,
  periodStart: PERIOD_START,
  preview: PREVIEW,
  recordError: RECORD_ERROR,
  retry: RETRY,
  split: SPLIT,
  splitMonths: SPLIT_MONTHS,
  splitQuarters: SPLIT_QUARTERS,
  template: TEMPLATE,
  truncated: TRUNCATED,
  yearTotal: YEAR_TOTAL,
};
