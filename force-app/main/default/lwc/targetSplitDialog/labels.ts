/** The Custom Labels this component shows (category Partner Planning). */
import CANCEL from '@salesforce/label/c.Partner_Planning_Cancel';
import COL_PERIOD from '@salesforce/label/c.Partner_Planning_Col_Period';
import COL_SHARE from '@salesforce/label/c.Target_Split_Col_Share';
import COL_VALUE from '@salesforce/label/c.Target_Split_Col_Value';
import INTO from '@salesforce/label/c.Target_Split_Into';
import MONTHS from '@salesforce/label/c.Target_Split_Months';
import PREVIEW_CAPTION from '@salesforce/label/c.Target_Split_Preview_Caption';
import PROFILE from '@salesforce/label/c.Target_Split_Profile';
import PROFILES_FAILED from '@salesforce/label/c.Target_Split_Profiles_Failed';
import QUARTERS from '@salesforce/label/c.Target_Split_Quarters';
import SAVE from '@salesforce/label/c.Target_Split_Save';
import TOTAL from '@salesforce/label/c.Target_Split_Total';
import VALUE_INVALID from '@salesforce/label/c.Target_Split_Value_Invalid';
import YEAR_VALUE from '@salesforce/label/c.Target_Split_Year_Value';

export const LABELS = {
  cancel: CANCEL,
  colPeriod: COL_PERIOD,
  colShare: COL_SHARE,
  colValue: COL_VALUE,
  into: INTO,
  months: MONTHS,
  previewCaption: PREVIEW_CAPTION,
  profile: PROFILE,
  profilesFailed: PROFILES_FAILED,
  quarters: QUARTERS,
  save: SAVE,
  total: TOTAL,
  valueInvalid: VALUE_INVALID,
  yearValue: YEAR_VALUE,
};
